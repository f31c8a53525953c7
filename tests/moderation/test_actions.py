"""Moderator actions through the console: each needs a reason, is audited and tells people."""

import pytest
from django.contrib.auth.models import Permission

from portal.community.models import VerificationState
from portal.moderation import services
from portal.moderation.models import AuditEntry, Report, ReportStatus, Suspension
from portal.notifications.models import Notification
from tests import factories

pytestmark = pytest.mark.django_db

BASE = "/admin/moderation/"


@pytest.fixture
def reported(member, official):
    support_request = factories.support_request(author=official, title="公民館予約のオンライン化")
    services.report_create(reporter=member, target=support_request, reason="spam")
    return support_request


def act(client, kind, pk, action, reason="ガイドライン違反のため", capture=None):
    url = f"{BASE}{kind}/{pk}/{action}/"
    if capture is None:
        return client.post(url, {"reason": reason})
    with capture(execute=True):
        return client.post(url, {"reason": reason})


def last_entry():
    return AuditEntry.objects.order_by("-pk").first()


def test_queue_groups_reports_by_target_with_counts_and_filters(
    admin_client, reported, startup_user, other_startup_user, official
):
    services.report_create(reporter=startup_user, target=reported, reason="harassment")
    other = factories.support_request(title="ごみ収集ルートの最適化")
    services.report_create(reporter=other_startup_user, target=other, reason="misinformation")
    page = admin_client.get(BASE + "?sort=most").content.decode()
    assert page.count('data-testid="queue-row"') == 2
    assert page.index("公民館予約のオンライン化") < page.index("ごみ収集ルートの最適化")
    assert '<td data-testid="queue-count">2</td>' in page
    newest = admin_client.get(BASE + "?sort=newest").content.decode()
    assert newest.index("ごみ収集ルートの最適化") < newest.index("公民館予約のオンライン化")
    by_reason = admin_client.get(BASE + "?reason=misinformation").content.decode()
    assert "ごみ収集ルートの最適化" in by_reason and "公民館予約" not in by_reason
    services.report_create(reporter=official, target=startup_user, reason="harassment")
    by_kind = admin_client.get(BASE + "?kind=user").content.decode()
    assert by_kind.count('data-testid="queue-row"') == 1 and "公民館予約" not in by_kind


def test_hide_needs_a_reason(admin_client, reported):
    response = act(admin_client, "support_request", reported.pk, "hide", reason="  ")
    assert response.status_code == 200
    reported.refresh_from_db()
    assert reported.hidden_at is None and not AuditEntry.objects.exists()


def test_hide_tells_the_author_and_the_reporter_and_is_audited(
    admin_client, reported, official, member, moderator, django_capture_on_commit_callbacks
):
    response = act(
        admin_client,
        "support_request",
        reported.pk,
        "hide",
        capture=django_capture_on_commit_callbacks,
    )
    assert response.status_code == 302
    reported.refresh_from_db()
    assert reported.hidden_at and reported.hidden_reason == "ガイドライン違反のため"
    entry = last_entry()
    assert (entry.actor, entry.action, entry.target_id) == (
        moderator,
        "content_hidden",
        str(reported.pk),
    )
    assert entry.before == {"hidden_at": None, "hidden_reason": ""}
    assert entry.after["hidden_reason"] == "ガイドライン違反のため"
    hidden_notice = Notification.objects.get(recipient=official, kind="content_hidden")
    assert "ガイドライン違反のため" in hidden_notice.body
    assert Notification.objects.filter(recipient=member, kind="report_handled").count() == 1
    assert Report.objects.get().status == ReportStatus.ACTIONED
    # The author sees the reason on the page.
    from django.test import Client

    author_client = Client()
    author_client.force_login(official, backend="django.contrib.auth.backends.ModelBackend")
    page = author_client.get(reported.get_absolute_url()).content.decode()
    assert 'data-testid="hidden-notice"' in page and "ガイドライン違反のため" in page


def test_restore_shows_it_again_and_is_audited(admin_client, reported, moderator):
    services.content_hide(target=reported, moderator=moderator, reason="誤報")
    assert act(admin_client, "support_request", reported.pk, "restore").status_code == 302
    reported.refresh_from_db()
    assert reported.hidden_at is None
    assert last_entry().action == "content_restored"
    assert last_entry().before["hidden_reason"] == "誤報"


