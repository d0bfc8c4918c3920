"""Two app servers sharing one PostgreSQL and one Redis, as an operator scales out.

An edit made through one server's admin is seen through the other on the next
request; while PostgreSQL is unreachable readers get the pages in the cache and a
plain 503 for the others, and the servers recover by themselves; with Redis stopped,
both keep serving from the database.
Everything this test starts (a database, a redis-server, a TCP relay to PostgreSQL,
two gunicorns) is stopped or dropped again.
"""

import os
import re
import uuid
from html import unescape
from urllib.parse import urlencode, urlsplit, urlunsplit

import psycopg
import pytest
import redis

from tests import servers

pytestmark = pytest.mark.services

ADMIN = {"username": "editor", "password": "a-long-editor-password-for-tests"}


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    servers.require_services()
    tmp = tmp_path_factory.mktemp("cluster")
    base = urlsplit(os.environ["DATABASE_URL"])
    name = f"projectsports_scale_{uuid.uuid4().hex[:8]}"
    admin_url = urlunsplit(base)
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    redis_port, ports = servers.free_port(), [servers.free_port(), servers.free_port()]
    started = []
    # The app servers reach PostgreSQL through a relay that the test can cut.
    relay = servers.TcpProxy(base.port or 5432)
    via_relay = base._replace(netloc=f"{base.username or 'postgres'}@127.0.0.1:{relay.port}", path=f"/{name}")
    try:
        redis_server = servers.start_redis(redis_port, tmp / "redis.log")
        started.append(redis_server)
        env = servers.production_env(
            DATABASE_URL=urlunsplit(via_relay),
            REDIS_URL=f"redis://127.0.0.1:{redis_port}/0",
            STATIC_ROOT=tmp / "static",
            DJANGO_SUPERUSER_USERNAME=ADMIN["username"],
            DJANGO_SUPERUSER_PASSWORD=ADMIN["password"],
            DJANGO_SUPERUSER_EMAIL="editor@example.org",
        )
        servers.manage("migrate", "--noinput", "--verbosity", "0", env=env)
        servers.manage("load_demo", env=env)
        servers.manage("createsuperuser", "--noinput", env=env)
        servers.manage("collectstatic", "--noinput", "--verbosity", "0", env=env)
        for n, port in enumerate(ports):
            started.append(servers.start_gunicorn(port, env, tmp / f"app{n}.log"))
        yield {
            "ports": ports,
            "redis": redis_server,
            "redis_port": redis_port,
            "database": urlunsplit(base._replace(path=f"/{name}")),
            "relay": relay,
        }
    finally:
        for process in reversed(started):
            process.stop()
        relay.stop()
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def get(port, path, cookie_jar=None):
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookie_jar.items())} if cookie_jar else {}
    return servers.request("GET", port, path, headers=headers, https_proxy=True)


def post(port, path, fields, cookie_jar):
    headers = {
        "Cookie": "; ".join(f"{k}={v}" for k, v in cookie_jar.items()),
        "Content-Type": "application/x-www-form-urlencoded",
        "Origin": f"https://127.0.0.1:{port}",
        "Referer": f"https://127.0.0.1:{port}{path}",
    }
    return servers.request("POST", port, path, headers=headers, body=urlencode(fields, doseq=True), https_proxy=True)


def csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def log_in(port):
    jar = {}
    page = get(port, "/admin/login/")
    jar.update(servers.cookies(page))
    response = post(port, "/admin/login/", {**ADMIN, "csrfmiddlewaretoken": csrf_token(page.text)}, jar)
    assert response.status == 302, response.text[:500]
    jar.update(servers.cookies(response))
    return jar


def form_fields(html):
    """The current values of a Django admin change form's inputs and textareas."""
    fields = {}
    for tag in re.findall(r"<input[^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name and 'type="submit"' not in tag and 'type="checkbox"' not in tag:
            fields[name.group(1)] = unescape(value.group(1)) if value else ""
    for name, value in re.findall(r'<textarea name="([^"]+)"[^>]*>\n?(.*?)</textarea>', html, re.S):
        fields[name] = unescape(value)
    return fields


def category_id(database_url):
    with psycopg.connect(database_url) as conn:
        return conn.execute("SELECT id FROM qa_category WHERE slug_en = 'running'").fetchone()[0]


def test_an_edit_through_one_server_is_seen_through_the_other_at_once(cluster):
    one, two = cluster["ports"]
    page = "/en/categories/running/"
    before = get(two, page)
    assert before.status == 200 and "<h1>Running</h1>" in before.text
    assert redis.Redis(port=cluster["redis_port"]).keys("*page*")  # the page is now in the shared cache
    assert get(two, page).text == before.text

    jar = log_in(one)
    change = f"/admin/qa/category/{category_id(cluster['database'])}/change/"
    form = get(one, change, jar)
    fields = form_fields(form.text) | {"name_en": "Road and trail running", "_save": "Save"}
    response = post(one, change, fields, jar)
    assert response.status == 302, response.text[:1000]

    after = get(two, page)
    assert after.status == 200 and "<h1>Road and trail running</h1>" in after.text
    assert "Road and trail running" in get(one, "/en/").text


def test_while_postgresql_is_away_cached_pages_are_served_others_get_a_503_and_the_servers_recover(cluster):
    for port in cluster["ports"]:
        assert get(port, "/nl/").status == 200
    cluster["relay"].stop()
    try:
        for port in cluster["ports"]:
            # A cache hit needs only Redis (the content version's copy and the page).
            cached = get(port, "/nl/")
            assert cached.status == 200 and cached.header("x-page-cache") == "hit"
            down = get(port, f"/nl/vragen/nooit-bewaard-{port}/")  # never in the cache: needs the database
            assert down.status == 503 and down.header("retry-after") == "30"
            assert '<html lang="nl">' in down.text
            health = servers.request("GET", port, "/healthz")
            assert health.status == 503 and '"database": "down' in health.text
    finally:
        cluster["relay"].start()
    for port in cluster["ports"]:
        assert servers.eventually(lambda port=port: get(port, "/nl/").status == 200)
        assert servers.request("GET", port, "/healthz").status == 200


def test_both_servers_keep_serving_when_redis_stops(cluster):
    cluster["redis"].stop()
    for port in cluster["ports"]:
        for path in ["/en/", "/tr/", "/de/kategorien/laufen/"]:
            assert get(port, path).status == 200, (port, path)
        health = servers.request("GET", port, "/healthz")
        assert health.status == 503 and '"cache": "down' in health.text and '"database": "ok"' in health.text
