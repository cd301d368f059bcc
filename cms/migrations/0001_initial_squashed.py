"""The public site's pages, from an empty database: cms 0001 to 0006 in one migration.

Besides the tables it sets up what those migrations set up on a new database: our home page in
place of Wagtail's placeholder, the moderation workflow on the whole tree for both reviewer
groups, the "en" locale and the workflow's Vietnamese names. A database that applied 0001 to
0006 is marked as having applied this one and runs none of it.
"""

import uuid

import django.db.models.deletion
import django.utils.timezone
import modelcluster.fields
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

HOME_TITLE = "Phòng, chống mua bán người"
HOME_INTRO = (
    "<p>Tài liệu, tin bài và số liệu về công tác tuyên truyền, tập huấn phòng, chống mua bán người "
    "của Hội Liên hiệp Phụ nữ và các ngành.</p>"
)


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("cms.HomePage")

    # Wagtail's own migrations leave a placeholder "Welcome" page at depth 2.
    Page.objects.filter(depth=2, slug="home", content_type__app_label="wagtailcore").delete()
    if HomePage.objects.exists():
        return

    home_content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="cms")
    locale = Locale.objects.filter(language_code="vi").first() or Locale.objects.first()
    homepage = HomePage.objects.create(
        title=HOME_TITLE,
        draft_title=HOME_TITLE,
        slug="home",
        content_type=home_content_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        translation_key=uuid.uuid4(),
        live=True,
        intro=HOME_INTRO,
    )
    Page.objects.filter(depth=1).update(numchild=1)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page_id": homepage.id, "site_name": HOME_TITLE},
    )


def remove_homepage(apps, schema_editor):
    apps.get_model("cms.HomePage").objects.all().delete()


REVIEWER_GROUPS = ["Moderators", "Quản trị toàn quốc"]
MODERATION_WORKFLOW = "Moderators approval"


