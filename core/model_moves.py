"""Moving a model from one app to another without copying its table.

The model keeps its table (`db_table`); the migrations change only Django's idea of
where it lives (`SeparateDatabaseAndState`) and move its content type, so that its
permissions, the groups holding them and the history that names its records stay
attached to it. Once the app's migrations are squashed, its initial migration creates the
table under the app's name, and `RenameTableInPlace` renames the old one on a database made
before.
"""

from __future__ import annotations

from django.db import migrations, models
from django.db.backends.utils import truncate_name


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


class RenameTableInPlace(migrations.operations.base.Operation):
    """Give a model the table named after its app on a database that still has its old one.

    A model moved between apps kept its first home's table (`campaigns_place`, say) so that
    the move copied nothing. The app's initial migration now creates the table under the
    app's own name on a new database; on a database made before, that migration is only
    marked as applied (it replaces the ones that database ran), so this operation renames
    the old table, its many-to-many tables and the named indexes given in `indexes`
    (new name: old name) in place: `ALTER TABLE … RENAME`, no copy. Where the old table is
    absent (a new database) it does nothing. Django's picture of the model does not change.
    Backwards it does nothing either: the initial migration's picture already has the new names.
    """

    reversible = True
    reduces_to_sql = False

    def __init__(self, model_name: str, old_table: str, indexes: dict[str, str] | None = None) -> None:
        self.model_name = model_name
        self.old_table = old_table
        self.indexes = indexes or {}

    def deconstruct(self):
        kwargs = {"model_name": self.model_name, "old_table": self.old_table}
        if self.indexes:
            kwargs["indexes"] = self.indexes
        return self.__class__.__qualname__, [], kwargs

    def state_forwards(self, app_label, state) -> None:
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state) -> None:
        model = to_state.apps.get_model(app_label, self.model_name)
        connection = schema_editor.connection
        with connection.cursor() as cursor:
            tables = set(connection.introspection.table_names(cursor))
        new_table = model._meta.db_table
        if self.old_table not in tables or new_table in tables:
            return
        schema_editor.alter_db_table(model, self.old_table, new_table)
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            if through._meta.auto_created:
                old = truncate_name(f"{self.old_table}_{field.name}", connection.ops.max_name_length())
                schema_editor.alter_db_table(through, old, through._meta.db_table)
        with connection.cursor() as cursor:
            present = connection.introspection.get_constraints(cursor, new_table)
        for index in model._meta.indexes:
            old_name = self.indexes.get(index.name)
            if old_name and old_name in present:
                old_index = models.Index(fields=index.fields, name=old_name)
                schema_editor.rename_index(model, old_index, index)

    def database_backwards(self, app_label, schema_editor, from_state, to_state) -> None:
        pass

    def describe(self) -> str:
        return f"Rename the table {self.old_table} of {self.model_name}, where a database still has it"

    @property
    def migration_name_fragment(self) -> str:
        return f"rename_{self.old_table}"
