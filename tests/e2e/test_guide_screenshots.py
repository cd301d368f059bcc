"""The user guides' screenshots, taken while walking each role's main steps in the
Vietnamese interface: editor, reviewer, trainer (on a phone), manager, administrator.

With GUIDE_SCREENSHOTS=1 the pictures are written into docs/guides/img (optimised, each
under 150 KB); otherwise into a temporary folder, so that an ordinary run changes no
committed file. Every step asserts what the page shows, wherever the pictures go.
"""

import io
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ADMIN_PASSWORD, PROJECT, manage, open_signed_in, submit_form
from tests.e2e.phone import choose_commune

GUIDE_IMAGES = PROJECT / "docs" / "guides" / "img"
MAX_BYTES = 150_000
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}

EDITOR, REVIEWER, TRAINER, MANAGER, ADMIN = "hoa.bientap", "lan.duyetbai", "mai.taphuan", "binh.quanly", "ha.quantri"
ARTICLE = "Na Mèo ra mắt câu lạc bộ phòng, chống mua bán người"
# The reviewer's own article, submitted for review by the editor in its setup: the
# reviewer's test does not depend on the editor's having run first.
SUBMITTED = "Pù Nhi họp dân về thủ đoạn lừa đi làm xa"
ACTIVITY_CODE = "TH-2026-001"

SETUP = f"""
import datetime
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from campaigns.models import Activity
from places.models import Place
from access.models import StaffScope
from access.roles import EDITORS, MANAGERS, TRAINERS
from cms.models import ArticleIndexPage, LeafletIndexPage
from trainings.models import Participant
User = get_user_model()
thanh_hoa = Place.objects.get(is_current=True, level="province", code="38")
na_meo = Place.objects.get(is_current=True, level="commune", code="15013")
people = [
    ("{EDITOR}", "Nguyễn Thị Hoa", EDITORS, False),
    ("{REVIEWER}", "Trần Thị Lan", "Moderators", False),
    ("{TRAINER}", "Lò Thị Mai", TRAINERS, True),
    ("{MANAGER}", "Phạm Thanh Bình", MANAGERS, True),
    ("{ADMIN}", "Đặng Thu Hà", None, False),
]
# Vietnamese names in their own order: family name first, all in first_name.
for username, name, group, scoped in people:
    user, _ = User.objects.get_or_create(username=username)
    user.first_name, user.last_name = name, ""
    user.set_password("{ADMIN_PASSWORD}")
    user.is_superuser = user.is_staff = group is None
    user.save()
    if group:
        user.groups.add(Group.objects.get(name=group))
    if scoped:
        StaffScope.objects.get_or_create(user=user)[0].provinces.add(thanh_hoa)
for name, gender, year in (("Vi Thị Hương", "female", 1998), ("Lương Văn Tú", "male", 1990)):
    known = {{"gender": gender, "birth_year": year, "ethnicity": "Thái", "commune": na_meo}}
    Participant.objects.get_or_create(full_name=name, defaults=known)
activity, _ = Activity.objects.get_or_create(
    external_id="{ACTIVITY_CODE}",
    defaults={{"title": "Tập huấn kỹ năng nhận biết thủ đoạn mua bán người", "kind": "training",
              "start_date": datetime.date(2026, 3, 12), "place": na_meo}},
)
vi = dict(locale__language_code='vi')
print(ArticleIndexPage.objects.get(**vi).pk, LeafletIndexPage.objects.get(**vi).pk, activity.pk)
"""

# An article the editor wrote and submitted for review, as the editor's test leaves one.
SUBMIT_FOR_REVIEW = f"""
from django.contrib.auth import get_user_model
from cms.models import ArticleIndexPage, ArticlePage
editor = get_user_model().objects.get(username="{EDITOR}")
index = ArticleIndexPage.objects.get(locale__language_code="vi")
page = ArticlePage.objects.filter(title="{SUBMITTED}").first()
if page is None:
    page = ArticlePage(
        title="{SUBMITTED}", slug="pu-nhi-hop-dan-cho-duyet", live=False, author="Hội LHPN tỉnh Thanh Hóa",
        summary="Chị em bản Pù Nhi nghe kể các thủ đoạn lừa đi làm xa.",
    )
    index.add_child(instance=page)
page.save_revision(user=editor)
if not page.workflow_in_progress:
    page.get_workflow().start(page, editor)
print(page.pk)
"""


