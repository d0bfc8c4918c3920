"""After an edit elsewhere, a question page is rendered around its cached article
(X-Page-Cache: partial) instead of in full; any change that shows in the article
itself gives a fresh one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_category, make_question, url

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


def test_a_list_page_is_kept_until_a_question_it_shows_changes(client, content):
    page = url(content["category"], "en")
    assert get(client, page)[0]["X-Page-Cache"] == "render"
    elsewhere = make_category("Elsewhere")  # a category's name could be on any page: all are new
    assert get(client, page)[0]["X-Page-Cache"] == "render"
    make_question("Also elsewhere", category=elsewhere, asker=content["first"].asker)  # nothing shown here
    assert get(client, page)[0]["X-Page-Cache"] == "partial"
    content["second"].title_en = "Shoes for a marathon"
    content["second"].save()
    response, _queries = get(client, page)
    assert response["X-Page-Cache"] == "render" and "Shoes for a marathon" in response.content.decode()
    make_question("One more in the category", category=content["category"], asker=content["first"].asker)
    response, _queries = get(client, page)
    assert response["X-Page-Cache"] == "render" and "One more in the category (en)" in response.content.decode()


def test_the_home_sidebar_follows_every_change_while_the_list_is_kept(client, content):
    home = get(client, "/en/")[0].content.decode()
    assert 'Running (en)</a> <span class="count">(3)' in home
    make_question("Draft", category=content["category"], asker=content["first"].asker, status="draft")
    again = get(client, "/en/")[0]
    assert again["X-Page-Cache"] == "partial"  # the list shows the same questions
    content["no_turkish"].set_state("draft")
    content["no_turkish"].save()
    home = get(client, "/en/")[0].content.decode()
    assert 'Running (en)</a> <span class="count">(2)' in home and "Recovery (en)" not in home
