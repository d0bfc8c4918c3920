"""A page's queries do not grow with its content."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.factories import make_category, make_question, make_tag, url

pytestmark = pytest.mark.django_db


def queries_for(client, path):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_question_page_queries_are_the_same_for_a_small_and_a_large_question(client, django_assert_num_queries):
    category = make_category()
    small = make_question("Small", answers=2, tags=[make_tag()], category=category)
    small_count = queries_for(client, url(small, "en"))

    tags = [make_tag() for _ in range(10)]
    large = make_question("Large", answers=30, tags=tags, category=category)
    for n in range(6):
        make_question(f"Related {n}", tags=tags[:2], category=category)
    large_url = url(large, "en")
    with django_assert_num_queries(small_count):
        response = client.get(large_url)
    assert response.content.decode().count('class="answer"') == 30
    assert response.content.decode().count('<li><a href="/en/questions/related-') == 6
    assert small_count <= 6  # content version, question, answers, tags, related (and nothing per item)


def test_list_pages_do_not_query_per_question(client):
    category = make_category()
    tag = make_tag()
    make_question("One", category=category, tags=[tag])
    with translation.override("en"):
        pages = [reverse("qa:home"), category.get_absolute_url(), tag.get_absolute_url()]
    before = [queries_for(client, page) for page in pages]
    for n in range(8):
        make_question(f"More {n}", category=category, tags=[tag, make_tag()])
    assert [queries_for(client, page) for page in pages] == before
