import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from places.models import Place

pytestmark = pytest.mark.usefixtures("places")

INDEX = "/admin/places/"


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


def rows(response) -> list[str]:
    return [place.name for place in response.context["object_list"]]


def test_list_shows_places_with_their_province(admin_client):
    response = admin_client.get(INDEX, {"level": "commune", "is_current": "true"})
    assert response.status_code == 200
    assert response.context["paginator"].count == 3321
    assert "Thanh Hóa" in response.content.decode() or "Hà Nội" in response.content.decode()


def test_filter_by_level_and_system(admin_client):
    response = admin_client.get(INDEX, {"level": "province", "is_current": "false"})
    assert response.context["paginator"].count == 63


def test_filter_by_province_includes_the_province_and_its_units(admin_client):
    thanh_hoa = Place.objects.get(is_current=True, level="province", code="38")
    response = admin_client.get(INDEX, {"province": thanh_hoa.pk})
    expected = Place.objects.filter(province=thanh_hoa).count()
    assert response.context["paginator"].count == expected
    assert expected > 100


@pytest.mark.parametrize("query", ["na meo", "Na Mèo", "Xã Na Mèo", "15013"])
def test_search_without_diacritics_prefixes_or_by_code(admin_client, query):
    response = admin_client.get(INDEX, {"q": query, "is_current": "true"})
    assert rows(response) == ["Xã Na Mèo"]


def test_inspect_shows_the_successor(admin_client):
    tien_giang = Place.objects.get(is_current=False, level="province", code="82")
    response = admin_client.get(f"{INDEX}inspect/{tien_giang.pk}/")
    assert response.status_code == 200
    assert "Đồng Tháp" in response.content.decode()


def test_list_query_count_does_not_grow_with_rows(admin_client):
    def queries(params):
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get(INDEX, params).status_code == 200
        return len(captured)

    one_row = queries({"q": "15013"})
    full_page = queries({"level": "commune", "is_current": "false"})
    assert full_page == one_row


def test_places_are_read_only(admin_client):
    for name in ("add", "edit", "delete", "copy"):
        with pytest.raises(NoReverseMatch):
            reverse(f"place:{name}", args=[1] if name != "add" else [])
    place = Place.objects.first()
    assert admin_client.get(f"{INDEX}new/").status_code == 404
    assert admin_client.post(f"{INDEX}edit/{place.pk}/", {"name": "X"}).status_code == 404
    assert admin_client.post(f"{INDEX}delete/{place.pk}/").status_code == 404


def test_staff_without_the_view_permission_are_refused(client, django_user_model):
    user = django_user_model.objects.create_user("editor", password="a-long-test-password")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(INDEX).status_code in {302, 403}


def test_staff_with_the_view_permission_can_browse(client, django_user_model):
    group = Group.objects.create(name="Place readers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_place")
    )
    user = django_user_model.objects.create_user("trainer", password="a-long-test-password")
    user.groups.add(group)
    client.force_login(user)
    response = client.get(INDEX, {"q": "pu nhi", "is_current": "true"})
    assert response.status_code == 200
    assert sorted(rows(response)) == ["Xã Pu Nhi", "Xã Pù Nhi"]


def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get(INDEX)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
