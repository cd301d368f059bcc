"""Every create, change and delete of activities, clubs and sign-in lists lands in Wagtail's audit log."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry

from campaigns.models import Activity, Club
from tests.factories import (
    NA_MEO,
    ActivityFactory,
    ClubFactory,
    DistributionFactory,
    OrganiserFactory,
    ParticipantFactory,
    current_commune,
)
from tests.security.forms import formset

pytestmark = pytest.mark.usefixtures("places")


def activity_form(**overrides) -> dict:
    data = {
        "kind": "training",
        "status": "held",
        "title": "Lớp tập huấn di cư an toàn",
        "start_date": "2025-10-01",
        "sessions": "1",
        "place": current_commune(NA_MEO).pk,
        **formset("attendances"),
    }
    data.update(overrides)
    return data


def actions_for(instance) -> list[str]:
    entries = ModelLogEntry.objects.filter(
        content_type__model=instance._meta.model_name, object_id=str(instance.pk)
    ).order_by("id")
    return [entry.action for entry in entries]


@pytest.fixture
def admin(client, superuser):
    client.force_login(superuser)
    return client


def test_creating_changing_and_deleting_an_activity_is_logged(admin, superuser):
    assert admin.post("/admin/activities/new/", activity_form()).status_code == 302
    activity = Activity.objects.get(title="Lớp tập huấn di cư an toàn")
    assert activity.recorded_by == superuser
    assert (
        admin.post(
            f"/admin/activities/edit/{activity.pk}/",
            activity_form(title="Lớp tập huấn (sửa)", version=activity.version),
        ).status_code
        == 302
    )
    assert admin.post(f"/admin/activities/delete/{activity.pk}/").status_code == 302
    assert actions_for(activity) == ["wagtail.create", "wagtail.edit", "wagtail.delete"]
    assert ModelLogEntry.objects.filter(action="wagtail.edit", user=superuser).exists()


def test_a_sign_in_list_edited_in_the_admin_is_logged_and_decides_the_counts(admin):
    activity = ActivityFactory(participants=40)
    people = [ParticipantFactory(), ParticipantFactory(gender="male", ethnicity="Kinh")]
    rows = [{"participant": person.pk, "present": "on"} for person in people]
    response = admin.post(
        f"/admin/activities/edit/{activity.pk}/",
        activity_form(
            title=activity.title, participants="40", version=activity.version, **formset("attendances", rows)
        ),
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.participants, activity.female, activity.ethnic_minority) == (2, 1, 1)
    assert activity.attendances.count() == 2
    assert actions_for(activity) == ["wagtail.edit"]


def test_club_changes_are_logged(admin):
    club = ClubFactory()
    data = {"name": "CLB đổi tên", "place": club.place_id, "status": "active", "version": club.version}
    assert admin.post(f"/admin/clubs/edit/{club.pk}/", data).status_code == 302
    assert Club.objects.get(pk=club.pk).name == "CLB đổi tên"
    assert actions_for(club) == ["wagtail.edit"]


def test_activity_list_queries_do_not_grow_with_rows(admin):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert admin.get("/admin/activities/").status_code == 200
        return len(captured)

    ActivityFactory()
    one = queries()
    for _ in range(30):
        ActivityFactory(campaign=None)
    assert queries() == one


@pytest.mark.parametrize(
    ("url", "make"),
    [
        ("/admin/clubs/", lambda: ClubFactory(organiser=OrganiserFactory())),
        ("/admin/participants/", lambda: ParticipantFactory()),
        ("/admin/distributions/", lambda: DistributionFactory()),
    ],
)
def test_other_lists_keep_a_constant_number_of_queries(admin, url, make):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert admin.get(url).status_code == 200
        return len(captured)

    make()
    one = queries()
    for _ in range(25):
        make()
    assert queries() == one
