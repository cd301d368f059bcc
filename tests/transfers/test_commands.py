"""import_activities FILE [--dry-run] and export_activities --format csv|xlsx FILE."""

import pytest
from django.core.management import CommandError, call_command

from campaigns.models import Activity
from tests.factories import ActivityFactory
from tests.transfers.conftest import csv_file

pytestmark = pytest.mark.usefixtures("vocabulary")
ROW = "TH-1,Buổi truyền thông,Truyền thông,01/08/2025,,1,Thanh Hóa,,Na Mèo,,,,45,40,,"


def write(tmp_path, *rows, name="hoat-dong.csv"):
    path = tmp_path / name
    path.write_bytes(csv_file(*rows).getvalue())
    return path


def test_import_stores_and_says_what_it_did(tmp_path, capsys):
    path = write(tmp_path, ROW)
    call_command("import_activities", str(path))
    assert Activity.objects.count() == 1
    assert "new 1" in capsys.readouterr().out


def test_dry_run_stores_nothing(tmp_path, capsys):
    call_command("import_activities", str(write(tmp_path, ROW)), "--dry-run")
    assert Activity.objects.count() == 0
    assert "dry run" in capsys.readouterr().out


def test_refused_file_exits_non_zero_naming_file_row_and_column(tmp_path, capsys):
    path = write(tmp_path, ROW, ROW.replace("TH-1", "TH-2").replace("45,40", "10,40"))
    with pytest.raises(CommandError) as refused:
        call_command("import_activities", str(path))
    errors = capsys.readouterr().err
    assert f"{path}: " in errors and "3" in errors and "Trong đó nữ" in errors
    assert "Nothing was stored" in str(refused.value) and Activity.objects.count() == 0


def test_exit_status_is_non_zero_from_the_shell(tmp_path):
    import os
    import subprocess
    import sys

    from tests.transfers.conftest import HEADER

    path = tmp_path / "hoat-dong.csv"
    path.write_bytes(csv_file(ROW, header=HEADER.replace("Ghi chú", "Ghi chu them")).getvalue())
    result = subprocess.run(
        [sys.executable, "manage.py", "import_activities", str(path), "--dry-run"],
        capture_output=True,
        text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"},
    )
    assert result.returncode == 1
    assert str(path) in result.stderr and "Ghi chu them" in result.stderr


def test_missing_file_is_an_error(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("import_activities", str(tmp_path / "none.csv"))


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_writes_the_file_and_it_imports_back(tmp_path, fmt, capsys):
    ActivityFactory(external_id="TH-7")
    path = tmp_path / f"out.{fmt}"
    call_command("export_activities", "--format", fmt, str(path))
    assert "1 rows" in capsys.readouterr().out
    call_command("import_activities", str(path))
    assert "unchanged 1" in capsys.readouterr().out


def test_user_option_limits_the_import_to_their_provinces(tmp_path, capsys):
    from access.roles import TRAINERS
    from tests.factories import SON_LA, staff

    user = staff(TRAINERS, SON_LA)
    with pytest.raises(CommandError):
        call_command("import_activities", str(write(tmp_path, ROW)), "--user", user.username)
    assert "Tỉnh/Thành phố" in capsys.readouterr().err and Activity.objects.count() == 0
