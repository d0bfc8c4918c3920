"""The whole site out and back in (qa.exchange.content, FORMAT.md there): byte-identical
exports, a lossless round trip into an empty database, all-or-nothing imports that
name every bad record by its JSON path. The suite runs on SQLite and, with
`make test-services`, on PostgreSQL: each test here runs on both."""

import io
import json
import os
import subprocess
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from qa.editorial import states, translation_status
from qa.editorial.models import TranslationCheck, TranslationStatus
from qa.exchange import content_read, content_write
from qa.exchange import text as text_import
from qa.links import slug_path
from qa.models import Answer, Asker, Category, ContentVersion, Question, RetiredSlug, Tag
from qa.search import results as search_results
from tests.factories import make_asker, make_category, make_question, make_tag, url
from tests.servers import ROOT, manage

MOMENT = datetime(2026, 3, 14, 9, 0, 0, 123456, tzinfo=UTC)


def export():
    out = io.StringIO()
    call_command("export_content", stdout=out)
    return out.getvalue()


def import_text(tmp_path, text, *args):
    path = tmp_path / "site.json"
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    call_command("import_content", str(path), *args, stdout=out)
    return out.getvalue()


def empty_the_database():
    """What a new database holds of content: nothing (a question's delete retires its
    slugs, so those go last)."""
    for model in (Question, Category, Tag, Asker, RetiredSlug):
        model.objects.all().delete()
    assert not TranslationCheck.objects.exists() and not TranslationStatus.objects.exists()


def every_field(db):
    """Questions using every field the format has, besides the demo's: a scheduled
    language, one in review, a Turkish source, an outdated translation, tags in some
    languages only, a retired slug of a living and of a deleted question, texts with
    spaces and Markdown that must come back exactly."""
    call_command("load_demo", stdout=io.StringIO())
    category = make_category("Rowing", codes=("en", "tr"))
    tag = make_tag("Ergometer", codes=("de",))
    asker = make_asker("Zeynep Ağaoğlu")
    question = make_question("Rowing technique", category=category, asker=asker, tags=[tag], answers=3)
    question.source_language = "tr"
    question.set_state(Question.State.REVIEW, ["nl"])
    question.set_state(Question.State.PUBLISHED, ["de"], at=timezone.now() + timedelta(days=3))
    question.summary_en = "  Two spaces before, a line break\nand “quotes” after.  "
    question.slug_en = "rowing-technique-renamed"  # retires the old one
    question.save()
    answer = question.answers.order_by("position").first()
    answer.body_tr = "| Metres | Time |\n| --- | ---: |\n| 2000 | 6:30 |\n\n> A tip.\n\n1. One\n2. Two"
    answer.save()  # the source changed: every translation of this body is outdated now
    Question.objects.filter(pk=question.pk).update(updated_at=MOMENT)
    draft = make_question("Only a draft", codes=("nl",), status=Question.State.DRAFT, answers=1)
    draft.publish_at_nl = MOMENT
    draft.save()
    gone = make_question("Deleted later", answers=1)
    gone.delete()
    return question


