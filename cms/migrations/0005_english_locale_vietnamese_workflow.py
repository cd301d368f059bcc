"""English content and a workflow that reads in Vietnamese.

- The "en" locale: without it Wagtail offers no translation ("Dịch") and /en/ falls back to
  the Vietnamese pages. `load_demo` then gives the demo site its English home and indexes.
- The moderation workflow and its task created by Wagtail and 0004 carry English names that
  the admin prints inside Vietnamese sentences ("Gửi duyệt (Moderators approval)"): name
  them in Vietnamese. Names an administrator already changed are left alone.
"""

from django.db import migrations

OLD_NAME = "Moderators approval"
WORKFLOW_NAME = "Duyệt bài trước khi đăng"
TASK_NAME = "Nhóm duyệt bài xem xét"


def forwards(apps, schema_editor):
    Locale = apps.get_model("wagtailcore.Locale")
    Workflow = apps.get_model("wagtailcore.Workflow")
    Task = apps.get_model("wagtailcore.Task")
    for code in ("vi", "en"):
        Locale.objects.get_or_create(language_code=code)
    Workflow.objects.filter(name=OLD_NAME).update(name=WORKFLOW_NAME)
    Task.objects.filter(name=OLD_NAME).update(name=TASK_NAME)


def backwards(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore.Workflow")
    Task = apps.get_model("wagtailcore.Task")
    Workflow.objects.filter(name=WORKFLOW_NAME).update(name=OLD_NAME)
    Task.objects.filter(name=TASK_NAME).update(name=OLD_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0004_moderation_workflow"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
