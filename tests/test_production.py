"""`make serve` as an operator runs it: gunicorn with the production settings on a
fresh SQLite database, static files collected for WhiteNoise."""

import re

import pytest

from tests import servers

pytestmark = pytest.mark.production


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("serve")
    port = servers.free_port()
    env = servers.production_env(
        DATABASE_URL=f"sqlite:///{tmp / 'db.sqlite3'}",
        STATIC_ROOT=tmp / "static",
        BIND=f"127.0.0.1:{port}",
    )
    servers.manage("migrate", "--noinput", "--verbosity", "0", env=env)
    servers.manage("load_demo", env=env)
    process = servers.Process(["make", "--no-print-directory", "serve"], env, tmp / "serve.log")
    try:
        servers.wait_for_http(port, process, seconds=180)
        yield port, process
    finally:
        process.stop()


def test_pages_are_served_over_https_behind_the_proxy(served):
    port, _process = served
    assert servers.request("GET", port, "/en/", https_proxy=True).status == 200
    plain = servers.request("GET", port, "/en/")
    assert plain.status == 301 and plain.header("location") == f"https://127.0.0.1:{port}/en/"
    secure = servers.request("GET", port, "/nl/", https_proxy=True)
    assert secure.header("strict-transport-security").startswith("max-age=31536000")
    assert "unsafe-inline" not in secure.header("content-security-policy")


def test_healthz_answers_on_plain_http(served):
    port, _process = served
    response = servers.request("GET", port, "/healthz")
    assert response.status == 200 and '"database": "ok"' in response.text


def test_static_files_have_hashed_names_compression_and_far_future_caching(served):
    port, _process = served
    page = servers.request("GET", port, "/de/", https_proxy=True).text
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', page).group(1)
    response = servers.request("GET", port, stylesheet, headers={"Accept-Encoding": "gzip"}, https_proxy=True)
    assert response.status == 200
    assert response.header("content-encoding") == "gzip"
    assert "max-age=315360000" in response.header("cache-control") and "immutable" in response.header("cache-control")


def test_conditional_requests_get_304(served):
    port, _process = served
    first = servers.request("GET", port, "/tr/", https_proxy=True)
    again = servers.request("GET", port, "/tr/", headers={"If-None-Match": first.header("etag")}, https_proxy=True)
    assert again.status == 304


def test_the_access_log_goes_to_stdout(served):
    port, process = served
    servers.request("GET", port, "/en/?logged=1", https_proxy=True)
    assert servers.eventually(lambda: '"GET /en/?logged=1 HTTP/1.1" 200' in process.output())
