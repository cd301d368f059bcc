from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.search import index

from access.models import ProvinceScopedQuerySet
from campaigns.rules import check_record

from .common import ActivityKind, validate_period


class Campaign(index.Indexed, ClusterableModel):
    """A programme, project or plan (chương trình, đề án, kế hoạch) with its period and organisers."""

    code = models.SlugField(_("code"), max_length=40, unique=True, help_text=_("Short and stable, e.g. “DHPNBC-2018”."))
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    lead_organiser = models.ForeignKey(
        "campaigns.Organiser",
        verbose_name=_("lead organiser"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="led_campaigns",
    )
    partners = ParentalManyToManyField(
        "campaigns.Organiser", verbose_name=_("partner organisers"), blank=True, related_name="partner_campaigns"
    )
    coverage = ParentalManyToManyField(
        "places.Place",
        verbose_name=_("places covered"),
        blank=True,
        related_name="campaigns",
        help_text=_("The provinces, districts or communes the campaign covers; empty means nationwide."),
    )

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("name")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Period")),
        MultiFieldPanel([FieldPanel("lead_organiser"), FieldPanel("partners")], heading=_("Organisers")),
        FieldPanel("coverage"),
        InlinePanel("documents", heading=_("Plan documents"), label=_("document")),
        InlinePanel("targets", heading=_("Targets"), label=_("target")),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("code"),
        index.FilterField("start_date"),
    ]

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        permissions = [
            ("import_campaign", _("Can import campaigns from a file")),
            ("export_campaign", _("Can export campaigns to a file")),
        ]
        ordering = ["-start_date", "code"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        validate_period(self.start_date, self.end_date)

    def within_period(self, day) -> bool:
        """Whether `day` falls in the campaign's period (open-ended when it has no end)."""
        return self.start_date <= day and (self.end_date is None or day <= self.end_date)

    def period_text(self) -> str:
        start = self.start_date.strftime("%d/%m/%Y")
        return f"{start} – {self.end_date.strftime('%d/%m/%Y')}" if self.end_date else f"{start} –"

    def covers(self, place) -> bool:
        """Whether `place` lies in the campaign's coverage (always, when it has none)."""
        covered = {item.pk for item in self.coverage.all()}
        if not covered:
            return True
        return bool(covered & {place.pk, place.province_id, place.district_id, place.parent_id, place.successor_id})


class PlanDocument(models.Model):
    """A decision or plan a campaign rests on, e.g. Decision 193/QĐ-TTg of 9 February 2021."""

    campaign = ParentalKey(Campaign, on_delete=models.CASCADE, related_name="documents")
    number = models.CharField(_("number"), max_length=60)
    issued_on = models.DateField(_("date"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("plan document")
        verbose_name_plural = _("plan documents")

    def __str__(self) -> str:
        return self.number


class TargetQuerySet(ProvinceScopedQuerySet):
    """A target of one province belongs to that province's staff; a target without a
    province (the whole campaign) only to national staff."""


class Target(models.Model):
    """A number a campaign plans to reach for one measure, optionally in a narrower scope."""

    class Measure(models.TextChoices):
        SESSIONS = "sessions", _("sessions")
        PARTICIPANTS = "participants", _("participants (person-times)")
        FEMALE = "female", _("female participants")
        UNIQUE_PARTICIPANTS = "unique_participants", _("unique participants")
        CLUBS = "clubs", _("active clubs")
        CLUB_MEMBERS = "club_members", _("club members")
        LEAFLETS = "leaflets_distributed", _("leaflets distributed")

    campaign = ParentalKey(Campaign, on_delete=models.CASCADE, related_name="targets")
    measure = models.CharField(_("measure"), max_length=30, choices=Measure.choices)
    kind = models.CharField(_("activity kind"), max_length=20, blank=True, choices=ActivityKind.choices)
    audience = models.ForeignKey(
        "campaigns.Audience", verbose_name=_("audience"), null=True, blank=True, on_delete=models.PROTECT
    )
    province = models.ForeignKey(
        "places.Place",
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": "province"},
    )
    start_date = models.DateField(_("from"), null=True, blank=True)
    end_date = models.DateField(_("to"), null=True, blank=True)
    value = models.PositiveIntegerField(_("number to reach"))

    objects = TargetQuerySet.as_manager()

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        permissions = [
            ("import_target", _("Can import targets from a file")),
            ("export_target", _("Can export targets to a file")),
        ]

    def __str__(self) -> str:
        return f"{self.get_measure_display()}: {self.value}"

    def clean(self) -> None:
        super().clean()
        validate_period(self.start_date, self.end_date)
        check_record(self)  # the write rules (a period closed for changes)
