from django.db import migrations

MODERATORS = "Moderators"
WORKFLOW_NAME = "モデレーター承認"


def set_up_workflow(apps, schema_editor):
    """Every page change is published through one approval step by a JCC moderator.

    Moderators edit and submit; a moderator approves (publishes) or requests changes with a
    comment. They lose the direct publish permission so that the workflow cannot be bypassed;
    superusers keep it for emergencies (e.g. unpublishing).
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Task = apps.get_model("wagtailcore", "Task")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    group, _ = Group.objects.get_or_create(name=MODERATORS)
    root = Page.objects.filter(depth=1).first()
    if root is None:
        return

    task_ct, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=WORKFLOW_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=WORKFLOW_NAME, active=True, content_type=task_ct)
    task.groups.set([group])

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=Task.objects.get(pk=task.pk), defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})

    GroupPagePermission.objects.filter(group=group, permission__codename="publish_page").delete()

    registration_ct, _ = ContentType.objects.get_or_create(app_label="cms", model="eventregistration")
    view, _ = Permission.objects.get_or_create(
        content_type=registration_ct,
        codename="view_eventregistration",
        defaults={"name": "Can view event registration"},
    )
    group.permissions.add(view)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_page_types"),
        ("accounts", "0002_moderators_group"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(set_up_workflow, migrations.RunPython.noop)]
