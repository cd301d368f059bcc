"""The tables measures come from, and how each maps onto the dimensions and filters.

A family answers one grouped query. It answers only the groupings and filters that mean
something for it (a club has no activity kind or month; a leaflet handout has no audience).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Case, Count, Exists, F, IntegerField, OuterRef, Q, Subquery, Sum, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from campaigns.models import Activity, ActivityKind, Club, MaterialDistribution
from places.models import Place, today_province
from reporting.stats import approved
from reporting.stats.expressions import Month, Quarter, Year, place_in
from trainings.models import Attendance, ClubMember

ALL_DIMENSIONS = {
    *("province", "district", "commune", "year", "quarter", "month"),
    *("kind", "campaign", "organiser", "audience"),
}


@dataclass(frozen=True)
class Filters:
    """What to count. Dates are inclusive; `place` narrows to a unit and everything in it."""

    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    campaign: str | None = None  # campaign code
    kinds: tuple[str, ...] = ()
    organiser: int | None = None  # Organiser id
    audience: str | None = None  # Audience code
    place: Place | None = None

    def as_json(self) -> dict:
        return {
            "from": self.date_from.isoformat() if self.date_from else None,
            "to": self.date_to.isoformat() if self.date_to else None,
            "campaign": self.campaign,
            "kind": list(self.kinds),
            "organiser": self.organiser,
            "audience": self.audience,
            "place": self.place.code if self.place else None,
        }


class Family:
    measures: list[str]
    dimensions: set[str]
    date_field: str | None = "start_date"
    organiser_field = "organisers"
    prefix = ""  # path from the family's table to the activity, where it is not Activity

    def base(self):
        raise NotImplementedError

    def queryset(self, user, *, approved_days: approved.ApprovedDays | None = None):
        """The family's records `user` may see (None: all of them); with `approved_days`,
        only those inside approved reporting periods (approved.py, for the public)."""
        queryset = self.base()
        if approved_days is not None:
            queryset = queryset.filter(approved.condition(self, approved_days))
        return queryset if user is None else queryset.for_user(user)

    def aggregates(self, filters: Filters | None = None) -> dict:
        """Each measure's aggregate (`filters`: for a measure read on a day, as club members)."""
        raise NotImplementedError

    def applies(self, by, filters: Filters) -> bool:
        """Whether every grouping and filter means something for this family."""
        if not set(by) <= self.dimensions:
            return False
        if filters.kinds and "kind" not in self.dimensions and not self.counts_for_kinds(filters.kinds):
            return False
        return not (filters.audience and "audience" not in self.dimensions)

    def counts_for_kinds(self, kinds) -> bool:
        return False

    def path(self, name: str) -> str:
        return f"{self.prefix}{name}"

    # -- grouping ------------------------------------------------------------------------
    def group_expression(self, name: str, as_recorded: bool):
        p = self.path
        expressions = {
            "province": lambda: F(p("province")) if as_recorded else today_province(p("province")),
            "district": self.district_expression,
            "commune": lambda: place_in(p("place"), Place.Level.COMMUNE, rolled=not as_recorded),
            "year": lambda: Year(p(self.date_field)),
            "quarter": lambda: Quarter(p(self.date_field)),
            "month": lambda: Month(p(self.date_field)),
            "kind": lambda: F(p("kind")),
            "campaign": lambda: F(p("campaign")),
            "organiser": lambda: F(p(self.organiser_field)),
            "audience": lambda: F(p("audiences")),
        }
        return expressions[name]()

    def district_expression(self):
        return F(self.path("district"))

    # -- filters -------------------------------------------------------------------------
    def condition(self, filters: Filters) -> Q:
        """The records that `filters` selects, as one Q (usable in filter= of an aggregate)."""
        p = self.path
        q = Q()
        if self.date_field and filters.date_from:
            q &= Q(**{f"{p(self.date_field)}__gte": filters.date_from})
        if self.date_field and filters.date_to:
            q &= Q(**{f"{p(self.date_field)}__lte": filters.date_to})
        if filters.campaign:
            q &= Q(**{f"{p('campaign')}__code": filters.campaign})
        if filters.kinds and "kind" in self.dimensions:
            q &= Q(**{f"{p('kind')}__in": filters.kinds})
        if filters.organiser:
            q &= self.organiser_q(filters.organiser)
        if filters.audience and "audience" in self.dimensions:
            # A subquery, not a join: a join on a many-to-many would repeat rows and inflate sums.
            activities = Activity.objects.filter(audiences__code=filters.audience).values("pk")
            q &= Q(**{f"{p('pk')}__in": activities})
        if filters.place:
            q &= self.place_q(filters.place)
        return q

    def organiser_q(self, organiser_id: int) -> Q:
        activities = Activity.objects.filter(organisers=organiser_id).values("pk")
        return Q(**{f"{self.path('pk')}__in": activities})

    def place_q(self, place: Place) -> Q:
        p = self.path
        if place.level == Place.Level.PROVINCE:
            return Q(**{f"{p('province')}__in": Place.objects.provinces_absorbed_into([place]).values("pk")})
        if place.level == Place.Level.DISTRICT:
            return Q(**{p("district"): place})
        return Q(**{p("place"): place}) | Q(**{f"{p('place')}__successor": place})


