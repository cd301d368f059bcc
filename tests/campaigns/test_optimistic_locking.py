"""Two people editing the same activity (or club): the first save wins, the second is refused
with the form kept, who changed it and when, what differs and a link to the history. No
path, not even two saves at the same instant, loses an update silently."""

import os
import re
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import psycopg
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.users.models import UserProfile

from access.roles import MANAGERS, TRAINERS
from campaigns.models import Activity, Club
from campaigns.models.versioning import EditConflict
from campaigns.resources.activities import ActivityResource
from tests.factories import NA_MEO, THANH_HOA, ActivityFactory, ClubFactory, ParticipantFactory, current_commune, staff
from tests.security.forms import formset
from tests.transfers.conftest import csv_file
from tests.transfers.test_other_records import PEOPLE
from trainings.resources import ParticipantResource
from transfers.service import run_import

pytestmark = pytest.mark.usefixtures("places")
PROJECT = Path(__file__).resolve().parents[2]


def loaded_version(client, url: str) -> str:
    """Open an edit page as a browser would and read the version its form carries."""
    response = client.get(url)
    assert response.status_code == 200
    found = re.search(r'<input type="hidden" name="version" value="(\d+)"', response.content.decode())
    assert found, "the edit form carries no version"
    return found.group(1)


def activity_data(activity: Activity, version: str, **changes) -> dict:
    data = {
        "kind": activity.kind,
        "status": activity.status,
        "title": activity.title,
        "start_date": activity.start_date.isoformat(),
        "sessions": "1",
        "place": activity.place_id,
        "participants": "" if activity.participants is None else str(activity.participants),
        "external_id": activity.external_id or "",
        "version": version,
        **formset("attendances"),
    }
    data.update(changes)
    return data


def edit_url(activity) -> str:
    return reverse("activity:edit", args=[activity.pk])


@pytest.fixture
def lan(db):
    """A trainer of Thanh Hóa."""
    user = staff(TRAINERS, THANH_HOA)
    user.first_name, user.last_name = "Lan", "Hà Thị"
    user.save()
    return user


@pytest.fixture
def two_trainers(lan):
    """Two trainers' browsers; the second one's admin speaks English."""
    first, second = Client(), Client()
    first.force_login(lan)
    second.force_login(english(staff(TRAINERS, THANH_HOA)))
    return first, second


def english(user):
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    return user


# --- The model: a save names the version it was read at ----------------------------------------


def test_a_save_from_a_stale_copy_is_refused_and_stores_nothing():
    activity = ActivityFactory(title="Buổi truyền thông")
    first, second = Activity.objects.get(pk=activity.pk), Activity.objects.get(pk=activity.pk)
    first.title = "Đổi lần một"
    first.save()
    second.title = "Đổi lần hai"
    with pytest.raises(EditConflict):
        second.save()
    stored = Activity.objects.get(pk=activity.pk)
    assert (stored.title, stored.version) == ("Đổi lần một", 2)


def test_saving_the_same_instance_again_is_not_a_conflict_even_with_a_sign_in_list():
    activity = ActivityFactory()
    ParticipantFactory().attendances.create(activity=activity)  # moves the version (counts refreshed)
    activity.refresh_from_db()
    for title in ("một", "hai", "ba"):
        activity.title = title
        activity.save()
    stored = Activity.objects.get(pk=activity.pk)
    assert stored.title == "ba"
    assert stored.version == activity.version


def test_bulk_updates_move_the_version():
    first, second = ActivityFactory(), ActivityFactory()
    Activity.objects.filter(pk=first.pk).update(notes="sửa hàng loạt")
    second.notes = "bulk"
    Activity.objects.bulk_update([second], ["notes"])
    assert list(Activity.objects.filter(pk__in=[first.pk, second.pk]).values_list("version", flat=True)) == [2, 2]


def test_a_stale_club_save_is_refused():
    club = ClubFactory(name="CLB Na Mèo")
    stale = Club.objects.get(pk=club.pk)
    club.name = "CLB Na Mèo (mới)"
    club.save()
    stale.member_count = 30
    with pytest.raises(EditConflict):
        stale.save()
    assert Club.objects.get(pk=club.pk).member_count is None


# --- The admin edit view -------------------------------------------------------------------------


