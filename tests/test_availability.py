"""Who sees what: published and due, and available in the page's language."""

from datetime import timedelta

import pytest
from django.utils import timezone

from qa.models import Answer, Question
from qa.slugs import make_slug
from tests.factories import make_question

pytestmark = pytest.mark.django_db


def test_a_fully_translated_published_question_is_visible_in_every_language():
    question = make_question()
    for code in ("nl", "en", "de", "tr"):
        assert list(Question.objects.visible(code)) == [question]
    assert question.available_languages() == ["nl", "en", "de", "tr"]


def test_drafts_are_invisible():
    make_question(status=Question.State.DRAFT)
    assert not Question.objects.visible("en").exists()


def test_a_question_scheduled_for_later_is_invisible_until_its_time():
    question = make_question(published_at=timezone.now() + timedelta(hours=1))
    assert not Question.objects.visible("en").exists()
    Question.objects.filter(pk=question.pk).update(publish_at_en=timezone.now() - timedelta(seconds=1))
    assert Question.objects.visible("en").exists()


def test_a_missing_title_slug_heading_or_body_makes_a_language_unavailable():
    question = make_question(answers=2)
    answer = question.answers.last()
    answer.body_de = ""
    answer.save()
    answer = question.answers.first()
    answer.heading_nl = None
    answer.save()
    question.refresh_from_db()
    question.title_tr = ""
    question.save()
    assert question.available_languages() == ["en"]
    assert list(Question.objects.visible("de")) == []


def test_a_question_without_answers_is_not_available():
    question = make_question(answers=0)
    assert question.available_languages() == []


def test_a_new_answer_missing_a_language_hides_the_question_in_that_language():
    question = make_question(codes=("en", "tr"))
    answer = Answer.objects.create(question=question, position=9, heading_en="More?", body_en="Yes.")
    question.refresh_from_db()
    assert question.available_languages() == ["en"]
    answer.delete()
    question.refresh_from_db()
    assert question.available_languages() == ["en", "tr"]


def test_missing_slugs_are_stored_as_null_not_empty():
    question = make_question(codes=("en",))
    assert question.slug_tr is None
    assert Question.objects.filter(slug_tr__isnull=True).count() == 1


def test_a_slug_is_filled_in_whenever_a_title_is_so_the_title_decides():
    question = make_question(codes=("nl", "de"))
    question.slug_de = None
    question.save()
    assert question.slug_de == make_slug(question.title_de)
    assert question.available_languages() == ["nl", "de"]


def test_the_stored_flags_follow_a_queryset_delete_of_answers():
    question = make_question(codes=("nl", "en"), answers=1)
    question.answers.all().delete()  # a queryset delete still sends the signals
    question.refresh_from_db()
    assert question.available_languages() == []
    assert not Question.objects.visible("nl").exists()
