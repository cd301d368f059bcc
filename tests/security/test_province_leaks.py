"""Paths around the URL matrix by which staff of province A reached province B's people and
records: inline lines, member lists, targets, linked records, import lookups, photos, places."""

from __future__ import annotations

import pytest

from access.models import places_visible_to
from access.roles import MANAGERS, NATIONAL_ADMINS, TRAINERS
from campaigns.models import Activity, Club, MaterialDistribution, Target
from campaigns.resources.activities import ActivityResource
from campaigns.resources.targets import TargetResource
from places.models import Place
from tests.factories import SON_LA, THANH_HOA, ActivityFactory, current_province, staff
from tests.security.forms import add_line, form_data
from tests.transfers.conftest import csv_file
from trainings.models import Attendance, ClubMember, Participant
from trainings.resources import ParticipantResource
from transfers.service import run_import

pytestmark = pytest.mark.usefixtures("places")

PEOPLE = "Mã,Họ và tên,Năm sinh,Tỉnh/Thành phố,Xã/Phường"
TARGETS = "Mã,Chương trình,Chỉ số,Tỉnh/Thành phố,Chỉ tiêu"


def loaded_form(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    return response.context["form"]


# 1. Sign-in lines.


def test_a_sign_in_line_naming_a_person_of_another_province_is_refused(client, provinces, provincial):
    client.force_login(provincial)
    activity = provinces.a.activity
    url = f"/admin/activities/edit/{activity.pk}/"
    data = add_line(form_data(loaded_form(client, url)), "attendances", participant=provinces.b.participant.pk)
    data["attendances-1-present"] = "on"
    response = client.post(url, data)
    assert response.status_code == 200  # the form again, with the line refused
    assert not Attendance.objects.filter(activity=activity, participant=provinces.b.participant).exists()
    assert "Người B" not in client.get(url).content.decode()


def test_a_sign_in_line_of_the_users_provinces_is_saved(client, provinces, provincial):
    client.force_login(provincial)
    activity = provinces.a.activity
    someone = Participant.objects.create(full_name="Lò Thị Mai", commune=provinces.a.commune)
    url = f"/admin/activities/edit/{activity.pk}/"
    data = add_line(form_data(loaded_form(client, url)), "attendances", participant=someone.pk, present="on")
    assert client.post(url, data).status_code == 302
    assert Attendance.objects.filter(activity=activity).count() == 2


def test_a_person_from_elsewhere_on_the_list_is_neither_shown_nor_dropped(client, provinces, provincial):
    """National staff may put someone from Sơn La on a Thanh Hóa list: A's staff do not see
    that line, and their save keeps it."""
    activity = provinces.a.activity
    Attendance.objects.create(activity=activity, participant=provinces.b.participant)
    client.force_login(provincial)
    url = f"/admin/activities/edit/{activity.pk}/"
    form = loaded_form(client, url)
    assert [line.instance.participant for line in form.formsets["attendances"].forms] == [provinces.a.participant]
    assert "Người B" not in client.get(url).content.decode()
    assert client.post(url, form_data(form)).status_code == 302
    assert Attendance.objects.filter(activity=activity).count() == 2


# 2. Club members.


def test_the_club_form_offers_and_takes_members_of_the_users_provinces_only(client, provinces):
    client.force_login(staff(MANAGERS, THANH_HOA))  # trainers only read clubs
    offered = set(loaded_form(client, "/admin/clubs/new/").fields["members"].queryset)
    assert provinces.a.participant in offered and provinces.b.participant not in offered
    club = provinces.a.club
    url = f"/admin/clubs/edit/{club.pk}/"
    data = form_data(loaded_form(client, url))
    data["members"] = [str(provinces.a.participant.pk), str(provinces.b.participant.pk)]
    assert client.post(url, data).status_code == 200
    assert not club.member_links.exists()


def test_a_club_save_keeps_the_members_the_user_does_not_see(client, provinces):
    club = provinces.a.club
    ClubMember.objects.create(club=club, participant=provinces.b.participant)
    client.force_login(staff(MANAGERS, THANH_HOA))
    url = f"/admin/clubs/edit/{club.pk}/"
    data = form_data(loaded_form(client, url))
    data["members"] = [str(provinces.a.participant.pk)]
    assert client.post(url, data).status_code == 302
    assert set(club.member_links.values_list("participant", flat=True)) == {
        provinces.a.participant.pk,
        provinces.b.participant.pk,
    }


# 3. Campaign targets.


def test_the_campaign_form_shows_and_changes_only_the_users_provinces_targets(client, provinces):
    manager = staff(MANAGERS, THANH_HOA)
    client.force_login(manager)
    url = f"/admin/campaigns/edit/{provinces.campaign.pk}/"
    form = loaded_form(client, url)
    assert [line.instance for line in form.formsets["targets"].forms] == [provinces.a.target]
    data = form_data(form)
    data["targets-0-id"] = str(provinces.b.target.pk)  # the line renamed to B's target
    data["targets-0-value"] = "1"
    client.post(url, data)
    provinces.b.target.refresh_from_db()
    provinces.national_target.refresh_from_db()
    assert (provinces.b.target.value, provinces.b.target.province.code) == (10, SON_LA)
    assert provinces.national_target.value == 1000
    assert Target.objects.filter(province__code=SON_LA).count() == 1


def test_a_targets_save_keeps_the_lines_the_user_does_not_see(client, provinces):
    client.force_login(staff(MANAGERS, THANH_HOA))
    url = f"/admin/campaigns/edit/{provinces.campaign.pk}/"
    data = form_data(loaded_form(client, url))
    data["targets-0-value"] = "25"
    assert client.post(url, data).status_code == 302
    assert set(Target.objects.values_list("value", flat=True)) == {25, 10, 1000}


def test_a_targets_import_cannot_reach_another_provinces_target(provinces):
    manager = staff(MANAGERS, THANH_HOA)
    moved = csv_file(f"#{provinces.b.target.pk},KH-2025,Số buổi,Thanh Hóa,99", header=TARGETS)
    report = run_import(TargetResource, moved, name="t.csv", user=manager)
    assert not report.ok
    provinces.b.target.refresh_from_db()
    assert (provinces.b.target.value, provinces.b.target.province.code) == (10, SON_LA)
    national = csv_file(",KH-2025,Số lượt người tham dự,,5", header=TARGETS)
    assert not run_import(TargetResource, national, name="t.csv", user=manager).ok
    provinces.national_target.refresh_from_db()
    assert provinces.national_target.value == 1000


# 4. Distributions and activities linked to other records.


def test_the_distribution_form_offers_and_takes_activities_of_the_users_provinces_only(client, provinces, provincial):
    client.force_login(provincial)
    offered = set(loaded_form(client, "/admin/distributions/new/").fields["activity"].queryset)
    assert provinces.a.activity in offered and provinces.b.activity not in offered
    distribution = provinces.a.distribution
    url = f"/admin/distributions/edit/{distribution.pk}/"
    data = form_data(loaded_form(client, url))
    data["activity"] = str(provinces.b.activity.pk)
    assert client.post(url, data).status_code == 200
    assert MaterialDistribution.objects.get(pk=distribution.pk).activity is None


def test_an_activities_import_finds_clubs_of_the_users_provinces_only(provinces, provincial):
    row = "HD-NEW,Sinh hoạt CLB,Sinh hoạt,01/08/2025,,1,Thanh Hóa,,Na Mèo,,,,20,10,{club},"
    other = run_import(ActivityResource, csv_file(row.format(club="CLB-B")), name="a.csv", user=provincial)
    assert [error.column for error in other.errors] == ["Câu lạc bộ"]
    assert not Activity.objects.filter(external_id="HD-NEW").exists()
    own = run_import(ActivityResource, csv_file(row.format(club="CLB-A")), name="a.csv", user=provincial)
    assert own.ok, own.errors
    assert Activity.objects.get(external_id="HD-NEW").club == provinces.a.club


# 5. No existence oracle in the participants import.


def _answer(user, line: str) -> list[tuple[str, str]]:
    report = run_import(ParticipantResource, csv_file(line, header=PEOPLE), name="p.csv", user=user)
    assert not report.ok
    number = line.split(",")[0]
    return sorted(
        (error.column, error.message.replace(number, "#N") if number else error.message) for error in report.errors
    )


def test_the_participants_import_answers_alike_for_someone_elsewhere_and_no_one(provinces, provincial):
    commune = provinces.b.commune.short_name
    exists = _answer(provincial, f",Người B,1990,Sơn La,{commune}")
    absent = _answer(provincial, f",Người Không Có,1990,Sơn La,{commune}")
    assert exists == absent
    by_number = _answer(provincial, f"#{provinces.b.participant.pk},Người B,1990,Thanh Hóa,Na Mèo")
    no_number = _answer(provincial, "#987654,Người B,1990,Thanh Hóa,Na Mèo")
    assert by_number == no_number
    assert Participant.objects.get(pk=provinces.b.participant.pk).commune == provinces.b.commune


# 6. Photos.


def test_the_image_chooser_shows_photos_of_the_users_provinces_only(client, provinces, provincial):
    client.force_login(provincial)
    response = client.get("/admin/images/chooser/")
    assert response.status_code == 200
    shown = set(response.context["results"].paginator.object_list)
    assert provinces.a.photo in shown and provinces.b.photo not in shown
    assert client.get(f"/admin/images/chooser/chosen/{provinces.b.photo.pk}/").status_code != 200


def test_an_activity_takes_photos_of_the_users_provinces_only(client, provinces, provincial):
    client.force_login(provincial)
    activity = provinces.a.activity
    url = f"/admin/activities/edit/{activity.pk}/"
    data = form_data(loaded_form(client, url))
    data["photos"] = [str(provinces.a.photo.pk), str(provinces.b.photo.pk)]
    assert client.post(url, data).status_code == 200
    assert list(activity.photos.all()) == [provinces.a.photo]


def test_photos_attached_to_an_activity_are_filed_in_its_provinces_collection(provinces):
    provinces.a.photo.refresh_from_db()
    assert provinces.a.photo.collection.name == "Thanh Hóa"
    Activity.objects.get(pk=provinces.b.activity.pk).photos.add(provinces.a.photo)
    provinces.a.photo.refresh_from_db()
    assert provinces.a.photo.collection.name == "Thanh Hóa"  # a filed photo stays where it is


def test_a_national_administrator_chooses_every_provinces_photos(client, provinces):
    client.force_login(staff(NATIONAL_ADMINS))
    shown = set(client.get("/admin/images/chooser/").context["results"].paginator.object_list)
    assert {provinces.a.photo, provinces.b.photo} <= shown


def test_leaving_a_province_takes_its_photos_away(client, provinces):
    trainer = staff(TRAINERS, THANH_HOA, SON_LA)
    client.force_login(trainer)
    assert client.get(f"/admin/images/chooser/chosen/{provinces.b.photo.pk}/").status_code == 200
    trainer.campaign_scope.provinces.remove(current_province(SON_LA))
    assert client.get(f"/admin/images/chooser/chosen/{provinces.b.photo.pk}/").status_code != 200


# 7. One rule for places.


def test_a_province_includes_the_places_of_the_provinces_it_absorbed(places):
    thanh_hoa = current_province(THANH_HOA)
    old = Place.objects.get(is_current=False, level=Place.Level.PROVINCE, code=THANH_HOA)
    inside = Place.objects.in_province(thanh_hoa)
    assert inside.filter(pk=old.pk).exists()
    assert inside.filter(province=old, level=Place.Level.COMMUNE).exists()
    assert not inside.filter(province__code=SON_LA).exists()


@pytest.mark.parametrize(
    ("role", "provinces_of_user", "sees_thanh_hoa_then", "sees_son_la"),
    [(TRAINERS, (THANH_HOA,), True, False), (NATIONAL_ADMINS, (), True, True), (TRAINERS, (), False, False)],
)
def test_places_visible_to_a_user_follow_their_staff_scope(
    places, role, provinces_of_user, sees_thanh_hoa_then, sees_son_la
):
    user = staff(role, *provinces_of_user)
    visible = places_visible_to(user)
    assert visible.filter(province__code=SON_LA).exists() is sees_son_la
    assert visible.filter(is_current=False, province__code=THANH_HOA).exists() is sees_thanh_hoa_then


def test_records_of_a_province_then_and_now_come_from_the_same_rule(provinces):
    old = Place.objects.get(is_current=False, level=Place.Level.PROVINCE, code=THANH_HOA)
    then = ActivityFactory(place=old, title="2019")
    found = Activity.objects.in_province(current_province(THANH_HOA))
    assert set(found) == {provinces.a.activity, then}
    assert set(Club.objects.in_province(current_province(SON_LA))) == {provinces.b.club}