@pytest.fixture(scope="module")
def site(demo_data) -> dict:
    article_index, leaflet_index, activity = manage("shell", "-c", SETUP).split()[-3:]
    return {"url": demo_data, "article_index": article_index, "leaflet_index": leaflet_index, "activity": activity}


@pytest.fixture(scope="module")
def pictures(tmp_path_factory) -> Path:
    if os.environ.get("GUIDE_SCREENSHOTS") == "1":
        GUIDE_IMAGES.mkdir(parents=True, exist_ok=True)
        return GUIDE_IMAGES
    return tmp_path_factory.mktemp("guide-images")


@pytest.fixture
def shot(pictures):
    """Save a screenshot as a small PNG: a palette of 256 colours, optimised."""
    from PIL import Image

    def take(target, name: str, **options) -> Path:
        raw = target.screenshot(animations="disabled", **options)
        image = Image.open(io.BytesIO(raw)).convert("RGB")
        small = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        path = pictures / f"{name}.png"
        small.save(path, optimize=True)
        assert path.stat().st_size < MAX_BYTES, f"{name}.png: {path.stat().st_size} bytes"
        return path

    return take


@pytest.fixture
def open_as(browser, site):
    """A signed-in page in Vietnamese, at desktop size unless a viewport is given."""
    contexts = []

    def signed_in_page(username: str, viewport: dict = DESKTOP, next_url: str = "/admin/"):
        context = browser.new_context(viewport=viewport, locale="vi-VN")
        contexts.append(context)
        page = context.new_page()
        open_signed_in(page, site["url"], username, next_url)
        return page

    yield signed_in_page
    for context in contexts:
        context.close()


def open_footer_menu(page) -> None:
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()


def test_the_help_menu_leads_to_the_guides(open_as, site, shot):
    page = open_as(ADMIN)
    page.get_by_role("button", name="Trợ giúp").click()
    guides = page.get_by_role("link", name="Hướng dẫn sử dụng")
    expect(guides).to_be_visible()
    shot(page, "help-menu", clip={"x": 0, "y": 0, "width": 640, "height": 560})
    guides.click()
    page.wait_for_url(site["url"] + "/admin/guides/")
    expect(page.locator(".guide-card")).to_have_count(4)
    page.locator(".guide-card a").first.click()
    picture = page.locator(".guide__body img").first
    expect(picture).to_be_visible()
    picture.scroll_into_view_if_needed()
    # Visible is not loaded: wait until the browser has the picture (fails after the timeout).
    page.wait_for_function(
        "() => { const img = document.querySelector('.guide__body img'); return img.complete && img.naturalWidth > 0; }"
    )
    shot(page, "guide-page")


