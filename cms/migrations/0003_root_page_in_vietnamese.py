"""Wagtail's tree root is a page titled "Root", and its first collection is named "Root", both
shown in the Vietnamese admin (breadcrumbs, page chooser, collection lists): they get a Vietnamese
name (the root page is never served, so no reader sees it)."""

from django.db import migrations


def rename_root(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title="Root").update(title="Gốc", draft_title="Gốc")
    apps.get_model("wagtailcore", "Collection").objects.filter(depth=1, name="Root").update(name="Gốc")


def restore_root(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title="Gốc").update(title="Root", draft_title="Root")
    apps.get_model("wagtailcore", "Collection").objects.filter(depth=1, name="Gốc").update(name="Root")


class Migration(migrations.Migration):
    dependencies = [("cms", "0002_language_english_name"), ("wagtailcore", "0001_initial")]

    operations = [migrations.RunPython(rename_root, restore_root)]
