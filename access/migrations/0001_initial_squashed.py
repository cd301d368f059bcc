"""Staff scopes (a staff member's provinces), from an empty database, in tables named after this app.

access 0001 took the model over from campaigns with its tables and depended on campaigns'
migrations; this migration needs only places. A database that applied it is marked as having
applied this one; 0002 then renames its tables in place.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [
        ("access", "0001_initial"),
    ]

    initial = True

    dependencies = [
        ("places", "0001_initial_squashed"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="StaffScope",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
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
            },
        ),
    ]
