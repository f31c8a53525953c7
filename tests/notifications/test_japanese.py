"""Japanese recipients get Japanese notifications and emails (translations of locale_parts)."""

import ast
import re
import struct
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.urls import reverse
from django.utils import translation

from portal.notifications.kinds import all_kinds
from portal.notifications.models import Notification
from tests import factories

pytestmark = pytest.mark.django_db

PARTS = Path(django_settings.BASE_DIR) / "locale_parts"
PO_FILE = PARTS / "notifications.ja.po"


def _po_entries(text: str) -> dict[str, str]:
    """msgid (with msgid_plural joined by NUL, as in .mo files) → msgstr, from a simple PO."""
    entries = {}
    pattern = r'^msgid (".*")\n(?:msgid_plural (".*")\n)?msgstr(?:\[0\])? (".*")$'
    for match in re.finditer(pattern, text, re.M):
        msgid, plural, msgstr = (ast.literal_eval(g) if g else None for g in match.groups())
        if msgid:
            entries[msgid + ("\0" + plural if plural else "")] = msgstr
    return entries


def _write_mo(entries: dict[str, str], path: Path) -> None:
    """GNU .mo writer (the format gettext reads): header, sorted key and value tables."""
    keys = sorted(entries)
    ids = [k.encode() for k in keys]
    strs = [entries[k].encode() for k in keys]
    start = 7 * 4 + 16 * len(keys)
    id_offsets, offset = [], start
    for data in ids:
        id_offsets.append((len(data), offset))
        offset += len(data) + 1
    str_offsets = []
    for data in strs:
        str_offsets.append((len(data), offset))
        offset += len(data) + 1
    header = struct.pack("Iiiiiii", 0x950412DE, 0, len(keys), 28, 28 + 8 * len(keys), 0, 0)
    tables = b"".join(struct.pack("ii", *o) for o in id_offsets + str_offsets)
    blobs = b"".join(data + b"\0" for data in ids + strs)
    path.write_bytes(header + tables + blobs)


@pytest.fixture
def japanese_catalog(settings, tmp_path):
    folder = tmp_path / "ja" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    entries = _po_entries(PO_FILE.read_text(encoding="utf-8"))
    entries[""] = "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=1; plural=0;\n"
    _write_mo(entries, folder / "django.mo")
    settings.LOCALE_PATHS = [tmp_path, *django_settings.LOCALE_PATHS]


def test_a_japanese_recipient_gets_a_japanese_notification_and_email(japanese_catalog, notify_now):
    official = factories.OnboardedUserFactory(preferred_language="ja", display_name="佐藤 美咲")
    notify_now(
        kind="proposal_submitted",
        recipients=[official],
        context={
            "request_title": "窓口予約と電子申請のオンライン化",
            "startup_name": "株式会社ミライ行政テック",
            "url": "/ja/requests/12/",
        },
    )
    notification = Notification.objects.get()
    assert notification.title == "「窓口予約と電子申請のオンライン化」に新しい提案が届きました"
    [message] = mail.outbox
    assert message.subject == notification.title
    assert message.body.startswith("佐藤 美咲 様\n")
    assert "株式会社ミライ行政テックから、支援要請「窓口予約と電子申請のオンライン化」に提案" in (
        message.body
    )
    assert "このメールの配信停止（ワンクリック）" in message.body
    assert "ポータルで開く" in message.alternatives[0][0]


def test_a_japanese_batch_counts_in_japanese(japanese_catalog, notify_now):
    member = factories.OnboardedUserFactory(preferred_language="ja")
    for _message in range(3):
        notify_now(kind="channel_unread", recipients=[member], context={"channel_name": "防災WG"})
    assert Notification.objects.get().title == "「防災WG」に新しいメッセージが 3 件"


def test_every_kind_label_and_template_string_has_a_japanese_translation():
    entries = _po_entries(PO_FILE.read_text(encoding="utf-8"))
    assert all(entries.values())
    # Shared words ("Startups") are translated once, in the foundation's part, and the apps
    # that register kinds of their own (peers, stages) translate them in their parts.
    for part in sorted(PARTS.glob("*.ja.po")):
        entries |= _po_entries(part.read_text(encoding="utf-8"))
    with translation.override("en"):
        for kind in all_kinds():
            assert str(kind.label) in entries
            assert str(kind.group) in entries


def test_a_link_reversed_in_the_actors_language_opens_in_the_recipients(notify_now):
    """A Japanese moderator's or official's request reverses `/ja/…`; an English reader gets
    `/en/…` (and the other way round), query and fragment kept."""
    english = factories.OnboardedUserFactory(preferred_language="en")
    japanese = factories.OnboardedUserFactory(preferred_language="ja")
    with translation.override("ja"):
        path = reverse("notifications:preferences") + "?from=mail#kinds"
    notify_now(kind="channel_mention", recipients=[english, japanese], context={"url": path})
    urls = dict(Notification.objects.values_list("recipient_id", "url"))
    assert urls[english.pk].endswith("/en/notifications/settings/?from=mail#kinds")
    assert urls[japanese.pk].endswith("/ja/notifications/settings/?from=mail#kinds")
    [to_english] = [m for m in mail.outbox if m.to == [english.email]]
    assert "/en/notifications/settings/?from=mail#kinds" in to_english.body
    assert "/ja/notifications/settings/" not in to_english.body.split("--")[0]
