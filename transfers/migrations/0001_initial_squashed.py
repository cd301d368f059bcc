"""Import jobs, from an empty database, in a table named after this app.

transfers 0001 took the model over from campaigns with its table and depended on campaigns'
migrations; this migration needs only Django's users. A database that applied it is marked as
having applied this one; 0002 then renames its table in place.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [
        ("transfers", "0001_initial"),
    ]

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ImportJob",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
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
                        on_delete=django.db.models.deletion.CASCADE, to=settings.AUTH_USER_MODEL, verbose_name="user"
                    ),
                ),
            ],
            options={
                "verbose_name": "import",
                "verbose_name_plural": "imports",
                "ordering": ["-created_at"],
            },
        ),
    ]
