"""Vietnam's administrative units, from an empty database, in a table named after this app.

places 0001 took the model over from campaigns with its table (`campaigns_place`) and depended on
campaigns' migrations; this migration needs nothing above places. A database that applied it is
marked as having applied this one; 0002 then renames its table in place.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [
        ("places", "0001_initial"),
    ]

    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Place",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "level",
                    models.CharField(
                        choices=[("province", "province"), ("district", "district"), ("commune", "commune")],
                        max_length=10,
                        verbose_name="level",
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("thanh_pho_tw", "centrally-run city"),
                            ("tinh", "province"),
                            ("quan", "urban district"),
                            ("huyen", "rural district"),
                            ("thi_xa", "town"),
                            ("thanh_pho", "provincial city"),
                            ("xa", "commune"),
                            ("phuong", "ward"),
                            ("thi_tran", "township"),
                            ("dac_khu", "special zone"),
                        ],
                        max_length=15,
                        verbose_name="type",
                    ),
                ),
                (
                    "code",
                    models.CharField(
                        help_text="The General Statistics Office code: 2 digits for a province, 3 for a district, 5 for a commune.",
                        max_length=5,
                        verbose_name="official code",
                    ),
                ),
                (
                    "name",
                    models.CharField(
                        help_text="Official name with its prefix, e.g. “Xã Na Mèo”.",
                        max_length=100,
                        verbose_name="name",
                    ),
                ),
                (
                    "short_name",
                    models.CharField(
                        help_text="The name without its prefix, e.g. “Na Mèo”.",
                        max_length=100,
                        verbose_name="short name",
                    ),
                ),
                (
                    "search_key",
                    models.CharField(
                        db_index=True,
                        editable=False,
                        help_text="The short name in lower case without diacritics, used to look places up.",
                        max_length=100,
                        verbose_name="search key",
                    ),
                ),
                (
                    "is_current",
                    models.BooleanField(
                        default=True,
                        help_text="In force since 1 July 2025; otherwise a unit of the system before that date.",
                        verbose_name="in force",
                    ),
                ),
                (
                    "district",
                    models.ForeignKey(
                        blank=True,
                        limit_choices_to={"level": "district"},
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="places.place",
                        verbose_name="district",
                    ),
                ),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="children",
                        to="places.place",
                        verbose_name="parent unit",
                    ),
                ),
                (
                    "province",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="places.place",
                        verbose_name="province",
                    ),
                ),
                (
                    "successor",
                    models.ForeignKey(
                        blank=True,
                        help_text="For a unit before July 2025: the current unit that took it over.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="predecessors",
                        to="places.place",
                        verbose_name="taken over by",
                    ),
                ),
            ],
            options={
                "verbose_name": "place",
                "verbose_name_plural": "places",
                "ordering": ["-is_current", "code"],
                "indexes": [models.Index(fields=["level", "is_current"], name="places_plac_level_ae7076_idx")],
                "constraints": [
                    models.UniqueConstraint(fields=("is_current", "level", "code"), name="place_unique_code_per_system")
                ],
            },
        ),
    ]
