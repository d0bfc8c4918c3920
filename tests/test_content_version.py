"""The content version's copy in Redis: a cache hit touches no database, and no
interleaving of a writer and a reader serves a page older than a committed change
(qa.content_version explains why). Needs Redis: `make test-services`."""

import threading

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from qa import content_version
from qa.models import Question
from tests import servers
from tests.factories import make_question, url

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _redis():
    servers.require_services()


def get(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return response, len(queries)


def test_a_hit_reads_the_version_and_the_page_from_redis_alone(client):
    question = make_question("Stable")
    page = url(question, "en")
    get(client, page)
    response, queries = get(client, page)
    assert response["X-Page-Cache"] == "hit" and queries == 0


def test_a_committed_change_raises_the_copy_and_leaves_nothing_pending():
    question = make_question("Before")
    shared = content_version.shared_copy()
    before, _pending, _pages = shared.read()
    with transaction.atomic():
        question.title_en = "After"
        question.save()
        _copy, pending_inside, _pages = shared.read()
        assert pending_inside  # marked before the commit
    after, pending, _pages = shared.read()
    assert not pending and after.number > before.number
    assert after.number == content_version.read_from_database().number


def test_the_copy_is_never_lowered_and_a_lost_copy_is_restored(client):
    question = make_question("Anything")
    shared = content_version.shared_copy()
    current, _pending, _pages = shared.read()
    shared.raise_copy(content_version.Version(current.number - 1, current.changed_at, None))
    assert shared.read()[0].number == current.number
    shared.forget()
    page = url(question, "en")
    _response, queries = get(client, page)
    assert queries > 0 and shared.read()[0].number == content_version.read_from_database().number
    assert get(client, page)[1] == 0


def test_a_pending_change_sends_readers_to_the_database(client):
    question = make_question("Pending")
    page = url(question, "en")
    get(client, page)
    marker = content_version.shared_copy().mark_pending()  # a writer between its bump and its commit
    response, queries = get(client, page)
    assert response["X-Page-Cache"] == "hit" and queries >= 1  # the row, not the copy
    content_version.shared_copy().publish_after_commit(marker)
    assert get(client, page)[1] == 0


def test_no_reader_after_the_commit_gets_the_old_page(client, monkeypatch):
    """A writer on one thread, a reader on another, stepped through the worst order:
    the reader renders (and stores) the page while the change is uncommitted, then
    asks again after the commit but before the writer has published the new number."""
    question = make_question("Old title")
    page = url(question, "en")
    saved, read_during, committed, read_after = (threading.Event() for _ in range(4))
    publish = content_version.SharedCopy.publish_after_commit

    def publish_late(self, marker):
        committed.set()
        read_after.wait(10)
        publish(self, marker)

    monkeypatch.setattr(content_version.SharedCopy, "publish_after_commit", publish_late)
    errors = []

    def writer():
        try:
            with transaction.atomic():
                changed = Question.objects.get(pk=question.pk)
                changed.title_en = "New title"
                changed.save()
                saved.set()
                read_during.wait(10)
        except Exception as error:  # reported below, in the test's own thread
            errors.append(error)
            committed.set()
        finally:
            connection.close()

    thread = threading.Thread(target=writer)
    thread.start()
    assert saved.wait(10)
    during = client.get(page).content.decode()
    read_during.set()
    assert committed.wait(10)
    after = client.get(page).content.decode()
    read_after.set()
    thread.join(10)
    assert not errors
    assert "<h1>Old title (en)</h1>" in during  # the change was not committed yet
    assert "<h1>New title</h1>" in after
