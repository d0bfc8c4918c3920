"""The editorial admin works under the site's Content-Security-Policy: its language
tabs, tag selector and slug prefilling run, and the browser reports no violation."""

import pytest

from tests.browser.conftest import log_in, watch_problems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_admin_question_form_works_under_the_csp(live_server, page, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-password-for-tests")
    problems = watch_problems(page)
    log_in(page, live_server, "editor", "a-long-password-for-tests")
    page.goto(f"{live_server.url}/admin/qa/question/add/")

    csp = page.evaluate("() => fetch(location.href).then(r => r.headers.get('content-security-policy'))")
    assert "script-src 'self' 'nonce-" in csp
    # One language bar switches every field (static/js/language_bar.js), not a row of
    # modeltranslation's tabs above each field; it starts where the tabs do (English).
    bar = page.locator(".language-bar")
    assert bar.is_visible() and not page.locator(".ui-tabs-nav").first.is_visible()
    assert bar.locator("[aria-pressed=true]").inner_text() == "English"
    assert page.locator("#id_title_en").is_visible() and not page.locator("#id_title_tr").is_visible()
    bar.get_by_role("button", name="Türkçe").click()
    assert bar.locator("[aria-pressed=true]").inner_text() == "Türkçe"
    assert not page.locator("#id_title_en").is_visible()
    assert page.locator("#id_answers-0-heading_tr").is_visible()  # the answers switch with it
    page.locator("#id_title_tr").press_sequentially("Nasıl başlarım?")
    assert page.input_value("#id_slug_tr") == "nasil-baslarim"
    assert page.locator("#id_tags_from").is_visible()  # the tag selector's widget
    # Titles and slugs fit their inputs (Django's 20em cut them off at ~260 px), and Save
    # is at the top of the form as well as at the bottom.
    assert page.locator("#id_title_tr").bounding_box()["width"] >= 600
    assert page.locator("input[name^=slug_]:visible").first.bounding_box()["width"] >= 600
    assert page.locator("input[name=_save]").count() == 2
    assert not [p for p in problems if "Content Security Policy" in p or "Refused" in p], problems
    assert not problems, problems
