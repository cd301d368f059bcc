"""Report templates as data: a mistake is refused on upload with its place; a province's
template is for that province only; the report screen downloads DOCX (and PDF)."""

import io
import os
import shutil

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from docx import Document

from reporting.documents.checks import TemplateMistake, check_template
from reporting.documents.defaults import default_template
from reporting.models import ReportTemplate
from tests.factories import SON_LA, THANH_HOA, ActivityFactory, current_province, son_la_commune, staff

pytestmark = pytest.mark.usefixtures("places")
TEMPLATES = "/admin/reports/templates/"
DOCUMENTS = "/admin/reports/documents/"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def docx_with(*paragraphs: str) -> bytes:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def mistakes_of(content: bytes) -> list[str]:
    with pytest.raises(TemplateMistake) as error:
        check_template(content)
    return error.value.mistakes


@pytest.fixture
def manager(client):
    user = staff("Quản lý", THANH_HOA)
    client.force_login(user)
    return user


def stored(name: str, province_code: str | None, content: bytes | None = None) -> ReportTemplate:
    return ReportTemplate.objects.create(
        name=name,
        province=current_province(province_code) if province_code else None,
        file=ContentFile(content or default_template("vi"), name=f"{name}.docx"),
    )


def test_a_tag_left_open_is_named_with_its_paragraph():
    found = mistakes_of(docx_with("Kính gửi", "Tổng số buổi: {{ totals.sessions }"))
    assert found == ["đoạn 2 (“Tổng số buổi: {{ totals.sessions }”): có thẻ chưa đóng"]


def test_an_unknown_field_is_named_with_its_paragraph():
    found = mistakes_of(docx_with("Số buổi: {{ totals.sesions }}"))
    assert found == ["đoạn 1 (“Số buổi: {{ totals.sesions }}”): không có trường “totals.sesions”"]


def test_a_loop_never_closed_is_named_where_it_opens():
    found = mistakes_of(docx_with("Mở đầu", "{%p for row in by_kind %}", "{{ row.name }}"))
    assert found == ["đoạn 2 (“{%p for row in by_kind %}”): “for” không được đóng"]


def test_a_field_of_a_loop_row_is_checked_against_the_rows_keys():
    found = mistakes_of(docx_with("{%p for row in by_kind %}", "{{ row.sesions }}", "{%p endfor %}"))
    assert found == ["đoạn 2 (“{{ row.sesions }}”): không có trường “row.sesions”"]


