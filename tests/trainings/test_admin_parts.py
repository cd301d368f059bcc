"""trainings keeps an activity's course and trainers and a club's members in its own tables,
and shows them on campaigns' screens through campaigns' admin parts: the forms read and write
them, the activity's links through campaigns.services with its one version move."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry

from access.roles import MANAGERS
from campaigns.models import Activity, Club
from tests.factories import THANH_HOA, ActivityFactory, ClubFactory, OrganiserFactory, ParticipantFactory, staff
from tests.security.forms import form_data
from trainings.models import ActivityCourse, ActivityTrainer, ClubMember, Course, Trainer

pytestmark = pytest.mark.usefixtures("places")


@pytest.fixture
def manager(client):
    user = staff(MANAGERS, THANH_HOA)
    client.force_login(user)
    return user


@pytest.fixture
def course():
    return Course.objects.create(name="Kỹ năng nhận diện thủ đoạn")


@pytest.fixture
def trainers():
    organiser = OrganiserFactory()
    return [Trainer.objects.create(name=name, organiser=organiser) for name in ("Lò Thị Hoa", "Vi Văn Sơn")]


def edit(client, activity: Activity, **values) -> dict:
    url = f"/admin/activities/edit/{activity.pk}/"
    data = form_data(client.get(url).context["form"])
    data.update(values)
    return data


def writes_to(captured, table: str) -> list[str]:
    return [q["sql"] for q in captured if q["sql"].split(None, 1)[0].upper() != "SELECT" and table in q["sql"]]


def test_the_activity_form_stores_the_course_and_trainers_in_trainings_links(client, manager, course, trainers):
    activity = ActivityFactory()
    data = edit(client, activity, course=str(course.pk), trainers=[str(t.pk) for t in trainers])
    assert client.post(f"/admin/activities/edit/{activity.pk}/", data).status_code == 302
    assert list(ActivityCourse.objects.filter(activity=activity).values_list("course", flat=True)) == [course.pk]
    assert set(ActivityTrainer.objects.filter(activity=activity).values_list("trainer", flat=True)) == {
        trainer.pk for trainer in trainers
    }
    activity.refresh_from_db()
    assert activity.version == 2  # one move for the record and its links
    assert ModelLogEntry.objects.filter(object_id=str(activity.pk), action="wagtail.edit").count() == 1


def test_the_activity_form_shows_the_stored_course_and_trainers(client, manager, course, trainers):
    activity = ActivityFactory()
    ActivityCourse.objects.create(activity=activity, course=course)
    ActivityTrainer.objects.create(activity=activity, trainer=trainers[1])
    data = edit(client, activity)
    assert (data["course"], data["trainers"]) == (str(course.pk), [str(trainers[1].pk)])


def test_an_edit_that_leaves_the_links_as_they_are_writes_none_of_them(client, manager, course, trainers):
    activity = ActivityFactory()
    ActivityCourse.objects.create(activity=activity, course=course)
    ActivityTrainer.objects.create(activity=activity, trainer=trainers[0])
    data = edit(client, activity, title="Buổi truyền thông đã sửa")
    with CaptureQueriesContext(connection) as captured:
        assert client.post(f"/admin/activities/edit/{activity.pk}/", data).status_code == 302
    assert writes_to(captured, "trainings_activitycourse") == []
    assert writes_to(captured, "trainings_activitytrainer") == []
    assert Activity.objects.get(pk=activity.pk).title == "Buổi truyền thông đã sửa"


def test_clearing_the_course_and_one_trainer_deletes_their_links(client, manager, course, trainers):
    activity = ActivityFactory()
    ActivityCourse.objects.create(activity=activity, course=course)
    ActivityTrainer.objects.bulk_create([ActivityTrainer(activity=activity, trainer=t) for t in trainers])
    data = edit(client, activity, course="", trainers=[str(trainers[0].pk)])
    assert client.post(f"/admin/activities/edit/{activity.pk}/", data).status_code == 302
    assert not ActivityCourse.objects.filter(activity=activity).exists()
    assert list(ActivityTrainer.objects.filter(activity=activity).values_list("trainer", flat=True)) == [trainers[0].pk]


def test_a_new_activity_gets_its_course_from_the_add_form(client, manager, course):
    template = ActivityFactory()
    data = edit(client, template, title="Lớp tập huấn mới", external_id="", course=str(course.pk))
    data.pop("version", None)
    assert client.post("/admin/activities/new/", data).status_code == 302
    created = Activity.objects.get(title="Lớp tập huấn mới")
    assert created.course_links.get().course == course


def test_deleting_a_course_removes_it_from_its_activities_and_keeps_them(course):
    activity = ActivityFactory()
    ActivityCourse.objects.create(activity=activity, course=course)
    course.delete()
    assert Activity.objects.filter(pk=activity.pk).exists()
    assert not ActivityCourse.objects.exists()


def test_the_club_form_stores_its_member_list_in_trainings_links(client, manager):
    club = ClubFactory()
    people = [ParticipantFactory(), ParticipantFactory()]
    url = f"/admin/clubs/edit/{club.pk}/"
    data = form_data(client.get(url).context["form"])
    data["members"] = [str(person.pk) for person in people]
    assert client.post(url, data).status_code == 302
    assert set(ClubMember.objects.filter(club=club).values_list("participant", flat=True)) == {p.pk for p in people}
    data = form_data(client.get(url).context["form"])
    assert sorted(data["members"]) == sorted(str(person.pk) for person in people)
    data["members"] = [str(people[1].pk)]
    assert client.post(url, data).status_code == 302
    assert list(ClubMember.objects.filter(club=club).values_list("participant", flat=True)) == [people[1].pk]
    club.refresh_from_db()
    assert club.version == 3  # one move per save


def queries_for_the_club_list(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/admin/clubs/")
    assert response.status_code == 200
    return len(captured)


def test_the_club_list_shows_each_clubs_member_list_in_the_same_queries_for_3_clubs_as_for_9(client, manager):
    clubs = [ClubFactory() for _ in range(3)]
    ClubMember.objects.bulk_create([ClubMember(club=clubs[0], participant=ParticipantFactory()) for _ in range(2)])
    few = queries_for_the_club_list(client)
    for _ in range(6):
        ClubMember.objects.create(club=ClubFactory(), participant=ParticipantFactory())
    assert queries_for_the_club_list(client) == few
    listed = {club.pk: club.listed_members for club in client.get("/admin/clubs/").context["object_list"]}
    assert listed[clubs[0].pk] == 2 and listed[clubs[1].pk] == 0
    assert Club.objects.count() == 9


def test_trainers_changed_meanwhile_show_among_the_differences_of_a_refused_save(client, manager, trainers):
    activity = ActivityFactory()
    stale = edit(client, activity, trainers=[str(trainers[1].pk)])
    fresh = edit(client, activity, trainers=[str(trainers[0].pk)])
    assert client.post(f"/admin/activities/edit/{activity.pk}/", fresh).status_code == 302
    response = client.post(f"/admin/activities/edit/{activity.pk}/", stale)
    assert response.status_code == 200  # refused: the activity changed since the form was loaded
    differences = [(row.saved, row.yours) for row in response.context["edit_conflict"].differences]
    assert ("Lò Thị Hoa", "Vi Văn Sơn") in differences
    assert list(ActivityTrainer.objects.filter(activity=activity).values_list("trainer", flat=True)) == [trainers[0].pk]
