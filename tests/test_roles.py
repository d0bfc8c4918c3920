"""The role matrix (qa.editorial.roles): each admin view and action of a question ×
Editor, Translator, staff without a group and logged out, each outcome asserted on
the database afterwards, not only on the status code."""

from datetime import timedelta

import pytest
import reversion
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import timezone

from qa import languages
from qa.languages import column
from qa.models import Question
from tests.factories import make_asker, make_category, make_question, make_tag
from tests.test_admin import question_form_data
from tests.test_editorial_states import translator_form

pytestmark = pytest.mark.django_db
CODES = languages.codes()
CHANGELIST = reverse("admin:qa_question_changelist")
ROLES = ["Editor", "Translator", "staff", "anonymous"]
State = Question.State


@pytest.fixture
def question():
    """Published in nl and en, scheduled in de, a draft in tr; two answers; one revision."""
    question = make_question("Pacing a marathon")
    question.set_state(State.PUBLISHED, ["de"], at=timezone.now() + timedelta(days=2))
    question.set_state(State.DRAFT, ["tr"])
    with reversion.create_revision():
        question.save()
    return Question.objects.get(pk=question.pk)


def as_role(client, role):
    if role == "anonymous":
        return None
    user = User.objects.create_user(role.lower(), password="x", is_staff=True)
    if role != "staff":
        user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    return user


def act(client, action, question):
    return client.post(CHANGELIST, {"action": action, "_selected_action": [question.pk]})


def fresh(question):
    return Question.objects.get(pk=question.pk)


def expect(role, editor, translator=None):
    """The outcome for role: editor's, translator's (the editor's unless given), and
    nothing for staff without a group or logged out."""
    return {"Editor": editor, "Translator": editor if translator is None else translator}.get(role, False)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "view, editor, translator",
    [
        ("admin:qa_question_changelist", 200, 200),
        ("admin:qa_question_change", 200, 200),
        ("admin:qa_question_history", 200, 200),
        ("admin:qa_question_preview", 200, 200),
        ("admin:qa_question_translations", 200, 200),
        ("admin:qa_question_translation_upload", 200, 200),
        ("admin:qa_question_add", 200, 403),
        ("admin:qa_question_from_text", 200, 403),
        ("admin:qa_question_delete", 200, 403),
        ("admin:qa_question_recoverlist", 200, 403),
    ],
)
def test_who_opens_which_view(client, question, role, view, editor, translator):
    as_role(client, role)
    args = {"admin:qa_question_preview": [question.pk, "de"]}.get(view)
    if view in ("admin:qa_question_change", "admin:qa_question_history", "admin:qa_question_delete"):
        args = [question.pk]
    status = client.get(reverse(view, args=args)).status_code
    assert status == {"Editor": editor, "Translator": translator, "staff": 403, "anonymous": 302}[role]


@pytest.mark.parametrize("role", ROLES)
def test_editing_text(client, question, role):
    as_role(client, role)
    change = reverse("admin:qa_question_change", args=[question.pk])
    client.post(change, translator_form(question, title_tr="Maraton temposu"))
    assert (fresh(question).title_tr == "Maraton temposu") == expect(role, True)


