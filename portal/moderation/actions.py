"""The moderator actions offered on a target's page and in bulk, each mapped to its service.

An action is offered only where it applies (e.g. "hide" for content that is not hidden yet);
the services check again, so a stale page gets a clear error, never a wrong change.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from portal.moderation import services


def _author_of(target):
    """The one person a content target belongs to (warn / suspend them), or None."""
    author = getattr(target, "author", None)
    return author if getattr(author, "pk", None) else None


def _user_of(kind, target):
    return target if kind.key == "user" else _author_of(target)


@dataclass(frozen=True)
class Action:
    name: str
    label: str | Promise
    applies: Callable
    perform: Callable
    bulk: bool = False
    dangerous: bool = False


def _hideable(kind, target) -> bool:
    return kind.hideable and getattr(target, "hidden_at", None) is None


def _restorable(kind, target) -> bool:
    return kind.hideable and getattr(target, "hidden_at", None) is not None


def _has_user(kind, target) -> bool:
    user = _user_of(kind, target)
    return user is not None and user.is_active


def _suspended(kind, target) -> bool:
    return kind.key == "user" and not target.is_active


def _verified_official(kind, target) -> bool:
    profile = target.official_profile if kind.key == "user" else None
    return bool(profile and profile.is_verified)


def _verified_startup(kind, target) -> bool:
    return kind.key == "startup" and target.is_verified


ACTIONS = {
    action.name: action
    for action in [
        Action(
            "dismiss",
            _("Dismiss the reports"),
            applies=lambda kind, target: True,
            perform=lambda kind, target, **kw: services.reports_dismiss(target=target, **kw),
            bulk=True,
        ),
        Action(
            "hide",
            _("Hide"),
            applies=_hideable,
            perform=lambda kind, target, **kw: services.content_hide(target=target, **kw),
            bulk=True,
            dangerous=True,
        ),
        Action(
            "restore",
            _("Restore"),
            applies=_restorable,
            perform=lambda kind, target, **kw: services.content_restore(target=target, **kw),
            bulk=True,
        ),
        Action(
            "warn",
            _("Warn the user"),
            applies=_has_user,
            perform=lambda kind, target, **kw: services.user_warn(
                user=_user_of(kind, target), target=target, **kw
            ),
            bulk=True,
        ),
        Action(
            "suspend",
            _("Suspend the user"),
            applies=_has_user,
            perform=lambda kind, target, **kw: services.user_suspend(
                user=_user_of(kind, target), target=target, **kw
            ),
            dangerous=True,
        ),
        Action(
            "reinstate",
            _("Reinstate"),
            applies=_suspended,
            perform=lambda kind, target, **kw: services.user_reinstate(user=target, **kw),
        ),
        Action(
            "revoke_official",
            _("Revoke the official's verification"),
            applies=_verified_official,
            perform=lambda kind, target, **kw: services.official_verification_revoke(
                profile=target.official_profile, **kw
            ),
            dangerous=True,
        ),
        Action(
            "revoke_startup",
            _("Revoke the startup's verification"),
            applies=_verified_startup,
            perform=lambda kind, target, **kw: services.startup_verification_revoke(
                startup=target, **kw
            ),
            dangerous=True,
        ),
    ]
}

BULK_ACTIONS = [action for action in ACTIONS.values() if action.bulk]


def available(kind, target, *, has_open_reports: bool = True) -> list[Action]:
    """The actions offered on the target's page ("dismiss" only while reports wait)."""
    return [
        action
        for action in ACTIONS.values()
        if action.applies(kind, target) and (has_open_reports or action.name != "dismiss")
    ]
