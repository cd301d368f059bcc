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


def campaign_form(coverage: str) -> dict:
    data = {"code": "DHPNBC", "name": "Đồng hành cùng phụ nữ biên cương", "start_date": "2018-01-01"}
    for prefix in ("documents", "targets"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0", f"{prefix}-MIN_NUM_FORMS": "0"})
        data[f"{prefix}-MAX_NUM_FORMS"] = "1000"
    data["coverage"] = coverage
    return data


def test_campaign_coverage_is_typed_as_place_names(client, superuser):
    from campaigns.models import Campaign

    client.force_login(superuser)
    response = client.post("/admin/campaigns/new/", campaign_form("Na Mèo, Quan Sơn\nPù Nhi, Mường Lát\n\nthanh hoa"))
    assert response.status_code == 302
    coverage = Campaign.objects.get(code="DHPNBC").coverage.all()
    assert sorted((place.name, place.is_current) for place in coverage) == [
        ("Tỉnh Thanh Hóa", True),
        ("Xã Na Mèo", False),
        ("Xã Pù Nhi", False),
    ]
    edit = client.get(f"/admin/campaigns/edit/{Campaign.objects.get(code='DHPNBC').pk}/")
    assert "Xã Na Mèo, Huyện Quan Sơn" in edit.content.decode()


def test_campaign_coverage_names_the_line_of_an_unknown_place(client, superuser):
    client.force_login(superuser)
    response = client.post("/admin/campaigns/new/", campaign_form("Na Mèo, Quan Sơn\nAtlantis"))
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["coverage"])
    assert "2" in errors and "Atlantis" in errors


def test_unknown_counts_are_shown_as_unknown_not_as_zero(client, superuser):
    from tests.factories import ActivityFactory

    ActivityFactory(title="Không có số liệu", participants=None, sessions=None)
    client.force_login(superuser)
    html = client.get("/admin/activities/").content.decode()
    assert html.count("không rõ") == 2
