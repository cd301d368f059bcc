"""A phone's UUID belongs to the account that sent it: another account's used UUID answers
exactly as a fresh one would (no way to learn that someone else used it), and the database
keeps each UUID unique per account."""

import uuid

import pytest
from django.db import IntegrityError, transaction

from access.roles import TRAINERS
from campaigns.models import Activity
from tests.factories import THANH_HOA, ActivityFactory, staff
from tests.trainings.test_record_api import payload, send

pytestmark = [pytest.mark.usefixtures("places"), pytest.mark.django_db]


def test_another_accounts_used_uuid_looks_like_a_fresh_one(client, trainer):
    body = payload()
    assert send(client, body).status_code == 201
    other = staff(TRAINERS, THANH_HOA)
    client.force_login(other)
    fresh = send(client, {**payload(), "title": "Một buổi khác"})
    used = send(client, {**body, "title": "Một buổi khác"})
    assert (fresh.status_code, used.status_code) == (201, 201)
    assert used.json()["status"] == fresh.json()["status"] == "stored"
    assert Activity.objects.filter(client_uuid=body["client_uuid"]).count() == 2
    assert Activity.objects.get(client_uuid=body["client_uuid"], recorded_by=other).title == "Một buổi khác"


def test_another_accounts_used_uuid_refused_like_a_fresh_one(client, trainer):
    body = payload()
    send(client, body)
    client.force_login(staff(TRAINERS, THANH_HOA))
    fresh = send(client, {**payload(), "title": ""})
    used = send(client, {**body, "title": ""})
    assert (fresh.status_code, used.status_code) == (400, 400)
    assert fresh.json()["errors"].keys() == used.json()["errors"].keys()


def test_one_account_cannot_use_its_uuid_twice(client, trainer):
    body = payload()
    send(client, body)
    again = send(client, {**body, "title": "Một buổi khác"})
    assert again.status_code == 409
    assert Activity.objects.filter(client_uuid=body["client_uuid"]).count() == 1


def test_the_database_keeps_a_uuid_unique_per_account(trainer):
    key = uuid.uuid4()
    ActivityFactory(client_uuid=key, recorded_by=trainer)
    ActivityFactory(client_uuid=key, recorded_by=staff(TRAINERS, THANH_HOA))
    with pytest.raises(IntegrityError), transaction.atomic():
        ActivityFactory(client_uuid=key, recorded_by=trainer)