def test_editor_writes_an_article_and_submits_it_for_review(open_as, site, shot):
    page = open_as(EDITOR)
    page.goto(f"{site['url']}/admin/pages/{site['article_index']}/")
    expect(page.locator("table.listing")).to_contain_text("Thanh Hóa: chặn mua bán người")
    shot(page, "editor-articles")

    page.goto(f"{site['url']}/admin/pages/add/cms/articlepage/{site['article_index']}/")
    page.fill("#id_title", ARTICLE)
    page.fill("#id_author", "Hội LHPN tỉnh Thanh Hóa")
    page.fill("#id_summary", "Hơn sáu mươi chị em người Thái ở xã biên giới Na Mèo cùng sinh hoạt câu lạc bộ.")
    shot(page, "editor-new-article")

    page.get_by_label("Di cư an toàn").check()
    page.get_by_label("Phụ nữ dân tộc thiểu số").check()
    page.get_by_label("Tỉnh Thanh Hóa").check()
    page.locator("section").filter(has=page.get_by_text("Phân loại", exact=True)).last.evaluate(
        "panel => panel.scrollIntoView({block: 'start', inline: 'nearest'})"
    )
    shot(page, "editor-classification")

    submit_form(page, page.locator("footer button.action-save"))
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    expect(page.locator(".messages")).to_contain_text(ARTICLE)

    page.locator("[data-side-panel-toggle='status']").click()
    page.get_by_role("button", name="Đặt lịch").click()
    dialog = page.locator("#schedule-publishing-dialog")
    expect(dialog.locator("input[name=go_live_at]")).to_be_visible()
    shot(page, "editor-schedule")
    dialog.get_by_role("button", name="Đóng hộp thoại").click()

    page.locator("[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("iframe[title]").first
    expect(preview.locator("h1")).to_contain_text(ARTICLE)
    shot(page, "editor-preview")
    page.locator("[data-side-panel-toggle='preview']").click()

    open_footer_menu(page)
    submit = page.locator("button[name='action-submit']")
    expect(submit).to_be_visible()
    shot(page, "editor-submit")
    submit_form(page, submit)
    expect(page.locator(".messages")).to_contain_text(ARTICLE)
    state = f"from wagtail.models import Page; print(Page.objects.get(title='{ARTICLE}').workflow_in_progress)"
    assert manage("shell", "-c", state).split()[-1] == "True"


def test_editor_uploads_a_leaflet_pdf_and_makes_its_page(open_as, site, shot, tmp_path):
    pdf = tmp_path / "to-roi-di-lam-xa-an-toan.pdf"
    pdf.write_bytes(_small_pdf())
    page = open_as(EDITOR)
    page.goto(f"{site['url']}/admin/documents/multiple/add/")
    page.set_input_files("#fileupload", str(pdf))
    uploaded = page.locator("#upload-list li").first
    expect(uploaded.locator("input[name$=title]")).to_have_value("to-roi-di-lam-xa-an-toan")
    shot(page, "editor-upload-pdf")

    page.goto(f"{site['url']}/admin/pages/add/cms/leafletpage/{site['leaflet_index']}/")
    page.fill("#id_title", "Đi làm xa an toàn (bản tiếng Thái)")
    page.fill("#id_summary", "Năm điều cần nhớ trước khi nhận lời đi làm xa, in cho chị em người Thái.")
    page.get_by_role("button", name="Chọn tài liệu").click()
    page.locator(".modal-content").get_by_role("link", name="to-roi-di-lam-xa-an-toan").first.click()
    expect(page.locator("[data-chooser-title]").first).to_have_text("to-roi-di-lam-xa-an-toan")
    shot(page, "editor-new-leaflet")


def test_reviewer_approves_and_the_article_goes_live(open_as, site, shot):
    page_id = manage("shell", "-c", SUBMIT_FOR_REVIEW).split()[-1]
    page = open_as(REVIEWER)
    expect(page.locator("main")).to_contain_text(SUBMITTED)
    shot(page, "reviewer-dashboard")
    page.get_by_role("link", name=SUBMITTED).first.click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{page_id}/edit/$"))
    approve = page.locator("button[data-workflow-action-name='approve']").first
    if not approve.is_visible():
        open_footer_menu(page)
    expect(approve).to_be_visible()
    shot(page, "reviewer-approve")
    submit_form(page, approve)
    expect(page.locator(".messages")).to_contain_text(SUBMITTED)
    page.goto(site["url"] + "/tin-bai/")
    expect(page.locator("main")).to_contain_text(SUBMITTED)


def test_trainer_records_a_session_on_a_phone(open_as, site, shot):
    page = open_as(TRAINER, PHONE, "/record/")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.select_option("select[name=kind]", "community")
    page.fill("input[name=title]", "Truyền thông phòng, chống mua bán người ở bản Na Mèo")
    choose_commune(page, "Na Mèo", "Na Mèo (Thanh Hóa)")
    page.get_by_label("Phụ nữ dân tộc thiểu số").check()
    page.evaluate("window.scrollTo(0, 0)")
    shot(page, "trainer-phone-form")

    page.get_by_label("Vi Thị Hương").check()
    page.fill("input[name=new-0-full_name]", "Lò Thị Xuân")
    page.fill("input[name=new-0-birth_year]", "2001")
    page.fill("input[name=new-0-ethnicity]", "Thái")
    page.locator("#people").scroll_into_view_if_needed()
    page.evaluate("document.getElementById('people').scrollIntoView()")
    shot(page, "trainer-phone-attendees")

    page.get_by_role("button", name="Lưu").click()
    page.wait_for_url(site["url"] + "/record/*/")
    expect(page.locator("main")).to_contain_text("danh sách: 2")
    shot(page, "trainer-phone-saved")


def test_trainer_without_a_connection_keeps_the_draft(open_as, site, shot):
    page = open_as(TRAINER, PHONE, "/record/")
    page.fill("input[name=title]", "Họp dân bản Pù Nhi, ghi khi không có mạng")
    choose_commune(page, "Pù Nhi", "Pù Nhi (Thanh Hóa)")
    page.context.set_offline(True)
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator("#app-status")).to_contain_text("Không có kết nối")
    page.evaluate("window.scrollTo(0, 0)")
    shot(page, "trainer-phone-offline")
    # Closed while still offline: an open page back online sends the draft itself, and its
    # navigation would race a goto (net::ERR_ABORTED on a busy machine).
    context = page.context
    page.close()
    context.set_offline(False)
    page = context.new_page()
    page.goto(site["url"] + "/record/")
    sent = page.locator("#queue-list .is-sent")
    expect(sent).to_contain_text("Họp dân bản Pù Nhi, ghi khi không có mạng")


