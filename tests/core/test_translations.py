"""The Japanese catalogue is complete and does not silently re-translate Django, Wagtail or
allauth strings (our catalogue wins over theirs, so a shared msgid changes their screens too)."""

import importlib.util
from pathlib import Path

import polib

from scripts.i18n import JA_PO, missing

# Shared msgids where our wording is deliberately the one shown everywhere.
ALLOWED_OVERRIDES = {
    "user",
    "name",
    "expires at",
    "created at",
    "All",
    "Previous",
    "Next",
    "Preferred language",
    "preferred language",
    "description",
    "Tags",
    "English",
    "users",
    "Cancel",
    "Skip to main content",
    "Email",
    "Add",
    "Confirm",
    "content type",
}
PACKAGES = ["django", "wagtail", "allauth", "taggit"]


def _third_party_catalogues():
    for package in PACKAGES:
        root = Path(importlib.util.find_spec(package).origin).parent
        yield from root.rglob("locale/ja/LC_MESSAGES/django.po")


def test_every_japanese_string_is_translated():
    assert missing() == []


def test_compiled_catalogue_is_up_to_date():
    mo = Path(JA_PO).with_suffix(".mo")
    compiled = polib.mofile(str(mo))
    source = polib.pofile(str(JA_PO))
    assert {(e.msgctxt, e.msgid): e.msgstr for e in compiled if e.msgstr} == {
        (e.msgctxt, e.msgid): e.msgstr for e in source if e.msgstr and not e.obsolete
    }


def test_no_accidental_override_of_framework_translations():
    ours = {(e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(str(JA_PO)) if e.msgstr}
    clashes = set()
    for path in _third_party_catalogues():
        for entry in polib.pofile(str(path)):
            key = (entry.msgctxt, entry.msgid)
            overridden = key in ours and entry.msgstr and entry.msgstr != ours[key]
            if overridden and entry.msgid not in ALLOWED_OVERRIDES:
                clashes.add((entry.msgid, entry.msgstr, ours[key]))
    assert clashes == set()
