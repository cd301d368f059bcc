"""reporting's settings have defaults: a project that sets none still hides small counts."""

from reporting.conf import sensitive_count_threshold
from reporting.stats.suppression import threshold


def test_without_the_setting_the_threshold_is_eleven(settings):
    del settings.SENSITIVE_COUNT_THRESHOLD
    assert sensitive_count_threshold() == 11


def test_suppression_reads_the_setting_when_asked(settings):
    settings.SENSITIVE_COUNT_THRESHOLD = 5
    assert threshold() == 5


def test_without_a_reports_storage_templates_go_to_a_folder_of_the_project(settings, tmp_path):
    from django.core.files.storage import FileSystemStorage

    from reporting.conf import storage

    settings.STORAGES = {name: value for name, value in settings.STORAGES.items() if name != "reports"}
    settings.BASE_DIR = tmp_path
    del settings.REPORTS_ROOT
    kept = storage()
    assert isinstance(kept, FileSystemStorage) and kept.location == str(tmp_path / "var" / "reports")
    settings.REPORTS_ROOT = tmp_path / "elsewhere"
    assert storage().location == str(tmp_path / "elsewhere")
