"""Every admin screen of the tracking work opens for a national administrator."""

import pytest

pytestmark = pytest.mark.usefixtures("places")

PREFIXES = [
    "activities",
    "participants",
    "clubs",
    "distributions",
    "campaigns",
    "courses",
    "trainers",
    "organisers",
    "audiences",
    "topics",
    "staff-provinces",
]


@pytest.mark.parametrize("prefix", PREFIXES)
def test_list_and_add_pages_open(client, superuser, prefix):
    client.force_login(superuser)
    assert client.get(f"/admin/{prefix}/").status_code == 200
    assert client.get(f"/admin/{prefix}/new/").status_code == 200


def test_place_chooser_searches_without_diacritics(client, superuser):
    client.force_login(superuser)
    response = client.get("/admin/places/choose/", {"q": "na meo", "is_current": "true"})
    assert response.status_code == 200
    assert "Xã Na Mèo" in response.json()["html"]
