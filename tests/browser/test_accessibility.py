"""axe-core (tests/page_checks.py) finds no violation of WCAG 2.2 A/AA or of its best
practices: on every type of reader page (tests/reader_pages.py) in all four languages,
in the light and the dark colour scheme; on the admin pages editors use (login, index,
question list, change form, translation dashboard, the exchange pages); and a reader
who only uses the keyboard can skip to the content, switch language, search and reach
the table of contents, always seeing where the focus is."""

import io

import pytest
from django.core.management import call_command

from tests.browser.conftest import log_in
from tests.page_checks import axe_violations
from tests.reader_pages import reader_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-password-for-tests"


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())


@pytest.mark.parametrize("code", ["nl", "en", "de", "tr"])
def test_no_reader_page_has_an_accessibility_violation_in_either_scheme(live_server, browser, demo, code):
    context = browser.new_context(locale=code)
    page = context.new_page()
    found = {}
    try:
        for kind, path in reader_pages(code).items():
            page.goto(f"{live_server.url}{path}")
            for scheme in ("light", "dark"):
                page.emulate_media(color_scheme=scheme)
                if violations := axe_violations(page):
                    found[f"{kind} ({scheme})"] = violations
    finally:
        context.close()
    assert found == {}


ADMIN_PAGES = {
    "index": "/admin/",
    "question list": "/admin/qa/question/",
    "question form": "/admin/qa/question/{pk}/change/",
    "new question": "/admin/qa/question/add/",
    "category form": "/admin/qa/category/{category}/change/",
    "translation dashboard": "/admin/qa/question/translations/",
    "new question from text": "/admin/qa/question/from-text/",
    "translation upload": "/admin/qa/question/translations/upload/",
}


def test_the_admin_pages_editors_use_have_no_accessibility_violation(live_server, page, demo, django_user_model):
    from qa.models import Category, Question

    page.goto(f"{live_server.url}/admin/login/")
    assert axe_violations(page) == [], "login"
    django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    log_in(page, live_server, "editor", PASSWORD)
    ids = {"pk": Question.objects.order_by("pk").first().pk, "category": Category.objects.first().pk}
    found = {}
    for name, path in ADMIN_PAGES.items():
        response = page.goto(f"{live_server.url}{path.format(**ids)}")
        assert response.status == 200, name
        page.wait_for_load_state("load")  # Django's filter boxes are made on load
        if violations := axe_violations(page):
            found[name] = violations
    assert found == {}, "\n".join(f"{name}: {v}" for name, vs in found.items() for v in vs)


def focus_is_visible(page):
    """The focused element shows an outline or a box shadow, inside the viewport."""
    return page.evaluate(
        """() => {
          const element = document.activeElement;
          const style = getComputedStyle(element);
          const box = element.getBoundingClientRect();
          const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2)
            || style.boxShadow !== 'none';
          return ring && box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight;
        }"""
    )


def test_a_keyboard_reader_skips_to_the_content_switches_language_searches_and_uses_the_contents(
    live_server, page, demo
):
    from qa.models import Question

    question = max(Question.objects.visible("en"), key=lambda q: q.answers.count())
    assert question.answers.count() >= 3
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}{question.get_absolute_url()}")

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('skip-link')")
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main_content"

    def tab_to(condition, limit=60):
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(f"() => {{ const e = document.activeElement; return {condition}; }}"):
                assert focus_is_visible(page), condition
                return
        raise AssertionError(f"never reached by Tab: {condition}")

    page.keyboard.press("Shift+Tab")  # back from the content to the header
    page.goto(f"{live_server.url}{question.get_absolute_url()}")
    tab_to("e.closest('.language-tabs') !== null && e.getAttribute('lang') === 'de'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.lang") == "de"

    tab_to("e.matches('input[type=search]')")
    page.keyboard.type(question.title_de.split()[-1].strip("?"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/de/" in page.url and "q=" in page.url
    page.go_back()

    tab_to("e.closest('.toc') !== null && e.matches('a')")
    target = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == target
