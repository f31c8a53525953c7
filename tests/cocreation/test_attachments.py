"""Files posted in a channel: the portal's upload rules, member-only downloads, payload, transcript."""

import csv
import io
import os

import pytest
from asgiref.sync import sync_to_async
from django.urls import reverse

from portal.cocreation import services
from portal.cocreation.models import (
    MAX_FILES_PER_MESSAGE,
    Membership,
    MembershipState,
    Message,
    MessageAttachment,
)
from portal.core import uploads
from tests.cocreation.conftest import make_channel
from tests.uploads import EXE_BYTES, PDF_BYTES, ooxml_bytes, pdf_upload, png_bytes, upload

pytestmark = pytest.mark.django_db

XSS_NAME = '<img src=x onerror="alert(1)">見積.pdf'


def _post(client, channel, *, body="資料を共有します", files=(), client_id="files-000001"):
    url = reverse("cocreation:message_create", args=[channel.pk])
    data = {"body": body, "client_id": client_id, "files": list(files)}
    return client.post(url, data)


def _post_with_file(channel, user, *, name="見積書.pdf", content=PDF_BYTES, number=1):
    message, _created = services.message_post(
        channel_id=channel.pk,
        author=user,
        body="見積書を添付します",
        client_id=f"svc-files-{number:06d}",
        uploads=[upload(name, content)],
    )
    return message


def _download_url(attachment):
    return reverse(
        "cocreation:message_attachment",
        args=[attachment.message.channel_id, attachment.message.seq, attachment.pk],
    )


# --- Upload rules --------------------------------------------------------------------------


def test_member_posts_a_message_with_files_stored_under_generated_names(
    pair, startup_user, client_for, settings
):
    files = [pdf_upload("提案書（案）.pdf"), upload("体制図.png", png_bytes())]
    response = _post(client_for(startup_user), pair, files=files)
    assert response.status_code == 302
    message = Message.objects.get(channel=pair)
    stored = list(message.attachments.order_by("pk"))
    assert [a.original_name for a in stored] == ["提案書（案）.pdf", "体制図.png"]
    assert [a.content_type for a in stored] == ["application/pdf", "image/png"]
    for attachment in stored:
        assert attachment.file.name.startswith("cocreation/messageattachment/")
        assert "提案書" not in attachment.file.name and "体制図" not in attachment.file.name
        assert (settings.PRIVATE_MEDIA_ROOT / attachment.file.name).exists()
        assert attachment.uploaded_by == startup_user


def test_a_message_may_be_only_files(pair, official, client_for):
    response = _post(
        client_for(official), pair, body="", files=[upload("予算.xlsx", ooxml_bytes("xl"))]
    )
    assert response.status_code == 302
    message = Message.objects.get(channel=pair)
    assert message.body == ""
    assert message.attachments.get().extension == "xlsx"


def test_no_text_and_no_file_is_an_error(pair, official, client_for):
    response = _post(client_for(official), pair, body="  ")
    assert response.status_code == 400
    assert not Message.objects.exists()


