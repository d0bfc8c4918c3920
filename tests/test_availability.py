"""Who sees what: published and due, and available in the page's language."""

from datetime import timedelta

import pytest
from django.utils import timezone

from qa.models import Answer, Question
from tests.factories import make_question

pytestmark = pytest.mark.django_db


def test_a_fully_translated_published_question_is_visible_in_every_language():
    question = make_question()
    for code in ("nl", "en", "de", "tr"):
        assert list(Question.objects.visible(code)) == [question]
    assert question.available_languages() == ["nl", "en", "de", "tr"]


def test_drafts_are_invisible():
    make_question(status=Question.Status.DRAFT)
    assert not Question.objects.visible("en").exists()


def test_a_question_scheduled_for_later_is_invisible_until_its_time():
    question = make_question(published_at=timezone.now() + timedelta(hours=1))
    assert not Question.objects.visible("en").exists()
    Question.objects.filter(pk=question.pk).update(published_at=timezone.now() - timedelta(seconds=1))
    assert Question.objects.visible("en").exists()


def test_a_missing_title_slug_heading_or_body_makes_a_language_unavailable():
    question = make_question(answers=2)
    answer = question.answers.last()
    answer.body_de = ""
    answer.save()
    answer = question.answers.first()
    answer.heading_nl = None
    answer.save()
    Question.objects.filter(pk=question.pk).update(slug_tr=None)
    assert question.available_languages() == ["en"]
    assert list(Question.objects.visible("de")) == []


def test_a_question_without_answers_is_not_available():
    question = make_question(answers=0)
    assert question.available_languages() == []


def test_a_new_answer_missing_a_language_hides_the_question_in_that_language():
    question = make_question(codes=("en", "tr"))
    Answer.objects.create(question=question, position=9, heading_en="More?", body_en="Yes.")
    assert question.available_languages() == ["en"]


def test_missing_slugs_are_stored_as_null_not_empty():
    question = make_question(codes=("en",))
    assert question.slug_tr is None
    assert Question.objects.filter(slug_tr__isnull=True).count() == 1


def test_annotated_and_queried_availability_agree():
    question = make_question(codes=("nl", "de"))
    annotated = Question.objects.with_availability().get(pk=question.pk)
    assert annotated.available_languages() == Question.objects.get(pk=question.pk).available_languages() == ["nl", "de"]
