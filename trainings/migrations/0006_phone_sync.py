# The phone's incremental sync: when a person last changed, and who left the phones.

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("trainings", "0005_links_from_campaigns"),
    ]

    operations = [
        migrations.AddField(
            model_name="participant",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, db_index=True, default=django.utils.timezone.now, verbose_name="updated"
            ),
            preserve_default=False,
        ),
        migrations.CreateModel(
            name="PhoneRemoval",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("participant_id", models.PositiveIntegerField(verbose_name="participant")),
                ("province_id", models.PositiveIntegerField(null=True, verbose_name="province")),
                ("removed_at", models.DateTimeField(auto_now_add=True, db_index=True, verbose_name="removed")),
            ],
            options={
                "verbose_name": "person removed from phones",
                "verbose_name_plural": "people removed from phones",
            },
        ),
    ]
