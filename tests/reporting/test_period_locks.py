"""The locked-period pass over every way of writing: once Thanh Hóa's third quarter of 2025 is
approved, each path that would add, change or delete a count inside it is refused, says
which period and who approved it, and leaves the database as it was."""

import csv
import datetime
import io
import json
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from access.roles import MANAGERS, NATIONAL_ADMINS
from campaigns.models import Activity, Club, MaterialDistribution, Target
from campaigns.rules import WriteRefused
from campaigns.services import delete_activities, save_activity, update_activities
from reporting.models import PeriodKind
from reporting.periods import services
from tests.factories import (
    NA_MEO,
    THANH_HOA,
    ActivityFactory,
    CampaignFactory,
    ClubFactory,
    DistributionFactory,
    ParticipantFactory,
    current_commune,
    current_province,
    staff,
)
from tests.security.forms import form_data
from trainings.models import Attendance
from trainings.resources import ParticipantResource
from transfers.service import run_import

pytestmark = pytest.mark.usefixtures("places")

INSIDE = datetime.date(2025, 8, 1)  # in the third quarter of 2025
AFTER = datetime.date(2025, 10, 2)  # in the fourth, still open
PEOPLE = "Mã,Họ và tên,Giới tính,Năm sinh,Dân tộc,Tỉnh/Thành phố,Xã/Phường,Mã hoạt động,Có mặt,Câu lạc bộ"


@pytest.fixture
def manager(places):
    user = staff(MANAGERS, THANH_HOA)
    user.first_name = "Nguyễn Thị Lan"
    user.save()
    return user


@pytest.fixture
def as_manager(client, manager):
    client.force_login(manager)
    return manager


@pytest.fixture
def locked(manager):
    """Thanh Hóa's third quarter of 2025, approved by the manager."""
    (period,) = services.move(
        "approve", [services.period(current_province(THANH_HOA), "quarter", 2025, 3)], user=manager
    )
    return period


def approve_q3(manager):
    """Thanh Hóa's third quarter of 2025, approved by `manager`."""
    (period,) = services.move(
        "approve", [services.period(current_province(THANH_HOA), "quarter", 2025, 3)], user=manager
    )
    return period


def provincial_target(campaign) -> Target:
    """A target of Thanh Hóa for the third quarter of 2025."""
    return Target.objects.create(
        campaign=campaign, measure="sessions", province=current_province(THANH_HOA),
        start_date=datetime.date(2025, 7, 1), end_date=datetime.date(2025, 9, 30), value=40,
    )  # fmt: skip


def refused_in(text: str) -> bool:
    return "3/2025" in text and "Thanh Hóa" in text and "Nguyễn Thị Lan" in text


def snapshot() -> tuple:
    rows = lambda model: sorted(model.objects.values_list(*[f.attname for f in model._meta.concrete_fields]))  # noqa: E731
    return tuple(rows(model) for model in (Activity, Attendance, Club, MaterialDistribution, Target))


# --- Activities -----------------------------------------------------------------------------


def test_the_service_refuses_a_new_activity_inside_and_names_the_period(locked, manager):
    with pytest.raises(WriteRefused) as refused:
        save_activity(ActivityFactory.build(start_date=INSIDE), user=manager)
    assert refused_in(" ".join(message for _field, message in refused.value.by_field()))
    assert not Activity.objects.exists()


def test_a_batch_that_crosses_into_a_locked_period_is_locked(locked, manager):
    batch = ActivityFactory.build(start_date=datetime.date(2025, 6, 1), end_date=datetime.date(2025, 7, 15))
    with pytest.raises(WriteRefused):
        save_activity(batch, user=manager)


def test_moving_an_activity_out_of_a_locked_period_is_refused(manager):
    activity = ActivityFactory(start_date=INSIDE)
    approve_q3(manager)
    activity.start_date = AFTER
    with pytest.raises(WriteRefused):
        save_activity(activity, user=manager)
    activity.refresh_from_db()
    assert activity.start_date == INSIDE


def test_an_approved_year_locks_its_quarters_even_unstored(manager):
    services.move("approve", [services.period(current_province(THANH_HOA), PeriodKind.YEAR, 2025, 1)], user=manager)
    with pytest.raises(WriteRefused):
        save_activity(ActivityFactory.build(start_date=AFTER), user=manager)


def test_admin_edit_of_an_activity_inside_is_refused_with_the_reason(client, as_manager, manager):
    activity = ActivityFactory(start_date=INSIDE, participants=10)
    approve_q3(manager)
    before = snapshot()
    data = form_data(client.get(f"/admin/activities/edit/{activity.pk}/").context["form"])
    response = client.post(f"/admin/activities/edit/{activity.pk}/", {**data, "participants": "12"})
    assert response.status_code == 200
    assert refused_in(response.content.decode())
    assert snapshot() == before


