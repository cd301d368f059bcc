"""A rule registered with campaigns.rules holds on every way of writing an activity: here a
locked reporting period (before 2020) refuses each of them, and nothing is stored."""

import datetime
import io
import json
import uuid

import pytest

from access.roles import MANAGERS
from campaigns.models import Activity
from campaigns.resources.activities import ActivityResource
from campaigns.rules import WriteRefused, WriteRule, register_write_rule, unregister_write_rule
from campaigns.services import delete_activities, update_activities
from tests.factories import NA_MEO, THANH_HOA, ActivityFactory, ParticipantFactory, current_commune, staff
from tests.security.forms import form_data, formset
from trainings.models import Attendance
from trainings.resources import ParticipantResource
from transfers.service import run_import

pytestmark = pytest.mark.usefixtures("places")

REFUSAL = "Kỳ báo cáo trước năm 2020 đã khóa."
LOCKED_DAY = datetime.date(2019, 5, 1)
ACTIVITIES = (
    "Mã,Loại hoạt động,Tên hoạt động,Từ ngày,Đến ngày,Số buổi,Tỉnh/Thành phố,Quận/Huyện,Xã/Phường,"
    "Chương trình,Đơn vị tổ chức,Đối tượng,Số lượt tham dự,Trong đó nữ,Trong đó dân tộc thiểu số,Ghi chú"
)
PEOPLE = "Mã,Họ và tên,Giới tính,Năm sinh,Dân tộc,Tỉnh/Thành phố,Xã/Phường,Mã hoạt động,Có mặt,Câu lạc bộ"


class LockedPeriod(WriteRule):
    name = "tests.locked_period"

    def check(self, writes, *, user):
        for write in writes:
            if write.activity.start_date and write.activity.start_date.year < 2020:
                write.refuse(REFUSAL, field="start_date")


@pytest.fixture
def old():
    """An activity of the locked period, stored before the rule came in."""
    return ActivityFactory(external_id="TH-2019", title="Buổi cũ", start_date=LOCKED_DAY, participants=30)


@pytest.fixture
def locked(old):
    register_write_rule(LockedPeriod())
    yield old
    unregister_write_rule(LockedPeriod.name)


@pytest.fixture
def manager(client):
    user = staff(MANAGERS, THANH_HOA)
    client.force_login(user)
    return user


def unchanged(activity: Activity) -> bool:
    stored = Activity.objects.get(pk=activity.pk)
    return (stored.title, stored.version, stored.participants) == ("Buổi cũ", 1, 30)


def test_admin_create_is_refused(client, manager, locked):
    data = {
        "kind": "training",
        "status": "held",
        "title": "Lớp mới trong kỳ đã khóa",
        "start_date": "2019-06-01",
        "sessions": "1",
        "place": current_commune(NA_MEO).pk,
        **formset("attendances"),
    }
    response = client.post("/admin/activities/new/", data)
    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    assert not Activity.objects.filter(title="Lớp mới trong kỳ đã khóa").exists()


def test_admin_edit_is_refused(client, manager, locked):
    data = form_data(client.get(f"/admin/activities/edit/{locked.pk}/").context["form"])
    response = client.post(f"/admin/activities/edit/{locked.pk}/", {**data, "title": "Đổi tên"})
    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    assert unchanged(locked)


def test_admin_delete_is_refused(client, manager, locked):
    response = client.post(f"/admin/activities/delete/{locked.pk}/", follow=True)
    assert REFUSAL in response.content.decode()
    assert Activity.objects.filter(pk=locked.pk).exists()


def phone_form() -> dict:
    return {
        "kind": "community",
        "title": "Ghi từ điện thoại",
        "start_date": "2019-06-01",
        "place": current_commune(NA_MEO).pk,
        "client_uuid": str(uuid.uuid4()),
        "new-TOTAL_FORMS": "0",
        "new-INITIAL_FORMS": "0",
        "new-MIN_NUM_FORMS": "0",
        "new-MAX_NUM_FORMS": "200",
    }


def test_phone_form_is_refused(client, trainer, locked):
    response = client.post("/record/", {**phone_form(), "present": [ParticipantFactory().pk]})
    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    assert not Activity.objects.filter(title="Ghi từ điện thoại").exists()


def test_phone_queue_is_refused(client, trainer, locked):
    body = {key: value for key, value in phone_form().items() if not key.startswith("new-")}
    response = client.post("/record/api/activities/", json.dumps(body), content_type="application/json")
    assert response.status_code == 400
    assert REFUSAL in response.json()["reason"]
    assert not Activity.objects.filter(title="Ghi từ điện thoại").exists()


def test_activities_import_is_refused_by_row_on_a_dry_run_too(locked):
    row = "TH-2019,Buổi truyền thông,Buổi đổi tên,01/05/2019,,1,Thanh Hóa,,Na Mèo,,,,30,,,"
    for dry_run in (True, False):
        report = run_import(
            ActivityResource, io.BytesIO(f"{ACTIVITIES}\n{row}\n".encode()), name="a.csv", dry_run=dry_run
        )
        assert [(error.row, error.column, error.message) for error in report.errors] == [(2, "Từ ngày", REFUSAL)]
    assert unchanged(locked)


def test_participants_import_into_a_locked_activity_is_refused(locked):
    row = ",Lò Thị Mai,Nữ,1995,Thái,Thanh Hóa,Na Mèo,TH-2019,x,"
    report = run_import(ParticipantResource, io.BytesIO(f"{PEOPLE}\n{row}\n".encode()), name="p.csv")
    assert not report.ok
    assert REFUSAL in " ".join(error.message for error in report.errors)
    assert not Attendance.objects.exists()
    assert unchanged(locked)


def test_bulk_change_is_refused(manager, locked):
    with pytest.raises(WriteRefused):
        update_activities(Activity.objects.filter(pk=locked.pk), user=manager, participants=99)
    assert unchanged(locked)


def test_bulk_delete_is_refused(manager, locked):
    other = ActivityFactory()
    with pytest.raises(WriteRefused):
        delete_activities(Activity.objects.filter(pk__in=[locked.pk, other.pk]), user=manager)
    assert Activity.objects.filter(pk__in=[locked.pk, other.pk]).count() == 2


def test_without_the_rule_the_same_change_is_stored(manager, old):
    update_activities(Activity.objects.filter(pk=old.pk), user=manager, participants=99)
    assert Activity.objects.get(pk=old.pk).participants == 99
