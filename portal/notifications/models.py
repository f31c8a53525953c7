from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from portal.core.categories import DXCategory
from portal.notifications.kinds import EmailMode


class EmailStatus(models.TextChoices):
    NONE = "none", _("No email")
    PENDING = "pending", _("Email queued")
    DIGEST = "digest", _("Waiting for the daily digest")
    SENT = "sent", _("Email sent")
    SKIPPED = "skipped", _("Email skipped")


class NotificationQuerySet(models.QuerySet):
    def for_recipient(self, user):
        return self.filter(recipient=user)

    def unread(self):
        return self.filter(read_at__isnull=True)

    def awaiting_digest(self):
        return self.filter(email_status=EmailStatus.DIGEST)


class Notification(models.Model):
    """One thing a user was told, rendered in their language when it happened.

    Title, summary and email body are stored as rendered text, so the centre and the emails show
    exactly what the recipient was allowed to see at the time, even if the target changes later.
    A batched kind keeps one unread row per `batch_key` and counts the events folded into it.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=64)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    target_content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    target_object_id = models.CharField(max_length=64, blank=True)
    target = GenericForeignKey("target_content_type", "target_object_id")
    title = models.CharField(_("subject"), max_length=300)
    summary = models.CharField(_("summary"), max_length=500, blank=True)
    # The title and summary in every language of the portal ({"en": {"title": …, "summary": …}}):
    # `title`/`summary` are in the recipient's language (emails); the notification centre shows
    # the language of the page being read.
    texts = models.JSONField(_("title and summary in each language"), default=dict, blank=True)
    body = models.TextField(_("email body (plain text)"))
    body_html = models.TextField(_("email body (HTML fragment)"), blank=True)
    url = models.CharField(_("link"), max_length=1000, blank=True)
    batch_key = models.CharField(max_length=200, blank=True)
    dedupe_key = models.CharField(max_length=200, blank=True)
    count = models.PositiveIntegerField(_("events"), default=1)
    email_status = models.CharField(
        _("email status"), max_length=16, choices=EmailStatus.choices, default=EmailStatus.NONE
    )
    emailed_at = models.DateTimeField(_("emailed at"), null=True, blank=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    last_event_at = models.DateTimeField(_("last event at"), default=timezone.now)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-last_event_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "-last_event_at", "-id"], name="notif_centre_idx"),
            models.Index(
                fields=["recipient"], condition=Q(read_at__isnull=True), name="notif_unread_idx"
            ),
            models.Index(
                fields=["recipient"], condition=Q(email_status="digest"), name="notif_digest_idx"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "batch_key"],
                condition=Q(read_at__isnull=True) & ~Q(batch_key=""),
                name="notif_one_open_batch",
            ),
            models.UniqueConstraint(
                fields=["recipient", "kind", "dedupe_key"],
                condition=~Q(dedupe_key=""),
                name="notif_once_per_key",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def display_title(self) -> str:
        """The title in the language of the page being read (the recipient's where missing)."""
        return self._text_in_active_language("title") or self.title

    @property
    def display_summary(self) -> str:
        text = self._text_in_active_language("summary")
        return self.summary if text is None else text

    def _text_in_active_language(self, field: str):
        return (self.texts or {}).get(translation.get_language() or "", {}).get(field)

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class EmailPreference(models.Model):
    """A user's choice of email mode for one kind; absent means the kind's default."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_preferences"
    )
    kind = models.CharField(_("kind"), max_length=64)
    mode = models.CharField(_("email"), max_length=16, choices=EmailMode.choices)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("email preference")
        verbose_name_plural = _("email preferences")
        ordering = ["user", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="email_pref_one_per_kind")
        ]

    def __str__(self):
        return f"{self.user} · {self.kind}: {self.mode}"


class FollowedCategory(models.Model):
    """A DX category a user follows (subsidy deadlines in it are notified)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followed_categories"
    )
    category = models.CharField(_("category"), max_length=32, choices=DXCategory.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("followed category")
        verbose_name_plural = _("followed categories")
        ordering = ["user", "category"]
        constraints = [
            models.UniqueConstraint(fields=["user", "category"], name="follow_category_once")
        ]
        indexes = [models.Index(fields=["category"], name="follow_category_idx")]

    def __str__(self):
        return f"{self.user} → {self.category}"


class EmailDelivery(models.Model):
    """One email that must go out at most once: the task that sends it claims `key` first."""

    key = models.CharField(max_length=200, unique=True)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=64)
    subject = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("email delivery")
        verbose_name_plural = _("email deliveries")
        ordering = ["-created_at"]

    def __str__(self):
        return self.key
