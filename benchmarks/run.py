"""Throughput and latency of the reader pages under gunicorn with the production
settings, measured with wrk against a Django hello-world baseline on the same gunicorn.

    make bench          # demo content on a fresh SQLite database; Redis when one answers, else local memory
    make bench-scale    # PostgreSQL + Redis, 100,000 generated questions
    .venv/bin/python benchmarks/run.py --rounds 1 --duration 2 --stream-seconds 20   # a quick look
    .venv/bin/python benchmarks/run.py --scale --questions 2000                        # a smaller scale run
    .venv/bin/python benchmarks/run.py --scale --keep-database projectsports_bench_100k
        # generates that database on the first run and reuses it afterwards (never dropped)
    .venv/bin/python benchmarks/run.py --scale --database-url postgres://postgres@127.0.0.1:5432/mydb
        # uses an existing database as it is (migrated; never generated, never dropped)
    BENCH_DATABASE_URL=postgres://user@host:5432/ make bench-scale   # another PostgreSQL server

`--scale` creates `projectsports_bench_<random>` on that server, migrates it, runs
`manage.py generate_content --questions N --seed 1` (`--questions`, default 100,000;
uses Redis at `--redis-url`
(default $REDIS_URL or redis://127.0.0.1:6379/14, flushed at the start and the end)
and drops the database at the end, also on failure and Ctrl-C (benchmarks/databases.py).

What it does: starts two gunicorns with gunicorn.conf.py and the same environment (the
production settings, `--workers` sync workers each, default 2) on loopback ports: the
site (tests/servers.py's start_gunicorn) and benchmarks/hello_world.py. It logs in a
staff user through /admin/login/, finds the URLs in the database
(benchmarks/discover.py) and counts each page's SQL queries in-process
(benchmarks/queries.py). Then `--rounds` interleaved rounds (default 3): each round runs
every row once with wrk for `--duration` seconds (default 5; `--connections` one per worker,
`--threads` 2), after a `--warmup` of 1 s per row before the first round. After each
run it waits until the server has answered what wrk left queued (slow pages), so every
row starts on an idle server. Every request carries `X-Forwarded-Proto: https` (the
production settings redirect plain HTTP), `Host: 127.0.0.1` and `Accept-Encoding:
gzip, br`. Options for make: `make bench BENCH_ARGS="--rounds 1 --duration 2"`.

Honest limits: wrk, both gunicorns and the database share the machine's cores (the
header says how many, and the load average before and after): the numbers compare pages
with each other and with hello world on one machine, they are no capacity figure.
gunicorn.conf.py's max_requests replaces workers now and then during a run (the header
counts it); a replacement lands in some row's p99.

Rows: hello world; a static file (the stylesheet of the home page); every reader page
type in two modes: `cached`, an anonymous reader (no cookie: the page cache answers);
`rendered`, a logged-in staff user's session cookie (bypasses the page cache: every
request is rendered, plus the session and user lookups).

Columns (medians over the rounds):
- req/s: requests per second wrk got answered.
- × hello: req/s divided by hello world's req/s in the same round.
- p50 ms, p99 ms: latency percentiles from wrk (queueing at the workers included).
- requests: the responses wrk counted, all rounds together (few: a rough number).
- bytes: the body of one request without Accept-Encoding (Content-Length or length);
  bytes gzip/br: the same with `Accept-Encoding: gzip, br`, and the encoding used.
- X-Page-Cache: the header's value (hit, partial, render; — if absent) on one more
  request after the rounds, when every worker has served the page.
- SQL: queries of one request, counted in-process with django.test.Client on the same
  database (fresh process, a cache of its own like the servers'): cached rows show a hit and,
  in brackets, the first (missing) request; rendered rows a staff request.
- errors: non-2xx/3xx responses and socket errors (connect, read, write, timeout) over
  all rounds, a round without any response, or a plain request's status when it is not
  200; such rows are marked ⚠.

Edit stream (`--edit-stream`, the default; `--no-edit-stream` skips it): wrk reads
1,000 distinct reader URLs (question pages in all four languages, one fifth list pages;
fewer when the database has fewer) for `--stream-seconds` (default 60) as an anonymous
reader while benchmarks/editor.py changes one question every 10 s through the ORM. It
reports req/s, p50/p99 and the count of each X-Page-Cache value: the share answered
without a full render is (hit + partial) / all requests ("header not sent" while the
app does not send it).

`--output FILE` also writes the Markdown to benchmarks/results/FILE.
"""

