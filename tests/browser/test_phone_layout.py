"""The home page at phone and desktop widths in Chromium: the categories are reachable
from the first screen at both."""

import pytest

from tests.factories import make_question, url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 800)])
def test_the_categories_are_reachable_from_the_first_screen(live_server, browser, width, height):
    for n in range(12):
        make_question(f"Question number {n} about training")
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        for code in ("nl", "en", "de", "tr"):
            page.goto(f"{live_server.url}/{code}/")
            categories = page.locator("#categories_title")
            jump = page.locator(".jump-to-sidebar a")
            if width < 600:
                assert categories.bounding_box()["y"] > height  # after the questions
                assert jump.is_visible() and jump.bounding_box()["y"] < height
                jump.click()
                assert 0 <= categories.bounding_box()["y"] < height
            else:
                assert not jump.is_visible()
                assert categories.bounding_box()["y"] < height  # the sidebar beside the list
    finally:
        context.close()


def test_on_a_phone_the_language_tabs_are_one_row_even_with_a_language_missing(live_server, browser):
    question = make_question("Only three languages", codes=("nl", "en", "de"))
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        for code in ("nl", "en", "de"):
            page.goto(live_server.url + url(question, code))
            tops = {round(box["y"]) for box in (tab.bounding_box() for tab in page.locator(".language-tabs li").all())}
            assert len(tops) == 1, (code, tops)
            missing = page.locator(".language-tabs .unavailable")
            assert missing.count() == 1 and "line-through" in missing.evaluate(
                "e => getComputedStyle(e).textDecoration"
            )
            note = missing.locator("small")  # "(not available)" in the page's language
            assert note.text_content().strip().startswith("(") and note.bounding_box()["width"] <= 1
    finally:
        context.close()
