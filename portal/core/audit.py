"""The one way to write the audit log. Every app calls `audit_record` for its decisions:

    from portal.core.audit import audit_record, snapshot
    audit_record(actor=moderator, action="startup_verified", target=startup, reason="",
                 before={"verification_state": "pending"}, after={"verification_state": "verified"})

It is written in the caller's transaction, so an action that fails leaves no entry.

The call lives at the ground so that apps below moderation (community, startups, …) can record
without importing it; the table (`moderation.AuditEntry`) and its admin stay in moderation, which
registers the writer when it loads (`ModerationConfig.ready`).
"""

import json
from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured
from django.core.serializers.json import DjangoJSONEncoder

_writer: Callable | None = None


def audit_writer_register(writer: Callable) -> None:
    """Install the function that stores an entry (called once, by the app that owns the table)."""
    global _writer
    _writer = writer


def jsonable(data: dict | None) -> dict:
    """`data` as plain JSON values (dates, decimals and UUIDs as Django's encoder writes them)."""
    return json.loads(json.dumps(data or {}, cls=DjangoJSONEncoder))


def snapshot(obj, fields) -> dict:
    """The named fields of `obj` as JSON-ready values (for `before` / `after`)."""
    return jsonable({name: getattr(obj, name) for name in fields})


def audit_record(*, actor, action: str, target=None, reason: str = "", before=None, after=None):
    """Append one entry: who (`actor`), what (`action`, `target`), why, and the state around it."""
    if _writer is None:
        raise ImproperlyConfigured(
            "No audit log writer is registered (portal.moderation loads it)."
        )
    return _writer(
        actor=actor, action=action, target=target, reason=reason, before=before, after=after
    )
