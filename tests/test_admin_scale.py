"""Big questions in the admin: one submit derives the question once and renders each
changed answer once (qa.signals.one_change), and a question with 200 answers opens
and saves (the admin's own form limits, qa.middleware.AdminFormLimitsMiddleware)."""

from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import qa.models
from qa.models import Question
from tests.factories import make_asker, make_category
from tests.test_admin import question_form_data

pytestmark = pytest.mark.django_db
FORM = "application/x-www-form-urlencoded"  # what the admin's forms send (no file fields)


def answers(n, word="Answer"):
    return [
        {code: (f"Sub-question {i} ({code})?", f"{word} {i} in **{code}**.") for code in ("nl", "en", "de", "tr")}
        for i in range(1, n + 1)
    ]


def submit(admin_client, question, n, word="Answer"):
    data = question_form_data(
        question,
        asker=question.asker if question else make_asker(),
        category=question.category if question else make_category(),
        tags=[],
        titles={code: f"A question with {n} answers ({code})" for code in ("nl", "en", "de", "tr")},
        answers=answers(n, word),
    )
    if question:
        for code in ("nl", "en", "de", "tr"):
            data[f"slug_{code}"] = getattr(question, f"slug_{code}")
    url = reverse("admin:qa_question_change", args=[question.pk]) if question else reverse("admin:qa_question_add")
    return admin_client.post(url, urlencode(data, doseq=True), content_type=FORM)


@pytest.fixture
def renders(monkeypatch):
    """How many Markdown bodies are rendered, and how often a question is derived."""
    counted = {"render": 0, "derive": 0}
    render, derive = qa.models.render, Question.compute_derived

    def counting_render(text):
        counted["render"] += 1
        return render(text)

    def counting_derive(self):
        counted["derive"] += 1
        return derive(self)

    monkeypatch.setattr(qa.models, "render", counting_render)
    monkeypatch.setattr(Question, "compute_derived", counting_derive)
    return counted


def test_adding_answers_renders_each_once_and_derives_the_question_once(admin_client, renders):
    with CaptureQueriesContext(connection) as queries:
        response = submit(admin_client, None, 100)
    assert response.status_code == 302
    question = Question.objects.get()
    assert question.answers.count() == 100 and question.available_languages() == ["nl", "en", "de", "tr"]
    assert renders["render"] == 400  # 100 answers in four languages
    assert renders["derive"] <= 2  # the question form's save, and once after its answers
    statements = [q["sql"] for q in queries.captured_queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))]
    inserts = [sql for sql in statements if sql.startswith('INSERT INTO "qa_answer"')]
    # One insert each, and a fixed rest (the question, counts, content version, search index).
    assert len(inserts) == 100 and len(statements) - 100 < 120


def test_a_200_answer_question_opens_and_a_one_answer_edit_renders_one_body(admin_client, renders):
    assert submit(admin_client, None, 200).status_code == 302
    question = Question.objects.get()
    change = reverse("admin:qa_question_change", args=[question.pk])
    assert admin_client.get(change).status_code == 200
    renders["render"] = renders["derive"] = 0
    data = question_form_data(
        question,
        asker=question.asker,
        category=question.category,
        tags=[],
        titles={code: getattr(question, f"title_{code}") for code in ("nl", "en", "de", "tr")},
        answers=answers(200),
    )
    for code in ("nl", "en", "de", "tr"):
        data[f"slug_{code}"] = getattr(question, f"slug_{code}")
    data["answers-57-body_de"] = "Eine **geänderte** Antwort."
    response = admin_client.post(change, urlencode(data, doseq=True), content_type=FORM)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    assert renders["render"] == 1 and renders["derive"] <= 2
    assert "<strong>geänderte</strong>" in question.answers.get(position=58).body_html_de


def test_the_admins_limits_are_for_logged_in_staff_only(client, admin_user):
    junk = urlencode({f"field{n}": "x" for n in range(1500)})
    response = client.post(reverse("admin:login"), junk, content_type=FORM)
    assert response.status_code == 400  # Django's 1,000-field limit, for anyone not logged in


@pytest.mark.parametrize(
    ("body", "said"),
    [
        ("word " * 4001, "characters long"),  # 20,005 characters
        ("\n".join("  " * depth + "- level" for depth in range(12)) + "\n\nThe closing paragraph.", "Line 9"),
    ],
)
def test_an_answer_beyond_the_limits_is_refused_in_the_form_with_nothing_saved(admin_client, body, said):
    data = question_form_data(
        asker=make_asker(),
        category=make_category(),
        tags=[],
        titles={"en": "A long answer?"},
        answers=[{"en": ("Is it too long?", body)}],
    )
    response = admin_client.post(reverse("admin:qa_question_add"), urlencode(data, doseq=True), content_type=FORM)
    assert response.status_code == 200
    errors = response.context["inline_admin_formsets"][0].formset.errors[0]
    assert "body_en" in errors and said in str(errors["body_en"])
    assert not Question.objects.exists()
