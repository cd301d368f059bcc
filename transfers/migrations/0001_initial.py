# ImportJob moves here from campaigns: its table stays as it is, and campaigns'
# migration that lets go of it moves its content type (core/model_moves.py).

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from core.model_moves import state_only


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("campaigns", "0009_place_and_staffscope_moved_out"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        state_only(
            migrations.CreateModel(
                name="ImportJob",
                fields=[
                    (
                        "id",
                        models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"),
                    ),
                    ("transfer", models.CharField(max_length=20, verbose_name="records")),
                    ("file_name", models.CharField(max_length=255, verbose_name="file")),
                    ("stored_as", models.CharField(editable=False, max_length=255)),
                    ("size", models.PositiveBigIntegerField(default=0, verbose_name="size")),
                    ("estimated_rows", models.PositiveIntegerField(default=0)),
                    (
                        "status",
                        models.CharField(
                            choices=[
                                ("queued", "waiting"),
                                ("checking", "checking"),
                                ("checked", "checked"),
                                ("importing", "importing"),
                                ("done", "imported"),
                                ("refused", "refused"),
                                ("cancelled", "cancelled"),
                            ],
                            default="queued",
                            max_length=10,
                            verbose_name="status",
                        ),
                    ),
                    ("in_background", models.BooleanField(default=False)),
                    ("report", models.JSONField(blank=True, default=dict)),
                    ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                    ("started_at", models.DateTimeField(blank=True, null=True)),
                    ("finished_at", models.DateTimeField(blank=True, null=True)),
                    (
                        "user",
                        models.ForeignKey(
                            on_delete=django.db.models.deletion.CASCADE,
                            to=settings.AUTH_USER_MODEL,
                            verbose_name="user",
                        ),
                    ),
                ],
                options={
                    "verbose_name": "import",
                    "verbose_name_plural": "imports",
                    "db_table": "campaigns_importjob",
                    "ordering": ["-created_at"],
                },
            ),
        ),
    ]
