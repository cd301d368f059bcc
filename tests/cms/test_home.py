import pytest

from cms.locales import ensure_english_site
from cms.models import HomePage

pytestmark = pytest.mark.django_db


def test_home_page_is_served_in_vietnamese(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi"' in html
    assert "Phòng, chống mua bán người" in html


def test_home_page_in_english_under_its_prefix(client):
    ensure_english_site(HomePage.objects.get())
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "<h1>Preventing human trafficking</h1>" in html


def test_without_an_english_home_english_readers_are_told_so(client):
    response = client.get("/en/")
    assert response.status_code == 404
    assert "This page has not been translated" in response.content.decode()


def test_the_default_site_is_rooted_at_our_home_page():
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert HomePage.objects.filter(locale__language_code="vi").count() == 1


def test_admin_login_page(client):
    """The sign-in form, in Vietnamese: a username, a password and a button, posted to itself."""
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert response.templates[0].name == "wagtailadmin/login.html"
    html = response.content.decode()
    assert '<html lang="vi"' in html
    form = response.context["form"]
    assert list(form.fields) == ["username", "password", "remember"]
    assert 'name="username"' in html and 'type="password"' in html and 'name="csrfmiddlewaretoken"' in html
    assert "Đăng nhập" in html


def test_admin_requires_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
