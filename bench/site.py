"""The public site under load: gunicorn on a loopback port, 20 concurrent clients.

For the home page and an article, requests per second and the 95th-percentile latency,
each as a ratio against a static file of the same size served by the same server
(WhiteNoise) in the same run; once with the page cache on (as in production) and once
with it off. The database and media are scratch (DATABASE_URL, bench-media/).
"""

from __future__ import annotations

import http.client
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
CLIENTS = 20
SECONDS = float(os.environ.get("BENCH_SECONDS", "5"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "5"))
HOME = "/"
ARTICLE = "/tin-bai/thanh-hoa-vung-bien-phong-ngua-mua-ban-nguoi/"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _env(**extra: str) -> dict:
    return {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.site_settings", "PYTHONPATH": str(PROJECT), **extra}


def _manage(*args: str, **environment: str) -> str:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=_env(**environment),
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def load(port: int, path: str, clients: int = CLIENTS, seconds: float = SECONDS) -> dict:
    """`clients` threads requesting `path` for `seconds`; a new connection per request
    (gunicorn's sync workers close it anyway)."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def client() -> None:
        mine, failed = [], 0
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                connection.close()
                if response.status != 200:
                    failed += 1
                    continue
            except OSError:
                failed += 1
                continue
            mine.append(time.perf_counter() - started)
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    p95 = statistics.quantiles(latencies, n=20)[-1] if len(latencies) > 1 else float("nan")
    return {"rps": len(latencies) / elapsed, "p95": p95, "errors": errors[0], "n": len(latencies)}


def _serve(static_root: str, cache_seconds: int, **environment: str):
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "--workers",
            str(WORKERS),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=PROJECT,
        env=_env(BENCH_STATIC_ROOT=static_root, PUBLIC_PAGE_CACHE_SECONDS=str(cache_seconds), **environment),
    )
    for _attempt in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{HOME}", timeout=2)
            return process, port
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError("gunicorn did not start")


def _print(label: str, page: dict, static: dict) -> None:
    print(
        f"{label:<30} {page['rps']:8.0f} req/s  p95 {page['p95'] * 1000:7.1f} ms   "
        f"static {static['rps']:6.0f} req/s  p95 {static['p95'] * 1000:6.1f} ms   "
        f"ratio rps {page['rps'] / static['rps']:4.2f}×  p95 {page['p95'] / static['p95']:5.1f}×"
        + (f"   errors {page['errors']}" if page["errors"] else "")
    )


def main() -> None:
    _manage("migrate", "--noinput")
    _manage("load_places")
    _manage("load_demo")
    static_root = tempfile.mkdtemp(prefix="bench-static-")
    try:
        # The baseline: the pages' own HTML, saved as files of the same size.
        process, port = _serve(static_root, 0)
        try:
            for name, path in (("home", HOME), ("article", ARTICLE)):
                body = urllib.request.urlopen(f"http://127.0.0.1:{port}{path}").read()
                Path(static_root, f"{name}.html").write_bytes(body)
                print(f"{name}: {len(body) / 1024:.1f} KiB of HTML")
        finally:
            process.terminate()
            process.wait(10)
        print(f"gunicorn, {WORKERS} sync workers; {CLIENTS} clients for {SECONDS:.0f} s per address")
        for cache_seconds, label in ((300, "cached"), (0, "uncached")):
            process, port = _serve(static_root, cache_seconds)
            try:
                for name, path in (("home", HOME), ("article", ARTICLE)):
                    load(port, path)  # warm every worker: renditions, cache
                    page = load(port, path)
                    static = load(port, f"/{name}.html")
                    _print(f"{name} ({label})", page, static)
            finally:
                process.terminate()
                process.wait(10)
    finally:
        shutil.rmtree(static_root, ignore_errors=True)
