"""Clubs, participants with their sign-in lines, campaigns and targets: the same rules as activities."""

import datetime
import io

import pytest

from access.roles import MANAGERS, TRAINERS
from campaigns.models import Campaign, Club, Target
from campaigns.resources.campaigns import CampaignResource
from campaigns.resources.clubs import ClubResource
from campaigns.resources.targets import TargetResource
from tests.factories import NA_MEO, SON_LA, THANH_HOA, ActivityFactory, ClubFactory, current_commune, staff
from tests.transfers.conftest import csv_file
from trainings.models import Attendance, Participant
from trainings.resources import ParticipantResource
from transfers.service import export_file, run_import

pytestmark = pytest.mark.usefixtures("vocabulary")

CLUBS = "Mã,Tên câu lạc bộ,Tỉnh/Thành phố,Xã/Phường,Ngày thành lập,Đơn vị tổ chức,Tình trạng,Số thành viên"
PEOPLE = "Mã,Họ và tên,Giới tính,Năm sinh,Dân tộc,Tỉnh/Thành phố,Xã/Phường,Mã hoạt động,Có mặt,Câu lạc bộ"
CAMPAIGNS = "Mã,Tên chương trình,Từ ngày,Đến ngày,Đơn vị chủ trì"
TARGETS = "Mã,Chương trình,Chỉ số,Loại hoạt động,Tỉnh/Thành phố,Chỉ tiêu"


def test_clubs_import_and_reimport():
    file = csv_file(
        "CLB-1,CLB Na Mèo,Thanh Hóa,Na Mèo,15/03/2024,Hội LHPN Thanh Hóa,Đang hoạt động,25", header=CLUBS
    ).getvalue()
    assert run_import(ClubResource, io.BytesIO(file), name="c.csv").created == 1
    club = Club.objects.get(external_id="CLB-1")
    assert (club.place, club.founded_on, club.member_count) == (current_commune(NA_MEO), datetime.date(2024, 3, 15), 25)
    assert club.organiser.name == "Hội LHPN tỉnh Thanh Hóa" and club.province.code == "38"
    again = run_import(ClubResource, io.BytesIO(file), name="c.csv")
    assert (again.created, again.updated, again.skipped) == (0, 0, 1)


def test_clubs_outside_the_users_provinces_are_refused():
    file = csv_file("CLB-1,CLB Na Mèo,Thanh Hóa,Na Mèo,,,,", header=CLUBS)
    report = run_import(ClubResource, file, name="c.csv", user=staff(TRAINERS, SON_LA))
    assert [(e.row, e.column) for e in report.errors] == [(2, "Tỉnh/Thành phố")]
    assert not Club.objects.exists()


def test_sign_in_list_adds_people_lines_and_members_once():
    activity = ActivityFactory(external_id="TH-9", participants=None)
    ClubFactory(external_id="CLB-1")
    rows = [
        "Lò Thị Mai,Nữ,1995,Thái,Thanh Hóa,Na Mèo,TH-9,x,CLB-1",
        "Vi Văn Nam,Nam,1990,Thái,Thanh Hóa,Na Mèo,TH-9,không,",
        "Hà Thị Lan,nu,2001,Kinh,Thanh Hóa,Na Mèo,TH-9,có,",
    ]
    file = csv_file(*(f",{row}" for row in rows), header=PEOPLE).getvalue()
    report = run_import(ParticipantResource, io.BytesIO(file), name="p.csv")
    assert report.ok and report.created == 3, report.errors
    activity.refresh_from_db()
    assert (activity.participants, activity.female, activity.ethnic_minority) == (2, 2, 1)
    assert Attendance.objects.filter(activity=activity).count() == 3
    assert Club.objects.get(external_id="CLB-1").member_links.count() == 1
    again = run_import(ParticipantResource, io.BytesIO(file), name="p.csv")
    assert (again.created, again.updated, again.skipped) == (0, 0, 3), again
    assert Participant.objects.count() == 3


