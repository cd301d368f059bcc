"""The trainer's phone form with no signal at all, in Debian's chromium at 360 px.

The form is opened once online (the service worker keeps its shell, the phone's IndexedDB
the trainer's communes and people), then used offline: records wait on the phone, each
under its own UUID, and are sent one at a time when the connection returns.
With GUIDE_SCREENSHOTS=1 the pictures go to docs/guides/img for the trainer's guide.
"""

import io
import json
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import CHROMIUM, PROJECT, TIMEOUT_MS, TRAINER, manage, sign_in
from tests.e2e.phone import PIN, choose_commune, set_pin, unlock

PHONE = {"width": 360, "height": 740}
GUIDE_IMAGES = PROJECT / "docs" / "guides" / "img"

# What the phone's IndexedDB holds, read by the page itself (the test has no other way in),
# as anyone holding the phone could read it: encrypted parts show as their bytes in hex.
READ_STORE = """async (storeName) => {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open("record-app");
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const rows = await new Promise((resolve) => {
    const request = db.transaction(storeName).objectStore(storeName).getAll();
    request.onsuccess = () => resolve(request.result);
  });
  db.close();
  const hex = (bytes) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");
  return JSON.stringify(rows, (key, value) =>
    value instanceof ArrayBuffer || ArrayBuffer.isView(value) ? hex(value.buffer || value) : value);
}"""

# Everything the phone's IndexedDB holds, decoded as text wherever it can be (UTF-8 and UTF-16).
READ_ALL = """async () => {
  const db = await new Promise((resolve) => {
    const request = indexedDB.open("record-app");
    request.onsuccess = () => resolve(request.result);
  });
  const texts = [];
  const utf8 = new TextDecoder(), utf16 = new TextDecoder("utf-16le");
  const walk = (value) => {
    if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
      const bytes = new Uint8Array(value.buffer || value);
      texts.push(utf8.decode(bytes), utf16.decode(bytes));
    } else if (value && typeof value === "object") Object.values(value).forEach(walk);
    else texts.push(String(value));
  };
  for (const name of db.objectStoreNames) {
    const rows = await new Promise((resolve) => {
      const request = db.transaction(name).objectStore(name).getAll();
      request.onsuccess = () => resolve(request.result);
    });
    walk(rows);
  }
  db.close();
  return texts.join("\\n");
}"""

# Resolves once the service worker is active and controls the page (no eval: the CSP forbids it).
CONTROLLED = """() => navigator.serviceWorker.ready.then(() => new Promise((resolve) => {
  if (navigator.serviceWorker.controller) resolve(true);
  else navigator.serviceWorker.addEventListener("controllerchange", () => resolve(true));
}))"""

CACHED_TEXT = """async () => {
  const texts = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      texts.push(request.url + "\\n" + await response.clone().text());
    }
  }
  return texts;
}"""


@pytest.fixture
def pictures(tmp_path) -> Path:
    if os.environ.get("GUIDE_SCREENSHOTS") == "1":
        GUIDE_IMAGES.mkdir(parents=True, exist_ok=True)
        return GUIDE_IMAGES
    return tmp_path


@pytest.fixture
def shot(pictures):
    """A small PNG of the page (256 colours), as the guides' screenshots are."""
    from PIL import Image

    def take(page, name: str, **options) -> Path:
        raw = page.screenshot(animations="disabled", **options)
        image = Image.open(io.BytesIO(raw)).convert("RGB")
        path = pictures / f"{name}.png"
        image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(path, optimize=True)
        assert path.stat().st_size < 150_000
        return path

    return take


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport=PHONE, locale="vi-VN")
    yield context
    context.close()


def open_form_online(context, server_url: str, user: str = TRAINER, page=None):
    """Sign in and open the form once: the app is installed, its data kept on the phone
    (encrypted) and the trainer's PIN set."""
    page = page or context.new_page()
    sign_in(page, server_url, user, "/record/")
    page.evaluate(CONTROLLED)
    expect(page.locator("body")).to_have_attribute("data-ready", "data", timeout=15000)
    set_pin(page)
    return page


