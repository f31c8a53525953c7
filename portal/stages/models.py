"""The stage tracker of a co-creation (PoC → procurement → adoption).

A support request in ``co_creating`` has one ``CoCreation``: its current stage, the details each
stage records (one row, since every stage happens once), KPIs, one ``StagePeriod`` per stage it
entered (entered / planned end / left, for the timeline, the reminders and the figures), evidence
documents, the selected startups' proposed updates and an append-only history.

Every change goes through ``portal.stages.services``; the request itself is completed through the
community app's own service when the tracker reaches adoption or is stopped.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.core.categories import ContractRoute
from portal.core.models import TimeStampedModel
from portal.core.uploads import Attachment


class Stage(models.TextChoices):
    """In order; ``SELECTED`` is where every tracker starts (a startup's proposal selected)."""

    SELECTED = "selected", pgettext_lazy("co-creation stage", "Selection")
    AGREEMENT = "agreement", pgettext_lazy("co-creation stage", "Agreement")
    POC = "poc", pgettext_lazy("co-creation stage", "Proof of concept")
    EVALUATION = "evaluation", pgettext_lazy("co-creation stage", "Evaluation")
    BUDGET = "budget", pgettext_lazy("co-creation stage", "Budgeting")
    PROCUREMENT = "procurement", pgettext_lazy("co-creation stage", "Procurement")
    ADOPTION = "adoption", pgettext_lazy("co-creation stage", "Full adoption")


STAGE_ORDER: list[str] = list(Stage.values)


def stage_index(stage: str) -> int:
    return STAGE_ORDER.index(stage)


def next_stage(stage: str) -> str | None:
    index = stage_index(stage) + 1
    return STAGE_ORDER[index] if index < len(STAGE_ORDER) else None


class AgreementKind(models.TextChoices):
    COLLABORATION = "collaboration", _("Collaboration agreement (連携協定)")
    POC = "poc", _("PoC agreement (実証協定)")
    COMPREHENSIVE = "comprehensive", _("Comprehensive partnership agreement (包括連携協定)")
    NDA = "nda", _("Confidentiality agreement")
    OTHER = "other", _("Other")


class Decision(models.TextChoices):
    GO = "go", _("Go: move on to budgeting")
    NO_GO = "no_go", _("No-go")


class BudgetKind(models.TextChoices):
    INITIAL = "initial", _("Initial budget (当初予算)")
    SUPPLEMENTARY = "supplementary", _("Supplementary budget (補正予算)")


class StopReason(models.TextChoices):
    """Why a co-creation stopped (見送り); a closed list, so the figures can count reasons."""

    KPI_NOT_MET = "kpi_not_met", _("KPI targets not met")
    NO_BUDGET = "no_budget", _("Budget not secured")
    COST = "cost", _("Running cost too high")
    PROCUREMENT = "procurement", _("Procurement went to another supplier or failed")
    POLICY = "policy", _("Priorities or policy changed")
    STARTUP = "startup", _("The startup withdrew")
    OTHER = "other", _("Other")


class CoCreationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(closed_at__isnull=True)

    def for_municipality(self, municipality_id):
        return self.filter(support_request__municipality_id=municipality_id)

    def for_startup(self, startup_id):
        return self.filter(
            support_request__proposals__startup_id=startup_id,
            support_request__proposals__state="selected",
        ).distinct()


class CoCreation(TimeStampedModel):
    """The stage tracker of one support request."""

    support_request = models.OneToOneField(
        "community.SupportRequest",
        on_delete=models.CASCADE,
        related_name="stage_tracker",
        verbose_name=_("support request"),
    )
    stage = models.CharField(
        _("current stage"),
        max_length=16,
        choices=Stage.choices,
        default=Stage.SELECTED,
        db_index=True,
    )
    # Set when the tracker reaches adoption or stops; the request is completed at that moment.
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True, db_index=True)
    stopped_on = models.DateField(_("stopped on"), null=True, blank=True)
    stop_reason = models.CharField(
        _("reason for stopping"), max_length=16, choices=StopReason.choices, blank=True
    )
    lessons = models.TextField(_("lessons learned"), max_length=5000, blank=True)

    # 協定
    agreement_kind = models.CharField(
        _("kind of agreement"), max_length=16, choices=AgreementKind.choices, blank=True
    )
    agreement_signed_on = models.DateField(_("signed on"), null=True, blank=True)
    agreement_parties = models.CharField(
        _("parties"),
        max_length=300,
        blank=True,
        help_text=_("Who signed, e.g. 前橋市・株式会社ミライ行政テック."),
    )
    # 実証
    poc_planned_start = models.DateField(_("planned start of the PoC"), null=True, blank=True)
    poc_planned_end = models.DateField(_("planned end of the PoC"), null=True, blank=True)
    poc_actual_start = models.DateField(_("actual start of the PoC"), null=True, blank=True)
    poc_actual_end = models.DateField(_("actual end of the PoC"), null=True, blank=True)
    # 評価
    evaluation_decision = models.CharField(
        _("decision"), max_length=8, choices=Decision.choices, blank=True
    )
    evaluation_summary = models.TextField(_("evaluation summary"), max_length=3000, blank=True)
    # 予算化
    budget_fiscal_year = models.PositiveSmallIntegerField(
        _("fiscal year"),
        null=True,
        blank=True,
        help_text=_("The Japanese fiscal year (April to March), e.g. 2027 for 令和9年度."),
    )
    budget_amount_yen = models.PositiveBigIntegerField(_("amount (yen)"), null=True, blank=True)
    budget_kind = models.CharField(
        _("kind of budget"), max_length=16, choices=BudgetKind.choices, blank=True
    )
    budget_subsidy = models.ForeignKey(
        "cms.SubsidyProgrammePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("subsidy programme used"),
    )
    budget_subsidy_name = models.CharField(
        _("other subsidy programme"),
        max_length=200,
        blank=True,
        help_text=_("If the programme is not listed on the portal."),
    )
    # 調達
    procurement_route = models.CharField(
        _("contract route"), max_length=16, choices=ContractRoute.choices, blank=True
    )
    procurement_announced_on = models.DateField(_("announced on"), null=True, blank=True)
    procurement_contracted_on = models.DateField(_("contracted on"), null=True, blank=True)
    # 本格導入
    adoption_started_on = models.DateField(_("in service since"), null=True, blank=True)

    objects = CoCreationQuerySet.as_manager()

    class Meta:
        verbose_name = _("co-creation stage tracker")
        verbose_name_plural = _("co-creation stage trackers")
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(stopped_on__isnull=True) | ~Q(stop_reason=""),
                name="cocreation_stop_has_reason",
            ),
        ]

    def __str__(self):
        return f"{self.support_request_id}: {self.stage}"

    def get_absolute_url(self):
        return reverse("stages:tracker", args=[self.support_request_id])

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    @property
    def is_stopped(self) -> bool:
        return self.stopped_on is not None

    @property
    def next_stage(self) -> str | None:
        return None if self.is_closed else next_stage(self.stage)

    @property
    def next_stage_label(self):
        following = self.next_stage
        return Stage(following).label if following else ""


