"""Related questions: same language, visible, never itself; two or more shared tags, then
similar text, then category, then one shared tag, then newest; at most six; never empty
while another question exists in the language."""

from datetime import timedelta

import pytest
from django.utils import timezone

from qa.models import Question
from qa.related import RELATED_LIMIT, related_questions
from tests.factories import make_category, make_question, make_tag, url
from tests.html import parse

pytestmark = pytest.mark.django_db


def days_ago(n):
    return timezone.now() - timedelta(days=n)


def titles(questions):
    return [q.title_en.removesuffix(" (en)") for q in questions]


def test_order_is_shared_tags_then_similar_text_then_category_then_one_tag_then_newest():
    running, cycling = make_category("Running"), make_category("Cycling")
    a, b, c = make_tag(), make_tag(), make_tag()
    question = make_question("Saddle height on a road bike", category=running, tags=[a, b, c])
    make_question("One tag, old", category=cycling, tags=[a], published_at=days_ago(30))
    make_question("Two tags", category=cycling, tags=[a, b], published_at=days_ago(20))
    make_question("Same category", category=running, published_at=days_ago(10))
    make_question("How high should a saddle be?", category=cycling, published_at=days_ago(50))
    make_question("Newest, unrelated", category=cycling, published_at=days_ago(1))
    make_question("Older, unrelated", category=cycling, published_at=days_ago(40))
    assert titles(related_questions(question, "en")) == [
        "Two tags",
        "How high should a saddle be?",
        "Same category",
        "One tag, old",
        "Newest, unrelated",
        "Older, unrelated",
    ]


def test_the_most_similar_titles_come_first_in_every_language():
    question = make_question("Marathon pacing strategy")
    make_question("Marathon nutrition", published_at=days_ago(1))
    make_question("Marathon pacing for beginners", published_at=days_ago(5))
    make_question("Swimming drills", published_at=days_ago(0))
    for code in ("nl", "en", "de", "tr"):
        found = [getattr(other, f"title_{code}") for other in related_questions(question, code)]
        assert found[:2] == [f"Marathon pacing for beginners ({code})", f"Marathon nutrition ({code})"], code


def test_at_most_six_never_itself_only_visible_and_in_the_language():
    tag = make_tag()
    question = make_question("Main", tags=[tag])
    for n in range(RELATED_LIMIT + 2):
        make_question(f"Other {n}", tags=[tag])
    make_question("Draft", tags=[tag], status=Question.State.DRAFT)
    make_question("Scheduled", tags=[tag], published_at=timezone.now() + timedelta(days=1))
    make_question("No Turkish", tags=[tag], codes=("en",))
    turkish = related_questions(question, "tr")
    assert len(turkish) == RELATED_LIMIT
    assert question not in turkish
    assert not {"Draft", "Scheduled", "No Turkish"} & set(titles(turkish))
    assert "No Turkish" in titles(Question.objects.visible("en").exclude(pk=question.pk))


def test_the_sidebar_is_filled_even_when_nothing_shares_a_tag_or_category(client):
    question = make_question("Alone")
    other = make_question("Unrelated")
    doc = parse(client.get(url(question, "de")).content)
    assert [a.text for a in doc.find("aside").find_all("a")] == [other.title_de]


def test_the_sidebar_shows_read_time_and_links_in_the_pages_language(client):
    tag = make_tag()
    question = make_question("Main", tags=[tag])
    other = make_question("Other", tags=[tag])
    aside = parse(client.get(url(question, "nl")).content).find("aside")
    link = aside.find("a")
    assert (link.text, link["href"]) == (other.title_nl, url(other, "nl"))
    assert aside.find("span", class_="read-time").text.startswith(str(other.read_time_nl))


def test_drafts_and_scheduled_questions_appear_in_no_list_sidebar_or_count(client):
    category, tag = make_category("Running"), make_tag("Marathon")
    shown = make_question("Shown", category=category, tags=[tag])
    hidden = [
        make_question("Draft", category=category, tags=[tag], status=Question.State.DRAFT),
        make_question("Scheduled", category=category, tags=[tag], published_at=timezone.now() + timedelta(hours=2)),
    ]
    pages = ["/en/", url(category, "en"), url(tag, "en"), url(shown, "en"), url(shown.asker, "en")]
    for page in pages:
        html = client.get(page).content.decode()
        for question in hidden:
            assert question.title_en not in html, page
    home = parse(client.get("/en/").content).find("aside").text
    assert "Running (en) (1)" in home
    for question in hidden:
        assert client.get(f"/en/questions/{question.slug_en}/").status_code == 404
