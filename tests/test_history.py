"""The history of a question (qa.editorial.history): revisions recorded by the admin and
by commands, comparison, restore of every language's columns, answers and tags, and
recovery of a deleted question."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.urls import reverse
from reversion.models import Version

from qa import languages
from qa.languages import column
from qa.models import Answer, Question, RetiredSlug
from tests.factories import make_asker, make_category, make_tag, url
from tests.test_admin import question_form_data

pytestmark = pytest.mark.django_db
CODES = languages.codes()


def save_through_admin(client, question=None, *, titles, answers, tags, asker=None, category=None):
    data = question_form_data(
        question,
        asker=asker or (question.asker if question else make_asker()),
        category=category or (question.category if question else make_category()),
        tags=tags,
        titles=titles,
        answers=answers,
    )
    target = reverse("admin:qa_question_change", args=[question.pk]) if question else reverse("admin:qa_question_add")
    response = client.post(target, data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    return Question.objects.get(pk=question.pk) if question else Question.objects.latest("pk")


def every_column(question):
    """Each stored column of the question and its answers and its tags: what a restore
    must bring back exactly (updated_at aside)."""
    row = {f.attname: getattr(question, f.attname) for f in Question._meta.concrete_fields if f.attname != "updated_at"}
    answers = sorted(
        ({f.attname: getattr(a, f.attname) for f in Answer._meta.concrete_fields} for a in question.answers.all()),
        key=lambda a: a["id"],
    )
    return row, answers, sorted(question.tagged_items.values_list("tag_id", flat=True))


@pytest.fixture
def history(admin_client):
    """A question saved twice through the admin: the second save edits Dutch and
    German, deletes an answer and changes the tags."""
    running, racing, recovery = make_tag("Running"), make_tag("Racing"), make_tag("Recovery")
    first_answers = [
        {code: (f"Why {code}?", f"Because {code}.") for code in CODES},
        {code: (f"How {code}?", f"Slowly {code}.") for code in CODES},
    ]
    titles = {code: f"How far is a marathon ({code})?" for code in CODES}
    question = save_through_admin(admin_client, titles=titles, answers=first_answers, tags=[running, racing])
    before = every_column(question)
    edited = {**titles, "nl": "Hoe ver is een marathon?", "de": "Wie weit ist ein Marathon?"}
    data = question_form_data(
        question,
        asker=question.asker,
        category=question.category,
        tags=[recovery],
        titles=edited,
        answers=first_answers,
    )
    data["slug_nl"], data["slug_de"] = "hoe-ver-is-een-marathon", "wie-weit-ist-ein-marathon"
    data["answers-1-DELETE"] = "on"
    response = admin_client.post(reverse("admin:qa_question_change", args=[question.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    question.refresh_from_db()
    assert question.answers.count() == 1 and question.title_nl == "Hoe ver is een marathon?"
    return {"question": question, "before": before, "old_slugs": {c: before[0][column("slug", c)] for c in CODES}}


def versions(question):
    return list(Version.objects.get_for_object(question))  # newest first


def test_every_admin_save_records_a_revision_with_its_user_answers_and_tags(history, admin_user):
    newest, first = versions(history["question"])
    assert newest.revision.user == admin_user and first.revision.user == admin_user
    stored = {v._model.__name__ for v in first.revision.version_set.all()}
    assert stored == {"Question", "Answer", "TaggedQuestion"}
    assert all(column("title", code) in first.field_dict for code in CODES)
    assert "title" not in first.field_dict  # the base column mirrors one language: left out


def test_restore_brings_back_every_language_column_the_deleted_answer_and_the_tags(admin_client, history, client):
    question = history["question"]
    old = versions(question)[-1]
    page = admin_client.get(reverse("admin:qa_question_revision", args=[question.pk, old.pk]))
    assert page.status_code == 200 and b"Restore this revision" in page.content
    response = admin_client.post(reverse("admin:qa_question_revision", args=[question.pk, old.pk]))
    assert response.status_code == 302
    question = Question.objects.get(pk=question.pk)
    row, answers, tags = every_column(question)
    before_row, before_answers, before_tags = history["before"]
    assert answers == before_answers and tags == before_tags
    assert {k: v for k, v in row.items() if k != "published_at"} == {
        k: v for k, v in before_row.items() if k != "published_at"
    }
    # Readers follow on the next request: the Dutch page is back at its old address,
    # and the address the edit gave it redirects there.
    dutch = url(question, "nl")
    assert dutch.endswith(f"/{history['old_slugs']['nl']}/")
    assert client.get(dutch).status_code == 200
    assert RetiredSlug.objects.filter(language="nl", slug="hoe-ver-is-een-marathon", question=question).exists()
    assert client.get("/nl/vragen/hoe-ver-is-een-marathon/").status_code == 301
    assert "restored" in versions(question)[0].revision.get_comment().lower()
    found = client.get("/nl/zoeken/", {"q": "marathon"}).content.decode()  # the search index follows
    assert "How far is a <mark>marathon</mark> (nl)?" in found and "Hoe ver is een" not in found


def test_comparing_two_revisions_names_each_language_field_answer_and_tag(admin_client, history):
    question = history["question"]
    newest, first = versions(question)
    response = admin_client.get(
        reverse("admin:qa_question_compare", args=[question.pk]), {"old": first.pk, "new": newest.pk}
    )
    assert response.status_code == 200
    languages_shown = [code for code, _name, _fields, _answers in response.context["differences"]["languages"]]
    assert languages_shown == CODES  # nl, de edited; every language lost an answer
    by_code = {code: (fields, answers) for code, _n, fields, answers in response.context["differences"]["languages"]}
    fields, answers = by_code["nl"]
    assert [(str(c.label), c.old, c.new) for c in fields if str(c.label) == "question"] == [
        ("question", "How far is a marathon (nl)?", "Hoe ver is een marathon?")
    ]
    assert [(a.kind, a.heading) for a in answers] == [("removed", "How nl?")]
    fields, _answers = by_code["en"]
    assert fields == []
    assert response.context["differences"]["tags"] == (["Racing (en)", "Running (en)"], ["Recovery (en)"])
    html = response.content.decode()
    assert "Hoe ver is een marathon?" in html and "Answer removed" in html


def test_a_malformed_comparison_asks_again_and_a_foreign_revision_is_404(admin_client, history):
    question = history["question"]
    compare = reverse("admin:qa_question_compare", args=[question.pk])
    assert admin_client.get(compare, {"old": "x", "new": "1"}).status_code == 302
    assert admin_client.get(compare, {"old": "999999", "new": "999998"}).status_code == 404
    assert admin_client.get(reverse("admin:qa_question_revision", args=[question.pk, 999999])).status_code == 404


def test_a_deleted_question_can_be_recovered(admin_client, history, client):
    question = history["question"]
    pk, english = question.pk, url(question, "en")
    assert admin_client.post(reverse("admin:qa_question_delete", args=[pk]), {"post": "yes"}).status_code == 302
    assert client.get(english).status_code == 410
    listing = admin_client.get(reverse("admin:qa_question_recoverlist"))
    assert listing.status_code == 200 and b"How far is a marathon" in listing.content
    deleted = Version.objects.get_deleted(Question).get(object_id=str(pk))
    recover = reverse("admin:qa_question_recover", args=[deleted.pk])
    assert admin_client.get(recover).status_code == 200
    assert admin_client.post(recover).status_code == 302
    question = Question.objects.get(pk=pk)
    assert question.answers.count() == 1 and question.title_de == "Wie weit ist ein Marathon?"
    assert client.get(english).status_code == 200  # no longer Gone


def translator(client):
    user = User.objects.create_user("tessa", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Translator"))
    client.force_login(user)
    return client


def test_a_translator_sees_the_history_but_cannot_restore(history, client):
    question = history["question"]
    translator(client)
    assert client.get(reverse("admin:qa_question_history", args=[question.pk])).status_code == 200
    old = versions(question)[-1]
    page = client.get(reverse("admin:qa_question_revision", args=[question.pk, old.pk]))
    assert page.status_code == 200 and b"Restore this revision" not in page.content
    assert client.post(reverse("admin:qa_question_revision", args=[question.pk, old.pk])).status_code == 403
    assert Question.objects.get(pk=question.pk).title_nl == "Hoe ver is een marathon?"


@pytest.mark.parametrize("code", CODES)
def test_the_history_pages_open_in_every_admin_language(admin_client, history, code):
    question = history["question"]
    newest, first = versions(question)
    pages = [
        reverse("admin:qa_question_history", args=[question.pk]),
        reverse("admin:qa_question_revision", args=[question.pk, first.pk]),
        reverse("admin:qa_question_compare", args=[question.pk]) + f"?old={first.pk}&new={newest.pk}",
        reverse("admin:qa_question_recoverlist"),
    ]
    for page in pages:
        response = admin_client.get(page, HTTP_ACCEPT_LANGUAGE=code)
        assert response.status_code == 200, page
        assert f'lang="{code}"' in response.content.decode()[:300], page


def test_loading_the_demo_records_one_revision_per_question():
    call_command("load_demo", verbosity=0)
    question = Question.objects.first()
    (version,) = Version.objects.get_for_object(question)
    assert version.revision.get_comment() == "load_demo"
    assert {v.object_id for v in version.revision.version_set.filter(content_type__model="question")} == {
        str(pk) for pk in Question.objects.values_list("pk", flat=True)
    }
