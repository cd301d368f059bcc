# Place and StaffScope moved to the places and access apps; their tables stay (core/model_moves.py).
# Only Django's picture of the models changes: nothing here touches the database.

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models

from core.model_moves import state_only


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0007_importjob_started_at"),
        ("places", "0001_initial"),
    ]

    operations = [
        state_only(
            migrations.RemoveField(
                model_name="place",
                name="district",
            ),
            migrations.RemoveField(
                model_name="place",
                name="parent",
            ),
            migrations.RemoveField(
                model_name="place",
                name="province",
            ),
            migrations.RemoveField(
                model_name="place",
                name="successor",
            ),
            migrations.AlterField(
                model_name="materialdistribution",
                name="province",
                field=models.ForeignKey(
                    editable=False,
                    on_delete=django.db.models.deletion.PROTECT,
                    related_name="+",
                    to="places.place",
                    verbose_name="province",
                ),
            ),
            migrations.AlterField(
                model_name="club",
                name="place",
                field=models.ForeignKey(
                    help_text="Its commune; the district or province when the report names no commune.",
                    on_delete=django.db.models.deletion.PROTECT,
                    related_name="clubs",
                    to="places.place",
                    verbose_name="commune",
                ),
            ),
            migrations.AlterField(
                model_name="club",
                name="province",
                field=models.ForeignKey(
                    editable=False,
                    on_delete=django.db.models.deletion.PROTECT,
                    related_name="+",
                    to="places.place",
                    verbose_name="province",
                ),
            ),
            migrations.AlterField(
                model_name="activity",
                name="place",
                field=models.ForeignKey(
                    help_text="The smallest unit known: commune, else district, else province.",
                    on_delete=django.db.models.deletion.PROTECT,
                    related_name="activities",
                    to="places.place",
                    verbose_name="location",
                ),
            ),
            migrations.AlterField(
                model_name="target",
                name="province",
                field=models.ForeignKey(
                    blank=True,
                    limit_choices_to={"level": "province"},
                    null=True,
                    on_delete=django.db.models.deletion.PROTECT,
                    related_name="+",
                    to="places.place",
                    verbose_name="province",
                ),
            ),
            migrations.AlterField(
                model_name="activity",
                name="district",
                field=models.ForeignKey(
                    blank=True,
                    editable=False,
                    null=True,
                    on_delete=django.db.models.deletion.PROTECT,
                    related_name="+",
                    to="places.place",
                    verbose_name="district",
                ),
            ),
            migrations.AlterField(
                model_name="activity",
                name="province",
                field=models.ForeignKey(
                    editable=False,
                    on_delete=django.db.models.deletion.PROTECT,
                    related_name="+",
                    to="places.place",
                    verbose_name="province",
                ),
            ),
            migrations.AlterField(
                model_name="materialdistribution",
                name="place",
                field=models.ForeignKey(
                    on_delete=django.db.models.deletion.PROTECT,
                    related_name="+",
                    to="places.place",
                    verbose_name="place",
                ),
            ),
            migrations.AlterField(
                model_name="organiser",
                name="province",
                field=models.ForeignKey(
                    blank=True,
                    limit_choices_to={"level": "province"},
                    null=True,
                    on_delete=django.db.models.deletion.PROTECT,
                    related_name="+",
                    to="places.place",
                    verbose_name="province",
                ),
            ),
            migrations.RemoveField(
                model_name="staffscope",
                name="provinces",
            ),
            migrations.RemoveField(
                model_name="staffscope",
                name="user",
            ),
            migrations.AlterField(
                model_name="campaign",
                name="coverage",
                field=modelcluster.fields.ParentalManyToManyField(
                    blank=True,
                    help_text="The provinces, districts or communes the campaign covers; empty means nationwide.",
                    related_name="campaigns",
                    to="places.place",
                    verbose_name="places covered",
                ),
            ),
        ),
    ]
