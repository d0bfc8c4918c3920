"""`generate_content` builds questions that look as if they had been saved one by one:
the same rendered Markdown, read times, availability and stored counts a save gives."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from qa import languages
from qa.counts import refresh_all_counts
from qa.languages import column
from qa.markdown import render
from qa.models import Answer, Asker, Category, Question, Tag, TaggedQuestion
from tests.factories import url

pytestmark = pytest.mark.django_db
CODES = ("nl", "en", "de", "tr")


def generate(n=60, seed=7):
    call_command("generate_content", questions=n, seed=seed, verbosity=0)


def snapshot():
    return list(
        Question.objects.order_by("pk").values_list(
            *[column(f, c) for f in ("title", "state") for c in CODES], "category__slug_en"
        )
    )


def wipe_questions():
    """Empty the question tables at once (a delete through the ORM would run every
    signal of every answer; that path is tested elsewhere)."""
    with connection.cursor() as cursor:
        for model in (TaggedQuestion, Answer, Question):
            cursor.execute(f"DELETE FROM {model._meta.db_table}")


def test_the_same_seed_gives_the_same_content():
    generate(seed=3)
    first = snapshot()
    wipe_questions()
    generate(seed=3)
    assert snapshot() == first
    wipe_questions()
    generate(seed=4)
    assert snapshot() != first


def test_answers_hold_what_rendering_them_gives():
    generate()
    answers = list(Answer.objects.all())
    assert len(answers) >= 60 * 3
    assert any("<ul>" in (a.body_html_en or "") or "<ol>" in (a.body_html_en or "") for a in answers)
    for answer in answers:
        for code in CODES:
            body = getattr(answer, column("body", code))
            assert getattr(answer, column("body_html", code)) == (render(body) if body else None)


def test_read_times_and_availability_are_what_a_save_computes():
    generate()
    questions = list(Question.objects.prefetch_related("answers"))
    assert any(not q.is_available_tr for q in questions)  # some languages are missing
    for question in questions:
        stored = {
            code: (getattr(question, column("read_time", code)), question.available_languages()) for code in CODES
        }
        question.compute_derived()
        assert stored == {
            code: (getattr(question, column("read_time", code)), question.available_languages()) for code in CODES
        }
        assert 3 <= len(question.answers.all()) <= 10


def test_stored_counts_match_a_recount_and_the_visible_questions():
    generate()
    before = {
        model: list(model.objects.order_by("pk").values_list(*[column("question_count", c) for c in CODES]))
        for model in (Category, Tag, Asker)
    }
    refresh_all_counts()
    for model, rows in before.items():
        assert list(model.objects.order_by("pk").values_list(*[column("question_count", c) for c in CODES])) == rows
    for code in languages.codes():
        total = sum(getattr(c, column("question_count", code)) for c in Category.objects.all())
        assert total == Question.objects.visible(code).count() > 0


def test_generated_pages_answer_in_every_language(client):
    generate(n=20)
    for code in CODES:
        question = Question.objects.visible(code).first()
        assert client.get(url(question, code)).status_code == 200
        assert client.get(url(question.category, code)).status_code == 200


def test_a_second_run_adds_questions_and_reuses_tags_and_categories():
    generate(n=20)
    tags, categories = Tag.objects.count(), Category.objects.count()
    generate(n=20, seed=8)
    assert Question.objects.count() == 40
    assert (Tag.objects.count(), Category.objects.count()) == (tags, categories)


def test_nonsense_arguments_are_refused():
    with pytest.raises(CommandError):
        call_command("generate_content", questions=0, verbosity=0)
