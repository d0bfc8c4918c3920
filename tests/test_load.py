"""Two app servers under saturation while an editor saves a question every few seconds.

`make test-load` (not part of `make test` or `make test-services`: the `load` marker is
deselected by default in pyproject.toml). Two gunicorns with the production settings
share one fresh PostgreSQL database (the demo content and GENERATED_QUESTIONS generated
ones, so that lists have pages) and one private redis-server. One wrk per server reads
the mix of tests/load_mix.lua for LOAD_SECONDS (60; shorten it with the environment
variable of that name for a local run): pages the cache answers in all four languages,
pages that must be rendered, and junk (random query strings, made-up slugs and page
numbers, a made-up sessionid cookie). Meanwhile the test saves a question through the
admin every EDIT_EVERY seconds, alternately through each server.

The editor goes through the admin with a logged-in client, not through the ORM: it is
the path an editor takes (form, inline answers, tags, the transaction and what runs
after its commit, in a gunicorn worker under load), and the test process's own Django
stays on the settings pytest-django gave it instead of being pointed at the servers'
database and Redis.

What it asserts: no response with a 5xx status and every request answered (no socket
errors, no wrk timeout), the slowest answer faster than gunicorn's timeout and no worker
timed out; junk got its 404s and nothing else did; after every save the question page,
fetched anonymously from each server in each language (so through the page cache, where
the test saw the old page a moment before), shows the new text on the very next request.
The figures are printed (run with -s, as `make test-load` does).
"""

import json
import os
import re
import shutil
import statistics
import time
import uuid
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

from tests import servers

pytestmark = [pytest.mark.services, pytest.mark.load]

LOAD_SECONDS = int(os.environ.get("LOAD_SECONDS", "60"))
GUNICORN_TIMEOUT = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
EDIT_EVERY = 5  # seconds between two saves
GENERATED_QUESTIONS = 300  # with the demo's 13: about 30 pages in each language's home list
CONNECTIONS = 8  # per server: 4 per gunicorn worker, so there is always a queue
EDITED_QUESTIONS = 3  # the first questions shown in all four languages take turns
LANGUAGES = ("nl", "en", "de", "tr")
MIX = servers.ROOT / "tests" / "load_mix.lua"
KINDS = ("hot", "tail", "query", "cookie", "slug", "page")  # load_mix.lua's kinds of request
ADMIN = {"username": "editor", "password": "a-long-editor-password-for-tests"}


