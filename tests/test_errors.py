"""Database down: readers get a 503 page with Retry-After, no traceback; the site answers
again as soon as the database does."""

from unittest import mock

from django.db import OperationalError, connection
from django.test import Client


def test_an_unreachable_database_answers_503_and_the_site_recovers(db, caplog):
    client = Client(raise_request_exception=False)
    refused = OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')
    with mock.patch.object(connection, "ensure_connection", side_effect=refused):
        down = client.get("/", HTTP_ACCEPT_LANGUAGE="vi")
    assert down.status_code == 503
    assert down["Retry-After"] == "30"
    page = down.content.decode()
    assert "Traceback" not in page and "5432" not in page
    assert "Những gì bạn đã gửi không bị mất" in page
    assert "Database unreachable" in caplog.text

    assert client.get("/").status_code == 200


def test_other_errors_answer_a_plain_500_page(db):
    client = Client(raise_request_exception=False)
    with mock.patch("wagtail.models.Site.find_for_request", side_effect=ZeroDivisionError("boom")):
        response = client.get("/")
    assert response.status_code == 500
    assert "boom" not in response.content.decode()
