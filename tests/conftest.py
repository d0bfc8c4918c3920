import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _no_language_leaks():
    """A language activated in one test (or one request) must not reach the next."""
    with translation.override("en"):
        yield


@pytest.fixture
def content(db):
    """A small site: two fully translated questions sharing a tag, and one without Turkish."""
    from tests.factories import make_category, make_question, make_tag

    with translation.override("en"):
        running = make_category("Running")
        marathon = make_tag("Marathon")
        first = make_question("First marathon", category=running, tags=[marathon], answers=3)
        second = make_question("Marathon shoes", category=running, tags=[marathon])
        no_turkish = make_question("Recovery", codes=("nl", "en", "de"), category=running)
    return {"category": running, "tag": marathon, "first": first, "second": second, "no_turkish": no_turkish}


@pytest.fixture(autouse=True)
def _fresh_cache_and_plain_static_files(settings):
    """Each test starts with an empty page cache, and serves static files without the
    manifest that only `collectstatic` writes (tests/test_production.py covers that).
    With Redis, the content version's copy is checked against the row by the first
    request of a test only, so that a test counting a hit's queries counts none."""
    from django.core.cache import cache

    settings.CONTENT_VERSION_CHECK_SECONDS = 3600

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    cache.clear()
