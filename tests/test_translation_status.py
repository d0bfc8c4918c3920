"""Translation status (qa.editorial.translation_status): missing / incomplete / outdated /
up to date per language, decided by fingerprints of the source text; confirming in the
question admin as a translator; the dashboard, its counts, lists and links, and its
queries at any size."""

import importlib
import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from qa.editorial import dashboard, translation_status
from qa.editorial.models import TranslationCheck, TranslationStatus
from qa.models import Answer, Question
from tests.factories import ALL, make_question, url
from tests.html import parse
from tests.test_admin import question_form_data
from tests.test_query_count import CONTROL

pytestmark = pytest.mark.django_db
Status = TranslationStatus.Status
DASHBOARD = "/admin/qa/question/translations/"


def statuses(question):
    return dict(TranslationStatus.objects.filter(question=question).values_list("language", "status"))


def edit(obj, **fields):
    """Save obj with fields changed, as any editor's save would (the question's derived
    data and status follow)."""
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.save()


def first_answer(question):
    return question.answers.order_by("position").first()


@pytest.fixture
def question():
    """Written in English, translated into Dutch, German and Turkish."""
    return make_question("Pacing")


def test_a_new_translation_is_up_to_date_and_the_source_language_is_the_source(question):
    assert question.source_language == "en"
    assert statuses(question) == {
        "en": Status.SOURCE,
        "nl": Status.UP_TO_DATE,
        "de": Status.UP_TO_DATE,
        "tr": Status.UP_TO_DATE,
    }


def test_missing_incomplete_outdated_and_up_to_date():
    question = make_question("Tapering", codes=("en", "nl", "de"))
    assert statuses(question)["tr"] == Status.MISSING
    edit(first_answer(question), heading_de="", body_de="")  # one answer not in German
    edit(question, title_en="Tapering before a race (en)")  # the source changed
    assert statuses(question) == {
        "en": Status.SOURCE,
        "nl": Status.OUTDATED,
        "de": Status.INCOMPLETE,
        "tr": Status.MISSING,
    }


def test_a_missing_summary_is_incomplete_only_when_the_source_has_one(question):
    edit(question, summary_nl="")
    assert question.is_complete_nl and statuses(question)["nl"] == Status.INCOMPLETE
    edit(question, summary_en="")
    assert statuses(question)["nl"] == Status.UP_TO_DATE


@pytest.mark.parametrize(
    "change",
    [
        lambda question: edit(question, title_en=f"  {question.title_en.replace(' ', '   ')}\n"),
        lambda question: edit(question, summary_en=question.summary_en.replace(" ", "\n")),
        lambda question: edit(first_answer(question), body_en=f"{first_answer(question).body_en}\n\n"),
    ],
    ids=["title", "summary", "answer"],
)
def test_a_whitespace_only_edit_of_the_source_outdates_nothing(question, change):
    change(question)
    assert set(statuses(question).values()) == {Status.SOURCE, Status.UP_TO_DATE}


@pytest.mark.parametrize("field", ["heading_en", "body_en"])
def test_an_edit_of_an_answer_outdates_every_translation_and_undoing_it_makes_them_up_to_date(question, field):
    answer = first_answer(question)
    before = getattr(answer, field)
    edit(answer, **{field: f"{before} Changed."})
    assert statuses(question) == {"en": Status.SOURCE, **dict.fromkeys(("nl", "de", "tr"), Status.OUTDATED)}
    edit(answer, **{field: before})
    assert statuses(question) == {"en": Status.SOURCE, **dict.fromkeys(("nl", "de", "tr"), Status.UP_TO_DATE)}


def test_editing_the_translation_alone_does_not_hide_that_its_source_changed(question):
    edit(question, title_en="Pacing a first marathon")
    edit(question, title_nl="Het tempo van een eerste marathon")
    assert statuses(question)["nl"] == Status.OUTDATED
    edit(first_answer(question), body_nl="Een nieuwe vertaling.")
    assert statuses(question)["nl"] == Status.OUTDATED


def test_a_unit_translated_for_the_first_time_is_fingerprinted_then():
    question = make_question("Hydration", codes=("en", "nl"))
    edit(question, summary_nl="")  # the Dutch summary is still to come
    edit(question, summary_en="Drinking during a race.")
    edit(question, summary_nl="Drinken tijdens een wedstrijd.")
    assert statuses(question)["nl"] == Status.UP_TO_DATE
    edit(question, summary_en="Drinking before and during a race.")
    assert statuses(question)["nl"] == Status.OUTDATED


