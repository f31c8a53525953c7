"""Support requests (支援要請): what a municipality needs help with, and its life.

draft → open → selecting → co_creating → completed, or withdrawn; every change goes through a
service in ``portal.community.services.support_requests`` and leaves a SupportRequestTransition.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from portal.community.models.municipalities import Municipality
from portal.core.categories import ContractRoute, DXCategory
from portal.core.models import TimeStampedModel
from portal.core.uploads import Attachment
from portal.search import index

# Deadlines are calendar days in Japan: a request accepts proposals until 23:59:59 JST.
DEADLINE_TIMEZONE = ZoneInfo("Asia/Tokyo")


# The DX areas are shared with startups, case studies and subsidies.
Category = DXCategory


class RequestState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open for proposals")
    SELECTING = "selecting", _("Selecting")
    CO_CREATING = "co_creating", _("Co-creating")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    RequestState.DRAFT: frozenset({RequestState.OPEN, RequestState.WITHDRAWN}),
    RequestState.OPEN: frozenset({RequestState.SELECTING, RequestState.WITHDRAWN}),
    # Completed straight from selecting: the municipality decided not to adopt any proposal.
    RequestState.SELECTING: frozenset(
        {RequestState.CO_CREATING, RequestState.COMPLETED, RequestState.WITHDRAWN}
    ),
    RequestState.CO_CREATING: frozenset({RequestState.COMPLETED, RequestState.WITHDRAWN}),
    RequestState.COMPLETED: frozenset(),
    RequestState.WITHDRAWN: frozenset(),
}
EDITABLE_STATES = frozenset({RequestState.DRAFT, RequestState.OPEN, RequestState.SELECTING})


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public: anyone can read it")
    MEMBERS = "members", _("Verified members only")


class BudgetRange(models.TextChoices):
    """Expected budget, in 円; ordered from small to large."""

    UNDECIDED = "undecided", _("Not decided yet")
    UNDER_1M = "under_1m", _("Under ¥1 million")
    FROM_1M_TO_5M = "1m_5m", _("¥1–5 million")
    FROM_5M_TO_10M = "5m_10m", _("¥5–10 million")
    FROM_10M_TO_30M = "10m_30m", _("¥10–30 million")
    FROM_30M_TO_100M = "30m_100m", _("¥30–100 million")
    OVER_100M = "over_100m", _("Over ¥100 million")


class TaggedSupportRequest(TaggedItemBase):
    content_object = models.ForeignKey(
        "SupportRequest", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = _("support request tag")
        verbose_name_plural = _("support request tags")

    def __str__(self):
        return f"{self.content_object_id}: {self.tag_id}"


class SupportRequestQuerySet(models.QuerySet):
    def published(self):
        """Requests that were published once (a draft withdrawn unpublished never is)."""
        return self.filter(published_at__isnull=False)

    def open(self):
        return self.filter(state=RequestState.OPEN)

    def accepting_proposals(self, now=None):
        """Open requests whose deadline (a JST calendar day) has not passed."""
        today = deadline_today(now)
        return self.open().filter(Q(proposal_deadline__gte=today))

    def for_municipality(self, municipality):
        return self.filter(municipality=municipality)

    def involving_municipality(self, municipality):
        """Posted by `municipality` or co-sponsored by it (an accepted join)."""
        joined = SupportRequestJoin.objects.filter(
            municipality=municipality, state=JoinState.ACCEPTED
        ).values("support_request_id")
        return self.filter(Q(municipality=municipality) | Q(pk__in=joined))

    def visible_to(self, user):
        """Default-deny read rule (mirrors ``policies.can_view``).

        Public published requests for everyone; members-only ones for verified users; drafts
        (and drafts withdrawn before publication) for the officials of their municipality and
        for moderators. Requests hidden by a moderator only for those last two.
        """
        if user.is_authenticated and user.is_moderator:
            return self
        visible = Q(published_at__isnull=False, visibility=Visibility.PUBLIC)
        own = Q(pk__in=[])
        if user.is_authenticated and user.is_verified:
            visible = Q(published_at__isnull=False)
        if user.is_authenticated and user.is_verified_official:
            own = Q(municipality_id=user.official_profile.municipality_id)
            visible |= own
        # Hidden by a moderator: only the posting municipality's officials still see it.
        return self.filter(visible).filter(Q(hidden_at__isnull=True) | own)

    def not_hidden(self):
        return self.filter(hidden_at__isnull=True)

    def with_list_data(self):
        """What list rows show, in a fixed number of queries whatever the row count."""
        return self.select_related(
            "municipality__prefecture", "municipality__parent"
        ).prefetch_related("tags")


def deadline_today(now=None) -> datetime.date:
    """Today's date in Japan, the calendar proposal deadlines are written in."""
    return timezone.localtime(now or timezone.now(), DEADLINE_TIMEZONE).date()


