"""Browser tests: Debian's chromium, driven by Playwright, against a real server process.

The server runs `manage.py runserver` on an SQLite file set up the way `make run` sets it
up (migrate, load_places), so the browser sees what a user sees: a copy of the run's
migrated test database with its places (tests/sites.py), or where the run is on another
engine a file migrated from zero. The tests' own setup steps (`manage(…)`) run in one
long-lived Django process beside the server (tests/e2e/worker.py).
Without /usr/bin/chromium these tests are skipped, unless E2E_REQUIRED=1 (CI) makes the
absence a failure.

Waiting: a test waits for what the user waits for (a page's URL, its message, a response),
never for a fixed time. Every wait has one generous ceiling, E2E_TIMEOUT seconds (90 by
default): a busy machine may be slow, and a passing test never waits for the ceiling.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = PROJECT / "test-artifacts"
ADMIN_PASSWORD = "e2e-only-password-not-a-secret"  # lives in a throwaway database
ADMIN = "e2e-admin"
TRAINER = "e2e-trainer"
# The ceiling of every wait, in milliseconds: actions, navigations and expect() alike.
TIMEOUT_MS = int(float(os.environ.get("E2E_TIMEOUT", "90")) * 1000)

# A trainer of Thanh Hóa, and one person already registered in Na Mèo.
TRAINER_SETUP = f"""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from places.models import Place
from access.models import StaffScope
from access.roles import TRAINERS
from trainings.models import Participant
user = get_user_model().objects.create_user("{TRAINER}", password="{ADMIN_PASSWORD}")
user.groups.add(Group.objects.get(name=TRAINERS))
StaffScope.objects.create(user=user).provinces.add(Place.objects.get(is_current=True, level="province", code="38"))
na_meo = Place.objects.get(is_current=True, code="15013")
Participant.objects.create(full_name="Hà Thị Lan", gender="female", ethnicity="Thái", commune=na_meo)
"""

# An administrator and the trainer, on a site migrated and with its places.
USERS_SETUP = (
    f"""
from django.contrib.auth import get_user_model
get_user_model().objects.create_superuser("{ADMIN}", "e2e@example.org", "{ADMIN_PASSWORD}")
"""
    + TRAINER_SETUP
)
# What `make run` sets up (migrate, load_places), for a run whose test database is not SQLite.
SITE_SETUP = """
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
call_command("load_places", verbosity=0)
"""


# The running server's environment, for tests that set up more data with manage.py.
SERVER_ENV: dict = {}
# The process that runs those commands (tests/e2e/worker.py), once the server's database is set up.
WORKER: list[subprocess.Popen] = []


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if Path(item.fspath).is_relative_to(here):
            item.add_marker(pytest.mark.e2e)
            # The server's database is an SQLite file whatever the run's engine (tests/placement.py).
            item.add_marker(pytest.mark.one_engine("browser test against its own SQLite server"))


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if not shutil.which(CHROMIUM):
        message = f"{CHROMIUM} is not installed (apt-get install chromium): browser tests skipped."
        if os.environ.get("E2E_REQUIRED") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return CHROMIUM


def manage(*args: str) -> str:
    """Run a manage.py command against the running server's database; what it printed."""
    assert WORKER, "manage() needs the server (the server_url fixture) running"
    worker = WORKER[0]
    worker.stdin.write(json.dumps(args) + "\n")
    worker.stdin.flush()
    answer = read_answer(worker)
    if not answer["ok"]:
        pytest.fail(f"manage.py {args[0]} failed:\n{answer['stdout'][-2000:]}\n{answer['error'][-4000:]}")
    return answer["stdout"]


def read_answer(worker: subprocess.Popen) -> dict:
    line = worker.stdout.readline()
    if not line:
        pytest.fail(f"The manage.py worker stopped (exit status {worker.wait(timeout=10)}).")
    return json.loads(line)


def start_worker() -> subprocess.Popen:
    worker = subprocess.Popen(
        [sys.executable, "-m", "tests.e2e.worker"],
        cwd=PROJECT,
        env=SERVER_ENV,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=None,  # a traceback of the worker itself shows in the test run's output
        text=True,
    )
    assert read_answer(worker) == {"ready": True}
    return worker


def sign_in(page, server_url: str, username: str = ADMIN, next_url: str = "/admin/") -> None:
    page.goto(f"{server_url}/admin/login/?next={next_url}")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", ADMIN_PASSWORD)
    submit_form(page, page.locator("button[type=submit]"))
    page.wait_for_url(server_url + next_url)


# A session of its own for one user, made on the server's database as Django's test client
# makes one (force_login): the cookie the sign-in form would have set.
NEW_SESSION = """
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
client = Client()
client.force_login(get_user_model().objects.get(username={username!r}))
print(settings.SESSION_COOKIE_NAME, client.cookies[settings.SESSION_COOKIE_NAME].value)
"""


