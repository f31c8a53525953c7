"""Translation tooling without GNU gettext at run time.

    python scripts/i18n.py merge    # fill locale/ja from locale_parts/*.ja.po, then compile
    python scripts/i18n.py compile  # write every django.mo from its django.po
    python scripts/i18n.py check    # exit 1 if a Japanese msgstr is missing or a .mo is stale

`locale_parts/<area>.ja.po` hold the Japanese translations each area of the portal contributes;
`make messages` extracts msgids (xgettext) and then runs `merge`.
"""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "locale"
PARTS = ROOT / "locale_parts"
JA_PO = LOCALE / "ja" / "LC_MESSAGES" / "django.po"


def _key(entry):
    return (entry.msgctxt or "", entry.msgid)


def part_translations() -> dict:
    translations = {}
    for path in sorted(PARTS.glob("*.ja.po")):
        for entry in polib.pofile(str(path)):
            if entry.msgstr or entry.msgstr_plural:
                translations[_key(entry)] = entry
    return translations


def merge() -> None:
    po = polib.pofile(str(JA_PO))
    known = part_translations()
    for entry in po:
        source = known.get(_key(entry))
        if source is None:
            _drop_fuzzy_guess(entry)
            continue
        if entry.msgid_plural:
            entry.msgstr_plural = dict(source.msgstr_plural) or {0: source.msgstr}
        else:
            entry.msgstr = source.msgstr
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    po.save()
    compile_all()


def _drop_fuzzy_guess(entry) -> None:
    """msgmerge guesses translations for new msgids from similar old ones; never ship a guess."""
    if "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
        entry.msgstr = ""
        entry.msgstr_plural = dict.fromkeys(entry.msgstr_plural, "")
        entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None


def compile_all() -> None:
    for po_path in LOCALE.glob("*/LC_MESSAGES/django.po"):
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))


def missing() -> list[str]:
    po = polib.pofile(str(JA_PO))
    return [
        entry.msgid
        for entry in po
        if not entry.obsolete
        and (not (entry.msgstr or any(entry.msgstr_plural.values())) or "fuzzy" in entry.flags)
    ]


def check() -> int:
    gaps = missing()
    for msgid in gaps:
        print(f"untranslated: {msgid!r}")
    return 1 if gaps else 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    if command == "merge":
        merge()
    elif command == "compile":
        compile_all()
    else:
        sys.exit(check())
