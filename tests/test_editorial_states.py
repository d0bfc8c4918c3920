"""Publishing per language (qa.editorial.states and admin): each language's own state
and date, what readers see of it, the admin's list, filters and actions, and who may
do what (the Editor and Translator groups)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from qa import languages
from qa.languages import column
from qa.models import Question
from tests.factories import make_question, url
from tests.test_admin import question_form_data

pytestmark = pytest.mark.django_db
CODES = languages.codes()
CHANGELIST = reverse("admin:qa_question_changelist")


def person(client, group):
    user = User.objects.create_user(group.lower(), password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user


@pytest.fixture
def german_draft():
    """Complete in all four languages; German is still a draft, the others published."""
    question = make_question("Pacing a marathon")
    question.set_state(Question.State.DRAFT, ["de"])
    question.save()
    return Question.objects.get(pk=question.pk)


def act(client, action, questions):
    return client.post(CHANGELIST, {"action": action, "_selected_action": [q.pk for q in questions]}, follow=True)


def test_a_language_is_seen_only_when_complete_published_and_due(client, german_draft):
    assert Question.objects.visible("en").filter(pk=german_draft.pk).exists()
    assert not Question.objects.visible("de").filter(pk=german_draft.pk).exists()
    assert german_draft.available_languages() == ["nl", "en", "tr"]
    with_language = german_draft
    with_language.set_state(Question.State.PUBLISHED, ["de"], at=timezone.now() + timedelta(hours=2))
    with_language.save()
    assert not Question.objects.visible("de").filter(pk=german_draft.pk).exists()  # scheduled
    later = timezone.now() + timedelta(hours=3)
    assert Question.objects.filter(pk=german_draft.pk).filter(**{"publish_at_de__lte": later}).exists()


def test_the_german_tab_of_a_published_question_follows_its_own_state(client, german_draft):
    english = client.get(url(german_draft, "en")).content.decode()
    assert "Deutsch" in english and url(german_draft, "de") is None
    german_draft.set_state(Question.State.PUBLISHED, ["de"])
    german_draft.save()
    assert client.get(url(german_draft, "de")).status_code == 200


def test_a_scheduled_language_appears_when_its_time_comes(client, german_draft, monkeypatch):
    german_draft.set_state(Question.State.PUBLISHED, ["de"], at=timezone.now() + timedelta(hours=1))
    german_draft.save()
    with monkeypatch.context() as m:
        later = timezone.now() + timedelta(hours=1, seconds=1)
        m.setattr(timezone, "now", lambda: later)
        german = client.get("/de/").content.decode()
        assert "Pacing a marathon (de)" in german


def test_the_list_shows_each_languages_state(admin_client):
    question = make_question("States", codes=("nl", "en", "de"))
    question.set_state(Question.State.REVIEW, ["nl"])
    question.set_state(Question.State.PUBLISHED, ["de"], at=timezone.now() + timedelta(days=2))
    question.save()
    html = admin_client.get(CHANGELIST).content.decode()
    row = html[html.index("States (en)") :]
    row = row[: row.index("</tr>")]
    shown = [part.split('"')[0] for part in row.split('class="state state-')[1:]]
    assert shown == ["review", "published", "scheduled", "missing"]


@pytest.mark.parametrize(
    "state,expected",
    [("draft", {"German draft"}), ("published", {"All published"}), ("missing", {"No German"}), ("review", set())],
)
def test_the_list_filters_by_each_languages_state(admin_client, state, expected):
    make_question("All published")
    make_question("No German", codes=("nl", "en", "tr"))
    draft = make_question("German draft")
    draft.set_state(Question.State.DRAFT, ["de"])
    draft.save()
    response = admin_client.get(CHANGELIST, {"state_de": state})
    assert {str(q).removesuffix(" (en)") for q in response.context["cl"].result_list} == expected


def test_editor_actions_submit_publish_and_unpublish_one_language(client, german_draft):
    person(client, "Editor")
    act(client, "review_de", [german_draft])
    assert Question.objects.get(pk=german_draft.pk).state_de == "review"
    response = act(client, "published_de", [german_draft])
    assert "1 question(s) changed" in response.content.decode()
    newest = Version.objects.get_for_object(german_draft).first().revision
    assert newest.get_comment() == "Publish: Deutsch" and newest.user.username == "editor"
    assert client.get(url(Question.objects.get(pk=german_draft.pk), "de")).status_code == 200
    act(client, "draft_de", [german_draft])
    question = Question.objects.get(pk=german_draft.pk)
    assert question.state_de == "draft" and question.state_en == "published"
    assert "de" not in question.available_languages()


def test_publishing_a_selection_with_an_incomplete_language_changes_nothing_and_names_it(admin_client, german_draft):
    partial = make_question("Half translated", codes=("nl", "en"))
    partial.title_de = "Halb übersetzt"
    partial.set_state(Question.State.REVIEW, ["de"])
    partial.save()
    response = act(admin_client, "published_de", [german_draft, partial])
    (message,) = [str(m) for m in response.context["messages"]]
    assert message.startswith("Nothing was published") and "“Half translated (en)”" in message, message
    assert "Pacing a marathon" not in message
    assert Question.objects.get(pk=german_draft.pk).state_de == "draft"
    assert Question.objects.get(pk=partial.pk).state_de == "review"


def test_the_form_refuses_to_publish_an_incomplete_language(admin_client, german_draft):
    data = question_form_data(
        german_draft,
        asker=german_draft.asker,
        category=german_draft.category,
        tags=[],
        titles={"en": "Pacing a marathon (en)", "de": "Tempo im Marathon"},
        answers=[{"en": ("Why?", "Because."), "de": ("Warum?", "")}, {"en": ("How?", "Slowly.")}],
    )
    data["state_de"] = "published"
    response = admin_client.post(reverse("admin:qa_question_change", args=[german_draft.pk]), data)
    assert response.status_code == 200
    assert "Deutsch cannot be published" in response.content.decode()
    assert Question.objects.get(pk=german_draft.pk).title_de == "Pacing a marathon (de)"  # nothing saved


def translator_form(question, **changes):
    data = question_form_data(
        question,
        asker=question.asker,
        category=question.category,
        tags=[],
        titles={code: getattr(question, column("title", code)) for code in CODES},
        answers=[
            {code: (getattr(a, column("heading", code)), getattr(a, column("body", code))) for code in CODES}
            for a in question.answers.all()
        ],
    )
    for code in CODES:  # as the form shows them; a disabled field is not posted
        data[column("state", code)] = getattr(question, column("state", code))
    data.update(changes)
    return data


def test_a_translator_edits_and_submits_for_review_but_cannot_publish(client, german_draft):
    person(client, "Translator")
    change = reverse("admin:qa_question_change", args=[german_draft.pk])
    page = client.get(change).content.decode()
    assert 'value="published"' not in page.split('name="state_de"')[1].split("</select>")[0]
    response = client.post(change, translator_form(german_draft, title_de="Das Tempo im Marathon", state_de="review"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    question = Question.objects.get(pk=german_draft.pk)
    assert question.title_de == "Das Tempo im Marathon" and question.state_de == "review"
    assert "de" not in question.available_languages()  # a translator's save publishes nothing
    response = client.post(change, translator_form(question, state_de="published"))
    assert response.status_code == 200 and Question.objects.get(pk=german_draft.pk).state_de == "review"
    act(client, "published_de", [german_draft])
    assert Question.objects.get(pk=german_draft.pk).state_de == "review"  # the action is not offered


def test_a_translator_cannot_unpublish_change_dates_or_delete(client, german_draft):
    person(client, "Translator")
    change = reverse("admin:qa_question_change", args=[german_draft.pk])
    data = translator_form(german_draft, state_en="draft", publish_at_en_0="2030-01-01", publish_at_en_1="10:00")
    assert client.post(change, data).status_code == 302
    question = Question.objects.get(pk=german_draft.pk)
    assert question.state_en == "published" and question.publish_at_en == german_draft.publish_at_en
    act(client, "draft_en", [german_draft])
    assert Question.objects.get(pk=german_draft.pk).state_en == "published"
    delete = reverse("admin:qa_question_delete", args=[german_draft.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert client.get(reverse("admin:qa_question_add")).status_code == 403
    assert Question.objects.filter(pk=german_draft.pk).exists()


def test_an_editor_publishes_and_deletes(client, german_draft):
    person(client, "Editor")
    change = reverse("admin:qa_question_change", args=[german_draft.pk])
    assert client.post(change, translator_form(german_draft, state_de="published")).status_code == 302
    assert "de" in Question.objects.get(pk=german_draft.pk).available_languages()
    delete = reverse("admin:qa_question_delete", args=[german_draft.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 302
    assert not Question.objects.filter(pk=german_draft.pk).exists()


@pytest.mark.parametrize("code", CODES)
def test_the_question_list_and_form_open_in_every_admin_language(admin_client, german_draft, code):
    for page in (CHANGELIST, reverse("admin:qa_question_change", args=[german_draft.pk])):
        response = admin_client.get(page, HTTP_ACCEPT_LANGUAGE=code)
        assert response.status_code == 200
        assert f'lang="{code}"' in response.content.decode()[:300]
