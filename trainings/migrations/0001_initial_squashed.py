"""Participants, sign-in lists, courses, trainers and their links to campaigns' records, from an
empty database: trainings 0001 to 0006 in one migration, needing only places and campaigns.

A database that applied 0001 to 0006 is marked as having applied this one and runs none of it.
"""

import django.db.models.deletion
import modelcluster.fields
import modelsearch.index
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [
        ("trainings", "0001_initial"),
        ("trainings", "0002_import_export_permissions"),
        ("trainings", "0003_places_from_places"),
        ("trainings", "0004_activity_and_club_links"),
        ("trainings", "0005_links_from_campaigns"),
        ("trainings", "0006_phone_sync"),
    ]

    initial = True

    dependencies = [
        ("campaigns", "0001_initial_squashed"),
        ("places", "0001_initial_squashed"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
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
        migrations.CreateModel(
            name="Course",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=255, unique=True, verbose_name="name")),
                ("description", models.TextField(blank=True, verbose_name="description")),
                (
                    "materials",
                    models.ManyToManyField(
                        blank=True, related_name="+", to="wagtaildocs.document", verbose_name="materials in the library"
                    ),
                ),
            ],
            options={
                "verbose_name": "course",
                "verbose_name_plural": "courses",
                "ordering": ["name"],
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name="Participant",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("full_name", models.CharField(max_length=120, verbose_name="full name")),
                (
                    "gender",
                    models.CharField(
                        choices=[("female", "female"), ("male", "male"), ("other", "other or not given")],
                        default="female",
                        max_length=10,
                        verbose_name="gender",
                    ),
                ),
                ("birth_year", models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="year of birth")),
                (
                    "ethnicity",
                    models.CharField(
                        blank=True, help_text="e.g. Kinh, Thái, Mường, Mông", max_length=40, verbose_name="ethnicity"
                    ),
                ),
                ("phone", models.CharField(blank=True, max_length=20, verbose_name="phone")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("updated_at", models.DateTimeField(auto_now=True, db_index=True, verbose_name="updated")),
                (
                    "audience",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        to="campaigns.audience",
                        verbose_name="audience",
                    ),
                ),
                (
                    "commune",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="participants",
                        to="places.place",
                        verbose_name="commune",
                    ),
                ),
                (
                    "province",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="places.place",
                        verbose_name="province",
                    ),
                ),
            ],
            options={
                "verbose_name": "participant",
                "verbose_name_plural": "participants",
                "ordering": ["full_name", "id"],
                "permissions": [
                    ("import_participant", "Can import participants from a file"),
                    ("export_participant", "Can export participants to a file"),
                ],
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name="Trainer",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=120, verbose_name="name")),
                ("phone", models.CharField(blank=True, max_length=20, verbose_name="phone")),
                (
                    "organiser",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        to="campaigns.organiser",
                        verbose_name="organiser",
                    ),
                ),
                (
                    "user",
                    models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="trainer",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="user account",
                    ),
                ),
            ],
            options={
                "verbose_name": "trainer",
                "verbose_name_plural": "trainers",
                "ordering": ["name"],
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name="ActivityCourse",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "activity",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="course_links",
                        to="campaigns.activity",
                    ),
                ),
                (
                    "course",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="taught_at",
                        to="trainings.course",
                        verbose_name="course",
                    ),
                ),
            ],
            options={
                "verbose_name": "course taught",
                "verbose_name_plural": "courses taught",
                "constraints": [models.UniqueConstraint(fields=("activity",), name="one_course_per_activity")],
            },
        ),
        migrations.CreateModel(
            name="ClubMember",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "club",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="member_links",
                        to="campaigns.club",
                        verbose_name="club",
                    ),
                ),
                (
                    "participant",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="club_links",
                        to="trainings.participant",
                        verbose_name="participant",
                    ),
                ),
            ],
            options={
                "verbose_name": "club member",
                "verbose_name_plural": "club members",
                "constraints": [models.UniqueConstraint(fields=("club", "participant"), name="member_once_per_club")],
            },
        ),
        migrations.CreateModel(
            name="Attendance",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("present", models.BooleanField(default=True, verbose_name="present")),
                (
                    "activity",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="attendances", to="campaigns.activity"
                    ),
                ),
                (
                    "participant",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="attendances",
                        to="trainings.participant",
                        verbose_name="participant",
                    ),
                ),
            ],
            options={
                "verbose_name": "attendance",
                "verbose_name_plural": "attendances",
                "constraints": [
                    models.UniqueConstraint(fields=("activity", "participant"), name="attendance_once_per_activity")
                ],
            },
        ),
        migrations.CreateModel(
            name="ActivityTrainer",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "activity",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="trainer_links",
                        to="campaigns.activity",
                    ),
                ),
                (
                    "trainer",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="trained_at",
                        to="trainings.trainer",
                        verbose_name="trainer",
                    ),
                ),
            ],
            options={
                "verbose_name": "trainer at an activity",
                "verbose_name_plural": "trainers at activities",
                "constraints": [
                    models.UniqueConstraint(fields=("activity", "trainer"), name="trainer_once_per_activity")
                ],
            },
        ),
    ]
