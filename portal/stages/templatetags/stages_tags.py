"""The stage tracker's panels on lower apps' pages, so those pages need no knowledge of it:

* ``{% stage_timeline support_request %}`` on the request page: the stage names and dates for
  everyone who may read the request; details and a link to the tracker for its audience;
* ``{% stage_banner channel %}`` at the top of a co-creation channel: current stage, next step;
* ``{% stage_waiting_panel %}`` on the officials' and startups' dashboards: what is waiting for
  whom;
* ``stage_label``: a stage key's name in the active language (notification texts).
"""

from django import template
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext as _

from portal.stages import policies, selectors
from portal.stages.models import Stage, StopReason

register = template.Library()


@register.filter
def stage_label(value) -> str:
    return str(Stage(value).label) if value in Stage.values else ""


@register.filter
def stop_reason_label(value) -> str:
    return str(StopReason(value).label) if value in StopReason.values else ""


def _user(context):
    request = context.get("request")
    return getattr(request, "user", None)


@register.inclusion_tag("stages/includes/request_timeline.html", takes_context=True)
def stage_timeline(context, support_request):
    tracker = selectors.tracker_of(support_request)
    if tracker is None:
        return {"tracker": None}
    tracker.support_request = support_request
    user = _user(context)
    member = bool(user and policies.can_view_details(user, tracker))
    return {
        "tracker": tracker,
        "timeline": selectors.timeline(tracker),
        "member": member,
        "next_step": _next_step(tracker) if member else None,
    }


@register.inclusion_tag("stages/includes/channel_banner.html", takes_context=True)
def stage_banner(context, channel):
    subject = getattr(channel, "subject", None)
    user = _user(context)
    is_request = getattr(getattr(subject, "_meta", None), "label_lower", "") == (
        "community.supportrequest"
    )
    tracker = selectors.tracker_of(subject) if is_request else None
    if tracker is None or not (user and policies.can_view_details(user, tracker)):
        return {"tracker": None}
    tracker.support_request = subject
    return {
        "tracker": tracker,
        "timeline": selectors.timeline(tracker),
        "next_step": _next_step(tracker),
    }


def _next_step(tracker):
    pending = tracker.updates.filter(state="pending").count()
    return selectors.next_step(tracker, pending_updates=pending)


@register.inclusion_tag("stages/includes/waiting_panel.html", takes_context=True)
def stage_waiting_panel(context, limit=8):
    user = _user(context)
    items = selectors.waiting_for_user(user=user) if user else []
    return {"items": items[:limit], "more": len(items) > limit}


@register.filter
def change_label(key: str, kpis) -> str:
    """The label of a proposed change's key: a KPI's name or a detail's field name."""
    from portal.stages.services import _field_label

    if key.startswith("kpi:"):
        kpi = next((kpi for kpi in kpis if str(kpi.pk) == key[4:]), None)
        return _("KPI result: %(name)s") % {"name": kpi.name} if kpi else key
    try:
        return _field_label(key)
    except FieldDoesNotExist:  # an unknown key is shown as it is
        return key