def test_executable_renamed_pdf_is_refused_and_the_text_kept(pair, official, client_for):
    response = _post(
        client_for(official), pair, body="仕様書です", files=[upload("仕様書.pdf", EXE_BYTES)]
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert str(uploads.UPLOAD_TYPE_NOT_ALLOWED) in page
    assert "仕様書です" in page
    assert not Message.objects.exists()
    assert not MessageAttachment.objects.exists()


def test_oversize_file_is_refused(pair, official, client_for, settings):
    settings.PORTAL_UPLOAD_MAX_BYTES = 1000
    response = _post(client_for(official), pair, files=[upload("大きな資料.pdf", PDF_BYTES * 50)])
    assert response.status_code == 400
    assert not Message.objects.exists()


def test_too_many_files_are_refused(pair, official, client_for):
    files = [pdf_upload(f"資料{n}.pdf") for n in range(MAX_FILES_PER_MESSAGE + 1)]
    response = _post(client_for(official), pair, files=files)
    assert response.status_code == 400
    assert not Message.objects.exists()


def test_the_service_applies_the_rules_for_any_caller(pair, official):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        _post_with_file(pair, official, name="請求書.pdf", content=EXE_BYTES)
    assert not Message.objects.exists()
    pair.refresh_from_db()
    assert pair.last_seq == 0  # nothing was numbered: seq stays gapless


def test_resubmitting_the_same_form_stores_one_message_and_one_file(pair, official, client_for):
    client = client_for(official)
    assert _post(client, pair, files=[pdf_upload()]).status_code == 302
    assert _post(client, pair, files=[pdf_upload()]).status_code == 302
    assert Message.objects.count() == 1
    assert MessageAttachment.objects.count() == 1


# --- Downloads: members only ---------------------------------------------------------------


@pytest.fixture
def removed(pair, startup_user):
    Membership.objects.filter(channel=pair, user=startup_user).update(state=MembershipState.REMOVED)
    return startup_user


DOWNLOAD_STATUS = {
    "official": 200,  # owner
    "startup_user": 200,  # member
    "other_official": 404,  # another municipality: may not know the channel exists
    "other_startup_user": 404,  # another startup's member
    "moderator": 403,  # may look in to moderate, but files are for members
    "removed": 403,  # removed from the channel
}


@pytest.mark.parametrize("role", list(DOWNLOAD_STATUS))
def test_download_by_role(role, pair, official, client_for, request):
    attachment = _post_with_file(pair, official).attachments.get()
    user = request.getfixturevalue(role)
    response = client_for(user).get(_download_url(attachment))
    assert response.status_code == DOWNLOAD_STATUS[role]
    if response.status_code == 200:
        assert b"".join(response.streaming_content) == PDF_BYTES


def test_anonymous_download_goes_to_login(pair, official, client):
    attachment = _post_with_file(pair, official).attachments.get()
    response = client.get(_download_url(attachment))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_download_is_an_attachment_with_nosniff(pair, official, startup_user, client_for):
    attachment = _post_with_file(pair, official, name="見積書.pdf").attachments.get()
    response = client_for(startup_user).get(_download_url(attachment))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "%E8%A6%8B%E7%A9%8D%E6%9B%B8.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"


def test_a_file_is_found_only_under_its_own_channel_and_message(
    pair, official, startup_user, other_official, client_for
):
    attachment = _post_with_file(pair, official).attachments.get()
    mine = make_channel(owner=startup_user)
    client = client_for(startup_user)
    wrong_channel = reverse("cocreation:message_attachment", args=[mine.pk, 1, attachment.pk])
    wrong_seq = reverse("cocreation:message_attachment", args=[pair.pk, 2, attachment.pk])
    assert client.get(wrong_channel).status_code == 404
    assert client.get(wrong_seq).status_code == 404


def test_deleting_the_message_deletes_its_files(
    pair, official, startup_user, client_for, django_capture_on_commit_callbacks
):
    attachment = _post_with_file(pair, official).attachments.get()
    path, url = attachment.file.path, _download_url(attachment)
    with django_capture_on_commit_callbacks(execute=True):
        services.message_delete(channel_id=pair.pk, actor=official, seq=1)
    assert not MessageAttachment.objects.exists()
    assert not os.path.exists(path)
    assert client_for(startup_user).get(url).status_code == 404


# --- Display -------------------------------------------------------------------------------


def test_files_are_listed_with_the_message_and_names_are_escaped(
    pair, official, startup_user, client_for
):
    attachment = _post_with_file(pair, official, name=XSS_NAME).attachments.get()
    page = client_for(startup_user).get(pair.get_absolute_url()).content.decode()
    assert 'onerror="alert(1)"' not in page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;見積.pdf" in page
    assert f'href="{_download_url(attachment)}"' in page


def test_a_moderator_looking_in_sees_file_names_without_links(
    pair, official, moderator, client_for
):
    attachment = _post_with_file(pair, official, name="議事録.pdf").attachments.get()
    page = client_for(moderator).get(pair.get_absolute_url()).content.decode()
    assert "議事録.pdf" in page
    assert _download_url(attachment) not in page


def test_channel_page_query_count_does_not_grow_with_files(
    pair, official, startup_user, client_for, django_assert_num_queries
):
    for number in range(4):
        _post_with_file(pair, official, number=number)
    client = client_for(startup_user)
    with django_assert_num_queries(13):  # test_views' page count + 1 for the files
        assert client.get(pair.get_absolute_url()).status_code == 200


def test_search_finds_a_message_by_its_file_name(pair, official, startup_user, client_for):
    attachment = _post_with_file(pair, official, name="防災訓練の計画書.pdf").attachments.get()
    services.message_post(
        channel_id=pair.pk, author=official, body="関係のない話", client_id="unrelated-0001"
    )
    url = reverse("cocreation:channel_search", args=[pair.pk])
    page = client_for(startup_user).get(url, {"q": "防災"})
    results = list(page.context["page"])
    assert [m.seq for m in results] == [1]
    assert f'href="{_download_url(attachment)}"' in page.content.decode()


# --- Transcript ----------------------------------------------------------------------------


def test_transcripts_list_the_files_of_each_message(pair, official, client_for):
    _post_with_file(pair, official, name="見積書.pdf")
    client = client_for(official)
    csv_text = b"".join(
        client.get(reverse("cocreation:channel_export", args=[pair.pk, "csv"])).streaming_content
    ).decode()
    rows = list(csv.reader(io.StringIO(csv_text.lstrip("\ufeff"))))
    assert rows[1][-1].startswith("見積書.pdf (")
    text = b"".join(
        client.get(reverse("cocreation:channel_export", args=[pair.pk, "txt"])).streaming_content
    ).decode()
    assert "    見積書を添付します\n" in text
    assert "見積書.pdf (" in text


# --- WebSocket payload ---------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_live_and_synced_frames_carry_the_files(pair, official, startup_user, sockets):
    receiver = await sockets(startup_user, pair.pk)
    message = await sync_to_async(_post_with_file)(pair, official, name="<b>図面<i>.pdf")
    attachment = await sync_to_async(message.attachments.get)()
    expected = [
        {
            "id": attachment.pk,
            "name": "<b>図面<i>.pdf",
            "size": len(PDF_BYTES),
            "type": "PDF",
            "url": await sync_to_async(_download_url)(attachment),
        }
    ]
    assert (await receiver.next("message"))["attachments"] == expected
    await receiver.send({"type": "sync", "after_seq": 0})
    assert (await receiver.next("message"))["attachments"] == expected


# --- Hidden by a moderator ------------------------------------------------------------------


def test_a_hidden_message_takes_its_files_with_it(
    pair, official, startup_user, moderator, client_for
):
    from portal.cocreation import events, selectors
    from portal.moderation import services as moderation

    message = _post_with_file(pair, startup_user, name="内部資料.pdf")
    attachment = message.attachments.get()
    moderation.content_hide(target=message, moderator=moderator, reason="個人情報を含むため")

    # Another member: no file in the page, the payload or the transcript, and no download.
    other = client_for(official)
    assert other.get(_download_url(attachment)).status_code == 404
    assert "内部資料.pdf" not in other.get(pair.get_absolute_url()).content.decode()
    transcript = other.get(reverse("cocreation:channel_export", args=[pair.pk, "txt"]))
    assert "内部資料.pdf" not in b"".join(transcript.streaming_content).decode()
    seen_by_other = selectors.message_in(channel_id=pair.pk, seq=message.seq, viewer=official)
    assert events.attachments_payload(seen_by_other) == []

    # Its author still sees and downloads it.
    author = client_for(startup_user)
    assert author.get(_download_url(attachment)).status_code == 200
    seen_by_author = selectors.message_in(channel_id=pair.pk, seq=message.seq, viewer=startup_user)
    assert [f["name"] for f in events.attachments_payload(seen_by_author)] == ["内部資料.pdf"]
