"""Municipality figures: the CSV import (all or nothing, line-numbered errors), the edit page's
permissions and its audit entries."""

import datetime
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from portal.community.models import Municipality
from portal.community.services.profiles import (
    BAD_DATE,
    BAD_POPULATION,
    DUPLICATE_CODE,
    ProfileImportError,
    municipality_profiles_import,
)
from portal.moderation.models import AuditEntry
from tests import factories

pytestmark = pytest.mark.django_db

HEADER = "code,population,as_of,area_km2,source\n"
GOOD = HEADER + (
    '102016,330000,2024-01-01,311.59,住民基本台帳\n202151,"66,000",2024-01-01,,塩尻市統計\n'
)


def figures(code):
    m = Municipality.objects.get(code=code)
    return m.population, m.population_as_of, m.area_km2, m.population_source


def test_import_writes_every_row_and_one_audit_entry():
    assert municipality_profiles_import(text=GOOD, label="test.csv") == 2
    assert figures("102016") == (
        330000,
        datetime.date(2024, 1, 1),
        Decimal("311.59"),
        "住民基本台帳",
    )
    assert figures("202151")[0] == 66000 and figures("202151")[2] is None
    entry = AuditEntry.objects.get(action="municipality_profiles_imported")
    assert entry.after["rows"] == 2 and entry.reason == "test.csv"


def test_bad_rows_are_reported_with_their_line_and_nothing_is_applied():
    text = GOOD + (
        "102024,-5,2024-01-01,,x\n"  # line 4: population
        "102032,1000,2099-01-01,,x\n"  # line 5: future date
        "102016,1,2024-01-01,,x\n"  # line 6: duplicate of line 2
        "102019,1,2024-01-01,,x\n"  # line 7: bad check digit
        "999999,1,2024-01-01,,x\n"  # line 8: bad code
        "102041,1,2024-01-01,,\n"  # line 9: no source
        "102041,1\n"  # line 10: too few columns
    )
    with pytest.raises(ProfileImportError) as caught:
        municipality_profiles_import(text=text)
    lines = [error.line for error in caught.value.errors]
    assert lines == [4, 5, 6, 7, 8, 9, 10]
    messages = {error.line: error.message for error in caught.value.errors}
    assert messages[4] == str(BAD_POPULATION)
    assert messages[5] == str(BAD_DATE)
    assert messages[6] == str(DUPLICATE_CODE % {"code": "102016", "line": 2})
    assert figures("102016")[0] is None  # the good rows were not applied either
    assert not AuditEntry.objects.exists()


def test_a_wrong_header_is_refused_on_line_one():
    with pytest.raises(ProfileImportError) as caught:
        municipality_profiles_import(text="code,pop\n102016,1\n")
    assert [e.line for e in caught.value.errors] == [1]


def test_command_prints_line_numbered_errors_and_fails(tmp_path, capsys):
    path = tmp_path / "figures.csv"
    path.write_text(HEADER + "102016,abc,2024-01-01,,x\n", encoding="utf-8")
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_municipality_profiles", str(path))
    assert f"{path}:2:" in capsys.readouterr().err
    assert figures("102016")[0] is None


def test_command_imports_a_file_with_a_bom(tmp_path):
    path = tmp_path / "figures.csv"
    path.write_text("\ufeff" + GOOD, encoding="utf-8")
    call_command("import_municipality_profiles", str(path))
    assert figures("102016")[0] == 330000


def test_dry_run_writes_nothing(tmp_path):
    path = tmp_path / "figures.csv"
    path.write_text(GOOD, encoding="utf-8")
    call_command("import_municipality_profiles", str(path), "--dry-run")
    assert figures("102016")[0] is None


def test_demo_figures_load_and_name_their_source():
    from portal.community.demo_peers import DEMO_PROFILES

    count = municipality_profiles_import(text=DEMO_PROFILES.read_text(encoding="utf-8"))
    assert count >= 150
    assert "公式統計ではありません" in figures(factories.MAEBASHI)[3]


# --- Edit page: who may, and the audit trail ------------------------------------------------

EDIT_DATA = {
    "population": "331000",
    "population_as_of": "2024-10-01",
    "population_source": "前橋市統計",
    "area_km2": "311.59",
}


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("visitor", 302),
        ("member", 403),
        ("pending_official", 403),
        ("official", 200),
        ("other_official", 403),
        ("startup_member", 403),
        ("moderator", 200),
    ],
)
def test_edit_page_matrix(client, users, role, status):
    user = users[role]
    if user:
        client.force_login(user)
    url = reverse("community:municipality_profile_edit", args=[factories.MAEBASHI])
    assert client.get(url).status_code == status
    response = client.post(url, EDIT_DATA)
    assert response.status_code == (302 if status == 200 else status)
    changed = figures(factories.MAEBASHI)[0] == 331000
    assert changed is (status == 200)
    assert AuditEntry.objects.filter(action="municipality_profile_updated").exists() is changed


def test_edit_is_audited_with_before_and_after(client, official):
    client.force_login(official)
    url = reverse("community:municipality_profile_edit", args=[factories.MAEBASHI])
    client.post(url, EDIT_DATA)
    entry = AuditEntry.objects.get(action="municipality_profile_updated")
    assert entry.actor == official and entry.target_id == factories.MAEBASHI
    assert entry.before["population"] is None and entry.after["population"] == 331000
    client.post(url, EDIT_DATA)  # no change: no second entry
    assert AuditEntry.objects.filter(action="municipality_profile_updated").count() == 1


def test_edit_form_keeps_what_was_typed_and_explains(client, official):
    client.force_login(official)
    url = reverse("community:municipality_profile_edit", args=[factories.MAEBASHI])
    response = client.post(url, {**EDIT_DATA, "population_source": "", "area_km2": "-1"})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'value="331000"' in body
    assert figures(factories.MAEBASHI)[0] is None


def test_edit_refuses_unstorable_text(client, official):
    client.force_login(official)
    url = reverse("community:municipality_profile_edit", args=[factories.MAEBASHI])
    response = client.post(url, {**EDIT_DATA, "population_source": "a\x00b"})
    assert response.status_code == 200
    assert figures(factories.MAEBASHI)[0] is None
