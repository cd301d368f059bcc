"""Totals: reporting.stats against hand-written SQL for the same numbers, in the same run.

Generates 200,000 activities and 2,000,000 sign-in rows across every province (current
communes and old ones, so the roll-up to today's provinces is exercised), then times
`totals()` by province, by commune and by month against SQL written by hand, checks that
both give the same numbers, and removes what it generated.
"""

import datetime
import os
import random
import time

from django.db import connection, transaction

from bench.common import report, timed
from campaigns.models import Activity, Club, MaterialDistribution
from places.loading import load_places
from places.models import Place
from reporting.stats import totals
from trainings.models import Attendance, Participant

# BENCH_STATS_SCALE=0.01 makes a quick trial run of the same shape.
SCALE = float(os.environ.get("BENCH_STATS_SCALE", "1"))
ACTIVITIES = int(200_000 * SCALE)
ATTENDANCE = int(2_000_000 * SCALE)
PARTICIPANTS = int(100_000 * SCALE)
CLUBS = int(5_000 * SCALE)
DISTRIBUTIONS = int(20_000 * SCALE)
KINDS = ["training", "community", "club_meeting", "fair", "contest", "residents_meeting"]


def generate(rng: random.Random) -> None:
    communes = list(Place.objects.filter(level="commune").values_list("id", "province_id", "district_id"))
    with transaction.atomic():
        people = [
            Participant(full_name=f"P{n}", commune_id=place[0], province_id=place[1], gender="female")
            for n, place in enumerate(rng.choices(communes, k=PARTICIPANTS))
        ]
        Participant.objects.bulk_create(people, batch_size=5_000)
        first_day = datetime.date(2019, 1, 1)
        activities = []
        for n, place in enumerate(rng.choices(communes, k=ACTIVITIES)):
            participants = rng.choice([None, rng.randint(5, 120)])
            activities.append(
                Activity(
                    kind=rng.choice(KINDS),
                    title=f"A{n}",
                    start_date=first_day + datetime.timedelta(days=rng.randint(0, 2900)),
                    sessions=rng.choice([1, 1, 1, 2, None]),
                    place_id=place[0],
                    province_id=place[1],
                    district_id=place[2],
                    participants=participants,
                    female=participants // 2 if participants else None,
                    status="held" if n % 20 else "planned",
                )
            )
        Activity.objects.bulk_create(activities, batch_size=5_000)
        del activities, people
        _generate_sign_in(rng)
        clubs = [
            Club(name=f"C{n}", place_id=place[0], province_id=place[1], member_count=rng.choice([None, 20, 35]))
            for n, place in enumerate(rng.choices(communes, k=CLUBS))
        ]
        Club.objects.bulk_create(clubs, batch_size=5_000)
        handouts = [
            MaterialDistribution(
                title=f"L{n}",
                place_id=place[0],
                province_id=place[1],
                distributed=rng.choice([None, 100, 500]),
                start_date=first_day + datetime.timedelta(days=rng.randint(0, 2900)),
            )
            for n, place in enumerate(rng.choices(communes, k=DISTRIBUTIONS))
        ]
        MaterialDistribution.objects.bulk_create(handouts, batch_size=5_000)


def _generate_sign_in(rng: random.Random) -> None:
    """Ten people on each of 200,000 sign-in lists, by raw batched inserts."""
    activity_ids = list(Activity.objects.values_list("id", flat=True))
    first_person = Participant.objects.order_by("id").values_list("id", flat=True).first()
    table = Attendance._meta.db_table
    sql = f"INSERT INTO {table} (activity_id, participant_id, present) VALUES (%s, %s, %s)"
    per_list = ATTENDANCE // len(activity_ids)
    rows = []
    with connection.cursor() as cursor:
        for activity_id in activity_ids:
            for person in rng.sample(range(PARTICIPANTS), per_list):
                rows.append((activity_id, first_person + person, rng.random() > 0.1))
            if len(rows) >= 50_000:
                cursor.executemany(sql, rows)
                rows = []
        if rows:
            cursor.executemany(sql, rows)


def remove_generated() -> None:
    """Plain DELETEs: the ORM's delete() would send a signal per sign-in row (the scratch
    database holds nothing else)."""
    models = [Attendance, MaterialDistribution, Club, Activity, Participant]
    with transaction.atomic(), connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"DELETE FROM {model._meta.db_table}")


# -- the same numbers by hand ------------------------------------------------------------------
def _date_part(part: str, column: str) -> str:
    if connection.vendor == "sqlite":
        return f"CAST(strftime('%{'Y' if part == 'year' else 'm'}', {column}) AS INTEGER)"
    return f"CAST(EXTRACT({part.upper()} FROM {column}) AS INTEGER)"


