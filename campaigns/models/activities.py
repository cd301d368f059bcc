import secrets
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.images import get_image_model_string
from wagtail.search import index

from access.models import ProvinceScopedQuerySet
from campaigns.conf import usual_participants_per_session
from core.text import grouped

from .common import ActivityKind, PlausibleCounts, validate_part_of_whole, validate_period, validate_plausible_dates
from .versioning import Versioned, VersionedQuerySet

# Keys below 2**31 fit PostgreSQL's integer column; their sums are summed as bigint.
CELL_KEY_RANGE = 2**31 - 1


def new_cell_key() -> int:
    """A record's fixed random key: public totals derive their small perturbation from the
    keys of the records in a cell (README, *Totals, reports and the API*), so the same cell
    always reads the same."""
    return secrets.randbelow(CELL_KEY_RANGE)


class ActivityQuerySet(VersionedQuerySet, ProvinceScopedQuerySet):
    def with_related(self):
        """What list pages show, in a fixed number of queries."""
        return self.select_related("campaign", "place__province", "province", "club", "recorded_by")


class Activity(PlausibleCounts, Versioned, index.Indexed, ClusterableModel):
    """One session, or a batch of N sessions that a report gives only as totals: the fact table.

    It points at the smallest place known (commune, else district, else province) and
    carries its province and district for grouping. A participant count left empty is
    unknown, not zero; where a sign-in list exists, the counts come from it. Its version
    refuses a stale edit: two people saving the same activity cannot both win.
    """

    Kind = ActivityKind
    count_fields = ("sessions", "participants", "female", "ethnic_minority")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        HELD = "held", _("held")
        CANCELLED = "cancelled", _("cancelled")

    kind = models.CharField(_("kind"), max_length=20, choices=ActivityKind.choices)
    title = models.CharField(pgettext_lazy("activity", "title"), max_length=255)
    campaign = models.ForeignKey(
        "campaigns.Campaign",
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="activities",
    )
    organisers = ParentalManyToManyField("campaigns.Organiser", verbose_name=_("organisers"), blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True, help_text=_("For a batch over a period."))
    sessions = models.PositiveIntegerField(
        _("sessions"),
        null=True,
        blank=True,
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_("1 for a single session; N for a report line that gives only a total; empty when unknown."),
    )
    place = models.ForeignKey(
        "places.Place",
        verbose_name=_("location"),
        on_delete=models.PROTECT,
        related_name="activities",
        help_text=_("The smallest unit known: commune, else district, else province."),
    )
    province = models.ForeignKey(
        "places.Place", verbose_name=_("province"), on_delete=models.PROTECT, related_name="+", editable=False
    )
    district = models.ForeignKey(
        "places.Place",
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    audiences = ParentalManyToManyField("campaigns.Audience", verbose_name=_("audiences"), blank=True)
    topics = ParentalManyToManyField("campaigns.Topic", verbose_name=_("topics"), blank=True)
    club = models.ForeignKey(
        "campaigns.Club",
        verbose_name=_("club"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings",
        help_text=_("For a club meeting: the club that met."),
    )
    participants = models.PositiveIntegerField(
        _("participants"), null=True, blank=True, help_text=_("Person-times (lượt). Leave empty when unknown.")
    )
    female = models.PositiveIntegerField(_("of whom female"), null=True, blank=True)
    ethnic_minority = models.PositiveIntegerField(_("of whom ethnic minority"), null=True, blank=True)
    materials = models.TextField(_("materials handed out"), blank=True)
    photos = models.ManyToManyField(get_image_model_string(), verbose_name=_("photos"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.HELD)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    external_id = models.CharField(
        _("external code"), max_length=64, unique=True, null=True, blank=True, help_text=_("Code in an imported file.")
    )
    client_uuid = models.UUIDField(
        null=True,
        blank=True,
        editable=False,
        help_text="Sent by the phone form, so a re-sent draft saves once; unique per account.",
    )
    # A default, not save(): bulk_create and every import path get one too.
    cell_key = models.PositiveIntegerField(_("cell key"), default=new_cell_key, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ActivityQuerySet.as_manager()

    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("notes"),
        index.FilterField("kind"),
        index.FilterField("province"),
        index.FilterField("start_date"),
    ]

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        permissions = [
            ("import_activity", _("Can import activities from a file")),
            ("export_activity", _("Can export activities to a file")),
        ]
        ordering = ["-start_date", "-id"]
        indexes = [
            models.Index(fields=["province", "start_date"]),
            models.Index(fields=["kind", "start_date"]),
        ]
        constraints = [
            # The phone's UUID is its account's: another account cannot learn that one was used.
            models.UniqueConstraint(fields=["recorded_by", "client_uuid"], name="activity_client_uuid_per_account"),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        validate_period(self.start_date, self.end_date)
        errors: dict = {}
        validate_part_of_whole(
            errors,
            self.participants,
            {"female": self.female, "ethnic_minority": self.ethnic_minority},
            _("Cannot be more than the number of participants."),
        )
        self.count_limit_errors(errors)
        validate_plausible_dates(
            errors,
            {"start_date": self.start_date, "end_date": self.end_date},
            planned=self.status == self.Status.PLANNED,
        )
        if self.club_id and self.kind != ActivityKind.CLUB_MEETING:
            errors.setdefault("club", []).append(_("Only a club meeting points at a club."))
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs) -> None:
        # Writers go through campaigns.services, which also derives these for bulk writes;
        # a plain save (demo data, tests) keeps the record placed all the same.
        if self.place_id:
            self.province_id, self.district_id = self.place.grouping_ids()
        if self.client_uuid is None and self._state.adding:
            self.client_uuid = uuid.uuid4()
        super().save(*args, **kwargs)

    def count_warnings(self) -> list[str]:
        """Counts far above what an activity of its kind usually has: kept when confirmed
        (forms ask), named by the import's check. Refused outright above the limits (clean)."""
        if self.participants is None:
            return []
        sessions = self.sessions or 1
        usual = usual_participants_per_session(self.kind) * sessions
        if self.participants <= usual:
            return []
        return [
            _(
                "%(participants)s participants in %(sessions)s session(s) is far more than usual for "
                "this kind of activity (up to %(usual)s): check the number."
            )
            % {"participants": grouped(self.participants), "sessions": grouped(sessions), "usual": grouped(usual)}
        ]

    def coverage_warnings(self) -> list[str]:
        """Doubts worth showing but not refusing: a place outside the campaign's coverage, a
        start outside its period (the campaign's page counts its period only). Every way of
        recording an activity shows these after saving."""
        if not self.campaign_id:
            return []
        campaign = self.campaign
        warnings = []
        if self.place_id and not campaign.covers(self.place):
            warnings.append(
                _("%(place)s is outside the places that campaign “%(campaign)s” covers.")
                % {"place": self.place, "campaign": campaign}
            )
        if self.start_date and not campaign.within_period(self.start_date):
            warnings.append(
                _(
                    "%(date)s is outside the period of campaign “%(campaign)s” (%(period)s): "
                    "the campaign's page does not count this activity."
                )
                % {"date": self.start_date.strftime("%d/%m/%Y"), "campaign": campaign, "period": campaign.period_text()}
            )
        return warnings