def test_an_export_is_json_dumps_of_itself_sorted_and_byte_identical_twice(db):
    call_command("load_demo", stdout=io.StringIO())
    first = export()
    assert first == json.dumps(json.loads(first), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert "Yıldız" in first and "\\u" not in first
    assert export() == first
    document = json.loads(first)
    assert document["format"] == "project-sports-content" and document["version"] == 1
    assert len(document["questions"]) == 13
    assert [q["uuid"] for q in document["questions"]] == sorted(q["uuid"] for q in document["questions"])


def test_everything_comes_back_in_an_empty_database_and_exports_the_same_bytes(db, tmp_path, client):
    question = every_field(db)
    statuses = dict(TranslationStatus.objects.filter(question=question).values_list("language", "status"))
    assert statuses["en"] == TranslationStatus.Status.OUTDATED  # the round trip must keep that
    before = export()
    document = json.loads(before)
    assert any(record["question"] is None for record in document["retired_slugs"])
    assert any(record["question"] == str(question.uuid) for record in document["retired_slugs"])

    empty_the_database()
    assert json.loads(export())["questions"] == []
    import_text(tmp_path, before)
    assert export() == before

    # What the site derives came back from the saves: read times, availability, Markdown,
    # search, the translation status, and the pages.
    again = Question.objects.get(uuid=question.uuid)
    assert again.read_time_en and again.is_available_en and not again.is_available_nl
    assert "de" not in again.available_languages()  # scheduled in three days
    assert again.updated_at == MOMENT
    assert "<table>" in again.answers.order_by("position").first().body_html_tr
    assert dict(TranslationStatus.objects.filter(question=again).values_list("language", "status")) == statuses
    assert search_results.search("en", "Rowing technique").hits
    for code in ("nl", "en", "de", "tr"):
        demo_question = Question.objects.visible(code).first()
        assert client.get(url(demo_question, code)).status_code == 200
    retired = RetiredSlug.objects.get(question=again, language="en")
    assert client.get(slug_path("en", "qa:question", retired.slug)).status_code == 301


def draft_from_text(category, language="nl"):
    """A draft as "New question from text" saves it: its last sub-question has no answer yet."""
    parsed = text_import.parse("How do I start rowing?\nWhy row?\nIt is fun.\nWhat should I wear?\n", language)
    assert any("has no answer" in warning.message for warning in parsed.warnings)
    return text_import.save(parsed, language, category)


def test_a_draft_with_a_sub_question_not_answered_yet_comes_back_as_it_was(db, tmp_path):
    draft = draft_from_text(make_category("Rowing"))
    assert draft.answers.order_by("position").last().body_nl == ""
    before = export()
    record = json.loads(before)["questions"][0]
    assert record["answers"][1]["heading"] == {"nl": "What should I wear?"} and record["answers"][1]["body"] == {}
    empty_the_database()
    import_text(tmp_path, before)
    assert export() == before


def test_a_published_language_must_be_complete_and_a_draft_or_review_need_not(db, tmp_path):
    """The admin's rule (CompleteWhenPublishedFormSet: Question.is_complete_in) for the
    published languages only."""
    question = make_question("Half written", answers=2)
    document = json.loads(export())
    record = document["questions"][0]
    del record["answers"][1]["body"]["en"]
    record["answers"][0]["heading"].pop("de")
    record["checked"]["title"].pop("de")  # as a save leaves it; the fingerprints are not the point here
    for answer in record["answers"]:
        answer["checked"] = {"body": {}, "heading": {}}
    problems = content_read_problems(json.dumps(document))
    need = "published, so the question, its address and every sub-question and answer need text in"
    assert sorted(problems) == [
        f"questions[0].state.de: {need} de; missing: answers[0].heading.de",
        f"questions[0].state.en: {need} en; missing: answers[1].body.en",
    ]
    record["state"]["en"], record["state"]["de"] = "draft", "review"
    import_text(tmp_path, json.dumps(document))
    question.refresh_from_db()
    assert question.state_en == "draft" and not question.is_complete_en
    assert question.answers.order_by("position").last().body_en is None


def every_state(db):
    """A site holding every state an editor reaches, each reached as the admin does it
    (saves, the list actions' states.change_state, "New question from text")."""
    rowing = make_category("Rowing", codes=("en", "tr"), position=2)
    rowing.description_en = "Boats, oars and ergometers."
    rowing.save()
    ergometer, boats = make_tag("Ergometer", codes=("de",)), make_tag("Boats")
    asker = make_asker("Zeynep Ağaoğlu")
    # Turkish source; nl in review, de scheduled, tr published, en taken back to draft
    # after it was published (its date is kept), its slug changed twice (two retired).
    turkish = make_question("Kürek tekniği", category=rowing, asker=asker, tags=[ergometer, boats], answers=2)
    turkish.source_language = "tr"
    turkish.slug_en = "rowing-technique"
    turkish.save()
    turkish.slug_en = "rowing-technique-2026"
    turkish.save()
    states.change_state([turkish], "nl", Question.State.REVIEW)
    states.change_state([turkish], "en", Question.State.DRAFT)
    turkish.set_state(Question.State.PUBLISHED, ["de"], at=timezone.now() + timedelta(days=3))
    turkish.save()
    # Scheduled, then submitted for review: the date is kept for publishing again.
    scheduled = make_question("Scheduled then reviewed", codes=("en", "de"), category=rowing, answers=1)
    scheduled.set_state(Question.State.DRAFT, ["nl", "tr"])
    scheduled.set_state(Question.State.PUBLISHED, ["en"], at=timezone.now() + timedelta(days=5))
    scheduled.save()
    states.change_state([scheduled], "en", Question.State.REVIEW)
    # Published in English, German half written: a title and one answer of two in
    # German, nothing in Dutch or Turkish (missing languages).
    half = make_question("Half translated", codes=("en",), category=rowing, asker=asker, tags=[boats], answers=2)
    half.set_state(Question.State.DRAFT, ["nl", "de", "tr"])
    half.title_de = "Halb übersetzt"
    half.save()
    first = half.answers.order_by("position").first()
    first.heading_de, first.body_de = "Die erste Frage?", "Die erste Antwort."
    first.save()
    draft = draft_from_text(rowing)  # Dutch: its last sub-question has no answer yet
    draft.tags.set([ergometer])
    gone = make_question("Deleted later", codes=("en",), category=rowing, answers=1)
    gone.delete()  # its slugs answer 410 Gone
    return {"turkish": turkish, "scheduled": scheduled, "half": half, "draft": draft}


def test_every_state_an_editor_reaches_comes_back_byte_identical(db, tmp_path):
    site = every_state(db)
    before = export()
    document = json.loads(before)
    records = {record["uuid"]: record for record in document["questions"]}
    turkish = records[str(site["turkish"].uuid)]
    assert turkish["source_language"] == "tr"
    assert turkish["state"] == {"nl": "review", "en": "draft", "de": "published", "tr": "published"}
    assert turkish["publish_at"]["de"] > turkish["publish_at"]["tr"] and "en" in turkish["publish_at"]
    assert records[str(site["scheduled"].uuid)]["state"]["en"] == "review"
    assert "en" in records[str(site["scheduled"].uuid)]["publish_at"]
    half = records[str(site["half"].uuid)]
    assert half["title"].keys() == {"en", "de"} and half["answers"][1]["heading"].keys() == {"en"}
    assert records[str(site["draft"].uuid)]["answers"][-1]["body"] == {}
    retired = {(r["slug"], r["question"]) for r in document["retired_slugs"]}
    assert {("rowing-technique", str(site["turkish"].uuid)), ("deleted-later-en", None)} <= retired
    assert any(not tag["name"].keys() - {"de"} for tag in document["tags"])

    empty_the_database()
    import_text(tmp_path, before)
    assert export() == before
    again = import_text(tmp_path, before)
    assert "4 questions unchanged" in again and "created" not in again and "updated" not in again
    assert export() == before


def test_importing_the_same_file_again_changes_nothing(db, tmp_path):
    call_command("load_demo", stdout=io.StringIO())
    text = export()
    version = ContentVersion.objects.get().number
    report = import_text(tmp_path, text)
    assert "13 questions unchanged" in report and "created" not in report and "updated" not in report
    assert ContentVersion.objects.get().number == version
    assert export() == text


def test_an_import_updates_by_uuid_and_derived_data_and_caches_follow(db, tmp_path, client):
    call_command("load_demo", stdout=io.StringIO())
    document = json.loads(export())
    record = document["questions"][0]
    question = Question.objects.get(uuid=record["uuid"])
    old_url = url(question, "en")
    record["title"]["en"] = "A title changed in the file"
    record["slug"]["en"] = "a-title-changed-in-the-file"
    record["answers"][0]["body"]["en"] = "Now with a **bold** answer."
    version = ContentVersion.objects.get().number

    report = import_text(tmp_path, json.dumps(document))
    assert "1 questions updated" in report and "12 questions unchanged" in report
    question.refresh_from_db()
    assert question.title_en == "A title changed in the file"
    assert "<strong>bold</strong>" in question.answers.order_by("position").first().body_html_en
    assert ContentVersion.objects.get().number > version
    assert search_results.search("en", "changed in the file").hits
    response = client.get(old_url)
    assert response.status_code == 301 and response["Location"].endswith("/a-title-changed-in-the-file/")


def test_an_answer_more_or_less_in_the_file_is_added_or_removed_by_place(db, tmp_path):
    call_command("load_demo", stdout=io.StringIO())
    document = json.loads(export())
    first, second = document["questions"][:2]
    kept = Answer.objects.filter(question__uuid=first["uuid"]).order_by("position").first().pk
    codes = list(first["title"])  # a published language needs every answer in it
    first["answers"].append(
        {
            "heading": dict.fromkeys(codes, "One more?"),
            "body": dict.fromkeys(codes, "Yes."),
            "checked": {"body": {}, "heading": {}},
        }
    )
    second["answers"] = second["answers"][:1]
    import_text(tmp_path, json.dumps(document))
    answers = list(Answer.objects.filter(question__uuid=first["uuid"]).order_by("position"))
    assert answers[0].pk == kept and answers[-1].heading_en == "One more?"
    assert [a.position for a in answers] == list(range(1, len(answers) + 1))
    assert Answer.objects.filter(question__uuid=second["uuid"]).count() == 1


def test_one_broken_record_is_named_by_its_path_and_changes_nothing(db, tmp_path):
    call_command("load_demo", stdout=io.StringIO())
    before = export()
    document = json.loads(before)
    for record in document["questions"]:
        record["title"]["en"] += " (edited)"  # would change every question
    document["questions"][5]["answers"][2]["body"]["tr"] = "x" * 20_001
    with pytest.raises(CommandError) as error:
        import_text(tmp_path, json.dumps(document))
    assert "Nothing imported, nothing changed (1 problem)" in str(error.value)
    assert "site.json: questions[5].answers[2].body.tr: " in str(error.value)
    assert export() == before


def test_every_problem_of_a_file_is_named_at_once(db, tmp_path):
    call_command("load_demo", stdout=io.StringIO())
    document = json.loads(export())
    holder = Category.objects.create(name_en="Rowing", slug_en="rowing")  # not in the file
    before = export()
    question = document["questions"][0]
    question["titel"] = {"en": "typo"}
    question["category"] = "00000000-0000-0000-0000-000000000000"
    question["state"]["tr"] = "live"
    question["answers"][0]["heading"].pop("de")
    question["checked"]["title"]["de"] = "not a fingerprint"
    question["published_at"] = "2026-03-14 09:00"
    document["questions"][1]["uuid"] = question["uuid"]
    document["categories"][0]["slug"]["en"] = "rowing"
    dutch = [n for n, record in enumerate(document["categories"]) if "nl" in record["name"]]
    document["categories"][dutch[1]]["name"]["nl"] = document["categories"][dutch[0]]["name"]["nl"].upper()
    document["askers"][0]["slug"] = "no spaces allowed"
    document["tags"][0]["name"]["xx"] = "Klingon"
    problems = content_read_problems(json.dumps(document))
    expected = [
        "questions[0].titel: unknown field",
        "questions[0].category: no category has the uuid 00000000-0000-0000-0000-000000000000",
        "questions[0].state.tr: must be one of draft, review, published",
        "questions[0].state.de: published, so the question, its address and every sub-question and answer need "
        "text in de; missing: answers[0].heading.de",
        "questions[0].checked.title.de: must be a fingerprint",
        "questions[0].published_at: must be a date and time with a zone",
        "questions[1].uuid: ",
        f"categories[0].slug.en: category {holder.uuid} in the database has this slug in en",
        f"categories[{dutch[1]}].name.nl: ",
        "askers[0].slug: must be letters, digits, hyphens and underscores",
        "tags[0].name.xx: must be one of the site's languages",
    ]
    for part in expected:
        assert any(part in problem for problem in problems), (part, problems)
    assert export() == before


def content_read_problems(text):
    with pytest.raises(content_read.ContentError) as error:
        content_read.read(text, "site.json")
    return [problem.removeprefix("site.json: ") for problem in error.value.problems]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "site.json: not JSON: Expecting value at line 1, column 1"),
        ("[]", "site.json: must be an object, not an array"),
        (b"\xff", "site.json: not UTF-8"),
    ],
)
def test_a_file_that_is_not_a_content_document_says_so(db, text, message):
    with pytest.raises(content_read.ContentError) as error:
        content_read.read(text, "site.json")
    assert error.value.problems[0].startswith(message)