def test_second_of_two_admin_edits_is_refused_and_the_first_is_kept(two_trainers, lan):
    activity = ActivityFactory(title="Truyền thông di cư an toàn", participants=30)
    first, second = two_trainers
    url = edit_url(activity)
    first_version, second_version = loaded_version(first, url), loaded_version(second, url)

    assert first.post(url, activity_data(activity, first_version, title="Sửa bởi chị Lan")).status_code == 302
    response = second.post(url, activity_data(activity, second_version, participants="45", notes="Ghi chú"))

    assert response.status_code == 200
    stored = Activity.objects.get(pk=activity.pk)
    assert (stored.title, stored.participants, stored.notes) == ("Sửa bởi chị Lan", 30, "")
    page = response.content.decode()
    assert "This activity was changed by Lan Hà Thị at " in page
    assert "Your changes were not saved." in page
    assert f'href="{reverse("activity:history", args=[activity.pk])}"' in page
    assert f'href="{url}"' in page
    # The user's entries are kept in the form…
    assert 'name="participants" value="45"' in page
    # …and what differs is shown, saved value beside theirs.
    rows = {row.label: (row.saved, row.yours) for row in response.context["edit_conflict"].differences}
    assert rows["Title"] == ("Sửa bởi chị Lan", "Truyền thông di cư an toàn")
    assert rows["Participants"] == ("30", "45")
    assert rows["Notes"] == ("—", "Ghi chú")
    assert "Kind" not in rows


def test_the_refusal_is_in_vietnamese_by_default(two_trainers):
    activity = ActivityFactory()
    second, first = two_trainers  # Lan saves second: her admin speaks Vietnamese
    url = edit_url(activity)
    first_version, second_version = loaded_version(first, url), loaded_version(second, url)
    first.post(url, activity_data(activity, first_version, title="Lần một"))
    page = second.post(url, activity_data(activity, second_version, title="Lần hai")).content.decode()
    assert "Hoạt động này đã được user" in page
    assert "Thay đổi của bạn chưa được lưu." in page
    assert "Lịch sử thay đổi" in page


def test_after_a_refusal_the_reloaded_form_saves(two_trainers):
    activity = ActivityFactory()
    first, second = two_trainers
    url = edit_url(activity)
    first_version, second_version = loaded_version(first, url), loaded_version(second, url)
    first.post(url, activity_data(activity, first_version, title="Lần một"))
    assert second.post(url, activity_data(activity, second_version, title="Lần hai")).status_code == 200
    # Sending the same stale form again is refused again…
    assert second.post(url, activity_data(activity, second_version, title="Lần hai")).status_code == 200
    # …while the reloaded one carries the new version and saves.
    assert second.post(url, activity_data(activity, loaded_version(second, url), title="Lần hai")).status_code == 302
    assert Activity.objects.get(pk=activity.pk).title == "Lần hai"