import argparse
import datetime
import json
import os
import platform
import random
import re
import runpy
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import django  # noqa: E402
import gunicorn  # noqa: E402

from benchmarks import databases, load, report  # noqa: E402
from tests import servers  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"
HOST = load.HOST
STAFF = {"username": "bench-staff", "password": "a-long-benchmark-staff-password-2026"}
EDIT_EVERY = 10
STREAM_SIZE = 1000
# The editors' busiest pages: the question list (100 a page), plain and with its
# costliest filter, and the translation dashboard's longest list.
ADMIN_PAGES = {
    "admin question list": "/admin/qa/question/",
    "admin list, Turkish missing": "/admin/qa/question/?state_tr=missing",
    "translation dashboard, de up to date": "/admin/qa/question/translations/?language=de&status=up_to_date",
}
say = databases.say


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers of each server (default 2)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (default 3)")
    parser.add_argument("--duration", type=int, default=5, help="seconds per row and round (default 5)")
    parser.add_argument("--warmup", type=int, default=1, help="seconds per row before the first round (default 1)")
    parser.add_argument(
        "--connections",
        type=int,
        help="wrk connections (default: one per worker, so latency is a request's own time, not a queue's)",
    )
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--edit-stream", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--stream-seconds", type=int, default=60, help="edit-stream phase length (default 60)")
    parser.add_argument("--output", help="also write the Markdown to benchmarks/results/OUTPUT")
    parser.add_argument(
        "--cache",
        choices=["auto", "redis", "local"],
        default="auto",
        help="the demo's cache: Redis at --redis-url, local memory, or auto: Redis when it answers (default)",
    )
    scale = parser.add_argument_group("scale (PostgreSQL + Redis)")
    scale.add_argument("--scale", action="store_true", help="PostgreSQL and Redis instead of SQLite")
    scale.add_argument("--questions", type=int, default=100_000, help="questions to generate (default 100000)")
    scale.add_argument(
        "--redis-url",
        default=os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/14",
        help="Redis for --scale (and the demo's --cache), flushed at the start and the end "
        "(default $REDIS_URL or database 14 on localhost)",
    )
    reuse = scale.add_mutually_exclusive_group()
    reuse.add_argument("--keep-database", metavar="NAME", help="generate NAME once, reuse it later, never drop it")
    reuse.add_argument("--database-url", metavar="URL", help="use this database as it is, never drop it")
    args = parser.parse_args()
    args.connections = args.connections or args.workers
    if (args.keep_database or args.database_url) and not args.scale:
        parser.error("--keep-database and --database-url go with --scale")
    if not load.wrk_path():
        parser.error("wrk is not installed: apt-get install wrk (make bench does it)")
    return args


def counting_env(env):
    """The servers' environment for counting queries in-process, with a cache of its
    own: with Redis another database of the same server (flushed first), so that a hit
    is counted as the servers answer it; else the local-memory cache."""
    if not env.get("REDIS_URL"):
        return dict(env)
    import redis

    url = urlsplit(env["REDIS_URL"])
    number = int(url.path.strip("/") or 0)
    own = urlunsplit(url._replace(path=f"/{(number + 1) % 16}"))
    redis.Redis.from_url(own).flushdb()
    return dict(env, REDIS_URL=own)


