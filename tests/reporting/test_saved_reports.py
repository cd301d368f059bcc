"""Saved reports: the sections a manager writes (results, difficulties, proposals) are kept
with the report, every generation takes the figures afresh, and another province's report
is not found."""

import datetime
import io

import pytest
from docx import Document

from reporting.documents.checks import check_template
from reporting.documents.saved import generate
from reporting.models import SavedReport
from tests.factories import SON_LA, THANH_HOA, ActivityFactory, current_province, staff

pytestmark = pytest.mark.usefixtures("places")
SAVED = "/admin/reports/saved/"
RESULTS = "Các xã biên giới đã chủ động mời lực lượng biên phòng cùng nói chuyện."
DIFFICULTIES = "Đường vào bản xa, mùa mưa khó đi.\n\nKinh phí in tài liệu còn ít."
PROPOSALS = "Đề nghị bổ sung tờ rơi bằng tiếng Thái."


@pytest.fixture
def manager(client):
    user = staff("Quản lý", THANH_HOA)
    client.force_login(user)
    return user


def saved(province_code: str = THANH_HOA, **fields) -> SavedReport:
    values = {
        "date_from": datetime.date(2025, 7, 1),
        "date_to": datetime.date(2025, 12, 31),
        "results": RESULTS,
        "difficulties": DIFFICULTIES,
        "proposals": PROPOSALS,
        **fields,
    }
    return SavedReport.objects.create(province=current_province(province_code), **values)


def paragraphs_of(content: bytes) -> list[str]:
    return [paragraph.text for paragraph in Document(io.BytesIO(content)).paragraphs]


def test_the_generated_document_carries_the_written_sections_as_paragraphs(client, manager):
    report = saved()
    response = client.get(f"{SAVED}{report.pk}/document/docx/")
    assert response.status_code == 200
    paragraphs = paragraphs_of(response.content)
    assert RESULTS in paragraphs
    # A blank line in the text is a new paragraph of the document.
    assert [
        text for text in paragraphs if text in ("Đường vào bản xa, mùa mưa khó đi.", "Kinh phí in tài liệu còn ít.")
    ] == ["Đường vào bản xa, mùa mưa khó đi.", "Kinh phí in tài liệu còn ít."]
    assert PROPOSALS in paragraphs
    assert "(Đơn vị báo cáo viết nội dung này.)" not in "\n".join(paragraphs)


def test_a_section_not_written_leaves_the_reminder(client, manager):
    report = saved(difficulties="", proposals="")
    text = "\n".join(paragraphs_of(client.get(f"{SAVED}{report.pk}/document/docx/").content))
    assert RESULTS in text
    assert text.count("(Đơn vị báo cáo viết nội dung này.)") == 2


def test_regenerated_after_a_late_record_the_report_has_the_new_figure_and_the_same_text(manager):
    ActivityFactory(kind="training", sessions=3, participants=40)
    report = saved()
    first = "\n".join(paragraphs_of(generate(report, manager)))
    assert "3 lớp tập huấn cho 40 lượt người" in first
    ActivityFactory(kind="training", sessions=2, participants=25, start_date=datetime.date(2025, 11, 3))
    again = "\n".join(paragraphs_of(generate(SavedReport.objects.get(pk=report.pk), manager)))
    assert "5 lớp tập huấn cho 65 lượt người" in again
    assert (RESULTS in again, PROPOSALS in again) == (True, True)


def test_another_provinces_manager_finds_neither_the_report_nor_its_document(client, manager):
    other = saved(SON_LA)
    assert client.get(f"{SAVED}edit/{other.pk}/").status_code == 404
    assert client.get(f"{SAVED}{other.pk}/document/docx/").status_code == 404
    assert str(other) not in client.get(SAVED).content.decode()


def test_a_manager_writes_the_sections_in_the_admin_and_they_are_kept(client, manager):
    data = {
        "province": current_province(THANH_HOA).pk,
        "date_from": "2025-07-01",
        "date_to": "2025-12-31",
        "language": "vi",
        "template": "",
        "results": RESULTS,
        "difficulties": DIFFICULTIES,
        "proposals": PROPOSALS,
    }
    response = client.post(f"{SAVED}new/", data)
    assert response.status_code == 302, response.context["form"].errors
    report = SavedReport.objects.get()
    assert (report.results, report.created_by, report.updated_by) == (RESULTS, manager, manager)
    data["results"] = "Kết quả đã sửa."
    assert client.post(f"{SAVED}edit/{report.pk}/", data).status_code == 302
    assert SavedReport.objects.get().results == "Kết quả đã sửa."


def test_a_manager_cannot_save_a_report_for_another_province(client, manager):
    data = {"province": current_province(SON_LA).pk, "date_from": "2025-07-01", "date_to": "2025-12-31"}
    response = client.post(f"{SAVED}new/", {**data, "language": "vi"})
    assert response.status_code == 200
    assert "province" in response.context["form"].errors
    assert not SavedReport.objects.exists()


def test_a_period_ending_before_it_starts_is_refused(client, manager):
    data = {"province": current_province(THANH_HOA).pk, "date_from": "2025-07-01", "date_to": "2025-06-30"}
    response = client.post(f"{SAVED}new/", {**data, "language": "vi"})
    assert "date_to" in response.context["form"].errors


def test_a_template_may_use_the_written_sections():
    document = Document()
    for field in ("results", "difficulties", "proposals"):
        document.add_paragraph("{{ " + field + " }}")
    buffer = io.BytesIO()
    document.save(buffer)
    check_template(buffer.getvalue())  # refused with a TemplateMistake if a field were unknown


def test_the_report_documents_screen_offers_to_save_the_report_with_its_period(client, manager):
    query = {"date_from": "01/07/2025", "date_to": "31/12/2025", "language": "vi"}
    save_url = client.get("/admin/reports/documents/", query).context["save_url"]
    form = client.get(save_url).context["form"]
    assert (form.initial["date_from"], form.initial["date_to"]) == (
        datetime.date(2025, 7, 1),
        datetime.date(2025, 12, 31),
    )
