from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.filters import filtered_listing

from .base import SitePage, stream_text
from .leaflets import LeafletPage


class ArticleIndexPage(SitePage):
    """The list of articles, filtered by topic, audience, province and year."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*SitePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ArticlePage"]
    max_count_per_parent = 1
    template = "cms/article_index_page.html"

    class Meta:
        verbose_name = _("article index")
        verbose_name_plural = _("article indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        pages = (
            ArticlePage.objects.child_of(self)
            .live()
            .public()
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
        )
        context["listing"] = filtered_listing(request, pages)
        return context


class ArticlePage(SitePage):
    """A news article or story about the work."""

    date = models.DateField(_("date"), default=timezone.localdate)
    author = models.CharField(_("author"), max_length=255, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_alt = models.CharField(
        _("hero image alternative text"),
        max_length=255,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it. Required with an image."),
    )
    summary = models.TextField(
        _("summary"), max_length=500, help_text=_("Two or three sentences shown in lists and previews.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    topics = ParentalManyToManyField("campaigns.Topic", verbose_name=_("topics"), blank=True, related_name="+")
    audiences = ParentalManyToManyField("campaigns.Audience", verbose_name=_("audiences"), blank=True, related_name="+")
    provinces = ParentalManyToManyField(
        "places.Place",
        verbose_name=_("provinces"),
        blank=True,
        related_name="+",
        limit_choices_to={"level": "province", "is_current": True},
    )
    related_leaflets = ParentalManyToManyField(
        "cms.LeafletPage", verbose_name=_("related leaflets"), blank=True, related_name="+"
    )
    featured = models.BooleanField(_("featured on the home page"), default=False)

    content_panels = [
        *SitePage.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("author")]),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_alt")], heading=_("Hero image")),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("provinces", widget=forms.CheckboxSelectMultiple),
                FieldPanel("related_leaflets", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Classification"),
        ),
    ]
    promote_panels = [*SitePage.promote_panels, FieldPanel("featured")]
    search_fields = [
        *SitePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["cms.ArticleIndexPage"]
    subpage_types: list[str] = []
    template = "cms/article_page.html"

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def clean(self) -> None:
        super().clean()
        if self.hero_image_id and not self.hero_alt.strip():
            raise ValidationError({"hero_alt": _("Describe the image for readers who cannot see it.")})

    @property
    def card_image(self):
        return self.hero_image

    def search_texts(self) -> list[str]:
        return [*super().search_texts(), self.summary, self.author, *stream_text(self.body.raw_data)]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        leaflets = self.related_leaflets.all()
        if not hasattr(leaflets, "live"):
            # A preview: the chosen leaflets are still in memory (modelcluster's FakeQuerySet).
            leaflets = LeafletPage.objects.filter(pk__in=[leaflet.pk for leaflet in leaflets])
        # A translation copies the links to the Vietnamese leaflets: show their versions in
        # the page's own language (none while a leaflet is untranslated).
        leaflets = LeafletPage.objects.filter(
            translation_key__in=leaflets.values("translation_key"), locale_id=self.locale_id
        )
        context["leaflets"] = leaflets.live().public().select_related("cover_image")
        return context
