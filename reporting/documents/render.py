"""A report template filled with a report's context (docxtpl), and the result as PDF
(LibreOffice headless, where it is installed)."""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.utils.translation import gettext as _
from docx.shared import Cm
from docxtpl import DocxTemplate, InlineImage

from reporting.documents.checks import environment

PDF_TIMEOUT = 120  # seconds; a province-year converts in a few


class PdfUnavailable(RuntimeError):
    """LibreOffice is not installed on this machine: the DOCX is still there."""


def render_docx(template: bytes, context: dict, map_png: bytes | None = None) -> bytes:
    """The filled document: `context` as the fields, the map (a PNG) as the `map` field."""
    document = DocxTemplate(io.BytesIO(template))
    values = dict(context)
    values["map"] = InlineImage(document, io.BytesIO(map_png), width=Cm(14)) if map_png else ""
    document.render(values, environment(), autoescape=True)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(content: bytes) -> bytes:
    """The document converted by LibreOffice, each run in its own profile folder (two
    conversions at once would otherwise share and lock one)."""
    program = soffice()
    if program is None:
        raise PdfUnavailable(_("PDF needs LibreOffice (Debian's libreoffice-writer-nogui), not installed here."))
    with tempfile.TemporaryDirectory(prefix="report-pdf-") as folder:
        work = Path(folder)
        source = work / "report.docx"
        source.write_bytes(content)
        command = [
            program,
            f"-env:UserInstallation=file://{work / 'profile'}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ]
        subprocess.run(command, check=True, capture_output=True, timeout=PDF_TIMEOUT)
        return (work / "report.pdf").read_bytes()