def test_another_format_or_version_is_refused_by_name(db):
    document = {**{kind: [] for kind in content_read.TOP}, "format": "something-else", "version": 2}
    problems = content_read_problems(json.dumps(document))
    assert any(problem.startswith("format: must be 'project-sports-content'") for problem in problems)
    assert any(problem.startswith("version: this site reads version 1 of the format, not 2") for problem in problems)


def test_a_dry_run_reports_and_writes_nothing(db, tmp_path):
    call_command("load_demo", stdout=io.StringIO())
    before = export()
    empty_the_database()
    report = import_text(tmp_path, before, "--dry-run")
    assert report.startswith("Dry run, nothing written: would have ") and "13 questions created" in report
    assert not Question.objects.exists()


def test_a_clash_the_checks_cannot_see_is_refused_and_nothing_changes(db, monkeypatch):
    """A database refusal while writing (here: the checks skipped) rolls everything back."""
    call_command("load_demo", stdout=io.StringIO())
    document = json.loads(export())
    document["tags"][0]["slug"]["en"] = document["tags"][1]["slug"]["en"]
    document["tags"][0]["name"]["en"] = "A new name"
    monkeypatch.setattr(content_read, "check_together", lambda check, document: None)
    checked = content_read.read(json.dumps(document))
    before = export()
    with pytest.raises(content_read.ContentError) as error:
        content_write.load(checked)
    assert "the database refused the import, nothing changed" in str(error.value)
    assert export() == before


