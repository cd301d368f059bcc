"""The phone's data: compressed, incremental (`?since=`), limited to what a trainer records,
with a search for anyone else; a national account does not download the country."""

import gzip
import json
import random
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from access.models import StaffScope
from access.roles import NATIONAL_ADMINS, TRAINERS
from campaigns.models import Activity, ActivityKind, Club
from campaigns.services import save_activity, write_lines
from places.models import Place
from tests.factories import NA_MEO, SON_LA, THANH_HOA, ParticipantFactory, current_commune, son_la_commune, staff
from trainings.models import Attendance, Participant, PhoneRemoval

pytestmark = pytest.mark.usefixtures("places")
DATA = "/record/api/data/"
SESSION = "/record/api/session/"
PEOPLE = "/record/api/people/"
GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}

FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Vũ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Lò",
    "Hà",
    "Cầm",
    "Vi",
    "Sùng",
    "Giàng",
    "Lường",
    "Mùa",
    "Thào",
]
MIDDLE = ["Thị", "Văn", "Đức", "Minh", "Ngọc", "Thu", "Hồng", "Xuân", "Thanh", "Quang", "A", "Seo"]
GIVEN = [
    "Lan",
    "Mai",
    "Hương",
    "Hoa",
    "Sơn",
    "Tuấn",
    "Hùng",
    "Linh",
    "Trang",
    "Thảo",
    "Nga",
    "Dung",
    "Hà",
    "Yến",
    "Phương",
    "Quỳnh",
    "Mỷ",
    "Páo",
    "Chứ",
    "Sềnh",
    "Dế",
    "Pằng",
    "Khánh",
    "Tâm",
    "Hạnh",
    "Nhung",
    "Loan",
    "Vân",
    "Cường",
    "Dũng",
    "Hải",
    "Long",
    "Nam",
    "Bình",
    "Thủy",
    "Thắm",
    "Xuân",
    "Hiền",
]


def wire(response) -> bytes:
    """The answer's body as it went over the wire, and its JSON."""
    return response.content


def read(response) -> dict:
    body = response.content
    if response.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return json.loads(body)


def many_people(count: int, province_code: str = THANH_HOA) -> list[Participant]:
    """`count` people with Vietnamese names in the communes of one province, last changed an hour ago."""
    rng = random.Random(29)
    province = Place.objects.get(is_current=True, level=Place.Level.PROVINCE, code=province_code)
    communes = list(Place.objects.filter(is_current=True, level=Place.Level.COMMUNE, province=province))
    people = [
        Participant(
            full_name=f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
            birth_year=rng.choice([None, *range(1950, 2009)]),
            gender=rng.choice(["female", "male"]),
            commune=rng.choice(communes),
            province=province,
        )
        for _ in range(count)
    ]
    Participant.objects.bulk_create(people, batch_size=2000)
    Participant.objects.update(updated_at=timezone.now() - timedelta(hours=1))
    return people


def older(hours: int = 1) -> None:
    """Everything so far was written `hours` ago, as it is on a phone that synced yesterday."""
    Participant.objects.update(updated_at=timezone.now() - timedelta(hours=hours))
    Activity.objects.update(updated_at=timezone.now() - timedelta(hours=hours))


def old_answer_size(data: dict) -> int:
    """The size of the same data as the endpoint sent it before (objects, whole, uncompressed)."""
    keys = {"communes": ("id", "name", "province"), "clubs": ("id", "name", "place"), "campaigns": ("id", "name")}
    body = {name: [dict(zip(keys[name], row, strict=True)) for row in data[name]] for name in keys}
    body["people"] = [dict(zip(("id", "name", "birth_year", "commune"), row, strict=True)) for row in data["people"]]
    return len(json.dumps(body, ensure_ascii=False).encode())


def test_the_data_of_a_trainer_with_10000_people_is_at_most_150_kb_on_the_wire(client, trainer):
    many_people(10_000)
    response = client.get(DATA, **GZIP)
    data = read(response)
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert len(data["people"]) == 10_000
    assert len(wire(response)) <= 150_000, len(wire(response))
    print(f"\n10,000 people: {old_answer_size(data):,} bytes before, {len(wire(response)):,} bytes gzip now")


