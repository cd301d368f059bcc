"""Every way of writing an activity goes through campaigns.services: an activity with a
sign-in list keeps the list's counts whoever writes it, and the writes are bulk writes."""

import csv
import io
import json
import uuid

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.translation import gettext as _

from access.roles import MANAGERS
from campaigns.models import Activity
from campaigns.services import save_activity, update_activities
from tests.factories import NA_MEO, THANH_HOA, ActivityFactory, ParticipantFactory, current_commune, staff
from tests.security.forms import form_data
from trainings.models import Attendance, Participant
from trainings.resources import ParticipantResource
from trainings.rules import SignInCounts
from transfers.service import run_import

pytestmark = pytest.mark.usefixtures("places")

LISTED = (3, 2, 2)  # present, women, ethnic minority on the list below
PEOPLE = "Mã,Họ và tên,Giới tính,Năm sinh,Dân tộc,Tỉnh/Thành phố,Xã/Phường,Mã hoạt động,Có mặt,Câu lạc bộ"


def counts(activity: Activity) -> tuple:
    activity.refresh_from_db()
    return (activity.participants, activity.female, activity.ethnic_minority)


def people() -> list[Participant]:
    return [
        ParticipantFactory(full_name="Lò Thị Mai", ethnicity="Thái"),
        ParticipantFactory(full_name="Hà Thị Lan", ethnicity="Mường"),
        ParticipantFactory(full_name="Vi Văn Sơn", gender=Participant.Gender.MALE, ethnicity="Kinh"),
    ]


@pytest.fixture
def listed():
    """An activity of Thanh Hóa whose sign-in list holds 3 present, 2 women, 2 ethnic minority."""
    activity = ActivityFactory(external_id="TH-24", participants=3, female=2, ethnic_minority=2)
    Attendance.objects.bulk_create([Attendance(activity=activity, participant=person) for person in people()])
    return activity


@pytest.fixture
def manager(client):
    user = staff(MANAGERS, THANH_HOA)
    client.force_login(user)
    return user


def test_admin_form_keeps_the_lists_counts(client, manager, listed):
    page = client.get(f"/admin/activities/edit/{listed.pk}/")
    data = form_data(page.context["form"])
    data.update(participants="99", female="50", ethnic_minority="", confirm_counts="on")
    response = client.post(f"/admin/activities/edit/{listed.pk}/", data)
    assert response.status_code == 302
    assert counts(listed) == LISTED


def test_admin_form_moves_the_version_once(client, manager, listed):
    page = client.get(f"/admin/activities/edit/{listed.pk}/")
    data = form_data(page.context["form"])
    assert client.post(f"/admin/activities/edit/{listed.pk}/", {**data, "title": "Đổi tên"}).status_code == 302
    listed.refresh_from_db()
    assert (listed.title, listed.version) == ("Đổi tên", 2)


def phone_form(**overrides) -> dict:
    return {
        "kind": "community",
        "title": "Truyền thông tại bản Na Mèo",
        "start_date": "2025-09-10",
        "place": current_commune(NA_MEO).pk,
        "client_uuid": str(uuid.uuid4()),
        "participants": "99",
        "female": "50",
        "confirm_counts": "on",
        "new-TOTAL_FORMS": "0",
        "new-INITIAL_FORMS": "0",
        "new-MIN_NUM_FORMS": "0",
        "new-MAX_NUM_FORMS": "200",
        **overrides,
    }


def test_phone_form_keeps_the_lists_counts(client, trainer):
    present = [person.pk for person in people()]
    assert client.post("/record/", phone_form(present=present)).status_code == 302
    assert counts(Activity.objects.get(title="Truyền thông tại bản Na Mèo")) == LISTED


def test_phone_queue_keeps_the_lists_counts(client, trainer):
    body = {key: value for key, value in phone_form().items() if not key.startswith("new-")}
    body.update(present=[person.pk for person in people()], confirm_counts=True, new=[], audiences=[])
    response = client.post("/record/api/activities/", json.dumps(body), content_type="application/json")
    assert response.status_code == 201, response.content
    assert counts(Activity.objects.get(pk=response.json()["id"])) == LISTED


def test_exported_activity_reimported_with_other_counts_keeps_the_lists(listed, tmp_path, capsys):
    path = tmp_path / "hoat-dong.csv"
    call_command("export_activities", "--format", "csv", str(path))
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    header = rows[0]
    rows[1][header.index("Số lượt tham dự")] = "99"
    rows[1][header.index("Trong đó nữ")] = "50"
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(rows)
    capsys.readouterr()
    call_command("import_activities", str(path))
    said = capsys.readouterr()
    assert counts(listed) == LISTED
    # Said against the row and column, so nobody believes the typed numbers were stored.
    assert f"2, {column('Số lượt tham dự')}: {SignInCounts.message(LISTED)}" in said.err


def column(header: str) -> str:
    return _("column “%(column)s”") % {"column": header}


