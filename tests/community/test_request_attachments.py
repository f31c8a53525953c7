"""Attachments of requests: checked by size and content, stored privately, served carefully."""

import os

import pytest

from portal.community.models import SupportRequestAttachment
from portal.core import uploads
from tests.factories import support_request
from tests.uploads import EXE_BYTES, PDF_BYTES, ooxml_bytes, pdf_upload, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_of(official):
    return support_request(author=official, title="窓口のオンライン申請")


def _attach(client, request, file):
    return client.post(f"/ja/requests/{request.pk}/attachments/", {"file": file})


def test_official_attaches_a_pdf_stored_under_a_generated_name(
    client_for, official, request_of, settings
):
    response = _attach(client_for(official), request_of, pdf_upload("仕様書（案）.pdf"))
    assert response.status_code == 302
    attachment = request_of.attachments.get()
    assert attachment.original_name == "仕様書（案）.pdf"
    assert attachment.content_type == "application/pdf"
    assert attachment.file.name.startswith("community/supportrequestattachment/")
    assert attachment.file.name.endswith(".pdf")
    assert "仕様書" not in attachment.file.name
    assert (settings.PRIVATE_MEDIA_ROOT / attachment.file.name).exists()


def test_executable_renamed_pdf_is_rejected(client_for, official, request_of):
    response = _attach(client_for(official), request_of, upload("見積書.pdf", EXE_BYTES))
    assert response.status_code == 400
    assert str(uploads.UPLOAD_TYPE_NOT_ALLOWED) in response.content.decode()
    assert not request_of.attachments.exists()


def test_oversize_file_is_rejected(client_for, official, request_of, settings):
    settings.PORTAL_UPLOAD_MAX_BYTES = 1000
    response = _attach(client_for(official), request_of, upload("大きな資料.pdf", PDF_BYTES * 50))
    assert response.status_code == 400
    assert "1000" in response.content.decode() or "KB" in response.content.decode()
    assert not request_of.attachments.exists()


def test_office_document_is_accepted_by_content(client_for, official, request_of):
    _attach(client_for(official), request_of, upload("予算.xlsx", ooxml_bytes("xl")))
    assert request_of.attachments.get().extension == "xlsx"


def test_at_most_ten_attachments(client_for, official, request_of):
    client = client_for(official)
    for _ in range(10):
        assert _attach(client, request_of, pdf_upload()).status_code == 302
    response = _attach(client, request_of, pdf_upload())
    assert response.status_code == 400
    assert request_of.attachments.count() == 10


def test_download_is_an_attachment_with_nosniff(client_for, official, other_official, request_of):
    _attach(client_for(official), request_of, pdf_upload("仕様書.pdf"))
    attachment = request_of.attachments.get()
    response = client_for(other_official).get(
        f"/ja/requests/{request_of.pk}/attachments/{attachment.pk}/"
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=utf-8''%E4%BB%95%E6%A7%98%E6%9B%B8.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content) == PDF_BYTES


def test_delete_asks_for_confirmation_then_removes_the_file(
    client_for, official, request_of, django_capture_on_commit_callbacks
):
    client = client_for(official)
    _attach(client, request_of, pdf_upload())
    attachment = request_of.attachments.get()
    path = attachment.file.path
    url = f"/ja/requests/{request_of.pk}/attachments/{attachment.pk}/delete/"
    assert client.get(url).status_code == 200
    assert SupportRequestAttachment.objects.filter(pk=attachment.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    assert not SupportRequestAttachment.objects.filter(pk=attachment.pk).exists()
    assert not os.path.exists(path)


def test_attachments_cannot_be_added_once_the_request_is_finished(client_for, official):
    finished = support_request(author=official, state="completed")
    assert _attach(client_for(official), finished, pdf_upload()).status_code == 403
