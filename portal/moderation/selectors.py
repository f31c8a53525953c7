"""Reads for moderation: report targets, the queue (fixed query count), the audit log, counts."""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Max, Q
from django.http import Http404
from django.utils import timezone

from portal.moderation import registry
from portal.moderation.models import AuditEntry, Report


def report_target_get(*, user, kind: str, pk: int):
    """(kind, object) for the report form; 404 for unknown kinds or things `user` cannot see."""
    spec = registry.get_kind(kind)
    if spec is None:
        raise Http404
    target = spec.get_queryset().filter(pk=pk).first()
    if target is None or not spec.can_see(user, target):
        raise Http404
    return spec, target


def already_reported(*, user, target) -> bool:
    return Report.objects.filter(reporter=user).of_target(target).exists()


def moderation_target_get(*, kind: str, pk: int):
    """(kind, object) for moderators (who see everything); 404 when it does not exist."""
    spec = registry.get_kind(kind)
    if spec is None:
        raise Http404
    target = spec.get_queryset().filter(pk=pk).first()
    if target is None:
        raise Http404
    return spec, target


# --- The queue -------------------------------------------------------------------------------

QUEUE_SORTS = {"newest": ("-latest", "-count"), "most": ("-count", "-latest")}


def report_queue(*, kind: str = "", reason: str = "", sort: str = "newest"):
    """Open reports grouped by target: kind, target_id, count and latest report time."""
    reports = Report.objects.open()
    if kind:
        reports = reports.filter(kind=kind)
    if reason:
        reports = reports.filter(reason=reason)
    order = QUEUE_SORTS.get(sort, QUEUE_SORTS["newest"])
    return (
        reports.values("kind", "target_id")
        .annotate(count=Count("pk"), latest=Max("created_at"))
        .order_by(*order, "kind", "-target_id")
    )


@dataclass
class QueueRow:
    kind: registry.ReportableKind
    target_id: int
    count: int
    latest: datetime.datetime
    target: object = None
    reasons: list = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.kind.key}:{self.target_id}"

    @property
    def label(self) -> str:
        return self.kind.describe(self.target) if self.target is not None else ""

    @property
    def is_hidden(self) -> bool:
        return getattr(self.target, "hidden_at", None) is not None


def queue_rows(groups) -> list[QueueRow]:
    """Load one page of groups: one query per kind on the page and one for the reasons."""
    groups = list(groups)
    ids_by_kind = defaultdict(set)
    for group in groups:
        ids_by_kind[group["kind"]].add(group["target_id"])
    targets = {
        key: registry.get_kind(key).get_queryset().in_bulk(ids)
        for key, ids in ids_by_kind.items()
        if registry.get_kind(key)
    }
    reasons: dict[tuple, Counter] = defaultdict(Counter)
    if groups:
        condition = Q()
        for key, ids in ids_by_kind.items():
            condition |= Q(kind=key, target_id__in=ids)
        for key, target_id, reason, count in (
            Report.objects.open()
            .filter(condition)
            .values_list("kind", "target_id", "reason")
            .annotate(n=Count("pk"))
            .order_by()
        ):
            reasons[(key, target_id)][reason] = count
    from portal.moderation.models import ReportReason

    labels = dict(ReportReason.choices)
    rows = []
    for group in groups:
        kind = registry.get_kind(group["kind"])
        if kind is None:
            continue
        counts = reasons[(group["kind"], group["target_id"])]
        rows.append(
            QueueRow(
                kind=kind,
                target_id=group["target_id"],
                count=group["count"],
                latest=group["latest"],
                target=targets[group["kind"]].get(group["target_id"]),
                reasons=[(labels.get(r, r), n) for r, n in counts.most_common()],
            )
        )
    return rows


def reports_of_target(*, target):
    return Report.objects.of_target(target).select_related("reporter", "handled_by")


def open_report_target_count() -> int:
    return Report.objects.open().order_by().values("kind", "target_id").distinct().count()


def waiting_counts() -> dict:
    """How many items wait in each moderators' queue (the admin dashboard panel)."""
    from portal.community.models import OfficialProfile, VerificationState
    from portal.startups.models import Startup

    return {
        "reports": open_report_target_count(),
        "officials": OfficialProfile.objects.filter(
            verification_state=VerificationState.PENDING
        ).count(),
        "startups": Startup.objects.filter(verification_state=VerificationState.PENDING).count(),
    }


# --- The audit log ---------------------------------------------------------------------------

TARGET_KIND_MODELS = {"official": "community.OfficialProfile"}


def _target_model_label(kind: str) -> str | None:
    spec = registry.get_kind(kind)
    return spec.model if spec else TARGET_KIND_MODELS.get(kind)


def audit_log(*, action="", actor="", target_kind="", date_from=None, date_to=None):
    """Entries newest first, filtered; `date_to` is inclusive (a Japan calendar day)."""
    entries = AuditEntry.objects.select_related("actor", "target_type")
    if action:
        entries = entries.filter(action=action)
    if actor:
        entries = entries.filter(Q(actor__email__iexact=actor) | Q(actor_repr__iexact=actor))
    if target_kind:
        label = _target_model_label(target_kind)
        if label is None:
            return entries.none()
        app_label, model = label.split(".")
        entries = entries.filter(target_type__app_label=app_label, target_type__model=model.lower())
    tz = timezone.get_current_timezone()
    if date_from:
        start = datetime.datetime.combine(date_from, datetime.time.min, tzinfo=tz)
        entries = entries.filter(at__gte=start)
    if date_to:
        end = datetime.datetime.combine(
            date_to + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz
        )
        entries = entries.filter(at__lt=end)
    return entries.order_by("-at", "-pk")


def suspended_users():
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(is_active=False, suspensions__ended_at__isnull=True)
        .distinct()
        .order_by("email")
    )


def users_matching(*, query: str, limit: int = 30):
    from django.contrib.auth import get_user_model

    query = query.strip()
    if not query:
        return []
    return list(
        get_user_model()
        .objects.filter(Q(email__icontains=query) | Q(display_name__icontains=query))
        .order_by("email")[:limit]
    )


def open_suspension(*, user):
    return user.suspensions.filter(ended_at__isnull=True).first()
