"""Wagtail's indexing runs after the request's transaction has committed (core/tasks.py),
so concurrent saves on PostgreSQL do not deadlock on the search index."""

from django.test import override_settings
from django_tasks import task_backends
from wagtail.search.backends import get_search_backend

from campaigns.models import Activity
from tests.factories import ActivityFactory

AFTER_COMMIT = {"default": {"BACKEND": "core.tasks.AfterCommitBackend"}}


def found(title: str) -> bool:
    return any(activity.title == title for activity in get_search_backend().search(title, Activity))


@override_settings(TASKS=AFTER_COMMIT)
def test_the_search_index_is_updated_once_the_transaction_commits(db, django_capture_on_commit_callbacks):
    assert type(task_backends["default"]).__name__ == "AfterCommitBackend"
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        ActivityFactory(title="Truyền thông tại bản Pù Nhi")
        assert not found("Truyền thông tại bản Pù Nhi")  # not inside the transaction
    assert callbacks
    assert found("Truyền thông tại bản Pù Nhi")
