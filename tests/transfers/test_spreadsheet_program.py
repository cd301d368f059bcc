"""Files written by a real spreadsheet program (LibreOffice headless) import correctly.

Skipped when `soffice` is missing (apt-get install libreoffice-calc-nogui), unless
E2E_REQUIRED=1 (CI) makes its absence a failure.
"""

import datetime
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from campaigns.models import Activity
from campaigns.resources.activities import ActivityResource
from tests.factories import NA_MEO, ActivityFactory, current_commune
from transfers.service import export_file, run_import

pytestmark = [pytest.mark.usefixtures("vocabulary"), pytest.mark.slow("LibreOffice converts each file")]

# Comma, double quote, UTF-8 (76), from line 1, default cell formats, language vi-VN (1066):
# without the language LibreOffice reads "2.890" as 2.89, and without UTF-8 it garbles the diacritics.
VIETNAMESE_CSV_FILTER = "CSV:44,34,76,1,,1066"


@pytest.fixture(scope="module")
def soffice() -> str:
    path = shutil.which("soffice") or shutil.which("libreoffice")
    # Calc's own library: LibreOffice with Writer only has `soffice` too, but opens no CSV.
    calc = path and (Path(path).resolve().parent / "libsclo.so").exists()
    if not calc:
        message = "LibreOffice Calc is not installed (apt-get install libreoffice-calc-nogui): skipped."
        if os.environ.get("E2E_REQUIRED") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return path


def convert(soffice: str, source: Path, to: str, infilter: str | None = None) -> Path:
    out = source.parent / "converted"
    command = [soffice, "--headless", f"-env:UserInstallation=file://{source.parent}/lo-profile"]
    if infilter:
        command.append(f"--infilter={infilter}")
    command += ["--convert-to", to, str(source), "--outdir", str(out)]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    return out / f"{source.stem}.{to}"


def test_xlsx_saved_by_libreoffice_imports(soffice, tmp_path):
    source = tmp_path / "hoat-dong.csv"
    source.write_text(
        "Mã,Loại hoạt động,Tên hoạt động,Từ ngày,Tỉnh/Thành phố,Xã/Phường,Số lượt tham dự,Trong đó nữ\n"
        "TH-1,Họp dân,Họp dân bản Na Mèo,01/08/2025,Thanh Hoá,Na Mèo,2.890,1.500\n"
        "TH-2,Phiên chợ truyền thông,Phiên chợ,2025-08-15,tinh thanh hoa,xa na meo,15.000,\n",
        encoding="utf-8",
    )
    xlsx = convert(soffice, source, "xlsx", VIETNAMESE_CSV_FILTER)
    report = run_import(ActivityResource, xlsx.open("rb"), name=xlsx.name)
    assert report.ok, report.errors
    first, second = Activity.objects.order_by("external_id")
    assert (first.kind, first.start_date, first.participants, first.female) == (
        "residents_meeting",
        datetime.date(2025, 8, 1),
        2890,
        1500,
    )
    assert (second.kind, second.start_date, second.participants) == ("fair", datetime.date(2025, 8, 15), 15000)
    assert first.place == second.place == current_commune(NA_MEO)


def test_our_xlsx_export_survives_libreoffice_and_imports_back(soffice, tmp_path):
    ActivityFactory(external_id="TH-1", title="=1+1 không chạy", participants=2890, notes="@note")
    path = tmp_path / "export.xlsx"
    with path.open("wb") as out:
        export_file(ActivityResource, Activity.objects.all(), "xlsx", out)
    resaved = convert(soffice, path, "xlsx")
    report = run_import(ActivityResource, io.BytesIO(resaved.read_bytes()), name="resaved.xlsx")
    assert report.ok, report.errors
    assert (report.created, report.updated, report.skipped) == (0, 0, 1)
    assert Activity.objects.get().title == "=1+1 không chạy"
