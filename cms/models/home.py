from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from reporting import stats
from reporting.periods.services import public_standing

FEATURED_COUNT = 3


class HomePage(Page):
    """The site's front page: the root of the public page tree."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("A few sentences under the title that say what the site offers."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.ArticleIndexPage",
        "cms.LeafletIndexPage",
        "cms.CampaignPage",
        "cms.StatisticsPage",
        "cms.ContentPage",
    ]
    max_count_per_parent = 1
    template = "cms/home_page.html"

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        from cms.models import ArticlePage, CampaignPage, ContentPage, LeafletPage, StatisticsPage
        from cms.models.pages import measure_rows

        context = super().get_context(request, *args, **kwargs)
        # Featured first, then the newest: the home page is never empty once something is published.
        context["articles"] = (
            ArticlePage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
            .order_by("-featured", "-date", "-pk")[:FEATURED_COUNT]
        )
        context["leaflets"] = (
            LeafletPage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("cover_image", "document")
            .prefetch_related("cover_image__renditions")
            .order_by("-featured", "-date", "-pk")[:FEATURED_COUNT]
        )
        context["figures"] = measure_rows(stats.totals(public=True).total)
        context["standing"] = public_standing()
        context["statistics_page"] = StatisticsPage.objects.live().descendant_of(self).first()
        linked = list(
            Page.objects.child_of(self)
            .live()
            .type(CampaignPage, ContentPage)
            .exclude(view_restrictions__isnull=False)
            .order_by("path")
        )
        campaign_type = ContentType.objects.get_for_model(CampaignPage).pk
        context["campaign_pages"] = [page for page in linked if page.content_type_id == campaign_type]
        context["about_pages"] = [
            page for page in linked if page.content_type_id != campaign_type and page.show_in_menus
        ]
        return context