class SupportRequest(index.Indexed, TimeStampedModel):
    """A municipality's need, posted by one of its verified officials."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="support_requests",
        verbose_name=_("municipality"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="support_requests",
        verbose_name=_("author"),
    )
    title = models.CharField(_("title"), max_length=120)
    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences shown in lists and search results."),
    )
    body = models.TextField(
        _("details"),
        max_length=20000,
        help_text=_(
            "Background, current situation, what you need and constraints. Markdown is supported."
        ),
    )
    category = models.CharField(
        _("category"), max_length=32, choices=Category.choices, db_index=True
    )
    tags = TaggableManager(
        verbose_name=_("tags"), through=TaggedSupportRequest, blank=True, related_name="+"
    )
    budget_range = models.CharField(
        _("budget range"),
        max_length=16,
        choices=BudgetRange.choices,
        default=BudgetRange.UNDECIDED,
        db_index=True,
    )
    proposal_deadline = models.DateField(
        _("proposal deadline"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Proposals are accepted until the end of this day (Japan time)."),
    )
    expected_start = models.DateField(_("expected start"), null=True, blank=True)
    visibility = models.CharField(
        _("visibility"),
        max_length=16,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
        db_index=True,
    )
    state = models.CharField(
        _("state"),
        max_length=16,
        choices=RequestState.choices,
        default=RequestState.DRAFT,
        db_index=True,
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, db_index=True)
    # The posting municipality plus accepted co-sponsors; kept by the join services so lists can
    # sort by it without counting rows.
    municipality_count = models.PositiveSmallIntegerField(
        _("municipalities sharing this request"), default=1, db_index=True
    )

    # Outcome, recorded when the request is completed.
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    outcome_adopted = models.BooleanField(_("solution adopted"), null=True, blank=True)
    outcome_contract_route = models.CharField(
        _("contract route"), max_length=16, choices=ContractRoute.choices, blank=True
    )
    outcome_budget_secured = models.BooleanField(_("budget secured"), null=True, blank=True)
    outcome_lessons = models.TextField(_("lessons learned"), max_length=5000, blank=True)

    # Set by moderators (see the moderation app); hidden requests are shown only to their
    # municipality's officials and to moderators.
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True, db_index=True)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=500, blank=True)

    # The loop with the CMS: the advanced cases this request adopts or builds on, and the
    # subsidy programmes that may fund it.
    linked_case_studies = models.ManyToManyField(
        "cms.CaseStudyPage",
        blank=True,
        related_name="support_requests",
        verbose_name=_("linked advanced cases"),
    )
    linked_subsidies = models.ManyToManyField(
        "cms.SubsidyProgrammePage",
        blank=True,
        related_name="support_requests",
        verbose_name=_("linked subsidy programmes"),
    )

    objects = SupportRequestQuerySet.as_manager()

    # Indexed explicitly by the services (tags are written after the row), not by a signal.
    search_auto_update = False
    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("category_search_text"),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
        index.RelatedFields("municipality", [index.SearchField("name")]),
    ]

    class Meta:
        verbose_name = _("support request")
        verbose_name_plural = _("support requests")
        ordering = ["-published_at", "-created_at", "-pk"]
        indexes = [
            models.Index(fields=["state", "visibility", "-published_at"]),
            models.Index(fields=["municipality", "state"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(municipality_count__gte=1), name="support_request_count_positive"
            ),
            models.CheckConstraint(
                condition=Q(state__in=["draft", "withdrawn"]) | Q(published_at__isnull=False),
                name="support_request_published_has_date",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("community:request_detail", args=[self.pk])

    @property
    def is_draft(self) -> bool:
        return self.state == RequestState.DRAFT

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def is_joint(self) -> bool:
        return self.municipality_count > 1

    def category_search_text(self) -> str:
        """The category's name in every language, so either finds the request."""
        names = []
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                names.append(str(self.get_category_display()))
        return " ".join(dict.fromkeys(names))

    def allowed_next_states(self) -> frozenset[str]:
        return ALLOWED_TRANSITIONS[self.state]

    def deadline_passed(self, now=None) -> bool:
        return self.proposal_deadline is not None and deadline_today(now) > self.proposal_deadline

    def accepts_proposals(self, now=None) -> bool:
        """True while the request is open and its deadline day (Asia/Tokyo) has not ended.

        The proposals app calls this before accepting a new or submitted proposal.
        """
        return (
            self.state == RequestState.OPEN
            and self.proposal_deadline is not None
            and not self.deadline_passed(now)
        )


class SupportRequestTransition(models.Model):
    """One state change of a request: who, when and why (shown on the request page)."""

    support_request = models.ForeignKey(
        SupportRequest,
        on_delete=models.CASCADE,
        related_name="transitions",
        verbose_name=_("support request"),
    )
    from_state = models.CharField(
        _("from state"), max_length=16, choices=RequestState.choices, blank=True
    )
    to_state = models.CharField(_("to state"), max_length=16, choices=RequestState.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    reason = models.TextField(_("reason"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("state change")
        verbose_name_plural = _("state changes")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.support_request_id}: {self.from_state or '-'} → {self.to_state}"


class JoinState(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Co-sponsor")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class SupportRequestJoin(TimeStampedModel):
    """Another municipality's 「同じ課題を抱えています」 and the request owner's answer (共同)."""

    support_request = models.ForeignKey(
        SupportRequest,
        on_delete=models.CASCADE,
        related_name="joins",
        verbose_name=_("support request"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="support_request_joins",
        verbose_name=_("municipality"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("asked by"),
    )
    comment = models.TextField(
        _("comment"),
        max_length=1000,
        blank=True,
        help_text=_("How the problem shows up in your municipality (optional)."),
    )
    state = models.CharField(
        _("state"),
        max_length=16,
        choices=JoinState.choices,
        default=JoinState.PENDING,
        db_index=True,
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

    class Meta:
        verbose_name = _("co-sponsorship")
        verbose_name_plural = _("co-sponsorships")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["support_request", "municipality"],
                condition=Q(state__in=["pending", "accepted"]),
                name="support_request_join_one_active",
            )
        ]

    def __str__(self):
        return f"{self.municipality_id} → {self.support_request_id} ({self.state})"


class SupportRequestAttachment(Attachment):
    support_request = models.ForeignKey(
        SupportRequest,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("support request"),
    )

    class Meta(Attachment.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def get_absolute_url(self):
        return reverse("community:request_attachment", args=[self.support_request_id, self.pk])