def table_with(text: str) -> bytes:
    document = Document()
    table = document.add_table(rows=2, cols=2)
    table.rows[1].cells[1].paragraphs[0].add_run(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_mistake_in_a_table_cell_names_the_table_row_and_cell():
    (found,) = mistakes_of(table_with("{{ previous.sesions }}"))
    assert found.startswith("bảng 1, hàng 2, ô 2 (“{{ previous.sesions }}”)")


def test_an_unknown_filter_is_named():
    (found,) = mistakes_of(table_with("{{ totals.sessions | nosuchfilter }}"))
    assert "nosuchfilter" in found


def test_a_file_that_is_not_a_word_document_is_refused():
    assert mistakes_of(b"not a zip at all") == ["Đây không phải văn bản Word (.docx)."]


def test_an_upload_with_a_broken_tag_is_refused_naming_the_place(client, manager):
    broken = ContentFile(docx_with("Số buổi: {{ totals.sessions }"), name="mau.docx")
    data = {"name": "Mẫu tỉnh", "language": "vi", "province": current_province(THANH_HOA).pk, "file": broken}
    response = client.post(TEMPLATES + "new/", data)
    assert response.status_code == 200
    assert "đoạn 1" in response.content.decode()
    assert not ReportTemplate.objects.exists()


def test_a_good_upload_is_stored_for_the_managers_province(client, manager):
    upload = ContentFile(default_template("vi"), name="mau.docx")
    data = {"name": "Mẫu tỉnh", "language": "vi", "province": current_province(THANH_HOA).pk, "file": upload}
    response = client.post(TEMPLATES + "new/", data)
    assert response.status_code == 302
    template = ReportTemplate.objects.get()
    assert (template.province.code, template.uploaded_by) == (THANH_HOA, manager)


def test_a_manager_sees_their_provinces_and_the_national_templates_only(client, manager):
    stored("Mẫu Thanh Hóa", THANH_HOA), stored("Mẫu Sơn La", SON_LA), stored("Mẫu toàn quốc", None)
    html = client.get(TEMPLATES).content.decode()
    assert ("Mẫu Thanh Hóa" in html, "Mẫu toàn quốc" in html, "Mẫu Sơn La" in html) == (True, True, False)


def test_the_templates_list_takes_the_same_queries_for_two_rows_as_for_six(client, manager):
    def queries_of_the_list() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(TEMPLATES).status_code == 200
        return len(captured)

    stored("Mẫu Thanh Hóa 1", THANH_HOA), stored("Mẫu toàn quốc 1", None)
    two = queries_of_the_list()
    for number in range(2, 4):
        stored(f"Mẫu Thanh Hóa {number}", THANH_HOA), stored(f"Mẫu toàn quốc {number}", None)
    assert queries_of_the_list() == two


def test_another_provinces_template_cannot_be_used_for_a_report(client, manager):
    other = stored("Mẫu Sơn La", SON_LA)
    response = client.get(DOCUMENTS, {"date_from": "01/01/2025", "date_to": "31/12/2025", "template": other.pk})
    assert response.status_code == 200
    assert "template" in response.context["form"].errors


def test_another_provinces_template_file_is_not_found(client, manager):
    other = stored("Mẫu Sơn La", SON_LA)
    assert client.get(f"/admin/reports/template-downloads/{other.pk}/").status_code == 404


def test_a_national_template_is_used_but_not_changed_by_a_manager(client, manager):
    national = stored("Mẫu toàn quốc", None)
    assert client.get(f"/admin/reports/template-downloads/{national.pk}/").status_code == 200
    assert client.get(f"{TEMPLATES}edit/{national.pk}/").status_code == 404


def test_a_manager_cannot_ask_for_another_provinces_report(client, manager):
    query = {"date_from": "01/01/2025", "date_to": "31/12/2025", "province": current_province(SON_LA).pk}
    response = client.get(DOCUMENTS, query)
    assert "province" in response.context["form"].errors


def test_a_managers_report_holds_only_their_provinces_figures(client, manager):
    ActivityFactory(kind="training", sessions=3, participants=40)
    ActivityFactory(kind="training", sessions=70, participants=900, place=son_la_commune())
    response = client.get(DOCUMENTS, {"date_from": "01/01/2000", "date_to": "31/12/2030", "language": "vi"})
    assert response.context["preview"]["totals"]["sessions"] == "3"


def test_the_report_screen_downloads_a_word_file(client, manager):
    ActivityFactory(kind="training", sessions=3, participants=40)
    query = {"date_from": "01/01/2000", "date_to": "31/12/2030", "language": "vi", "format": "docx"}
    response = client.get(DOCUMENTS, query)
    assert (response.status_code, response["Content-Type"]) == (200, DOCX)
    text = "\n".join(paragraph.text for paragraph in Document(io.BytesIO(response.content)).paragraphs)
    assert "3 lớp tập huấn cho 40 lượt người" in text


def test_the_default_template_downloads_as_a_word_file(client, manager):
    response = client.get("/admin/reports/template-downloads/default/en/")
    assert (response.status_code, response["Content-Type"]) == (200, DOCX)


def test_the_report_screen_shows_the_map_of_the_provinces(client, manager):
    response = client.get(DOCUMENTS, {"date_from": "01/01/2025", "date_to": "31/12/2025", "language": "vi"})
    assert response.content.decode().count("<path ") == 34


@pytest.mark.skipif(
    shutil.which("soffice") is None and os.environ.get("E2E_REQUIRED") != "1",
    reason="LibreOffice (libreoffice-writer-nogui) is not installed",
)
def test_the_report_screen_downloads_a_pdf(client, manager):
    ActivityFactory(kind="training", sessions=3, participants=40)
    query = {"date_from": "01/01/2000", "date_to": "31/12/2030", "language": "vi", "format": "pdf"}
    response = client.get(DOCUMENTS, query)
    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")
    assert response.content.startswith(b"%PDF")


def test_a_mistake_in_the_page_header_is_named_too():
    document = Document()
    document.sections[0].header.paragraphs[0].text = "{{ issuer }"
    buffer = io.BytesIO()
    document.save(buffer)
    assert mistakes_of(buffer.getvalue()) == ["đầu trang hoặc chân trang 1, đoạn 1 (“{{ issuer }”): có thẻ chưa đóng"]


def test_a_province_on_the_map_opens_its_totals_for_the_period(client, manager):
    response = client.get(DOCUMENTS, {"date_from": "01/01/2025", "date_to": "31/12/2025", "language": "vi"})
    assert 'href="/admin/reports/totals/?place=38&amp;by=kind&amp;date_from=2025-01-01' in response.content.decode()