def test_dismiss_closes_reports_and_tells_reporters(
    admin_client, reported, member, django_capture_on_commit_callbacks
):
    act(
        admin_client,
        "support_request",
        reported.pk,
        "dismiss",
        capture=django_capture_on_commit_callbacks,
    )
    report = Report.objects.get()
    assert report.status == ReportStatus.DISMISSED and report.resolution == "ガイドライン違反のため"
    assert Notification.objects.filter(recipient=member, kind="report_handled").count() == 1
    assert last_entry().action == "report_dismissed"
    reported.refresh_from_db()
    assert reported.hidden_at is None


def test_warn_notifies_the_author(
    admin_client, reported, official, django_capture_on_commit_callbacks
):
    act(
        admin_client,
        "support_request",
        reported.pk,
        "warn",
        capture=django_capture_on_commit_callbacks,
    )
    warning = Notification.objects.get(recipient=official, kind="moderation_warning")
    assert "ガイドライン違反のため" in warning.body
    assert (last_entry().action, last_entry().target_id) == ("user_warned", str(official.pk))
    assert Report.objects.get().status == ReportStatus.ACTIONED


def test_suspend_and_reinstate_from_the_user_page(admin_client, startup_user, moderator):
    assert act(admin_client, "user", startup_user.pk, "suspend").status_code == 302
    startup_user.refresh_from_db()
    assert not startup_user.is_active
    suspension = Suspension.objects.get(user=startup_user)
    assert suspension.started_by == moderator and suspension.ended_at is None
    assert last_entry().action == "user_suspended"
    assert last_entry().before == {"is_active": True}
    page = admin_client.get(f"{BASE}users/").content.decode()
    assert startup_user.email in page
    assert (
        act(
            admin_client, "user", startup_user.pk, "reinstate", reason="異議申し立てを認めた"
        ).status_code
        == 302
    )
    startup_user.refresh_from_db()
    suspension.refresh_from_db()
    assert (
        startup_user.is_active
        and suspension.ended_at
        and suspension.end_reason == "異議申し立てを認めた"
    )
    assert last_entry().action == "user_reinstated"


def test_a_moderator_cannot_suspend_themselves(admin_client, moderator):
    response = act(admin_client, "user", moderator.pk, "suspend")
    assert response.status_code == 200
    moderator.refresh_from_db()
    assert moderator.is_active


def test_revoke_an_officials_verification(
    admin_client, official, django_capture_on_commit_callbacks
):
    act(
        admin_client,
        "user",
        official.pk,
        "revoke_official",
        capture=django_capture_on_commit_callbacks,
    )
    profile = official.official_profile_row
    profile.refresh_from_db()
    assert profile.verification_state == VerificationState.REJECTED
    assert profile.rejection_reason == "ガイドライン違反のため"
    assert last_entry().action == "official_revoked"
    assert last_entry().before["verification_state"] == "verified"
    assert Notification.objects.filter(recipient=official, kind="official_rejected").exists()


def test_revoke_a_startups_verification(
    admin_client, startup_user, django_capture_on_commit_callbacks
):
    startup = startup_user.startup_membership.startup
    act(
        admin_client,
        "startup",
        startup.pk,
        "revoke_startup",
        capture=django_capture_on_commit_callbacks,
    )
    startup.refresh_from_db()
    assert startup.verification_state == VerificationState.REJECTED
    assert last_entry().action == "startup_revoked"
    assert Notification.objects.filter(recipient=startup_user, kind="startup_rejected").exists()


def test_an_action_that_does_not_apply_is_an_error_not_a_change(admin_client, reported):
    response = act(admin_client, "support_request", reported.pk, "restore")
    assert response.status_code == 200
    assert not AuditEntry.objects.exists()
    response = admin_client.post(f"{BASE}support_request/{reported.pk}/explode/", {"reason": "x"})
    assert response.status_code in {302, 404} and not AuditEntry.objects.exists()


