"""Demo accounts of DESIGN.md (development only): realistic Japanese people and organisations."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone

from portal.accounts.models import MODERATORS_GROUP, Role, User

DEMO_PASSWORD = "demo-pass-2026"

LOGIN_TABLE = [
    ("official1@example.jp", "前橋市 デジタル推進課 CDO (verified official)"),
    ("official2@example.jp", "長野県塩尻市 DX推進課 CIO (verified official, another municipality)"),
    ("startup1@example.com", "株式会社ミライ行政テック owner (verified startup)"),
    ("startup2@example.com", "アグリセンス合同会社 owner (another startup)"),
    ("moderator@example.jp", "JCC moderator (Wagtail admin; TOTP set-up on first visit)"),
]


def _user(email: str, display_name: str, **extra) -> User:
    user, created = User.objects.get_or_create(
        email=email, defaults={"display_name": display_name, **extra}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def _onboard(user: User, role: Role) -> None:
    if user.role != role or user.onboarded_at is None:
        user.role = role
        user.onboarded_at = user.onboarded_at or timezone.now()
        user.save(update_fields=["role", "onboarded_at"])


def seed(stdout) -> None:
    moderator = _user("moderator@example.jp", "山本 直子")
    moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    stdout.write(f"Demo accounts: {User.objects.count()} users")
