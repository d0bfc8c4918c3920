"""The content version's copy in Redis: a cache hit touches no database, and no
interleaving of a writer and a reader serves a page older than a committed change
(qa.content_version explains why). Needs Redis: `make test-services`."""

import dataclasses
import subprocess
import threading
import time
import uuid

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from qa import content_version
from qa.models import ContentVersion, Question
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


def check_at_every_request(settings):
    settings.CONTENT_VERSION_CHECK_SECONDS = 0.001


def test_after_a_restore_of_an_older_backup_no_stale_page_is_served(client, settings):
    """The row goes back to an older state (as pg_restore puts it), with the content:
    the copy, higher, is replaced at the next check, and a number the restored row
    reaches again names other pages than the same number did before."""
    check_at_every_request(settings)
    question = make_question("Before the backup")
    page = url(question, "en")
    backup = ContentVersion.objects.values().get(pk=1)
    question_backup = Question.objects.values().get(pk=question.pk)
    for title in ["Edited after the backup", "Edited twice"]:
        edited = Question.objects.get(pk=question.pk)
        edited.title_en = title
        edited.save()
        assert f"<h1>{title}</h1>" in client.get(page).content.decode()
    # The restore: the rows as they were, written without any change announced.
    Question.objects.filter(pk=question.pk).update(**question_backup)
    ContentVersion.objects.filter(pk=1).update(**{k: v for k, v in backup.items() if k != "id"})
    time.sleep(0.01)
    assert "<h1>Before the backup (en)</h1>" in client.get(page).content.decode()
    assert content_version.shared_copy().read()[0].number == backup["number"]
    edited = Question.objects.get(pk=question.pk)
    edited.title_en = "Edited after the restore"
    edited.save()  # the number reached before the restore, again
    assert "<h1>Edited after the restore</h1>" in client.get(page).content.decode()


def test_a_copy_of_another_databases_row_is_replaced_not_trusted(client, settings):
    check_at_every_request(settings)
    question = make_question("Ours")
    page = url(question, "en")
    client.get(page)
    ours = content_version.read_from_database()
    shared = content_version.shared_copy()
    theirs = dataclasses.replace(ours, database_id=uuid.uuid4().hex)
    shared.client.set(shared.state_key, theirs.serialise())
    time.sleep(0.01)
    assert client.get(page).status_code == 200
    assert shared.read()[0] == ours


def test_sites_on_other_databases_keep_their_own_copies(settings):
    shared = content_version.shared_copy()
    other = content_version.SharedCopy(settings.REDIS_URL, "another-database")
    assert other.state_key != shared.state_key and other.pending_key != shared.pending_key


def test_the_copy_is_checked_by_one_request_per_interval(client, settings):
    settings.CONTENT_VERSION_CHECK_SECONDS = 60
    question = make_question("Checked")
    page = url(question, "en")
    get(client, page)
    shared = content_version.shared_copy()
    shared.client.delete(shared.check_key)
    assert get(client, page)[1] == 1  # the row, once
    assert get(client, page)[1] == 0


# Under gunicorn, with pg_dump and pg_restore.


@pytest.fixture
def site_with_backup(tmp_path):
    with servers.own_database("restore") as database:
        redis = servers.start_redis(servers.free_port(), tmp_path / "redis.log")
        env = servers.production_env(
            DATABASE_URL=database,
            REDIS_URL=f"redis://127.0.0.1:{redis_port(redis)}/0",
            STATIC_ROOT=tmp_path / "static",
            DJANGO_SUPERUSER_USERNAME="editor",
            DJANGO_SUPERUSER_PASSWORD="a-long-editor-password-for-tests",
            DJANGO_SUPERUSER_EMAIL="editor@example.org",
            CONTENT_VERSION_CHECK_SECONDS="0.5",
        )
        servers.set_up_site(env)
        app = servers.start_gunicorn(port := servers.free_port(), env, tmp_path / "app.log")
        try:
            yield {"port": port, "env": env, "database": database, "app": app}
        finally:
            app.stop()
            redis.stop()


def redis_port(process):
    return process.popen.args[process.popen.args.index("--port") + 1]


EDIT = """
from qa.links import url_in
from qa.models import Question
question = Question.objects.order_by("pk").first()
if {title!r}:
    question.title_en = {title!r}
    question.save()
print(url_in("en", obj=question))
"""


def edit_first_question(env, title=""):
    return servers.manage("shell", "--no-imports", "-c", EDIT.format(title=title), env=env).strip()


@pytest.mark.services
def test_restoring_an_older_backup_under_a_running_server_serves_no_stale_page(site_with_backup, tmp_path):
    """Dump, edit a title, read its page (cached), restore the dump: the next reads
    show the restored title, and an edit after the restore is seen at once."""
    site, dump = site_with_backup, tmp_path / "site.dump"
    page = edit_first_question(site["env"])
    original = servers.get(site["port"], page).text
    subprocess.run(["pg_dump", "--format=custom", f"--file={dump}", site["database"]], check=True)
    assert edit_first_question(site["env"], "Edited after the backup") == page  # a new title keeps its address
    for _ in range(2):
        assert "<h1>Edited after the backup</h1>" in servers.get(site["port"], page).text
    restore = ["pg_restore", "--clean", "--if-exists", "--single-transaction", f"--dbname={site['database']}", dump]
    subprocess.run(restore, check=True, capture_output=True)
    time.sleep(0.6)  # CONTENT_VERSION_CHECK_SECONDS: the copy is checked against the restored row
    for _ in range(3):
        restored = servers.get(site["port"], page)
        assert restored.status == 200 and "Edited after the backup" not in restored.text
        assert restored.text.split("<h1>")[1].split("</h1>")[0] == original.split("<h1>")[1].split("</h1>")[0]
    again = edit_first_question(site["env"], "Edited after the restore")
    assert "<h1>Edited after the restore</h1>" in servers.get(site["port"], again).text
    assert "Traceback" not in site["app"].output()
