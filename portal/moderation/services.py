"""Every moderator action, and users' reports. Each action needs a reason, is written to the
audit log in the same transaction and tells the people concerned after it commits.

Hiding and restoring content goes only through `content_hide` / `content_restore`; the read
rules that make hidden content disappear are QuerySet methods on the content's own models
(`SupportRequest.objects.visible_to`, `Startup.objects.visible_to`, `Message.objects.for_viewer`
and `searchable_by`).
"""

from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.accounts.permissions import NOT_MODERATOR
from portal.core.audit import audit_record, snapshot
from portal.moderation import registry
from portal.moderation.models import AuditAction, Report, ReportStatus, Suspension
from portal.notifications.services import notify

ALREADY_REPORTED = _(
    "You have already reported this. Moderators will look at it; you will be told when it is "
    "handled."
)
CANNOT_REPORT = _("You cannot report this.")
CANNOT_REPORT_OWN = _("You cannot report your own content.")
REASON_REQUIRED = _("Give a reason: it is recorded in the audit log.")
NOT_HIDEABLE = _("This kind of content cannot be hidden; warn or suspend its author instead.")
ALREADY_HIDDEN = _("This content is already hidden.")
NOT_HIDDEN = _("This content is not hidden.")
NO_OPEN_REPORTS = _("There is no open report about this.")
ALREADY_SUSPENDED = _("This user is already suspended.")
NOT_SUSPENDED = _("This user is not suspended.")
CANNOT_SUSPEND_SELF = _("You cannot suspend yourself.")
NOT_VERIFIED = _("This verification is not in force, so there is nothing to revoke.")

HIDDEN_FIELDS = ("hidden_at", "hidden_reason")


def _require_moderator(user) -> None:
    if not (user.is_authenticated and user.is_moderator):
        raise PermissionDenied(NOT_MODERATOR)


def _require_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": REASON_REQUIRED}, code="reason_required")
    return reason


def _kind_of(target) -> registry.ReportableKind:
    kind = registry.kind_for_model(type(target))
    if kind is None:
        raise ValidationError(CANNOT_REPORT, code="not_reportable")
    return kind


# --- Reports ---------------------------------------------------------------------------------


def report_create(*, reporter, target, reason: str, comment: str = "") -> Report:
    """`reporter` reports `target` (which they can see); once per reporter and target."""
    kind = _kind_of(target)
    if not reporter.is_authenticated or not kind.can_see(reporter, target):
        raise PermissionDenied(CANNOT_REPORT)
    if reporter in kind.authors(target):
        raise ValidationError(CANNOT_REPORT_OWN, code="own")
    report = Report(
        reporter=reporter,
        kind=kind.key,
        target_type=kind.content_type,
        target_id=target.pk,
        reason=reason,
        comment=(comment or "").strip(),
    )
    report.full_clean(validate_unique=False, validate_constraints=False)
    if Report.objects.filter(
        reporter=reporter, target_type=report.target_type, target_id=target.pk
    ).exists():
        raise ValidationError(ALREADY_REPORTED, code="duplicate")
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError as error:  # two submissions at once
        raise ValidationError(ALREADY_REPORTED, code="duplicate") from error
    return report


OUTCOME_TEXT = {
    ReportStatus.ACTIONED: _("A moderator took action."),
    ReportStatus.DISMISSED: _("A moderator looked at it and found no breach of the rules."),
}


def _resolve_reports(*, target, moderator, status: str, note: str) -> list[Report]:
    """Close the open reports about `target`; each reporter is told (once) that it is handled."""
    reports = list(
        Report.objects.open().of_target(target).select_for_update().select_related("reporter")
    )
    now = timezone.now()
    for report in reports:
        report.status = status
        report.handled_by = moderator
        report.handled_at = now
        report.resolution = note
    Report.objects.bulk_update(reports, ["status", "handled_by", "handled_at", "resolution"])
    kind = _kind_of(target)
    for report in reports:
        notify(
            kind="report_handled",
            recipients=[report.reporter],
            target=report,
            context={
                "kind_label": str(kind.label),
                "reported_at": report.created_at.isoformat(),
                "outcome": str(OUTCOME_TEXT[status]),
            },
        )
    return reports


