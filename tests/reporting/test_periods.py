"""The reporting cycle: periods move open → submitted → approved → accepted, each move by the
right role in the right province, and an approved period refuses every write inside it."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
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


# --- The screens ---------------------------------------------------------------------------


@pytest.mark.usefixtures("places")
def test_the_manager_sees_her_provinces_periods_with_their_figures(client, manager, thanh_hoa):
    ActivityFactory(participants=30, start_date=datetime.date(2025, 8, 1))
    client.force_login(manager)
    response = client.get("/admin/reports/periods/?year=2025")
    assert response.status_code == 200
    rows = {(row["period"].kind, row["period"].number): row for row in response.context["rows"]}
    assert len(rows) == 7
    assert rows[Q, 3]["figures"][:2] == [1, 30]
    assert rows[Q, 4]["figures"][:2] == [0, 0]
    assert rows[Q, 3]["moves"] == ["submit", "approve"]
    assert "Quý 3/2025" in response.content.decode()


@pytest.mark.usefixtures("places")
def test_a_move_posted_on_the_period_page_is_made_and_logged(client, manager, thanh_hoa):
    client.force_login(manager)
    url = f"/admin/reports/periods/{thanh_hoa.pk}/quarter/2025/3/"
    assert client.post(url + "move/", {"action": "submit"}).status_code == 302
    assert client.post(url + "move/", {"action": "approve"}).status_code == 302
    page = client.get(url)
    assert page.context["period"].state == PeriodState.APPROVED
    assert [entry.action for entry in page.context["history"]] == [
        "reporting.period.approve",
        "reporting.period.submit",
    ]
    # Asking to reopen needs a reason: without one, nothing is asked.
    client.post(url + "move/", {"action": "request_reopening", "reason": ""})
    assert ReportingPeriod.objects.get().reopen_requested_at is None


@pytest.mark.usefixtures("places")
def test_another_provinces_period_is_not_found(client, thanh_hoa):
    client.force_login(staff(MANAGERS, SON_LA))
    url = f"/admin/reports/periods/{thanh_hoa.pk}/quarter/2025/3/"
    assert client.get(url).status_code == 404
    assert client.post(url + "move/", {"action": "approve"}).status_code == 404
    assert not ReportingPeriod.objects.exists()


@pytest.mark.usefixtures("places")
def test_a_trainer_is_kept_out_of_the_periods(client, thanh_hoa):
    client.force_login(staff(TRAINERS, THANH_HOA))
    assert client.get("/admin/reports/periods/").status_code == 302  # to the dashboard, refused
    client.post(f"/admin/reports/periods/{thanh_hoa.pk}/quarter/2025/3/move/", {"action": "approve"})
    assert not ReportingPeriod.objects.exists()


@pytest.mark.usefixtures("places")
def test_a_national_administrator_approves_a_year_for_several_provinces_at_once(client, national, thanh_hoa):
    son_la = current_province(SON_LA)
    ActivityFactory.create_batch(3, start_date=datetime.date(2018, 5, 1))
    client.force_login(national)
    grid = client.get("/admin/reports/periods/?year=2018")
    assert len(grid.context["grid"]) == 34
    response = client.post(
        "/admin/reports/periods/approve-years/", {"year": "2018", "province": [thanh_hoa.pk, son_la.pk]}
    )
    assert response.status_code == 302
    assert ReportingPeriod.objects.locked().filter(year=2018).count() == 14
    year = ReportingPeriod.objects.get(province=thanh_hoa, kind=PeriodKind.YEAR, year=2018)
    assert year.approved_figures["sessions"] == 3 and year.approved_by == national


@pytest.mark.usefixtures("places")
def test_the_totals_report_says_where_the_periods_of_its_dates_stand(client, manager, thanh_hoa):
    services.move("approve", [q3(thanh_hoa)], user=manager)
    client.force_login(manager)
    response = client.get("/admin/reports/totals/?date_from=01/07/2025&date_to=30/09/2025&by=province")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Các kỳ báo cáo trong khoảng thời gian này" in page
    with translation.override("vi"):
        rows = services.states_between(manager, q3(thanh_hoa).start_date, q3(thanh_hoa).end_date)
        rows = {row["label"]: row for row in rows}
    assert (rows["Quý 3/2025"]["approved"], rows["Quý 3/2025"]["open"]) == (1, 0)
    assert (rows["Năm 2025"]["approved"], rows["Năm 2025"]["open"], rows["Năm 2025"]["provisional"]) == (0, 1, True)


def test_the_totals_report_and_its_exports_give_each_provinces_period_state(client, manager, thanh_hoa, monkeypatch):
    import io

    from openpyxl import load_workbook

    from reporting import reports

    ActivityFactory(participants=30, start_date=datetime.date(2025, 8, 1))
    ActivityFactory(participants=7, start_date=datetime.date(2025, 8, 2), place=son_la_commune())
    services.move("approve", [q3(thanh_hoa)], user=manager)
    national = staff(NATIONAL_ADMINS)
    client.force_login(national)
    query = {"date_from": "01/07/2025", "date_to": "30/09/2025", "by": "province"}
    report = client.get("/admin/reports/totals/", query).context["report"]
    assert ("period_state", "Kỳ báo cáo") in report.columns
    states = {line.values.get("province_name"): line.values.get("period_state") for line in report.lines}
    assert states["Tỉnh Thanh Hóa"] == "đã duyệt" and states["Tỉnh Sơn La"] == "chưa nộp"
    # The spreadsheet: the periods' table above, the state beside each province's figures.
    sheet = load_workbook(io.BytesIO(client.get("/admin/reports/totals/", {**query, "export": "xlsx"}).content))
    values = [[cell.value for cell in row] for row in sheet.active.iter_rows()]
    assert ["Quý 3/2025", 0, 1, 0, 33] in [row[:5] for row in values]
    header = next(row for row in values if row[0] == "Tỉnh/thành phố")
    thanh_hoa_row = next(row for row in values if row[0] == "Tỉnh Thanh Hóa")
    assert thanh_hoa_row[header.index("Kỳ báo cáo")] == "đã duyệt"
    # The PDF is made from the same report.
    made = {}
    monkeypatch.setattr(reports, "html_to_pdf", lambda html, base: made.setdefault("html", html).encode())
    client.get("/admin/reports/totals/", {**query, "export": "pdf"})
    assert "Quý 3/2025" in made["html"] and "đã duyệt" in made["html"] and "Kỳ báo cáo" in made["html"]


def test_a_report_grouped_by_province_and_year_gives_each_years_state(client, manager, thanh_hoa):
    ActivityFactory(participants=30, start_date=datetime.date(2024, 8, 1))
    ActivityFactory(participants=30, start_date=datetime.date(2025, 8, 1))
    services.move("approve", services.year_with_parts(thanh_hoa, 2024), user=manager)
    client.force_login(manager)
    report = client.get("/admin/reports/totals/", {"by": ["province", "year"]}).context["report"]
    states = {line.values.get("year"): line.values.get("period_state") for line in report.lines if line.kind == "row"}
    assert states == {2024: "đã duyệt", 2025: "chưa nộp"}
    # Over dates that are no period, by province alone: no state column.
    report = client.get("/admin/reports/totals/", {"by": "province", "date_from": "05/01/2024"}).context["report"]
    assert "period_state" not in dict(report.columns)


@pytest.mark.usefixtures("places")
def test_the_changes_while_reopened_list_the_activities_deleted_one_or_many(client, manager, national, thanh_hoa):
    from campaigns.services import delete_activities

    kept, one, *two = (ActivityFactory(title=f"Buổi {n}", start_date=datetime.date(2025, 8, n)) for n in (1, 2, 3, 4))
    ActivityFactory(title="Buổi quý 4", start_date=datetime.date(2025, 10, 2))
    son_la = ActivityFactory(title="Buổi Sơn La", start_date=datetime.date(2025, 8, 5), place=son_la_commune())
    services.move("approve", [q3(thanh_hoa)], user=manager)
    services.move("reopen", [q3(thanh_hoa)], user=national, reason="Xóa các buổi ghi trùng")
    delete_activities(Activity.objects.filter(pk=one.pk), user=manager)
    delete_activities(Activity.objects.filter(pk__in=[a.pk for a in two]), user=manager)
    delete_activities(Activity.objects.filter(title="Buổi quý 4"), user=manager)  # another quarter
    delete_activities(Activity.objects.filter(pk=son_la.pk), user=national)  # another province
    client.force_login(manager)
    page = client.get(f"/admin/reports/periods/{thanh_hoa.pk}/quarter/2025/3/")
    assert sorted(entry.label for entry in page.context["deleted"]) == ["Buổi 2", "Buổi 3", "Buổi 4"]
    assert "3 hoạt động bị xóa từ" in page.content.decode()
    assert kept.title not in [entry.label for entry in page.context["deleted"]]
