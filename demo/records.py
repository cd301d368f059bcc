"""The demo records: vocabulary, organisers, campaigns, activities, clubs and a leaflet's
distribution, from the figures in `demo.facts`.

Each record is found again by a stable key and written only when it differs, so a second
run changes nothing.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from campaigns.models import (
    Activity,
    Audience,
    Campaign,
    Club,
    MaterialDistribution,
    Organiser,
    PlanDocument,
    Target,
    Topic,
)
from demo import facts
from demo.loader import DemoDataError, RecordLoader, Report
from places.models import Place
from trainings.models import ActivityCourse, Course


def _load_vocabulary(loader: RecordLoader) -> None:
    for code, name, sensitive, name_en in facts.AUDIENCES:
        loader.upsert(Audience, {"code": code}, {"name": name, "is_sensitive": sensitive, "name_en": name_en})
    for code, name, name_en in facts.TOPICS:
        loader.upsert(Topic, {"code": code}, {"name": name, "name_en": name_en})
    for name, description in facts.COURSES:
        loader.upsert(Course, {"name": name}, {"description": description})


def _load_organisers(loader: RecordLoader) -> None:
    for name, kind, level, province in facts.ORGANISERS:
        where = loader.current_province(province) if province else None
        loader.upsert(Organiser, {"name": name}, {"kind": kind, "level": level, "province": where})


def _load_campaigns(loader: RecordLoader) -> None:
    names = [organiser[0] for organiser in facts.ORGANISERS]
    organisers = {organiser.name: organiser for organiser in Organiser.objects.filter(name__in=names)}
    coverage = {
        facts.DHPNBC: [loader.old_place("Thanh Hóa", district, commune) for district, commune in facts.DHPNBC_COMMUNES]
    }
    for spec in facts.CAMPAIGNS:
        lead = organisers[spec.lead] if spec.lead else None
        loader.upsert(
            Campaign,
            {"code": spec.code},
            {
                "name": spec.name,
                "description": spec.description,
                "start_date": spec.period[0],
                "end_date": spec.period[1],
                "lead_organiser": lead,
            },
            {"partners": [organisers[name] for name in spec.partners], "coverage": coverage.get(spec.code, [])},
        )


def _load_plan_and_targets(loader: RecordLoader) -> None:
    campaign = Campaign.objects.get(code=facts.CT193)
    number, issued_on, title = facts.CT193_DOCUMENT
    loader.upsert(PlanDocument, {"campaign": campaign, "number": number}, {"issued_on": issued_on, "title": title})
    campaigns = {campaign.code: campaign for campaign in Campaign.objects.filter(code__in=facts.CAMPAIGN_CODES)}
    for code, measure, kind, audience, province, value in facts.TARGETS:
        campaign = campaigns[code]
        loader.upsert(
            Target,
            {
                "campaign": campaign,
                "measure": measure,
                "kind": kind,
                "audience": Audience.objects.get(code=audience) if audience else None,
                "province": loader.current_province(province) if province else None,
            },
            {"start_date": campaign.start_date, "end_date": campaign.end_date, "value": value},
        )


def _load_activities(loader: RecordLoader) -> None:
    codes = [spec.code for spec in facts.CAMPAIGNS]
    campaigns = {campaign.code: campaign for campaign in Campaign.objects.filter(code__in=codes)}
    organisers = {organiser.name: organiser for organiser in Organiser.objects.all()}
    audiences = {audience.code: audience for audience in Audience.objects.all()}
    topics = {topic.code: topic for topic in Topic.objects.all()}
    course_names = [course[0] for course in facts.COURSES]
    courses = {course.name: course for course in Course.objects.filter(name__in=course_names)}
    # The border programme's lines were once one record each for the whole province.
    Activity.objects.filter(external_id__in=facts.OBSOLETE_ACTIVITIES).delete()
    for spec in facts.ACTIVITIES:
        activity = loader.upsert(
            Activity,
            {"external_id": spec.external_id},
            {
                "kind": spec.kind,
                "title": spec.title,
                "campaign": campaigns[spec.campaign],
                "start_date": spec.period[0],
                "end_date": spec.period[1],
                "place": loader.old_place(*spec.place),
                "sessions": spec.sessions,
                "participants": spec.participants,
                "status": Activity.Status.HELD,
                "notes": spec.notes,
            },
            {
                "organisers": [organisers[name] for name in spec.organisers],
                "audiences": [audiences[code] for code in spec.audiences],
                "topics": [topics[code] for code in spec.topics],
            },
        )
        course = courses.get(spec.course)
        if course is not None:  # the course an activity taught: trainings' link to it
            loader.upsert(ActivityCourse, {"activity": activity}, {"course": course})


def _load_clubs(loader: RecordLoader) -> None:
    thanh_hoa = loader.old_place("Thanh Hóa")
    women_union = Organiser.objects.get(name=facts.TH_WU)
    campaign = Campaign.objects.get(code=facts.DHPNBC)
    for number in range(1, facts.CLUB_COUNT + 1):
        loader.upsert(
            Club,
            {"external_id": f"demo-thanhhoa-club-{number:02d}"},
            {
                "name": f"CLB Phụ nữ phòng, chống tội phạm và mua bán người ({number})",
                "place": thanh_hoa,
                "organiser": women_union,
                "campaign": campaign,
                "status": Club.Status.ACTIVE,
                "member_count": None,
                "notes": facts.CLUB_NOTE,
            },
        )


def _load_leaflet_distribution(loader: RecordLoader) -> None:
    start, end = facts.TH_PERIOD
    loader.upsert(
        MaterialDistribution,
        {"title": facts.LEAFLET, "place": loader.old_place("Thanh Hóa"), "start_date": start},
        {
            "end_date": end,
            "printed": facts.LEAFLET_COPIES,
            "distributed": facts.LEAFLET_COPIES,
            "organiser": Organiser.objects.get(name=facts.TH_LABOUR),
            "campaign": Campaign.objects.get(code=facts.TH_PLAN),
            "notes": facts.LEAFLET_NOTE,
        },
    )


@transaction.atomic
def load_records() -> Report:
    """Create or update the demo records; returns {"created"|"updated"|"unchanged": {model: count}}.

    Needs the places (`python manage.py load_places`). Safe to run again: records are
    matched on stable keys and written only when something differs.
    """
    if not Place.objects.filter(is_current=False).exists():
        raise DemoDataError(_("No places yet: run “python manage.py load_places” first."))
    loader = RecordLoader()
    _load_vocabulary(loader)
    _load_organisers(loader)
    _load_campaigns(loader)
    _load_plan_and_targets(loader)
    _load_activities(loader)
    _load_clubs(loader)
    _load_leaflet_distribution(loader)
    return loader.tally.report()
