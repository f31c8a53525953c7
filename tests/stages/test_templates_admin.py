"""Moderators keep the downloadable stage templates in the Wagtail admin; the tracker page
offers them for download at their stage."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model

from portal.stages.models import StageTemplate
from tests.moderation.conftest import with_totp
from tests.uploads import PDF_BYTES

pytestmark = pytest.mark.django_db


@pytest.fixture
def template():
    document = get_document_model()(title="実証協定書（ひな形）")
    document.file.save("kyotei.pdf", ContentFile(PDF_BYTES), save=False)
    document.save()
    return StageTemplate.objects.create(
        stage="agreement", title="実証協定書（ひな形）", document=document
    )


def test_moderators_list_and_add_templates_in_the_admin(client_for, moderator, template):
    client = client_for(with_totp(moderator))
    listing = client.get("/admin/snippets/stages/stagetemplate/")
    assert listing.status_code == 200 and "実証協定書（ひな形）" in listing.content.decode()
    assert client.get("/admin/snippets/stages/stagetemplate/add/").status_code == 200


def test_officials_cannot_reach_the_templates_admin(client_for, official, template):
    response = client_for(official).get("/admin/snippets/stages/stagetemplate/")
    assert response.status_code in {302, 403}


def test_the_tracker_page_offers_the_templates_of_each_stage(world, client_as, template):
    page = (
        client_as(world.users["startup"])
        .get(reverse("stages:tracker", args=[world.support_request.pk]))
        .content.decode()
    )
    assert template.document.url in page