@transaction.atomic
def reports_dismiss(*, target, moderator, reason: str) -> list[Report]:
    """Nothing to do about `target`: its open reports are closed and the reporters told."""
    _require_moderator(moderator)
    reason = _require_reason(reason)
    reports = _resolve_reports(
        target=target, moderator=moderator, status=ReportStatus.DISMISSED, note=reason
    )
    if not reports:
        raise ValidationError(NO_OPEN_REPORTS, code="no_reports")
    audit_record(
        actor=moderator,
        action=AuditAction.REPORT_DISMISSED,
        target=target,
        reason=reason,
        before={"open_reports": len(reports)},
        after={"open_reports": 0, "reports": [report.pk for report in reports]},
    )
    return reports


# --- Hiding content --------------------------------------------------------------------------


def _locked(target):
    return type(target)._default_manager.select_for_update().get(pk=target.pk)


def _visibility_changed(target) -> None:
    """Tell live viewers: a channel message is re-sent (masked) to the channel's sockets."""
    from portal.cocreation.models import Message

    if isinstance(target, Message):
        from portal.cocreation import events

        target.__dict__.pop("hidden_readable", None)
        events.message_updated(target)


def _set_hidden(target, *, hidden_at, reason: str) -> None:
    target.hidden_at = hidden_at
    target.hidden_reason = reason[:500]
    fields = list(HIDDEN_FIELDS)
    if hasattr(target, "updated_at"):
        fields.append("updated_at")  # clients' `sync` picks the change up
    target.save(update_fields=fields)


@transaction.atomic
def content_hide(*, target, moderator, reason: str):
    """Hide `target` from everyone but its author side and moderators; its author is told why
    and the open reports about it are closed."""
    _require_moderator(moderator)
    reason = _require_reason(reason)
    kind = _kind_of(target)
    if not kind.hideable:
        raise ValidationError(NOT_HIDEABLE, code="not_hideable")
    target = _locked(target)
    if target.hidden_at is not None:
        raise ValidationError(ALREADY_HIDDEN, code="already_hidden")
    before = snapshot(target, HIDDEN_FIELDS)
    _set_hidden(target, hidden_at=timezone.now(), reason=reason)
    audit_record(
        actor=moderator,
        action=AuditAction.CONTENT_HIDDEN,
        target=target,
        reason=reason,
        before=before,
        after=snapshot(target, HIDDEN_FIELDS),
    )
    _resolve_reports(target=target, moderator=moderator, status=ReportStatus.ACTIONED, note=reason)
    notify(
        kind="content_hidden",
        recipients=kind.authors(target),
        target=target,
        context={"reason": reason, "kind_label": str(kind.label)},
    )
    _visibility_changed(target)
    return target


@transaction.atomic
def content_restore(*, target, moderator, reason: str):
    """Show hidden `target` again (the reason is recorded in the audit log)."""
    _require_moderator(moderator)
    reason = _require_reason(reason)
    _kind_of(target)
    target = _locked(target)
    if target.hidden_at is None:
        raise ValidationError(NOT_HIDDEN, code="not_hidden")
    before = snapshot(target, HIDDEN_FIELDS)
    _set_hidden(target, hidden_at=None, reason="")
    audit_record(
        actor=moderator,
        action=AuditAction.CONTENT_RESTORED,
        target=target,
        reason=reason,
        before=before,
        after=snapshot(target, HIDDEN_FIELDS),
    )
    _visibility_changed(target)
    return target


# --- Users -----------------------------------------------------------------------------------


@transaction.atomic
def user_warn(*, user, moderator, reason: str, target=None):
    """Send `user` a formal warning; when given, `target`'s open reports count as handled."""
    _require_moderator(moderator)
    reason = _require_reason(reason)
    notify(kind="moderation_warning", recipients=[user], context={"reason": reason})
    audit_record(
        actor=moderator,
        action=AuditAction.USER_WARNED,
        target=user,
        reason=reason,
        after={"about": f"{target._meta.label}:{target.pk}"} if target is not None else {},
    )
    if target is not None:
        _resolve_reports(
            target=target, moderator=moderator, status=ReportStatus.ACTIONED, note=reason
        )
    return user


def _end_sessions(user) -> int:
    """Delete every database session of `user` (they are signed out everywhere at once)."""
    user_id = str(user.pk)
    doomed = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get("_auth_user_id") == user_id
    ]
    Session.objects.filter(pk__in=doomed).delete()
    return len(doomed)


def _close_sockets_on_commit(user) -> None:
    """Close all of the user's sockets (notification sockets and channel sockets listen on the
    user's group and close on `session.terminate`)."""
    from portal.cocreation.events import group_send_now
    from portal.notifications.groups import user_group

    group = user_group(user.pk)
    transaction.on_commit(lambda: group_send_now(group, {"type": "session.terminate"}), robust=True)