def test_admin_delete_of_an_activity_inside_is_refused(client, as_manager, manager):
    activity = ActivityFactory(start_date=INSIDE)
    approve_q3(manager)
    response = client.post(f"/admin/activities/delete/{activity.pk}/", follow=True)
    assert refused_in(response.content.decode())
    assert Activity.objects.filter(pk=activity.pk).exists()


def test_an_admin_sign_in_list_change_inside_is_refused(client, as_manager, manager):
    activity = ActivityFactory(start_date=INSIDE)
    approve_q3(manager)
    data = form_data(client.get(f"/admin/activities/edit/{activity.pk}/").context["form"])
    data.update(
        {
            "attendances-TOTAL_FORMS": "1",
            "attendances-0-id": "",
            "attendances-0-DELETE": "",
            "attendances-0-participant": ParticipantFactory().pk,
            "attendances-0-present": "on",
        }
    )
    assert client.post(f"/admin/activities/edit/{activity.pk}/", data).status_code == 200
    assert not Attendance.objects.exists()


def test_bulk_change_and_delete_inside_are_refused_whole(manager):
    inside, after = ActivityFactory(start_date=INSIDE), ActivityFactory(start_date=AFTER)
    approve_q3(manager)
    before = snapshot()
    both = Activity.objects.filter(pk__in=[inside.pk, after.pk])
    with pytest.raises(WriteRefused):
        update_activities(both, user=manager, participants=7)
    with pytest.raises(WriteRefused):
        delete_activities(both, user=manager)
    assert snapshot() == before


def phone_form(**overrides) -> dict:
    return {
        "kind": "community",
        "title": "Truyền thông tại bản Na Mèo",
        "start_date": "10/08/2025",
        "place": current_commune(NA_MEO).pk,
        "client_uuid": str(uuid.uuid4()),
        "participants": "20",
        "female": "12",
        "new-TOTAL_FORMS": "0",
        "new-INITIAL_FORMS": "0",
        "new-MIN_NUM_FORMS": "0",
        "new-MAX_NUM_FORMS": "200",
        **overrides,
    }


def test_the_phone_form_refuses_a_record_inside(client, trainer, locked):
    response = client.post("/record/", phone_form())
    assert response.status_code == 200
    assert refused_in(response.content.decode())
    assert not Activity.objects.exists()


def test_the_phone_queue_is_told_why_and_keeps_the_record(client, trainer, locked):
    body = {key: value for key, value in phone_form(start_date="2025-08-10").items() if not key.startswith("new-")}
    body.update(present=[], new=[], audiences=[])
    response = client.post("/record/api/activities/", json.dumps(body), content_type="application/json")
    # 400 with the reason: the phone keeps the record in its queue, marked refused, to send again.
    assert response.status_code == 400
    assert refused_in(json.dumps(response.json(), ensure_ascii=False))
    assert not Activity.objects.exists()


def test_the_phone_queue_goes_through_once_the_period_is_reopened(client, trainer, locked):
    services.move("reopen", [locked], user=staff(NATIONAL_ADMINS), reason="Bổ sung buổi ở Na Mèo")
    body = {key: value for key, value in phone_form(start_date="2025-08-10").items() if not key.startswith("new-")}
    body.update(present=[], new=[], audiences=[])
    response = client.post("/record/api/activities/", json.dumps(body), content_type="application/json")
    assert response.status_code == 201, response.content


def test_an_activities_import_with_one_row_inside_is_refused_whole_naming_the_row(locked, tmp_path, capsys):
    path = tmp_path / "hoat-dong.csv"
    ActivityFactory(start_date=AFTER, external_id="TH-Q4")
    call_command("export_activities", "--format", "csv", str(path))
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    header = rows[0]
    added = list(rows[1])
    added[header.index("Mã")] = "TH-Q3"
    added[header.index("Từ ngày")] = "15/08/2025"
    rows.append(added)
    rows[1][header.index("Số lượt tham dự")] = "40"
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(rows)
    before = snapshot()
    with pytest.raises(CommandError):
        call_command("import_activities", str(path))
    said = capsys.readouterr().err
    assert "3" in said and refused_in(said)  # row 3 of the file
    assert snapshot() == before


def test_a_sign_in_lines_import_into_an_activity_inside_is_refused(manager):
    ActivityFactory(start_date=INSIDE, external_id="TH-24")
    approve_q3(manager)
    row = ",Lường Thị Hoa,Nữ,2000,Thái,Thanh Hóa,Na Mèo,TH-24,x,"
    report = run_import(ParticipantResource, io.BytesIO(f"{PEOPLE}\n{row}\n".encode()), name="p.csv")
    assert not report.ok
    assert refused_in(" ".join(str(error) for error in report.errors))
    assert not Attendance.objects.exists()


# --- Clubs, distributions, targets ---------------------------------------------------------


