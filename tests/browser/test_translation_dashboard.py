"""The translation dashboard in Chromium: its link opens the question form at that
language's tab, the status panel switches with modeltranslation's tabs, and a
translation checked there is saved, under the admin's CSP."""

import pytest

from qa.editorial.models import TranslationStatus
from tests.browser.conftest import log_in, watch_problems
from tests.factories import make_question
from tests.test_translation_status import DASHBOARD, change_url, outdate, statuses

Status = TranslationStatus.Status
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_dashboard_link_opens_the_form_at_its_languages_tab_under_the_csp(live_server, page, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-password-for-tests")
    question = make_question("Pacing")
    outdate(question)
    problems = watch_problems(page)
    log_in(page, live_server, "editor", "a-long-password-for-tests")
    page.goto(f"{live_server.url}{DASHBOARD}?language=de&status=outdated")
    with page.expect_navigation():
        page.click("table.translation-list a")
    assert page.url.endswith(f"{change_url(question)}#language-de")
    assert page.locator("#id_title_de").is_visible() and not page.locator("#id_title_en").is_visible()
    assert page.locator("#id_translationstatus_de").is_visible()  # the status panel is one of the tabs
    assert not page.locator("#id_translationstatus_nl").is_visible()
    page.locator("#id_translation_checked_de").check()
    with page.expect_navigation():
        page.locator("input[name=_continue]").first.click()
    assert statuses(question)["de"] == Status.UP_TO_DATE
    assert page.locator(".language-bar button[lang=de]").get_attribute("aria-pressed") == "true"
    page.click(".language-bar button[lang=tr]")  # the language bar switches it too
    assert page.locator("#id_translationstatus_tr").is_visible()
    assert not problems, problems