def test_a_new_answer_makes_translations_incomplete_until_translated():
    question = make_question("Shoes", codes=("en", "nl"), answers=1)
    answer = Answer.objects.create(question=question, position=2, heading_en="How long?", body_en="500 km.")
    assert statuses(question)["nl"] == Status.INCOMPLETE
    edit(answer, heading_nl="Hoe lang?", body_nl="500 km.")
    assert statuses(question)["nl"] == Status.UP_TO_DATE
    answer.delete()
    assert statuses(question)["nl"] == Status.UP_TO_DATE
    assert not TranslationCheck.objects.filter(unit__endswith=f"-{answer.pk}").exists()  # forgotten with it


def test_another_source_language_compares_the_translations_with_it(question):
    edit(question, source_language="nl")
    assert statuses(question) == {
        "nl": Status.SOURCE,
        "en": Status.UP_TO_DATE,  # a translation for the first time: fingerprinted now
        "de": Status.OUTDATED,  # checked against the English text
        "tr": Status.OUTDATED,
    }


def test_the_source_change_time_moves_with_the_source_only(question):
    def changed_at(code):
        return TranslationStatus.objects.get(question=question, language=code).source_changed_at

    created = changed_at("nl")
    assert created == changed_at("en") == Question.objects.get(pk=question.pk).updated_at
    edit(question, title_nl="Tempo")
    assert changed_at("nl") == created
    edit(question, title_en="Pacing yourself")
    assert changed_at("nl") == changed_at("de") == Question.objects.get(pk=question.pk).updated_at > created


def test_confirming_leaves_the_question_and_what_readers_see_alone(client, question):
    edit(question, title_en="Pacing yourself")
    updated_at = Question.objects.get(pk=question.pk).updated_at
    assert client.get(url(question, "nl")).status_code == 200  # an outdated language is still published
    translation_status.confirm(question.pk, {"nl": None, "de": {"title"}})
    assert statuses(question) == {
        "en": Status.SOURCE,
        "nl": Status.UP_TO_DATE,
        "de": Status.UP_TO_DATE,
        "tr": Status.OUTDATED,
    }
    assert Question.objects.get(pk=question.pk).updated_at == updated_at


def test_deleting_a_question_deletes_its_statuses_and_checks(admin_client, question):
    other = make_question("Other")
    delete = reverse("admin:qa_question_delete", args=[question.pk])
    assert "translation check" not in admin_client.get(delete).content.decode().lower()  # derived, not listed
    assert admin_client.post(delete, {"post": "yes"}).status_code == 302
    assert not TranslationStatus.objects.filter(question_id=question.pk).exists()
    assert not TranslationCheck.objects.filter(question_id=question.pk).exists()
    assert TranslationStatus.objects.filter(question=other).count() == 4


# The question admin, as a translator.


@pytest.fixture
def translator(django_user_model):
    user = django_user_model.objects.create_user("translator", is_staff=True)
    user.groups.add(Group.objects.get(name="Translator"))
    return user


def change_url(question):
    return reverse("admin:qa_question_change", args=[question.pk])


def form_data(question, **changes):
    """The change form's POST data for question as stored, with changes."""
    question.refresh_from_db()
    data = question_form_data(
        question,
        asker=question.asker,
        category=question.category,
        tags=list(question.tags.all()),
        titles={code: getattr(question, f"title_{code}") for code in ALL if getattr(question, f"title_{code}")},
        answers=[
            {code: (getattr(a, f"heading_{code}") or "", getattr(a, f"body_{code}") or "") for code in ALL}
            for a in question.answers.all()
        ],
    )
    data.update({f"summary_{code}": getattr(question, f"summary_{code}") or "" for code in ALL})
    data["source_language"] = question.source_language
    return {**data, **changes}


def post(client, question, **changes):
    response = client.post(change_url(question), form_data(question, **changes))
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    return response


def panel(page, code):
    return parse(page).find("div", id=f"id_translationstatus_{code}")


