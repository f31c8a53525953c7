"""Startup alerts: who manages them, and exactly-once, visibility-aware delivery on publish."""

import pytest
from django.conf import settings
from django.urls import reverse

from portal.community import services as community_services
from portal.notifications.models import Notification
from portal.startups import alerts
from portal.startups.models import MemberRole, StartupAlert, StartupAlertDelivery
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def startup():
    return factories.StartupFactory(name="株式会社アラート", slug="alert-co")


@pytest.fixture
def team(startup):
    return {
        "owner": factories.startup_member(startup, MemberRole.OWNER),
        "member": factories.startup_member(startup, MemberRole.MEMBER),
    }


@pytest.fixture
def alert(startup, team):
    created = StartupAlert.objects.create(
        startup=startup, created_by=team["owner"], name="防災", categories=["disaster"]
    )
    return created


def form_data(**extra):
    return {"name": "群馬の防災", "categories": ["disaster"], "prefectures": ["10"], **extra}


# --- Permission matrix ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("visitor", False),
        ("member", False),
        ("official", False),
        ("moderator", False),
        ("other_startup_user", False),
        ("team_member", True),
    ],
)
def test_only_the_startups_members_manage_its_alerts(
    client, client_for, request, team, alert, role, allowed
):
    if role == "team_member":
        client = client_for(team["member"])
    elif role != "visitor":
        client = client_for(request.getfixturevalue(role))
    urls = {
        "list": reverse("startups:alerts", args=["alert-co"]),
        "new": reverse("startups:alert_new", args=["alert-co"]),
        "edit": reverse("startups:alert_edit", args=["alert-co", alert.pk]),
        "delete": reverse("startups:alert_delete", args=["alert-co", alert.pk]),
    }
    for url in urls.values():
        response = client.get(url)
        if allowed:
            assert response.status_code == 200
        else:
            assert response.status_code in {302, 403}
            assert "防災" not in response.content.decode() or response.status_code == 302
    response = client.post(urls["new"], form_data())
    response = client.post(urls["edit"], form_data(name="変更後"))
    assert StartupAlert.objects.filter(name="変更後").exists() is allowed
    assert StartupAlert.objects.filter(name="群馬の防災").exists() is allowed
    client.post(urls["delete"])
    assert StartupAlert.objects.filter(pk=alert.pk).exists() is not allowed


def test_members_create_edit_and_delete_after_confirmation(client_for, team, startup):
    client = client_for(team["member"])
    response = client.post(
        reverse("startups:alert_new", args=["alert-co"]),
        form_data(keywords="  避難所   GIS "),
    )
    assert response.status_code == 302
    created = StartupAlert.objects.get(startup=startup)
    assert created.categories == ["disaster"] and created.keywords == "避難所 GIS"
    assert [p.code for p in created.prefectures.all()] == ["10"]
    assert created.created_by == team["member"]
    html = client.get(reverse("startups:alerts", args=["alert-co"])).content.decode()
    assert "群馬の防災" in html and "群馬県" in html
    delete_url = reverse("startups:alert_delete", args=["alert-co", created.pk])
    assert client.get(delete_url).status_code == 200
    assert StartupAlert.objects.filter(pk=created.pk).exists()  # GET only asks
    client.post(delete_url)
    assert not StartupAlert.objects.filter(pk=created.pk).exists()


def test_an_empty_alert_is_refused_keeping_the_typed_name(client_for, team):
    response = client_for(team["owner"]).post(
        reverse("startups:alert_new", args=["alert-co"]), {"name": "なんでも"}
    )
    assert response.status_code == 200
    assert "なんでも" in response.content.decode()
    assert not StartupAlert.objects.exists()


def test_another_startups_alert_id_is_not_found(client_for, team, other_startup_user):
    other = other_startup_user.startup_membership.startup
    foreign = StartupAlert.objects.create(startup=other, name="他社", keywords="AI")
    client = client_for(team["owner"])
    for name in ("startups:alert_edit", "startups:alert_delete"):
        assert client.get(reverse(name, args=["alert-co", foreign.pk])).status_code == 404
        assert client.post(reverse(name, args=["alert-co", foreign.pk])).status_code == 404
    # Through the other startup's slug: not a member there.
    assert (
        client.post(reverse("startups:alert_delete", args=[other.slug, foreign.pk])).status_code
        == 403
    )
    assert StartupAlert.objects.filter(pk=foreign.pk, name="他社").exists()


# --- Delivery ------------------------------------------------------------------------------


