# StaffScope moves here from campaigns: its table stays as it is, and campaigns'
# migration that lets go of it moves its content type (core/model_moves.py).

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from core.model_moves import state_only


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("places", "0001_initial"),
        ("campaigns", "0007_importjob_started_at"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        state_only(
            migrations.CreateModel(
                name="StaffScope",
                fields=[
                    (
                        "id",
                        models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"),
                    ),
                    (
                        "provinces",
                        models.ManyToManyField(
                            blank=True,
                            help_text="Current provinces; records of the old provinces they took over are included.",
                            limit_choices_to={"is_current": True, "level": "province"},
                            related_name="+",
                            to="places.place",
                            verbose_name="provinces",
                        ),
                    ),
                    (
                        "user",
                        models.OneToOneField(
                            on_delete=django.db.models.deletion.CASCADE,
                            related_name="campaign_scope",
                            to=settings.AUTH_USER_MODEL,
                            verbose_name="user",
                        ),
                    ),
                ],
                options={
                    "verbose_name": "staff scope",
                    "verbose_name_plural": "staff scopes",
                    "db_table": "campaigns_staffscope",
                },
            ),
        ),
    ]