def require_wrk():
    """Skip without wrk (`make test-load` installs it); in CI, or with REQUIRE_SERVICES,
    a missing wrk fails the test instead."""
    if shutil.which("wrk"):
        return
    reason = "needs wrk (apt-get install wrk): run `make test-load`"
    if os.environ.get("REQUIRE_SERVICES") or os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    servers.require_services()
    require_wrk()
    tmp = tmp_path_factory.mktemp("load")
    base = urlsplit(os.environ["DATABASE_URL"])
    name = f"projectsports_load_{uuid.uuid4().hex[:8]}"
    admin_url = urlunsplit(base)
    database = urlunsplit(base._replace(path=f"/{name}"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    redis_port, ports = servers.free_port(), [servers.free_port(), servers.free_port()]
    started = []
    try:
        started.append(servers.start_redis(redis_port, tmp / "redis.log"))
        env = servers.production_env(
            DATABASE_URL=database,
            REDIS_URL=f"redis://127.0.0.1:{redis_port}/0",
            STATIC_ROOT=tmp / "static",
            GUNICORN_TIMEOUT=GUNICORN_TIMEOUT,
            DJANGO_SUPERUSER_USERNAME=ADMIN["username"],
            DJANGO_SUPERUSER_PASSWORD=ADMIN["password"],
            DJANGO_SUPERUSER_EMAIL="editor@example.org",
        )
        servers.manage("migrate", "--noinput", "--verbosity", "0", env=env)
        servers.manage("load_demo", env=env)
        servers.manage("generate_content", "--questions", str(GENERATED_QUESTIONS), "--seed", "7", env=env)
        servers.manage("createsuperuser", "--noinput", env=env)
        servers.manage("collectstatic", "--noinput", "--verbosity", "0", env=env)
        apps = []
        for n, port in enumerate(ports):
            apps.append(servers.start_gunicorn(port, env, tmp / f"app{n}.log"))
            started.append(apps[-1])
        yield {"ports": ports, "apps": apps, "database": database, "tmp": tmp}
    finally:
        for process in reversed(started):
            process.stop()
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# -- what to read ---------------------------------------------------------------------


def sitemap_paths(port):
    """{section: [path, ...]} of every sitemap section (home, questions-en, tags-de, ...)."""
    index = servers.get(port, "/sitemap.xml")
    assert index.status == 200, index.status
    sections = {}
    for loc in re.findall(r"<loc>([^<]+)</loc>", index.text):
        section = re.search(r"sitemap-([a-z]+(?:-[a-z]{2})?)\.xml", loc).group(1)
        part = urlsplit(loc)
        page = servers.get(port, part.path + (f"?{part.query}" if part.query else ""))
        assert page.status == 200, (loc, page.status)
        sections.setdefault(section, []).extend(
            urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", page.text)
        )
    return sections


def last_page(port, path):
    """The number of pages of a list, from its pagination ("Page 1 of 30", "Sayfa 1 / 27")."""
    page = servers.get(port, path)
    assert page.status == 200, (path, page.status)
    found = re.search(r'<nav class="pagination".*?<span>\D*\d+\D+(\d+)\s*</span>', page.text, re.S)
    return int(found.group(1)) if found else 1


def edited_questions(database, question_paths):
    """The first EDITED_QUESTIONS questions published in all four languages, with their
    page in each language: [(pk, {code: path})]."""
    available = " AND ".join(f"is_available_{code} AND publish_at_{code} <= now()" for code in LANGUAGES)
    slugs = ", ".join(f"slug_{code}" for code in LANGUAGES)
    with psycopg.connect(database) as conn:
        rows = conn.execute(
            f"SELECT id, {slugs} FROM qa_question WHERE {available} ORDER BY id LIMIT {EDITED_QUESTIONS}"
        ).fetchall()
    assert len(rows) == EDITED_QUESTIONS, rows
    found = []
    for pk, *slugs_in in rows:
        paths = {}
        for code, slug in zip(LANGUAGES, slugs_in, strict=True):
            paths[code] = next(path for path in question_paths[code] if path.endswith(f"/{slug}/"))
        found.append((pk, paths))
    return found


def request_mix(port, database):
    """The lines of load_mix.lua's path file, and the questions the editor changes."""
    sections = sitemap_paths(port)
    question_paths = {code: sections[f"questions-{code}"] for code in LANGUAGES}
    edited = edited_questions(database, question_paths)
    homes = sections["home"]
    categories = [path for code in LANGUAGES for path in sections[f"categories-{code}"]]
    others = [path for code in LANGUAGES for kind in ("tags", "askers") for path in sections[f"{kind}-{code}"]]
    hot = homes + categories + [path for _pk, paths in edited for path in paths.values()]
    tail = [path for paths in question_paths.values() for path in paths] + others
    deep = [f"{path}?page={n}" for path in homes + categories + others for n in range(2, last_page(port, path) + 1)]
    # A made-up slug goes after each kind of object page, in each language: /en/questions/ ...
    prefixes = sorted({path.rsplit("/", 2)[0] + "/" for path in categories + others + tail if path.count("/") == 4})
    lines = [f"hot {path}" for path in hot]
    lines += [f"tail {path}" for path in tail + deep]
    lines += [f"slug {prefix}" for prefix in prefixes]
    lines += [f"list {path}" for path in homes + categories]
    facts = {"hot": len(hot), "tail": len(tail) + len(deep), "deep list pages": len(deep), "slug prefixes": prefixes}
    return lines, edited, facts


# -- the editor -----------------------------------------------------------------------


def page_cache(response):
    return response.header("x-page-cache") or "-"


def cached_before(port, path, text):
    """Read the page until the page cache answers it (it then holds the current page);
    True if it did within three requests, showing text."""
    for _ in range(3):
        response = servers.get(port, path)
        if response.status == 200 and text in response.text and page_cache(response) == "hit":
            return True
    return False


def edit(n, pk, paths, jar, via, ports, originals, tokens):
    """Save question pk through server via's admin with a new summary in every language
    (the summary is on the question page), then read its pages from each server.
    Before the save, each page is seen in the page cache with the previous edit."""
    record = {"edit": n, "question": pk, "via": via, "problems": []}
    change = f"/admin/qa/question/{pk}/change/"
    form = servers.get(via, change, jar)
    assert form.status == 200, form.text[:500]
    fields = servers.admin_form_fields(form.text)
    originals.setdefault(pk, {code: fields[f"summary_{code}"] for code in LANGUAGES})
    for port in ports:
        for code in LANGUAGES:
            previous = f"{tokens[pk]} {code}" if pk in tokens else "</html>"
            if not cached_before(port, paths[code], previous):
                record["problems"].append(f"{port} {paths[code]}: not answered by the page cache before the save")

    token = tokens[pk] = f"load edit {n} {uuid.uuid4().hex[:10]}"
    for code in LANGUAGES:
        fields[f"summary_{code}"] = f"{originals[pk][code]} ({token} {code})"
    started = time.monotonic()
    saved = servers.post_form(via, change, fields | {"_save": "Save"}, jar)
    record["save_ms"] = (time.monotonic() - started) * 1000
    assert saved.status == 302, saved.text[:2000]

    # The other server first: it did not see the save happen.
    record["after"] = []
    for port in sorted(ports, key=lambda port: port == via):
        for code in LANGUAGES:
            page = servers.get(port, paths[code])
            record["after"].append(page_cache(page))
            if page.status != 200 or f"{token} {code}" not in page.text:
                record["problems"].append(
                    f"{port} {paths[code]}: {page.status} {page_cache(page)}, not the new summary on the next request"
                )
    return record


# -- wrk ------------------------------------------------------------------------------


def start_wrk(port, mix_file, seed, log_path):
    args = ["wrk", "--threads=1", f"--connections={CONNECTIONS}", f"--duration={LOAD_SECONDS}s"]
    args += [f"--timeout={GUNICORN_TIMEOUT}s", "--script", str(MIX)]
    for header in ("Host: 127.0.0.1", "X-Forwarded-Proto: https", "Accept-Encoding: gzip, br"):
        args += ["--header", header]
    args += [f"http://127.0.0.1:{port}", "--", str(mix_file), str(seed)]
    return servers.Process(args, dict(os.environ), log_path)


def wrk_result(process):
    try:
        process.popen.wait(timeout=LOAD_SECONDS + GUNICORN_TIMEOUT + 60)
    finally:
        output = process.output()
        process.stop()
    line = next((line for line in output.splitlines() if line.startswith("LOAD_JSON ")), None)
    assert process.popen.returncode == 0 and line, f"wrk failed ({process.popen.returncode}):\n{output}"
    numbers = json.loads(line.removeprefix("LOAD_JSON "))
    numbers["rps"] = numbers["requests"] / (numbers["duration_us"] / 1e6)
    for name in ("p50", "p99", "max"):
        numbers[name] = numbers.pop(f"{name}_us") / 1000  # ms
    return numbers


def server_log_lines(app, pattern):
    return [line for line in app.output().splitlines() if re.search(pattern, line)]


def figures(ports, results, edits, facts, paths, load_before):
    """What a run measured, for the log."""
    lines = [
        f"load: {LOAD_SECONDS} s, one wrk per server ({CONNECTIONS} connections), {paths} paths: {facts}; "
        f"machine load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after"
    ]
    for port, numbers in zip(ports, results, strict=True):
        lines.append(
            f"server :{port}: {numbers['requests']} requests, {numbers['rps']:.0f} req/s, "
            f"p50 {numbers['p50']:.1f} ms, p99 {numbers['p99']:.1f} ms, max {numbers['max']:.1f} ms; "
            f"2xx {numbers['s2xx']}, 3xx {numbers['s3xx']}, 404 {numbers['s404']}, other 4xx {numbers['s4xx']}, "
            f"5xx {numbers['s5xx']}; timeouts {numbers['timeouts']}, socket errors "
            f"{numbers['connect_errors']}/{numbers['read_errors']}/{numbers['write_errors']} (connect/read/write); "
            f"X-Page-Cache hit {numbers['hit']}, partial {numbers['partial']}, render {numbers['render']}, "
            f"none {numbers['absent']}; sent " + ", ".join(f"{kind} {numbers['sent_' + kind]}" for kind in KINDS)
        )
    if edits:
        saves = [record["save_ms"] for record in edits]
        seen = sum(1 for record in edits if not record["problems"])
        after = [value for record in edits for value in record["after"]]
        lines.append(
            f"edits: {len(edits)} (every {EDIT_EVERY} s, alternately through each server's admin), "
            f"{seen} seen on both servers in all four languages on the next request; save through the admin "
            f"median {statistics.median(saves):.0f} ms, max {max(saves):.0f} ms; first reads after the saves: "
            + ", ".join(f"{value} {after.count(value)}" for value in ("hit", "partial", "render"))
        )
    for record in edits:
        for problem in record["problems"]:
            lines.append(f"edit {record['edit']} (question {record['question']}, via :{record['via']}): {problem}")
    return "\n" + "\n".join(lines)


def test_two_servers_under_saturation_answer_everything_and_show_every_edit_at_once(site):
    ports, apps = site["ports"], site["apps"]
    lines, edited, facts = request_mix(ports[0], site["database"])
    mix_file = site["tmp"] / "paths.txt"
    mix_file.write_text("\n".join(lines) + "\n")
    jar = servers.admin_log_in(ports[0], ADMIN["username"], ADMIN["password"])  # one session for both servers

    load_before = os.getloadavg()[0]
    started = time.monotonic()
    runs = [start_wrk(port, mix_file, n + 1, site["tmp"] / f"wrk{n}.log") for n, port in enumerate(ports)]
    edits, originals, tokens = [], {}, {}
    try:
        n = 0
        # Every save and its checks happen while wrk is still reading (about 2 s to spare).
        while (n + 1) * EDIT_EVERY < LOAD_SECONDS - 2:
            time.sleep(max(0.0, started + (n + 1) * EDIT_EVERY - time.monotonic()))
            pk, paths = edited[n % len(edited)]
            edits.append(edit(n + 1, pk, paths, jar, ports[n % 2], ports, originals, tokens))
            n += 1
    finally:
        results = [wrk_result(run) for run in runs]

    print(figures(ports, results, edits, facts, len(lines), load_before))

    # -- the assertions -------------------------------------------------------------
    for app in apps:
        assert app.popen.poll() is None, f"a server exited:\n{app.output()[-3000:]}"
    errors_5xx = [line for app in apps for line in server_log_lines(app, r'" 5\d\d ')]
    assert sum(numbers["s5xx"] for numbers in results) == 0, "5xx responses:\n" + "\n".join(errors_5xx[:20])
    for numbers in results:
        assert numbers["requests"] > 0
        assert numbers["timeouts"] == 0, f"{numbers['timeouts']} requests took longer than {GUNICORN_TIMEOUT} s"
        assert numbers["max"] < GUNICORN_TIMEOUT * 1000
        assert numbers["connect_errors"] + numbers["read_errors"] + numbers["write_errors"] == 0, numbers
        # Made-up slugs and page numbers get their 404 (all but the few still in flight
        # when wrk stopped); no real page does.
        expected_404 = numbers["sent_slug"] + numbers["sent_page"]
        assert expected_404 - CONNECTIONS <= numbers["s404"] <= expected_404, numbers
        assert numbers["s4xx"] == 0, numbers
    worker_timeouts = [line for app in apps for line in server_log_lines(app, r"WORKER TIMEOUT")]
    assert not worker_timeouts, worker_timeouts
    assert edits
    stale = [f"edit {record['edit']}: {problem}" for record in edits for problem in record["problems"]]
    assert not stale, "\n".join(stale)
