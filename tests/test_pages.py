"""Every reader page, in every language: it answers, in its own language, as valid and
semantic HTML."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import url
from tests.html import parse

LANGUAGES = ["nl", "en", "de", "tr"]
PAGES = ["home", "question", "category", "tag", "asker"]


def page_url(content, page, code):
    if page == "home":
        with translation.override(code):
            return reverse("qa:home")
    obj = {
        "question": content["first"],
        "category": content["category"],
        "tag": content["tag"],
        "asker": content["first"].asker,
    }[page]
    return url(obj, code)


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_each_page_answers_in_each_language_as_semantic_html(client, content, page, code):
    response = client.get(page_url(content, page, code))
    assert response.status_code == 200
    doc = parse(response.content)
    assert doc.find("html")["lang"] == code
    assert len(doc.find_all("h1")) == 1
    for landmark in ("header", "nav", "main", "footer"):
        assert doc.find_all(landmark), f"no <{landmark}>"
    assert doc.find("main")["id"] == "main_content"
    assert doc.find("a", class_="skip-link")["href"] == "#main_content"


def test_question_page_has_its_sidebar_in_an_aside(client, content):
    doc = parse(client.get(url(content["first"], "en")).content)
    aside = doc.find("aside")
    assert content["second"].title_en in aside.text


def test_pages_run_no_script_and_load_nothing_from_another_host(client, content):
    for page in PAGES:
        doc = parse(client.get(page_url(content, page, "de")).content)
        for script in doc.find_all("script"):  # structured data only, never code
            assert script.attrs == {"type": "application/ld+json"}
        for link in doc.find_all("link"):
            assert link["href"].startswith(("/", "http://testserver/")), link.attrs
        for element in doc.find_all("img") + doc.find_all("iframe"):
            assert element["src"].startswith("/"), element.attrs


def test_the_stylesheet_has_a_visible_focus_style_and_no_imports():
    from pathlib import Path

    css = (Path(__file__).resolve().parent.parent / "static" / "css" / "site.css").read_text()
    assert ":focus-visible" in css and "outline" in css
    assert "@import" not in css and "http" not in css
    assert "@media" in css  # responsive from phone to desktop


def test_lists_show_only_questions_of_the_pages_language(client, content):
    turkish = client.get(page_url(content, "category", "tr")).content.decode()
    assert content["first"].title_tr in turkish
    assert content["no_turkish"].title_en not in turkish
    dutch = client.get(page_url(content, "category", "nl")).content.decode()
    assert content["no_turkish"].title_nl in dutch


def test_home_lists_categories_with_counts_and_most_used_tags(client, content):
    doc = parse(client.get(page_url(content, "home", "tr")).content)
    aside = doc.find("aside")
    assert "Running (tr) (2)" in aside.text  # the question without Turkish is not counted
    assert content["tag"].name_tr in aside.text


def test_lists_are_paginated(client, content, settings):
    from qa import views
    from tests.factories import make_question

    for n in range(views.PAGE_SIZE):
        make_question(f"Extra {n}", category=content["category"])
    first_page = parse(client.get(page_url(content, "category", "en")).content)
    assert len(first_page.find("ol", class_="question-list").find_all("li")) == views.PAGE_SIZE
    base = page_url(content, "category", "en")
    assert first_page.find("a", rel="next")["href"] == f"{base}?page=2"
    second = client.get(base + "?page=2&utm_source=x")
    assert second.status_code == 200
    doc = parse(second.content)
    assert len(doc.find("ol", class_="question-list").find_all("li")) == 3
    # Numbered: page 1 is the list's own address, the current page is marked, and no
    # parameter a visitor added is carried into the links.
    nav = doc.find("nav", class_="pagination")
    assert [(a.text, a["href"]) for a in nav.find_all("a") if a.text.isdigit()] == [
        ("1", base),
        ("2", f"{base}?page=2"),
    ]
    assert nav.find("a", aria_current="page").text == "2"
    assert [a["href"] for a in nav.find_all("a", rel="prev")] == [base, base]
    assert "utm_source" not in str(nav)


def test_long_lists_elide_the_page_numbers_between_the_ends_and_this_page(rf):
    from django.core.paginator import Paginator
    from django.template import Context, Template

    page = Paginator(range(200), 10).page(10)
    request = rf.get("/en/search/", {"q": "tempo", "page": "10", "junk": "1"})
    html = Template('{% load page_links %}{% page_links page keep="q" %}').render(
        Context({"page": page, "request": request})
    )
    nav = parse(html)
    assert [li.text.strip() for li in nav.find_all("li")] == [
        "Previous", "1", "…", "8", "9", "10", "11", "12", "…", "20", "Next",
    ]  # fmt: skip
    links = {a.text: a["href"] for a in nav.find_all("a")}
    assert links["1"] == "/en/search/?q=tempo" and links["Next"] == "/en/search/?q=tempo&page=11"


@pytest.mark.parametrize("query", ["?page=99", "?page=abc", "?page=-1"])
def test_a_page_number_that_does_not_exist_is_a_404(client, content, query):
    assert client.get(page_url(content, "home", "en") + query).status_code == 404


def test_the_footer_links_the_languages_the_feeds_and_the_sitemap_in_every_language(client, content):
    homes = {"nl": "/nl/", "en": "/en/", "de": "/de/", "tr": "/tr/"}
    credit = {
        "nl": "Geschreven en vertaald door onze redactie.",
        "en": "Written and translated by our editors.",
        "de": "Geschrieben und übersetzt von unserer Redaktion.",
        "tr": "Editörlerimiz tarafından yazılıp çevrilmiştir.",
    }
    for code in homes:
        footer = parse(client.get(url(content["first"], code)).content).find("footer")
        links = [a["href"] for a in footer.find_all("a")]
        assert links == [*homes.values(), f"/{code}/feed.rss", f"/{code}/feed.atom", "/sitemap.xml"], code
        assert footer.find("a", aria_current="true")["href"] == homes[code]
        assert credit[code] in footer.text and footer.text.count("Project Sports") == 1  # the site's name once
