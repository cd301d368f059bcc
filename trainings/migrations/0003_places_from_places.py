# Place and StaffScope moved to the places and access apps; their tables stay (core/model_moves.py).
# Only Django's picture of the models changes: nothing here touches the database.

import django.db.models.deletion
from django.db import migrations, models

from core.model_moves import state_only


class Migration(migrations.Migration):
    dependencies = [
        ("places", "0001_initial"),
        ("trainings", "0002_import_export_permissions"),
    ]

    operations = [
        state_only(
            migrations.AlterField(
                model_name="participant",
                name="commune",
                field=models.ForeignKey(
                    on_delete=django.db.models.deletion.PROTECT,
                    related_name="participants",
                    to="places.place",
                    verbose_name="commune",
                ),
            ),
            migrations.AlterField(
                model_name="participant",
                name="province",
                field=models.ForeignKey(
                    editable=False,
                    on_delete=django.db.models.deletion.PROTECT,
                    related_name="+",
                    to="places.place",
                    verbose_name="province",
                ),
            ),
        ),
    ]
