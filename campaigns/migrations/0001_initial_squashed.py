"""Campaigns' records from an empty database: campaigns 0001 to 0013 in one migration.

Those migrations named apps above campaigns (for the models it once held, moved out since);
this one needs only places and Wagtail's documents and images. A database that applied 0001 to
0013 is marked as having applied this one and runs none of it.
"""

import campaigns.models.activities
import campaigns.models.common
import django.core.validators
import django.db.models.deletion
import modelcluster.fields
import modelsearch.index
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [
        ("campaigns", "0001_initial"),
        ("campaigns", "0002_tracking"),
        ("campaigns", "0003_tracking_links"),
        ("campaigns", "0004_activity_location_label"),
        ("campaigns", "0005_imports"),
        ("campaigns", "0006_versions"),
        ("campaigns", "0007_importjob_started_at"),
        ("campaigns", "0008_links_to_moved_models"),
        ("campaigns", "0009_place_and_staffscope_moved_out"),
        ("campaigns", "0010_importjob_moved_out"),
        ("campaigns", "0011_client_uuid_per_account"),
        ("campaigns", "0012_activity_cell_key"),
        ("campaigns", "0013_course_trainers_and_members_moved_out"),
    ]

    initial = True

    dependencies = [
        ("places", "0001_initial_squashed"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Audience",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("code", models.SlugField(max_length=40, unique=True, verbose_name="code")),
                ("name", models.CharField(max_length=120, unique=True, verbose_name="name")),
                (
                    "is_sensitive",
                    models.BooleanField(
                        default=False,
                        help_text="Public outputs hide small counts of this group (e.g. returned victims).",
                        verbose_name="sensitive",
                    ),
                ),
            ],
            options={
                "verbose_name": "audience",
                "verbose_name_plural": "audiences",
                "ordering": ["name"],
            },
        ),
        migrations.CreateModel(
            name="Topic",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("code", models.SlugField(max_length=40, unique=True, verbose_name="code")),
                ("name", models.CharField(max_length=120, unique=True, verbose_name="name")),
            ],
            options={
                "verbose_name": "topic",
                "verbose_name_plural": "topics",
                "ordering": ["name"],
            },
        ),
        migrations.CreateModel(
            name="Campaign",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "code",
                    models.SlugField(
                        help_text="Short and stable, e.g. “DHPNBC-2018”.",
                        max_length=40,
                        unique=True,
                        verbose_name="code",
                    ),
                ),
                ("name", models.CharField(max_length=255, verbose_name="name")),
                ("description", models.TextField(blank=True, verbose_name="description")),
                ("start_date", models.DateField(verbose_name="start date")),
                ("end_date", models.DateField(blank=True, null=True, verbose_name="end date")),
                (
                    "coverage",
                    modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        help_text="The provinces, districts or communes the campaign covers; empty means nationwide.",
                        related_name="campaigns",
                        to="places.place",
                        verbose_name="places covered",
                    ),
                ),
            ],
            options={
                "verbose_name": "campaign",
                "verbose_name_plural": "campaigns",
                "ordering": ["-start_date", "code"],
                "permissions": [
                    ("import_campaign", "Can import campaigns from a file"),
                    ("export_campaign", "Can export campaigns to a file"),
                ],
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name="Club",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "version",
                    models.PositiveIntegerField(
                        default=1,
                        editable=False,
                        help_text="Moves on every change; refuses stale edits.",
                        verbose_name="version",
                    ),
                ),
                ("name", models.CharField(max_length=255, verbose_name="name")),
                ("founded_on", models.DateField(blank=True, null=True, verbose_name="founded on")),
                (
                    "status",
                    models.CharField(
                        choices=[("active", "active"), ("closed", "closed")],
                        default="active",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                (
                    "member_count",
                    models.PositiveIntegerField(
                        blank=True,
                        help_text="When no member list is kept; empty when unknown.",
                        null=True,
                        verbose_name="number of members",
                    ),
                ),
                ("notes", models.TextField(blank=True, verbose_name="notes")),
                (
                    "external_id",
                    models.CharField(blank=True, max_length=64, null=True, unique=True, verbose_name="external code"),
                ),
                (
                    "campaign",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="clubs",
                        to="campaigns.campaign",
                        verbose_name="campaign",
                    ),
                ),
                (
                    "place",
                    models.ForeignKey(
                        help_text="Its commune; the district or province when the report names no commune.",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="clubs",
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
                "verbose_name": "club",
                "verbose_name_plural": "clubs",
                "ordering": ["name"],
                "permissions": [
                    ("import_club", "Can import clubs from a file"),
                    ("export_club", "Can export clubs to a file"),
                ],
            },
            bases=(campaigns.models.common.PlausibleCounts, modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name="Activity",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "version",
                    models.PositiveIntegerField(
                        default=1,
                        editable=False,
                        help_text="Moves on every change; refuses stale edits.",
                        verbose_name="version",
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("training", "training class"),
                            ("community", "community session"),
                            ("club_meeting", "club meeting"),
                            ("fair", "communication fair"),
                            ("contest", "contest"),
                            ("residents_meeting", "residents' meeting"),
                            ("inspection", "inspection"),
                            ("other", "other"),
                        ],
                        max_length=20,
                        verbose_name="kind",
                    ),
                ),
                ("title", models.CharField(max_length=255, verbose_name="title")),
                ("start_date", models.DateField(verbose_name="start date")),
                (
                    "end_date",
                    models.DateField(
                        blank=True, help_text="For a batch over a period.", null=True, verbose_name="end date"
                    ),
                ),
                (
                    "sessions",
                    models.PositiveIntegerField(
                        blank=True,
                        default=1,
                        help_text="1 for a single session; N for a report line that gives only a total; empty when unknown.",
                        null=True,
                        validators=[django.core.validators.MinValueValidator(1)],
                        verbose_name="sessions",
                    ),
                ),
                (
                    "participants",
                    models.PositiveIntegerField(
                        blank=True,
                        help_text="Person-times (lượt). Leave empty when unknown.",
                        null=True,
                        verbose_name="participants",
                    ),
                ),
                ("female", models.PositiveIntegerField(blank=True, null=True, verbose_name="of whom female")),
                (
                    "ethnic_minority",
                    models.PositiveIntegerField(blank=True, null=True, verbose_name="of whom ethnic minority"),
                ),
                ("materials", models.TextField(blank=True, verbose_name="materials handed out")),
                ("notes", models.TextField(blank=True, verbose_name="notes")),
                (
                    "status",
                    models.CharField(
                        choices=[("planned", "planned"), ("held", "held"), ("cancelled", "cancelled")],
                        default="held",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                (
                    "external_id",
                    models.CharField(
                        blank=True,
                        help_text="Code in an imported file.",
                        max_length=64,
                        null=True,
                        unique=True,
                        verbose_name="external code",
                    ),
                ),
                (
                    "client_uuid",
                    models.UUIDField(
                        blank=True,
                        editable=False,
                        help_text="Sent by the phone form, so a re-sent draft saves once; unique per account.",
                        null=True,
                    ),
                ),
                (
                    "cell_key",
                    models.PositiveIntegerField(
                        default=campaigns.models.activities.new_cell_key, editable=False, verbose_name="cell key"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                (
                    "district",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="places.place",
                        verbose_name="district",
                    ),
                ),
                ("photos", models.ManyToManyField(blank=True, to="wagtailimages.image", verbose_name="photos")),
                (
                    "place",
                    models.ForeignKey(
                        help_text="The smallest unit known: commune, else district, else province.",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="activities",
                        to="places.place",
                        verbose_name="location",
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
                (
                    "recorded_by",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="recorded by",
                    ),
                ),
                (
                    "audiences",
                    modelcluster.fields.ParentalManyToManyField(
                        blank=True, to="campaigns.audience", verbose_name="audiences"
                    ),
                ),
                (
                    "campaign",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="activities",
                        to="campaigns.campaign",
                        verbose_name="campaign",
                    ),
                ),
                (
                    "club",
                    models.ForeignKey(
                        blank=True,
                        help_text="For a club meeting: the club that met.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="meetings",
                        to="campaigns.club",
                        verbose_name="club",
                    ),
                ),
            ],
            options={
                "verbose_name": "activity",
                "verbose_name_plural": "activities",
                "ordering": ["-start_date", "-id"],
                "permissions": [
                    ("import_activity", "Can import activities from a file"),
                    ("export_activity", "Can export activities to a file"),
                ],
            },
            bases=(campaigns.models.common.PlausibleCounts, modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name="Organiser",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=200, unique=True, verbose_name="name")),
                ("short_name", models.CharField(blank=True, max_length=80, verbose_name="short name")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("womens_union", "Women's Union"),
                            ("police", "police"),
                            ("border_guard", "border guards"),
                            ("labour", "labour, invalids and social affairs"),
                            ("customs", "customs"),
                            ("ngo", "non-governmental organisation"),
                            ("government", "people's committee or other agency"),
                            ("other", "other"),
                        ],
                        max_length=20,
                        verbose_name="kind",
                    ),
                ),
                (
                    "level",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("central", "central"),
                            ("province", "province"),
                            ("district", "district"),
                            ("commune", "commune"),
                        ],
                        max_length=10,
                        verbose_name="level",
                    ),
                ),
                (
                    "province",
                    models.ForeignKey(
                        blank=True,
                        limit_choices_to={"level": "province"},
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="places.place",
                        verbose_name="province",
                    ),
                ),
            ],
            options={
                "verbose_name": "organiser",
                "verbose_name_plural": "organisers",
                "ordering": ["name"],
            },
        ),
        migrations.CreateModel(
            name="MaterialDistribution",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "title",
                    models.CharField(
                        help_text="The leaflet or material, as it is called on paper.",
                        max_length=255,
                        verbose_name="material",
                    ),
                ),
                ("printed", models.PositiveIntegerField(blank=True, null=True, verbose_name="copies printed")),
                ("distributed", models.PositiveIntegerField(blank=True, null=True, verbose_name="copies given out")),
                ("start_date", models.DateField(verbose_name="start date")),
                ("end_date", models.DateField(blank=True, null=True, verbose_name="end date")),
                ("notes", models.TextField(blank=True, verbose_name="notes")),
                (
                    "activity",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="distributions",
                        to="campaigns.activity",
                        verbose_name="at activity",
                    ),
                ),
                (
                    "campaign",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        to="campaigns.campaign",
                        verbose_name="campaign",
                    ),
                ),
                (
                    "document",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtaildocs.document",
                        verbose_name="document in the library",
                    ),
                ),
                (
                    "place",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="places.place",
                        verbose_name="place",
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
            ],
            options={
                "verbose_name": "material distribution",
                "verbose_name_plural": "material distributions",
                "ordering": ["-start_date", "-id"],
            },
            bases=(campaigns.models.common.PlausibleCounts, models.Model),
        ),
        migrations.AddField(
            model_name="club",
            name="organiser",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                to="campaigns.organiser",
                verbose_name="organiser",
            ),
        ),
        migrations.AddField(
            model_name="campaign",
            name="lead_organiser",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="led_campaigns",
                to="campaigns.organiser",
                verbose_name="lead organiser",
            ),
        ),
        migrations.AddField(
            model_name="campaign",
            name="partners",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True,
                related_name="partner_campaigns",
                to="campaigns.organiser",
                verbose_name="partner organisers",
            ),
        ),
        migrations.AddField(
            model_name="activity",
            name="organisers",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True, to="campaigns.organiser", verbose_name="organisers"
            ),
        ),
        migrations.CreateModel(
            name="PlanDocument",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("number", models.CharField(max_length=60, verbose_name="number")),
                ("issued_on", models.DateField(blank=True, null=True, verbose_name="date")),
                ("title", models.CharField(blank=True, max_length=255, verbose_name="title")),
                (
                    "campaign",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="documents", to="campaigns.campaign"
                    ),
                ),
            ],
            options={
                "verbose_name": "plan document",
                "verbose_name_plural": "plan documents",
            },
        ),
        migrations.CreateModel(
            name="Target",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "measure",
                    models.CharField(
                        choices=[
                            ("sessions", "sessions"),
                            ("participants", "participants (person-times)"),
                            ("female", "female participants"),
                            ("unique_participants", "unique participants"),
                            ("clubs", "active clubs"),
                            ("club_members", "club members"),
                            ("leaflets_distributed", "leaflets distributed"),
                        ],
                        max_length=30,
                        verbose_name="measure",
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("training", "training class"),
                            ("community", "community session"),
                            ("club_meeting", "club meeting"),
                            ("fair", "communication fair"),
                            ("contest", "contest"),
                            ("residents_meeting", "residents' meeting"),
                            ("inspection", "inspection"),
                            ("other", "other"),
                        ],
                        max_length=20,
                        verbose_name="activity kind",
                    ),
                ),
                ("start_date", models.DateField(blank=True, null=True, verbose_name="from")),
                ("end_date", models.DateField(blank=True, null=True, verbose_name="to")),
                ("value", models.PositiveIntegerField(verbose_name="number to reach")),
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
                    "campaign",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="targets", to="campaigns.campaign"
                    ),
                ),
                (
                    "province",
                    models.ForeignKey(
                        blank=True,
                        limit_choices_to={"level": "province"},
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="places.place",
                        verbose_name="province",
                    ),
                ),
            ],
            options={
                "verbose_name": "target",
                "verbose_name_plural": "targets",
                "permissions": [
                    ("import_target", "Can import targets from a file"),
                    ("export_target", "Can export targets to a file"),
                ],
            },
        ),
        migrations.AddField(
            model_name="activity",
            name="topics",
            field=modelcluster.fields.ParentalManyToManyField(blank=True, to="campaigns.topic", verbose_name="topics"),
        ),
        migrations.AddIndex(
            model_name="activity",
            index=models.Index(fields=["province", "start_date"], name="campaigns_a_provinc_0d4d38_idx"),
        ),
        migrations.AddIndex(
            model_name="activity",
            index=models.Index(fields=["kind", "start_date"], name="campaigns_a_kind_ec160d_idx"),
        ),
        migrations.AddConstraint(
            model_name="activity",
            constraint=models.UniqueConstraint(
                fields=("recorded_by", "client_uuid"), name="activity_client_uuid_per_account"
            ),
        ),
    ]
