"""How the stage tracker plugs into lower apps without them importing it:

* a request entering co-creation (a recorded state change to co_creating) starts its tracker;
* the community app's hook: the tracker completes co-created requests (no manual outcome form
  for them).
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from portal.community import hooks as community_hooks
from portal.community.models import RequestState, SupportRequestTransition
from portal.stages.models import CoCreation


@receiver(post_save, sender=SupportRequestTransition, dispatch_uid="stages_tracker_start")
def _start_tracker(sender, instance, created, raw=False, **kwargs):
    if raw or not created or instance.to_state != RequestState.CO_CREATING:
        return
    from portal.stages.services import tracker_start

    tracker_start(
        support_request=instance.support_request,
        selected_on=_japan_date(instance.created_at),
        actor=instance.actor,
    )


def _japan_date(moment):
    from portal.community.models.support_requests import DEADLINE_TIMEZONE

    return moment.astimezone(DEADLINE_TIMEZONE).date()


@community_hooks.register_completion_owner
def _tracked(support_request) -> bool:
    """Co-created requests with a tracker are completed from their stages."""
    if support_request.state != RequestState.CO_CREATING:
        return False
    return CoCreation.objects.filter(support_request_id=support_request.pk).exists()
