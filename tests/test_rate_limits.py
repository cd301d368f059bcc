"""One address asking too often gets a 429 with Retry-After: the sign-in form, the site
search and the public API. Other addresses are not affected."""

import pytest
from django.core.cache import cache


@pytest.fixture
def low_limits(settings, db):
    settings.RATE_LIMITS = {
        "login": "3/min",
        "password_reset": "3/min",
        "search": "3/min",
        "api_anonymous": "3/min",
        "api_staff": "5/min",
    }
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


API = "/api/v1/stats/totals/"


def test_a_forwarded_for_header_sent_straight_to_the_app_is_ignored(client, low_limits, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]  # a proxy exists, but this request did not come through it
    answers = [
        client.get(API, REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code for n in range(4)
    ]
    assert answers == [200, 200, 200, 429]


def test_behind_a_trusted_proxy_each_client_has_its_own_count(client, low_limits, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    for _ in range(3):
        assert client.get(API, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 200
    assert client.get(API, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 429
    assert client.get(API, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 200


def test_behind_a_trusted_proxy_a_forged_left_part_does_not_escape_the_limit(client, low_limits, settings):
    """The proxy appends the address it saw; what the client wrote before it is not read."""
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    answers = [
        client.get(API, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 198.51.100.1").status_code
        for n in range(4)
    ]
    assert answers == [200, 200, 200, 429]


def test_a_chain_of_trusted_proxies_is_walked_from_the_right(rf, settings):
    from core.clientip import client_ip

    settings.TRUSTED_PROXIES = ["10.0.0.0/8", "172.16.0.1"]
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.9, 198.51.100.1, 172.16.0.1")
    assert client_ip(request) == "198.51.100.1"


def test_the_lockout_reads_the_same_address_as_the_limits(client, low_limits, settings, django_user_model):
    """Five wrong passwords lock the user name from that address whatever X-Forwarded-For says."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "login": "100/min"}
    django_user_model.objects.create_user("lan", password="the-Right-password-1")
    for n in range(5):
        client.post(
            "/admin/login/",
            {"username": "lan", "password": "wrong"},
            REMOTE_ADDR="203.0.113.9",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        )
    locked = client.post(
        "/admin/login/",
        {"username": "lan", "password": "the-Right-password-1"},
        REMOTE_ADDR="203.0.113.9",
        HTTP_X_FORWARDED_FOR="198.51.100.77",
    )
    assert locked.status_code == 429  # django-axes's lockout page


def test_password_reset_requests_are_limited_per_address(client, low_limits):
    for _ in range(3):
        sent = client.post("/admin/password_reset/", {"email": "someone@example.org"}, REMOTE_ADDR="203.0.113.5")
        assert sent.status_code in (200, 302)
    refused = client.post("/admin/password_reset/", {"email": "other@example.org"}, REMOTE_ADDR="203.0.113.5")
    assert refused.status_code == 429
    assert client.post(
        "/admin/password_reset/", {"email": "x@example.org"}, REMOTE_ADDR="198.51.100.3"
    ).status_code in (200, 302)


RESET = "/admin/password_reset/"


def test_a_forged_forwarded_for_header_does_not_escape_the_password_reset_limit(client, low_limits, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]  # sent straight to the app, not through the proxy
    answers = [
        client.post(
            RESET, {"email": f"u{n}@example.org"}, REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}"
        ).status_code
        for n in range(4)
    ]
    assert answers[:3] != [429] * 3 and answers[3] == 429


def test_behind_a_trusted_proxy_a_forged_left_part_does_not_escape_the_password_reset_limit(
    client, low_limits, settings
):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    answers = [
        client.post(
            RESET,
            {"email": f"u{n}@example.org"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 198.51.100.1",
        ).status_code
        for n in range(4)
    ]
    assert answers[3] == 429
    other = client.post(RESET, {"email": "x@example.org"}, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert other.status_code in (200, 302)  # another client behind the same proxy has its own count


def test_behind_a_trusted_proxy_a_forged_left_part_does_not_escape_the_sign_in_limit(client, low_limits, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    answers = [
        client.post(
            "/admin/login/",
            {"username": f"someone{n}", "password": "x"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 198.51.100.1",
        ).status_code
        for n in range(4)
    ]
    assert answers == [200, 200, 200, 429]


def test_a_forged_forwarded_for_header_sent_straight_does_not_escape_the_sign_in_limit(client, low_limits):
    answers = [
        client.post(
            "/admin/login/",
            {"username": f"someone{n}", "password": "x"},
            REMOTE_ADDR="203.0.113.9",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        ).status_code
        for n in range(4)
    ]
    assert answers == [200, 200, 200, 429]
