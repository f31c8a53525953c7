"""The registry of notification kinds: what each kind is called and how it is emailed.

Every `notify(kind=...)` names a kind registered here. A kind has

* `label` — shown on the email preferences page and in unsubscribe confirmations;
* `group` — the heading it is listed under on the preferences page;
* `default_email` — the email mode a user gets until they choose one: immediately, in the daily
  digest, or off (the in-app notification is always recorded);
* `batch_window` — for kinds that fire in bursts (new channel messages): repeated notifications
  with the same batch key fold into one unread in-app entry and at most one email per window.
  See `portal.notifications.services` for the batching contract.

Templates live in `templates/notifications/kinds/<name>/` (see the services module docstring).
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


class EmailMode(models.TextChoices):
    IMMEDIATE = "immediate", _("Immediately")
    DIGEST = "digest", _("In the daily digest")
    OFF = "off", _("No email")


class KindGroup:
    ACCOUNT = _("Account verification")
    REQUESTS = _("Support requests and proposals")
    STARTUPS = _("Startups")
    CHANNELS = _("Co-creation channels")
    ALERTS = _("Alerts, events and subsidies")
    MODERATION = _("Moderation")


@dataclass(frozen=True)
class Kind:
    name: str
    label: str | Promise
    group: str | Promise
    default_email: str = EmailMode.IMMEDIATE
    batch_window: timedelta | None = None

    @property
    def batched(self) -> bool:
        return self.batch_window is not None


KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    if kind.name in KINDS:
        raise ValueError(f"Notification kind {kind.name!r} is registered twice.")
    KINDS[kind.name] = kind
    return kind


def get_kind(name: str) -> Kind:
    """The registered kind; an unknown name gets immediate, unbatched defaults and a warning.

    Unknown kinds still deliver (their templates must exist) so that a new caller is never
    silently dropped; `manage.py check` lists them so they get registered.
    """
    kind = KINDS.get(name)
    if kind is None:
        logger.warning("Notification kind %r is not registered in kinds.py", name)
        kind = Kind(name=name, label=name, group=_("Other"))
    return kind


def all_kinds() -> list[Kind]:
    return list(KINDS.values())


CHANNEL_UNREAD_WINDOW = timedelta(hours=1)

for _kind in [
    Kind("official_verified", _("My official verification was approved"), KindGroup.ACCOUNT),
    Kind("official_rejected", _("My official verification was declined"), KindGroup.ACCOUNT),
    Kind("startup_verified", _("My startup was verified"), KindGroup.ACCOUNT),
    Kind("startup_rejected", _("My startup could not be verified"), KindGroup.ACCOUNT),
    Kind("proposal_submitted", _("A new proposal on my support request"), KindGroup.REQUESTS),
    Kind("proposal_shortlisted", _("My proposal was shortlisted"), KindGroup.REQUESTS),
    Kind("proposal_selected", _("My proposal was selected"), KindGroup.REQUESTS),
    Kind("proposal_declined", _("My proposal was declined"), KindGroup.REQUESTS),
    Kind("request_join_asked", _("A municipality asks to join my request"), KindGroup.REQUESTS),
    Kind("request_join_accepted", _("My request to join was accepted"), KindGroup.REQUESTS),
    Kind("request_join_declined", _("My request to join was declined"), KindGroup.REQUESTS),
    Kind("startup_invitation", _("An invitation to join a startup"), KindGroup.STARTUPS),
    Kind("startup_join_requested", _("Someone asks to join my startup"), KindGroup.STARTUPS),
    Kind(
        "startup_join_approved", _("My request to join a startup was approved"), KindGroup.STARTUPS
    ),
    Kind(
        "startup_join_declined", _("My request to join a startup was declined"), KindGroup.STARTUPS
    ),
    Kind(
        "track_record_claimed",
        _("A startup lists my municipality in its track record"),
        KindGroup.STARTUPS,
    ),
    Kind("channel_mention", _("I am mentioned in a channel"), KindGroup.CHANNELS),
    Kind("channel_member_added", _("I am added to a co-creation channel"), KindGroup.CHANNELS),
    Kind(
        "direct_conversation_requested",
        _("An official of another municipality wants to talk with me"),
        KindGroup.CHANNELS,
    ),
    Kind(
        "direct_conversation_declined",
        _("An official declined my direct conversation"),
        KindGroup.CHANNELS,
    ),
    Kind(
        "channel_unread",
        _("New messages in my channels while I am away"),
        KindGroup.CHANNELS,
        batch_window=CHANNEL_UNREAD_WINDOW,
    ),
    Kind(
        "request_alert_match",
        _("A new support request matches my startup's alerts"),
        KindGroup.ALERTS,
        default_email=EmailMode.DIGEST,
    ),
    Kind(
        "event_registration_confirmed",
        _("My event registration is confirmed"),
        KindGroup.ALERTS,
    ),
    Kind(
        "event_waitlist_promoted",
        _("I moved up from an event's waiting list"),
        KindGroup.ALERTS,
    ),
    Kind(
        "subsidy_deadline_approaching",
        _("A subsidy deadline approaches in a category I follow"),
        KindGroup.ALERTS,
    ),
    Kind("report_handled", _("A report I made was handled"), KindGroup.MODERATION),
    Kind("content_hidden", _("A moderator hid something I posted"), KindGroup.MODERATION),
    Kind("moderation_warning", _("A moderator warns me"), KindGroup.MODERATION),
]:
    register(_kind)