def open_signed_in(page, server_url: str, username: str = ADMIN, next_url: str = "/admin/") -> None:
    """Open `next_url` signed in as `username`, in a new session of its own, without the
    sign-in form: what `sign_in` does for a test about something else, in one page load
    instead of three and a password hash. The tests of signing in and out (test_smoke,
    test_offline) go through the form."""
    name, value = manage("shell", "--no-imports", "-c", NEW_SESSION.format(username=username)).split()[-2:]
    page.context.add_cookies([{"name": name, "value": value, "url": server_url, "httpOnly": True, "sameSite": "Lax"}])
    page.goto(server_url + next_url)
    page.wait_for_url(server_url + next_url)


def submit_form(page, button, status: int = 302):
    """Click a form's button and wait for the server's answer to the POST (what the user
    waits for), then for the page it leads to. A form sent back with errors (200 instead of
    a redirect) fails here, with the page's error messages, not later on a missing element."""

    def sent_by_the_form(response) -> bool:  # not a script's own request (a preview's, say)
        return response.request.method == "POST" and response.request.is_navigation_request()

    with page.expect_response(sent_by_the_form) as answer:
        button.click()
    response = answer.value
    if response.status != status:
        page.wait_for_load_state()
        errors = page.locator(".error-message, .errorlist, .help-critical, .messages").all_inner_texts()
        pytest.fail(f"{response.request.url}: {response.status}, not {status}. {errors}")
    page.wait_for_load_state()
    return response


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def server_url(chromium_path, tmp_path_factory, site_template) -> str:
    folder = tmp_path_factory.mktemp("e2e")
    if site_template.vendor == "sqlite":
        site_template.new_site(folder)  # folder / "site.sqlite3"
    database = folder / "site.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
        "DEBUG": "false",
        # One cache for the server and the `manage` commands the tests run beside it, as
        # Redis is in production: a page published or a language tree made by load_demo
        # must be seen by the server (Wagtail caches the sites' root paths, we cache pages).
        "CACHE_URL": f"filecache://{folder / 'cache'}",
        # Every browser signs in from 127.0.0.1, dozens of times a minute: the limits of one
        # person's address would refuse the run (tests/test_rate_limits.py proves them).
        "RATE_LIMIT_LOGIN": "100000/min",
        "RATE_LIMIT_PASSWORD_RESET": "100000/min",
        "RATE_LIMIT_SEARCH": "100000/min",
        "RATE_LIMIT_API": "100000/min",
    }

    SERVER_ENV.update(env)
    WORKER.append(start_worker())
    if site_template.vendor != "sqlite":
        manage("shell", "-c", SITE_SETUP)
    manage("shell", "-c", USERS_SETUP)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        # Up to twice the ceiling of a wait: on a busy machine Django alone may take a minute to start.
        deadline = time.monotonic() + 2 * TIMEOUT_MS / 1000
        while True:
            try:
                urllib.request.urlopen(url + "/admin/login/", timeout=5)
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"The test server stopped at start (exit status {process.returncode}).")
                if time.monotonic() > deadline:
                    pytest.fail("The test server did not start.")
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
        worker = WORKER.pop()
        worker.stdin.close()  # the worker ends at the end of its input
        worker.wait(timeout=30)
        worker.stdout.close()


@pytest.fixture(scope="session")
def demo_data(server_url) -> str:
    """The demo records and pages (`manage.py load_demo`) in the server's database, loaded
    once for the whole run; the server's address."""
    manage("load_demo")
    return server_url


@pytest.fixture(scope="session")
def browser(chromium_path, server_url):
    # The server (and the test database it is copied from) first: Playwright's sync API runs
    # an event loop in this thread, inside which Django refuses to touch the database.
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=TIMEOUT_MS)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        opened = browser.new_context

        def new_context(*args, **kwargs):
            context = opened(*args, **kwargs)
            context.set_default_timeout(TIMEOUT_MS)
            context.set_default_navigation_timeout(TIMEOUT_MS)
            context.on("console", _note_policy_violation)
            return context

        browser.new_context = new_context
        yield browser
        browser.close()


# What the browser refused under the Content Security Policy, test by test.
POLICY_VIOLATIONS: list[str] = []


def _note_policy_violation(message) -> None:
    if "Content Security Policy" in message.text:
        POLICY_VIOLATIONS.append(f"{message.location.get('url')}: {message.text}")


@pytest.fixture(autouse=True)
def no_policy_violations():
    """Every page a browser test opens runs under the policy without a refusal."""
    POLICY_VIOLATIONS.clear()
    yield
    assert POLICY_VIOLATIONS == []


@pytest.fixture
def phone(browser):
    """A cheap phone's screen: 360 px wide."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    yield context.new_page()
    context.close()


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    yield context.new_page()
    context.close()


@pytest.fixture
def screenshot():
    ARTIFACTS.mkdir(exist_ok=True)

    def take(page, name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