def test_participants_import_recounts_the_list(listed):
    row = ",Lường Thị Hoa,Nữ,2000,Thái,Thanh Hóa,Na Mèo,TH-24,x,"
    report = run_import(ParticipantResource, io.BytesIO(f"{PEOPLE}\n{row}\n".encode()), name="p.csv")
    assert report.ok, report.errors
    assert counts(listed) == (4, 3, 3)
    assert listed.version == 2  # the list changed: a form opened before is stale


def listed_person(activity: Activity, name: str) -> Participant:
    return Participant.objects.get(attendances__activity=activity, full_name=name)


def test_a_persons_gender_changed_in_the_admin_recounts_the_lists_holding_them(client, manager, listed):
    person = listed_person(listed, "Vi Văn Sơn")
    page = client.get(f"/admin/participants/edit/{person.pk}/")
    data = form_data(page.context["form"])
    response = client.post(f"/admin/participants/edit/{person.pk}/", {**data, "gender": Participant.Gender.FEMALE})
    assert response.status_code == 302
    assert counts(listed) == (3, 3, 2)
    assert listed.version == 2  # the list's counts changed: a form opened before is stale


def test_a_persons_gender_and_ethnicity_changed_by_a_participants_import_recount_the_lists_holding_them(listed):
    person = listed_person(listed, "Vi Văn Sơn")
    row = f"#{person.pk},Vi Văn Sơn,Nữ,{person.birth_year or ''},Tày,Thanh Hóa,Na Mèo,,,"
    report = run_import(ParticipantResource, io.BytesIO(f"{PEOPLE}\n{row}\n".encode()), name="p.csv")
    assert report.ok, report.errors
    assert counts(listed) == (3, 3, 3)


def test_a_persons_phone_changed_in_the_admin_leaves_the_lists_activities_alone(client, manager, listed):
    person = listed_person(listed, "Vi Văn Sơn")
    page = client.get(f"/admin/participants/edit/{person.pk}/")
    data = form_data(page.context["form"])
    assert client.post(f"/admin/participants/edit/{person.pk}/", {**data, "phone": "0912345678"}).status_code == 302
    listed.refresh_from_db()
    assert (counts(listed), listed.version) == (LISTED, 1)


def test_bulk_change_keeps_the_lists_counts(manager, listed):
    other = ActivityFactory(participants=10)
    update_activities(Activity.objects.filter(pk__in=[listed.pk, other.pk]), user=manager, participants=99, female=50)
    assert counts(listed) == LISTED
    assert counts(other) == (99, 50, None)
    listed.refresh_from_db()
    assert listed.version == 2


def queries_to_save(lines: int, user) -> int:
    activity = ActivityFactory()
    lines = [Attendance(participant=ParticipantFactory()) for _ in range(lines)]
    activity = Activity.objects.get(pk=activity.pk)
    with CaptureQueriesContext(connection) as captured:
        save_activity(activity, user=user, lines=lines)
    assert counts(activity)[0] == len(lines)
    return len(captured)


# Savepoints, the place, the stored dates and the locked reporting periods that could touch
# them (the write rule of reporting periods), the version claimed, the row, the search index
# (six), the live lines, the new lines in one insert, one grouped recount, one update of the
# counts, and the audit entry (with its checks of the content type and the user). Wagtail's
# reference index adds its reads (the record, each kind of line: the sign-in list, the course,
# the trainers) once an admin page has been served in the process, so the count is bounded
# and the same for 3 lines as for 30.
SAVE_QUERIES = 29


def test_saving_a_sign_in_list_takes_the_same_queries_for_30_lines_as_for_3(manager):
    queries_to_save(1, manager)  # what is read once and cached (content types) out of the count
    few, many = queries_to_save(3, manager), queries_to_save(30, manager)
    assert few == many <= SAVE_QUERIES


def written(captured) -> list[str]:
    return [q["sql"] for q in captured if q["sql"].split(None, 1)[0].upper() in {"INSERT", "UPDATE", "DELETE"}]


def test_the_admin_form_writes_the_same_statements_for_30_lines_as_for_3(client, manager):
    def statements(lines: int) -> int:
        activity = ActivityFactory()
        data = form_data(client.get(f"/admin/activities/edit/{activity.pk}/").context["form"])
        data["attendances-TOTAL_FORMS"] = str(lines)
        for index in range(lines):
            data.update(
                {f"attendances-{index}-participant": ParticipantFactory().pk, f"attendances-{index}-present": "on"}
            )
            data.update({f"attendances-{index}-id": "", f"attendances-{index}-DELETE": ""})
        with CaptureQueriesContext(connection) as captured:
            assert client.post(f"/admin/activities/edit/{activity.pk}/", data).status_code == 302
        assert counts(activity)[0] == lines
        return len(written(captured))

    statements(1)  # what is written once per process (a first session's row) out of the count
    assert statements(3) == statements(30)
