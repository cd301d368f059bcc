"""The user guides (docs/guides) in the admin: /admin/guides/, /admin/guides/<role>/ and
/admin/guides/img/<name>.png, for any signed-in admin user, in the admin's language."""

import json
import re
from pathlib import Path

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from access.roles import EDITORS, TRAINERS
from guides.content import LANGUAGES, ROLES
from tests.factories import THANH_HOA, UserFactory, staff

pytestmark = pytest.mark.django_db

DOCS = Path(__file__).resolve().parents[1] / "docs" / "guides"
GUIDES = [(language, role) for language in LANGUAGES for role in ROLES]
MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")
MARKDOWN_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")


def image_sources(html: str) -> list[str]:
    return re.findall(r'<img[^>]*\ssrc="([^"]+)"', html)


def first_heading(language: str, role: str) -> str:
    return (DOCS / language / f"{role}.md").read_text(encoding="utf-8").splitlines()[0].removeprefix("# ")


@pytest.fixture
def editor(client):
    user = staff(EDITORS)
    client.force_login(user)
    return user


@pytest.mark.parametrize("role", ROLES)
def test_a_guide_shows_in_vietnamese_with_its_screenshots(client, editor, role):
    response = client.get(reverse("guides:guide", args=[role]))
    assert response.status_code == 200
    html = response.content.decode()
    assert first_heading("vi", role) in html
    sources = image_sources(html)
    assert sources, "a guide without a single screenshot"
    for source in sources:
        image = client.get(source)
        assert image.status_code == 200, source
        assert image["Content-Type"] == "image/png"
        assert b"".join(image.streaming_content).startswith(b"\x89PNG")


@pytest.mark.parametrize("role", ROLES)
def test_an_admin_who_chose_english_reads_the_english_guide(client, editor, role):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    html = client.get(reverse("guides:guide", args=[role])).content.decode()
    assert first_heading("en", role) in html
    assert first_heading("vi", role) not in html
    for source in image_sources(html):
        assert client.get(source).status_code == 200, source


def test_the_language_links_switch_the_guide(client, editor):
    url = reverse("guides:guide", args=["trainer"])
    assert first_heading("en", "trainer") in client.get(url, {"lang": "en"}).content.decode()
    assert first_heading("vi", "trainer") in client.get(url, {"lang": "vi"}).content.decode()
    assert first_heading("vi", "trainer") in client.get(url, {"lang": "xx"}).content.decode()


def test_the_index_lists_the_four_guides(client, editor):
    html = client.get(reverse("guides:index")).content.decode()
    for role in ROLES:
        assert f'href="{reverse("guides:guide", args=[role])}?lang=vi"' in html
        assert first_heading("vi", role) in html


@pytest.mark.parametrize(
    "url",
    ["/admin/guides/", "/admin/guides/editor/", "/admin/guides/administrator/", "/admin/guides/img/help-menu.png"],
)
def test_anonymous_readers_are_sent_to_the_login_page(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=")


def test_a_user_without_admin_access_is_refused(client):
    client.force_login(UserFactory())
    response = client.get("/admin/guides/trainer/")
    assert response.status_code in (302, 403)
    assert first_heading("vi", "trainer") not in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/guides/nobody/",
        "/admin/guides/img/missing.png",
        "/admin/guides/img/..png",
        "/admin/guides/img/..%2F..%2Fvi%2Feditor.md",
        "/admin/guides/img/..%2Fvi%2Feditor.md",
    ],
)
def test_unknown_guides_and_images_are_not_found(client, editor, url):
    assert client.get(url, follow=True).status_code == 404


def test_the_help_menu_on_the_dashboard_links_to_the_guides(client):
    client.force_login(staff(TRAINERS, THANH_HOA))
    html = client.get("/admin/").content.decode()
    props = re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S)
    sidebar = json.dumps(json.loads(props.group(1)), ensure_ascii=False)
    assert '"label": "Hướng dẫn sử dụng"' in sidebar
    assert '"url": "/admin/guides/"' in sidebar


def test_a_guide_page_has_no_inline_script(client, editor):
    html = client.get(reverse("guides:guide", args=["editor"])).content.decode()
    body = html[html.index('class="guide"') :]
    assert "<script" not in body
    assert not re.search(r"\son[a-z]+=", body), "inline event handler"


@pytest.mark.parametrize(("language", "role"), GUIDES)
def test_every_image_a_guide_shows_is_in_the_repository(language, role):
    text = (DOCS / language / f"{role}.md").read_text(encoding="utf-8")
    images = MARKDOWN_IMAGE.findall(text)
    assert images
    for source in images:
        assert source.startswith("../img/") and source.endswith(".png"), source
        assert (DOCS / language / source).resolve().is_file(), source


@pytest.mark.parametrize(("language", "role"), GUIDES)
def test_every_relative_link_of_a_guide_leads_to_a_file(language, role):
    text = (DOCS / language / f"{role}.md").read_text(encoding="utf-8")
    for target in MARKDOWN_LINK.findall(text):
        if target.startswith(("http://", "https://", "#", "mailto:")):
            continue
        assert (DOCS / language / target.split("#")[0]).resolve().is_file(), target


@pytest.mark.parametrize("role", ROLES)
def test_both_languages_show_the_same_screenshots(role):
    shown = {
        language: MARKDOWN_IMAGE.findall((DOCS / language / f"{role}.md").read_text(encoding="utf-8"))
        for language in LANGUAGES
    }
    assert shown["vi"] == shown["en"]


def test_every_committed_screenshot_is_used_and_small():
    used = {
        Path(source).name
        for language, role in GUIDES
        for source in MARKDOWN_IMAGE.findall((DOCS / language / f"{role}.md").read_text(encoding="utf-8"))
    }
    committed = {path.name for path in (DOCS / "img").glob("*.png")}
    assert committed == used
    for name in committed:
        assert (DOCS / "img" / name).stat().st_size < 150_000, name
