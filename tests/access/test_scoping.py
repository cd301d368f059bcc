"""A user's provinces limit every list and every record view; another province's record is a 404."""

import pytest
from wagtail.users.models import UserProfile

from access.roles import EDITORS, MANAGERS, NATIONAL_ADMINS, TRAINERS
from campaigns.models import Activity
from places.models import Place
from tests.factories import (
    SON_LA,
    THANH_HOA,
    ActivityFactory,
    ClubFactory,
    ParticipantFactory,
    son_la_commune,
    staff,
)

pytestmark = pytest.mark.usefixtures("places")


@pytest.fixture
def records():
    old_thanh_hoa = Place.objects.get(is_current=False, level="province", code=THANH_HOA)
    return {
        "thanh_hoa": ActivityFactory(title="Thanh Hóa now"),
        "thanh_hoa_2019": ActivityFactory(title="Thanh Hóa 2019", place=old_thanh_hoa),
        "son_la": ActivityFactory(title="Sơn La now", place=son_la_commune()),
    }


def listed(client, url="/admin/activities/") -> set[str]:
    response = client.get(url)
    assert response.status_code == 200
    return {str(item) for item in response.context["object_list"]}


@pytest.mark.parametrize("role", [TRAINERS, MANAGERS])
def test_provincial_staff_see_only_their_provinces_then_and_now(client, records, role):
    client.force_login(staff(role, THANH_HOA))
    assert listed(client) == {"Thanh Hóa now", "Thanh Hóa 2019"}


def test_national_administrators_see_every_province(client, records):
    client.force_login(staff(NATIONAL_ADMINS))
    assert listed(client) == {"Thanh Hóa now", "Thanh Hóa 2019", "Sơn La now"}


def test_staff_without_provinces_see_nothing(client, records):
    client.force_login(staff(TRAINERS))
    assert listed(client) == set()


@pytest.mark.parametrize("role", [TRAINERS, MANAGERS])
@pytest.mark.parametrize("view", ["edit", "delete", "inspect", "history"])
def test_another_provinces_record_is_not_found_by_url(client, records, role, view):
    client.force_login(staff(role, THANH_HOA))
    other = records["son_la"]
    assert client.get(f"/admin/activities/{view}/{other.pk}/").status_code == 404
    own = records["thanh_hoa"]
    expected = 302 if (role, view) == (TRAINERS, "delete") else 200  # Wagtail redirects a refusal
    assert client.get(f"/admin/activities/{view}/{own.pk}/").status_code == expected


def test_trainer_cannot_change_another_provinces_record_by_post(client, records):
    client.force_login(staff(TRAINERS, THANH_HOA))
    other = records["son_la"]
    response = client.post(f"/admin/activities/edit/{other.pk}/", {"title": "changed"})
    assert response.status_code == 404
    assert Activity.objects.get(pk=other.pk).title == "Sơn La now"


def test_form_refuses_a_place_outside_the_users_provinces(client, records):
    client.force_login(staff(TRAINERS, THANH_HOA))
    response = client.post(
        "/admin/activities/new/",
        {
            "kind": "community",
            "status": "held",
            "title": "Ngoài tỉnh",
            "start_date": "2025-08-02",
            "sessions": "1",
            "place": son_la_commune().pk,
            "attendances-TOTAL_FORMS": "0",
            "attendances-INITIAL_FORMS": "0",
            "attendances-MIN_NUM_FORMS": "0",
            "attendances-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 200
    assert "place" in response.context["form"].errors
    assert not Activity.objects.filter(title="Ngoài tỉnh").exists()


def test_clubs_are_scoped_too(client):
    ClubFactory(name="CLB Na Mèo")
    ClubFactory(name="CLB Sơn La", place=son_la_commune())
    client.force_login(staff(MANAGERS, SON_LA))
    assert listed(client, "/admin/clubs/") == {"CLB Sơn La"}


def test_editors_have_no_access_to_campaign_records(client, records):
    client.force_login(staff(EDITORS))
    assert client.get("/admin/activities/").status_code in {302, 403}


def test_site_history_lists_only_the_users_provinces(client, records):
    from wagtail.log_actions import log

    participant = ParticipantFactory(full_name="Lường Thị Sơn", commune=son_la_commune())
    for record in (records["thanh_hoa"], records["son_la"], participant):
        log(record, "wagtail.edit")
    client.force_login(staff(TRAINERS, THANH_HOA))
    html = client.get("/admin/reports/site-history/").content.decode()
    assert "Thanh Hóa now" in html
    assert "Sơn La now" not in html
    assert "Lường Thị Sơn" not in html
    client.force_login(staff(NATIONAL_ADMINS))
    html = client.get("/admin/reports/site-history/").content.decode()
    assert "Sơn La now" in html
    assert "Lường Thị Sơn" in html


def test_participant_chooser_answers_only_for_the_users_provinces(client):
    own = ParticipantFactory(full_name="Hà Thị Lan")
    other = ParticipantFactory(full_name="Lường Thị Sơn", commune=son_la_commune())
    client.force_login(staff(TRAINERS, THANH_HOA))
    assert client.get(f"/admin/participants/choose/chosen/{own.pk}/").status_code == 200
    assert client.get(f"/admin/participants/choose/chosen/{other.pk}/").status_code == 404
    chosen = client.get(f"/admin/participants/choose/chosen-multiple/?id={own.pk}&id={other.pk}").json()
    assert [item["title"] for item in chosen["result"]] == ["Hà Thị Lan"]


def test_editors_cannot_look_up_participants(client):
    person = ParticipantFactory(full_name="Hà Thị Lan")
    client.force_login(staff(EDITORS))
    for url in ("/admin/participants/choose/", f"/admin/participants/choose/chosen/{person.pk}/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/admin/", url


@pytest.mark.parametrize("view", ["edit", "inspect", "history"])
def test_a_record_not_found_answers_in_the_admins_language_the_same_as_one_of_another_province(client, records, view):
    user = staff(TRAINERS, THANH_HOA)
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "vi"})
    client.force_login(user)
    # An office machine or a phone set to English: the admin's own language still wins.
    other = client.get(f"/admin/activities/{view}/{records['son_la'].pk}/", HTTP_ACCEPT_LANGUAGE="en")
    missing = client.get(f"/admin/activities/{view}/999999/", HTTP_ACCEPT_LANGUAGE="en")
    assert other.status_code == missing.status_code == 404
    html = other.content.decode()
    assert "Không tìm thấy trang" in html and "could not be found" not in html
    assert html == missing.content.decode()  # nothing tells that the record exists elsewhere


def test_an_admin_who_chose_english_gets_the_page_not_found_in_english(client, records):
    user = staff(TRAINERS, THANH_HOA)
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    client.force_login(user)
    html = client.get(f"/admin/activities/edit/{records['son_la'].pk}/").content.decode()
    assert "could not be found" in html
