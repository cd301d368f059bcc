"""The browser tests' `manage.py` commands, run one after another in one Django process.

    python -m tests.e2e.worker    (cwd: the project; the server's environment)

Each line read is a JSON list of a command's arguments, as `manage.py` takes them
(["shell", "-c", "…"], ["load_demo"]); each line written is a JSON object: ok, what the
command printed, and on a failure its traceback. Django and Wagtail start once per run
instead of once per setup step (seconds each on a busy machine). Between two commands the
language goes back to the default and the database connections are closed, as a new
process would find them; the server sees each command's rows once it has answered.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import traceback


def main() -> None:
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # stray output never mixes with the answers
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections
    from django.utils import translation

    answers.write(json.dumps({"ready": True}) + "\n")
    answers.flush()
    for line in sys.stdin:
        printed = io.StringIO()
        try:
            with contextlib.redirect_stdout(printed):
                call_command(*json.loads(line))
            answer = {"ok": True, "stdout": printed.getvalue()}
        except BaseException:  # SystemExit too: a command's failure is the test's, not the worker's
            answer = {"ok": False, "stdout": printed.getvalue(), "error": traceback.format_exc()}
        finally:
            translation.deactivate()
            connections.close_all()
        answers.write(json.dumps(answer) + "\n")
        answers.flush()


if __name__ == "__main__":
    main()
