"""The admin reports: the totals page with subtotals, charts and exports; targets; who sees what."""

import datetime
import io
import json

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from campaigns.models import Target
from reporting.reports import spreadsheet_text
from tests.factories import (
    ActivityFactory,
    CampaignFactory,
    OrganiserFactory,
    current_commune,
    son_la_commune,
    staff,
)

pytestmark = pytest.mark.usefixtures("places")
URL = "/admin/reports/totals/"


@pytest.fixture
def records():
    ActivityFactory(kind="training", sessions=2, participants=30, start_date=datetime.date(2025, 8, 1))
    ActivityFactory(kind="community", sessions=1, participants=1200, start_date=datetime.date(2025, 9, 3))
    ActivityFactory(kind="training", sessions=4, participants=70, place=son_la_commune())


@pytest.fixture
def manager(client):
    user = staff("Quản lý", "38")
    client.force_login(user)
    return user


def lines(response) -> list:
    return [(line.kind, line.values) for line in response.context["report"].lines]


def test_report_shows_rows_subtotals_and_total(client, superuser, records):
    client.force_login(superuser)
    response = client.get(URL, {"by": ["province", "kind"]})
    assert response.status_code == 200
    kinds = [kind for kind, _values in lines(response)]
    assert kinds == ["row", "subtotal", "row", "row", "subtotal", "total"]
    subtotal = lines(response)[4][1]
    assert subtotal["participants"] == 1230 and subtotal["sessions"] == 3
    assert lines(response)[-1][1]["participants"] == 1300
    assert "1.230" in response.content.decode()  # thousands written the Vietnamese way


def test_report_charts_carry_the_same_numbers(client, superuser, records):
    client.force_login(superuser)
    charts = client.get(URL, {"by": "kind"}).context["charts"]
    assert sorted(charts["provinces"]["series"]["participants"]) == [70, 1230]
    assert charts["months"]["labels"] == ["08/2025", "09/2025"]
    assert charts["months"]["series"]["participants"] == [100, 1200]


def test_report_respects_the_users_provinces(client, manager, records):
    response = client.get(URL, {"by": "province"})
    assert [values["province_code"] for kind, values in lines(response) if kind == "row"] == ["38"]
    assert lines(response)[-1][1]["participants"] == 1230
    assert "chỉ gồm các tỉnh bạn phụ trách" in response.content.decode()


def test_report_states_invalid_filters(client, manager):
    response = client.get(URL, {"date_from": "2025-09-01", "date_to": "2025-01-01"})
    assert response.context["report"] is None
    assert "date_to" in response.context["form"].errors


def test_report_queries_do_not_grow_with_the_rows(client, superuser, django_assert_max_num_queries):
    client.force_login(superuser)
    for day in range(1, 29):
        ActivityFactory(start_date=datetime.date(2025, 2, day), place=current_commune("15013"))
    with django_assert_max_num_queries(45):
        response = client.get(URL, {"by": ["province", "month"]})
    assert len(response.context["report"].lines) == 3  # one row, its subtotal, the total


def test_editors_cannot_open_reports(client):
    client.force_login(staff("Editors"))
    assert client.get(URL).status_code in (302, 403)
    assert client.get("/admin/reports/targets/").status_code in (302, 403)


