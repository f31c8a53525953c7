"""Users' reports: who can report what, once per target, and the reporter told when handled."""

import pytest

from portal.cocreation import services as chat
from portal.moderation import services
from portal.moderation.models import Report, ReportStatus
from portal.notifications.models import Notification
from tests import factories
from tests.moderation.conftest import make_channel

pytestmark = pytest.mark.django_db


def report_url(kind, pk):
    return f"/ja/report/{kind}/{pk}/"


@pytest.mark.parametrize(
    "role",
    ["member", "official", "other_official", "startup_user", "other_startup_user", "moderator"],
)
def test_every_signed_in_role_can_report_a_public_request(role, as_role, people):
    support_request = factories.support_request(title="防災アプリの導入")
    client = as_role(role)
    page = client.get(report_url("support_request", support_request.pk))
    assert page.status_code == 200 and "防災アプリの導入" in page.content.decode()
    response = client.post(
        report_url("support_request", support_request.pk),
        {"reason": "spam", "comment": "宣伝目的の投稿です。"},
    )
    assert response.status_code == 302
    assert response["Location"] == support_request.get_absolute_url()
    report = Report.objects.get()
    assert report.reporter == people[role] and report.kind == "support_request"
    assert report.comment == "宣伝目的の投稿です。" and report.status == ReportStatus.OPEN


def test_a_visitor_is_sent_to_sign_in(as_role):
    support_request = factories.support_request()
    client = as_role("visitor")
    response = client.post(report_url("support_request", support_request.pk), {"reason": "spam"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Report.objects.exists()


def test_one_report_per_user_and_target_with_a_friendly_message(client_for, member):
    support_request = factories.support_request()
    client = client_for(member)
    url = report_url("support_request", support_request.pk)
    client.post(url, {"reason": "spam"})
    again = client.get(url)
    assert 'data-testid="already-reported"' in again.content.decode()
    response = client.post(url, {"reason": "harassment", "comment": "もう一度"})
    assert response.status_code == 200
    assert (
        "既に報告" in response.content.decode() or "already reported" in response.content.decode()
    )
    assert Report.objects.count() == 1


def test_the_service_refuses_a_second_report_too(member):
    support_request = factories.support_request()
    services.report_create(reporter=member, target=support_request, reason="spam")
    with pytest.raises(Exception) as error:
        services.report_create(reporter=member, target=support_request, reason="other")
    assert "already" in str(error.value).lower() or "既に" in str(error.value)
    assert Report.objects.count() == 1


def test_what_a_user_cannot_see_cannot_be_reported(client_for, other_official, official):
    draft = factories.support_request(author=official, state="draft")
    response = client_for(other_official).post(
        report_url("support_request", draft.pk), {"reason": "spam"}
    )
    assert response.status_code == 404
    assert client_for(other_official).get(report_url("nonsense", 1)).status_code == 404
    assert not Report.objects.exists()


def test_a_bad_reason_keeps_the_comment_and_explains(client_for, member):
    support_request = factories.support_request()
    response = client_for(member).post(
        report_url("support_request", support_request.pk), {"reason": "", "comment": "詳細です"}
    )
    assert response.status_code == 200
    assert "詳細です" in response.content.decode()
    assert not Report.objects.exists()


def test_channel_messages_are_reported_by_members_only(
    client_for, official, startup_user, other_startup_user
):
    channel = make_channel(owner=official, members=[startup_user])
    message, _ = chat.message_post(
        channel_id=channel.pk, author=official, body="連絡先はこちら", client_id="report-00001"
    )
    page = client_for(startup_user).get(channel.get_absolute_url())
    assert f"/ja/report/message/{message.pk}/" in page.content.decode()
    assert client_for(other_startup_user).get(report_url("message", message.pk)).status_code == 404
    response = client_for(startup_user).post(
        report_url("message", message.pk), {"reason": "personal_information"}
    )
    assert response.status_code == 302
    assert Report.objects.get().kind == "message"


def test_own_content_cannot_be_reported(client_for, official):
    support_request = factories.support_request(author=official)
    response = client_for(official).post(
        report_url("support_request", support_request.pk), {"reason": "spam"}
    )
    assert response.status_code == 200
    assert not Report.objects.exists()


def test_startup_profiles_and_users_can_be_reported(client_for, member, startup_user):
    startup = startup_user.startup_membership.startup
    page = client_for(member).get(startup.get_absolute_url())
    assert 'data-testid="report-link"' in page.content.decode()
    client = client_for(member)
    assert client.post(report_url("startup", startup.pk), {"reason": "other"}).status_code == 302
    assert (
        client.post(report_url("user", startup_user.pk), {"reason": "harassment"}).status_code
        == 302
    )
    assert set(Report.objects.values_list("kind", flat=True)) == {"startup", "user"}


def test_request_page_has_a_report_link(client_for, member):
    support_request = factories.support_request()
    page = client_for(member).get(support_request.get_absolute_url())
    assert f"/ja/report/support_request/{support_request.pk}/" in page.content.decode()


def test_requesting_officials_see_no_report_link_on_their_request(
    client_for, official, other_official
):
    support_request = factories.support_request(author=official)
    link = f"/ja/report/support_request/{support_request.pk}/"
    assert link not in client_for(official).get(support_request.get_absolute_url()).content.decode()
    page = client_for(other_official).get(support_request.get_absolute_url())
    assert link in page.content.decode()


def test_reporters_are_told_once_when_the_report_is_handled(
    member, startup_user, moderator, django_capture_on_commit_callbacks
):
    support_request = factories.support_request()
    services.report_create(reporter=member, target=support_request, reason="spam")
    services.report_create(reporter=startup_user, target=support_request, reason="other")
    with django_capture_on_commit_callbacks(execute=True):
        services.content_hide(target=support_request, moderator=moderator, reason="宣伝のため")
    for reporter in (member, startup_user):
        assert Notification.objects.filter(recipient=reporter, kind="report_handled").count() == 1
    assert set(Report.objects.values_list("status", flat=True)) == {ReportStatus.ACTIONED}
    # Restoring or acting again does not tell them twice.
    with django_capture_on_commit_callbacks(execute=True):
        services.content_restore(target=support_request, moderator=moderator, reason="誤りでした")
    assert Notification.objects.filter(kind="report_handled").count() == 2


def test_channel_members_page_links_to_reporting_a_user(client_for, official, startup_user):
    channel = make_channel(owner=official, members=[startup_user])
    page = client_for(startup_user).get(f"/ja/channels/{channel.pk}/members/").content.decode()
    assert f"/ja/report/user/{official.pk}/" in page
    assert f"/ja/report/user/{startup_user.pk}/" not in page