class StagePeriod(models.Model):
    """One stage a tracker entered: when, until when it was planned, when it was left."""

    tracker = models.ForeignKey(CoCreation, on_delete=models.CASCADE, related_name="periods")
    stage = models.CharField(_("stage"), max_length=16, choices=Stage.choices)
    entered_on = models.DateField(_("entered on"))
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    left_on = models.DateField(_("left on"), null=True, blank=True)

    class Meta:
        verbose_name = _("stage period")
        verbose_name_plural = _("stage periods")
        ordering = ["tracker", "entered_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["tracker", "stage"], name="stage_period_unique"),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=models.F("entered_on")),
                name="stage_period_left_after_entered",
            ),
        ]
        indexes = [models.Index(fields=["left_on", "planned_end"])]

    def __str__(self):
        return f"{self.tracker_id}: {self.stage} {self.entered_on}–{self.left_on or ''}"

    @property
    def days(self) -> int | None:
        return (self.left_on - self.entered_on).days if self.left_on else None


class Kpi(TimeStampedModel):
    """A KPI of the PoC: its target (set before or during the PoC) and its result (evaluation)."""

    tracker = models.ForeignKey(CoCreation, on_delete=models.CASCADE, related_name="kpis")
    name = models.CharField(_("KPI"), max_length=120)
    unit = models.CharField(_("unit"), max_length=20, blank=True)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    higher_is_better = models.BooleanField(
        _("higher is better"),
        default=True,
        help_text=_("Untick for KPIs that should go down, e.g. minutes per application."),
    )
    result = models.DecimalField(
        _("result"), max_digits=14, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("KPI")
        verbose_name_plural = _("KPIs")
        ordering = ["tracker", "pk"]

    def __str__(self):
        return self.name

    @property
    def met(self) -> bool | None:
        if self.result is None:
            return None
        return self.result >= self.target if self.higher_is_better else self.result <= self.target


class EventKind(models.TextChoices):
    STARTED = "started", _("Tracker started")
    MOVED = "moved", _("Moved to the next stage")
    STOPPED = "stopped", _("Stopped")
    UPDATED = "updated", _("Details updated")
    PROPOSED = "proposed", _("Update proposed")
    CONFIRMED = "confirmed", _("Proposed update confirmed")
    REJECTED = "rejected", _("Proposed update rejected")
    DOCUMENT = "document", _("Document added")
    DOCUMENT_REMOVED = "document_removed", _("Document removed")


class StageEvent(models.Model):
    """One history row: who, when, from which stage to which, and a note. Append-only."""

    tracker = models.ForeignKey(CoCreation, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("what"), max_length=16, choices=EventKind.choices)
    from_stage = models.CharField(_("from"), max_length=16, choices=Stage.choices, blank=True)
    to_stage = models.CharField(_("to"), max_length=16, choices=Stage.choices, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    note = models.TextField(_("note"), max_length=3000, blank=True)
    created_at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("stage history row")
        verbose_name_plural = _("stage history")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.tracker_id}: {self.kind} {self.from_stage}→{self.to_stage}"


class UpdateState(models.TextChoices):
    PENDING = "pending", _("Waiting for the municipality")
    CONFIRMED = "confirmed", _("Confirmed")
    REJECTED = "rejected", _("Rejected")


class StageUpdate(models.Model):
    """An update a selected startup's member proposes; an official confirms or rejects it.

    ``changes`` maps field names of ``CoCreation`` (dates) and ``kpi:<id>`` (results) to the
    proposed values as strings; a document proposed with it waits in ``documents``.
    """

    tracker = models.ForeignKey(CoCreation, on_delete=models.CASCADE, related_name="updates")
    stage = models.CharField(_("stage"), max_length=16, choices=Stage.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    note = models.TextField(_("note"), max_length=2000, blank=True)
    state = models.CharField(
        _("state"),
        max_length=16,
        choices=UpdateState.choices,
        default=UpdateState.PENDING,
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
    decision_note = models.TextField(_("answer"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("proposed at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("proposed stage update")
        verbose_name_plural = _("proposed stage updates")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.tracker_id}: {self.stage} ({self.state})"


class StageDocument(Attachment):
    """Evidence of a stage (agreement, PoC plan, evaluation report…), private to the tracker's
    audience. A startup's upload waits for an official's confirmation with its update."""

    tracker = models.ForeignKey(CoCreation, on_delete=models.CASCADE, related_name="documents")
    stage = models.CharField(_("stage"), max_length=16, choices=Stage.choices)
    title = models.CharField(_("title"), max_length=120)
    update = models.ForeignKey(
        StageUpdate,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("proposed with"),
    )
    confirmed = models.BooleanField(_("confirmed"), default=True)

    class Meta(Attachment.Meta):
        verbose_name = _("stage document")
        verbose_name_plural = _("stage documents")

    def get_absolute_url(self):
        return reverse("stages:document", args=[self.tracker.support_request_id, self.pk])


class StageTemplate(TimeStampedModel):
    """A downloadable template (協定書, 実証計画書, 評価報告書) kept by moderators in the admin."""

    stage = models.CharField(_("stage"), max_length=16, choices=Stage.choices)
    title = models.CharField(_("title"), max_length=120)
    description = models.CharField(_("description"), max_length=300, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=pgettext_lazy("stage tracker", "document"),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("stage template")
        verbose_name_plural = _("stage templates")
        ordering = ["stage", "sort_order", "pk"]

    def __str__(self):
        return self.title
