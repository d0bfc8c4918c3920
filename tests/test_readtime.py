import pytest
from django.test import override_settings

from qa.readtime import count_words, read_time
from tests.factories import make_question


def test_words_are_counted_without_markdown():
    assert count_words("Hello **world**, it’s a well-known fact.") == 6


def test_read_time_rounds_up_at_the_language_speed():
    body = "word " * 229  # 230 words with the title at 228 wpm for English: 2 minutes
    assert read_time("en", "title", [("", body)]) == 2
    assert read_time("en", "title", [("", "word " * 226)]) == 1


def test_read_time_is_at_least_one_minute():
    assert read_time("tr", "Kısa", []) == 1


def test_each_language_has_its_own_speed():
    body = "word " * 1000
    minutes = {code: read_time(code, "", [("", body)]) for code in ["en", "nl", "de", "tr"]}
    assert minutes == {"en": 5, "nl": 5, "de": 6, "tr": 7}  # 1000/228, /202, /179, /166 rounded up


def test_markdown_markup_is_not_counted():
    assert read_time("en", "", [("", "| a | b |\n|---|---|\n| c | d |\n\n> e\n\n1. f")]) == 1
    assert count_words("| a | b |\n|---|---|\n| c | d |") == 4


@override_settings(READING_SPEEDS={"en": 100, "nl": 202, "de": 179, "tr": 166})
def test_an_operator_can_override_a_speed():
    assert read_time("en", "", [("", "word " * 150)]) == 2


@pytest.mark.django_db
def test_question_read_time_is_stored_per_language_and_follows_its_answers():
    question = make_question(answers=1, codes=("en", "de"), body="word " * 300)
    assert (question.read_time_en, question.read_time_de, question.read_time_tr) == (2, 2, None)
    answer = question.answers.get()
    answer.body_en = "word " * 700
    answer.save()
    question.refresh_from_db()
    assert question.read_time_en == 4  # (title + heading + 700) / 228, rounded up
    answer.delete()
    question.refresh_from_db()
    assert question.read_time_en == 1
