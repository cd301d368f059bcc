"""A trainer stays signed in on the phone for a trip: weeks, counted from her last use of the
form; an administrator can end it, and signing out ends it."""

import datetime
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from access.roles import TRAINERS
from tests.factories import THANH_HOA, staff

pytestmark = pytest.mark.usefixtures("places")
DAY = datetime.timedelta(days=1)


def later(days: float):
    """The server's clock moved `days` ahead."""
    moved = timezone.now() + days * DAY
    return mock.patch("django.utils.timezone.now", return_value=moved)


def test_the_phone_form_keeps_the_trainer_signed_in_for_four_weeks(client, trainer):
    response = client.get("/record/")
    assert response.status_code == 200
    assert response.cookies["sessionid"]["max-age"] == 28 * 24 * 60 * 60
    assert client.session.get_expiry_age() == 28 * 24 * 60 * 60


def test_each_use_starts_the_period_again(client, trainer):
    client.get("/record/")
    with later(20):
        assert client.get("/record/api/data/").status_code == 200
    with later(45):  # 25 days after her last use: still signed in
        assert client.get("/record/api/data/").status_code == 200
    with later(74):  # 29 days after it: signed out
        assert client.get("/record/api/data/").status_code == 401


def test_the_period_is_a_setting(client, trainer, settings):
    settings.TRAININGS_PHONE_SESSION_DAYS = 3
    client.get("/record/")
    with later(4):
        assert client.get("/record/api/data/").status_code == 401


def test_the_settings_old_name_is_still_read_with_a_warning(settings):
    from trainings.conf import phone_session_days

    settings.PHONE_SESSION_DAYS = 3
    with pytest.warns(DeprecationWarning, match="TRAININGS_PHONE_SESSION_DAYS"):
        assert phone_session_days() == 3
    settings.TRAININGS_PHONE_SESSION_DAYS = 5
    assert phone_session_days() == 5


def test_an_administrator_ends_a_trainers_sessions_everywhere(trainer, client):
    other_phone = Client()
    other_phone.force_login(trainer)
    admin = get_user_model().objects.create_superuser("quan-tri", "qt@example.org", "x")
    office = Client()
    office.force_login(admin)
    url = f"/admin/sessions/{trainer.pk}/end/"
    assert office.get(url).status_code == 200
    assert office.post(url).status_code == 302
    assert client.get("/record/api/data/").status_code == 401
    assert other_phone.get("/record/api/data/").status_code == 401
    assert office.get("/admin/").status_code == 200  # the administrator's own session stays


def test_ending_a_users_sessions_reads_no_session(trainer, django_assert_num_queries):
    """One update, however many sessions the site holds: no session is read or decoded."""
    from trainings.phone_sessions import end_sessions

    for _phone in range(20):
        Client().force_login(staff(TRAINERS, THANH_HOA))
    Client().force_login(trainer)
    with django_assert_num_queries(1):
        end_sessions(trainer)


def test_a_session_signed_in_after_the_end_stays(trainer, client):
    from trainings.phone_sessions import end_sessions

    end_sessions(trainer)
    phone = Client()
    phone.force_login(trainer)
    assert phone.get("/record/api/data/").status_code == 200
    assert client.get("/record/api/data/").status_code == 401


def test_other_users_sessions_stay(trainer):
    from trainings.phone_sessions import end_sessions

    colleague = staff(TRAINERS, THANH_HOA)
    phone = Client()
    phone.force_login(colleague)
    end_sessions(trainer)
    assert phone.get("/record/api/data/").status_code == 200


def test_a_session_made_before_the_generations_is_ended_too(trainer, client):
    """A session signed in before the middleware existed holds no number: it counts as 0."""
    from django.contrib.sessions.models import Session

    from trainings.phone_sessions import GENERATION, end_sessions

    session = client.session
    del session[GENERATION]
    session.save()
    assert client.get("/record/api/data/").status_code == 200
    end_sessions(trainer)
    assert client.get("/record/api/data/").status_code == 401
    assert Session.objects.filter(session_key=session.session_key).count() == 0


def test_the_users_list_offers_the_button_to_administrators(client):
    admin = get_user_model().objects.create_superuser("quan-tri", "qt@example.org", "x")
    client.force_login(admin)
    response = client.get("/admin/users/")
    assert f"/admin/sessions/{admin.pk}/end/".encode() in response.content


def test_nobody_else_may_end_sessions(client):
    manager = staff(TRAINERS, THANH_HOA)
    victim = staff(TRAINERS, THANH_HOA)
    victims_phone = Client()
    victims_phone.force_login(victim)
    client.force_login(manager)
    refused = client.post(f"/admin/sessions/{victim.pk}/end/")
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")  # the admin's "not allowed"
    assert victims_phone.get("/record/api/data/").status_code == 200


def test_signing_out_ends_the_phones_session(client, trainer):
    client.get("/record/")
    client.post("/admin/logout/")
    assert client.get("/record/api/data/").status_code == 401
