"""Suspension ends sessions and blocks sign-in; the audit log is append-only, filterable and
exported as CSV."""

import datetime

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import Resolver404, resolve
from django.utils import timezone

from portal.moderation import services
from portal.moderation.models import AuditEntry, AuditEntryImmutable
from tests import factories
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/ja/accounts/login/"
AUDIT = "/admin/moderation/audit/"


def signed_in_client(user):
    client = Client()
    assert client.post(LOGIN, {"login": user.email, "password": TEST_PASSWORD}).status_code == 302
    return client


def test_suspension_ends_every_session_and_blocks_sign_in(startup_user, moderator, member):
    laptop, phone = signed_in_client(startup_user), signed_in_client(startup_user)
    bystander = signed_in_client(member)
    assert laptop.get("/ja/me/profile/").status_code == 200
    services.user_suspend(user=startup_user, moderator=moderator, reason="スパム投稿の繰り返し")
    sessions = [s.get_decoded().get("_auth_user_id") for s in Session.objects.all()]
    assert str(startup_user.pk) not in sessions and str(member.pk) in sessions
    for client in (laptop, phone):
        assert client.get("/ja/me/profile/").status_code == 302  # back to sign-in
    assert bystander.get("/ja/me/profile/").status_code == 200
    response = Client().post(LOGIN, {"login": startup_user.email, "password": TEST_PASSWORD})
    assert response.status_code == 302 and "inactive" in response["Location"]


def test_reinstating_lets_the_user_sign_in_again(startup_user, moderator):
    services.user_suspend(user=startup_user, moderator=moderator, reason="確認のため")
    services.user_reinstate(user=startup_user, moderator=moderator, reason="確認が取れた")
    signed_in_client(startup_user)


def _entry(moderator, **kwargs):
    target = factories.support_request()
    return services.content_hide(target=target, moderator=moderator, reason="理由") and (
        AuditEntry.objects.latest("pk")
    )


def test_audit_entries_cannot_be_changed_or_deleted(moderator):
    entry = _entry(moderator)
    entry.reason = "書き換え"
    with pytest.raises(AuditEntryImmutable):
        entry.save()
    with pytest.raises(AuditEntryImmutable):
        entry.delete()
    with pytest.raises(AuditEntryImmutable):
        AuditEntry.objects.filter(pk=entry.pk).update(reason="書き換え")
    with pytest.raises(AuditEntryImmutable):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get(pk=entry.pk).reason == "理由"


def test_no_view_edits_or_deletes_audit_entries(admin_client, moderator):
    entry = _entry(moderator)
    for method in ("post", "put", "patch", "delete"):
        for url in (AUDIT, f"{AUDIT}export.csv"):
            assert getattr(admin_client, method)(url).status_code == 405, (method, url)
    for url in (
        f"{AUDIT}{entry.pk}/",
        f"{AUDIT}{entry.pk}/edit/",
        f"{AUDIT}{entry.pk}/delete/",
        f"/django-admin/moderation/auditentry/{entry.pk}/change/",
        f"/django-admin/moderation/auditentry/{entry.pk}/delete/",
    ):
        try:
            match = resolve(url)
        except Resolver404:
            continue
        # Only the console's generic `<kind>/<pk>/` patterns (where "audit" is no kind) or the
        # Django admin's catch-all (AuditEntry is not registered there) can match.
        assert match.url_name in {"target", "act", None}, url
        assert admin_client.post(url, {"reason": "x"}).status_code in {302, 404, 405}
    assert AuditEntry.objects.get(pk=entry.pk).reason == "理由"
    assert AuditEntry.objects.count() == 1
    from django.contrib import admin
    from wagtail.snippets.models import get_snippet_models

    assert AuditEntry not in admin.site._registry
    assert AuditEntry not in get_snippet_models()


def test_the_log_filters_by_action_actor_kind_and_date(admin_client, moderator, startup_user):
    other_moderator = factories.moderator(email="kimura@example.jp")
    services.content_hide(
        target=factories.support_request(), moderator=moderator, reason="重複投稿"
    )
    services.user_warn(user=startup_user, moderator=other_moderator, reason="言葉遣いへの注意")
    AuditEntry.objects.create(
        actor=moderator,
        actor_repr=moderator.email,
        action="user_warned",
        at=timezone.now() - datetime.timedelta(days=40),
        reason="古い警告",
    )

    def rows(query):
        return admin_client.get(AUDIT + query).content.decode()

    assert rows("").count('data-testid="audit-row"') == 3
    by_action = rows("?action=content_hidden")
    assert "重複投稿" in by_action and "言葉遣い" not in by_action
    by_actor = rows("?actor=kimura@example.jp")
    assert "言葉遣い" in by_actor and "重複投稿" not in by_actor
    by_kind = rows("?target_kind=user")
    assert "言葉遣い" in by_kind and "重複投稿" not in by_kind
    today = timezone.localdate().isoformat()
    recent = rows(f"?date_from={today}&date_to={today}")
    assert "古い警告" not in recent and recent.count('data-testid="audit-row"') == 2
    bad = admin_client.get(AUDIT + "?date_from=2026-05-02&date_to=2026-05-01")
    assert bad.status_code == 200


def test_the_log_is_exported_as_csv_with_the_filters(admin_client, moderator):
    services.content_hide(
        target=factories.support_request(), moderator=moderator, reason="重複投稿"
    )
    services.user_warn(user=factories.UserFactory(), moderator=moderator, reason="注意")
    response = admin_client.get(f"{AUDIT}export.csv?action=content_hidden")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert len(lines) == 2  # header + one entry
    assert "重複投稿" in lines[1] and moderator.email in lines[1] and "注意" not in text
