from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from access.models import ProvinceScopedQuerySet
from campaigns.rules import check_record

from .common import PlausibleCounts
from .versioning import Versioned, VersionedQuerySet


class ClubQuerySet(VersionedQuerySet, ProvinceScopedQuerySet):
    def with_related(self):
        return self.select_related("place__province", "organiser", "campaign")


class Club(PlausibleCounts, Versioned, index.Indexed, models.Model):
    """A club (câu lạc bộ) that meets in a commune; its meetings are activities pointing at it.

    Members are a count, or a list of people kept by an app built on this one (the count
    then comes from the list). Its version refuses a stale edit, as an activity's does.
    """

    count_fields = ("member_count",)

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        CLOSED = "closed", _("closed")

    name = models.CharField(_("name"), max_length=255)
    place = models.ForeignKey(
        "places.Place",
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        related_name="clubs",
        help_text=_("Its commune; the district or province when the report names no commune."),
    )
    province = models.ForeignKey(
        "places.Place", verbose_name=_("province"), on_delete=models.PROTECT, related_name="+", editable=False
    )
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    organiser = models.ForeignKey(
        "campaigns.Organiser", verbose_name=_("organiser"), null=True, blank=True, on_delete=models.PROTECT
    )
    campaign = models.ForeignKey(
        "campaigns.Campaign",
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="clubs",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    member_count = models.PositiveIntegerField(
        _("number of members"), null=True, blank=True, help_text=_("When no member list is kept; empty when unknown.")
    )
    notes = models.TextField(_("notes"), blank=True)
    external_id = models.CharField(_("external code"), max_length=64, unique=True, null=True, blank=True)

    objects = ClubQuerySet.as_manager()

    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("province")]

    class Meta:
        verbose_name = _("club")
        verbose_name_plural = _("clubs")
        permissions = [
            ("import_club", _("Can import clubs from a file")),
            ("export_club", _("Can export clubs to a file")),
        ]
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if self.place_id:
            self.province_id = self.place.province_id
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        errors: dict = {}
        self.count_limit_errors(errors)
        if errors:
            raise ValidationError(errors)
        check_record(self)  # the write rules (a period closed for changes)