def test_a_refresh_after_one_change_is_at_most_5_kb(client, trainer):
    people = many_people(10_000)
    token = read(client.get(DATA, **GZIP))["token"]
    changed = Participant.objects.get(pk=people[17].pk)
    changed.full_name = "Lò Thị Mai"
    changed.save()
    response = client.get(DATA, {"since": token}, **GZIP)
    data = read(response)
    assert len(wire(response)) <= 5_000, len(wire(response))
    row = [changed.pk, "Lò Thị Mai", changed.birth_year, changed.commune_id]
    assert (data["full"], data["people"], data["removed"]) == (False, [row], [])
    assert "communes" not in data and "clubs" not in data and "campaigns" not in data
    print(f"\nrefresh after one change: {len(wire(response)):,} bytes")


def test_a_refresh_with_nothing_changed_sends_no_one(client, trainer):
    many_people(50)
    token = read(client.get(DATA))["token"]
    data = read(client.get(DATA, {"since": token}))
    assert (data["full"], data["people"], data["removed"]) == (False, [], [])


def test_a_deleted_person_reaches_the_phone(client, trainer):
    gone = ParticipantFactory(full_name="Hà Thị Lan")
    ParticipantFactory(full_name="Vi Thị Hoa")
    older()
    token = read(client.get(DATA))["token"]
    gone_id = gone.pk
    gone.delete()
    data = read(client.get(DATA, {"since": token}))
    assert (data["people"], data["removed"]) == ([], [gone_id])


def test_a_person_moved_to_another_province_leaves_its_phones_and_reaches_the_others(client, trainer):
    moving = ParticipantFactory(full_name="Hà Thị Lan")
    son_la = Client()
    son_la.force_login(staff(TRAINERS, SON_LA))
    older()
    ours, theirs = read(client.get(DATA))["token"], read(son_la.get(DATA))["token"]
    moving = Participant.objects.get(pk=moving.pk)
    moving.commune = son_la_commune()
    moving.save()
    here, there = read(client.get(DATA, {"since": ours})), read(son_la.get(DATA, {"since": theirs}))
    assert (here["people"], here["removed"]) == ([], [moving.pk])
    assert ([row[0] for row in there["people"]], there["removed"]) == ([moving.pk], [])
    assert PhoneRemoval.objects.count() == 1


def test_a_new_club_sends_the_clubs_again_and_nothing_else(client, trainer):
    Club.objects.create(name="CLB Na Mèo", place=current_commune(NA_MEO))
    token = read(client.get(DATA))["token"]
    Club.objects.create(name="CLB Pù Nhi", place=current_commune(NA_MEO))
    Club.objects.create(name="CLB Sơn La", place=son_la_commune())
    data = read(client.get(DATA, {"since": token}))
    assert sorted(club[1] for club in data["clubs"]) == ["CLB Na Mèo", "CLB Pù Nhi"]
    assert "communes" not in data and "campaigns" not in data


def test_new_provinces_give_the_whole_data_again(client, trainer):
    ParticipantFactory(full_name="Hà Thị Lan")
    ParticipantFactory(full_name="Cầm Thị Xuân", commune=son_la_commune())
    older()
    token = read(client.get(DATA))["token"]
    StaffScope.objects.get(user=trainer).provinces.add(son_la_commune().province)
    data = read(Client_for(trainer).get(DATA, {"since": token}))
    assert data["full"] is True
    assert sorted(person[1] for person in data["people"]) == ["Cầm Thị Xuân", "Hà Thị Lan"]


def Client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_an_unreadable_or_old_token_gives_the_whole_data(client, trainer):
    ParticipantFactory(full_name="Hà Thị Lan")
    token = read(client.get(DATA))["token"]
    stamp = token.split(".")[1]
    weeks_ago = str(int(stamp) - 8 * 24 * 3600)
    for since in ("nonsense", "1.2.3", token.replace(stamp, weeks_ago, 1)):
        data = read(client.get(DATA, {"since": since}))
        assert (data["full"], [person[1] for person in data["people"]]) == (True, ["Hà Thị Lan"])


def test_the_data_answer_holds_no_secret_and_the_session_answer_is_not_compressed(client, trainer):
    many_people(100)
    data = client.get(DATA, **GZIP)
    session = client.get(SESSION, **GZIP)
    assert data["Content-Encoding"] == "gzip" and "Accept-Encoding" in data["Vary"]
    assert not {"key", "csrf", "owner"} & set(read(data))
    assert "Content-Encoding" not in session
    assert {"key", "csrf", "owner", "user"} <= set(session.json())
    assert "no-store" in data["Cache-Control"] and "no-store" in session["Cache-Control"]


