"""The audit log's writer: stores one `AuditEntry`. Apps call `portal.core.audit.audit_record`,
which reaches this function through the hook that `ModerationConfig.ready` registers.
"""

from django.contrib.contenttypes.models import ContentType

from portal.core.audit import jsonable
from portal.moderation.models import AuditEntry

REPR_MAX = 300


def audit_entry_create(
    *, actor, action: str, target=None, reason: str = "", before=None, after=None
):
    """Append one entry: who (`actor`), what (`action`, `target`), why, and the state around it."""
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_repr=str(getattr(actor, "email", "") or actor or "")[:REPR_MAX],
        action=action,
        target_type=ContentType.objects.get_for_model(target) if target is not None else None,
        target_id=str(target.pk) if target is not None else "",
        target_repr=str(target)[:REPR_MAX] if target is not None else "",
        reason=reason or "",
        before=jsonable(before),
        after=jsonable(after),
    )