def publish(official, django_capture_on_commit_callbacks, **kwargs):
    draft = factories.support_request(author=official, state="draft", **kwargs)
    with django_capture_on_commit_callbacks(execute=True):
        community_services.support_request_publish(support_request=draft, actor=official)
    return draft


def told(kind="request_alert_match"):
    return sorted(Notification.objects.filter(kind=kind).values_list("recipient_id", flat=True))


def test_publishing_tells_each_matching_startup_once(
    official, team, startup, alert, django_capture_on_commit_callbacks
):
    StartupAlert.objects.create(startup=startup, name="避難所", keywords="避難所")
    other = factories.StartupFactory()
    other_user = factories.startup_member(other)
    StartupAlert.objects.create(startup=other, name="教育", categories=["education"])
    published = publish(
        official,
        django_capture_on_commit_callbacks,
        title="避難所運営のデジタル化",
        body="CANARY-BODY 詳細",
        category="disaster",
    )
    assert told() == sorted([team["owner"].pk, team["member"].pk])
    assert other_user.pk not in told()
    assert (
        StartupAlertDelivery.objects.filter(startup=startup, support_request=published).count() == 1
    )
    # A retry (the task runs again) tells nobody twice.
    assert alerts.alerts_deliver.call(support_request_id=published.pk) == 0
    assert told() == sorted([team["owner"].pk, team["member"].pk])
    note = Notification.objects.filter(kind="request_alert_match").first()
    assert "避難所運営のデジタル化" in note.title and note.url.endswith(
        published.get_absolute_url()
    )
    assert "CANARY-BODY" not in note.body + note.body_html + note.summary
    assert f"{settings.PORTAL_BASE_URL}/ja/startups/{startup.slug}/alerts/" in note.body


def test_alert_notification_links_to_the_alerts_in_the_recipients_language(
    official, team, startup, alert, django_capture_on_commit_callbacks
):
    team["owner"].preferred_language = "en"
    team["owner"].save(update_fields=["preferred_language"])
    StartupAlert.objects.create(startup=startup, name="避難所", keywords="避難所")
    publish(official, django_capture_on_commit_callbacks, title="避難所運営のデジタル化")
    note = Notification.objects.get(kind="request_alert_match", recipient=team["owner"])
    assert "startup's settings:" in note.body
    assert f"{settings.PORTAL_BASE_URL}/en/startups/{startup.slug}/alerts/" in note.body


@pytest.mark.parametrize(
    ("fields", "matches"),
    [
        ({"categories": ["disaster"]}, True),
        ({"categories": ["education"]}, False),
        ({"keywords": "避難所"}, True),
        ({"keywords": "GIS 避難所"}, True),  # any keyword
        ({"keywords": "GIS"}, False),
        ({"keywords": "避難"}, True),  # CJK: a part of a word, as the search finds it
        ({"keywords": "ai"}, False),  # a word must be whole: not inside "mail"
        ({"keywords": "QR"}, True),  # full-width ＱＲ in the text, NFKC
        ({"categories": ["disaster"], "prefectures": ["20"]}, False),
        ({"categories": ["disaster"], "prefectures": ["10"]}, True),
    ],
)
def test_alert_rules(official, team, startup, django_capture_on_commit_callbacks, fields, matches):
    prefectures = fields.pop("prefectures", [])
    created = StartupAlert.objects.create(startup=startup, name="x", **fields)
    created.prefectures.set(prefectures)
    publish(
        official,
        django_capture_on_commit_callbacks,
        title="避難所運営のデジタル化",
        body="受付をＱＲコードで行い、連絡はmailで送ります。",
        category="disaster",
    )
    assert bool(told()) is matches


def test_a_members_only_request_reaches_verified_startups_only(
    official, django_capture_on_commit_callbacks
):
    verified = factories.StartupFactory(verification_state="verified")
    pending = factories.StartupFactory(verification_state="pending")
    verified_user = factories.startup_member(verified)
    pending_user = factories.startup_member(pending)
    for startup in (verified, pending):
        StartupAlert.objects.create(startup=startup, name="防災", categories=["disaster"])
    request = publish(
        official,
        django_capture_on_commit_callbacks,
        title="非公開の防災案件",
        category="disaster",
        visibility="members",
    )
    assert told() == [verified_user.pk]
    assert not StartupAlertDelivery.objects.filter(startup=pending).exists()
    assert StartupAlertDelivery.objects.filter(startup=verified, support_request=request).exists()
    assert pending_user.pk not in told()
