from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

MODERATORS_GROUP = "Moderators"


class UserManager(BaseUserManager):
    """Manager for a user model that logs in by email address and has no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class Role(models.TextChoices):
    OFFICIAL = "official", _("Municipal official (CDO/CIO etc.)")
    STARTUP = "startup", _("Startup")


class User(AbstractUser):
    """A person using the portal; identified by email, named by a display name."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email address"), unique=True)
    display_name = models.CharField(
        _("display name"),
        max_length=80,
        help_text=_("Shown to other users, e.g. 山田 太郎."),
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="ja",
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, blank=True)
    onboarded_at = models.DateTimeField(_("onboarding completed at"), null=True, blank=True)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["display_name", "email"]

    def __str__(self):
        return self.display_name or self.email

    def get_full_name(self):
        return self.display_name

    def get_short_name(self):
        return self.display_name

    @property
    def is_onboarded(self) -> bool:
        return self.onboarded_at is not None

    @cached_property
    def is_moderator(self) -> bool:
        if not self.is_active:
            return False
        return self.is_superuser or self.groups.filter(name=MODERATORS_GROUP).exists()

    @cached_property
    def official_profile(self):
        """The user's OfficialProfile, or None.

        Reached through the reverse relation community declares (`official_profile_row`), so the
        ground app imports no app above it.
        """
        profiles = self._meta.get_field("official_profile_row").related_model.objects
        return profiles.select_related("municipality").filter(user=self).first()

    @property
    def is_verified_official(self) -> bool:
        profile = self.official_profile
        return bool(self.is_active and profile and profile.is_verified)

    @cached_property
    def startup_membership(self):
        """The user's active StartupMember row (with its startup), or None (through startups'
        reverse relation `startup_memberships`, as above)."""
        members = self._meta.get_field("startup_memberships").related_model.objects
        return members.select_related("startup").filter(user=self).first()

    @property
    def is_startup_member(self) -> bool:
        return bool(self.is_active and self.startup_membership)

    @property
    def is_verified(self) -> bool:
        """A verified official, a member of a verified startup, or a moderator."""
        if self.is_moderator or self.is_verified_official:
            return True
        membership = self.startup_membership
        return bool(membership and membership.startup.is_verified)