def test_an_export_reads_a_fixed_number_of_queries_whatever_the_number_of_questions(db):
    category, asker = make_category(), make_asker()
    tag = make_tag()

    def queries():
        with CaptureQueriesContext(connection) as context:
            export()
        return len(context.captured_queries)

    for _ in range(2):
        make_question(category=category, asker=asker, tags=[tag], answers=2)
    few = queries()
    for _ in range(6):
        make_question(category=category, asker=asker, tags=[tag], answers=4)
    assert queries() == few


def test_the_fingerprints_of_answers_follow_them_by_place(db, tmp_path):
    """Outdated stays outdated, up to date stays up to date, through an empty database."""
    question = make_question("Fingerprints", answers=2)
    answer = question.answers.order_by("position").last()
    answer.body_en = "The source text, changed."
    answer.save()
    translation_status.confirm(question.pk, {"nl": None})
    statuses = dict(TranslationStatus.objects.filter(question=question).values_list("language", "status"))
    assert statuses == {"nl": "up_to_date", "en": "source", "de": "outdated", "tr": "outdated"}
    text = export()
    empty_the_database()
    import_text(tmp_path, text)
    again = Question.objects.get(uuid=question.uuid)
    assert dict(TranslationStatus.objects.filter(question=again).values_list("language", "status")) == statuses
    assert export() == text
    keys = set(TranslationCheck.objects.filter(question=again, language="de").values_list("unit", flat=True))
    assert {f"body-{pk}" for pk in again.answers.values_list("pk", flat=True)} <= keys


