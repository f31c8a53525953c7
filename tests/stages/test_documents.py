"""Evidence documents: the portal's upload rules, and private to the tracker's audience (the
request's officials, the selected startups' members, moderators): a canary in the file's body
and name never reaches anyone else, on any page."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from portal.stages import services
from portal.stages.models import Stage, StageDocument
from tests.stages.conftest import AUDIENCE, CANARY, ROLES, today
from tests.uploads import EXE_BYTES, PDF_BYTES, pdf_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(world):
    tracker = services.stage_advance(
        tracker=world.tracker, actor=world.users["official"], entered_on=today()
    )
    upload = SimpleUploadedFile(f"{CANARY}協定書.pdf", PDF_BYTES + f"% {CANARY}\n".encode())
    return services.stage_document_add(
        tracker=tracker,
        actor=world.users["official"],
        stage=Stage.AGREEMENT,
        upload=upload,
        title=f"実証協定書 {CANARY}",
    )


@pytest.mark.parametrize("role", ROLES)
def test_stage_documents_reach_the_audience_only(world, document, client_as, role):
    client = client_as(world.users[role])
    response = client.get(document.get_absolute_url())
    if role in AUDIENCE:
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        assert CANARY.encode() in b"".join(response.streaming_content)
    else:
        assert response.status_code == (302 if role == "visitor" else 404)
        assert CANARY not in response.content.decode()
    pages = [
        world.support_request.get_absolute_url(),
        reverse("stages:tracker", args=[world.support_request.pk]),
        reverse("stages:waiting"),
        reverse("dashboard:public"),
        reverse("dashboard:public_csv", args=["stages"]),
    ]
    for url in pages:
        body = client.get(url).content.decode()
        assert (CANARY in body) == (role in AUDIENCE and url.endswith("/stages/")), url


def test_a_startup_document_waits_for_confirmation_and_is_deleted_when_rejected(
    world, django_capture_on_commit_callbacks
):
    official, startup = world.users["official"], world.users["startup"]
    services.stage_advance(tracker=world.tracker, actor=official, entered_on=today())
    update = services.stage_update_propose(
        tracker=world.tracker,
        actor=startup,
        changes={},
        upload=pdf_upload("計画書.pdf"),
        document_title="実証計画書（案）",
    )
    document = StageDocument.objects.get()
    assert not document.confirmed and document.update == update
    storage, name = document.file.storage, document.file.name
    with django_capture_on_commit_callbacks(execute=True):
        services.stage_update_reject(update=update, actor=official, note="版が古い")
    assert not StageDocument.objects.exists()
    assert not storage.exists(name)


def test_stage_documents_follow_the_upload_rules(world):
    official = world.users["official"]
    with pytest.raises(ValidationError):
        services.stage_document_add(
            tracker=world.tracker,
            actor=official,
            stage=Stage.SELECTED,
            upload=SimpleUploadedFile("report.pdf", EXE_BYTES),
        )
    document = services.stage_document_add(
        tracker=world.tracker,
        actor=official,
        stage=Stage.SELECTED,
        upload=SimpleUploadedFile("../../etc/選定通知.pdf", PDF_BYTES),
    )
    assert document.original_name == "選定通知.pdf"
    assert CANARY not in document.file.name and "選定" not in document.file.name
    with pytest.raises(ValidationError):
        services.stage_document_add(
            tracker=world.tracker,
            actor=official,
            stage=Stage.POC,  # not reached yet
            upload=SimpleUploadedFile("a.pdf", PDF_BYTES),
        )


@pytest.mark.parametrize("role", ["co_sponsor", "startup", "moderator", "other_official"])
def test_only_owner_officials_remove_documents(world, document, client_as, role):
    client_as(world.users[role]).post(
        reverse("stages:document_delete", args=[world.support_request.pk, document.pk])
    )
    assert StageDocument.objects.filter(pk=document.pk).exists()
