"""Logging in, the admin and logging out while the session cache (Redis) is unreachable.

In-process with a cache that fails on every call (tests.broken_cache) or on demand,
and under gunicorn with REDIS_URL pointing at a port where nothing listens.
"""

import logging

import pytest
from django.core.cache.backends.locmem import LocMemCache
from django.test import RequestFactory

from qa import sessions
from tests import servers

PASSWORD = "a-long-editor-password-for-tests"
GONE = {"default": {"BACKEND": "tests.broken_cache.GoneCache"}}
SWITCHABLE = {"default": {"BACKEND": "tests.test_sessions_without_redis.SwitchableCache", "LOCATION": "sessions"}}


class SwitchableCache(LocMemCache):
    """Local memory that raises ConnectionError, as Redis does, while `down` is set."""

    down = False

    def _check(self):
        if SwitchableCache.down:
            raise ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    def get(self, *args, **kwargs):
        self._check()
        return super().get(*args, **kwargs)

    def set(self, *args, **kwargs):
        self._check()
        return super().set(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._check()
        return super().delete(*args, **kwargs)

    def has_key(self, *args, **kwargs):
        self._check()
        return super().has_key(*args, **kwargs)

    def delete_many(self, *args, **kwargs):
        self._check()
        return super().delete_many(*args, **kwargs)


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)


@pytest.fixture(autouse=True)
def _session_cache_state(settings, monkeypatch):
    """The session store of production (qa.sessions), with this process's view of its cache fresh."""
    settings.SESSION_ENGINE = "qa.sessions"
    monkeypatch.setattr(sessions, "health", sessions._CacheHealth())
    monkeypatch.setattr(SwitchableCache, "down", False)


def log_in(client):
    response = client.post("/admin/login/?next=/admin/", {"username": "editor", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/admin/", response.content[:500]


def test_log_in_use_the_admin_and_log_out_with_the_cache_down(client, editor, settings, caplog):
    """A correct login, the admin's pages and logout all work from the database alone."""
    settings.CACHES = GONE
    with caplog.at_level(logging.WARNING, logger="qa.sessions"):
        log_in(client)
        assert client.get("/admin/").status_code == 200
        assert client.get("/admin/qa/question/").status_code == 200
        assert client.post("/admin/logout/").status_code == 200
    assert client.get("/admin/").status_code == 302  # logged out for real
    assert "session cache unavailable (ConnectionError" in caplog.text


def test_a_wrong_password_is_refused_not_a_500(client, editor, settings):
    """The login throttle (django-axes, in the database) keeps working without the cache."""
    settings.CACHES = GONE
    response = client.post("/admin/login/", {"username": "editor", "password": "wrong"})
    assert response.status_code == 200 and b"correct username and password" in response.content


def test_a_session_logged_in_before_the_outage_goes_on(client, editor, settings):
    """A session the cache held is read from the database while the cache is down."""
    settings.CACHES = SWITCHABLE
    log_in(client)
    SwitchableCache.down = True
    assert client.get("/admin/qa/question/").status_code == 200


def test_a_logout_during_the_outage_is_not_undone_when_the_cache_is_back(client, editor, settings, monkeypatch):
    """The entry a failed delete left in the cache is deleted at the first call that reaches it."""
    settings.CACHES = SWITCHABLE
    log_in(client)
    old_cookie = client.cookies["sessionid"].value
    SwitchableCache.down = True
    assert client.post("/admin/logout/").status_code == 200
    SwitchableCache.down = False
    monkeypatch.setattr(sessions, "RETRY_SECONDS", 0)
    sessions.health.retry_at = 0
    client.cookies["sessionid"] = old_cookie
    assert client.get("/admin/").status_code == 302
    assert not sessions.health.stale_keys


def test_the_page_cache_renders_for_a_session_it_cannot_check(client, editor, settings):
    """With the cache down, a session cookie means "render, store nothing", never an error."""
    from qa.page_cache import has_logged_in_session

    settings.CACHES = GONE
    request = RequestFactory().get("/en/")
    request.COOKIES["sessionid"] = "a" * 32
    assert has_logged_in_session(request) is True


def test_an_unreachable_cache_is_skipped_for_a_while(editor, settings, django_assert_max_num_queries):
    """After one failure the store goes to the database without asking the cache again."""
    settings.CACHES = SWITCHABLE
    SwitchableCache.down = True
    store = sessions.SessionStore()
    store["seen"] = 1
    store.save()
    SwitchableCache.down = False  # back, but not asked until RETRY_SECONDS have passed
    assert sessions.SessionStore(store.session_key).load() == {"seen": 1}
    assert store.cache_key_prefix + store.session_key in sessions.health.stale_keys


# Under gunicorn, with the production settings.


@pytest.fixture(scope="module")
def server_without_redis(tmp_path_factory):
    servers.require_services()
    tmp = tmp_path_factory.mktemp("no_redis")
    with servers.own_database("noredis") as database:
        env = servers.production_env(
            DATABASE_URL=database,
            REDIS_URL=f"redis://127.0.0.1:{servers.free_port()}/0",  # nothing listens there
            STATIC_ROOT=tmp / "static",
            DJANGO_SUPERUSER_USERNAME="editor",
            DJANGO_SUPERUSER_PASSWORD=PASSWORD,
            DJANGO_SUPERUSER_EMAIL="editor@example.org",
        )
        servers.set_up_site(env)
        process = servers.start_gunicorn(port := servers.free_port(), env, tmp / "app.log")
        try:
            yield port, process
        finally:
            process.stop()


@pytest.mark.services
def test_under_gunicorn_the_admin_works_with_redis_unreachable(server_without_redis):
    """Login, the admin's pages and logout answer; readers too; /healthz names the cache as down."""
    port, process = server_without_redis
    health = servers.request("GET", port, "/healthz")
    assert health.status == 503 and '"cache": "down' in health.text and '"database": "ok"' in health.text
    assert servers.get(port, "/en/").status == 200
    jar = servers.admin_log_in(port, "editor", PASSWORD)
    for path in ["/admin/", "/admin/qa/question/", "/en/"]:
        response = servers.get(port, path, jar)
        assert response.status == 200, (path, response.status, process.output()[-2000:])
    page = servers.get(port, "/admin/", jar)
    logout = servers.post_form(port, "/admin/logout/", {"csrfmiddlewaretoken": servers.csrf_token(page.text)}, jar)
    assert logout.status == 200, logout.text[:500]
    assert servers.get(port, "/admin/", jar).status == 302
    output = process.output()  # the page cache logs the outage with its traceback: that is no error
    assert "Internal Server Error" not in output and '" 500 ' not in output, output[-3000:]
