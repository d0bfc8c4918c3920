"""After an edit elsewhere, a question page is rendered around its cached article
(X-Page-Cache: partial) instead of in full; any change that shows in the article
itself gives a fresh one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_question, url

pytestmark = pytest.mark.django_db


def get(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return response, [q["sql"] for q in queries]


def reads_answers(queries):
    return any('FROM "qa_answer"' in sql for sql in queries)


def test_an_edit_elsewhere_leaves_the_article_cached(client, content):
    page = url(content["first"], "en")
    first, queries = get(client, page)
    assert first["X-Page-Cache"] == "render" and reads_answers(queries)
    assert get(client, page)[0]["X-Page-Cache"] == "hit"
    # A new question in the same category, from the same asker: a new content version.
    make_question("Something else entirely", category=content["category"], asker=content["first"].asker)
    again, queries = get(client, page)
    assert again["X-Page-Cache"] == "partial" and not reads_answers(queries)
    article = first.content.decode().split("<main")[1].split("</main>")[0]
    assert article in again.content.decode()


def edit_answer(answer):
    answer.body_en = "An answer edited inline."
    answer.save()


@pytest.mark.parametrize(
    "change",
    [
        lambda c: setattr(c["first"], "title_en", "A new title") or c["first"].save(),
        lambda c: edit_answer(c["first"].answers.get(position=1)),
        lambda c: setattr(c["category"], "name_en", "Trail running") or c["category"].save(),
        lambda c: setattr(c["tag"], "name_en", "Ultra") or c["tag"].save(),
        lambda c: setattr(c["first"].asker, "name", "Someone Else") or c["first"].asker.save(),
        lambda c: c["first"].tags.clear(),
    ],
    ids=["title", "answer", "category", "tag", "asker", "tags"],
)
def test_a_change_that_shows_in_the_article_renders_it_again(client, content, change):
    page = url(content["first"], "en")
    get(client, page)
    change(content)
    response, queries = get(client, page)
    assert response["X-Page-Cache"] == "render" and reads_answers(queries)


def test_each_language_has_its_own_article(client, content):
    for code in ("nl", "en", "de", "tr"):
        response, _queries = get(client, url(content["first"], code))
        assert f"<h1>First marathon ({code})</h1>" in response.content.decode()