def fill_activity(page, title: str, newcomer: str) -> None:
    page.fill("input[name=title]", title)
    choose_commune(page, "na meo", "Na Mèo (Thanh Hóa)")  # typed without accents
    page.get_by_label("Hà Thị Lan").check()
    page.fill("input[name=new-0-full_name]", newcomer)
    page.fill("input[name=new-0-ethnicity]", "Mông")


def stored(title_start: str) -> list[dict]:
    code = f"""
import json
from campaigns.models import Activity
rows = Activity.objects.filter(title__startswith={title_start!r}).order_by("title")
print(json.dumps([{{"title": a.title, "participants": a.participants, "female": a.female,
    "minority": a.ethnic_minority, "present": a.attendances.filter(present=True).count(),
    "uuid": str(a.client_uuid)}} for a in rows]))
"""
    return json.loads(manage("shell", "-c", code).strip().splitlines()[-1])


def test_three_activities_recorded_offline_are_sent_once_online(context, server_url, shot):
    page = open_form_online(context, server_url)
    context.set_offline(True)
    page.reload()
    expect(page.locator("#record-form[data-shell]")).to_be_visible()
    unlock(page)
    expect(page.locator("#app-status")).to_contain_text("Không có kết nối")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    for number in (1, 2, 3):
        fill_activity(page, f"Sinh hoạt ngoài vùng sóng {number}", f"Vừ Thị Dơ {number}")
        if number == 1:
            page.evaluate("window.scrollTo(0, 0)")
            shot(page, "trainer-offline-form")
        page.get_by_role("button", name="Lưu").click()
        expect(page.locator("#save-result")).to_contain_text("Đã lưu trên máy")
        expect(page.locator("#queue-list .is-pending")).to_have_count(number)
    expect(page.locator("#app-status")).to_contain_text("3 chờ gửi")
    page.locator("#queue").scroll_into_view_if_needed()
    shot(page, "trainer-offline-queue")

    page.close()  # the trainer closes the browser, still without signal
    page = context.new_page()
    page.goto(server_url + "/record/")
    unlock(page)
    expect(page.locator("#queue-list .is-pending")).to_have_count(3)
    assert stored("Sinh hoạt ngoài vùng sóng") == []

    context.set_offline(False)
    expect(page.locator("#queue-list .is-sent")).to_have_count(3, timeout=20000)
    expect(page.locator("body")).to_have_attribute("data-queue", "0")
    expect(page.locator("#app-status")).to_contain_text("Đã gửi hết")
    page.locator("#queue").scroll_into_view_if_needed()
    shot(page, "trainer-offline-sent")
    assert json.loads(page.evaluate(READ_STORE, "outbox")) == []

    rows = stored("Sinh hoạt ngoài vùng sóng")
    assert [row["title"] for row in rows] == [f"Sinh hoạt ngoài vùng sóng {n}" for n in (1, 2, 3)]
    for row in rows:
        assert (row["participants"], row["female"], row["minority"], row["present"]) == (2, 2, 2, 2)
    assert len({row["uuid"] for row in rows}) == 3


def test_a_refused_record_keeps_its_reason_and_can_be_corrected(context, server_url):
    page = open_form_online(context, server_url)
    context.set_offline(True)
    page.fill("input[name=title]", "Buổi nói chuyện có số liệu sai")
    choose_commune(page, "Na Mèo", "Na Mèo (Thanh Hóa)")
    page.fill("input[name=participants]", "3")
    page.fill("input[name=female]", "5")
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator("#queue-list .is-pending")).to_have_count(1)

    context.set_offline(False)
    refused = page.locator("#queue-list .is-refused")
    expect(refused).to_contain_text("bị từ chối", timeout=15000)
    expect(refused).to_contain_text("Trong đó nữ")
    page.reload()
    expect(page.locator("#queue-list .is-refused")).to_have_count(1)
    assert stored("Buổi nói chuyện có số liệu sai") == []

    page.locator("#queue-list .is-refused").get_by_role("button").click()
    expect(page.locator("input[name=female]")).to_have_value("5")
    page.fill("input[name=female]", "2")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_url(server_url + "/record/*/", timeout=15000)
    rows = stored("Buổi nói chuyện có số liệu sai")
    assert [(row["participants"], row["female"]) for row in rows] == [(3, 2)]


