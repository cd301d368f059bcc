# Place and StaffScope moved to the places and access apps; their tables stay (core/model_moves.py).
# Only Django's picture of the models changes: nothing here touches the database.

import modelcluster.fields
from django.db import migrations

from core.model_moves import state_only


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0005_english_locale_vietnamese_workflow"),
        ("places", "0001_initial"),
    ]

    operations = [
        state_only(
            migrations.AlterField(
                model_name="articlepage",
                name="provinces",
                field=modelcluster.fields.ParentalManyToManyField(
                    blank=True,
                    limit_choices_to={"is_current": True, "level": "province"},
                    related_name="+",
                    to="places.place",
                    verbose_name="provinces",
                ),
            ),
            migrations.AlterField(
                model_name="leafletpage",
                name="provinces",
                field=modelcluster.fields.ParentalManyToManyField(
                    blank=True,
                    limit_choices_to={"is_current": True, "level": "province"},
                    related_name="+",
                    to="places.place",
                    verbose_name="provinces",
                ),
            ),
        ),
    ]
