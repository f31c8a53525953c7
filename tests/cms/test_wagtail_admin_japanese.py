"""The Japanese admin has no English left on a moderator's first screens: the msgids that
Wagtail's own Japanese catalogue lacks are supplied by the portal (portal/cms/wagtail_admin_strings.py)."""

import glob
import html
import json
import re
from pathlib import Path

import polib
import pytest
import wagtail

from portal.cms import wagtail_admin_strings
from tests import factories as base_factories
from tests.cms import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def dashboard(client_for):
    factories.case_index()
    moderator = factories.with_totp(base_factories.moderator())
    response = client_for(moderator).get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_dashboard_s_summary_search_and_help_are_japanese(dashboard):
    assert 'placeholder="すべてのページを検索…"' in dashboard
    assert re.search(r"\d+ 件のページ", dashboard)
    assert "件の文書" in dashboard
    assert "編集ガイド" in dashboard
    for english in ("Search all pages", " Pages <span", " Documents <span", "editor guide"):
        assert english not in dashboard, english


def test_the_help_menu_and_the_keyboard_dialog_are_japanese(dashboard):
    sidebar = _sidebar_menu_labels(dashboard)
    assert "ヘルプ" in sidebar and "Help" not in sidebar
    for label in ("キーボードショートカット", "サイドバーの表示切替", "貼り付け", "テキストの書式"):
        assert label in dashboard, label
    for english in ("All keyboard shortcuts", "Toggle sidebar", "Paste without formatting"):
        assert english not in dashboard, english


def test_every_supplied_msgid_is_wagtail_s_own():
    """A msgid that differs from Wagtail's by one character would translate nothing."""
    root = Path(wagtail.__file__).parent
    wagtail_msgids = set()
    for path in glob.glob(str(root / "*" / "locale" / "en" / "LC_MESSAGES" / "django.po")):
        wagtail_msgids.update(entry.msgid for entry in polib.pofile(path))
    portal_catalogue = polib.pofile(
        str(Path(__file__).parents[2] / "locale/ja/LC_MESSAGES/django.po")
    )
    supplied = [
        entry
        for entry in portal_catalogue
        if any(path.endswith("wagtail_admin_strings.py") for path, _line in entry.occurrences)
    ]
    lists = ("SINGULAR_STRINGS", "PLURAL_STRINGS", "ADMIN_SCREENS")
    assert len(supplied) == sum(len(getattr(wagtail_admin_strings, name)) for name in lists)
    assert [entry.msgid for entry in supplied if entry.msgid not in wagtail_msgids] == []
    assert all(entry.msgstr or entry.msgstr_plural.get(0) for entry in supplied)


def test_the_screens_a_moderator_works_in_leave_no_wagtail_string_in_english(
    client_for, monkeypatch
):
    """Render the explorer, the editor, image and document listings and uploads, reports, page
    search, account settings and a console page in Japanese, recording every msgid of
    Wagtail's that comes back untranslated (a Wagtail upgrade that adds English fails here)."""
    from django.utils import translation

    root = Path(wagtail.__file__).parent
    wagtail_msgids = set()
    for path in glob.glob(str(root / "*" / "locale" / "en" / "LC_MESSAGES" / "django.po")):
        wagtail_msgids.update(entry.msgid for entry in polib.pofile(path))
    english = set()

    def recording(name, position):
        real = getattr(translation._trans, name)

        def translate(*args):
            result = real(*args)
            msgid = args[position]
            if translation.get_language() == "ja" and result == msgid in wagtail_msgids:
                english.add(msgid)
            return result

        return translate

    for name, position in (("gettext", 0), ("pgettext", 1), ("ngettext", 0), ("npgettext", 1)):
        monkeypatch.setattr(translation._trans, name, recording(name, position))
    index = factories.case_index()
    case = factories.case_study(title="水田の見回り")
    moderator = factories.with_totp(base_factories.moderator())
    client = client_for(moderator)
    for url in (
        "/admin/",
        f"/admin/pages/{index.pk}/",
        f"/admin/pages/{case.pk}/edit/",
        f"/admin/pages/{case.pk}/history/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/reports/locked/",
        "/admin/pages/search/?q=水田",
        f"/admin/pages/{index.pk}/edit/",
        "/admin/account/",
        "/admin/images/add/",
        "/admin/documents/add/",
        "/admin/reports/aging-pages/",
        "/admin/reports/site-history/",
        "/admin/pattern_hearing_answers/",
        "/admin/moderation/",
    ):
        assert client.get(url).status_code == 200, url
    assert sorted(english) == []


def _sidebar_menu_labels(page: str) -> str:
    """The sidebar is drawn by JavaScript from JSON props in the page; their labels as text."""
    props = re.findall(r'<script[^>]*id="wagtail-sidebar-props"[^>]*>(.*?)</script>', page, re.S)
    assert props, "the admin sidebar's props are in the page"
    return json.dumps(json.loads(html.unescape(props[0])), ensure_ascii=False)