def test_a_club_founded_inside_cannot_be_added_changed_or_deleted(client, as_manager, manager):
    club = ClubFactory(founded_on=INSIDE, member_count=20)
    approve_q3(manager)
    data = form_data(client.get(f"/admin/clubs/edit/{club.pk}/").context["form"])
    response = client.post(f"/admin/clubs/edit/{club.pk}/", {**data, "member_count": "25"})
    assert response.status_code == 200 and refused_in(response.content.decode())
    response = client.post(f"/admin/clubs/delete/{club.pk}/", follow=True)
    assert refused_in(response.content.decode())
    club.refresh_from_db()
    assert club.member_count == 20
    new = ClubFactory.build(founded_on=INSIDE)
    with pytest.raises(ValidationError):
        new.full_clean()


def test_a_club_saved_unchanged_is_no_write(client, as_manager, manager):
    club = ClubFactory(founded_on=INSIDE, member_count=20)
    approve_q3(manager)
    club.full_clean()  # nothing changed: nothing to refuse


def test_a_distribution_inside_cannot_be_changed_or_deleted(client, as_manager, manager):
    handout = DistributionFactory(start_date=INSIDE, distributed=100)
    approve_q3(manager)
    data = form_data(client.get(f"/admin/distributions/edit/{handout.pk}/").context["form"])
    response = client.post(f"/admin/distributions/edit/{handout.pk}/", {**data, "distributed": "150"})
    assert response.status_code == 200 and refused_in(response.content.decode())
    response = client.post(f"/admin/distributions/delete/{handout.pk}/", follow=True)
    assert refused_in(response.content.decode())
    handout.refresh_from_db()
    assert handout.distributed == 100


def test_a_provincial_target_inside_cannot_be_changed_or_removed(manager):
    campaign = CampaignFactory()
    target = provincial_target(campaign)
    approve_q3(manager)
    target.value = 60
    with pytest.raises(ValidationError) as refused:
        target.full_clean()
    assert refused_in(str(refused.value))
    national = Target(campaign=campaign, measure="sessions", value=500)  # no province: in no period
    national.full_clean()


def test_removing_a_locked_target_from_its_campaign_form_is_refused(client, as_manager, manager):
    campaign = CampaignFactory()
    target = provincial_target(campaign)
    approve_q3(manager)
    data = form_data(client.get(f"/admin/campaigns/edit/{campaign.pk}/").context["form"])
    assert data["targets-0-id"] == str(target.pk)
    response = client.post(f"/admin/campaigns/edit/{campaign.pk}/", {**data, "targets-0-DELETE": "on"})
    assert response.status_code == 200 and refused_in(response.content.decode())
    assert Target.objects.filter(pk=target.pk).exists()
    # The campaign itself, its target untouched, still saves.
    assert client.post(f"/admin/campaigns/edit/{campaign.pk}/", {**data, "name": "Đổi tên"}).status_code == 302


def test_a_targets_import_changing_a_locked_target_is_refused_naming_the_row(manager):
    from campaigns.resources.targets import TargetResource

    campaign = CampaignFactory(code="DA-2025")
    provincial_target(campaign)
    approve_q3(manager)
    exported = TargetResource().export().csv
    header, row = exported.splitlines()[:2]
    changed = row.replace(",40", ",60")
    report = run_import(
        TargetResource, io.BytesIO(f"{header}\n{changed}\n".encode()), name="chi-tieu.csv", user=manager
    )
    assert not report.ok
    assert [error.row for error in report.errors] == [2]
    assert refused_in(str(report.errors[0]))
    assert Target.objects.get().value == 40


def test_a_record_of_the_old_province_is_locked_by_the_province_that_took_it_over(manager):
    from places.models import Place

    old = Place.objects.get(is_current=False, level=Place.Level.PROVINCE, code=THANH_HOA)
    assert old.successor == current_province(THANH_HOA)
    services.move("approve", [services.period(current_province(THANH_HOA), "year", 2018, 1)], user=manager)
    with pytest.raises(WriteRefused):
        save_activity(ActivityFactory.build(place=old, start_date=datetime.date(2018, 5, 1)), user=manager)
    assert not Activity.objects.exists()


# --- Club members: dated changes -----------------------------------------------------------


def members_on(club, day) -> int:
    from reporting.stats import Filters, totals

    return totals((), Filters(date_to=day, place=club.place)).total["club_members"]