def test_an_expired_session_keeps_the_queue_and_asks_to_sign_in(context, server_url):
    page = open_form_online(context, server_url)
    context.set_offline(True)
    fill_activity(page, "Họp dân khi phiên đã hết hạn", "Giàng Thị Pa")
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator("#queue-list .is-pending")).to_have_count(1)

    context.clear_cookies()  # the session ends while the phone is away from signal
    context.set_offline(False)
    expect(page.locator("#queue-signin")).to_be_visible(timeout=15000)
    expect(page.locator("#app-status")).to_contain_text("Đăng nhập lại")
    expect(page.locator("#queue-list .is-pending")).to_have_count(1)
    assert stored("Họp dân khi phiên đã hết hạn") == []

    page.locator("#queue-signin a").click()
    page.fill("input[name=username]", TRAINER)
    page.fill("input[name=password]", "e2e-only-password-not-a-secret")
    page.locator("button[type=submit]").click()
    page.wait_for_url(server_url + "/record/")
    expect(page.locator("#queue-list .is-sent")).to_have_count(1, timeout=15000)
    assert [row["present"] for row in stored("Họp dân khi phiên đã hết hạn")] == [2]


def test_signing_out_clears_the_names_kept_on_the_phone(context, server_url):
    page = open_form_online(context, server_url)
    assert len(json.loads(page.evaluate(READ_STORE, "people"))) == 1
    cached = page.evaluate(CACHED_TEXT)
    assert cached, "the service worker cached the form's shell"
    assert not [text for text in cached if "Hà Thị Lan" in text]

    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url("**/admin/login/**")
    assert page.evaluate(READ_STORE, "people") == "[]"
    assert not [text for text in page.evaluate(CACHED_TEXT) if "Hà Thị Lan" in text]

    context.set_offline(True)
    page.goto(server_url + "/record/")
    expect(page.locator("#record-form[data-shell]")).to_be_visible()
    expect(page.locator("#people")).not_to_contain_text("Hà Thị Lan")


