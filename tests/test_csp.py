"""Content Security Policy on every page: scripts only from our origin (or with the
request's nonce), never inline; nothing frames us from elsewhere."""

import re

import pytest
from django.core.cache import cache


def directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in header.split(";") if part.strip())}


@pytest.mark.parametrize("path", ["/", "/search/?q=mua+ban+nguoi", "/api/v1/stats/totals/", "/admin/login/"])
def test_every_answer_carries_a_policy_without_inline_scripts(client, db, path):
    policy = directives(client.get(path))
    assert policy["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_public_pages_have_no_inline_script_or_style(client, db):
    response = client.get("/")
    html = response.content.decode()
    assert "'unsafe-inline'" not in directives(response)["style-src"]
    inline_scripts = [tag for tag in re.findall(r"<script\b[^>]*>", html) if "src=" not in tag and "json" not in tag]
    assert inline_scripts == []
    assert not re.search(r"\son[a-z]+=", html), "inline event handler"
    assert "<style" not in html


def test_the_admin_may_style_inline_but_not_script_inline(client, superuser):
    client.force_login(superuser)
    policy = directives(client.get("/admin/"))
    assert "'unsafe-inline'" in policy["style-src"]
    assert "'unsafe-inline'" not in policy["script-src"]


def test_a_cached_public_page_still_carries_the_policy(client, db, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    cache.clear()
    client.get("/")
    cached = client.get("/")
    assert cached["X-Page-Cache"] == "hit"
    assert directives(cached)["script-src"][0] == "'self'"
