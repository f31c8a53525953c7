import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from taggit.managers import TaggableManager

from portal.community.models import Municipality, Prefecture, VerificationState
from portal.core.categories import DXCategory
from portal.core.models import TimeStampedModel
from portal.core.uploads import Attachment
from portal.search import index
from portal.startups.validators import validate_corporate_number


def logo_upload_to(instance, filename: str) -> str:
    """A generated name: the uploader's file name never reaches the file system."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "png"
    return f"logos/{secrets.token_hex(16)}.{extension}"


class StartupQuerySet(models.QuerySet):
    def verified(self):
        return self.filter(verification_state=VerificationState.VERIFIED)

    def visible_to(self, user):
        """Profiles hidden by a moderator are seen only by the startup's members and moderators."""
        if user.is_authenticated and user.is_moderator:
            return self
        shown = models.Q(hidden_at__isnull=True)
        membership = getattr(user, "startup_membership", None) if user.is_authenticated else None
        if membership is not None:
            shown |= models.Q(pk=membership.startup_id)
        return self.filter(shown)

    def not_hidden(self):
        return self.filter(hidden_at__isnull=True)


LEGAL_FORMS = ("株式会社", "合同会社", "有限会社", "一般社団法人", "一般財団法人", "（株）", "(株)")


class CompanySize(models.TextChoices):
    MICRO = "1-9", _("1–9 employees")
    SMALL = "10-49", _("10–49 employees")
    MEDIUM = "50-299", _("50–299 employees")
    LARGE = "300+", _("300 or more employees")


class Stage(models.TextChoices):
    SEED = "seed", _("Seed")
    EARLY = "early", _("Early")
    GROWTH = "growth", _("Growth")
    MATURE = "mature", _("Established")


class Startup(index.Indexed, TimeStampedModel):
    """A startup organisation that answers support requests."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("URL name"), max_length=80, unique=True, allow_unicode=False)
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
    size = models.CharField(_("size"), max_length=8, choices=CompanySize.choices, blank=True)
    stage = models.CharField(
        _("stage"), max_length=8, choices=Stage.choices, blank=True, db_index=True
    )
    founded_year = models.PositiveSmallIntegerField(_("year founded"), null=True, blank=True)
    tags = TaggableManager(_("tags"), blank=True, help_text=_("Technologies and keywords."))
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
    verification_note = models.TextField(_("reason for rejection"), blank=True)
    logo = models.ImageField(
        _("logo"),
        upload_to=logo_upload_to,
        blank=True,
        help_text=_("PNG, JPEG or WebP, up to 2 MB. Shown square."),
    )
    # Set by moderators (see the moderation app).
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True, db_index=True)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=500, blank=True)

    objects = StartupQuerySet.as_manager()

    # The directory uses the same Japanese search as support requests; indexed explicitly by
    # the services (categories and tags are written after the row), not by a signal.
    search_auto_update = False
    search_fields = [
        index.SearchField("name", boost=3),
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("category_search_text"),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
    ]

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

    @property
    def initial(self) -> str:
        """The logo placeholder's letter: the name's first, after a legal form (株式会社...)."""
        name = self.name.strip()
        for form in LEGAL_FORMS:
            if name.startswith(form) and len(name) > len(form):
                name = name[len(form) :].strip()
                break
        return name[:1].upper()

    def category_search_text(self) -> str:
        """The solution areas' names in every language, so either finds the startup."""
        names = []
        codes = [c.category for c in self.categories.all()]
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                names.extend(str(DXCategory(code).label) for code in codes)
        return " ".join(dict.fromkeys(names))

    def get_absolute_url(self):
        return reverse("startups:detail", args=[self.slug])


class MemberRole(models.TextChoices):
    OWNER = "owner", pgettext_lazy("startup member role", "Owner")
    ADMIN = "admin", pgettext_lazy("startup member role", "Admin")
    MEMBER = "member", pgettext_lazy("startup member role", "Member")


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


