"""What lets the phone keep a trainer's records encrypted: her account's code and wrapping key,
given only to her signed-in session; signing out tells the browser to forget the site."""

import base64

import pytest
from django.test import Client

from access.roles import TRAINERS
from tests.factories import THANH_HOA, staff

pytestmark = pytest.mark.usefixtures("places")
SESSION = "/record/api/session/"


def test_the_session_answer_gives_the_trainer_her_code_and_key(client, trainer):
    body = client.get(SESSION).json()
    assert len(base64.b64decode(body["key"])) == 32
    assert trainer.get_username() not in body["owner"]
    assert body["key"] == client.get(SESSION).json()["key"]  # the same key on every visit: it opens what she kept


def test_each_trainer_has_her_own_code_and_key(client, trainer):
    colleague = Client()
    colleague.force_login(staff(TRAINERS, THANH_HOA))
    mine, theirs = client.get(SESSION).json(), colleague.get(SESSION).json()
    assert (mine["owner"] != theirs["owner"], mine["key"] != theirs["key"]) == (True, True)


def test_an_ended_session_gets_no_key(client):
    response = client.get(SESSION)
    assert response.status_code == 401
    assert "key" not in response.json()
    assert response["Clear-Site-Data"] == '"cache"'


def test_the_key_is_never_kept_by_a_cache(client, trainer):
    assert "no-store" in client.get(SESSION)["Cache-Control"]


def test_signing_out_tells_the_browser_to_forget_the_site(client, trainer):
    response = client.post("/admin/logout/")
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "cookies"'
