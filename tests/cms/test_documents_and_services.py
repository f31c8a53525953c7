"""Documents follow Wagtail's security guidance; case-study services for the request loop; demo."""

import io

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from wagtail.models import WorkflowState

from portal.cms import services
from portal.cms.forms import check_document_content
from portal.cms.locales import originals
from portal.cms.models import CaseStudyPage, EventPage, SubsidyProgrammePage
from portal.core.categories import DXCategory
from portal.core.pdf import build_pdf
from tests import factories as base_factories
from tests.cms import factories

pytestmark = pytest.mark.django_db


def test_document_and_image_settings_follow_wagtail_security_guidance():
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
    assert not {"html", "htm", "svg", "js", "xml"} & set(settings.WAGTAILDOCS_EXTENSIONS)
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE <= 10 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE <= 10 * 1024 * 1024
    assert settings.WAGTAILDOCS_INLINE_CONTENT_TYPES == []


def test_blocks_have_no_raw_html():
    from portal.cms.blocks import BaseStreamBlock

    for name, block in BaseStreamBlock.base_blocks.items():
        assert type(block).__name__ != "RawHTMLBlock", name
        assert block.meta.icon and block.meta.template and block.meta.description, name
        assert block.meta.preview_value is not None, name


def test_report_document_is_served_as_an_attachment_through_the_checking_view(client):
    report = factories.report()
    response = client.get(report.document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-1.4")


def test_private_collection_documents_need_a_login(client):
    from wagtail.models import Collection, CollectionViewRestriction

    collection = Collection.get_first_root_node().add_child(name="非公開")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = factories.document("内部資料")
    document.collection = collection
    document.save()
    response = client.get(document.url)
    assert response.status_code == 302


def test_document_content_must_match_the_extension():
    check_document_content(SimpleUploadedFile("report.pdf", build_pdf("報告書", ["本文"])))
    check_document_content(SimpleUploadedFile("list.csv", "市区町村,人口\n前橋市,1\n".encode()))
    with pytest.raises(ValidationError):
        check_document_content(SimpleUploadedFile("evil.pdf", b"<html><script>alert(1)</script>"))
    with pytest.raises(ValidationError):
        check_document_content(SimpleUploadedFile("evil.csv", b"\x00\x01binary"))


def test_generated_demo_pdf_is_well_formed():
    data = build_pdf("活動報告書", ["一行目"])
    assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
    xref_at = int(data.rsplit(b"startxref\n", 1)[1].split(b"\n", 1)[0])
    assert data[xref_at:].startswith(b"xref")
    stream = io.BytesIO(data)
    for number in range(1, 9):
        offset_line = data[xref_at:].split(b"\n")[2 + number]
        stream.seek(int(offset_line[:10]))
        assert stream.read(len(f"{number} 0 obj")) == f"{number} 0 obj".encode()


def test_adoption_initial_prefills_a_request_from_the_case():
    case = factories.case_study(title="書かない窓口", tags=["電子申請"])
    initial = services.case_study_adoption_initial(case=case)
    assert initial["case_study_id"] == case.pk
    assert initial["category"] == case.category
    assert initial["tags"] == ["電子申請"]
    assert "書かない窓口" in initial["title"]
    assert case.challenge in initial["body"] and case.solution in initial["body"]


def test_case_study_draft_goes_into_moderation():
    author = base_factories.official(base_factories.MAEBASHI)
    page = services.case_study_create_draft(
        index=factories.case_index(),
        author=author,
        title="住民票のオンライン申請",
        intro="完了した支援要請から作成",
        category=DXCategory.ONLINE_PROCEDURES,
        challenge="窓口が混雑",
        solution="電子申請",
        results="待ち時間が減った",
        municipality_codes=["102016", "102016", "202151"],
        contract_route="proposal",
        source_request_id=42,
    )
    page = CaseStudyPage.objects.get(pk=page.pk)
    assert not page.live
    assert page.source_request_id == 42
    assert [m.code for m in page.municipalities] == ["102016", "202151"]
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == author


def test_demo_seed_builds_the_site_tree_and_is_idempotent():
    out = io.StringIO()
    call_command("seed_demo", "--quiet-logins", "--force", stdout=out)
    call_command("seed_demo", "--quiet-logins", "--force", stdout=out)
    cases = originals(CaseStudyPage.objects.live())  # the English tree holds their translations
    assert cases.count() >= 10
    categories = set(cases.values_list("category", flat=True))
    assert {
        DXCategory.SMART_AGRICULTURE,
        DXCategory.TELEWORK,
        DXCategory.WIRELESS_5G,
        DXCategory.DISASTER,
        DXCategory.ONLINE_PROCEDURES,
    } <= categories
    events = EventPage.objects.live()
    assert events.upcoming().filter(kind="summit", title__contains="ICT利活用サミット").exists()
    assert events.upcoming().filter(kind="field_visit").exists()
    assert events.past().exclude(report_document=None).exists()
    assert SubsidyProgrammePage.objects.live().with_status("closing_soon").exists()
    # Both runs report the same number of live cases: the second run created none.
    assert out.getvalue().count(f"Demo CMS content: {cases.count()} case studies") == 2, (
        out.getvalue()
    )
