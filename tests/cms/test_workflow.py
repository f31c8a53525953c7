"""Editorial workflow: moderators edit and submit; a moderator approves (publishes) or requests
changes with a comment; scheduled publishing and revisions work."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, TaskState, WorkflowState

from portal.cms.locales import originals
from portal.cms.models import CaseStudyPage
from tests import factories as base_factories
from tests.cms import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client_for):
    user = factories.with_totp(base_factories.moderator())
    return user, client_for(user)


def _add_url(parent):
    return reverse("wagtailadmin_pages:add", args=["cms", "casestudypage", parent.pk])


def _submit_case(client, **overrides) -> CaseStudyPage:
    index = factories.case_index()
    data = {**factories.case_study_form_data(**overrides), "action-submit": "action-submit"}
    response = client.post(_add_url(index), data)
    assert response.status_code == 302, response.context["form"].errors
    return originals(CaseStudyPage.objects).get(slug=data["slug"])


def _action(client, page, action, comment=""):
    task_state = TaskState.objects.get(
        workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment}), task_state


def test_fresh_install_has_the_moderation_workflow_on_every_page():
    home = factories.home()
    workflow = home.get_workflow()
    assert workflow is not None and workflow.active
    task = workflow.tasks.get().specific
    assert [group.name for group in task.groups.all()] == ["Moderators"]


def test_moderator_submission_goes_to_moderation_not_live(editor):
    _user, client = editor
    page = _submit_case(client)
    assert not page.live
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


def test_moderator_cannot_bypass_the_workflow_by_publishing(editor):
    _user, client = editor
    index = factories.case_index()
    data = {**factories.case_study_form_data(slug="direct"), "action-publish": "action-publish"}
    client.post(_add_url(index), data)
    page = originals(CaseStudyPage.objects).get(slug="direct")
    assert not page.live
    assert not page.permissions_for_user(editor[0]).can_publish()


def test_approval_with_comment_publishes(editor, client_for):
    _user, client = editor
    page = _submit_case(client)
    approver = factories.with_totp(base_factories.moderator())
    response, task_state = _action(client_for(approver), page, "approve", "内容を確認しました")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED
    assert task_state.get_comment() == "内容を確認しました"
    assert task_state.finished_by == approver


def test_request_changes_with_comment_keeps_the_page_unpublished(editor, client_for):
    _user, client = editor
    page = _submit_case(client)
    reviewer = factories.with_totp(base_factories.moderator())
    response, task_state = _action(
        client_for(reviewer), page, "reject", "KPIの出典を追記してください"
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.get_comment() == "KPIの出典を追記してください"
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES


def test_members_and_officials_cannot_open_the_admin(client_for, member, official, startup_user):
    for user in (member, official, startup_user):
        response = client_for(user).get("/admin/")
        assert response.status_code == 302
        assert "/admin/" not in response["Location"] or "login" in response["Location"]


def test_moderator_without_totp_is_sent_to_enrol(client_for):
    response = client_for(base_factories.moderator()).get("/admin/")
    assert response.status_code == 302
    assert "totp" in response["Location"]


def test_scheduled_publishing_goes_live_with_publish_scheduled(editor, client_for):
    _user, client = editor
    go_live = timezone.localtime() + datetime.timedelta(days=2)
    page = _submit_case(client, slug="scheduled", go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
    approver = factories.with_totp(base_factories.moderator())
    _action(client_for(approver), page, "approve", "")
    page.refresh_from_db()
    assert not page.live
    assert page.scheduled_revision is not None
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live
    with time_machine.travel(go_live + datetime.timedelta(minutes=5)):
        call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live


def test_edits_are_kept_as_revisions(editor):
    user, client = editor
    page = factories.case_study()
    page.title = "改訂版のタイトル"
    page.save_revision(user=user)
    assert page.revisions.count() == 2
    response = client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert response.status_code == 200
    first = page.revisions.order_by("created_at").first()
    response = client.get(reverse("wagtailadmin_pages:revisions_view", args=[page.pk, first.pk]))
    assert response.status_code == 200
    assert Page.objects.get(pk=page.pk).specific.title != "改訂版のタイトル"


def test_moderators_see_event_registrations_in_the_admin_read_only(editor):
    from portal.cms import services

    user, client = editor
    event = factories.event(title="ICT利活用サミット")
    services.event_register(event=event, user=base_factories.UserFactory(display_name="佐藤 美咲"))
    response = client.get("/admin/event_registrations/")
    assert response.status_code == 200
    assert "佐藤 美咲" in response.content.decode()
    assert client.get("/admin/event_registrations/new/").status_code == 302  # no add permission


def test_municipality_chooser_searches_names_and_readings(editor):
    _user, client = editor
    for query in ("前橋", "まえばし"):
        response = client.get("/admin/municipality_chooser/results/", {"q": query})
        assert response.status_code == 200
        assert "群馬県前橋市" in response.content.decode()
    response = client.get("/admin/municipality_chooser/results/", {"q": "x" * 500})
    assert response.status_code == 200


def test_startup_chooser_searches_names(editor):
    _user, client = editor
    base_factories.StartupFactory(name="アグリセンス合同会社")
    response = client.get("/admin/startup_chooser/results/", {"q": "アグリ"})
    assert response.status_code == 200
    assert "アグリセンス合同会社" in response.content.decode()
