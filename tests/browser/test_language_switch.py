"""A reader switches language with the tabs and follows a related question."""

import pytest
from django.utils import translation

from tests.factories import make_category, make_question, make_tag

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_switch_to_german_and_follow_a_related_question(live_server, page):
    with translation.override("en"):
        category = make_category("Running")
        tag = make_tag("Marathon")
        question = make_question("Marathon training", category=category, tags=[tag], answers=3)
        related = make_question("Marathon shoes", category=category, tags=[tag])
        english_url = live_server.url + question.get_absolute_url()
    with translation.override("de"):
        german_url = live_server.url + question.get_absolute_url()
        related_german_url = live_server.url + related.get_absolute_url()

    page.goto(english_url)
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == question.title_en

    page.get_by_role("navigation", name="Languages").get_by_role("link", name="Deutsch").click()
    page.wait_for_url(german_url)
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.locator("h1").inner_text() == question.title_de
    current = page.locator(".language-tabs [aria-current=page]")
    assert current.inner_text() == "Deutsch"

    sidebar = page.get_by_role("complementary")
    sidebar.get_by_role("link", name=related.title_de).click()
    page.wait_for_url(related_german_url)
    assert page.locator("h1").inner_text() == related.title_de
    assert page.locator("html").get_attribute("lang") == "de"


def test_keyboard_focus_is_visible(live_server, page):
    with translation.override("en"):
        question = make_question("Focus", answers=1)
        page.goto(live_server.url + question.get_absolute_url())
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