class StartupCategory(models.Model):
    """A DX area a startup offers solutions in (a row per area, so directory filters use an index)."""

    startup = models.ForeignKey(
        Startup, on_delete=models.CASCADE, related_name="categories", verbose_name=_("startup")
    )
    category = models.CharField(_("category"), max_length=32, choices=DXCategory.choices)

    class Meta:
        verbose_name = _("solution category")
        verbose_name_plural = _("solution categories")
        ordering = ["category"]
        constraints = [
            models.UniqueConstraint(fields=["startup", "category"], name="startup_category_unique")
        ]
        indexes = [models.Index(fields=["category", "startup"])]

    def __str__(self):
        return self.get_category_display()


INVITATION_LIFETIME = timedelta(days=7)


def _invitation_token() -> str:
    return secrets.token_urlsafe(32)


def _invitation_expiry():
    return timezone.now() + INVITATION_LIFETIME


class StartupInvitation(TimeStampedModel):
    """An email invitation to join a startup; the link expires and works once."""

    startup = models.ForeignKey(
        Startup, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("startup")
    )
    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=16, choices=MemberRole.choices)
    token = models.CharField(max_length=64, unique=True, default=_invitation_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    expires_at = models.DateTimeField(_("expires at"), default=_invitation_expiry)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.startup}"

    def is_usable(self, now=None) -> bool:
        now = now or timezone.now()
        return self.accepted_at is None and self.revoked_at is None and now < self.expires_at

    def get_absolute_url(self):
        return reverse("startups:invitation", args=[self.token])


class TrackRecordState(models.TextChoices):
    PENDING = "pending", _("Awaiting confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    REJECTED = "rejected", _("Not confirmed")


class TrackRecordQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(state=TrackRecordState.CONFIRMED)


class TrackRecord(TimeStampedModel):
    """A startup's claim to have worked with a municipality (導入実績); shown once confirmed by a
    verified official of that municipality."""

    startup = models.ForeignKey(
        Startup, on_delete=models.CASCADE, related_name="track_records", verbose_name=_("startup")
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="startup_track_records",
        verbose_name=_("municipality"),
    )
    category = models.CharField(_("category"), max_length=32, choices=DXCategory.choices)
    title = models.CharField(_("project"), max_length=120)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    year = models.PositiveSmallIntegerField(_("year"))
    state = models.CharField(
        _("state"),
        max_length=16,
        choices=TrackRecordState.choices,
        default=TrackRecordState.PENDING,
        db_index=True,
    )
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_comment = models.CharField(_("comment"), max_length=300, blank=True)

    objects = TrackRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("track record")
        verbose_name_plural = _("track records")
        ordering = ["-year", "-created_at"]
        indexes = [models.Index(fields=["municipality", "state"])]

    def __str__(self):
        return f"{self.startup} × {self.municipality.name} ({self.year})"


# --- Proposals -----------------------------------------------------------------------------------


class ProposalState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    SELECTED = "selected", _("Selected")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# A startup has at most one proposal per request in these states (withdrawn or declined ones may
# be followed by a new one while the request still accepts proposals).
ACTIVE_PROPOSAL_STATES = (
    ProposalState.DRAFT,
    ProposalState.SUBMITTED,
    ProposalState.SHORTLISTED,
    ProposalState.SELECTED,
)


class ProposalQuerySet(models.QuerySet):
    def active(self):
        return self.filter(state__in=ACTIVE_PROPOSAL_STATES)

    def received(self):
        """Proposals the requesting municipality has received (never drafts)."""
        return self.exclude(state=ProposalState.DRAFT)


class Proposal(TimeStampedModel):
    """A startup's answer to a support request.

    Everything but the existence of a proposal is private to its audience: the requesting and
    co-sponsoring municipalities' verified officials, the proposing startup's members and
    moderators (see the proposal policies).
    """

    support_request = models.ForeignKey(
        "community.SupportRequest",
        on_delete=models.CASCADE,
        related_name="proposals",
        verbose_name=_("support request"),
    )
    startup = models.ForeignKey(
        Startup, on_delete=models.CASCADE, related_name="proposals", verbose_name=_("startup")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="proposals",
        verbose_name=_("author"),
    )
    summary = models.CharField(_("summary"), max_length=300)
    body = models.TextField(_("proposal"), max_length=20000, help_text=_("Markdown is supported."))
    estimated_cost_yen = models.PositiveBigIntegerField(
        _("estimated cost (yen)"), null=True, blank=True
    )
    timeline = models.CharField(
        _("timeline"),
        max_length=200,
        blank=True,
        help_text=_("For example: 3 months from contract to launch."),
    )
    state = models.CharField(
        _("state"),
        max_length=16,
        choices=ProposalState.choices,
        default=ProposalState.DRAFT,
        db_index=True,
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True, db_index=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decision_message = models.TextField(_("message to the startup"), max_length=2000, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    # Set by moderators (see the moderation app); hidden content is shown only to its author's
    # side and to moderators.
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True, db_index=True)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=500, blank=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-submitted_at", "-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["support_request", "startup"],
                condition=models.Q(state__in=["draft", "submitted", "shortlisted", "selected"]),
                name="proposal_one_active_per_startup",
            )
        ]
        indexes = [models.Index(fields=["support_request", "state"])]

    def __str__(self):
        return f"{self.startup} → {self.support_request}"

    def get_absolute_url(self):
        return reverse("startups:proposal_detail", args=[self.pk])

    @property
    def is_active(self) -> bool:
        return self.state in ACTIVE_PROPOSAL_STATES