def test_trainer_prints_a_sign_in_sheet_and_imports_it(open_as, site, shot, tmp_path):
    page = open_as(TRAINER)
    page.goto(site["url"] + "/admin/activities/?q=nh%E1%BA%ADn+bi%E1%BA%BFt")
    row = page.locator("table.listing tbody tr").first
    row.locator("[data-w-dropdown-target='toggle']").click()
    sheet = row.get_by_role("link", name="Danh sách ký tên")
    expect(sheet).to_be_visible()
    shot(page, "trainer-activity-menu", clip={"x": 0, "y": 0, "width": 1280, "height": 400})
    sheet.click()
    expect(page.get_by_role("button", name="In")).to_be_visible()
    expect(page.locator("body")).to_contain_text(ACTIVITY_CODE)
    shot(page, "trainer-sign-in-sheet")

    page.goto(site["url"] + "/admin/participants/")
    page.locator("header button[aria-label='Thao tác']").click()
    expect(page.get_by_role("link", name="Nhập từ tệp")).to_be_visible()
    expect(page.get_by_role("link", name="Tải tệp mẫu")).to_be_visible()
    shot(page, "trainer-import-menu", clip={"x": 0, "y": 0, "width": 1280, "height": 400})

    header = "Mã;Họ và tên;Giới tính;Năm sinh;Dân tộc;Tỉnh/Thành phố;Xã/Phường;Mã hoạt động;Có mặt"
    refused = tmp_path / "danh-sach-ky-ten.csv"
    refused.write_text(
        f"{header}\n;Hà Thị Nga;Nữ;1997;Thái;Thanh Hóa;Na Mèo;{ACTIVITY_CODE};x\n"
        f";Vi Văn Sơn;Nam;19x5;Thái;Thanh Hóa;Xã Không Có;{ACTIVITY_CODE};x\n",
        encoding="utf-8-sig",
    )
    page.goto(site["url"] + "/admin/imports/participants/")
    page.set_input_files("main input[type=file]", str(refused))
    page.get_by_role("button", name="Kiểm tra tệp").click()
    expect(page.locator("main table.import-errors")).to_contain_text("Xã Không Có")
    shot(page, "trainer-import-refused")

    accepted = tmp_path / "danh-sach-ky-ten-da-sua.csv"
    accepted.write_text(
        f"{header}\n;Hà Thị Nga;Nữ;1997;Thái;Thanh Hóa;Na Mèo;{ACTIVITY_CODE};x\n"
        f";Vi Văn Sơn;Nam;1995;Thái;Thanh Hóa;Na Mèo;{ACTIVITY_CODE};x\n",
        encoding="utf-8-sig",
    )
    page.goto(site["url"] + "/admin/imports/participants/")
    page.set_input_files("main input[type=file]", str(accepted))
    page.get_by_role("button", name="Kiểm tra tệp").click()
    confirm = page.get_by_role("button", name="Xác nhận nhập")
    expect(confirm).to_be_visible()
    shot(page, "trainer-import-checked")
    confirm.click()
    expect(page.locator("main")).to_contain_text("Đã nhập xong.")