def test_a_background_save_gets_the_refusal_as_json(two_trainers):
    activity = ActivityFactory()
    first, second = two_trainers
    url = edit_url(activity)
    first_version, second_version = loaded_version(first, url), loaded_version(second, url)
    first.post(url, activity_data(activity, first_version, title="Lần một"))
    response = second.post(
        url, activity_data(activity, second_version, title="Lần hai"), HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 400
    assert response.json()["error_code"] == "edit_conflict"
    assert response.json()["error_message"].startswith("This activity was changed by ")
    assert Activity.objects.get(pk=activity.pk).title == "Lần một"


def test_the_same_user_in_two_tabs_is_told_so(client, lan):
    activity = ActivityFactory()
    client.force_login(english(lan))
    url = edit_url(activity)
    tab_one, tab_two = loaded_version(client, url), loaded_version(client, url)
    client.post(url, activity_data(activity, tab_one, title="Tab một"))
    response = client.post(url, activity_data(activity, tab_two, title="Tab hai"))
    assert "This activity was changed by you, in another window at " in response.content.decode()


def test_a_form_without_its_version_is_refused(client, lan):
    activity = ActivityFactory(title="Giữ nguyên")
    client.force_login(english(lan))
    data = activity_data(activity, "", title="Không có phiên bản")
    response = client.post(edit_url(activity), data)
    assert response.status_code == 200
    assert "This form is out of date. Reload the page" in response.content.decode()
    assert Activity.objects.get(pk=activity.pk).title == "Giữ nguyên"


def test_a_sign_in_list_edited_meanwhile_shows_as_a_difference(two_trainers):
    activity = ActivityFactory()
    first, second = two_trainers
    url = edit_url(activity)
    first_version, second_version = loaded_version(first, url), loaded_version(second, url)
    person = ParticipantFactory()
    rows = [{"participant": person.pk, "present": "on"}]
    assert first.post(url, activity_data(activity, first_version, **formset("attendances", rows))).status_code == 302
    response = second.post(url, activity_data(activity, second_version))
    assert response.status_code == 200
    differences = {row.label: (row.saved, row.yours) for row in response.context["edit_conflict"].differences}
    assert differences["Attendances"] == ("lines: 1", "lines: 0")
    assert activity.attendances.count() == 1  # the second form would have emptied the list


def test_a_club_edited_by_two_people_keeps_the_first_save():
    club = ClubFactory(name="CLB phòng, chống mua bán người")
    first, second = Client(), Client()
    first.force_login(staff(MANAGERS, THANH_HOA))
    second.force_login(english(staff(MANAGERS, THANH_HOA)))
    url = reverse("club:edit", args=[club.pk])
    first_version, second_version = loaded_version(first, url), loaded_version(second, url)
    data = {"name": club.name, "place": club.place_id, "status": "active"}
    assert first.post(url, {**data, "member_count": "25", "version": first_version}).status_code == 302
    response = second.post(url, {**data, "member_count": "40", "version": second_version})
    assert response.status_code == 200
    assert "This club was changed by " in response.content.decode()
    assert Club.objects.get(pk=club.pk).member_count == 25


# --- Imports and the phone form -----------------------------------------------------------------

IMPORT_HEADER = (
    "Mã,Loại hoạt động,Tên hoạt động,Từ ngày,Đến ngày,Số buổi,Tỉnh/Thành phố,Quận/Huyện,Xã/Phường,"
    "Chương trình,Đơn vị tổ chức,Đối tượng,Số lượt tham dự,Trong đó nữ,Câu lạc bộ,Ghi chú"
)


def test_an_import_between_loading_and_saving_refuses_the_open_form(client, lan):
    activity = ActivityFactory(external_id="TH-2025-001", title="Trước khi nhập", participants=20)
    client.force_login(english(lan))
    url = edit_url(activity)
    version = loaded_version(client, url)

    row = "TH-2025-001,Buổi truyền thông,Sau khi nhập,01/08/2025,,1,Thanh Hóa,,Na Mèo,,,,35,,,"
    report = run_import(ActivityResource, csv_file(row, header=IMPORT_HEADER), name="a.csv")
    assert report.ok and report.updated == 1, report.errors

    response = client.post(url, activity_data(activity, version, notes="Sửa trên máy"))
    assert response.status_code == 200
    assert "This activity was changed by an import at " in response.content.decode()
    stored = Activity.objects.get(pk=activity.pk)
    assert (stored.title, stored.participants, stored.notes) == ("Sau khi nhập", 35, "")


def test_an_unchanged_import_row_leaves_the_open_form_valid(client, lan):
    activity = ActivityFactory(external_id="TH-2025-002", title="Không đổi", participants=20)
    client.force_login(lan)
    url = edit_url(activity)
    version = loaded_version(client, url)
    row = "TH-2025-002,Buổi truyền thông,Không đổi,01/08/2025,,1,Thanh Hóa,,Na Mèo,,,,20,,,"
    assert run_import(ActivityResource, csv_file(row, header=IMPORT_HEADER), name="a.csv").skipped == 1
    assert client.post(url, activity_data(activity, version, notes="Sửa trên máy")).status_code == 302


def test_a_sign_in_list_import_refuses_an_open_activity_form(client, lan):
    activity = ActivityFactory(external_id="TH-9", participants=None)
    client.force_login(lan)
    url = edit_url(activity)
    version = loaded_version(client, url)
    file = csv_file(",Lò Thị Mai,Nữ,1995,Thái,Thanh Hóa,Na Mèo,TH-9,x,", header=PEOPLE)
    assert run_import(ParticipantResource, file, name="p.csv").ok
    # Saving the stale form would have deleted the imported line.
    assert client.post(url, activity_data(activity, version, title="Sửa")).status_code == 200
    assert activity.attendances.count() == 1


def test_a_sign_in_list_import_adding_club_members_moves_the_club_version():
    club = ClubFactory(external_id="CLB-1")
    file = csv_file(",Lò Thị Mai,Nữ,1995,Thái,Thanh Hóa,Na Mèo,,,CLB-1", header=PEOPLE)
    assert run_import(ParticipantResource, file, name="p.csv").ok
    assert Club.objects.get(pk=club.pk).version == club.version + 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has no row locks: its writers take turns")
def test_an_import_locks_the_rows_it_will_update_until_it_commits():
    ActivityFactory(external_id="TH-2025-003")
    row = "TH-2025-003,Buổi truyền thông,Khóa dòng,01/08/2025,,1,Thanh Hóa,,Na Mèo,,,,,,,"
    with CaptureQueriesContext(connection) as captured:
        assert run_import(ActivityResource, csv_file(row, header=IMPORT_HEADER), name="a.csv").ok
    assert any("FOR UPDATE" in query["sql"] for query in captured.captured_queries)


def test_a_resent_phone_draft_does_not_undo_an_edit_made_meanwhile(client, lan):
    client.force_login(lan)
    draft = {
        "kind": "community",
        "title": "Truyền thông tại bản",
        "start_date": "2025-09-10",
        "place": current_commune(NA_MEO).pk,
        "client_uuid": "6f1d7c64-3f7e-4a55-9a34-0d2b1b6f0a11",
        **formset("new"),
    }
    assert client.post("/record/", draft).status_code == 302
    activity = Activity.objects.get(client_uuid=draft["client_uuid"])
    url = edit_url(activity)
    edited = client.post(url, activity_data(activity, loaded_version(client, url), title="Sửa ở văn phòng"))
    assert edited.status_code == 302
    version = Activity.objects.get(pk=activity.pk).version
    # The phone lost the answer and sends the kept draft again.
    again = client.post("/record/", draft)
    assert again["Location"] == f"/record/{activity.pk}/"
    stored = Activity.objects.get(pk=activity.pk)
    assert (stored.title, stored.version) == ("Sửa ở văn phòng", version)


# --- Two saves at the same instant: separate processes, as under a multi-worker server ----------

WRITERS = 4
SETUP = f"""
import datetime
from campaigns.models import Activity
from places.models import Place
Activity.objects.create(
    kind="community", title="Race", start_date=datetime.date(2026, 3, 1), external_id="RACE-1",
    place=Place.objects.get(is_current=True, level="commune", code="{NA_MEO}"),
)
"""
WRITER = """
import os, time
from pathlib import Path
from django.db import transaction
from campaigns.models import Activity
from campaigns.models.versioning import EditConflict
signals, writer = Path(os.environ["SIGNALS"]), os.environ["WRITER"]
activity = Activity.objects.get(external_id="RACE-1")  # both forms loaded
activity.title = f"Saved by writer {writer}"
(signals / f"ready-{writer}").touch()
while not (signals / "go").exists():
    time.sleep(0.005)
try:
    with transaction.atomic():
        activity.save()
        time.sleep(0.5)  # a slow request: the others arrive while this one holds the row
    print("saved", end="")
except EditConflict:
    print("refused", end="")
"""


def run_writers(database_url: str, signals: Path) -> list[str]:
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "0",
        "SIGNALS": str(signals),
    }

    def manage(script: str, writer: int = 0) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "manage.py", "shell", "-c", script],
            cwd=PROJECT,
            env={**environment, "WRITER": str(writer)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    setup = manage(SETUP)
    assert setup.wait(timeout=120) == 0, setup.stderr.read()
    setup.stdout.close(), setup.stderr.close()
    writers = [manage(WRITER, number) for number in range(WRITERS)]
    deadline = time.monotonic() + 120
    while len(list(signals.glob("ready-*"))) < WRITERS and time.monotonic() < deadline:
        time.sleep(0.05)
    (signals / "go").touch()
    outcomes = []
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        outcomes.append(out.strip().splitlines()[-1])  # after what `shell` itself prints
    return outcomes


RACE_ROW = "SELECT title, version FROM campaigns_activity WHERE external_id = 'RACE-1'"


def assert_exactly_one_won(outcomes: list[str], stored: tuple[str, int]) -> None:
    assert sorted(outcomes) == ["refused"] * (WRITERS - 1) + ["saved"]
    winner = outcomes.index("saved")
    assert stored == (f"Saved by writer {winner}", 2)


@pytest.mark.slow("four writer processes")
def test_simultaneous_saves_on_sqlite_exactly_one_wins(site_template, tmp_path):
    if site_template.vendor != "sqlite":
        pytest.skip("SQLite only; PostgreSQL has its own test below")
    database = site_template.new_site(tmp_path)
    signals = tmp_path / "signals"
    signals.mkdir()
    outcomes = run_writers(database, signals)
    with closing(sqlite3.connect(database.removeprefix("sqlite:///"))) as stored:
        row = stored.execute(RACE_ROW).fetchone()
    assert_exactly_one_won(outcomes, tuple(row))


@pytest.mark.slow("four writer processes")
def test_simultaneous_saves_on_postgresql_exactly_one_wins(site_template, tmp_path):
    # A copy of the test database (tests/sites.py): the writers must see committed rows,
    # and the test database itself is not flushed of its places afterwards.
    if site_template.vendor != "postgresql":
        pytest.skip("PostgreSQL only; SQLite has its own test above")
    database = site_template.new_site(tmp_path)
    signals = tmp_path / "signals"
    signals.mkdir()
    outcomes = run_writers(database, signals)
    with psycopg.connect(database) as stored:
        row = stored.execute(RACE_ROW).fetchone()
    site_template.drop(database)
    assert_exactly_one_won(outcomes, tuple(row))
