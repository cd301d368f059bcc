from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from access.models import ProvinceScopedQuerySet
from campaigns.rules import check_record

from .common import PlausibleCounts, validate_part_of_whole, validate_period


class DistributionQuerySet(ProvinceScopedQuerySet):
    def with_related(self):
        return self.select_related("place__province", "organiser", "campaign")


class MaterialDistribution(PlausibleCounts, models.Model):
    """Leaflets or other materials printed and handed out: how many, where, when, by whom."""

    count_fields = ("printed", "distributed")

    title = models.CharField(
        _("material"), max_length=255, help_text=_("The leaflet or material, as it is called on paper.")
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document in the library"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    printed = models.PositiveIntegerField(_("copies printed"), null=True, blank=True)
    distributed = models.PositiveIntegerField(_("copies given out"), null=True, blank=True)
    place = models.ForeignKey("places.Place", verbose_name=_("place"), on_delete=models.PROTECT, related_name="+")
    province = models.ForeignKey(
        "places.Place", verbose_name=_("province"), on_delete=models.PROTECT, related_name="+", editable=False
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    organiser = models.ForeignKey(
        "campaigns.Organiser", verbose_name=_("organiser"), null=True, blank=True, on_delete=models.PROTECT
    )
    campaign = models.ForeignKey(
        "campaigns.Campaign", verbose_name=_("campaign"), null=True, blank=True, on_delete=models.PROTECT
    )
    activity = models.ForeignKey(
        "campaigns.Activity",
        verbose_name=_("at activity"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="distributions",
    )
    notes = models.TextField(_("notes"), blank=True)

    objects = DistributionQuerySet.as_manager()

    class Meta:
        verbose_name = _("material distribution")
        verbose_name_plural = _("material distributions")
        ordering = ["-start_date", "-id"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if self.place_id:
            self.province_id = self.place.province_id
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        validate_period(self.start_date, self.end_date)
        errors: dict = {}
        validate_part_of_whole(
            errors, self.printed, {"distributed": self.distributed}, _("More copies given out than printed.")
        )
        self.count_limit_errors(errors)
        if errors:
            raise ValidationError(errors)
        check_record(self)  # the write rules (a period closed for changes)
