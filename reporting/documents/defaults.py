"""The default report templates, built in code with python-docx (so the repository holds no
binary file that drifts from the fields): the Vietnamese administrative layout — the
issuing body beside the national motto, the number and the date line, the title, the
sections, "Nơi nhận" beside the signature — with docxtpl's Jinja tags for the figures.
An administrator downloads one, edits it in Word or LibreOffice and uploads it again."""

from __future__ import annotations

import io

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

FONT = "Times New Roman"
# The columns of the breakdown tables: (heading, row field).
BREAKDOWN_COLUMNS = (
    (gettext_lazy("Sessions"), "sessions"),
    (gettext_lazy("Participations"), "participants"),
    (gettext_lazy("Records"), "activities"),
)
# Widths of the letterhead's two columns and of a breakdown's name column, on A4 with
# margins of 3 and 2 cm (16 cm of text).
LETTERHEAD_WIDTHS = (Cm(6.2), Cm(9.8))
NAME_WIDTH, NUMBER_WIDTH = Cm(6.4), Cm(3.2)


def _run(paragraph, text: str, *, bold=False, italic=False, underline=False, size: float | None = None):
    run = paragraph.add_run(text)
    run.bold, run.italic, run.underline = bold, italic, underline
    if size:
        run.font.size = Pt(size)
    return run


def _paragraph(container, text: str = "", *, align=None, space_after: float = 4, **style):
    paragraph = container.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(space_after)
    if text:
        _run(paragraph, text, **style)
    return paragraph


def _cell_paragraph(cell, text: str, **style):
    """The cell's first (empty) paragraph for the first text, a new one after that."""
    paragraph = cell.paragraphs[0] if not cell.paragraphs[0].text else cell.add_paragraph()
    paragraph.alignment = style.pop("align", WD_ALIGN_PARAGRAPH.CENTER)
    paragraph.paragraph_format.space_after = Pt(0)
    _run(paragraph, text, **style)
    return paragraph


