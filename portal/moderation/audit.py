"""The one way to write the audit log. Other apps call `audit_record` for their decisions:

    from portal.moderation.audit import audit_record
    audit_record(actor=moderator, action="startup_verified", target=startup, reason="",
                 before={"verification_state": "pending"}, after={"verification_state": "verified"})

It is written in the caller's transaction, so an action that fails leaves no entry.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder

from portal.moderation.models import AuditEntry

REPR_MAX = 300


def _jsonable(data: dict | None) -> dict:
    import json

    return json.loads(json.dumps(data or {}, cls=DjangoJSONEncoder))


def snapshot(obj, fields) -> dict:
    """The named fields of `obj` as JSON-ready values (for `before` / `after`)."""
    return _jsonable({name: getattr(obj, name) for name in fields})


def audit_record(*, actor, action: str, target=None, reason: str = "", before=None, after=None):
    """Append one entry: who (`actor`), what (`action`, `target`), why, and the state around it."""
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_repr=str(getattr(actor, "email", "") or actor or "")[:REPR_MAX],
        action=action,
        target_type=ContentType.objects.get_for_model(target) if target is not None else None,
        target_id=str(target.pk) if target is not None else "",
        target_repr=str(target)[:REPR_MAX] if target is not None else "",
        reason=reason or "",
        before=_jsonable(before),
        after=_jsonable(after),
    )
