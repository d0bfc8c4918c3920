"""One editorial journey in Chromium, as the people do it: a translator logs in, fills
in the Turkish tab of a question and submits it for review, and cannot publish; an
editor opens the signed preview link, publishes Turkish, and the Turkish page is live
on the next request; then the editor restores the previous revision and the page
follows."""

import django.apps
import pytest
import reversion
from django.contrib.auth.models import Group, User

from qa.editorial.groups import sync_groups
from qa.models import Question
from tests.browser.conftest import log_in, watch_problems
from tests.factories import make_question

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-password-for-tests"
TURKISH = {
    "title": "Maratona nasıl hazırlanırım?",
    "summary": "İlk maratonunuz için dört aylık bir plan.",
    "answers": [("Kaç hafta sürer?", "On altı hafta yeterlidir."), ("Ne kadar koşmalıyım?", "Haftada dört gün.")],
}


def person(name, group):
    user = User.objects.create_user(name, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def logged_in(browser, live_server, name):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.problems = watch_problems(page)
    log_in(page, live_server, name, PASSWORD)
    return page


def turkish_page_status(browser, live_server, question):
    """What an anonymous reader gets at the question's Turkish address."""
    slug = Question.objects.get(pk=question.pk).slug_tr
    context = browser.new_context(locale="tr-TR")
    try:
        response = context.new_page().goto(f"{live_server.url}/tr/sorular/{slug}/")
        return response.status, response.text()
    finally:
        context.close()


def test_translate_review_preview_publish_restore(browser, live_server):
    sync_groups(django.apps.apps)  # a transactional test starts from an emptied database
    person("tessa", "Translator")
    person("erik", "Editor")
    question = make_question("Preparing for a marathon", codes=("nl", "en", "de"))
    question.set_state(Question.State.DRAFT, ["tr"])
    with reversion.create_revision():
        question.save()  # the revision before any Turkish

    # The translator fills in the Turkish tab and submits it for review.
    page = logged_in(browser, live_server, "tessa")
    page.goto(f"{live_server.url}/admin/qa/question/{question.pk}/change/")
    page.click(".language-bar button[lang=tr]")
    page.fill("#id_title_tr", TURKISH["title"])
    page.fill("#id_summary_tr", TURKISH["summary"])
    for n, (heading, body) in enumerate(TURKISH["answers"]):
        page.fill(f"#id_answers-{n}-heading_tr", heading)
        page.fill(f"#id_answers-{n}-body_tr", body)
    states = page.locator("#id_state_tr option").all_inner_texts()
    assert "Published" not in states and "In review" in states
    page.select_option("#id_state_tr", "review")
    with page.expect_navigation():
        page.locator("input[name=_save]").first.click()
    assert "was changed successfully" in page.content()
    actions = page.locator("select[name=action] option").all_inner_texts()
    assert any("Submit for review: Türkçe" in a for a in actions)
    assert not any("Publish: Türkçe" in a for a in actions)  # not a translator's to do
    assert not page.problems, page.problems
    assert turkish_page_status(browser, live_server, question)[0] == 404

    # The editor sends the reviewer's link; the reviewer reads Turkish without an account.
    editor = logged_in(browser, live_server, "erik")
    editor.goto(f"{live_server.url}/admin/qa/question/{question.pk}/change/")
    editor.locator(".preview-tools summary").click()
    link = editor.get_by_label("Link for reviewers: Türkçe").input_value()
    reviewer = browser.new_context(locale="tr-TR")
    preview = reviewer.new_page()
    response = preview.goto(link)
    assert response.status == 200 and "no-store" in response.headers["cache-control"]
    assert preview.locator("h1").inner_text() == TURKISH["title"]
    reviewer.close()

    # The editor publishes Turkish from the list: live on the next request.
    editor.goto(f"{live_server.url}/admin/qa/question/")
    editor.locator(f"input[name=_selected_action][value='{question.pk}']").check()
    editor.select_option("select[name=action]", label="Publish: Türkçe")
    with editor.expect_navigation():
        editor.locator("button[name=index]").click()
    assert "1 question(s) changed" in editor.content()
    status, html = turkish_page_status(browser, live_server, question)
    assert status == 200 and TURKISH["title"] in html

    # The editor restores the revision before the Turkish went live: the page follows.
    editor.goto(f"{live_server.url}/admin/qa/question/{question.pk}/history/")
    with editor.expect_navigation():
        editor.locator("#change-history th[scope=row] a").nth(1).click()  # the translator's save
    with editor.expect_navigation():
        editor.get_by_role("button", name="Restore this revision").click()
    assert "is restored as it was then" in editor.content()
    assert Question.objects.get(pk=question.pk).state_tr == "review"
    assert turkish_page_status(browser, live_server, question)[0] == 404
    assert not editor.problems, editor.problems