def readme_move_block():
    """The shell block of the README's "Content in and out"."""
    readme = (ROOT / "README.md").read_text()
    section = readme.split("### Content in and out", 1)[1]
    return section.split("```sh\n", 1)[1].split("```", 1)[0]


def test_the_readme_moves_the_demo_site_from_sqlite_to_postgresql_as_written(tmp_path):
    """The README's commands, run as an editor would (each on its own line, in the
    repository), from a laptop's SQLite with the demo to a new PostgreSQL database."""
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        if os.environ.get("REQUIRE_SERVICES"):
            pytest.fail("needs PostgreSQL (DATABASE_URL=postgres://...)")
        pytest.skip("needs PostgreSQL: run `make test-services`")
    name = f"readme_move_{os.getpid()}"
    block = readme_move_block()
    assert "export_content --output site.json" in block and "import_content site.json" in block
    script = (
        block.replace("site.json", str(tmp_path / "site.json"))
        .replace("/projectsports", f"/{name}")
        .replace("postgres projectsports", f"postgres {name}")
        .replace("createsuperuser", "createsuperuser --noinput")
    )
    env = {
        "PATH": os.environ["PATH"],
        "DEBUG": "1",  # what make run's .env gives manage.py on a laptop
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DJANGO_SUPERUSER_USERNAME": "editor",
        "DJANGO_SUPERUSER_EMAIL": "editor@example.org",
        "DJANGO_SUPERUSER_PASSWORD": "a long enough test password",
    }
    manage("migrate", "--noinput", env=env)
    manage("load_demo", env=env)
    try:
        result = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert "the same content" in result.stdout
        moved = {**env, "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{name}"}
        counts = manage("shell", "-c", "from qa.models import Question; print(Question.objects.count())", env=moved)
        assert counts.split()[-1] == "13"
    finally:
        subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", name], check=False)


def test_an_import_records_a_version_of_each_question_it_changes_and_none_it_creates(db, tmp_path):
    from reversion.models import Version

    call_command("load_demo", stdout=io.StringIO())
    document = json.loads(export())
    empty_the_database()
    Version.objects.all().delete()
    import_text(tmp_path, json.dumps(document))
    assert not Version.objects.exists()
    document["questions"][3]["title"]["en"] = "Changed by the second import"
    import_text(tmp_path, json.dumps(document))
    question = Question.objects.get(uuid=document["questions"][3]["uuid"])
    versions = Version.objects.get_for_object(question)
    assert len(versions) == 1 and versions[0].revision.comment == "import_content site.json"
    assert Version.objects.filter(content_type__model="question").count() == 1
