"""A page's queries do not grow with its content, nor with the size of the site: every
page type is measured on a small site, the site grows (more questions, answers, tags,
related questions), and no page runs more queries than before."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from qa.sitemaps import SITEMAPS
from tests.factories import make_asker, make_category, make_question, make_tag, url

pytestmark = pytest.mark.django_db


# Statements that read or write nothing: savepoints, and the planner settings of a
# PostgreSQL search (qa.search.postgresql.match), which are SET LOCAL in a transaction.
CONTROL = ("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT", "SET LOCAL", "BEGIN", "COMMIT")


def queries_for(client, path):
    """The statements a page runs that read or write data."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return len([query for query in captured.captured_queries if not query["sql"].startswith(CONTROL)])


def pages(site):
    """Every reader page type (and the sitemaps), rendered (never from the page cache)."""
    question, category, tag, asker = site["question"], site["category"], site["tag"], site["asker"]
    with translation.override("en"):
        category_url = category.get_absolute_url()
    return {
        "home": "/en/",
        "home, page 2": "/en/?page=2",
        "question": url(question, "en"),
        "question (tr)": url(question, "tr"),
        "category": category_url,
        "tag": url(tag, "de"),
        "asker": url(asker, "nl"),
        "feed": "/en/feed.rss",
        "category feed": f"{category_url}feed.atom",
        "sitemap index": "/sitemap.xml",
        "sitemap of questions": "/sitemap-questions-en.xml",
        "sitemap of tags": "/sitemap-tags-en.xml",
    }


def test_no_page_runs_more_queries_on_a_bigger_site(client):
    category, tag, asker = make_category(), make_tag(), make_asker()
    question = make_question("Small", answers=2, tags=[tag], category=category, asker=asker)
    for n in range(11):  # enough for a second page of every list
        make_question(f"Other {n}", category=category, tags=[tag], asker=asker)
    site = {"question": question, "category": category, "tag": tag, "asker": asker}
    small = {name: queries_for(client, path) for name, path in pages(site).items()}

    tags = [tag, *(make_tag() for _ in range(9))]
    question.tags.set(tags)
    for n in range(12):
        make_question(f"More {n}", answers=5, tags=tags[: 1 + n % 10], category=category, asker=asker)
        make_question(f"Elsewhere {n}", answers=1, tags=[make_tag()])
    for position in range(3, 21):
        question.answers.create(
            position=position,
            **{f"{f}_{c}": f"{f} {position}" for f in ("heading", "body") for c in ("nl", "en", "de", "tr")},
        )
    big = {name: queries_for(client, path) for name, path in pages(site).items()}

    assert {name: count for name, count in big.items() if count > small[name]} == {}
    index = small.pop("sitemap index")
    assert max(small.values()) <= 10, small  # a question page rendered from nothing: see below
    assert index <= 2 * len(SITEMAPS) + 1  # a latest date and a count per section, whatever their size


def test_a_question_page_reads_little_more_than_its_row_once_its_parts_are_cached(
    client, admin_client, django_assert_max_num_queries
):
    category = make_category()
    tags = [make_tag() for _ in range(10)]
    large = make_question("Large", answers=30, tags=tags, category=category)
    for n in range(6):
        make_question(f"Related {n}", tags=tags[:2], category=category, asker=large.asker)
    # From nothing: the content version, the question; its article's category, asker,
    # tags and answers; its tag ids, related questions by tags, by text (the search
    # index, then the questions) and, when those are too few, of its category.
    with django_assert_max_num_queries(11):
        page = client.get(url(large, "en")).content.decode()
    assert page.count('class="answer"') == 30
    assert page.count('<li><a href="/en/questions/related-') == 6
    # After a change elsewhere: the article is cached, the related questions are not.
    make_question("Elsewhere", category=category, asker=large.asker)
    with django_assert_max_num_queries(8):
        assert client.get(url(large, "en"))["X-Page-Cache"] == "partial"
    # A staff member (no page cache) with both parts cached: the session, the user,
    # the content version and the question row.
    admin_client.get(url(large, "de"))
    with django_assert_max_num_queries(4):
        assert admin_client.get(url(large, "de"))["X-Page-Cache"] == "partial"
