from __future__ import annotations

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from cms.filters import filtered_listing
from reporting import stats

from .base import SitePage


class LeafletIndexPage(SitePage):
    """The list of leaflets, filtered by topic, audience, province and year."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*SitePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.LeafletPage"]
    max_count_per_parent = 1
    template = "cms/leaflet_index_page.html"

    class Meta:
        verbose_name = _("leaflet index")
        verbose_name_plural = _("leaflet indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        pages = (
            LeafletPage.objects.child_of(self)
            .live()
            .public()
            .select_related("cover_image", "document")
            .prefetch_related("cover_image__renditions")
        )
        context["listing"] = filtered_listing(request, pages)
        return context


class LeafletPage(SitePage):
    """A leaflet: its PDF, cover, languages, audience and where it was handed out."""

    date = models.DateField(_("date"), default=timezone.localdate, help_text=_("When this edition came out."))
    summary = models.TextField(_("summary"), max_length=500)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    languages = ParentalManyToManyField("cms.Language", verbose_name=_("languages"), blank=True, related_name="+")
    topics = ParentalManyToManyField("campaigns.Topic", verbose_name=_("topics"), blank=True, related_name="+")
    audiences = ParentalManyToManyField("campaigns.Audience", verbose_name=_("audiences"), blank=True, related_name="+")
    provinces = ParentalManyToManyField(
        "places.Place",
        verbose_name=_("provinces"),
        blank=True,
        related_name="+",
        limit_choices_to={"level": "province", "is_current": True},
    )
    edition = models.CharField(_("edition"), max_length=80, blank=True, help_text=_("e.g. “2nd edition, 2019”."))
    print_run = models.PositiveIntegerField(_("print run"), null=True, blank=True)
    featured = models.BooleanField(_("featured on the home page"), default=False)

    content_panels = [
        *SitePage.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("document"), FieldPanel("cover_image")]),
        FieldRowPanel([FieldPanel("edition"), FieldPanel("print_run")]),
        MultiFieldPanel(
            [
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("provinces", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Classification"),
        ),
    ]
    promote_panels = [*SitePage.promote_panels, FieldPanel("featured")]
    search_fields = [*SitePage.search_fields, index.SearchField("summary"), index.FilterField("date")]
    parent_page_types = ["cms.LeafletIndexPage"]
    subpage_types: list[str] = []
    template = "cms/leaflet_page.html"

    class Meta:
        verbose_name = _("leaflet")
        verbose_name_plural = _("leaflets")

    @property
    def card_image(self):
        return self.cover_image

    def search_texts(self) -> list[str]:
        return [*super().search_texts(), self.summary, self.edition]

    def distribution(self) -> list[dict]:
        """Where copies of this leaflet's PDF were handed out, per current province."""
        return stats.leaflet_distribution(self.document_id)