def test_bulk_hide_and_dismiss(admin_client, member, startup_user, moderator):
    first = factories.support_request()
    second = factories.support_request()
    third = factories.support_request()
    for target in (first, second, third):
        services.report_create(reporter=member, target=target, reason="spam")
    response = admin_client.post(
        f"{BASE}bulk/",
        {
            "action": "hide",
            "reason": "同一業者による宣伝の連投",
            "targets": [f"support_request:{first.pk}", f"support_request:{second.pk}"],
        },
    )
    assert response.status_code == 302
    first.refresh_from_db(), second.refresh_from_db(), third.refresh_from_db()
    assert first.hidden_at and second.hidden_at and third.hidden_at is None
    assert AuditEntry.objects.filter(action="content_hidden").count() == 2
    admin_client.post(
        f"{BASE}bulk/",
        {"action": "dismiss", "reason": "問題なし", "targets": [f"support_request:{third.pk}"]},
    )
    assert Report.objects.filter(status="open").count() == 0
    # A bulk action without a reason does nothing.
    admin_client.post(
        f"{BASE}bulk/",
        {"action": "restore", "reason": "", "targets": [f"support_request:{first.pk}"]},
    )
    first.refresh_from_db()
    assert first.hidden_at is not None


def test_officials_verification_decisions_are_audited(admin_client, pending_official, moderator):
    profile = pending_official.official_profile
    admin_client.post(f"/admin/officials/{profile.pk}/", {"decision": "verify"})
    entry = last_entry()
    assert (entry.action, entry.actor, entry.target_id) == (
        "official_verified",
        moderator,
        str(profile.pk),
    )
    assert entry.before["verification_state"] == "pending"
    assert entry.after["verification_state"] == "verified"


def test_the_admin_home_shows_how_many_items_wait(admin_client, reported, pending_official):
    from portal.community.models import VerificationState as State

    factories.StartupFactory(verification_state=State.PENDING)
    page = admin_client.get("/admin/").content.decode()
    assert '<strong data-testid="waiting-reports">1</strong>' in page
    assert '<strong data-testid="waiting-officials">1</strong>' in page
    assert '<strong data-testid="waiting-startups">1</strong>' in page


def test_the_moderation_menu_groups_the_queues(rf, moderator):
    from django.urls import reverse
    from wagtail.admin.menu import admin_menu

    reverse("moderation_admin:queue")  # the admin's URLs (and so its viewsets) are loaded
    request = rf.get("/admin/")
    request.user = moderator
    items = {item.name: item for item in admin_menu.menu_items_for_request(request)}
    group = items.get("moderation")
    assert group is not None, list(items)
    urls = [item.url for item in group.menu.menu_items_for_request(request)]
    assert urls[0] == "/admin/moderation/"
    assert set(urls) == {
        "/admin/moderation/",
        "/admin/officials/",
        "/admin/startup-verification/",
        "/admin/moderation/users/",
        "/admin/moderation/audit/",
    }
    assert str(group.label) in {"Moderation", "モデレーション"}


def test_editors_do_not_see_the_panel(client_for):
    from tests.moderation.conftest import with_totp

    editor = with_totp(factories.OnboardedUserFactory(is_staff=True))
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    page = client_for(editor).get("/admin/").content.decode()
    assert "moderation-waiting" not in page


def test_target_pages_of_every_kind_show_the_item_and_its_actions(
    admin_client, official, startup_user, member
):
    from portal.cocreation import services as chat
    from tests.moderation.conftest import make_channel

    channel = make_channel(owner=official, members=[startup_user])
    message, _ = chat.message_post(
        channel_id=channel.pk, author=startup_user, body="営業のご案内です", client_id="kind-000001"
    )
    startup = startup_user.startup_membership.startup
    services.report_create(reporter=official, target=message, reason="spam", comment="宣伝です")
    expectations = {
        f"{BASE}message/{message.pk}/": ["営業のご案内です", "宣伝です", "/hide/", "/suspend/"],
        f"{BASE}startup/{startup.pk}/": [startup.name, "/hide/", "/revoke_startup/"],
        f"{BASE}user/{official.pk}/": [official.email, "/warn/", "/revoke_official/"],
    }
    for url, expected in expectations.items():
        page = admin_client.get(url).content.decode()
        for text in expected:
            assert text in page, (url, text)
    assert admin_client.get(f"{BASE}message/999999/").status_code in {302, 404}
