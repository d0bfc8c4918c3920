"""What a question page shows, top to bottom."""

import pytest

from qa.models import Answer
from tests.factories import make_asker, make_question, make_tag, url
from tests.html import parse

pytestmark = pytest.mark.django_db


def test_title_read_time_asker_category_tags_and_date(client, content):
    question = content["first"]
    doc = parse(client.get(url(question, "en")).content)
    assert doc.find("h1").text == question.title_en
    meta = doc.find("p", class_="meta")
    assert f"{question.read_time_en} min read" in meta.text
    asker_link = [a for a in meta.find_all("a") if a.text == question.asker.name][0]
    assert asker_link["href"] == url(question.asker, "en")
    assert "Asked by:" in meta.text
    # The category is in the breadcrumb, not repeated in the meta line.
    assert content["category"].name_en not in meta.text
    assert content["category"].name_en in doc.find("nav", class_="breadcrumbs").text
    assert "Updated:" in meta.text  # published yesterday, changed today
    assert meta.find("time")["datetime"].startswith(str(question.published_at.date()))
    tags = doc.find("ul", class_="tags").find_all("a")
    assert [(a.text, a["href"]) for a in tags] == [(content["tag"].name_en, url(content["tag"], "en"))]


def test_each_answer_is_a_sub_question_heading_with_an_anchor_and_its_body(client):
    question = make_question("Anchors", answers=3)
    doc = parse(client.get(url(question, "nl")).content)
    sections = doc.find_all("section", class_="answer")
    assert len(sections) == 3
    for answer, section in zip(question.answers.all(), sections, strict=True):
        heading = section.find("h2")
        assert heading.text == answer.heading_nl
        assert heading["id"] and section["aria-labelledby"] == heading["id"]


MARKDOWN = """First paragraph with **bold**.

1. one
2. two

- apple
- pear

| Distance | Time |
|---|--:|
| 5 km | 25:00 |

> A quote.

<script>alert("x")</script><div onclick="evil()">kept text</div> <iframe src="https://example.org"></iframe>"""


def test_markdown_renders_lists_tables_and_quotes_and_drops_raw_html(client):
    question = make_question("Markdown", answers=1, body=MARKDOWN)
    response = client.get(url(question, "en"))
    body = parse(response.content).find("section", class_="answer")
    for tag in ("p", "strong", "ol", "ul", "table", "th", "td", "blockquote"):
        assert body.find_all(tag), tag
    html = response.content.decode()
    assert "alert" not in html and "onclick" not in html and "iframe" not in html
    assert "&lt;script" not in html  # removed, not escaped into view
    assert "kept text" in html
    assert body.find("td", class_="align-right num").text == "25:00"  # right-aligned, and a number


def test_a_table_of_contents_appears_from_three_answers(client):
    two = make_question("Two", answers=2)
    six = make_question("Three", answers=3)
    assert not parse(client.get(url(two, "en")).content).find_all("nav", class_="toc toc-side")
    toc = parse(client.get(url(six, "en")).content).find("nav", class_="toc toc-side")
    links = toc.find_all("a")
    assert len(links) == 3
    doc = parse(client.get(url(six, "en")).content)
    assert [a["href"] for a in links] == [
        f"#{h['id']}" for h in doc.find_all("h2") if h.attrs.get("id") in {a["href"][1:] for a in links}
    ]


def test_tags_without_a_translation_are_not_shown_in_that_language(client):
    only_english = make_tag("Only English", codes=("en",))
    question = make_question("Tagged", tags=[only_english, make_tag("Everywhere")])
    tr_tags = parse(client.get(url(question, "tr")).content).find("ul", class_="tags").find_all("a")
    assert [a.text for a in tr_tags] == ["Everywhere (tr)"]


def test_answers_are_in_their_position_order(client):
    question = make_question("Order", answers=0)
    for position, name in [(3, "third"), (1, "first"), (2, "second")]:
        Answer.objects.create(
            question=question,
            position=position,
            **{f"heading_{c}": f"{name}?" for c in ("nl", "en", "de", "tr")},
            **{f"body_{c}": name for c in ("nl", "en", "de", "tr")},
        )
    question.refresh_from_db()
    doc = parse(client.get(url(question, "en")).content)
    assert [s.find("h2").text for s in doc.find_all("section", class_="answer")] == ["first?", "second?", "third?"]


def test_asker_page_lists_their_visible_questions(client):
    asker = make_asker("Elif Yıldız")
    question = make_question("Asked", asker=asker)
    assert asker.slug == "elif-yildiz"
    page = client.get(url(asker, "tr")).content.decode()
    assert question.title_tr in page and "Elif Yıldız" in page


def test_dates_are_valid_machine_times_and_written_as_each_language_writes_them(client):
    import re
    from datetime import UTC, datetime

    question = make_question("Dated", published_at=datetime(2025, 9, 8, 10, 30, 15, 123456, tzinfo=UTC))
    written = {"nl": "8 september 2025", "en": "September 8, 2025", "de": "8. September 2025", "tr": "8 Eylül 2025"}
    for code, date in written.items():
        for page in (url(question, code), f"/{code}/"):
            times = parse(client.get(page).content).find_all("time")
            assert times, page
            # HTML allows at most three decimals of seconds; Django's date:'c' wrote six.
            assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", t["datetime"]) for t in times), page
            published = [t for t in times if t["datetime"] == "2025-09-08T10:30:15+00:00"]
            assert published and published[0].text == date, (page, [t.text for t in times])


def test_updated_is_shown_only_when_the_question_changed_on_a_later_day(client):
    from django.utils import timezone

    question = make_question("Fresh", published_at=timezone.now())
    meta = parse(client.get(url(question, "en")).content).find("p", class_="meta")
    assert "Updated:" not in meta.text and len(meta.find_all("time")) == 1
