"""transfers' settings have defaults: a project that sets none of them can still import."""

from pathlib import Path

from django.core.files.storage import FileSystemStorage

from transfers import conf, jobs


def test_without_the_setting_files_over_2000_rows_go_to_the_background(settings):
    del settings.IMPORTS_INLINE_ROWS
    assert conf.inline_rows() == 2000


def test_without_the_setting_an_upload_may_be_60_mb(settings):
    del settings.IMPORTS_MAX_UPLOAD_SIZE
    assert conf.max_upload_size() == 60 * 1024 * 1024


def test_without_the_setting_an_xlsx_may_expand_to_200_mb(settings):
    del settings.IMPORTS_MAX_XLSX_EXPANDED
    assert conf.max_xlsx_expanded() == 200 * 1024 * 1024


def test_without_the_setting_a_job_times_out_after_two_hours(settings):
    del settings.IMPORTS_JOB_TIMEOUT
    assert conf.job_timeout() == 7200


def test_without_an_imports_storage_uploads_wait_in_var_imports(settings, tmp_path):
    settings.STORAGES = {key: value for key, value in settings.STORAGES.items() if key != "imports"}
    del settings.IMPORTS_ROOT
    settings.BASE_DIR = tmp_path
    storage = jobs.storage()
    assert isinstance(storage, FileSystemStorage)
    assert Path(storage.location) == tmp_path / "var" / "imports"


def test_without_an_imports_task_backend_the_default_one_runs_large_imports(settings):
    settings.TASKS = {key: value for key, value in settings.TASKS.items() if key != "imports"}
    assert conf.task_backend() == "default"
    assert jobs.process_job.using(backend=conf.task_backend()).backend == "default"


def test_with_an_imports_task_backend_large_imports_go_to_it():
    assert conf.task_backend() == "imports"
