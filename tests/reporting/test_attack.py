"""An outside attacker with unlimited anonymous requests cannot work out a hidden count of
returned victims, however it combines the public answers.

The attacker is stronger than a real one: it knows where, when, of what kind and for which
audiences every activity was held, the exact count of every activity without returned
victims, and the design (threshold, bound, how a public count is made); it does not know the
counts of activities with them nor their keys. It asks the API (day ranges, whole months,
every grouping and pair of groupings, every filter, units as recorded) and reads the home,
statistics and campaign pages, then for every hidden cell ("<11") plays:

- differencing: a cell minus another, a cell minus two others (complements), every pair;
- extreme pairs: the two differences furthest apart, each read at the far end of its bounds;
- averaging: the mean of every difference over different cells that share the hidden records;
- an oracle: the public count of every single activity, the most any answers can give.

It must never be left with one value, and the truth must lie within what it is left with.
Then the proof itself: in the world where each activity with returned victims counted one
person more (or fewer) with the same public count, every answer reads the same, while the
hidden counts are others.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import pytest
from django.core.cache import cache
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campaigns.models import Activity, ActivityKind, Audience, Campaign, Organiser, Target
from places.models import Place
from reporting.stats import perturbation
from tests.factories import NA_MEO, ActivityFactory
from tests.factories import cms as pages

pytestmark = [pytest.mark.django_db, pytest.mark.slow("hundreds of public answers for each generated world")]
API = "/api/v1/stats/totals/"
MONTHS = [(2024, 3, 31), (2024, 4, 30), (2024, 5, 31)]
CAMPAIGN_PERIOD = (datetime.date(2024, 3, 5), datetime.date(2024, 5, 20))
DIMENSIONS = ["province", "commune", "year", "quarter", "month", "kind", "campaign", "organiser", "audience"]
PAIRS = [["province", "month"], ["commune", "month"], ["province", "kind"], ["province", "audience"]]


@dataclass
class Record:
    pk: int
    province: str
    commune: str
    date: datetime.date
    kind: str
    campaign: str | None
    audiences: set[str]
    organisers: set[str]
    participants: int

    @property
    def sensitive(self) -> bool:
        return "victims" in self.audiences


@dataclass
class Knowledge:
    """What the attacker has seen: for each set of sensitive records, the number it is shown
    as once the exactly known counts are taken off; and the sets shown as "<11"."""

    numeric: dict[frozenset, int] = field(default_factory=dict)
    hidden: set[frozenset] = field(default_factory=set)
    refused: int = 0
    transcript: list = field(default_factory=list)

    def see(self, members: list[Record], shown) -> None:
        self.transcript.append(shown)
        sensitive = frozenset(r.pk for r in members if r.sensitive)
        if isinstance(shown, str):
            if shown.startswith("<") and sensitive:
                self.hidden.add(sensitive)
            return
        if shown is None:
            return
        moved = shown - sum(r.participants for r in members if not r.sensitive)
        # The same sensitive records read the same wherever they are seen.
        assert self.numeric.setdefault(sensitive, moved) == moved, (sorted(sensitive), moved)


# -- the world -------------------------------------------------------------------------------
def activity_specs():
    return st.lists(
        st.fixed_dictionaries(
            {
                "role": st.sampled_from(["small", "small", "large", "other"]),
                "size": st.integers(1, 4),
                "commune": st.integers(0, 3),
                "month": st.integers(0, 2),
                "day": st.integers(1, 28),
                "kind": st.sampled_from([ActivityKind.TRAINING, ActivityKind.COMMUNITY]),
                "campaign": st.booleans(),
                "organisers": st.sets(st.sampled_from(["X", "Y"]), max_size=2),
                "mixed": st.booleans(),  # a sensitive activity for residents too
                "key": st.integers(0, 2**31 - 8),
            }
        ),
        min_size=4,
        max_size=12,
    )


def communes() -> list[Place]:
    thanh_hoa = list(
        Place.objects.filter(is_current=True, level="commune", province__code="38").exclude(code=NA_MEO)[:2]
    )
    son_la = Place.objects.filter(is_current=True, level="commune", province__code="14").order_by("code").first()
    return [Place.objects.get(is_current=True, level="commune", code=NA_MEO), *thanh_hoa, son_la]


def make_world(specs: list[dict]) -> list[Record]:
    audiences = {
        "victims": Audience.objects.create(code="victims", name="Nạn nhân trở về", is_sensitive=True),
        "residents": Audience.objects.create(code="residents", name="Người dân"),
    }
    organisers = {name: Organiser.objects.create(name=name, kind=Organiser.Kind.POLICE) for name in "XY"}
    campaign = Campaign.objects.create(
        code="C1", name="Chiến dịch 1", start_date=CAMPAIGN_PERIOD[0], end_date=CAMPAIGN_PERIOD[1]
    )
    places = communes()
    Target.objects.create(
        campaign=campaign,
        measure="participants",
        value=500,
        province=Place.objects.get(is_current=True, level="province", code="38"),
    )
    records = []
    for spec in specs:
        participants = {"small": spec["size"], "large": 4 * spec["size"] + 8, "other": 10 * spec["size"] + 7}[
            spec["role"]
        ]
        year, month, _last = MONTHS[spec["month"]]
        place = places[spec["commune"]]
        activity = ActivityFactory(
            kind=spec["kind"],
            place=place,
            start_date=datetime.date(year, month, spec["day"]),
            participants=participants,
            campaign=campaign if spec["campaign"] else None,
        )
        names = {"residents"} if spec["role"] == "other" else {"victims", *(("residents",) if spec["mixed"] else ())}
        activity.audiences.set([audiences[name] for name in names])
        activity.organisers.set([organisers[name] for name in spec["organisers"]])
        activity.save()
        Activity.objects.filter(pk=activity.pk).update(cell_key=spec["key"])
        records.append(
            Record(
                activity.pk,
                place.province.code,
                place.code,
                activity.start_date,
                spec["kind"],
                "C1" if spec["campaign"] else None,
                names,
                set(spec["organisers"]),
                participants,
            )
        )
    return records


# -- the cells -------------------------------------------------------------------------------
def in_filters(record: Record, query: dict) -> bool:
    place = query.get("place")
    checks = [
        place is None or place in (record.province, record.commune),
        "from" not in query or record.date >= datetime.date.fromisoformat(query["from"]),
        "to" not in query or record.date <= datetime.date.fromisoformat(query["to"]),
        "kind" not in query or record.kind == query["kind"],
        "audience" not in query or query["audience"] in record.audiences,
        "campaign" not in query or record.campaign == query["campaign"],
    ]
    return all(checks)


def in_row(record: Record, by: list[str], row: dict) -> bool:
    values = {
        "province": (row.get("province_code"), {record.province}),
        "commune": (row.get("commune_code"), {record.commune}),
        "year": (row.get("year"), {record.date.year}),
        "quarter": (row.get("quarter"), {(record.date.month + 2) // 3}),
        "month": (row.get("month"), {record.date.month}),
        "kind": (row.get("kind"), {record.kind}),
        "campaign": (row.get("campaign_code"), {record.campaign}),
        "organiser": (row.get("organiser"), record.organisers or {None}),
        "audience": (row.get("audience"), record.audiences or {None}),
    }
    return all(values[name][0] in values[name][1] for name in by)


def questions() -> list[dict]:
    """The blind search: every grouping and the pairs that split places by time, kind or
    audience, under every filter the public may use; a few again with units as recorded."""
    groupings = [[], *([name] for name in DIMENSIONS), *PAIRS]
    filters = [
        {},
        {"place": "38"},
        {"place": NA_MEO},
        {"audience": "residents"},
        {"audience": "victims"},
        {"kind": ActivityKind.TRAINING},
        {"campaign": "C1"},
        {"from": "2024-04-01", "to": "2024-04-30"},
        {"place": "38", "to": "2024-04-30"},
    ]
    asked = [{**f, "by": by} for by in groupings for f in filters]
    return [*asked, *({**q, "as_recorded": "1"} for q in asked[:: len(filters) * 3])]


FORBIDDEN = [
    {"place": "38", "to": "2024-04-10"},  # day differencing
    {"place": "38", "to": "2024-04-09"},
    {"from": "2024-04-10", "to": "2024-04-10"},
    {"place": NA_MEO, "kind": ActivityKind.TRAINING},  # filter differencing at a fine place
    {"place": NA_MEO, "audience": "residents"},
    {"by": ["commune", "audience"]},
    {"by": ["commune", "campaign"], "place": "38"},
]


def ask_everything(client, records: list[Record]) -> Knowledge:
    seen = Knowledge()
    for query in FORBIDDEN:
        seen.refused += client.get(API, query).status_code == 400
    for query in questions():
        answer = client.get(API, query)
        if answer.status_code == 400:  # a fine place beside a narrowing filter: refused
            continue
        body = answer.json()
        chosen = [r for r in records if in_filters(r, query)]
        by = body["by"]
        for row in body["rows"] if by else []:
            seen.see([r for r in chosen if in_row(r, by, row)], row["participants"])
        seen.see(chosen, body["total"]["participants"])
    read_pages(client, records, seen)
    return seen


def read_pages(client, records: list[Record], seen: Knowledge) -> None:
    start, end = CAMPAIGN_PERIOD
    in_campaign = [r for r in records if r.campaign == "C1" and start <= r.date <= end]
    campaign = Campaign.objects.get(code="C1")
    context = client.get(pages.campaign_page(campaign).url).context
    seen.see(in_campaign, figure(context["figures"]))
    seen.see([r for r in in_campaign if r.province == "38"], context["progress"][0].actual)
    seen.see(records, figure(client.get("/").context["figures"]))
    statistics = pages.statistics_page()
    context = client.get(statistics.url).context
    for row in context["rows"]:
        seen.see([r for r in records if r.province == row["code"]], figure(row["values"]))
    seen.see(records, figure(context["total"]))


def figure(rows: list[dict]):
    return next(row["value"] for row in rows if row["key"] == "participants")


# -- the attacker's reasoning ----------------------------------------------------------------
def preimage(public: int, limit: int) -> set[int]:
    """Every count an activity with returned victims may have had, given its public count."""
    keys = range(2 * perturbation.bound() + 1)  # every move the keys can give
    return {
        c
        for c in range(1, public + perturbation.bound() + 1)
        for key in keys
        if perturbation.public_count(c, key, limit) == public
    }


def possible_from_sum(total: int, size: int, limit: int) -> set[int]:
    """The counts of `size` activities whose public counts add up to `total`."""
    reachable = {(0, 0)}  # (sum of public counts, sum of counts)
    for _ in range(size):
        reachable = {
            (shown + public, count + c)
            for shown, count in reachable
            for public in range(1, total - shown + 1)
            for c in preimage(public, limit)
        }
    return {count for shown, count in reachable if shown == total}


def differences(seen: Knowledge, hidden: frozenset) -> list[int]:
    """Every way the answers give the hidden records alone: a cell minus another, a cell minus
    two others that together hold the rest of it."""
    numeric = {**seen.numeric, frozenset(): 0}
    found = []
    for superset, value in numeric.items():
        if not hidden <= superset:
            continue
        rest = superset - hidden
        if rest in numeric:
            found.append(value - numeric[rest])
        found.extend(
            value - numeric[part] - numeric[rest - part]
            for part in numeric
            if part and part < rest and (rest - part) in numeric
        )
    return found


def by_differencing(found: list[int], size: int, limit: int) -> set[int]:
    """Every difference read within its bounds, all at once."""
    possible = None
    for value in found:
        these = possible_from_sum(value, size, limit)
        possible = these if possible is None else possible & these
    return possible


def by_extreme_pair(found: list[int], size: int, limit: int) -> set[int]:
    """The lowest and the highest difference, each at the far end of its bounds: the pair
    that closed on one value when each cell had a move of its own."""
    low, high = min(found), max(found)
    bounds = perturbation.bound() * size
    return set(range(max(size, high - bounds), low + bounds + 1))


def by_averaging(found: list[int], size: int, limit: int) -> set[int]:
    """The mean of every difference: were the moves of different cells independent, it would
    close in on the count; here it is the sum of the public counts, within its bounds."""
    return possible_from_sum(round(sum(found) / len(found)), size, limit)


def by_oracle(public: dict[int, int], hidden: frozenset, limit: int) -> set[int]:
    """The public count of every single activity, as if the answers gave each one alone."""
    possible = {0}
    for pk in hidden:
        possible = {total + c for total in possible for c in preimage(public[pk], limit)}
    return possible


STRATEGIES = {"differencing": by_differencing, "extreme pair": by_extreme_pair, "averaging": by_averaging}


def alternative_world(records: list[Record], limit: int) -> None:
    """Each activity with returned victims counted one person more (or, where its public
    count allows no more, fewer), its key changed to give the same public count."""
    for record in records:
        if not record.sensitive or record.participants >= limit:
            continue
        key = Activity.objects.get(pk=record.pk).cell_key
        public = perturbation.public_count(record.participants, key, limit)
        others = [
            (c, key + step)
            for c in preimage(public, limit)
            for step in range(2 * perturbation.bound() + 1)
            if c != record.participants and c < limit and perturbation.public_count(c, key + step, limit) == public
        ]
        c, k = max(others)  # a public count stands for two counts or more: there is always another
        Activity.objects.filter(pk=record.pk).update(participants=c, cell_key=k)
        record.participants = c


@settings(
    max_examples=4,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(specs=activity_specs())
def test_no_combination_of_public_answers_gives_a_hidden_count(client, specs):
    limit = 11
    with transaction.atomic():
        records = make_world(specs)
        seen = ask_everything(client, records)
        assert seen.refused == len(FORBIDDEN)
        truth = {r.pk: r.participants for r in records}
        keys = dict(Activity.objects.values_list("pk", "cell_key"))
        public = {r.pk: perturbation.public_count(r.participants, keys[r.pk], limit) for r in records if r.sensitive}
        # Every figure seen is the exact counts plus the public counts: nothing else reaches out.
        assert all(value == sum(public[pk] for pk in cells) for cells, value in seen.numeric.items())
        for hidden in seen.hidden:
            count = sum(truth[pk] for pk in hidden)
            found = differences(seen, hidden)
            if found:
                assert len(set(found)) == 1  # every difference over different cells: one number
            for name, strategy in STRATEGIES.items():
                possible = strategy(found, len(hidden), limit) if found else None
                if possible is not None:
                    assert count in possible, (name, sorted(hidden), count, possible)  # the bounds hold
                    assert len(possible) >= 2, (name, sorted(hidden), count, possible)  # never one value
            possible = by_oracle(public, hidden, limit)
            assert count in possible and len(possible) >= 2, (sorted(hidden), count, possible)
        # The proof: another world, other hidden counts, the same answers to every question.
        alternative_world(records, limit)
        cache.clear()
        assert ask_everything(client, records).transcript == seen.transcript
        changed = [
            hidden
            for hidden in seen.hidden
            if sum(r.participants for r in records if r.pk in hidden) != sum(truth[pk] for pk in hidden)
        ]
        assert changed or not seen.hidden  # hidden counts of that world differ: they were not given away
        transaction.set_rollback(True)
