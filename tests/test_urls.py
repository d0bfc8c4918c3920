"""Translated URLs, the language tabs, slugs of another language and the root redirect."""

import pytest
from django.urls import reverse
from django.utils import translation

from qa.models import Question
from tests.factories import url
from tests.html import parse

pytestmark = pytest.mark.django_db

PATH_WORDS = {"nl": "vragen", "en": "questions", "de": "fragen", "tr": "sorular"}


@pytest.mark.parametrize("code,word", PATH_WORDS.items())
def test_question_urls_have_translated_path_words_and_per_language_slugs(content, code, word):
    question = content["first"]
    assert url(question, code) == f"/{code}/{word}/{getattr(question, f'slug_{code}')}/"


def test_other_pages_have_translated_path_words_too(content):
    with translation.override("de"):
        assert content["category"].get_absolute_url().startswith("/de/kategorien/")
        assert content["tag"].get_absolute_url().startswith("/de/schlagworte/")
        assert content["first"].asker.get_absolute_url().startswith("/de/fragesteller/")
    with translation.override("tr"):
        assert content["category"].get_absolute_url().startswith("/tr/kategoriler/")
        assert reverse("qa:home") == "/tr/"


def test_tabs_link_to_the_same_question_in_each_language_and_mark_the_current_one(client, content):
    question = content["first"]
    doc = parse(client.get(url(question, "de")).content)
    tabs = doc.find("nav", class_="language-tabs").find_all("a")
    assert [a["href"] for a in tabs] == [url(question, code) for code in ("nl", "en", "de", "tr")]
    assert [a.text for a in tabs] == ["Nederlands", "English", "Deutsch", "Türkçe"]
    current = [a for a in tabs if a.attrs.get("aria-current") == "page"]
    assert [a["hreflang"] for a in current] == ["de"]
    for a in tabs:
        assert client.get(a["href"]).status_code == 200


def test_a_language_the_question_is_not_in_is_shown_as_unavailable_not_linked(client, content):
    question = content["no_turkish"]
    doc = parse(client.get(url(question, "en")).content)
    nav = doc.find("nav", class_="language-tabs")
    assert [a["hreflang"] for a in nav.find_all("a")] == ["nl", "en", "de"]
    unavailable = nav.find("span", class_="unavailable")
    assert unavailable["lang"] == "tr" and "Türkçe" in unavailable.text


def test_a_question_in_a_language_it_is_not_in_is_a_404_offering_the_others(client, content):
    question = content["no_turkish"]
    response = client.get(f"/tr/sorular/{question.slug_en}/")
    assert response.status_code == 404
    doc = parse(response.content)
    assert doc.find("html")["lang"] == "tr"
    offers = doc.find("ul", class_="offers").find_all("a")
    assert [a["href"] for a in offers] == [url(question, code) for code in ("nl", "en", "de")]


@pytest.mark.parametrize("code", ["nl", "de", "tr"])
def test_a_slug_of_another_language_redirects_to_this_languages_url(client, content, code):
    question = content["first"]
    response = client.get(f"/{code}/{PATH_WORDS[code]}/{question.slug_en}/")
    assert response.status_code == 301
    assert response["Location"] == url(question, code)


def test_switching_with_django_translate_url_lands_on_the_question_not_a_404(client, content):
    from django.urls import translate_url

    question = content["first"]
    translated = translate_url(url(question, "en"), "nl")  # keeps the English slug
    response = client.get(translated, follow=True)
    assert response.redirect_chain == [(url(question, "nl"), 301)]
    assert response.status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/en/questions/does-not-exist/",
        "/en/questions/UPPER_and spaces/",
        "/en/questions/%C3%BCnicode/",
        "/en/vragen/anything/",
        "/xx/questions/anything/",
        "/en/categories/nope/",
        "/en/tags/nope/",
        "/en/askers/nope/",
        "/en/questions/",
        "/en/questions/a/b/",
    ],
)
def test_malformed_or_unknown_urls_are_404_never_500(client, content, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "<html lang=" in response.content.decode()


def test_drafts_and_scheduled_questions_are_404(client, content):
    question = content["first"]
    page = url(question, "en")
    question.set_state(Question.State.DRAFT)
    question.save()
    assert client.get(page).status_code == 404


@pytest.mark.parametrize(
    "header,expected", [("de-DE,de;q=0.9,en;q=0.5", "/de/"), ("tr", "/tr/"), ("fr-FR", "/en/"), ("", "/en/")]
)
def test_root_redirects_by_accept_language(client, header, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]


def test_root_prefers_the_language_cookie(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de")
    assert response["Location"] == "/nl/"


def test_the_helper_gives_no_url_for_a_language_an_object_is_not_in(content):
    assert url(content["no_turkish"], "tr") is None
    assert url(content["first"].asker, "tr").startswith("/tr/")
