"""Reports from users, suspensions, and the append-only audit log of moderators' decisions."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.models import TimeStampedModel


class ReportReason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    HARASSMENT = "harassment", _("Harassment or abuse")
    PERSONAL_INFORMATION = "personal_information", _("Someone's personal information")
    INAPPROPRIATE = "inappropriate", _("Inappropriate content")
    MISINFORMATION = "misinformation", _("False or misleading information")
    OTHER = "other", _("Other reason")


class ReportStatus(models.TextChoices):
    OPEN = "open", _("Waiting for a moderator")
    ACTIONED = "actioned", _("Handled: action taken")
    DISMISSED = "dismissed", _("Handled: no action needed")


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=ReportStatus.OPEN)

    def of_target(self, target):
        return self.filter(
            target_type=ContentType.objects.get_for_model(target), target_id=target.pk
        )


class Report(TimeStampedModel):
    """One user's report about one piece of content or one user; at most one per target."""

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="moderation_reports",
        verbose_name=_("reported by"),
    )
    kind = models.CharField(_("kind"), max_length=32, db_index=True)
    target_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", verbose_name=_("target type")
    )
    target_id = models.PositiveBigIntegerField(_("target id"))
    reason = models.CharField(_("reason"), max_length=32, choices=ReportReason.choices)
    comment = models.TextField(_("comment"), max_length=2000, blank=True)
    status = models.CharField(
        _("report status"),
        max_length=16,
        choices=ReportStatus.choices,
        default=ReportStatus.OPEN,
        db_index=True,
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    resolution = models.TextField(_("moderator's note"), max_length=2000, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["reporter", "target_type", "target_id"], name="report_one_per_reporter"
            )
        ]
        indexes = [models.Index(fields=["status", "target_type", "target_id"])]

    def __str__(self):
        return f"{self.kind}#{self.target_id} ({self.reason})"


class Suspension(models.Model):
    """A period during which a user cannot sign in; open while `ended_at` is empty."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="suspensions",
        verbose_name=_("user"),
    )
    reason = models.TextField(_("reason"), max_length=2000)
    started_at = models.DateTimeField(_("suspended at"), default=timezone.now)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("suspended by"),
    )
    ended_at = models.DateTimeField(_("reinstated at"), null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reinstated by"),
    )
    end_reason = models.TextField(_("reason for reinstating"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("suspension")
        verbose_name_plural = _("suspensions")
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=Q(ended_at__isnull=True), name="suspension_one_open"
            )
        ]

    def __str__(self):
        return f"{self.user_id} @ {self.started_at:%Y-%m-%d}"


class AuditAction(models.TextChoices):
    REPORT_DISMISSED = "report_dismissed", _("Report dismissed")
    CONTENT_HIDDEN = "content_hidden", _("Content hidden")
    CONTENT_RESTORED = "content_restored", _("Content restored")
    USER_WARNED = "user_warned", _("User warned")
    USER_SUSPENDED = "user_suspended", _("User suspended")
    USER_REINSTATED = "user_reinstated", _("User reinstated")
    OFFICIAL_VERIFIED = "official_verified", _("Official verified")
    OFFICIAL_REJECTED = "official_rejected", _("Official not approved")
    OFFICIAL_REVOKED = "official_revoked", _("Official's verification revoked")
    STARTUP_VERIFIED = "startup_verified", _("Startup verified")
    STARTUP_REJECTED = "startup_rejected", _("Startup not approved")
    STARTUP_REVOKED = "startup_revoked", _("Startup's verification revoked")


class AuditEntryImmutable(Exception):
    """Audit entries are written once and never changed or deleted through the portal."""


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AuditEntryImmutable("Audit entries cannot be changed.")

    def delete(self):
        raise AuditEntryImmutable("Audit entries cannot be deleted.")


class AuditEntry(models.Model):
    """Who did what to which object, when, why, and the state before and after. Append-only."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("moderator"),
    )
    actor_repr = models.CharField(_("moderator (as recorded)"), max_length=300, blank=True)
    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    action = models.CharField(_("action"), max_length=40, db_index=True)
    target_type = models.ForeignKey(
        ContentType,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("target type"),
    )
    target_id = models.CharField(_("target id"), max_length=64, blank=True)
    target_repr = models.CharField(_("target"), max_length=300, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    before = models.JSONField(_("before"), default=dict, blank=True)
    after = models.JSONField(_("after"), default=dict, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.target_repr}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AuditEntryImmutable("Audit entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditEntryImmutable("Audit entries cannot be deleted.")

    def get_action_display(self):
        return dict(AuditAction.choices).get(self.action, self.action)
