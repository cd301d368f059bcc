"""Editors write and submit; reviewers publish.

Wagtail's own migrations create the "Moderators" group, its publish permission on the
root page and a "Moderators approval" workflow there. This makes sure that workflow is
active on the whole tree and lets both reviewer groups approve: the Moderators and the
national administrators ("Quản trị toàn quốc"), who also get publish rights on pages.
"""

from django.db import migrations

REVIEWER_GROUPS = ["Moderators", "Quản trị toàn quốc"]
WORKFLOW_NAME = "Moderators approval"


def configure(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Page = apps.get_model("wagtailcore.Page")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    root = Page.objects.filter(depth=1).first()
    if root is None:
        return
    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    groups = [Group.objects.get_or_create(name=name)[0] for name in REVIEWER_GROUPS]
    for group in groups:
        for codename in ("add_page", "change_page", "publish_page"):
            permission, _ = Permission.objects.get_or_create(
                content_type=page_type, codename=codename, defaults={"name": f"Can {codename.split('_')[0]} page"}
            )
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=WORKFLOW_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=WORKFLOW_NAME, content_type=task_type, active=True)
    task.active = True
    task.save()
    task.groups.add(*groups)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save()
    WorkflowTask.objects.get_or_create(workflow=workflow, task_id=task.pk, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_public_pages"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(configure, migrations.RunPython.noop)]
