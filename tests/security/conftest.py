"""Two provinces' records for the form, chooser and import checks: A (Thanh Hóa), the
provincial staff's own, and B (Sơn La), which they must never see, link or change."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest

from access.roles import MANAGERS, TRAINERS
from campaigns.models import Target
from places.loading import load_places
from places.models import Place
from tests.conftest import shared_records
from tests.factories import (
    SON_LA,
    THANH_HOA,
    ActivityFactory,
    CampaignFactory,
    ClubFactory,
    DistributionFactory,
    ParticipantFactory,
    current_province,
    son_la_commune,
    staff,
)
from tests.factories import cms as pages
from trainings.models import Attendance

PROVINCIAL_ROLES = {"trainer": TRAINERS, "manager": MANAGERS}


def _province(code: str, commune, campaign, tag: str) -> SimpleNamespace:
    activity = ActivityFactory(place=commune, title=f"Buổi {tag}", external_id=f"HD-{tag}", campaign=campaign)
    participant = ParticipantFactory(commune=commune, full_name=f"Người {tag}", birth_year=1990)
    photo = pages.image(title=f"Ảnh {tag}")
    activity.photos.add(photo)
    return SimpleNamespace(
        activity=activity,
        participant=participant,
        line=Attendance.objects.create(activity=activity, participant=participant),
        club=ClubFactory(place=commune, name=f"CLB {tag}", external_id=f"CLB-{tag}"),
        distribution=DistributionFactory(place=commune, title=f"Tờ rơi {tag}"),
        target=Target.objects.create(
            campaign=campaign, measure=Target.Measure.SESSIONS, province=current_province(code), value=10
        ),
        photo=photo,
        commune=commune,
    )


@pytest.fixture(scope="module")
def provinces(django_db_setup, django_db_blocker) -> SimpleNamespace:
    """Built once for a module (shared_records): each test's changes to these records are
    rolled back, and every later test of the module sees them as they were built."""
    from tests.factories import NA_MEO, current_commune

    with shared_records(django_db_blocker):
        if not Place.objects.exists():  # emptied by a transactional test before this module
            load_places()
        campaign = CampaignFactory(code="KH-2025")
        yield SimpleNamespace(
            campaign=campaign,
            a=_province(THANH_HOA, current_commune(NA_MEO), campaign, "A"),
            b=_province(SON_LA, son_la_commune(), campaign, "B"),
            national_target=Target.objects.create(
                campaign=campaign, measure=Target.Measure.PARTICIPANTS, value=1000, start_date=datetime.date(2025, 1, 1)
            ),
        )


@pytest.fixture(params=sorted(PROVINCIAL_ROLES))
def provincial(request, provinces):
    """A trainer, then a manager, of province A."""
    return staff(PROVINCIAL_ROLES[request.param], THANH_HOA)