def national_recording(user, people: list[Participant], *, days_ago: int = 3) -> Activity:
    activity = Activity(
        kind=ActivityKind.COMMUNITY,
        title="Truyền thông",
        start_date=timezone.localdate() - timedelta(days=days_ago),
        place=current_commune(NA_MEO),
        recorded_by=user,
    )
    save_activity(activity, user=user, lines=[Attendance(participant=person) for person in people])
    return activity


def test_a_national_account_keeps_only_the_people_of_her_recent_sign_in_lists(client):
    national = staff(NATIONAL_ADMINS)
    client.force_login(national)
    many_people(2_000)
    many_people(2_000, SON_LA)
    listed = list(Participant.objects.order_by("pk")[:3])
    national_recording(national, listed[:2])
    national_recording(national, listed[2:], days_ago=400)  # too long ago
    national_recording(staff(NATIONAL_ADMINS), list(Participant.objects.order_by("pk")[10:20]))  # a colleague's
    response = client.get(DATA, **GZIP)
    data = read(response)
    assert sorted(person[0] for person in data["people"]) == [listed[0].pk, listed[1].pk]
    assert len(data["communes"]) == Place.objects.filter(is_current=True, level=Place.Level.COMMUNE).count()
    print(f"\nnational account, 4,000 people in two provinces: {len(wire(response)):,} bytes gzip")


def test_a_national_accounts_phone_gets_the_people_of_an_imported_sign_in_list(client):
    national = staff(NATIONAL_ADMINS)
    client.force_login(national)
    first, later = ParticipantFactory(full_name="Hà Thị Lan"), ParticipantFactory(full_name="Vi Thị Hoa")
    activity = national_recording(national, [first])
    older()
    token = read(client.get(DATA))["token"]
    write_lines(
        [activity.pk], user=national, write=lambda: Attendance.objects.create(activity=activity, participant=later)
    )
    data = read(client.get(DATA, {"since": token}))
    assert [person[1] for person in data["people"]] == ["Hà Thị Lan", "Vi Thị Hoa"]  # the changed list, whole


def test_the_search_finds_anyone_of_her_provinces_and_no_one_else(client, trainer):
    ParticipantFactory(full_name="Hà Thị Lan")
    ParticipantFactory(full_name="Lò Thị Lan", commune=son_la_commune())
    ParticipantFactory(full_name="Vi Thị Hoa")
    assert [person[1] for person in client.get(PEOPLE, {"q": "Lan"}).json()["people"]] == ["Hà Thị Lan"]
    assert client.get(PEOPLE, {"q": "L"}).json()["people"] == []
    assert client.get(PEOPLE, {"q": "Lan", "commune": son_la_commune().pk}).json()["people"] == []
    assert Client().get(PEOPLE, {"q": "Lan"}).status_code == 401


def test_the_data_is_read_in_a_fixed_number_of_queries(client, trainer, django_assert_num_queries):
    # The session, her sign-in generation, the user, her permissions and provinces (8),
    # communes, clubs, campaigns and people (4), the session kept (3, with its savepoint);
    # since a token, the people who left (1 more), the rows changed read in the people query.
    many_people(500)
    token = read(client.get(DATA))["token"]
    with django_assert_num_queries(15):
        assert client.get(DATA).status_code == 200
    with django_assert_num_queries(16):
        assert client.get(DATA, {"since": token}).status_code == 200


def test_the_form_page_of_a_national_account_lists_only_her_recent_sign_in_lists(client):
    national = staff(NATIONAL_ADMINS)
    client.force_login(national)
    listed, other = ParticipantFactory(full_name="Hà Thị Lan"), ParticipantFactory(full_name="Vi Thị Hoa")
    national_recording(national, [listed])
    page = client.get("/record/")
    assert [person.full_name for person, _ in page.context["people"]] == ["Hà Thị Lan"]
    ticked = client.post("/record/", {"present": [str(other.pk)], "title": ""})
    assert [(person.full_name, checked) for person, checked in ticked.context["people"]] == [
        ("Hà Thị Lan", False),
        ("Vi Thị Hoa", True),
    ]
