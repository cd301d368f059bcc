# trainings keeps its own links to campaigns' records: the course an activity taught, its
# trainers, a club's members (campaigns named trainings' models before). 0005 copies the rows
# from campaigns' old columns and tables, which campaigns 0013 then drops.

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0012_activity_cell_key"),
        ("trainings", "0003_places_from_places"),
    ]

    operations = [
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
    ]
