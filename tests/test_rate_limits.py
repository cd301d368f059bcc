"""One address asking too often gets a 429 with Retry-After: the sign-in form, the site
search and the public API. Other addresses are not affected."""

import pytest
from django.core.cache import cache


@pytest.fixture
def low_limits(settings, db):
    settings.RATE_LIMITS = {"login": "3/min", "search": "3/min", "api_anonymous": "3/min", "api_staff": "5/min"}
    cache.clear()
    yield
    cache.clear()


def test_the_public_api_answers_429_beyond_its_rate(client, low_limits):
    for _ in range(3):
        assert client.get("/api/v1/stats/totals/", REMOTE_ADDR="203.0.113.7").status_code == 200
    refused = client.get("/api/v1/stats/totals/", REMOTE_ADDR="203.0.113.7")
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    assert "throttled" in refused.json()["detail"]
    assert client.get("/api/v1/stats/totals/", REMOTE_ADDR="198.51.100.20").status_code == 200


def test_staff_have_their_own_higher_api_rate(client, superuser, low_limits):
    client.force_login(superuser)
    answers = [client.get("/api/v1/stats/totals/").status_code for _ in range(6)]
    assert answers == [200] * 5 + [429]


def test_a_forged_forwarded_for_header_does_not_escape_the_limit(client, low_limits):
    answers = [
        client.get("/api/v1/stats/totals/", REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}").status_code
        for n in range(4)
    ]
    assert answers[-1] == 429


def test_sign_in_attempts_are_limited_per_address(client, low_limits):
    for n in range(3):
        response = client.post("/admin/login/", {"username": f"someone{n}", "password": "x"}, REMOTE_ADDR="203.0.113.9")
        assert response.status_code == 200
    refused = client.post("/admin/login/", {"username": "someone9", "password": "x"}, REMOTE_ADDR="203.0.113.9")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert client.get("/admin/login/", REMOTE_ADDR="203.0.113.9").status_code == 200  # the form itself is not limited


@pytest.mark.parametrize(("path", "message"), [("/search/", "Quá nhiều yêu cầu"), ("/en/search/", "Too many requests")])
def test_search_is_limited_per_address(client, low_limits, path, message):
    for _ in range(3):
        assert client.get(path, {"q": "mua ban nguoi"}).status_code != 429
    refused = client.get(path, {"q": "mua ban nguoi"})
    assert refused.status_code == 429
    assert message in refused.content.decode()