@transaction.atomic
def user_suspend(*, user, moderator, reason: str, target=None) -> Suspension:
    """Deactivate `user`: sessions end and sockets close at once, and they cannot sign in."""
    _require_moderator(moderator)
    reason = _require_reason(reason)
    if user.pk == moderator.pk:
        raise ValidationError(CANNOT_SUSPEND_SELF, code="self")
    locked = type(user).objects.select_for_update().get(pk=user.pk)
    if not locked.is_active:
        raise ValidationError(ALREADY_SUSPENDED, code="already_suspended")
    locked.is_active = False
    locked.save(update_fields=["is_active"])
    user.is_active = False
    suspension = Suspension.objects.create(user=locked, reason=reason, started_by=moderator)
    sessions = _end_sessions(locked)
    _close_sockets_on_commit(locked)
    audit_record(
        actor=moderator,
        action=AuditAction.USER_SUSPENDED,
        target=locked,
        reason=reason,
        before={"is_active": True},
        after={"is_active": False, "sessions_ended": sessions},
    )
    for about in {target, locked} - {None}:
        _resolve_reports(
            target=about, moderator=moderator, status=ReportStatus.ACTIONED, note=reason
        )
    return suspension


@transaction.atomic
def user_reinstate(*, user, moderator, reason: str):
    """End `user`'s suspension: they can sign in again."""
    _require_moderator(moderator)
    reason = _require_reason(reason)
    locked = type(user).objects.select_for_update().get(pk=user.pk)
    if locked.is_active:
        raise ValidationError(NOT_SUSPENDED, code="not_suspended")
    locked.is_active = True
    locked.save(update_fields=["is_active"])
    user.is_active = True
    Suspension.objects.filter(user=locked, ended_at__isnull=True).update(
        ended_at=timezone.now(), ended_by=moderator, end_reason=reason
    )
    audit_record(
        actor=moderator,
        action=AuditAction.USER_REINSTATED,
        target=locked,
        reason=reason,
        before={"is_active": False},
        after={"is_active": True},
    )
    return locked


# --- Verification ----------------------------------------------------------------------------


@transaction.atomic
def official_verification_revoke(*, profile, moderator, reason: str):
    """Withdraw an official's verification (they lose official rights at once and are told)."""
    from portal.community.models import OfficialProfile, VerificationState

    _require_moderator(moderator)
    reason = _require_reason(reason)
    profile = OfficialProfile.objects.select_for_update().select_related("user").get(pk=profile.pk)
    if profile.verification_state != VerificationState.VERIFIED:
        raise ValidationError(NOT_VERIFIED, code="not_verified")
    fields = ("verification_state", "rejection_reason")
    before = snapshot(profile, fields)
    profile.verification_state = VerificationState.REJECTED
    profile.verification_decided_by = moderator
    profile.verification_decided_at = timezone.now()
    profile.rejection_reason = reason
    profile.save()
    audit_record(
        actor=moderator,
        action=AuditAction.OFFICIAL_REVOKED,
        target=profile,
        reason=reason,
        before=before,
        after=snapshot(profile, fields),
    )
    notify(
        kind="official_rejected",
        recipients=[profile.user],
        target=profile,
        context={"reason": reason, "municipality": str(profile.municipality)},
    )
    return profile


@transaction.atomic
def startup_verification_revoke(*, startup, moderator, reason: str):
    """Withdraw a startup's verification; its owners and admins are told why."""
    from portal.community.models import VerificationState
    from portal.startups.models import Startup

    _require_moderator(moderator)
    reason = _require_reason(reason)
    startup = Startup.objects.select_for_update().get(pk=startup.pk)
    if startup.verification_state != VerificationState.VERIFIED:
        raise ValidationError(NOT_VERIFIED, code="not_verified")
    fields = ("verification_state", "verification_note")
    before = snapshot(startup, fields)
    startup.verification_state = VerificationState.REJECTED
    startup.verification_decided_by = moderator
    startup.verification_decided_at = timezone.now()
    startup.verification_note = reason
    startup.save()
    audit_record(
        actor=moderator,
        action=AuditAction.STARTUP_REVOKED,
        target=startup,
        reason=reason,
        before=before,
        after=snapshot(startup, fields),
    )
    notify(
        kind="startup_rejected",
        recipients=registry.get_kind("startup").authors(startup),
        target=startup,
        context={"reason": reason},
    )
    return startup
