"""The kinds of things users can report, and what moderation needs to know about each.

A kind names a model (by its ContentType) and answers four questions:

* `can_see(user, obj)` — may this user see it (only then can they report it; default-deny);
* `authors(obj)` — who is told when it is hidden or restored, and who still sees it hidden;
* `hideable` — whether moderators can hide it (users are suspended instead);
* `get_queryset()` — how the queue loads many targets at once (select_related for `str()`).

Adding a kind is one `register(ReportableKind(...))` call plus a "報告する" link to
``{% url 'moderation:report' kind obj.pk %}`` on the page that shows the object.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils.functional import Promise
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ReportableKind:
    key: str
    label: str | Promise
    model: str  # "app_label.ModelName"
    can_see: Callable = field(repr=False)
    authors: Callable[[object], Iterable] = field(repr=False)
    hideable: bool = True
    select_related: tuple[str, ...] = ()
    describe: Callable[[object], str] = field(default=str, repr=False)

    @property
    def model_class(self):
        return apps.get_model(self.model)

    @property
    def content_type(self) -> ContentType:
        return ContentType.objects.get_for_model(self.model_class)

    def get_queryset(self):
        return self.model_class._default_manager.select_related(*self.select_related)


KINDS: dict[str, ReportableKind] = {}


def register(kind: ReportableKind) -> ReportableKind:
    KINDS[kind.key] = kind
    return kind


def get_kind(key: str) -> ReportableKind | None:
    return KINDS.get(key)


def kind_for_model(model) -> ReportableKind | None:
    label = model._meta.label
    return next((kind for kind in KINDS.values() if kind.model == label), None)


def kind_choices() -> list[tuple[str, str]]:
    return [(kind.key, kind.label) for kind in KINDS.values()]


# --- The built-in kinds ----------------------------------------------------------------------


def _support_request_can_see(user, obj) -> bool:
    from portal.community import policies

    return policies.can_view(user, obj)


def _support_request_authors(obj):
    return [obj.author] if obj.author else []


def _message_can_see(user, obj) -> bool:
    from portal.cocreation import selectors
    from portal.cocreation.models import Membership

    if obj.is_deleted:
        return False
    membership = Membership.objects.filter(channel_id=obj.channel_id, user=user).first()
    access = selectors.channel_access(user=user, channel=obj.channel, membership=membership)
    return access.can_read and (obj.hidden_at is None or obj.author_id == user.pk)


def _message_authors(obj):
    return [obj.author] if obj.author else []


def _message_describe(obj) -> str:
    return f"{obj.channel.name} #{obj.seq}: {Truncator(obj.body).chars(60)}"


def _startup_can_see(user, obj) -> bool:
    from portal.startups.models import Startup

    return Startup.objects.visible_to(user).filter(pk=obj.pk).exists()


def _startup_authors(obj):
    from portal.startups.permissions import MANAGER_ROLES

    return [
        member.user for member in obj.members.select_related("user") if member.role in MANAGER_ROLES
    ]


def _user_can_see(user, obj) -> bool:
    return obj.is_active


def _proposal_can_see(user, obj) -> bool:
    """Whoever may read the proposal (its own read rule, hidden proposals included)."""
    from portal.startups.proposals import policies

    return policies.can_view(user, obj)


def _proposal_authors(obj):
    return [obj.author] if obj.author else []


def register_builtin_kinds() -> None:
    register(
        ReportableKind(
            "support_request",
            _("Support request"),
            "community.SupportRequest",
            can_see=_support_request_can_see,
            authors=_support_request_authors,
            select_related=("author", "municipality__prefecture"),
        )
    )
    register(
        ReportableKind(
            "proposal",
            _("Proposal"),
            "startups.Proposal",
            can_see=_proposal_can_see,
            authors=_proposal_authors,
            select_related=("author", "startup", "support_request"),
        )
    )
    register(
        ReportableKind(
            "message",
            _("Channel message"),
            "cocreation.Message",
            can_see=_message_can_see,
            authors=_message_authors,
            select_related=("author", "channel"),
            describe=_message_describe,
        )
    )
    register(
        ReportableKind(
            "startup",
            _("Startup profile"),
            "startups.Startup",
            can_see=_startup_can_see,
            authors=_startup_authors,
        )
    )
    register(
        ReportableKind(
            "user",
            _("User account"),
            "accounts.User",
            can_see=_user_can_see,
            authors=lambda obj: [obj],
            hideable=False,
            describe=lambda obj: f"{obj.display_name} <{obj.email}>",
        )
    )