def _groupings() -> dict:
    """For each grouping: the joins from a table aliased `t` (with a place_id and province_id)
    and the expressions to group by."""
    place = "places_place"
    commune = (
        "CASE WHEN pl.level = 'commune' AND su.level = 'commune' THEN pl.successor_id "
        "WHEN pl.level = 'commune' THEN t.place_id END"
    )
    return {
        "province": (f"JOIN {place} pr ON pr.id = t.province_id", ["COALESCE(pr.successor_id, t.province_id)"]),
        "commune": (
            f"JOIN {place} pl ON pl.id = t.place_id LEFT JOIN {place} su ON su.id = pl.successor_id",
            [commune],
        ),
        "month": ("", [_date_part("year", "{date}"), _date_part("month", "{date}")]),
    }


def hand_written(by: str) -> dict[tuple, dict]:
    """Every measure of totals(), grouped, and the total, in plain SQL: {group: {measure: value}}."""
    joins, keys = _groupings()[by]
    groups: dict[tuple, dict] = {}
    queries = {
        "activities": (
            "SELECT {keys}, COUNT(*), SUM(t.sessions), SUM(t.participants), SUM(t.female), SUM(t.ethnic_minority), "
            "SUM(CASE WHEN t.participants IS NULL THEN 1 ELSE 0 END) FROM campaigns_activity t {joins} "
            "WHERE t.status = 'held' GROUP BY {keys}",
            ["activities", "sessions", "participants", "female", "ethnic_minority", "unknown_participants"],
            "t.start_date",
        ),
        "unique": (
            "SELECT {keys}, COUNT(DISTINCT s.participant_id) FROM trainings_attendance s "
            "JOIN campaigns_activity t ON t.id = s.activity_id {joins} "
            "WHERE s.present AND t.status = 'held' GROUP BY {keys}",
            ["unique_participants"],
            "t.start_date",
        ),
        "clubs": (
            "SELECT {keys}, COUNT(*), SUM(COALESCE(NULLIF((SELECT COUNT(*) FROM trainings_clubmember m "
            "WHERE m.club_id = t.id), 0), t.member_count)) FROM campaigns_club t {joins} "
            "WHERE t.status = 'active' GROUP BY {keys}",
            ["clubs", "club_members"],
            None,
        ),
        "leaflets": (
            "SELECT {keys}, SUM(t.distributed) FROM campaigns_materialdistribution t {joins} GROUP BY {keys}",
            ["leaflets_distributed"],
            "t.start_date",
        ),
    }
    with connection.cursor() as cursor:
        for sql, measures, date_column in queries.values():
            if by == "month" and date_column is None:
                continue
            key_sql = ", ".join(key.format(date=date_column) for key in keys)
            cursor.execute(sql.format(keys=key_sql, joins=joins))
            for row in cursor.fetchall():
                values = groups.setdefault(tuple(row[: len(keys)]), {})
                values.update(zip(measures, row[len(keys) :], strict=True))
        cursor.execute(
            "SELECT COUNT(DISTINCT s.participant_id) FROM trainings_attendance s "
            "JOIN campaigns_activity t ON t.id = s.activity_id WHERE s.present AND t.status = 'held'"
        )
        groups[("total",)] = {"unique_participants": cursor.fetchone()[0]}
        ids = [key[0] for key in groups if by != "month" and key[0] not in (None, "total")]
        labels = {
            pk: (code, name) for pk, code, name in Place.objects.filter(pk__in=ids).values_list("id", "code", "name")
        }
    if by == "month":
        return groups
    return {key if key == ("total",) else labels.get(key[0], (None, None)): values for key, values in groups.items()}


def orm_groups(by: str) -> dict[tuple, dict]:
    result = totals([by])
    code = {"province": "province_code", "commune": "commune_code"}.get(by)
    groups = {}
    for row in result.rows:
        key = (row[code], row[f"{by}_name"]) if code else (row["year"], row["month"])
        groups[key] = {measure: row[measure] for measure in result.measures}
    groups[("total",)] = {"unique_participants": result.total["unique_participants"]}
    return groups


def agree(by: str) -> None:
    hand, orm = hand_written(by), orm_groups(by)
    assert set(hand) == set(orm), f"{by}: different groups"
    for key, values in hand.items():
        for measure, value in values.items():
            assert orm[key][measure] == value, f"{by} {key} {measure}: {orm[key][measure]} != {value}"


def main() -> None:
    if not Place.objects.exists():
        load_places()
    if Activity.objects.exists():
        remove_generated()
    started = time.perf_counter()
    generate(random.Random(2025))
    print(
        f"Generated {Activity.objects.count():,} activities and {Attendance.objects.count():,} sign-in rows "
        f"in {time.perf_counter() - started:.0f} s"
    )
    try:
        for by in ("province", "commune", "month"):
            agree(by)
            baseline = timed(lambda by=by: hand_written(by))
            measured = timed(lambda by=by: totals([by]))
            report(f"totals by {by} (all measures, checked equal)", measured, baseline)
    finally:
        remove_generated()
