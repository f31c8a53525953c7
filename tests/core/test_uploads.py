import pytest
from django.core.exceptions import ValidationError

from portal.core import uploads
from tests.uploads import (
    EXE_BYTES,
    PDF_BYTES,
    ooxml_bytes,
    pdf_upload,
    plain_zip_bytes,
    png_bytes,
    upload,
)


@pytest.mark.parametrize(
    ("name", "content", "extension"),
    [
        ("仕様書.pdf", PDF_BYTES, "pdf"),
        ("説明資料.docx", ooxml_bytes("word"), "docx"),
        ("予算表.xlsx", ooxml_bytes("xl"), "xlsx"),
        ("提案.pptx", ooxml_bytes("ppt"), "pptx"),
        ("地図.png", png_bytes(), "png"),
        # The name does not matter, the content does: a PNG named .pdf is stored as PNG.
        ("写真.pdf", png_bytes(), "png"),
    ],
)
def test_validate_upload_accepts_allowed_types_by_content(name, content, extension):
    assert uploads.validate_upload(upload(name, content)).extension == extension


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("invoice.pdf", EXE_BYTES),
        ("setup.exe", EXE_BYTES),
        ("資料.docx", plain_zip_bytes()),
        ("page.pdf", b"<html><script>alert(1)</script></html>"),
        ("logo.png", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
    ],
)
def test_validate_upload_rejects_disguised_or_unlisted_types(name, content):
    with pytest.raises(ValidationError) as error:
        uploads.validate_upload(upload(name, content))
    assert error.value.messages == [str(uploads.UPLOAD_TYPE_NOT_ALLOWED)]


def test_validate_upload_rejects_files_over_the_limit(settings):
    settings.PORTAL_UPLOAD_MAX_BYTES = 1024
    big = upload("大きい.pdf", PDF_BYTES + b"0" * 2000)
    with pytest.raises(ValidationError) as error:
        uploads.validate_upload(big)
    assert error.value.error_list[0].code == "too_large"
    uploads.validate_upload(upload("小さい.pdf", PDF_BYTES))


def test_validate_upload_rejects_empty_files():
    with pytest.raises(ValidationError) as error:
        uploads.validate_upload(upload("empty.pdf", b""))
    assert error.value.error_list[0].code == "empty"


def test_clean_original_name_drops_directories_and_control_characters():
    assert uploads.clean_original_name("../../etc/passwd") == "passwd"
    assert uploads.clean_original_name("C:\\Users\\sato\\予算\x00表.xlsx") == "予算表.xlsx"
    assert uploads.clean_original_name("...") == "file"


def test_upload_field_reports_translated_error_and_accept_attribute():
    field = uploads.UploadField()
    assert ".pdf" in field.widget_attrs(field.widget)["accept"].split(",")
    with pytest.raises(ValidationError):
        field.clean(upload("virus.pdf", EXE_BYTES))
    assert field.clean(pdf_upload()).name == "仕様書.pdf"


def test_private_storage_lives_outside_media_root_and_has_no_url(settings, tmp_path):
    storage = uploads.private_storage()
    assert storage.location == str(tmp_path / "private_media")
    name = storage.save("x/test.pdf", pdf_upload())
    assert (tmp_path / "private_media" / name).exists()
    assert not (tmp_path / "media").exists()
    with pytest.raises(ValueError):
        storage.url(name)
