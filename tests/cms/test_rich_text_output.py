"""Rich text is cleaned when it is shown, not only when the editor saves it: a stored
`javascript:` link or event handler never reaches a reader (cms pages, rich text blocks)."""

import pytest
from django.core.cache import cache

from tests.factories import cms as pages

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p>Gọi <b>111</b> <a href="javascript:alert(1)">bấm đây</a>'
    '<img src="x" onerror="alert(2)"><a href="/tin-bai/" onclick="alert(3)">Tin bài</a>'
    '<script>alert(4)</script><a href="https://example.org/">Ngoài</a></p>'
)


def assert_clean(html: str) -> None:
    lowered = html.lower()
    for hostile in ("javascript:", "onerror", "onclick", "alert(4)", "<img"):
        assert hostile not in lowered, hostile
    # What the editor's features give is kept.
    assert "<b>111</b>" in html
    assert '<a href="/tin-bai/">Tin bài</a>' in html
    assert '<a href="https://example.org/">Ngoài</a>' in html
    assert ">bấm đây</a>" in html


def test_the_home_pages_stored_intro_is_cleaned_on_output(client):
    home = pages.home()
    type(home).objects.filter(pk=home.pk).update(intro=HOSTILE)  # past the editor, as an import would
    cache.clear()
    response = client.get("/")
    assert response.status_code == 200
    assert_clean(response.content.decode())


def test_a_rich_text_block_of_a_page_body_is_cleaned_on_output(client):
    page = pages.content_page(body=[("paragraph", HOSTILE)])
    cache.clear()
    response = client.get(page.url)
    assert response.status_code == 200
    assert_clean(response.content.decode())
