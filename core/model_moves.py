"""Moving a model from one app to another without copying its table.

The model keeps its table (`db_table`); the migrations change only Django's idea of
where it lives (`SeparateDatabaseAndState`) and move its content type, so that its
permissions, the groups holding them and the history that names its records stay
attached to it.
"""

from __future__ import annotations

from django.db import migrations


def state_only(*operations) -> migrations.SeparateDatabaseAndState:
    """Operations on Django's picture of the models that leave the database as it is."""
    return migrations.SeparateDatabaseAndState(state_operations=list(operations), database_operations=[])


def move_content_type(model: str, old_app: str, new_app: str) -> migrations.RunPython:
    """Give the content type of `model` the app label of its new app (and back on reverse)."""

    def relabel(apps, schema_editor, source: str, target: str) -> None:
        content_types = apps.get_model("contenttypes", "ContentType").objects.db_manager(schema_editor.connection.alias)
        moving = content_types.filter(app_label=source, model=model).first()
        if moving is None:  # a new database: the content type is made after the migrations
            return
        # One made for the new label meanwhile (by an earlier, interrupted run) would hold
        # only duplicates of the permissions the moving one holds.
        content_types.filter(app_label=target, model=model).delete()
        moving.app_label = target
        moving.save(update_fields=["app_label"])
        content_types.clear_cache()

    return migrations.RunPython(
        lambda apps, schema_editor: relabel(apps, schema_editor, old_app, new_app),
        lambda apps, schema_editor: relabel(apps, schema_editor, new_app, old_app),
    )
