"""/healthz: what a load balancer asks."""

import json

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_healthy(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_any_host_header_is_answered(client):
    assert client.get("/healthz", HTTP_HOST="10.0.0.7:8000").status_code == 200


@override_settings(CACHES={"default": {"BACKEND": "tests.broken_cache.GoneCache"}})
def test_a_cache_that_is_down_is_named(client):
    response = client.get("/healthz")
    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["database"] == "ok" and body["cache"].startswith("down")


def test_a_database_that_is_down_is_named(client, monkeypatch):
    from django.db import OperationalError, connection

    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content)["database"] == "down: OperationalError"


def test_readers_get_a_plain_503_while_the_database_is_down(client, monkeypatch):
    from django.db import OperationalError

    import qa.content_version

    def refuse():
        raise OperationalError("connection refused")

    monkeypatch.setattr(qa.content_version, "read_from_database", refuse)
    client.raise_request_exception = False
    response = client.get("/de/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert '<html lang="de">' in response.content.decode()
    monkeypatch.undo()
    assert client.get("/de/").status_code == 200  # and it recovers by itself


@pytest.mark.django_db(transaction=True)  # PostgreSQL's read-only mode applies to new transactions
def test_a_database_that_cannot_be_written_is_named(client):
    from django.db import connection

    read_only = {
        "sqlite": ("PRAGMA query_only = ON", "PRAGMA query_only = OFF"),
        "postgresql": ("SET default_transaction_read_only = on", "SET default_transaction_read_only = off"),
    }[connection.vendor]
    with connection.cursor() as cursor:
        cursor.execute(read_only[0])
    try:
        response = client.get("/healthz")
    finally:
        with connection.cursor() as cursor:
            cursor.execute(read_only[1])
    assert response.status_code == 503
    assert json.loads(response.content)["database"].startswith("down")
    assert client.get("/healthz").status_code == 200


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options", "trace"])
@pytest.mark.parametrize("path", ["/en/", "/nl/vragen/nope/", "/en/feed.rss", "/de/feed.atom", "/sitemap.xml",
                                  "/sitemap-questions-tr.xml", "/robots.txt", "/"])  # fmt: skip
def test_reader_addresses_take_only_get_and_head(client, method, path):
    response = client.generic(method.upper(), path)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


def test_the_admin_still_takes_forms(client):
    assert client.post("/admin/login/", {"username": "x", "password": "y"}).status_code == 200


def test_a_bad_host_header_is_one_line_in_the_log(client, capsys):
    import logging

    from qa.middleware import OneLineFormatter

    client.raise_request_exception = False
    record_lines = []

    class Keep(logging.Handler):
        def emit(self, record):
            record_lines.append(self.format(record))

    handler = Keep()
    handler.setFormatter(OneLineFormatter())
    logger = logging.getLogger("django.security.DisallowedHost")
    logger.addHandler(handler)
    try:
        assert client.get("/en/", HTTP_HOST="evil.example").status_code == 400
    finally:
        logger.removeHandler(handler)
    assert len(record_lines) == 1 and "\n" not in record_lines[0] and "evil.example" in record_lines[0]
