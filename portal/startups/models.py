from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.community.models import Prefecture, VerificationState
from portal.core.models import TimeStampedModel
from portal.startups.validators import validate_corporate_number


class StartupQuerySet(models.QuerySet):
    def verified(self):
        return self.filter(verification_state=VerificationState.VERIFIED)


class Startup(TimeStampedModel):
    """A startup organisation that answers support requests."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=80, unique=True, allow_unicode=False)
    corporate_number = models.CharField(
        _("corporate number (法人番号)"),
        max_length=13,
        blank=True,
        validators=[validate_corporate_number],
        help_text=_("13 digits, as published by the National Tax Agency."),
    )
    website = models.URLField(_("website"), blank=True)
    summary = models.CharField(_("summary"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    hq_prefecture = models.ForeignKey(
        Prefecture,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="startups",
        verbose_name=_("head office prefecture"),
    )
    verification_state = models.CharField(
        _("verification state"),
        max_length=16,
        choices=VerificationState.choices,
        default=VerificationState.PENDING,
        db_index=True,
    )
    verification_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    verification_decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    objects = StartupQuerySet.as_manager()

    class Meta:
        verbose_name = _("startup")
        verbose_name_plural = _("startups")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["corporate_number"],
                condition=~models.Q(corporate_number=""),
                name="startup_unique_corporate_number",
            )
        ]

    def __str__(self):
        return self.name

    @property
    def is_verified(self) -> bool:
        return self.verification_state == VerificationState.VERIFIED

    def get_absolute_url(self):
        return reverse("startups:detail", args=[self.slug])


class MemberRole(models.TextChoices):
    OWNER = "owner", _("Owner")
    ADMIN = "admin", _("Admin")
    MEMBER = "member", _("Member")


class StartupMember(TimeStampedModel):
    startup = models.ForeignKey(
        Startup, on_delete=models.CASCADE, related_name="members", verbose_name=_("startup")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="startup_memberships",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=16, choices=MemberRole.choices)

    class Meta:
        verbose_name = _("startup member")
        verbose_name_plural = _("startup members")
        ordering = ["startup", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["startup", "user"], name="startup_member_unique"),
        ]

    def __str__(self):
        return f"{self.user} @ {self.startup} ({self.role})"


class JoinRequestState(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")


class StartupJoinRequest(TimeStampedModel):
    """A signed-in user's request to become a member of an existing startup."""

    startup = models.ForeignKey(
        Startup, on_delete=models.CASCADE, related_name="join_requests", verbose_name=_("startup")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="startup_join_requests",
        verbose_name=_("user"),
    )
    message = models.TextField(_("message"), blank=True, max_length=1000)
    state = models.CharField(
        _("state"),
        max_length=16,
        choices=JoinRequestState.choices,
        default=JoinRequestState.PENDING,
        db_index=True,
    )

    class Meta:
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["startup", "user"],
                condition=models.Q(state="pending"),
                name="startup_join_request_one_pending",
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.startup}"