def test_participant_import_logs_no_names():
    from wagtail.models import ModelLogEntry

    ActivityFactory(external_id="TH-9")
    file = csv_file(",Lò Thị Mai,Nữ,1995,Thái,Thanh Hóa,Na Mèo,TH-9,x,", header=PEOPLE)
    assert run_import(ParticipantResource, file, name="p.csv").ok
    labels = list(ModelLogEntry.objects.values_list("label", flat=True))
    assert labels and not any("Mai" in label for label in labels)


def test_an_imported_sign_in_list_leaves_the_activity_the_phone_forms_audit_entry():
    from wagtail.models import ModelLogEntry

    from trainings.services import ATTENDANCE_LOGGED

    activity = ActivityFactory(external_id="TH-9", participants=None)
    Participant.objects.create(full_name="Vi Văn Nam", gender="male", birth_year=1990, commune=activity.place)
    rows = ["Lò Thị Mai,Nữ,1995,Thái,Thanh Hóa,Na Mèo,TH-9,x", "Vi Văn Nam,Nam,1990,Thái,Thanh Hóa,Na Mèo,TH-9,x"]
    file = csv_file(*(f",{row}," for row in rows), header=PEOPLE)
    manager = staff(MANAGERS, THANH_HOA)
    assert run_import(ParticipantResource, file, name="p.csv", user=manager).ok
    entry = ModelLogEntry.objects.for_instance(activity).get(action=ATTENDANCE_LOGGED)
    assert (entry.user_id, entry.data) == (manager.pk, {"present": 2, "new": 1})
    assert "Mai" not in str(entry.data) + entry.label


def test_participants_export_imports_back_unchanged():
    ActivityFactory(external_id="TH-9")
    file = csv_file(",Lò Thị Mai,Nữ,1995,Thái,Thanh Hóa,Na Mèo,TH-9,x,", header=PEOPLE)
    run_import(ParticipantResource, file, name="p.csv")
    out = io.BytesIO()
    export_file(ParticipantResource, Participant.objects.all(), "xlsx", out)
    report = run_import(ParticipantResource, io.BytesIO(out.getvalue()), name="p.xlsx")
    assert (report.ok, report.skipped) == (True, 1), report.errors


def test_campaigns_and_targets():
    campaigns = csv_file("KH-2026,Kế hoạch 2026,01/01/2026,31/12/2026,Hội LHPN Thanh Hóa", header=CAMPAIGNS)
    assert run_import(CampaignResource, campaigns, name="k.csv").created == 1
    campaign = Campaign.objects.get(code="KH-2026")
    assert campaign.lead_organiser.name == "Hội LHPN tỉnh Thanh Hóa" and campaign.end_date.year == 2026
    targets = csv_file(
        ",KH-2026,Số buổi,Lớp tập huấn,Thanh Hóa,120", ",KH-2026,Số lượt người tham dự,,,15.000", header=TARGETS
    ).getvalue()
    assert run_import(TargetResource, io.BytesIO(targets), name="t.csv").created == 2
    assert sorted(Target.objects.values_list("value", flat=True)) == [120, 15000]
    again = run_import(TargetResource, io.BytesIO(targets), name="t.csv")
    assert (again.created, again.skipped) == (0, 2) and Target.objects.count() == 2


def test_bad_campaign_row_stores_nothing():
    campaigns = csv_file(
        "KH-1,Một,01/01/2026,,", "KH-2,Hai,01/01/2026,01/01/2025,", "KH-3,Ba,01/01/2026,,Không có", header=CAMPAIGNS
    )
    report = run_import(CampaignResource, campaigns, name="k.csv")
    assert sorted((e.row, e.column) for e in report.errors) == [(3, "Đến ngày"), (4, "Đơn vị chủ trì")]
    assert not Campaign.objects.filter(code__startswith="KH-").exists()
