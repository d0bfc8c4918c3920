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