def test_manager_reads_the_totals_and_targets(open_as, site, shot):
    page = open_as(MANAGER)
    page.goto(site["url"] + "/admin/reports/totals/?by=province&by=kind&from=2016-01-01")
    shot(page, "manager-totals-filters")
    table = page.locator(".report__table")
    expect(table).to_contain_text("Tỉnh Thanh Hóa")
    expect(table).to_contain_text("lớp tập huấn")
    expect(page.get_by_role("link", name="Tải XLSX")).to_be_visible()
    page.get_by_role("link", name="Tải XLSX").scroll_into_view_if_needed()
    page.evaluate("document.querySelector('.report__table').scrollIntoView({block: 'center'})")
    shot(page, "manager-totals-table")
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải XLSX").click()
    assert download.value.suggested_filename.endswith(".xlsx")

    charts = page.locator(".report-charts")
    charts.scroll_into_view_if_needed()
    expect(charts.locator("canvas").first).to_be_visible()
    # Drawn, not only laid out: Chart.js has a chart on every canvas (drawn without animation).
    page.wait_for_function("() => [...document.querySelectorAll('.report-charts canvas')].every(Chart.getChart)")
    page.evaluate("document.querySelector('.report-charts').scrollIntoView()")
    shot(page, "manager-totals-charts")

    page.goto(site["url"] + "/admin/reports/targets/")
    expect(page.locator("main")).to_contain_text("Đồng hành cùng phụ nữ biên cương")
    expect(page.locator("main")).to_contain_text("đã đạt")
    shot(page, "manager-targets")


def test_administrator_manages_users_roles_and_provinces(open_as, site, shot):
    page = open_as(ADMIN)
    page.goto(site["url"] + "/admin/users/")
    expect(page.locator("table.listing")).to_contain_text("Lò Thị Mai")
    shot(page, "admin-users")

    page.get_by_role("link", name="Lò Thị Mai").first.click()
    page.get_by_role("tab", name="Vai trò").click()
    groups = page.locator("#id_groups")
    expect(groups).to_contain_text("Tập huấn viên")
    expect(page.get_by_label("Tập huấn viên")).to_be_checked()
    shot(page, "admin-user-roles")

    page.goto(site["url"] + "/admin/staff-provinces/")
    expect(page.locator("table.listing")).to_contain_text("mai.taphuan")
    page.locator("table.listing a", has_text="mai.taphuan").first.click()
    expect(page.locator("main")).to_contain_text("Thanh Hóa")
    shot(page, "admin-staff-provinces")

    page.goto(site["url"] + "/admin/groups/")
    page.get_by_role("link", name="Tập huấn viên").click()
    expect(page.locator("main")).to_contain_text("Hoạt động")
    shot(page, "admin-group")

    page.goto(site["url"] + "/admin/places/?q=na+meo")
    expect(page.locator("table.listing")).to_contain_text("Na Mèo")
    shot(page, "admin-places")


def _small_pdf() -> bytes:
    """A one-page PDF, enough for an upload."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] >>",
    ]
    out = io.BytesIO(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    start = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, start))
    return out.getvalue()