def test_the_form_is_an_installable_app_that_opens_offline(context, server_url):
    page = open_form_online(context, server_url)
    href = page.locator("link[rel=manifest]").get_attribute("href")
    manifest = page.request.get(server_url + href)
    assert manifest.headers["content-type"].startswith("application/manifest+json")
    fields = manifest.json()
    assert fields["start_url"] == fields["scope"] == "/record/"
    assert fields["display"] == "standalone"
    assert fields["name"] and fields["short_name"] and fields["lang"] == "vi"
    sizes = {icon["sizes"] for icon in fields["icons"] if icon["type"] == "image/png"}
    assert {"192x192", "512x512"} <= sizes
    assert any(icon["purpose"] == "maskable" for icon in fields["icons"])
    from PIL import Image

    for icon in fields["icons"]:
        image = Image.open(io.BytesIO(page.request.get(server_url + icon["src"]).body()))
        assert f"{image.width}x{image.height}" == icon["sizes"]

    registration = page.evaluate(
        "navigator.serviceWorker.getRegistration().then(r => ({scope: r.scope, active: !!r.active}))"
    )
    assert registration == {"scope": server_url + "/record/", "active": True}
    cached = page.evaluate(
        "caches.keys().then(async names => (await (await caches.open(names[0])).keys()).map(r => r.url))"
    )
    assert server_url + "/record/shell/" in cached
    assert not [url for url in cached if "/admin/" in url or "/api/" in url or url.endswith("/record/")]

    context.set_offline(True)
    page.reload()
    expect(page.locator("h1")).to_contain_text("Ghi nhận hoạt động")
    page.goto(server_url + "/record/1234/")
    expect(page.locator("h1")).to_contain_text("Không có kết nối")


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two computed CSS colours ("rgb(r, g, b)")."""

    def luminance(colour: str) -> float:
        channels = [int(part) / 255 for part in colour[colour.index("(") + 1 : colour.index(")")].split(",")[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_commune_search_reads_names_without_accents(context, server_url, shot):
    page = open_form_online(context, server_url)
    # Before a commune is chosen the form does not claim that nobody lives there.
    expect(page.locator("#people-empty")).to_be_hidden()
    expect(page.locator("#people-choose")).to_be_visible()
    add = page.locator("#add-row")
    colours = add.evaluate("b => [getComputedStyle(b).color, getComputedStyle(b).backgroundColor]")
    assert contrast(*colours) >= 4.5, colours

    search = page.get_by_role("combobox", name="Xã/phường")
    search.fill("pu nhi")
    options = page.locator("#commune-options [role=option]")
    expect(options.first).to_have_text("Pù Nhi (Thanh Hóa)")
    assert "Sơn La" not in page.locator("#commune-options").inner_text()
    search.fill("na meo")
    page.locator("#commune-search").scroll_into_view_if_needed()
    shot(page, "trainer-commune-search")
    search.press("ArrowDown")
    search.press("Enter")
    expect(search).to_have_value("Na Mèo (Thanh Hóa)")
    expect(page.get_by_label("Hà Thị Lan")).to_be_visible()
    expect(page.locator("#people-empty")).to_be_hidden()

    page.select_option("select[name=kind]", "club_meeting")
    expect(page.locator("select[name=club]")).to_be_visible()
    expect(page.locator("input[name=ethnic_minority]")).to_be_visible()


def test_signing_out_from_the_admin_also_clears_the_phones_names(context, server_url):
    page = open_form_online(context, server_url)
    page.set_viewport_size({"width": 1280, "height": 900})  # the admin's sidebar, unfolded
    page.goto(server_url + "/admin/")
    page.locator(".sidebar-footer__account").click()
    page.locator("#wagtail-sidebar form[action='/admin/logout/'] button").click()
    page.wait_for_url("**/admin/login/**")
    assert page.evaluate(READ_STORE, "people") == "[]"


# The server's clock a day later, for the trainer's session: it was made a day ago. Prints the
# days her session has left.
A_DAY_LATER = """
import datetime
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.utils import timezone
trainer = str(get_user_model().objects.get(username={trainer!r}).pk)
mine = [s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == trainer]
for session in mine:
    session.expire_date -= datetime.timedelta(days={days})
    session.save()
