"""The moderators' verification queue for officials (Wagtail admin) and its services."""

import pytest
from allauth.mfa.models import Authenticator
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from portal.community import services
from portal.community.models import OfficialProfile, VerificationState
from portal.community.services.officials import NOT_PENDING, REJECTION_REASON_REQUIRED
from tests import factories

pytestmark = pytest.mark.django_db

QUEUE = "/admin/officials/"


@pytest.fixture
def admin_client(client_for, moderator):
    Authenticator.objects.create(user=moderator, type=Authenticator.Type.TOTP, data={"secret": "x"})
    return client_for(moderator)


@pytest.fixture
def lg_jp_pending(db):
    user = factories.OnboardedUserFactory(
        email="sato@city.maebashi.lg.jp", display_name="佐藤 花子"
    )
    factories.OfficialProfileFactory(
        user=user, department="政策推進課", verification_state=VerificationState.PENDING
    )
    return user.official_profile


def test_queue_lists_pending_officials_with_the_lg_jp_signal(
    admin_client, lg_jp_pending, pending_official, official
):
    response = admin_client.get(QUEUE)
    assert response.status_code == 200
    content = response.content.decode()
    assert "佐藤 花子" in content and "政策推進課" in content and "city.maebashi.lg.jp" in content
    assert pending_official.display_name in content
    assert official.display_name not in content  # already verified
    assert content.count('data-testid="lg-jp-signal"') == 1  # a signal, not for example.com


def test_queue_is_for_moderators_only(client_for, official, startup_user, lg_jp_pending):
    for user in (official, startup_user):
        response = client_for(user).get(QUEUE)
        assert response.status_code in {302, 403}
        assert "佐藤 花子" not in response.content.decode()
    response = client_for(official).post(f"{QUEUE}{lg_jp_pending.pk}/", {"decision": "verify"})
    assert response.status_code in {302, 403}
    lg_jp_pending.refresh_from_db()
    assert lg_jp_pending.verification_state == VerificationState.PENDING


def test_moderator_verifies_and_the_official_is_told(
    admin_client, moderator, lg_jp_pending, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"{QUEUE}{lg_jp_pending.pk}/", {"decision": "verify"})
    assert response.status_code == 302
    lg_jp_pending.refresh_from_db()
    assert lg_jp_pending.verification_state == VerificationState.VERIFIED
    assert lg_jp_pending.verification_decided_by == moderator
    assert lg_jp_pending.verification_decided_at is not None
    assert mail.outbox[0].to == ["sato@city.maebashi.lg.jp"]
    assert "/ja/onboarding/" in mail.outbox[0].body


def test_moderator_rejects_with_a_reason_that_reaches_the_official(
    admin_client, moderator, lg_jp_pending, django_capture_on_commit_callbacks
):
    url = f"{QUEUE}{lg_jp_pending.pk}/"
    response = admin_client.post(url, {"decision": "reject", "reason": ""})
    assert response.status_code == 200  # the form asks for the reason
    lg_jp_pending.refresh_from_db()
    assert lg_jp_pending.verification_state == VerificationState.PENDING
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            url, {"decision": "reject", "reason": "所属部署を正確に入力してください。"}
        )
    lg_jp_pending.refresh_from_db()
    assert lg_jp_pending.verification_state == VerificationState.REJECTED
    assert lg_jp_pending.verification_decided_by == moderator
    assert "所属部署を正確に入力してください。" in mail.outbox[0].body
    assert "/ja/onboarding/official/" in mail.outbox[0].body


def test_rejected_official_corrects_the_profile_and_is_queued_again(
    client_for, moderator, lg_jp_pending
):
    services.official_reject(profile=lg_jp_pending, moderator=moderator, reason="部署名を確認")
    user = lg_jp_pending.user
    response = client_for(user).post(
        "/ja/onboarding/official/",
        {
            "prefecture": "10",
            "municipality": "102016",
            "department": "未来創造部 デジタル推進課",
            "title": "cdo",
            "title_detail": "",
        },
    )
    assert response.status_code == 302
    profile = OfficialProfile.objects.get(user=user)
    assert profile.verification_state == VerificationState.PENDING
    assert profile.department == "未来創造部 デジタル推進課"


def test_services_refuse_a_profile_that_is_not_pending(moderator, official, lg_jp_pending):
    with pytest.raises(ValidationError) as error:
        services.official_verify(profile=official.official_profile, moderator=moderator)
    assert error.value.messages == [str(NOT_PENDING)]
    with pytest.raises(ValidationError) as error:
        services.official_reject(profile=lg_jp_pending, moderator=moderator, reason=" ")
    assert error.value.message_dict["reason"] == [str(REJECTION_REASON_REQUIRED)]


def test_verification_unlocks_posting(client_for, moderator, lg_jp_pending):
    client = client_for(lg_jp_pending.user)
    assert client.get("/ja/requests/new/").status_code == 403
    services.official_verify(profile=lg_jp_pending, moderator=moderator)
    assert client.get("/ja/requests/new/").status_code == 200


def test_verified_badge_follows_the_officials_name(client, official):
    request = factories.support_request(author=official, published_at=timezone.now())
    content = client.get(f"/ja/municipalities/{request.municipality_id}/").content.decode()
    assert official.display_name in content
    assert "badge--verified" in content