class ActivityFamily(Family):
    """Held activities: records, sessions, person-times and their breakdowns."""

    measures = ["activities", "sessions", "participants", "female", "ethnic_minority", "unknown_participants"]
    dimensions = ALL_DIMENSIONS

    def base(self):
        return Activity.objects.filter(status=Activity.Status.HELD)

    def aggregates(self, filters: Filters | None = None) -> dict:
        return {
            "activities": Count("pk"),
            "sessions": Sum("sessions"),
            "participants": Sum("participants"),
            "female": Sum("female"),
            "ethnic_minority": Sum("ethnic_minority"),
            "unknown_participants": Count("pk", filter=Q(participants__isnull=True)),
        }


class SignInFamily(Family):
    """Sign-in lists of held activities: the people behind the person-times."""

    measures = ["unique_participants"]
    dimensions = ALL_DIMENSIONS
    prefix = "activity__"

    def base(self):
        return Attendance.objects.filter(present=True, activity__status=Activity.Status.HELD)

    def aggregates(self, filters: Filters | None = None) -> dict:
        return {"unique_participants": Count("participant", distinct=True)}


class PlacedFamily(Family):
    """Clubs and distributions: a place and a stored province, no stored district."""

    organiser_field = "organiser"

    def district_expression(self):
        return place_in("place", Place.Level.DISTRICT, rolled=False)

    def organiser_q(self, organiser_id: int) -> Q:
        return Q(organiser=organiser_id)

    def place_q(self, place: Place) -> Q:
        if place.level == Place.Level.DISTRICT:
            return Q(place=place) | Q(place__district=place)
        return super().place_q(place)


class ClubFamily(PlacedFamily):
    """Active clubs at the end of the period (founded by `date_to`, when one is given)."""

    measures = ["clubs", "club_members"]
    dimensions = {"province", "district", "commune", "campaign", "organiser"}
    date_field = None

    def base(self):
        return Club.objects.filter(status=Club.Status.ACTIVE)

    def counts_for_kinds(self, kinds) -> bool:
        return ActivityKind.CLUB_MEETING in kinds

    def condition(self, filters: Filters) -> Q:
        q = super().condition(filters)
        if filters.date_to:
            q &= Q(founded_on__isnull=True) | Q(founded_on__lte=filters.date_to)
        return q

    def aggregates(self, filters: Filters | None = None) -> dict:
        # The member list where one is kept (its members on the period's last day, or today),
        # else the count typed in.
        day = (filters.date_to if filters else None) or timezone.localdate()
        links = ClubMember.objects.filter(club=OuterRef("pk")).order_by()
        listed = links.on(day).values("club").annotate(n=Count("pk")).values("n")
        members = Case(
            When(Exists(links), then=Coalesce(Subquery(listed), 0)),
            default=F("member_count"),
            output_field=IntegerField(),
        )
        return {"clubs": Count("pk"), "club_members": Sum(members, output_field=IntegerField())}


class DistributionFamily(PlacedFamily):
    """Leaflets and other materials given out."""

    measures = ["leaflets_distributed"]
    dimensions = {"province", "district", "commune", "year", "quarter", "month", "campaign", "organiser"}

    def base(self):
        return MaterialDistribution.objects.all()

    def aggregates(self, filters: Filters | None = None) -> dict:
        return {"leaflets_distributed": Sum("distributed")}


FAMILIES = [ActivityFamily(), SignInFamily(), ClubFamily(), DistributionFamily()]
MEASURE_FAMILY = {measure: family for family in FAMILIES for measure in family.measures}
