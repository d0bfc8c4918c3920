"""The reader's layout as the server writes it, in every language: valid machine dates
and dates written as each language writes them, the meta line, the breadcrumb, the
table of contents, numbered pagination, the page missing in one language, the footer.
(What a browser makes of it: tests/browser/test_reading_layout.py.)"""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from qa import views
from qa.languages import column
from qa.models import Question
from qa.readtime import read_time_text
from tests.factories import ALL, make_category, make_question, url
from tests.html import parse

pytestmark = pytest.mark.django_db

# Seconds at most: the HTML standard allows three decimal places, Django's date:'c' wrote six.
MACHINE_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00")


def classes(element):
    return element.attrs.get("class", "").split()


def with_class(root, name, tag=None):
    return [el for el in root.iter() if name in classes(el) and (tag is None or el.tag == tag)]


def home(code):
    return f"/{code}/"


def list_url(obj, code, page=1):
    return url(obj, code) + (f"?page={page}" if page > 1 else "")


@pytest.mark.parametrize("code", ALL)
def test_every_datetime_attribute_is_a_valid_time_to_the_second(client, content, code):
    pages = [url(content["first"], code), home(code), url(content["category"], code), url(content["tag"], code)]
    for path in pages:
        times = parse(client.get(path).content).find_all("time")
        assert times, path
        for time in times:
            value = time["datetime"]
            assert MACHINE_TIME.fullmatch(value), (path, value)
            assert datetime.fromisoformat(value).tzinfo is not None


WRITTEN = {
    # As each language writes a date: Turkish without a leading zero ("8 Eylül", not
    # "08 Eylül"), English with the month spelled out ("September 8", not "Sept. 8").
    "nl": ("8 september 2025", "1 maart 2026"),
    "en": ("September 8, 2025", "March 1, 2026"),
    "de": ("8. September 2025", "1. März 2026"),
    "tr": ("8 Eylül 2025", "1 Mart 2026"),
}


@pytest.mark.parametrize("code", ALL)
def test_dates_are_written_as_each_language_writes_them(client, code):
    september = make_question("September", published_at=datetime(2025, 9, 8, 10, 30, 15, 123456, tzinfo=UTC))
    march = make_question("March", published_at=datetime(2026, 3, 1, 23, 59, 59, 999999, tzinfo=UTC))
    for question, written in zip((september, march), WRITTEN[code], strict=True):
        machine = question.published_at.replace(microsecond=0).isoformat()
        for path in (url(question, code), home(code)):
            times = {t["datetime"]: t.text for t in parse(client.get(path).content).find_all("time")}
            assert times.get(machine) == written, (path, times)


@pytest.mark.parametrize("code", ALL)
def test_the_meta_line_is_read_time_asker_and_labelled_dates_each_in_its_own_part(client, content, code):
    question = content["first"]
    with translation.override(code):
        published, updated, asked_by = (translation.gettext(s) for s in ("Published:", "Updated:", "Asked by:"))
        minutes = read_time_text(getattr(question, column("read_time", code)))
    meta = parse(client.get(url(question, code)).content).find("p", class_="meta")
    parts = [child for child in meta.children if not isinstance(child, str)]
    # The separators come from the stylesheet: between the parts there is only space.
    assert all(not child.strip() for child in meta.children if isinstance(child, str))
    assert "·" not in meta.text
    assert [part.tag for part in parts] == ["span"] * 4
    read_time, asker, date, changed = parts
    assert read_time.text == minutes
    assert asker.text.startswith(asked_by) and asker.find("a")["href"] == url(question.asker, code)
    assert date.text.startswith(published) and date.find("time")["datetime"].startswith(
        str(question.published_at.date())
    )
    assert changed.text.startswith(updated)  # published yesterday, changed today
    # The category is in the breadcrumb, and nothing in the meta line names or labels it.
    assert getattr(content["category"], column("name", code)) not in meta.text
    assert not [a for a in meta.find_all("a") if a["href"] == url(content["category"], code)]