def configure_moderation(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Page = apps.get_model("wagtailcore.Page")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    root = Page.objects.filter(depth=1).first()
    if root is None:
        return
    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    groups = [Group.objects.get_or_create(name=name)[0] for name in REVIEWER_GROUPS]
    for group in groups:
        for codename in ("add_page", "change_page", "publish_page"):
            permission, _ = Permission.objects.get_or_create(
                content_type=page_type, codename=codename, defaults={"name": f"Can {codename.split('_')[0]} page"}
            )
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=MODERATION_WORKFLOW).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=MODERATION_WORKFLOW, content_type=task_type, active=True)
    task.active = True
    task.save()
    task.groups.add(*groups)
    workflow, _ = Workflow.objects.get_or_create(name=MODERATION_WORKFLOW, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save()
    WorkflowTask.objects.get_or_create(workflow=workflow, task_id=task.pk, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


OLD_NAME = "Moderators approval"
WORKFLOW_VI_NAME = "Duyệt bài trước khi đăng"
TASK_NAME = "Nhóm duyệt bài xem xét"


def locales_and_names(apps, schema_editor):
    Locale = apps.get_model("wagtailcore.Locale")
    Workflow = apps.get_model("wagtailcore.Workflow")
    Task = apps.get_model("wagtailcore.Task")
    for code in ("vi", "en"):
        Locale.objects.get_or_create(language_code=code)
    Workflow.objects.filter(name=OLD_NAME).update(name=WORKFLOW_VI_NAME)
    Task.objects.filter(name=OLD_NAME).update(name=TASK_NAME)


def english_names(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore.Workflow")
    Task = apps.get_model("wagtailcore.Task")
    Workflow.objects.filter(name=WORKFLOW_VI_NAME).update(name=OLD_NAME)
    Task.objects.filter(name=TASK_NAME).update(name=OLD_NAME)


class Migration(migrations.Migration):
    replaces = [
        ("cms", "0001_initial"),
        ("cms", "0002_create_homepage"),
        ("cms", "0003_public_pages"),
        ("cms", "0004_moderation_workflow"),
        ("cms", "0005_english_locale_vietnamese_workflow"),
        ("cms", "0006_provinces_from_places"),
    ]

    initial = True

    dependencies = [
        ("campaigns", "0001_initial_squashed"),
        ("places", "0001_initial_squashed"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.CreateModel(
            name="ArticleIndexPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                ("intro", models.TextField(blank=True, verbose_name="introduction")),
            ],
            options={
                "verbose_name": "article index",
                "verbose_name_plural": "article indexes",
            },
            bases=("wagtailcore.page", models.Model),
        ),
        migrations.CreateModel(
            name="ContentPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                (
                    "body",
                    wagtail.fields.StreamField(
                        [("paragraph", 0), ("image", 4), ("quote", 7), ("video", 9), ("figures", 16)],
                        blank=True,
                        block_lookup={
                            0: (
                                "wagtail.blocks.RichTextBlock",
                                (),
                                {
                                    "features": ["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"],
                                    "icon": "pilcrow",
                                    "label": "Paragraph",
                                },
                            ),
                            1: ("wagtail.images.blocks.ImageChooserBlock", (), {"label": "image"}),
                            2: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "What the image shows, for readers who cannot see it.",
                                    "label": "alternative text",
                                    "max_length": 255,
                                },
                            ),
                            3: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "caption", "max_length": 255, "required": False},
                            ),
                            4: ("wagtail.blocks.StructBlock", [[("image", 1), ("alt", 2), ("caption", 3)]], {}),
                            5: ("wagtail.blocks.TextBlock", (), {"label": "quote"}),
                            6: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "who said it", "max_length": 255, "required": False},
                            ),
                            7: ("wagtail.blocks.StructBlock", [[("text", 5), ("attribution", 6)]], {}),
                            8: (
                                "wagtail.embeds.blocks.EmbedBlock",
                                (),
                                {"help_text": "A YouTube or Facebook video address.", "label": "video address"},
                            ),
                            9: ("wagtail.blocks.StructBlock", [[("video", 8), ("caption", 3)]], {}),
                            10: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "heading", "max_length": 255, "required": False},
                            ),
                            11: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"help_text": "As it should be read, e.g. 2.890.", "label": "number", "max_length": 40},
                            ),
                            12: ("wagtail.blocks.CharBlock", (), {"label": "what it counts", "max_length": 255}),
                            13: ("wagtail.blocks.StructBlock", [[("number", 11), ("label", 12)]], {}),
                            14: ("wagtail.blocks.ListBlock", (13,), {"label": "figures", "min_num": 1}),
                            15: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "source", "max_length": 255, "required": False},
                            ),
                            16: (
                                "wagtail.blocks.StructBlock",
                                [[("heading", 10), ("figures", 14), ("source", 15)]],
                                {},
                            ),
                        },
                        verbose_name="body",
                    ),
                ),
            ],
            options={
                "verbose_name": "content page",
                "verbose_name_plural": "content pages",
            },
            bases=("wagtailcore.page", models.Model),
        ),
        migrations.CreateModel(
            name="HomePage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                (
                    "intro",
                    wagtail.fields.RichTextField(
                        blank=True,
                        help_text="A few sentences under the title that say what the site offers.",
                        verbose_name="introduction",
                    ),
                ),
            ],
            options={
                "verbose_name": "home page",
                "verbose_name_plural": "home pages",
            },
            bases=("wagtailcore.page",),
        ),
        migrations.CreateModel(
            name="Language",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("code", models.SlugField(max_length=20, unique=True, verbose_name="code")),
                ("name", models.CharField(max_length=80, unique=True, verbose_name="name")),
            ],
            options={
                "verbose_name": "language",
                "verbose_name_plural": "languages",
                "ordering": ["name"],
            },
        ),
        migrations.CreateModel(
            name="LeafletIndexPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                ("intro", models.TextField(blank=True, verbose_name="introduction")),
            ],
            options={
                "verbose_name": "leaflet index",
                "verbose_name_plural": "leaflet indexes",
            },
            bases=("wagtailcore.page", models.Model),
        ),
        migrations.CreateModel(
            name="StatisticsPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                ("intro", wagtail.fields.RichTextField(blank=True, verbose_name="introduction")),
            ],
            options={
                "verbose_name": "statistics page",
                "verbose_name_plural": "statistics pages",
            },
            bases=("wagtailcore.page", models.Model),
        ),
        migrations.CreateModel(
            name="CampaignPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                ("summary", models.TextField(blank=True, max_length=500, verbose_name="summary")),
                (
                    "body",
                    wagtail.fields.StreamField(
                        [("paragraph", 0), ("image", 4), ("quote", 7), ("video", 9), ("figures", 16)],
                        blank=True,
                        block_lookup={
                            0: (
                                "wagtail.blocks.RichTextBlock",
                                (),
                                {
                                    "features": ["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"],
                                    "icon": "pilcrow",
                                    "label": "Paragraph",
                                },
                            ),
                            1: ("wagtail.images.blocks.ImageChooserBlock", (), {"label": "image"}),
                            2: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "What the image shows, for readers who cannot see it.",
                                    "label": "alternative text",
                                    "max_length": 255,
                                },
                            ),
                            3: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "caption", "max_length": 255, "required": False},
                            ),
                            4: ("wagtail.blocks.StructBlock", [[("image", 1), ("alt", 2), ("caption", 3)]], {}),
                            5: ("wagtail.blocks.TextBlock", (), {"label": "quote"}),
                            6: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "who said it", "max_length": 255, "required": False},
                            ),
                            7: ("wagtail.blocks.StructBlock", [[("text", 5), ("attribution", 6)]], {}),
                            8: (
                                "wagtail.embeds.blocks.EmbedBlock",
                                (),
                                {"help_text": "A YouTube or Facebook video address.", "label": "video address"},
                            ),
                            9: ("wagtail.blocks.StructBlock", [[("video", 8), ("caption", 3)]], {}),
                            10: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "heading", "max_length": 255, "required": False},
                            ),
                            11: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"help_text": "As it should be read, e.g. 2.890.", "label": "number", "max_length": 40},
                            ),
                            12: ("wagtail.blocks.CharBlock", (), {"label": "what it counts", "max_length": 255}),
                            13: ("wagtail.blocks.StructBlock", [[("number", 11), ("label", 12)]], {}),
                            14: ("wagtail.blocks.ListBlock", (13,), {"label": "figures", "min_num": 1}),
                            15: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "source", "max_length": 255, "required": False},
                            ),
                            16: (
                                "wagtail.blocks.StructBlock",
                                [[("heading", 10), ("figures", 14), ("source", 15)]],
                                {},
                            ),
                        },
                        verbose_name="story",
                    ),
                ),
                (
                    "campaign",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="campaigns.campaign",
                        verbose_name="campaign",
                    ),
                ),
            ],
            options={
                "verbose_name": "campaign page",
                "verbose_name_plural": "campaign pages",
            },
            bases=("wagtailcore.page", models.Model),
        ),
        migrations.CreateModel(
            name="LeafletPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                (
                    "date",
                    models.DateField(
                        default=django.utils.timezone.localdate,
                        help_text="When this edition came out.",
                        verbose_name="date",
                    ),
                ),
                ("summary", models.TextField(max_length=500, verbose_name="summary")),
                (
                    "edition",
                    models.CharField(
                        blank=True, help_text="e.g. “2nd edition, 2019”.", max_length=80, verbose_name="edition"
                    ),
                ),
                ("print_run", models.PositiveIntegerField(blank=True, null=True, verbose_name="print run")),
                ("featured", models.BooleanField(default=False, verbose_name="featured on the home page")),
                (
                    "audiences",
                    modelcluster.fields.ParentalManyToManyField(
                        blank=True, related_name="+", to="campaigns.audience", verbose_name="audiences"
                    ),
                ),
                (
                    "cover_image",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailimages.image",
                        verbose_name="cover image",
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
                        verbose_name="PDF",
                    ),
                ),
                (
                    "languages",
                    modelcluster.fields.ParentalManyToManyField(
                        blank=True, related_name="+", to="cms.language", verbose_name="languages"
                    ),
                ),
                (
                    "provinces",
                    modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        limit_choices_to={"is_current": True, "level": "province"},
                        related_name="+",
                        to="places.place",
                        verbose_name="provinces",
                    ),
                ),
                (
                    "topics",
                    modelcluster.fields.ParentalManyToManyField(
                        blank=True, related_name="+", to="campaigns.topic", verbose_name="topics"
                    ),
                ),
            ],
            options={
                "verbose_name": "leaflet",
                "verbose_name_plural": "leaflets",
            },
            bases=("wagtailcore.page", models.Model),
        ),
        migrations.CreateModel(
            name="ArticlePage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                ("date", models.DateField(default=django.utils.timezone.localdate, verbose_name="date")),
                ("author", models.CharField(blank=True, max_length=255, verbose_name="author")),
                (
                    "hero_alt",
                    models.CharField(
                        blank=True,
                        help_text="What the image shows, for readers who cannot see it. Required with an image.",
                        max_length=255,
                        verbose_name="hero image alternative text",
                    ),
                ),
                (
                    "summary",
                    models.TextField(
                        help_text="Two or three sentences shown in lists and previews.",
                        max_length=500,
                        verbose_name="summary",
                    ),
                ),
                (
                    "body",
                    wagtail.fields.StreamField(
                        [("paragraph", 0), ("image", 4), ("quote", 7), ("video", 9), ("figures", 16)],
                        blank=True,
                        block_lookup={
                            0: (
                                "wagtail.blocks.RichTextBlock",
                                (),
                                {
                                    "features": ["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"],
                                    "icon": "pilcrow",
                                    "label": "Paragraph",
                                },
                            ),
                            1: ("wagtail.images.blocks.ImageChooserBlock", (), {"label": "image"}),
                            2: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "What the image shows, for readers who cannot see it.",
                                    "label": "alternative text",
                                    "max_length": 255,
                                },
                            ),
                            3: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "caption", "max_length": 255, "required": False},
                            ),
                            4: ("wagtail.blocks.StructBlock", [[("image", 1), ("alt", 2), ("caption", 3)]], {}),
                            5: ("wagtail.blocks.TextBlock", (), {"label": "quote"}),
                            6: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "who said it", "max_length": 255, "required": False},
                            ),
                            7: ("wagtail.blocks.StructBlock", [[("text", 5), ("attribution", 6)]], {}),
                            8: (
                                "wagtail.embeds.blocks.EmbedBlock",
                                (),
                                {"help_text": "A YouTube or Facebook video address.", "label": "video address"},
                            ),
                            9: ("wagtail.blocks.StructBlock", [[("video", 8), ("caption", 3)]], {}),
                            10: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "heading", "max_length": 255, "required": False},
                            ),
                            11: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"help_text": "As it should be read, e.g. 2.890.", "label": "number", "max_length": 40},
                            ),
                            12: ("wagtail.blocks.CharBlock", (), {"label": "what it counts", "max_length": 255}),
                            13: ("wagtail.blocks.StructBlock", [[("number", 11), ("label", 12)]], {}),
                            14: ("wagtail.blocks.ListBlock", (13,), {"label": "figures", "min_num": 1}),
                            15: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "source", "max_length": 255, "required": False},
                            ),
                            16: (
                                "wagtail.blocks.StructBlock",
                                [[("heading", 10), ("figures", 14), ("source", 15)]],
                                {},
                            ),
                        },
                        verbose_name="body",
                    ),
                ),
                ("featured", models.BooleanField(default=False, verbose_name="featured on the home page")),
                (
                    "audiences",
                    modelcluster.fields.ParentalManyToManyField(
                        blank=True, related_name="+", to="campaigns.audience", verbose_name="audiences"
                    ),
                ),
                (
                    "hero_image",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailimages.image",
                        verbose_name="hero image",
                    ),
                ),
                (
                    "provinces",
                    modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        limit_choices_to={"is_current": True, "level": "province"},
                        related_name="+",
                        to="places.place",
                        verbose_name="provinces",
                    ),
                ),
                (
                    "topics",
                    modelcluster.fields.ParentalManyToManyField(
                        blank=True, related_name="+", to="campaigns.topic", verbose_name="topics"
                    ),
                ),
                (
                    "related_leaflets",
                    modelcluster.fields.ParentalManyToManyField(
                        blank=True, related_name="+", to="cms.leafletpage", verbose_name="related leaflets"
                    ),
                ),
            ],
            options={
                "verbose_name": "article",
                "verbose_name_plural": "articles",
            },
            bases=("wagtailcore.page", models.Model),
        ),
        # What 0002, 0004 and 0005 did on a new database, in their order.
        migrations.RunPython(create_homepage, remove_homepage),
        migrations.RunPython(configure_moderation, migrations.RunPython.noop),
        migrations.RunPython(locales_and_names, english_names),
    ]
