"""The permission matrix: every URL the project serves, visited by every role, with the
status each must get (tests/security/matrix.py).

The URLs come from the resolver, so a new URL without an entry in the matrix fails
`test_every_url_has_an_entry`. Records that belong to a province are visited twice: one of
province A (the provincial staff's own) and one of province B, which a trainer or manager
of A must never read or change.

To see what the site does now (for a new URL, say): PERMISSION_MATRIX_RECORD=FILE makes
the matrix test write what it observes to FILE, as JSON lines, instead of comparing.
"""

from __future__ import annotations

import json
import os

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client, override_settings

from places.loading import load_places
from places.models import Place
from tests.files.photos import proxy_status
from tests.security.matrix import FILES, LISTED, MATRIX, ROLES_IN_ORDER
from tests.security.routes import Route, all_routes
from tests.security.world import build_world

# The marker makes the test database exist and wraps each test in a transaction (a
# savepoint inside the module's world, see below).
pytestmark = pytest.mark.django_db

ROUTES = {route.route: route for route in all_routes()}
RECORD = os.environ.get("PERMISSION_MATRIX_RECORD")

# What each letter of the matrix stands for.
LETTERS = {
    "O": "200 OK",
    "L": "redirected to sign in",
    "D": "refused: redirected to the admin's home with a message",
    "F": "403 forbidden",
    "N": "404 not found",
    "M": "405 method not allowed",
    "R": "another redirect",
    "B": "400 bad request",
}


def classify(response) -> str:
    code = response.status_code
    if code in (301, 302):
        location = response["Location"]
        if "login/" in location:
            return "L"
        if location in ("/admin/", "http://testserver/admin/"):
            return "D"
        return "R"
    return {200: "O", 403: "F", 404: "N", 405: "M", 400: "B"}.get(code, str(code))


def test_every_url_has_an_entry():
    missing = sorted(set(ROUTES) - set(MATRIX))
    assert not missing, f"URLs without an entry in tests/security/matrix.py: {missing}"


def test_every_entry_is_a_url():
    stale = sorted(set(MATRIX) - set(ROUTES))
    assert not stale, f"Entries in tests/security/matrix.py for URLs that no longer exist: {stale}"


def test_no_provincial_user_reads_another_province():
    """The matrix itself must not allow it: a B record is never 200 for trainer or manager."""
    trainer, manager = ROLES_IN_ORDER.index("trainer"), ROLES_IN_ORDER.index("manager")
    allowed = [
        (route, case)
        for route, cases in MATRIX.items()
        for case, expected in cases.items()
        if case.endswith(" B") and "O" in (expected.split()[trainer], expected.split()[manager])
    ]
    assert not allowed


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once for the module (building it per URL would take minutes) in a transaction
    that is rolled back at the end; each test's own transaction nests inside it. Uploads go
    to files on disk, public and private, as in production, so that documents are served as
    they would be."""
    media, private = tmp_path_factory.mktemp("media"), tmp_path_factory.mktemp("private")
    storages = {
        **settings.STORAGES,
        "public": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(private)}},
    }
    with (
        override_settings(STORAGES=storages, MEDIA_ROOT=str(media), PRIVATE_MEDIA_ROOT=str(private)),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        if not Place.objects.exists():
            load_places()
        world = build_world()
        world.sessions = {role: session_of(user) for role, user in world.users.items()}
        yield world
        transaction.set_rollback(True)


def session_of(user) -> str | None:
    """A signed-in session for the user, kept for the module (signing in per visit is slow)."""
    if user is None:
        return None
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def visit(world, route: Route, case: str, role: str) -> str:
    return visit_url(world, route.url(world.value(case)), role)


def visit_url(world, url: str, role: str) -> str:
    # A fresh client per visit, carrying the role's session: a visit that signs out (or
    # changes cookies) leaves the next one as it was.
    client = Client(raise_request_exception=False)  # a 500 is a status like any other here
    if world.sessions[role]:
        client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[role]
    return classify(client.get(url))


@pytest.mark.parametrize("route", sorted(MATRIX))
def test_each_role_gets_its_status(route, world):
    if route not in ROUTES:
        pytest.skip("no longer a URL (see test_every_entry_is_a_url)")
    observed = {
        case: " ".join(visit(world, ROUTES[route], case, role) for role in ROLES_IN_ORDER) for case in MATRIX[route]
    }
    if RECORD:
        with open(RECORD, "a") as out:
            out.write(json.dumps({"route": route, "observed": observed}) + "\n")
        return
    assert observed == MATRIX[route], f"{route}: observed {observed}, expected {MATRIX[route]} ({LETTERS})"


OTHER_PROVINCE = sorted(
    (route, case) for route, cases in MATRIX.items() for case in cases if case.endswith(" B") and route in ROUTES
)


@pytest.mark.parametrize(("route", "case"), OTHER_PROVINCE)
def test_provincial_staff_cannot_change_another_province_by_post(route, case, world):
    """What a trainer or manager of A may not read, they may not post to either (an edit,
    a delete, a copy): the answer is the same refusal (or 405 where the view takes no
    POST), and the record is unchanged."""
    url = ROUTES[route].url(world.value(case))
    before = world.snapshot_of_b()
    for role in ("trainer", "manager"):
        expected = MATRIX[route][case].split()[ROLES_IN_ORDER.index(role)]
        client = Client(raise_request_exception=False)
        client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[role]
        answer = classify(client.post(url, {"title": "changed", "name": "changed"}))
        assert answer in (expected, "M"), (route, role, answer)  # M: a view that takes no POST at all
    assert world.snapshot_of_b() == before


def test_every_kind_of_file_has_an_entry(world):
    assert sorted(world.files) == sorted(FILES)


@pytest.mark.parametrize("kind", sorted(FILES))
def test_each_role_gets_each_file_as_it_should(kind, world):
    """The file at the address the site gives it (through the application), and where it is
    stored under /media/ (through the proxy, which asks no one who they are)."""
    url = world.files[kind]
    if url.startswith(settings.MEDIA_URL):
        letter = {200: "O", 404: "N"}[proxy_status(url)]
        observed = " ".join(letter for _role in ROLES_IN_ORDER)
    else:
        observed = " ".join(visit_url(world, url, role) for role in ROLES_IN_ORDER)
    assert observed == FILES[kind], f"{kind} ({url}): observed {observed}, expected {FILES[kind]} ({LETTERS})"


def listed_text(response) -> str:
    """What a list shows: the page, a chooser's HTML (sent as JSON) or the API's items."""
    if response.status_code != 200:
        return ""
    if response["Content-Type"].startswith("application/json"):
        data = response.json()
        if "html" in data:
            return data["html"]
        return "\n".join(item["title"] for item in data["items"])
    return response.content.decode()


@pytest.mark.parametrize("listing", sorted(LISTED))
def test_each_role_lists_each_file_as_it_should(listing, world):
    """Lists and choosers of images and documents: what each role finds there, by title.
    A photo of another province, or of any province for an editor, is never listed."""
    observed = {}
    for kind in LISTED[listing]:
        title = world.records[kind].title
        letters = []
        for role in ROLES_IN_ORDER:
            client = Client(raise_request_exception=False)
            if world.sessions[role]:
                client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[role]
            letters.append("+" if title in listed_text(client.get(listing)) else "-")
        observed[kind] = " ".join(letters)
    assert observed == LISTED[listing], f"{listing}: observed {observed}, expected {LISTED[listing]}"