def test_the_change_form_shows_each_languages_status_in_its_tab_and_the_new_source_text(client, translator, question):
    edit(first_answer(question), body_en="Start slower than you think.")
    edit(question, title_nl="")
    client.force_login(translator)
    page = client.get(change_url(question)).content
    assert panel(page, "nl")["class"] == "mt mt-field-translationstatus-nl"  # one of modeltranslation's tab groups
    assert "missing" in panel(page, "nl").text
    assert "source language" in panel(page, "en").text
    german = panel(page, "de")
    assert "outdated" in german.text
    row = german.find("input", value=f"de:body-{first_answer(question).pk}").parent.parent
    assert "Answer 1" in row.text and "Start slower than you think." in row.text
    assert german.find("input", name="translation_checked_language", value="de")
    assert "/static/editorial/translation_status.js" in page.decode()


def test_a_translator_marks_one_part_and_then_a_whole_language_checked(client, translator, question):
    answer = first_answer(question)
    edit(answer, body_en="Start slower than you think.")
    edit(question, title_en="Pacing yourself")
    client.force_login(translator)
    post(client, question, translation_checked=[f"de:body-{answer.pk}", "de:title"])
    assert statuses(question) == {
        "en": Status.SOURCE,
        "nl": Status.OUTDATED,
        "de": Status.UP_TO_DATE,
        "tr": Status.OUTDATED,
    }
    post(client, question, translation_checked_language=["nl"])
    assert statuses(question)["nl"] == Status.UP_TO_DATE
    post(client, question, translation_checked=["tr:title"])  # one of its two outdated parts
    assert statuses(question)["tr"] == Status.OUTDATED
    page = client.get(change_url(question)).content
    assert [i["value"] for i in panel(page, "tr").find_all("input", name="translation_checked")] == [
        f"tr:body-{answer.pk}"
    ]


def test_a_translation_edited_and_checked_in_one_save_is_up_to_date(client, translator, question):
    edit(question, title_en="Pacing yourself")
    client.force_login(translator)
    post(client, question, title_de="Das eigene Tempo", translation_checked=["de:title"])
    assert statuses(question)["de"] == Status.UP_TO_DATE
    assert Question.objects.get(pk=question.pk).title_de == "Das eigene Tempo"


def test_an_editors_change_of_the_source_in_the_admin_outdates_the_translations(admin_client, question):
    answer = first_answer(question)
    post(admin_client, question, **{"answers-0-body_en": "Start slower than you think."})
    assert statuses(question) == {"en": Status.SOURCE, **dict.fromkeys(("nl", "de", "tr"), Status.OUTDATED)}
    page = admin_client.get(change_url(question)).content
    assert panel(page, "nl").find("input", value=f"nl:body-{answer.pk}")


def test_without_the_permission_to_check_nothing_is_recorded(client, django_user_model, question):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("writer", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_question", "change_question", "change_answer"])
    )
    edit(question, title_en="Pacing yourself")
    client.force_login(user)
    assert not panel(client.get(change_url(question)).content, "nl").find_all("input")
    post(client, question, translation_checked_language=["nl"])
    assert statuses(question)["nl"] == Status.OUTDATED


# The dashboard.


def outdate(question, code="en"):
    edit(question, **{f"title_{code}": f"{getattr(question, f'title_{code}')} (changed)"})


def test_the_dashboard_counts_per_language_and_lists_newest_source_change_first(client, translator, monkeypatch):
    questions = [make_question(f"Q{n}", codes=("en", "nl", "de")) for n in range(4)]
    edit(first_answer(questions[3]), heading_de="", body_de="")
    for question in (questions[1], questions[0], questions[2]):
        outdate(question)
    client.force_login(translator)
    response = client.get(DASHBOARD)
    assert response.context["language_code"] == "nl"  # the admin's English is the source: the first with outdated ones
    table = response.context["table"]
    counts = {row["name"]: [cell["count"] for cell in row["cells"]] for row in table}
    # up to date, outdated, incomplete, missing, source language
    assert counts == {
        "Nederlands": [1, 3, 0, 0, 0],
        "English": [0, 0, 0, 0, 4],
        "Deutsch": [0, 3, 1, 0, 0],
        "Türkçe": [0, 0, 0, 4, 0],
    }

    monkeypatch.setattr(dashboard, "PER_PAGE", 2)
    page = parse(client.get(DASHBOARD, {"language": "nl", "status": "outdated"}).content)
    links = [a["href"] for a in page.find("table", class_="translation-list").find_all("a")]
    assert links == [f"{change_url(q)}#language-nl" for q in (questions[2], questions[0])]
    next_page = page.find("a", rel="next")["href"]
    page = parse(client.get(next_page).content)
    assert [a["href"] for a in page.find("table", class_="translation-list").find_all("a")] == [
        f"{change_url(questions[1])}#language-nl"
    ]
    page = parse(client.get(DASHBOARD, {"language": "de", "status": "incomplete"}).content)
    assert [a["href"] for a in page.find("table", class_="translation-list").find_all("a")] == [
        f"{change_url(questions[3])}#language-de"
    ]
    assert "Q3 (en)" in page.find("table", class_="translation-list").text