class ProposalAttachment(Attachment):
    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("proposal")
    )

    class Meta(Attachment.Meta):
        verbose_name = _("proposal attachment")
        verbose_name_plural = _("proposal attachments")


class ProposalTransition(models.Model):
    """One change of a proposal's state: who, when, from, to, and the message sent with it."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="transitions", verbose_name=_("proposal")
    )
    from_state = models.CharField(max_length=16, choices=ProposalState.choices, blank=True)
    to_state = models.CharField(max_length=16, choices=ProposalState.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    message = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.proposal_id}: {self.from_state} → {self.to_state}"


# --- Alerts --------------------------------------------------------------------------------------


class StartupAlert(TimeStampedModel):
    """A startup's saved search: it is told when a newly published request matches.

    An empty list of categories or prefectures means "any"; keywords are matched against the
    request's title, summary, body and tags with the Japanese search.
    """

    startup = models.ForeignKey(
        Startup, on_delete=models.CASCADE, related_name="alerts", verbose_name=_("startup")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    name = models.CharField(_("name"), max_length=80)
    categories = models.JSONField(_("categories"), default=list, blank=True)
    prefectures = models.ManyToManyField(
        Prefecture, blank=True, related_name="+", verbose_name=_("prefectures")
    )
    keywords = models.CharField(
        _("keywords"),
        max_length=200,
        blank=True,
        help_text=_("Separate several keywords with spaces; a request matches any of them."),
    )

    class Meta:
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        ordering = ["startup", "name"]

    def __str__(self):
        return f"{self.startup}: {self.name}"

    @property
    def category_labels(self) -> list[str]:
        return [DXCategory(code).label for code in self.categories if code in DXCategory.values]


class StartupAlertDelivery(models.Model):
    """A request a startup was already told about, so it is told once whatever alerts match."""

    startup = models.ForeignKey(Startup, on_delete=models.CASCADE, related_name="+")
    support_request = models.ForeignKey(
        "community.SupportRequest", on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["startup", "support_request"], name="alert_delivery_once"
            )
        ]

    def __str__(self):
        return f"{self.startup_id} ← {self.support_request_id}"