def test_xlsx_export_is_the_table_on_screen_with_the_filters(client, superuser, records):
    client.force_login(superuser)
    response = client.get(URL, {"by": ["province", "kind"], "date_from": "2025-01-01", "export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[1][:2] == ["Tỉnh, thành phố", "tất cả các tỉnh, thành phố"]
    assert values[2][:2] == ["Thời gian", "01/01/2025 – …"]
    header = next(i for i, row in enumerate(values) if row[0] == "Tỉnh/thành phố")
    body = values[header + 1 :]
    assert len(body) == 6  # 3 rows, 2 subtotals, the total
    assert body[-1][0] == "Tổng cộng"
    assert body[-1][values[header].index("Lượt người tham dự")] == 1300


def test_xlsx_export_never_lets_a_cell_run_as_a_formula(client, superuser):
    client.force_login(superuser)
    hostile = OrganiserFactory(name='=HYPERLINK("http://evil.example","x")')
    activity = ActivityFactory(participants=5)
    activity.organisers.set([hostile])
    activity.save()
    response = client.get(URL, {"by": "organiser", "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [cell.value for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]
    assert "'" + hostile.name in cells
    assert not any(value.startswith("=") for value in cells)


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_spreadsheet_text_escapes_every_formula_start(value):
    assert spreadsheet_text(value) == "'" + value


def test_spreadsheet_text_keeps_numbers_and_plain_text():
    assert spreadsheet_text(-5) == -5
    assert spreadsheet_text("Na Mèo") == "Na Mèo"


def test_pdf_export_is_a_pdf_with_the_filters(client, superuser, records):
    client.force_login(superuser)
    response = client.get(URL, {"by": "province", "kind": "training", "export": "pdf"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    report = client.get(URL, {"by": "province", "kind": "training"}).context["report"]
    assert ("Loại", "lớp tập huấn") in report.filters_stated


def test_targets_page_shows_progress(client, superuser):
    client.force_login(superuser)
    campaign = CampaignFactory(code="plan", start_date=datetime.date(2025, 1, 1), end_date=datetime.date(2025, 12, 31))
    ActivityFactory(campaign=campaign, sessions=6, start_date=datetime.date(2025, 3, 1))
    Target.objects.create(campaign=campaign, measure="sessions", value=12)
    response = client.get("/admin/reports/targets/", {"campaign": "plan"})
    assert response.status_code == 200
    [(shown, items)] = response.context["campaigns"].items()
    assert shown == campaign
    assert items[0].actual == 6 and items[0].percent == 50.0
    assert "50,0%" in response.content.decode() or "50.0%" in response.content.decode()


def test_reports_menu_is_shown_to_managers_only(client, manager):
    menu = client.get("/admin/").content.decode()
    assert "/admin/reports/totals/" in menu
    client.force_login(staff("Editors"))
    assert "/admin/reports/totals/" not in client.get("/admin/").content.decode()


def test_chart_data_is_json_on_the_page(client, superuser, records):
    client.force_login(superuser)
    page = client.get(URL).content.decode()
    start = page.index('id="report-charts-data"')
    data = json.loads(page[page.index(">", start) + 1 : page.index("</script>", start)])
    assert data["measures"]["sessions"] == "số buổi"


def export_params(**more) -> dict:
    return {"by": ["district", "year"], "date_from": "01/01/2016", "date_to": "31/12/2020", "kind": "training", **more}


def test_xlsx_export_is_headed_with_the_scope_period_filters_and_date(client, manager, records):
    response = client.get(URL, export_params(export="xlsx"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    head = [[cell.value for cell in row][:2] for row in sheet.iter_rows(max_row=8)]
    assert head[1] == ["Tỉnh, thành phố", "các tỉnh phụ trách: Thanh Hóa"]
    assert head[2] == ["Thời gian", "01/01/2016 – 31/12/2020"]
    assert ["Loại", "lớp tập huấn"] in head
    made = next(row for row in head if row[0] == str(_made_on()))
    assert made[1].startswith(timezone.localdate().strftime("%d/%m/%Y"))


def test_pdf_export_is_headed_with_the_place_period_and_filters(client, superuser, records, tmp_path):
    import subprocess

    client.force_login(superuser)
    response = client.get(URL, export_params(place="Thanh Hóa", export="pdf"))
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    first_lines = " ".join(text.splitlines()[:8])
    assert "Tỉnh, thành phố: Thanh Hóa" in first_lines
    assert "Thời gian: 01/01/2016 – 31/12/2020" in first_lines
    assert "Loại: lớp tập huấn" in first_lines
    assert timezone.localdate().strftime("%d/%m/%Y") in first_lines


def _made_on():
    from django.utils.translation import gettext, override

    with override("vi"):
        return gettext("Made on")
