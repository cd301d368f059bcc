"""The report document: its figures are reporting.stats', its sentences are as a Vietnamese
reader writes them, and the Word file carries them with the administrative layout."""

import datetime
import io

import pytest
from django.utils import translation
from docx import Document

from demo.records import load_records
from places.lookup import lookup_place
from reporting.documents import Period, make_report
from reporting.documents.checks import check_template
from reporting.documents.context import report_context
from reporting.documents.defaults import default_template
from reporting.stats import Filters, totals
from tests.conftest import shared_records

pytestmark = pytest.mark.usefixtures("places")

# The Thanh Hóa plan of 2016–2020 and the border campaign of 2018–2020 fall in it.
PERIOD = Period(datetime.date(2016, 1, 1), datetime.date(2020, 12, 31))


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo records and the Vietnamese report of Thanh Hóa 2016–2020, made once."""
    with shared_records(django_db_blocker):
        load_records()
        province = lookup_place("Thanh Hóa", level="province", current=True)
        yield {"report": make_report(default_template("vi"), PERIOD, province, None, "vi")}


@pytest.fixture
def thanh_hoa(demo):
    return lookup_place("Thanh Hóa", level="province", current=True)


def text_of(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(paragraphs + cells)


@pytest.fixture
def vietnamese_report(demo) -> bytes:
    return demo["report"]


def test_the_totals_are_those_of_reporting_stats(thanh_hoa):
    figures, _context = report_context(PERIOD, thanh_hoa, None)
    expected = totals((), Filters(date_from=PERIOD.start, date_to=PERIOD.end, place=thanh_hoa)).total
    assert figures.total == expected
    assert expected["sessions"] == 9213


def test_the_rows_by_kind_are_those_of_reporting_stats(thanh_hoa):
    figures, _context = report_context(PERIOD, thanh_hoa, None)
    expected = totals(["kind"], Filters(date_from=PERIOD.start, date_to=PERIOD.end, place=thanh_hoa)).rows
    assert figures.rows["by_kind"] == expected


def test_the_context_writes_the_totals_in_vietnamese_thousands(thanh_hoa):
    with translation.override("vi"):
        _figures, context = report_context(PERIOD, thanh_hoa, None)
    assert context["totals"]["sessions"] == "9.213"
    assert context["totals"]["leaflets_distributed"] == "15.000"


def test_the_previous_period_of_five_whole_years_is_the_five_years_before():
    assert PERIOD.previous() == Period(datetime.date(2011, 1, 1), datetime.date(2015, 12, 31))


def test_the_previous_period_of_some_days_has_as_many_days():
    period = Period(datetime.date(2024, 3, 10), datetime.date(2024, 3, 19))
    assert period.previous() == Period(datetime.date(2024, 2, 29), datetime.date(2024, 3, 9))


@pytest.mark.parametrize(
    "sentence",
    [
        "2.890 lượt cán bộ cơ sở",
        "1.152 lượt công nhân khu công nghiệp",
        "52 lượt nạn nhân bị mua bán trở về",
        "15.000 tờ rơi",
        "12 câu lạc bộ",
        "25 lớp tập huấn",
        "30 buổi truyền thông",
        "9.158 buổi họp dân",
    ],
)
def test_the_word_file_says_the_demo_figures_as_a_vietnamese_reader_would(vietnamese_report, sentence):
    assert sentence in text_of(vietnamese_report)


def test_the_word_file_has_the_motto_the_recipients_and_the_map(vietnamese_report):
    text = text_of(vietnamese_report)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "Nơi nhận:" in text
    assert "BÁO CÁO KẾT QUẢ CÔNG TÁC PHÒNG, CHỐNG MUA BÁN NGƯỜI" in text
    assert len(Document(io.BytesIO(vietnamese_report)).inline_shapes) == 1


def test_the_word_file_compares_with_the_previous_period_and_the_targets(vietnamese_report):
    text = text_of(vietnamese_report)
    assert "So với kỳ trước (từ ngày 01/01/2011 đến ngày 31/12/2015)" in text
    assert "Chỉ tiêu “số buổi” của DHPNBC-2018: đạt 25/25 (100%), đã đạt." in text


def test_the_english_template_speaks_english_with_english_numbers(thanh_hoa):
    text = text_of(make_report(default_template("en"), PERIOD, thanh_hoa, None, "en"))
    assert "2,890 participations of cán bộ cơ sở" in text
    assert "SOCIALIST REPUBLIC OF VIETNAM" in text


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_default_templates_pass_their_own_check(language):
    check_template(default_template(language))
