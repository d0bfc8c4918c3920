"""Changing a slug never breaks a link; deleting a question makes its URLs 410."""

import pytest

from qa.models import Question, RetiredSlug
from tests.factories import make_question, url

pytestmark = pytest.mark.django_db
LANGUAGES = ["nl", "en", "de", "tr"]


def test_old_urls_answer_301_to_the_new_one_in_each_language(client):
    question = make_question("Before", answers=1)
    old = {code: url(question, code) for code in LANGUAGES}
    for code in LANGUAGES:
        setattr(question, f"slug_{code}", f"after-{code}")
    question.save()
    for code in LANGUAGES:
        response = client.get(old[code])
        assert response.status_code == 301, code
        assert (
            response["Location"] == url(question, code) == f"/{code}/{response['Location'].split('/')[2]}/after-{code}/"
        )
        assert client.get(response["Location"]).status_code == 200


def test_an_old_slug_of_another_language_redirects_to_this_languages_url(client):
    question = make_question("Before", answers=1)
    old_german = question.slug_de
    question.slug_de = "nachher"
    question.save()
    response = client.get(f"/nl/vragen/{old_german}/")
    assert response.status_code == 301 and response["Location"] == url(question, "nl")


def test_two_renames_both_lead_to_the_current_url(client):
    question = make_question("First", answers=1)
    first = url(question, "en")
    question.slug_en = "second"
    question.save()
    second = url(question, "en")
    question.slug_en = "third"
    question.save()
    assert client.get(first)["Location"] == client.get(second)["Location"] == "/en/questions/third/"


def test_unpublishing_makes_old_and_current_urls_404_without_a_loop(client):
    question = make_question("Before", answers=1)
    old = url(question, "en")
    question.slug_en = "after"
    question.save()
    current = url(question, "en")
    question.set_state(Question.State.DRAFT)
    question.save()
    assert client.get(old).status_code == 404
    assert client.get(current).status_code == 404


def test_deleting_makes_every_url_of_the_question_410(client):
    question = make_question("Doomed", answers=1)
    old = url(question, "de")
    question.slug_de = "neu"
    question.save()
    current = {code: url(question, code) for code in LANGUAGES}
    question.delete()
    for page in [old, *current.values()]:
        response = client.get(page)
        assert response.status_code == 410, page
    assert '<html lang="de"' in client.get(current["de"]).content.decode()
    assert RetiredSlug.objects.filter(question__isnull=True).count() == 5


def test_a_retired_slug_taken_by_another_question_leads_to_that_question(client):
    first = make_question("Shared", answers=1)
    first.slug_en = "renamed"
    first.save()
    second = make_question("Other", answers=1)
    second.slug_en = "shared-en"
    second.save()
    response = client.get("/en/questions/shared-en/")
    assert response.status_code == 200
    assert second.title_en in response.content.decode()


def test_saving_without_a_slug_change_retires_nothing():
    question = make_question("Stable", answers=1)
    question.title_en = "Stable, edited"
    question.save()
    assert not RetiredSlug.objects.exists()