def test_the_dashboard_is_linked_from_the_question_list_and_the_admin_index(client, translator):
    client.force_login(translator)
    assert parse(client.get(reverse("admin:qa_question_changelist")).content).find("a", href=DASHBOARD)
    index = parse(client.get(reverse("admin:index")).content)
    entry = index.find("a", href=reverse("admin:editorial_translationstatus_changelist"))
    assert client.get(entry["href"])["Location"] == DASHBOARD


def test_the_dashboard_needs_a_staff_member_who_may_see_questions(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("staff", is_staff=True))
    assert client.get(DASHBOARD).status_code == 403


@pytest.mark.parametrize("code", ALL)
def test_the_dashboard_and_the_change_form_render_in_every_admin_language(client, translator, question, code):
    outdate(question)
    client.force_login(translator)
    page = client.get(DASHBOARD, HTTP_ACCEPT_LANGUAGE=code)
    assert page.status_code == 200 and page["Content-Language"] == code
    parse(page.content)
    form = client.get(change_url(question), HTTP_ACCEPT_LANGUAGE=code)
    assert form.status_code == 200 and form["Content-Language"] == code
    assert panel(form.content, "de").find("input", value="de:title")


def dashboard_queries(client):
    counts = []
    for query in ({}, {"language": "de", "status": "up_to_date"}, {"language": "nl", "status": "outdated", "page": 2}):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(DASHBOARD, query).status_code == 200
        counts.append(len([q for q in captured.captured_queries if not q["sql"].startswith(CONTROL)]))
    return counts


def test_the_dashboards_queries_do_not_grow_with_the_number_of_questions(client, translator, monkeypatch):
    monkeypatch.setattr(dashboard, "PER_PAGE", 3)
    client.force_login(translator)
    for n in range(8):  # every list that is read has a page, a second one too
        question = make_question(f"Small {n}", answers=1)
        if n % 2:
            outdate(question)
    small = dashboard_queries(client)
    for n in range(30):
        question = make_question(f"Big {n}", answers=3)
        if n % 2:
            outdate(question)
    assert dashboard_queries(client) == small
    assert max(small) <= 6, small  # session, user, permissions (2), the counts, the page


# The data migration.


def test_the_data_migration_takes_existing_translations_as_up_to_date(question):
    edit(question, title_en="Pacing yourself")
    TranslationCheck.objects.all().delete()
    TranslationStatus.objects.all().delete()
    migration = importlib.import_module("qa.editorial.migrations.0003_translation_status_of_existing_questions")
    state = MigrationLoader(connection).project_state(("editorial", "0003_translation_status_of_existing_questions"))
    migration.fill(state.apps, None)
    assert statuses(question) == {"en": Status.SOURCE, **dict.fromkeys(("nl", "de", "tr"), Status.UP_TO_DATE)}
    edit(question, title_en="Pacing")
    assert statuses(question)["nl"] == Status.OUTDATED


def test_translators_may_check_translations():
    codenames = set(Group.objects.get(name="Translator").permissions.values_list("codename", flat=True))
    assert {"view_translationcheck", "add_translationcheck", "change_translationcheck"} <= codenames
    assert not {"delete_question", "publish_question"} & codenames


def test_generated_content_gets_its_statuses_from_the_command():
    """generate_content writes with bulk inserts, which send no signals."""
    call_command("generate_content", questions=5, seed=3, verbosity=0)
    assert not TranslationStatus.objects.exists()
    call_command("refresh_translation_status", stdout=io.StringIO())
    assert TranslationStatus.objects.count() == 5 * len(ALL)