@pytest.mark.parametrize("role", ROLES)
def test_the_fields_that_file_address_and_order_a_question(client, question, role):
    """Category, asker, tags, slugs, source language and answer positions are the editors'."""
    as_role(client, role)
    tag, category, asker = make_tag(), make_category(), make_asker()
    data = translator_form(question, category=category.pk, asker=asker.pk, tags=[tag.pk], source_language="nl")
    data.update({column("slug", code): f"a-new-address-{code}" for code in CODES})
    data.update({"answers-0-position": 2, "answers-1-position": 1})
    before = fresh(question)
    response = client.post(reverse("admin:qa_question_change", args=[question.pk]), data)
    after = fresh(question)
    changed = {
        "category": after.category_id == category.pk,
        "asker": after.asker_id == asker.pk,
        "tags": list(after.tags.all()) == [tag],
        "source_language": after.source_language == "nl",
        **{f"slug_{code}": getattr(after, column("slug", code)) == f"a-new-address-{code}" for code in CODES},
        "positions": list(after.answers.order_by("pk").values_list("position", flat=True)) == [2, 1],
    }
    assert changed == dict.fromkeys(changed, expect(role, True, False)), response.status_code
    if role == "Translator":
        assert response.status_code == 302  # the save went through, without those fields
        assert {column("slug", code): getattr(after, column("slug", code)) for code in CODES} == {
            column("slug", code): getattr(before, column("slug", code)) for code in CODES
        }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "action, code, state, editor, translator",
    [
        ("review_en", "en", State.REVIEW, True, False),  # published: would go offline
        ("review_de", "de", State.REVIEW, True, False),  # scheduled: would lose its course
        ("review_tr", "tr", State.REVIEW, True, True),  # a draft
        ("draft_en", "en", State.DRAFT, True, False),
        ("draft_de", "de", State.DRAFT, True, False),
        ("published_tr", "tr", State.PUBLISHED, True, False),
    ],
)
def test_the_list_actions(client, question, role, action, code, state, editor, translator):
    as_role(client, role)
    date = getattr(question, column("publish_at", code))
    act(client, action, question)
    after = fresh(question)
    assert (getattr(after, column("state", code)) == state) == expect(role, editor, translator)
    if getattr(after, column("state", code)) != state:  # refused: nothing else moved either
        assert getattr(after, column("publish_at", code)) == date
        assert after.available_languages() == question.available_languages()


def test_a_refused_action_names_the_question(client, question):
    as_role(client, "Translator")
    response = client.post(
        CHANGELIST, {"action": "review_en", "_selected_action": [question.pk]}, follow=True
    ).content.decode()
    assert "only an editor may publish English or take a published English offline" in response
    assert "Pacing a marathon" in response


def test_an_editor_submitting_a_scheduled_language_for_review_keeps_its_date(client, question):
    as_role(client, "Editor")
    act(client, "review_de", question)
    assert fresh(question).state_de == State.REVIEW and fresh(question).publish_at_de == question.publish_at_de
    act(client, "published_de", fresh(question))
    assert fresh(question).publish_at_de == question.publish_at_de  # scheduled again, for the same time
    assert "de" not in fresh(question).available_languages()


@pytest.mark.parametrize("role", ROLES)
def test_clearing_the_text_of_a_published_language(client, question, role):
    """Nobody saves a published language incomplete: clearing its text is refused."""
    as_role(client, role)
    data = translator_form(question)
    data["answers-0-body_en"] = ""
    client.post(reverse("admin:qa_question_change", args=[question.pk]), data)
    assert "en" in fresh(question).available_languages()


@pytest.mark.parametrize("role", ROLES)
def test_deleting(client, question, role):
    as_role(client, role)
    client.post(reverse("admin:qa_question_delete", args=[question.pk]), {"post": "yes"})
    assert (not Question.objects.filter(pk=question.pk).exists()) == expect(role, True, False)


@pytest.mark.parametrize("role", ROLES)
def test_restoring_a_revision(client, question, role):
    revision = reversion.models.Version.objects.get_for_object(question).first()
    Question.objects.filter(pk=question.pk).update(title_en="Changed later")
    as_role(client, role)
    client.post(reverse("admin:qa_question_revision", args=[question.pk, revision.pk]))
    assert (fresh(question).title_en == question.title_en) == expect(role, True, False)


@pytest.mark.parametrize("role", ROLES)
def test_adding(client, question, role):
    as_role(client, role)
    data = question_form_data(
        asker=question.asker,
        category=question.category,
        tags=[],
        titles={"en": "A new question"},
        answers=[{"en": ("How fast?", "Steady.")}],
        status="draft",
    )
    client.post(reverse("admin:qa_question_add"), data)
    assert Question.objects.filter(title_en="A new question").exists() == expect(role, True, False)