def test_members_joining_or_leaving_today_move_no_figure_of_a_period_over(client, as_manager, manager):
    from trainings.models import ClubMember

    club = ClubFactory(founded_on=datetime.date(2024, 3, 1))
    first, second, third = (ParticipantFactory() for _ in range(3))
    ClubMember.objects.bulk_create([ClubMember(club=club, participant=p, joined_on=None) for p in (first, second)])
    approve_q3(manager)
    q3_end = datetime.date(2025, 9, 30)
    assert members_on(club, q3_end) == 2
    data = form_data(client.get(f"/admin/clubs/edit/{club.pk}/").context["form"])
    response = client.post(f"/admin/clubs/edit/{club.pk}/", {**data, "members": [str(second.pk), str(third.pk)]})
    assert response.status_code == 302, response.content.decode()[:2000]
    # The quarter approved keeps its two members; today the club has two others.
    assert members_on(club, q3_end) == 2
    assert members_on(club, timezone.localdate()) == 2
    assert set(ClubMember.objects.current().values_list("participant", flat=True)) == {second.pk, third.pk}
    gone = ClubMember.objects.get(participant=first)
    assert gone.left_on == timezone.localdate()
    # Joining again makes a new membership; the old one keeps its dates.
    data = form_data(client.get(f"/admin/clubs/edit/{club.pk}/").context["form"])
    client.post(f"/admin/clubs/edit/{club.pk}/", {**data, "members": [str(p.pk) for p in (first, second, third)]})
    assert ClubMember.objects.filter(participant=first).count() == 2
    assert members_on(club, q3_end) == 2 and members_on(club, timezone.localdate()) == 3


def test_a_member_change_on_a_day_of_an_approved_period_is_refused_on_every_path(client, as_manager, manager):
    from trainings.models import ClubMember

    today = timezone.localdate()
    club = ClubFactory(founded_on=datetime.date(2024, 3, 1), name="CLB Na Mèo")
    member, other = ParticipantFactory(), ParticipantFactory()
    ClubMember.objects.create(club=club, participant=member, joined_on=None)
    services.move(
        "approve",
        [services.period(current_province(THANH_HOA), "quarter", today.year, (today.month - 1) // 3 + 1)],
        user=manager,
    )
    before = sorted(ClubMember.objects.values_list("participant", "joined_on", "left_on"))
    # The club's form: a member added, or one taken off.
    data = form_data(client.get(f"/admin/clubs/edit/{club.pk}/").context["form"])
    for members in ([str(member.pk), str(other.pk)], []):
        response = client.post(f"/admin/clubs/edit/{club.pk}/", {**data, "members": members})
        page = response.content.decode()
        assert response.status_code == 200 and "Thanh Hóa" in page and "Nguyễn Thị Lan" in page
    # The participants import: the row naming the club is refused, nothing stored.
    row = ",Lường Thị Hoa,Nữ,2000,Thái,Thanh Hóa,Na Mèo,,,CLB Na Mèo"
    report = run_import(ParticipantResource, io.BytesIO(f"{PEOPLE}\n{row}\n".encode()), name="p.csv")
    assert not report.ok
    assert "Nguyễn Thị Lan" in " ".join(str(error) for error in report.errors)
    assert sorted(ClubMember.objects.values_list("participant", "joined_on", "left_on")) == before


def test_a_persons_gender_change_that_would_recount_a_locked_activity_is_refused(client, as_manager, manager):
    from trainings.models import Participant

    person = ParticipantFactory(gender=Participant.Gender.MALE)
    activity = ActivityFactory(start_date=INSIDE)
    Attendance.objects.create(activity=activity, participant=person, present=True)
    approve_q3(manager)
    data = form_data(client.get(f"/admin/participants/edit/{person.pk}/").context["form"])
    response = client.post(f"/admin/participants/edit/{person.pk}/", {**data, "gender": Participant.Gender.FEMALE})
    assert response.status_code == 200 and refused_in(response.content.decode())
    person.refresh_from_db()
    assert person.gender == Participant.Gender.MALE
    row = f"#{person.pk},{person.full_name},Nữ,,Thái,Thanh Hóa,Na Mèo,,,"
    report = run_import(ParticipantResource, io.BytesIO(f"{PEOPLE}\n{row}\n".encode()), name="p.csv")
    assert not report.ok and refused_in(" ".join(str(error) for error in report.errors))
    person.refresh_from_db()
    assert person.gender == Participant.Gender.MALE


def test_a_participants_import_asks_the_lock_once_per_club_not_once_per_row(manager):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    ClubFactory(founded_on=datetime.date(2024, 3, 1), name="CLB Na Mèo")
    approve_q3(manager)  # a locked period exists, so the rule reads the periods
    rows = "\n".join(f",Người {n},Nữ,2000,Thái,Thanh Hóa,Na Mèo,,,CLB Na Mèo" for n in range(5))
    with CaptureQueriesContext(connection) as captured:
        report = run_import(ParticipantResource, io.BytesIO(f"{PEOPLE}\n{rows}\n".encode()), name="p.csv")
    assert report.ok, report.errors
    asked = [q for q in captured.captured_queries if "reporting_reportingperiod" in q["sql"]]
    assert len(asked) <= 2  # the check and the import's second pass