def django_json(module, env, *args, stdin=None):
    """Run one of the Django scripts beside this file; its last line of output is JSON."""
    result = subprocess.run(
        [sys.executable, "-m", module, *args], cwd=ROOT, env=env, input=stdin, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(f"{module} failed:\n{result.stdout}\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def get(port, path, cookie=None, encoding=None):
    headers = {"Host": HOST}
    if cookie:
        headers["Cookie"] = cookie
    if encoding:
        headers["Accept-Encoding"] = encoding
    return servers.request("GET", port, path, headers=headers, https_proxy=True)


def log_in(port):
    """A staff session through the admin's login form, as a browser behind the proxy gets it."""
    session = servers.admin_log_in(port, STAFF["username"], STAFF["password"]).get("sessionid")
    if not session:
        raise RuntimeError("staff login gave no session cookie")
    return f"sessionid={session}"


def create_staff(env):
    """The superuser whose session the rendered rows use (kept if a reused database has it)."""
    env = dict(
        env,
        DJANGO_SUPERUSER_USERNAME=STAFF["username"],
        DJANGO_SUPERUSER_PASSWORD=STAFF["password"],
        DJANGO_SUPERUSER_EMAIL="bench@example.org",
    )
    try:
        servers.manage("createsuperuser", "--noinput", env=env)
    except AssertionError as error:
        if "already taken" not in str(error):
            raise


def start_hello_world(port, env, log_path):
    """benchmarks/hello_world.py with gunicorn.conf.py: the app named on the command line wins over wsgi_app."""
    args = [str(servers.VENV_BIN / "gunicorn"), "--config", "gunicorn.conf.py", "--bind", f"{HOST}:{port}"]
    process = servers.Process([*args, "benchmarks.hello_world:application"], env, log_path)
    servers.wait_for_http(port, process, path="/")
    body = get(port, "/").text
    if body != "Hello, world":
        process.stop()
        raise RuntimeError(f"the hello-world server answers {body[:200]!r}")
    return process


def stylesheet(html):
    for tag in re.findall(r"<link\b[^>]*>", html):
        if re.search(r'rel="stylesheet"', tag) and (href := re.search(r'href="([^"]+)"', tag)):
            return urlsplit(unescape(href.group(1))).path
    raise RuntimeError("no <link rel=stylesheet> on the home page")


def sitemap_section(xml):
    """The first <loc> of the sitemap index that mentions questions, else the first one."""
    locs = [el.text.strip() for el in ElementTree.fromstring(xml).iter() if el.tag.endswith("loc") and el.text]
    if not locs:
        raise RuntimeError("the sitemap index lists no <loc>")
    loc = next((loc for loc in locs if "question" in loc), locs[0])
    parts = urlsplit(loc)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def probe(port, path, cookie=None):
    """One plain request and one with a browser's Accept-Encoding: status, sizes, cache header."""

    def size(response):
        return int(response.header("content-length") or len(response.body))

    try:
        plain = get(port, path, cookie)
        compressed = get(port, path, cookie, encoding=load.HEADERS["Accept-Encoding"])
    except OSError as error:  # e.g. no answer within the client's 30 s
        failed = dict.fromkeys(["bytes", "bytes_compressed", "encoding", "cache_header"])
        return {"status": type(error).__name__, **failed}
    return {
        "status": plain.status,
        "bytes": size(plain),
        "bytes_compressed": size(compressed),
        "encoding": compressed.header("content-encoding"),
        "cache_header": compressed.header("x-page-cache"),
    }


def rows_for(pages, app, hello, cookie):
    rows = [
        {"name": "hello world", "path": "/", "mode": "baseline", "port": hello, "cookie": None},
        {"name": "static file (CSS)", "path": pages.pop("static file (CSS)"), "mode": "static", "port": app},
    ]
    for name, path in pages.items():
        rows.append({"name": name, "path": path, "mode": "cached", "port": app, "cookie": None})
        rows.append({"name": name, "path": path, "mode": "rendered", "port": app, "cookie": cookie})
    for name, path in ADMIN_PAGES.items():
        rows.append({"name": name, "path": path, "mode": "admin", "port": app, "cookie": cookie})
    for row in rows:
        row.setdefault("cookie", None)
        row["results"] = []
    return rows


def wrk(row, args, seconds):
    result = load.run(
        row["port"],
        row["path"],
        seconds=seconds,
        connections=args.connections,
        threads=args.threads,
        cookie=row["cookie"],
    )
    load.settle(row["port"], "/" if row["mode"] == "baseline" else "/healthz", args.workers)
    return result


def measure(rows, args):
    if args.warmup > 0:
        say(f"warm-up: {args.warmup:g} s per row")
        for row in rows:
            wrk(row, args, args.warmup)
    for n in range(args.rounds):
        say(f"round {n + 1} of {args.rounds}: {len(rows)} rows × {args.duration:g} s")
        hello = None
        for row in rows:
            result = wrk(row, args, args.duration)
            hello = hello or result["rps"]
            result["ratio"] = result["rps"] / hello if row["mode"] != "baseline" and hello else None
            row["results"].append(result)


def check_paths(port, paths):
    """Every stream URL once (this also warms the cache): {status: count}."""

    def status(path):
        try:
            return str(get(port, path).status)
        except OSError as error:
            return type(error).__name__

    with ThreadPoolExecutor(4) as pool:
        return Counter(pool.map(status, paths))


def edit_stream(port, found, env, args, tmp):
    paths, pks = found["stream"], found["stream_questions"]
    say(f"edit stream: checking {len(paths)} URLs")
    statuses = check_paths(port, paths)
    paths_file = tmp / "stream-paths.txt"
    paths_file.write_text("\n".join(paths) + "\n")
    to_edit = random.Random(2).sample(pks, min(len(pks), int(args.stream_seconds // EDIT_EVERY) + 1))
    start_at = time.time() + 3
    editor = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.editor", "--start-at", str(start_at)]
        + ["--seconds", str(args.stream_seconds), "--every", str(EDIT_EVERY), *map(str, to_edit)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        time.sleep(max(0.0, start_at - time.time()))
        say(f"edit stream: {args.stream_seconds:g} s, one edit every {EDIT_EVERY} s")
        result = load.run(
            port,
            "/",
            seconds=args.stream_seconds,
            connections=args.connections,
            threads=args.threads,
            script="stream.lua",
            script_args=[str(paths_file)],
        )
        output, _ = editor.communicate(timeout=60)
    finally:
        if editor.poll() is None:
            editor.terminate()
            editor.wait(timeout=30)
    edits = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    is_question = set(found["stream_question_paths"])
    return {
        "result": result,
        "paths": paths,
        "questions": sum(1 for p in paths if p in is_question),
        "lists": sum(1 for p in paths if p not in is_question),
        "languages": len({p.split("/")[1] for p in is_question}),
        "statuses": statuses,
        "edits": edits,
        "seconds": f"{args.stream_seconds:g}",
        "every": EDIT_EVERY,
    }


def restarts(log_path):
    """How often max_requests made gunicorn replace a worker, from its log."""
    try:
        return Path(log_path).read_text(errors="replace").count("Autorestarting worker")
    except OSError:
        return 0


def code_version():
    """The commit measured, and whether the working tree had changes on top of it."""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True)
    except OSError:
        return "unknown (no git)"
    if commit.returncode != 0:
        return "unknown (not a git checkout)"
    return commit.stdout.strip() + (" with uncommitted changes" if dirty.stdout.strip() else "")


def header(args, site, facts, conf, machine):
    cores = os.cpu_count()
    visible = ", ".join(f"{code} {count:,}" for code, count in facts["visible"].items())
    cache = site.cache
    if facts["redis"]:
        cache += f", Redis {facts['redis']}"
    return [
        f"date: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC",
        f"machine: {cores} cores, {report.uname()}, {report.cpu_model()}; wrk, both gunicorns and the "
        f"database share these {cores} cores (one server is loaded at a time); load average "
        f"{machine['load_before']:.2f} before the run, {machine['load_after']:.2f} after (other work on the "
        "machine makes the numbers noisier)",
        f"software: Python {platform.python_version()}, Django {django.get_version()}, gunicorn "
        f"{gunicorn.__version__}, wrk {load.version()}, {facts['database']}",
        f"code: {machine['code']}",
        f"database: {facts['questions']:,} questions (visible: {visible}); {site.content}",
        f"cache: {cache}",
        f"servers: gunicorn.conf.py, {args.workers} sync workers each (site and hello world), production "
        f"settings; max_requests {conf['max_requests']} ± {conf['max_requests_jitter']} replaced workers "
        f"{machine['restarts_site']} times on the site and {machine['restarts_hello']} times on hello world "
        "during the run (a restart lands in some row's p99)",
        f"load: wrk {args.threads} threads, {args.connections} connections, {args.duration:g} s per row, "
        f"{args.rounds} interleaved round{'s' * (args.rounds != 1)} (medians shown), {args.warmup:g} s warm-up "
        "per row; headers X-Forwarded-Proto: https, Host: 127.0.0.1, Accept-Encoding: gzip, br",
        "SQL: counted in-process (django.test.Client, same database, a cache of its own like the servers'); "
        "cached rows: hit (first request); rendered rows: a logged-in staff request",
    ]


def run(args, site, tmp):
    env = site.env
    machine = {"load_before": os.getloadavg()[0], "code": code_version()}
    servers.manage("collectstatic", "--noinput", "--verbosity", "0", env=env)
    create_staff(env)
    say("finding URLs in the database")
    found = django_json("benchmarks.discover", env, str(STREAM_SIZE))
    app_port, hello_port = servers.free_port(), servers.free_port()
    started = []
    try:
        started.append(servers.start_gunicorn(app_port, env, tmp / "gunicorn-site.log"))
        started.append(start_hello_world(hello_port, env, tmp / "gunicorn-hello.log"))
        cookie = log_in(app_port)
        pages = {"static file (CSS)": stylesheet(get(app_port, "/en/").text)}
        pages.update(dict(found["pages"]))
        index = get(app_port, "/sitemap.xml")
        if index.status == 200:
            pages["sitemap section"] = sitemap_section(index.body)
        else:
            say(f"/sitemap.xml answers {index.status}: no sitemap section row")
        rows = rows_for(pages, app_port, hello_port, cookie)
        for row in rows:
            row["probe"] = probe(row["port"], row["path"], row["cookie"])
        say("counting SQL queries in-process")
        reader_paths = sorted({row["path"] for row in rows if row["mode"] in ("cached", "rendered")})
        query_env = counting_env(env)
        counts = django_json("benchmarks.queries", query_env, STAFF["username"], stdin=json.dumps(reader_paths))
        for row in rows:
            row["sql"] = counts.get(row["path"]) if row["mode"] in ("cached", "rendered") else None
        measure(rows, args)
        for row in rows:  # the cache header once the row has run: every worker has seen the page
            row["probe"]["cache_header"] = probe(row["port"], row["path"], row["cookie"])["cache_header"]
        stream = None
        if args.edit_stream and not found["stream_questions"]:
            say("no visible question to read and edit: edit stream skipped")
        elif args.edit_stream:
            stream = edit_stream(app_port, found, env, args, tmp)
    finally:
        for process in reversed(started):
            process.stop()
    machine.update(
        load_after=os.getloadavg()[0],
        restarts_site=restarts(tmp / "gunicorn-site.log"),
        restarts_hello=restarts(tmp / "gunicorn-hello.log"),
    )
    conf = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    title = "Project Sports benchmark: " + ("scale (PostgreSQL + Redis)" if args.scale else "demo (SQLite)")
    markdown = report.document(title, header(args, site, found["facts"], conf, machine), rows, stream)
    return markdown, report.had_errors(rows, stream)


def interrupt(signum, frame):
    raise KeyboardInterrupt


def main():
    args = parse_args()
    # Ctrl-C and SIGTERM both unwind through the finally blocks: servers stopped, the
    # scale database dropped (SIGINT too when started in the background, where it is ignored).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, interrupt)
    tmp = Path(tempfile.mkdtemp(prefix="projectsports-bench-"))
    env = servers.production_env(
        STATIC_ROOT=tmp / "static",
        WEB_CONCURRENCY=args.workers,
        LOG_LEVEL="info",  # gunicorn then logs the worker restarts that max_requests causes
        DJANGO_SETTINGS_MODULE="projectsports.settings",
    )
    if args.scale:
        prepared = databases.scale(
            env,
            questions=args.questions,
            redis_url=args.redis_url,
            keep_database=args.keep_database,
            database_url=args.database_url,
        )
    else:
        use_redis = args.cache == "redis" or (args.cache == "auto" and databases.redis_answers(args.redis_url))
        prepared = databases.demo(env, tmp, redis_url=args.redis_url if use_redis else None)
    try:
        with prepared as site:
            markdown, had_errors = run(args, site, tmp)
    except KeyboardInterrupt:
        say(f"interrupted; server logs kept in {tmp}")
        sys.exit(130)
    except BaseException:
        say(f"failed; server logs kept in {tmp}")
        raise
    if had_errors:
        say(f"some requests failed (rows marked ⚠); server logs kept in {tmp}")
    else:
        shutil.rmtree(tmp, ignore_errors=True)
    print(markdown)
    if args.output:
        target = Path(args.output)
        target = target if target.parent != Path(".") else RESULTS / target
        target.write_text(markdown)
        say(f"written to {target}")


if __name__ == "__main__":
    main()
