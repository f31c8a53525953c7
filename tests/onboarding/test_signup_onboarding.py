import re

import pytest
from django.core import mail
from django.urls import reverse

from portal.accounts.models import Role, User
from portal.community.models import OfficialProfile, VerificationState
from portal.startups.models import MemberRole, Startup, StartupJoinRequest, StartupMember
from tests import factories

pytestmark = pytest.mark.django_db

SIGNUP_URL = "/ja/accounts/signup/"


def _signup(client, email="hanako@city.maebashi.lg.jp", language="ja"):
    return client.post(
        SIGNUP_URL,
        {
            "email": email,
            "display_name": "前橋 花子",
            "preferred_language": language,
            "password1": "kirin-tonbo-2026!",
            "password2": "kirin-tonbo-2026!",
        },
    )


def _confirm_from_email(client):
    body = mail.outbox[-1].body
    link = re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+", body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    response = client.post("/" + path)
    assert response.status_code == 302
    return response


def test_signup_requires_email_verification_before_login(client):
    response = _signup(client)
    assert response.status_code == 302
    assert response.url.endswith("/accounts/confirm-email/")
    user = User.objects.get(email="hanako@city.maebashi.lg.jp")
    assert user.display_name == "前橋 花子"
    assert not user.emailaddress_set.get().verified
    # Unverified users cannot log in: allauth sends them back to the verification notice.
    login = client.post(
        "/ja/accounts/login/", {"login": user.email, "password": "kirin-tonbo-2026!"}
    )
    assert "/accounts/confirm-email/" in login.url


def test_verification_email_is_in_the_users_language(client):
    _signup(client, email="en@example.com", language="en")
    assert mail.outbox, "a verification email is sent"
    _signup(client.__class__(), email="ja@example.com", language="ja")
    assert "Confirm" in mail.outbox[0].subject or "confirm" in mail.outbox[0].body.lower()
    assert "確認" in mail.outbox[1].subject + mail.outbox[1].body


def test_official_signup_verification_onboarding_reaches_pending(client):
    _signup(client)
    response = _confirm_from_email(client)
    # Logged in on confirmation, then sent to onboarding in the user's language.
    assert client.get(response.url, follow=True).redirect_chain[-1][0] == "/ja/onboarding/"
    response = client.post("/ja/onboarding/", {"role": "official"})
    assert response.url == "/ja/onboarding/official/"
    response = client.post(
        "/ja/onboarding/official/",
        {
            "prefecture": "10",
            "municipality": factories.MAEBASHI,
            "department": "未来創造部 デジタル推進課",
            "title": "cdo",
            "title_detail": "課長",
        },
    )
    assert response.status_code == 302
    profile = OfficialProfile.objects.get(user__email="hanako@city.maebashi.lg.jp")
    assert profile.verification_state == VerificationState.PENDING
    assert profile.has_lg_jp_email
    assert profile.user.role == Role.OFFICIAL and profile.user.is_onboarded
    assert not profile.user.is_verified_official
    status_page = client.get("/ja/onboarding/")
    assert "確認待ち" in status_page.content.decode()


def test_startup_signup_creates_startup_owned_by_user_pending_verification(client):
    _signup(client, email="founder@example.com")
    _confirm_from_email(client)
    client.post("/ja/onboarding/", {"role": "startup"})
    response = client.post(
        "/ja/onboarding/startup/",
        {
            "action": "create",
            "name": "株式会社ひかりDX",
            "corporate_number": "7000012050002",
            "website": "hikari-dx.example.com",
            "hq_prefecture": "13",
            "summary": "窓口DXを支援します",
        },
    )
    assert response.status_code == 302
    startup = Startup.objects.get(name="株式会社ひかりDX")
    assert startup.verification_state == VerificationState.PENDING
    assert startup.website == "https://hikari-dx.example.com"
    member = StartupMember.objects.get(startup=startup)
    assert member.user.email == "founder@example.com" and member.role == MemberRole.OWNER
    assert "確認待ち" in client.get("/ja/onboarding/").content.decode()


def test_startup_join_request_waits_for_owner(client):
    existing = factories.StartupFactory(name="アグリセンス合同会社")
    _signup(client, email="engineer@example.com")
    _confirm_from_email(client)
    response = client.post(
        "/ja/onboarding/startup/", {"action": "narrow", "startup_query": "アグリ"}
    )
    assert "アグリセンス合同会社" in response.content.decode()
    response = client.post(
        "/ja/onboarding/startup/",
        {
            "action": "join",
            "startup_query": "アグリ",
            "startup": existing.pk,
            "message": "開発担当です",
        },
    )
    assert response.status_code == 302
    join = StartupJoinRequest.objects.get(startup=existing)
    assert join.user.email == "engineer@example.com" and join.state == "pending"
    assert not StartupMember.objects.filter(startup=existing, user=join.user).exists()


def test_invalid_corporate_number_keeps_what_was_typed(client_for, member):
    client = client_for(member)
    response = client.post(
        "/ja/onboarding/startup/",
        {"action": "create", "name": "株式会社テスト", "corporate_number": "1234567890123"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "法人番号" in html and 'value="株式会社テスト"' in html
    assert not Startup.objects.exists()


def test_official_onboarding_without_municipality_shows_error_and_keeps_input(client_for, member):
    client = client_for(member)
    response = client.post(
        "/ja/onboarding/official/",
        {"prefecture": "10", "department": "情報政策課", "title": "cio"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="情報政策課"' in html
    assert "この項目は必須です" in html
    assert not OfficialProfile.objects.exists()


def test_municipality_picker_narrows_without_javascript(client_for, member):
    client = client_for(member)
    response = client.post(
        "/ja/onboarding/official/",
        {"prefecture": "14", "municipality_query": "横浜", "narrow": "1"},
    )
    html = response.content.decode()
    assert "神奈川県横浜市" in html and "神奈川県川崎市" not in html
    assert "この項目は必須です" not in html  # narrowing is not a failed submission


def test_rejected_official_can_correct_and_ask_again(client_for, pending_official):
    profile = pending_official.official_profile
    profile.verification_state = VerificationState.REJECTED
    profile.rejection_reason = "所属部署を確認できませんでした"
    profile.save()
    client = client_for(pending_official)
    page = client.get(reverse("onboarding:official"))
    assert "所属部署を確認できませんでした" in page.content.decode()
    client.post(
        reverse("onboarding:official"),
        {
            "prefecture": "10",
            "municipality": factories.MAEBASHI,
            "department": "デジタル推進課",
            "title": "cdo",
        },
    )
    profile.refresh_from_db()
    assert profile.verification_state == VerificationState.PENDING


def test_after_login_sends_unfinished_users_to_onboarding_in_their_language(client_for):
    user = factories.UserFactory(preferred_language="en")
    response = client_for(user).get(reverse("onboarding:after_login"))
    assert response.url == "/en/onboarding/"