UPDATED = {
    # An update in the year of publication leaves the year out (MONTH_DAY_FORMAT).
    "nl": ("4 december", "1 maart 2026"),
    "en": ("December 4", "March 1, 2026"),
    "de": ("4. Dezember", "1. März 2026"),
    "tr": ("4 Aralık", "1 Mart 2026"),
}


@pytest.mark.parametrize("code", ALL)
def test_updated_is_shown_only_when_the_question_changed_on_a_later_day(client, code):
    with translation.override(code):
        label = translation.gettext("Updated:")
    published = datetime(2025, 9, 8, 10, 0, tzinfo=UTC)
    question = make_question("Changed", published_at=published)

    def meta_after_change(when):
        Question.objects.filter(pk=question.pk).update(updated_at=when)
        cache.clear()  # the page cache knows nothing of an update() behind the models' back
        return parse(client.get(url(question, code)).content).find("p", class_="meta")

    for same_day in (published, published + timedelta(hours=13)):
        meta = meta_after_change(same_day)
        assert label not in meta.text and len(meta.find_all("time")) == 1
        assert not with_class(meta, "updated")
    for when, written in zip(
        (datetime(2025, 12, 4, 8, 0, 0, 654321, tzinfo=UTC), datetime(2026, 3, 1, 8, 0, tzinfo=UTC)),
        UPDATED[code],
        strict=True,
    ):
        meta = meta_after_change(when)
        updated = with_class(meta, "updated", "span")[0]
        assert updated.text.startswith(label)
        assert updated.find("time")["datetime"] == when.replace(microsecond=0).isoformat()
        assert updated.find("time").text == written
        # Its label is in the markup whatever the screen (a phone may show it only to
        # screen readers beside "Updated:").
        assert with_class(with_class(meta, "published")[0], "label")[0].text.strip()


@pytest.mark.parametrize("code", ALL)
def test_the_breadcrumb_leads_to_the_category_and_stops_before_the_page_itself(client, content, code):
    question = content["first"]
    crumbs = parse(client.get(url(question, code)).content).find("nav", class_="breadcrumbs")
    assert [a["href"] for a in crumbs.find_all("a")] == [home(code), url(content["category"], code)]
    assert len(crumbs.find_all("li")) == 2
    assert getattr(question, column("title", code)) not in crumbs.text


@pytest.mark.parametrize("code", ALL)
def test_a_table_of_contents_from_three_answers_in_the_sidebar_and_folded_at_the_top(client, content, code):
    three = content["first"]  # three answers
    doc = parse(client.get(url(three, code)).content)
    headings = [f"#{s.find('h2')['id']}" for s in doc.find_all("section", class_="answer")]
    assert len(headings) == 3
    side = doc.find("aside").find("nav", class_="toc toc-side")
    inline = doc.find("article").find("nav", class_="toc toc-inline")
    for toc in (side, inline):
        assert [a["href"] for a in toc.find_all("a")] == headings
        assert doc.find(id=toc["aria-labelledby"])  # named by its own title
    # Folded on a phone without a script: a <details> before the first answer.
    details = inline.find("details")
    assert "open" not in details.attrs and details.find("summary")["id"] == inline["aria-labelledby"]
    article = doc.find("article")
    assert article.children.index(inline) < article.children.index(doc.find("section", class_="answer"))
    # In the sidebar, the related questions come below the contents.
    sticky = with_class(doc.find("aside"), "sidebar-sticky")[0]
    blocks = [child for child in sticky.children if not isinstance(child, str)]
    assert blocks[0] is side and "related-questions" in classes(blocks[1])
    assert getattr(content["second"], column("title", code)) in blocks[1].text

    two = parse(client.get(url(content["second"], code)).content)  # two answers
    assert not with_class(two, "toc")
    assert with_class(two.find("aside"), "related-questions")


