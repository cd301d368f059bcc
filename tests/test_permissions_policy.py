"""Permissions-Policy: camera, microphone, position and the rest denied on every answer,
the phone form included (it uses none of them), cached pages too."""

import pytest
from django.core.cache import cache

DENIED = ("camera", "microphone", "geolocation", "payment", "usb")


def features(response) -> dict[str, str]:
    header = response["Permissions-Policy"]
    return dict(part.strip().split("=", 1) for part in header.split(","))


@pytest.mark.parametrize("path", ["/", "/record/", "/admin/login/", "/api/v1/stats/totals/", "/no-such-page/"])
def test_every_answer_denies_the_features_no_page_uses(client, db, path):
    policy = features(client.get(path))
    for feature in DENIED:
        assert policy[feature] == "()", feature


def test_a_cached_public_page_denies_them_too(client, db, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    cache.clear()
    client.get("/")
    cached = client.get("/")
    assert cached["X-Page-Cache"] == "hit"
    assert features(cached)["camera"] == "()"


def test_the_phone_form_asks_for_no_denied_feature():
    """If the phone form ever asks for the position or the camera, the policy must allow it
    there: this test then fails and says so."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "trainings"
    sources = [path.read_text() for path in root.rglob("*") if path.suffix in (".js", ".html")]
    for needle in ("geolocation", "getUserMedia", "mediaDevices", 'capture="'):
        assert not any(needle in source for source in sources), needle
