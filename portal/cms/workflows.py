"""How an approved moderation workflow publishes (settings.WAGTAIL_FINISH_WORKFLOW_ACTION)."""


def publish_approved(workflow_state, user=None):
    """Publish the latest revision once every task has approved it.

    Moderators have no direct publish permission (so that publishing always goes through the
    workflow); the approval itself is what allows publishing, hence no second permission check.
    A revision with a future go-live date becomes scheduled and is published by
    `manage.py publish_scheduled`.
    """
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
