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
