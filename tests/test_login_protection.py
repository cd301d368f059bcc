"""Password guessing: five wrong passwords for one username from one address lock that
pair out for 30 minutes with a 429 page; other people and other addresses are not affected."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model

LOGIN = "/admin/login/"
PASSWORD = "a-long-test-password"


@pytest.fixture
def trainer(db):
    return get_user_model().objects.create_user("lan.trainer", password=PASSWORD, is_staff=False)


def attempt(client, username, password, address="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_five_wrong_passwords_lock_the_username_from_that_address(client, trainer):
    for _ in range(4):
        assert attempt(client, "lan.trainer", "wrong").status_code == 200  # the form again, with its error
    locked = attempt(client, "lan.trainer", "wrong")
    assert locked.status_code == 429
    assert "30" in locked.content.decode()

    right_password = attempt(client, "lan.trainer", PASSWORD)
    assert right_password.status_code == 429
    assert "_auth_user_id" not in client.session

    # Another address, or another user from the same address, can still sign in.
    elsewhere = attempt(client, "lan.trainer", PASSWORD, address="198.51.100.20")
    assert elsewhere.status_code == 302
    assert client.session["_auth_user_id"] == str(trainer.pk)


def test_the_lockout_ends_after_thirty_minutes(client, trainer):
    for _ in range(5):
        attempt(client, "lan.trainer", "wrong")
    assert attempt(client, "lan.trainer", PASSWORD).status_code == 429

    thirty_one_minutes_ago = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=31)
    AccessAttempt.objects.update(attempt_time=thirty_one_minutes_ago)
    assert attempt(client, "lan.trainer", PASSWORD).status_code == 302


def test_a_successful_login_clears_the_count(client, trainer):
    for _ in range(4):
        attempt(client, "lan.trainer", "wrong")
    assert attempt(client, "lan.trainer", PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert attempt(client, "lan.trainer", "wrong").status_code == 200
