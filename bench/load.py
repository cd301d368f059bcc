"""Load: the public pages and the totals API under 50 concurrent clients, and 20 trainers
recording activities with their sign-in lists at once, on SQLite and on PostgreSQL.

gunicorn on a loopback port, as in production. Public pages and the API are reported as
requests per second and 95th-percentile latency beside a trivial view (/healthz/, no
database) served by the same server in the same run. The trainers' run counts what was
accepted against what was stored: every accepted record must be there, with its list.
BENCH_LOAD_SECONDS (default 60) sets each run's length; BENCH_POSTGRES_URL (default a
campaigns_bench database on the local server) the PostgreSQL database, skipped if absent.
"""

from __future__ import annotations

import os
import re
import statistics
import tempfile
import threading
import time
import uuid

import psycopg
import requests
from psycopg import sql

from bench.site import ARTICLE, HOME, _manage, _serve, load

SECONDS = float(os.environ.get("BENCH_LOAD_SECONDS", "60"))
READERS = 50
TRAINERS = 20
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/campaigns_bench")
PASSWORD = "load-bench-password"  # throwaway users in a scratch database

SETUP_TRAINERS = f"""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from campaigns.models import Activity
from places.models import Place
from access.models import StaffScope
from access.roles import TRAINERS
Activity.objects.filter(title__startswith="Load ").delete()
thanh_hoa = Place.objects.get(is_current=True, level="province", code="38")
for n in range({TRAINERS}):
    user, _ = get_user_model().objects.get_or_create(username=f"load-trainer-{{n}}")
    user.set_password("{PASSWORD}")
    user.save()
    user.groups.add(Group.objects.get(name=TRAINERS))
    StaffScope.objects.get_or_create(user=user)[0].provinces.add(thanh_hoa)
print(Place.objects.get(is_current=True, level="commune", code="15013").pk)
"""
COUNT_STORED = """
from campaigns.models import Activity
from trainings.models import Attendance
print(Activity.objects.filter(title__startswith="Load ").count(),
      Attendance.objects.filter(activity__title__startswith="Load ").count())
"""


def _report(label: str, result: dict, baseline: dict) -> None:
    print(
        f"{label:<34} {result['rps']:7.0f} req/s  p95 {result['p95'] * 1000:7.1f} ms  errors {result['errors']}   "
        f"trivial view {baseline['rps']:6.0f} req/s  p95 {baseline['p95'] * 1000:6.1f} ms   "
        f"ratio rps {result['rps'] / baseline['rps']:4.2f}×  p95 {result['p95'] / baseline['p95']:5.1f}×"
    )


def readers(database_url: str) -> None:
    """50 clients for SECONDS on each address, the trivial view first as the baseline."""
    process, port = _serve(tempfile.mkdtemp(prefix="bench-static-"), 300, DATABASE_URL=database_url)
    try:
        load(port, "/healthz/", READERS, 2)  # warm up every worker
        baseline = load(port, "/healthz/", READERS, SECONDS)
        print(f"{READERS} clients, {SECONDS:.0f} s each, gunicorn")
        for label, path in [
            ("home page (cached)", HOME),
            ("article (cached)", ARTICLE),
            ("totals API by province", "/api/v1/stats/totals/?by=province"),
            ("totals API by province and year", "/api/v1/stats/totals/?by=province&by=year"),
        ]:
            load(port, path, READERS, 2)
            _report(label, load(port, path, READERS, SECONDS), baseline)
    finally:
        process.terminate()
        process.wait(10)


def _trainer(port: int, number: int, place: int, deadline: float, outcome: dict, lock: threading.Lock) -> None:
    base = f"http://127.0.0.1:{port}"
    session = requests.Session()
    session.get(f"{base}/admin/login/", timeout=30)
    session.post(
        f"{base}/admin/login/?next=/record/",
        data={
            "username": f"load-trainer-{number}",
            "password": PASSWORD,
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        },
        timeout=30,
    )
    accepted = failed = 0
    latencies = []
    sent = 0
    while time.perf_counter() < deadline:
        sent += 1
        form = {
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
            "client_uuid": str(uuid.uuid4()),
            "kind": "community",
            "title": f"Load {number}-{sent}",
            "start_date": "2026-03-01",
            "place": str(place),
            "new-TOTAL_FORMS": "2",
            "new-INITIAL_FORMS": "0",
            "new-MIN_NUM_FORMS": "0",
            "new-MAX_NUM_FORMS": "200",
            "new-0-full_name": f"Người tham dự {number}-{sent}-a",
            "new-0-gender": "female",
            "new-1-full_name": f"Người tham dự {number}-{sent}-b",
            "new-1-gender": "male",
        }
        started = time.perf_counter()
        try:
            response = session.post(f"{base}/record/", data=form, allow_redirects=False, timeout=60)
            ok = response.status_code == 302 and re.search(r"/record/\d+/$", response.headers.get("Location", ""))
        except requests.RequestException:
            ok = False
        if ok:
            accepted += 1
            latencies.append(time.perf_counter() - started)
        else:
            failed += 1
    with lock:
        outcome["accepted"] += accepted
        outcome["errors"] += failed
        outcome["latencies"].extend(latencies)


def trainers(label: str, database_url: str) -> None:
    place = int(_manage("shell", "-c", SETUP_TRAINERS, DATABASE_URL=database_url).split()[-1])
    process, port = _serve(tempfile.mkdtemp(prefix="bench-static-"), 300, DATABASE_URL=database_url)
    outcome = {"accepted": 0, "errors": 0, "latencies": []}
    lock = threading.Lock()
    try:
        deadline = time.perf_counter() + SECONDS
        threads = [
            threading.Thread(target=_trainer, args=(port, number, place, deadline, outcome, lock))
            for number in range(TRAINERS)
        ]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
    finally:
        process.terminate()
        process.wait(10)
    activities, lines = map(int, _manage("shell", "-c", COUNT_STORED, DATABASE_URL=database_url).split()[-2:])
    latencies = outcome["latencies"]
    p95 = statistics.quantiles(latencies, n=20)[-1] if len(latencies) > 1 else float("nan")
    lost = outcome["accepted"] - activities
    print(
        f"{TRAINERS} trainers on {label:<10} {outcome['accepted']:6d} records accepted in {elapsed:.0f} s "
        f"({outcome['accepted'] / elapsed:.1f}/s, p95 {p95 * 1000:.0f} ms), stored {activities} with {lines} "
        f"sign-in lines; errors {outcome['errors']}, lost {lost}"
    )
    assert lost == 0 and lines == 2 * activities, "records were lost"


def _postgres_available() -> bool:
    """Whether the PostgreSQL server answers; the bench's database is created when missing."""
    server, _, name = POSTGRES_URL.rpartition("/")
    try:
        with psycopg.connect(f"{server}/postgres", connect_timeout=3, autocommit=True) as connection:
            if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.OperationalError:
        return False
    return True


def main() -> None:
    sqlite_url = os.environ.get("DATABASE_URL", "")
    _manage("migrate", "--noinput")
    _manage("load_places")
    _manage("load_demo")
    readers(sqlite_url)
    trainers(sqlite_url.split(":", 1)[0], sqlite_url)
    if _postgres_available() and not sqlite_url.startswith("postgres"):
        for command in ("migrate", "load_places"):
            _manage(command, DATABASE_URL=POSTGRES_URL)
        trainers("postgresql", POSTGRES_URL)
    else:
        print(f"PostgreSQL run skipped: {POSTGRES_URL} does not answer.")
