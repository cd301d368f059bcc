"""The reporting cycle: periods move open → submitted → approved → accepted, each move by the
right role in the right province, and an approved period refuses every write inside it."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry

from access.roles import MANAGERS, NATIONAL_ADMINS, TRAINERS
from campaigns.models import Activity
from reporting.models import PeriodKind, PeriodState, ReportingPeriod
from reporting.periods import services
from reporting.periods.calendar import contained, period_dates
from tests.factories import SON_LA, THANH_HOA, ActivityFactory, current_province, son_la_commune, staff

Q = PeriodKind.QUARTER


def test_a_quarter_runs_from_the_first_of_its_first_month_by_default():
    assert period_dates(Q, 2020, 1, first_day=1) == (datetime.date(2020, 1, 1), datetime.date(2020, 3, 31))
    assert period_dates(PeriodKind.HALF, 2020, 2, first_day=1) == (
        datetime.date(2020, 7, 1),
        datetime.date(2020, 12, 31),
    )
    assert period_dates(PeriodKind.YEAR, 2020, 1, first_day=1) == (
        datetime.date(2020, 1, 1),
        datetime.date(2020, 12, 31),
    )


def test_a_calendar_from_the_15th_starts_in_the_month_before():
    assert period_dates(Q, 2020, 1, first_day=15) == (datetime.date(2019, 12, 15), datetime.date(2020, 3, 14))
    assert period_dates(Q, 2020, 4, first_day=15) == (datetime.date(2020, 9, 15), datetime.date(2020, 12, 14))
    assert period_dates(PeriodKind.YEAR, 2020, 1, first_day=15) == (
        datetime.date(2019, 12, 15),
        datetime.date(2020, 12, 14),
    )


def test_a_year_contains_its_halves_and_quarters_and_a_half_its_two_quarters():
    assert len(contained(PeriodKind.YEAR, 1)) == 6
    assert contained(PeriodKind.HALF, 2) == [(Q, 3), (Q, 4)]


def test_a_quarter_that_does_not_exist_is_refused():
    with pytest.raises(ValueError):
        period_dates(Q, 2020, 5)


@pytest.fixture
def thanh_hoa(places):
    return current_province(THANH_HOA)


@pytest.fixture
def manager(places):
    return staff(MANAGERS, THANH_HOA)


@pytest.fixture
def national(places):
    return staff(NATIONAL_ADMINS)


def q3(province) -> ReportingPeriod:
    return services.period(province, Q, 2025, 3)


@pytest.mark.usefixtures("places")
def test_a_manager_submits_and_approves_and_the_figures_are_stamped(manager, thanh_hoa):
    ActivityFactory(participants=30, female=20, start_date=datetime.date(2025, 8, 1))
    ActivityFactory(participants=5, start_date=datetime.date(2025, 10, 1))  # Q4: not in it
    (item,) = services.move("submit", [q3(thanh_hoa)], user=manager)
    assert item.state == PeriodState.SUBMITTED and item.submitted_by == manager
    (item,) = services.move("approve", [item], user=manager)
    item.refresh_from_db()
    assert item.state == PeriodState.APPROVED
    assert (item.approved_figures["sessions"], item.approved_figures["participants"]) == (1, 30)
    actions = list(ModelLogEntry.objects.for_instance(item).values_list("action", flat=True).order_by("pk"))
    assert actions == ["reporting.period.submit", "reporting.period.approve"]


@pytest.mark.usefixtures("places")
def test_a_trainer_cannot_submit_or_approve(thanh_hoa):
    trainer = staff(TRAINERS, THANH_HOA)
    for action in ("submit", "approve"):
        with pytest.raises(PermissionDenied):
            services.move(action, [q3(thanh_hoa)], user=trainer)
    assert not ReportingPeriod.objects.exists()


@pytest.mark.usefixtures("places")
def test_a_manager_of_another_province_cannot_approve_it(thanh_hoa):
    other = staff(MANAGERS, SON_LA)
    with pytest.raises(services.CycleRefused):
        services.move("approve", [q3(thanh_hoa)], user=other)
    assert not ReportingPeriod.objects.exists()


@pytest.mark.usefixtures("places")
def test_only_a_national_administrator_reopens_and_only_with_a_reason(manager, national, thanh_hoa):
    (item,) = services.move("approve", [q3(thanh_hoa)], user=manager)
    with pytest.raises(PermissionDenied):
        services.move("reopen", [item], user=manager, reason="sai số")
    with pytest.raises(services.CycleRefused):
        services.move("reopen", [item], user=national, reason="  ")
    services.move("request_reopening", [item], user=manager, reason="Thiếu 2 buổi ở Na Mèo")
    (item,) = services.move("reopen", [item], user=national, reason="Bổ sung 2 buổi")
    item.refresh_from_db()
    assert item.state == PeriodState.OPEN and item.reopen_requested_at is None
    assert item.reopen_reason == "Bổ sung 2 buổi"
    entry = ModelLogEntry.objects.for_instance(item).get(action="reporting.period.reopen")
    assert entry.data["reason"] == "Bổ sung 2 buổi" and entry.user_id == national.pk


@pytest.mark.usefixtures("places")
def test_reopening_a_quarter_reopens_the_year_that_covers_it(manager, national, thanh_hoa):
    moved = services.approve_years([thanh_hoa], 2025, user=manager)
    assert len(moved) == 7
    services.move("reopen", [q3(thanh_hoa)], user=national, reason="Sửa số liệu quý 3")
    locked = set(ReportingPeriod.objects.locked().values_list("kind", "number"))
    assert locked == {(Q, 1), (Q, 2), (Q, 4), (PeriodKind.HALF, 1)}
    assert ReportingPeriod.objects.filter(state=PeriodState.OPEN).count() == 3


@pytest.mark.usefixtures("places")
def test_an_approved_period_refuses_a_new_activity_inside_it(manager, thanh_hoa):
    services.move("approve", [q3(thanh_hoa)], user=manager)
    with pytest.raises(Exception) as refused:
        from campaigns.services import save_activity

        save_activity(ActivityFactory.build(start_date=datetime.date(2025, 9, 1)), user=manager)
    assert "Quý 3/2025" in str(refused.value) or "Quarter 3/2025" in str(refused.value)
    assert not Activity.objects.exists()


@pytest.mark.usefixtures("places")
def test_an_approved_period_leaves_other_provinces_and_periods_open(manager, thanh_hoa):
    from campaigns.services import save_activity

    services.move("approve", [q3(thanh_hoa)], user=manager)
    save_activity(ActivityFactory.build(start_date=datetime.date(2025, 10, 1)), user=manager)
    save_activity(ActivityFactory.build(start_date=datetime.date(2025, 8, 1), place=son_la_commune()), user=None)
    assert Activity.objects.count() == 2


def approval_queries(province, user, records: int) -> int:
    ActivityFactory.create_batch(records, start_date=datetime.date(2020, 5, 1))
    with CaptureQueriesContext(connection) as captured:
        services.approve_years([province], 2020, user=user)
    ReportingPeriod.objects.all().delete()
    return len(captured)


@pytest.mark.usefixtures("places")
def test_approving_a_year_takes_the_same_queries_whatever_the_number_of_records(manager, thanh_hoa):
    approval_queries(thanh_hoa, manager, 0)  # the content types and permissions read once, then cached
    assert approval_queries(thanh_hoa, manager, 2) == approval_queries(thanh_hoa, manager, 40)