print(max((s.expire_date - timezone.now()).total_seconds() / 86400 for s in mine))
"""


def open_phone_browser(browser, profile: Path):
    """The phone's own browser, with its profile on disk: closing it drops what a browser
    drops when it closes (cookies without an expiry date among them)."""
    context = browser.browser_type.launch_persistent_context(
        str(profile),
        executable_path=CHROMIUM,
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        viewport=PHONE,
        locale="vi-VN",
    )
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    return context


def test_a_trainer_who_reopens_the_browser_a_day_later_sends_her_queue_without_signing_in(
    browser, server_url, tmp_path
):
    profile = tmp_path / "phone-profile"
    context = open_phone_browser(browser, profile)
    page = open_form_online(context, server_url)
    context.set_offline(True)
    fill_activity(page, "Sinh hoạt CLB sau một ngày đi bản", "Lầu Thị Chá")
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator("#queue-list .is-pending")).to_have_count(1)
    context.close()  # the browser is closed, still without signal

    left = float(manage("shell", "-c", A_DAY_LATER.format(trainer=TRAINER, days=1)).split()[-1])
    assert 26.9 < left < 27.1  # four weeks less the day that passed
    context = open_phone_browser(browser, profile)
    context.set_offline(True)
    page = context.pages[0] if context.pages else context.new_page()
    page.goto(server_url + "/record/")
    unlock(page)
    expect(page.locator("#queue-list .is-pending")).to_have_count(1)

    context.set_offline(False)  # signal again: the queue goes by itself, no sign-in
    expect(page.locator("#queue-list .is-sent")).to_have_count(1)
    expect(page.locator("#queue-signin")).to_be_hidden()
    assert [row["present"] for row in stored("Sinh hoạt CLB sau một ngày đi bản")] == [2]
    left = float(manage("shell", "-c", A_DAY_LATER.format(trainer=TRAINER, days=0)).split()[-1])
    assert left > 27.9  # her use started the four weeks again
    context.close()


def test_an_expired_session_leaves_no_readable_name_on_the_phone(context, server_url):
    page = open_form_online(context, server_url)
    context.set_offline(True)
    fill_activity(page, "Họp dân có người mới", "Sùng Thị Mỷ")
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator("#queue-list .is-pending")).to_have_count(1)
    context.clear_cookies()  # her session ends, she never signed out
    context.set_offline(False)
    expect(page.locator("#queue-signin")).to_be_visible()

    context.set_offline(True)
    page.reload()  # someone else picks up the phone, without signal
    expect(page.locator("#pin-unlock")).to_be_visible()
    expect(page.locator("body")).to_have_attribute("data-ready", "empty")
    for name in ("Hà Thị Lan", "Sùng Thị Mỷ"):
        expect(page.locator("body")).not_to_contain_text(name)
        assert name not in page.evaluate(READ_ALL)
    assert len(json.loads(page.evaluate(READ_STORE, "outbox"))) == 1  # kept, encrypted, until sent

    page.fill("#pin-enter", "000000")  # a wrong PIN opens nothing
    page.locator("#pin-open").click()
    expect(page.locator("#pin-unlock-result")).to_contain_text("không đúng")
    expect(page.locator("#queue-list .is-pending")).to_have_count(0)
    unlock(page, PIN)  # her PIN opens her own record (the names were cleared with her session)
    expect(page.locator("#queue-list .is-pending")).to_have_count(1)


SECOND_TRAINER = """
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from access.models import StaffScope
from access.roles import TRAINERS
from places.models import Place
User = get_user_model()
if not User.objects.filter(username="e2e-trainer-2").exists():
    user = User.objects.create_user("e2e-trainer-2", password="e2e-only-password-not-a-secret")
    user.groups.add(Group.objects.get(name=TRAINERS))
    StaffScope.objects.create(user=user).provinces.add(Place.objects.get(is_current=True, level="province", code="38"))
"""


def test_a_second_trainer_on_the_same_phone_never_sees_the_firsts_people_or_queue(context, server_url):
    manage("shell", "-c", SECOND_TRAINER)
    page = open_form_online(context, server_url)
    context.set_offline(True)
    fill_activity(page, "Buổi của người thứ nhất", "Thào Thị Say")
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator("#queue-list .is-pending")).to_have_count(1)
    context.clear_cookies()  # her session ends; a colleague signs in on the same phone
    context.set_offline(False)
    expect(page.locator("#queue-signin")).to_be_visible()
    second = open_form_online(context, server_url, "e2e-trainer-2", page=page)
    expect(second.locator("#queue-list .other")).to_contain_text("1")
    expect(second.locator("#queue-list .is-pending")).to_have_count(0)
    expect(second.locator("#queue")).not_to_contain_text("Buổi của người thứ nhất")
    assert "Thào Thị Say" not in second.evaluate(READ_ALL)
    second.get_by_role("button", name="Đăng xuất").click()
    second.wait_for_url("**/admin/login/**")
    assert "Thào Thị Say" not in second.evaluate(READ_ALL)
    assert len(json.loads(second.evaluate(READ_STORE, "outbox"))) == 1
