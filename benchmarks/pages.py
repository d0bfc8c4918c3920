"""Throughput and latency of reader pages under gunicorn with the production settings.

    make bench                        # SQLite and local-memory cache, 2 workers
    DATABASE_URL=postgres://... REDIS_URL=redis://... make bench

Starts its own gunicorn on a free loopback port (a fresh SQLite database with the demo
content, unless DATABASE_URL is given, in which case that database is used as it is),
then for each page sends a bounded number of requests from a few client threads:
once as an anonymous reader (served from the page cache after the first request) and
once with a session cookie (which bypasses the cache: every request is rendered).
Prints one Markdown table; results/ keeps the ones we recorded.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests import servers  # noqa: E402

PAGES = {
    "home (tr)": "/tr/",
    "question (en, 7 answers)": "/en/questions/how-long-does-it-take-to-train-for-a-first-marathon/",
    "question (de)": "/de/fragen/wie-funktioniert-die-abseitsregel-im-fussball/",
    "category (nl)": "/nl/categorieen/hardlopen/",
}


def measure(port, path, requests, threads, cookie=None):
    headers = {"Cookie": cookie} if cookie else {}
    servers.request("GET", port, path, headers=headers, https_proxy=True)  # warm up

    def one(_):
        start = time.perf_counter()
        response = servers.request("GET", port, path, headers=headers, https_proxy=True)
        assert response.status == 200, (path, response.status)
        return time.perf_counter() - start

    started = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        latencies = sorted(pool.map(one, range(requests)))
    elapsed = time.perf_counter() - started
    return {
        "rps": requests / elapsed,
        "p50": statistics.median(latencies) * 1000,
        "p95": latencies[int(len(latencies) * 0.95) - 1] * 1000,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400, help="requests per page and mode")
    parser.add_argument("--threads", type=int, default=4, help="client threads")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="projectsports-bench-"))
    port = servers.free_port()
    env = servers.production_env(
        DATABASE_URL=os.environ.get("DATABASE_URL") or f"sqlite:///{tmp / 'db.sqlite3'}",
        STATIC_ROOT=tmp / "static",
        WEB_CONCURRENCY=args.workers,
        LOG_LEVEL="warning",
    )
    if os.environ.get("REDIS_URL"):
        env["REDIS_URL"] = os.environ["REDIS_URL"]
    if not os.environ.get("DATABASE_URL"):
        servers.manage("migrate", "--noinput", "--verbosity", "0", env=env)
        servers.manage("load_demo", env=env)
    servers.manage("collectstatic", "--noinput", "--verbosity", "0", env=env)
    process = servers.start_gunicorn(port, env, tmp / "gunicorn.log")
    try:
        database = "PostgreSQL" if env["DATABASE_URL"].startswith("postgres") else "SQLite"
        cache = "Redis" if env.get("REDIS_URL") else "local memory (per worker)"
        print(
            f"{database}, cache: {cache}, {args.workers} gunicorn workers, {args.threads} client threads, "
            f"{args.requests} requests per row, {os.cpu_count()} cores\n"
        )
        print("| page | mode | req/s | p50 ms | p95 ms |")
        print("| --- | --- | ---: | ---: | ---: |")
        for name, path in PAGES.items():
            for mode, cookie in [("anonymous (cached)", None), ("session cookie (rendered)", "sessionid=bench")]:
                result = measure(port, path, args.requests, args.threads, cookie)
                print(f"| {name} | {mode} | {result['rps']:.0f} | {result['p50']:.1f} | {result['p95']:.1f} |")
    finally:
        process.stop()


if __name__ == "__main__":
    main()