def _without_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _widths(table, widths) -> None:
    """Fixed column widths: Word reads them from every cell, LibreOffice from the grid."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def _letterhead(document) -> None:
    table = document.add_table(rows=2, cols=2)
    _without_borders(table)
    left, right = table.rows[0].cells
    _cell_paragraph(left, "{{ issuer }}", bold=True, size=12)
    _cell_paragraph(left, "———", size=10)
    _cell_paragraph(right, _("SOCIALIST REPUBLIC OF VIETNAM"), bold=True, size=12)
    _cell_paragraph(right, _("Independence - Freedom - Happiness"), bold=True, underline=True)
    number, date_line = table.rows[1].cells
    _cell_paragraph(number, "{{ number }}")
    _cell_paragraph(date_line, "{{ date_line }}", italic=True)
    _widths(table, LETTERHEAD_WIDTHS)


def _breakdown(document, rows: str, first_heading: str) -> None:
    """A table with a header, one docxtpl row loop over `rows`, and the columns above."""
    table = document.add_table(rows=4, cols=1 + len(BREAKDOWN_COLUMNS))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    headings = [first_heading] + [str(heading) for heading, _field in BREAKDOWN_COLUMNS]
    _widths(table, [NAME_WIDTH] + [NUMBER_WIDTH] * len(BREAKDOWN_COLUMNS))
    for cell, heading in zip(table.rows[0].cells, headings, strict=True):
        _cell_paragraph(cell, heading, bold=True)
    table.rows[1].cells[0].paragraphs[0].add_run("{%tr for row in " + rows + " %}")
    fields = ["name"] + [field for _heading, field in BREAKDOWN_COLUMNS]
    for index, (cell, field) in enumerate(zip(table.rows[2].cells, fields, strict=True)):
        align = WD_ALIGN_PARAGRAPH.LEFT if index == 0 else WD_ALIGN_PARAGRAPH.RIGHT
        _cell_paragraph(cell, f"{{{{ row.{field} }}}}", align=align)
    table.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}")


def _targets(document) -> None:
    table = document.add_table(rows=4, cols=5)
    table.style = "Table Grid"
    headings = [_("Campaign"), _("Measure"), _("Target"), _("Done"), _("Status")]
    for cell, heading in zip(table.rows[0].cells, headings, strict=True):
        _cell_paragraph(cell, heading, bold=True)
    table.rows[1].cells[0].paragraphs[0].add_run("{%tr for target in targets %}")
    fields = ["campaign", "measure", "value", "actual", "status"]
    for cell, field in zip(table.rows[2].cells, fields, strict=True):
        _cell_paragraph(cell, f"{{{{ target.{field} }}}}")
    table.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}")


def _written(document, field: str, missing: str | None) -> None:
    """A section the manager writes in the saved report: her text (paragraphs kept), or a
    reminder in italics while none is written."""
    justify = WD_ALIGN_PARAGRAPH.JUSTIFY
    _paragraph(document, f"{{%p if {field} %}}")
    _paragraph(document, f"{{{{ {field} }}}}", align=justify)
    if missing:
        _paragraph(document, "{%p else %}")
        _paragraph(document, missing, italic=True)
    _paragraph(document, "{%p endif %}")


def _heading(document, text: str) -> None:
    _paragraph(document, text, bold=True, space_after=6)


def _body(document) -> None:
    justify = WD_ALIGN_PARAGRAPH.JUSTIFY
    _heading(document, _("I. RESULTS"))
    for field in ("headline", "kinds_sentence", "audiences_sentence"):
        _paragraph(document, f"{{{{ {field} }}}}", align=justify)
    _written(document, "results", None)
    _paragraph(document, _("1. By kind of activity"), italic=True)
    _breakdown(document, "by_kind", _("Kind of activity"))
    _paragraph(document, _("2. By area"), italic=True)
    _breakdown(document, "by_area", "{{ area_label }}")
    _paragraph(document, _("3. By audience"), italic=True)
    _breakdown(document, "by_audience", _("Audience"))
    _paragraph(document, _("4. Map"), italic=True)
    _paragraph(document, "{{ map }}", align=WD_ALIGN_PARAGRAPH.CENTER)
    _heading(document, _("II. COMPARED WITH THE PREVIOUS PERIOD"))
    _paragraph(document, "{{ comparison }}", align=justify)
    _heading(document, _("III. PROGRESS AGAINST THE PLAN'S TARGETS"))
    _paragraph(document, "{%p for target in targets %}")
    _paragraph(document, "- {{ target.sentence }}", align=justify)
    _paragraph(document, "{%p endfor %}")
    _targets(document)
    _heading(document, _("IV. DIFFICULTIES AND OBSTACLES"))
    _written(document, "difficulties", _("(To be written by the reporting unit.)"))
    _heading(document, _("V. PROPOSALS AND RECOMMENDATIONS"))
    _written(document, "proposals", _("(To be written by the reporting unit.)"))


def _signature(document) -> None:
    table = document.add_table(rows=1, cols=2)
    _without_borders(table)
    _widths(table, (Cm(7), Cm(9)))
    recipients, signer = table.rows[0].cells
    _cell_paragraph(recipients, _("Recipients:"), bold=True, italic=True, size=12, align=WD_ALIGN_PARAGRAPH.LEFT)
    _cell_paragraph(recipients, "{%p for recipient in recipients %}", align=WD_ALIGN_PARAGRAPH.LEFT)
    _cell_paragraph(recipients, "- {{ recipient }};", size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    _cell_paragraph(recipients, "{%p endfor %}", align=WD_ALIGN_PARAGRAPH.LEFT)
    _cell_paragraph(signer, _("ON BEHALF OF THE STANDING COMMITTEE"), bold=True)
    _cell_paragraph(signer, _("(Signature, full name)"), italic=True)


def default_template(language: str) -> bytes:
    """The default template in `language` ("vi" or "en") as .docx bytes."""
    with translation.override(language):
        document = Document()
        section = document.sections[0]
        section.page_height, section.page_width = Cm(29.7), Cm(21)
        section.top_margin = section.bottom_margin = Cm(2)
        section.left_margin, section.right_margin = Cm(3), Cm(2)
        style = document.styles["Normal"]
        style.font.name, style.font.size = FONT, Pt(13)
        style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
        _letterhead(document)
        _paragraph(document, "", space_after=6)
        _paragraph(document, "{{ title|upper }}", align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, size=14, space_after=0)
        _paragraph(document, "({{ period }})", align=WD_ALIGN_PARAGRAPH.CENTER, bold=True)
        _paragraph(document, "{{ stamp }}", align=WD_ALIGN_PARAGRAPH.CENTER, italic=True, size=11, space_after=10)
        _body(document)
        _signature(document)
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()
