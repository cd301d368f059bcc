"""Wagtail's own background work (search index, reference index) after the request's
transaction has committed, not inside it.

Wagtail 8 queues these on django-tasks' "default" backend. With the plain immediate
backend they run inside the request's transaction; on PostgreSQL the database search
backend then updates rows shared by every index entry, and trainers saving at the same
moment deadlock (seen in `python -m bench load`: 18 of 40 saves failed). Run after the
commit, each update is its own short statement and the saves do not wait on each other.
"""

from django.db import transaction
from django_tasks.backends.immediate import ImmediateBackend


class AfterCommitBackend(ImmediateBackend):
    def _execute_task(self, task_result) -> None:
        transaction.on_commit(lambda: super(AfterCommitBackend, self)._execute_task(task_result))