@pytest.mark.parametrize("code", ALL)
def test_pagination_is_numbered_with_previous_next_and_the_current_page_marked(client, code):
    category = make_category("Paged")
    for n in range(2 * views.PAGE_SIZE + 1):
        make_question(f"Paged {n}", category=category)
    with translation.override(code):
        previous, next_ = translation.gettext("Previous"), translation.gettext("Next")
        current_label = translation.gettext("Page %(number)s of %(total)s") % {"number": 2, "total": 3}
    pages = {number: list_url(category, code, number) for number in (1, 2, 3)}

    def nav(number):
        return parse(client.get(pages[number]).content).find("nav", class_="pagination")

    middle = nav(2)
    numbers = [(a.text, a["href"]) for a in middle.find_all("a") if a.text.isdigit()]
    assert numbers == [("1", pages[1]), ("2", pages[2]), ("3", pages[3])]
    current = middle.find("a", aria_current="page")
    assert current.text == "2" and current["aria-label"] == current_label
    assert len(middle.find_all("a", aria_current="page")) == 1
    assert {a["href"] for a in middle.find_all("a", rel="prev")} == {pages[1]}
    assert {a["href"] for a in middle.find_all("a", rel="next")} == {pages[3]}
    texts = [a.text for a in middle.find_all("a")]
    assert texts[0] == previous and texts[-1] == next_

    first, last = nav(1), nav(3)
    assert previous not in first.text and not first.find_all("a", rel="prev")
    assert first.find("a", aria_current="page").text == "1"
    assert next_ not in last.text and not last.find_all("a", rel="next")
    assert last.find("a", rel="prev")["href"] == pages[2]


@pytest.mark.parametrize("code", ALL)
def test_a_question_missing_in_a_language_is_named_and_offered_in_the_others(client, code):
    others = [other for other in ALL if other != code]
    question = make_question("Only elsewhere", codes=others)
    english_slug = question.slug_en or question.slug_nl
    with translation.override(code):
        path = reverse("qa:question", kwargs={"slug": english_slug})
    response = client.get(path)
    assert response.status_code == 404
    doc = parse(response.content)
    assert doc.find("html")["lang"] == code
    # Named in the site's default language where it has it, else its first, marked so.
    shown_in = "en" if "en" in others else others[0]
    named = [span for span in doc.find("main").find_all("span") if span.attrs.get("lang") == shown_in]
    assert named and named[0].text == getattr(question, column("title", shown_in))
    offers = doc.find("ul", class_="offers").find_all("li")
    assert [li["lang"] for li in offers] == others
    assert [li.find("a")["href"] for li in offers] == [url(question, other) for other in others]
    assert [li.find("a").text for li in offers] == [getattr(question, column("title", o)) for o in others]
    missing = doc.find("nav", class_="language-tabs").find("span", class_="unavailable")
    assert missing["lang"] == code and missing["aria-current"] == "page"


@pytest.mark.parametrize("code", ALL)
def test_the_footer_lists_the_languages_the_feeds_and_the_sitemap_and_names_the_site_once(client, content, code):
    from django.conf import settings

    for path in (url(content["first"], code), home(code), url(content["category"], code)):
        footer = parse(client.get(path).content).find("footer")
        links = footer.find_all("a")
        assert [a["href"] for a in links] == [
            *(home(other) for other in ALL),
            f"/{code}/feed.rss",
            f"/{code}/feed.atom",
            "/sitemap.xml",
        ]
        # Each language by its own name, marked with its language, as the tabs write it.
        assert [(a.text, a["lang"]) for a in links[:4]] == [
            ("Nederlands", "nl"),
            ("English", "en"),
            ("Deutsch", "de"),
            ("Türkçe", "tr"),
        ]
        assert footer.find("a", aria_current="true")["href"] == home(code)
        assert footer.text.count(settings.SITE_NAME) == 1, footer.text
