"""Co-creation channels: a support request's channel or a working group's / task force's channel.

Every message has a `seq` that is gapless per channel (allocated under a row lock on the channel,
see `services.message_post`) and the sender's `client_id` (idempotency key), so clients can resync
after any disconnect and show each message exactly once, in order.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxLengthValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.core.models import TimeStampedModel
from portal.core.uploads import Attachment

MESSAGE_MAX_CHARS = 4000
CLIENT_ID_PATTERN = r"^[A-Za-z0-9_-]{8,64}$"


class ChannelKind(models.TextChoices):
    SUPPORT_REQUEST = "support_request", _("Support request co-creation")
    WORKING_GROUP = "working_group", _("Working group")
    TASK_FORCE = "task_force", _("Task force")
    DIRECT = "direct", _("Direct conversation between officials")


COMMUNITY_KINDS = (ChannelKind.WORKING_GROUP, ChannelKind.TASK_FORCE)


class Privacy(models.TextChoices):
    PRIVATE = "private", _("Members only")
    VERIFIED = "verified", _("Verified users can read and join")
    OPEN = "open", _("Verified users can join; every signed-in user can read")


class ChannelQuerySet(models.QuerySet):
    def community(self):
        return self.filter(kind__in=COMMUNITY_KINDS)

    def listed_for_discovery(self):
        """Community channels whose existence any signed-in user may see."""
        return self.community().exclude(privacy=Privacy.PRIVATE)


class Channel(TimeStampedModel):
    kind = models.CharField(_("kind"), max_length=24, choices=ChannelKind.choices)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    privacy = models.CharField(
        _("privacy"), max_length=16, choices=Privacy.choices, default=Privacy.PRIVATE
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_channels",
        verbose_name=_("owner"),
    )
    # Integration point for the support request (built in portal.community): a generic link so
    # this app does not depend on that model; unique, so opening a request's channel is idempotent.
    subject_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    # A direct conversation's pair of people ("<smaller user pk>:<larger user pk>"), unique, so
    # opening the conversation twice reuses it; empty for every other kind.
    direct_key = models.CharField(max_length=41, blank=True, default="", editable=False)
    declined_at = models.DateTimeField(_("declined at"), null=True, blank=True)
    last_seq = models.PositiveBigIntegerField(_("last message number"), default=0)
    last_message_at = models.DateTimeField(_("last message at"), null=True, blank=True)

    objects = ChannelQuerySet.as_manager()

    class Meta:
        verbose_name = _("channel")
        verbose_name_plural = _("channels")
        ordering = ["-last_message_at", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["subject_type", "subject_id"],
                condition=Q(subject_id__isnull=False),
                name="channel_unique_subject",
            ),
            models.CheckConstraint(
                condition=~Q(kind=ChannelKind.SUPPORT_REQUEST) | Q(privacy=Privacy.PRIVATE),
                name="channel_support_request_private",
            ),
            models.CheckConstraint(
                condition=~Q(kind=ChannelKind.DIRECT)
                | (Q(privacy=Privacy.PRIVATE) & ~Q(direct_key="")),
                name="channel_direct_private_pair",
            ),
            models.UniqueConstraint(
                fields=["direct_key"],
                condition=~Q(direct_key=""),
                name="channel_unique_direct_pair",
            ),
        ]
        indexes = [models.Index(fields=["kind", "privacy"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("cocreation:channel_detail", args=[self.pk])

    @property
    def is_community(self) -> bool:
        return self.kind in COMMUNITY_KINDS

    @property
    def is_direct(self) -> bool:
        return self.kind == ChannelKind.DIRECT

    @property
    def is_declined(self) -> bool:
        return self.declined_at is not None


class MemberRole(models.TextChoices):
    OWNER = "owner", _("Owner")
    MEMBER = "member", _("Member")
    READER = "reader", _("Reader (read only)")


class MembershipState(models.TextChoices):
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    REMOVED = "removed", _("Removed")
    LEFT = "left", _("Left")


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(state=MembershipState.ACTIVE, user__is_active=True)

    def with_unread(self):
        return self.annotate(unread=F("channel__last_seq") - F("last_read_seq"))


class Membership(TimeStampedModel):
    channel = models.ForeignKey(
        Channel, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("channel")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="channel_memberships",
        verbose_name=_("user"),
    )
    role = models.CharField(
        _("role"), max_length=16, choices=MemberRole.choices, default=MemberRole.MEMBER
    )
    state = models.CharField(
        _("state"), max_length=16, choices=MembershipState.choices, default=MembershipState.ACTIVE
    )
    last_read_seq = models.PositiveBigIntegerField(_("read up to"), default=0)
    state_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("state changed by"),
    )
    state_changed_at = models.DateTimeField(_("state changed at"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("channel membership")
        verbose_name_plural = _("channel memberships")
        ordering = ["channel", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["channel", "user"], name="membership_unique"),
        ]
        indexes = [models.Index(fields=["user", "state"])]

    def __str__(self):
        return f"{self.user} @ {self.channel} ({self.role}, {self.state})"

    @staticmethod
    def active_names(channel_id: int) -> list[str]:
        """Display names of the channel's active members (for counting and for @mentions)."""
        return list(
            Membership.objects.filter(channel_id=channel_id, state=MembershipState.ACTIVE)
            .order_by("user__display_name")
            .values_list("user__display_name", flat=True)
        )

    @property
    def is_active(self) -> bool:
        return self.state == MembershipState.ACTIVE

    @property
    def can_post(self) -> bool:
        return self.is_active and self.role in (MemberRole.OWNER, MemberRole.MEMBER)


class MessageQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(deleted_at__isnull=True)

    def for_viewer(self, user):
        """Marks the hidden messages `user` may still read: their own, or all for moderators.

        Without this, every hidden message is masked (`Message.is_masked`): default-deny.
        """
        if user is None or not user.is_authenticated:
            return self
        if user.is_moderator:
            return self.annotate(hidden_readable=models.Value(True))
        return self.annotate(
            hidden_readable=models.ExpressionWrapper(
                Q(author_id=user.pk), output_field=models.BooleanField()
            )
        )

    def searchable_by(self, user):
        """Messages whose text `user` may search: hidden ones only for their author/moderators."""
        if user.is_authenticated and user.is_moderator:
            return self
        return self.filter(Q(hidden_at__isnull=True) | Q(author_id=user.pk))

    def with_people(self):
        return self.select_related("author", "reply_to", "reply_to__author").prefetch_related(
            models.Prefetch("attachments", to_attr="attachment_list")
        )


class Message(TimeStampedModel):
    channel = models.ForeignKey(
        Channel, on_delete=models.CASCADE, related_name="messages", verbose_name=_("channel")
    )
    seq = models.PositiveBigIntegerField(_("number"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="channel_messages",
        verbose_name=_("author"),
    )
    client_id = models.CharField(
        _("client id"), max_length=64, validators=[RegexValidator(CLIENT_ID_PATTERN)]
    )
    body = models.TextField(
        _("message"), blank=True, validators=[MaxLengthValidator(MESSAGE_MAX_CHARS)]
    )
    reply_to = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reply to"),
    )
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("deleted by"),
    )
    # Set by moderators (see the moderation app): the text is kept but shown only to its author
    # and to moderators.
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=500, blank=True)

    objects = MessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["channel", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["channel", "seq"], name="message_unique_seq"),
            models.UniqueConstraint(
                fields=["channel", "author", "client_id"], name="message_unique_client_id"
            ),
        ]
        indexes = [models.Index(fields=["channel", "updated_at"])]

    def __str__(self):
        return f"#{self.seq} @ {self.channel_id}"

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def is_masked(self) -> bool:
        """Hidden by a moderator and not readable by the viewer (see `for_viewer`)."""
        return self.hidden_at is not None and not getattr(self, "hidden_readable", False)

    @property
    def files(self) -> list:
        """The message's attachments: prefetched (`with_people`, `message_post`) or queried."""
        if "attachment_list" not in self.__dict__:
            self.attachment_list = list(self.attachments.all())
        return self.attachment_list

    def get_absolute_url(self):
        return reverse("cocreation:channel_detail", args=[self.channel_id]) + (
            f"?around={self.seq}#m-{self.seq}"
        )


MAX_FILES_PER_MESSAGE = 5


class MessageAttachment(Attachment):
    """A file posted with a message (the portal's upload rules, see portal.core.uploads)."""

    message = models.ForeignKey(
        Message, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("message")
    )

    class Meta(Attachment.Meta):
        verbose_name = _("message attachment")
        verbose_name_plural = _("message attachments")

    def get_absolute_url(self):
        message = self.message
        return reverse(
            "cocreation:message_attachment", args=[message.channel_id, message.seq, self.pk]
        )
