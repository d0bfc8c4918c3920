"""Translation files (qa.exchange.po): one language of the questions as a gettext PO
file for translators' tools and back; the commands, the dashboard's download and
upload, their permissions, and the export's queries at any size."""

import io
import uuid
from datetime import timedelta

import polib
import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models.signals import post_save
from django.template.defaultfilters import filesizeformat
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from reversion.models import Version

from qa import search
from qa.editorial.models import TranslationStatus
from qa.editorial.translation_status import fingerprint
from qa.exchange import po
from qa.links import slug_path
from qa.models import Answer, Question
from tests.factories import make_question, url
from tests.html import parse
from tests.test_query_count import CONTROL

pytestmark = pytest.mark.django_db
Status = TranslationStatus.Status
FILE = "/admin/qa/question/translations/file/"
UPLOAD = "/admin/qa/question/translations/upload/"
DASHBOARD = "/admin/qa/question/translations/"


def statuses(question, code="de"):
    return TranslationStatus.objects.get(question=question, language=code).status


def edit(obj, **fields):
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.save()


def answer(question, number):
    return question.answers.order_by("position", "pk")[number - 1]


def entries(pofile):
    return {entry.msgctxt: entry for entry in pofile}


def fill(pofile, texts=None, unfuzzy=True):
    """The file as a translator hands it back: every msgstr filled in (texts {part:
    msgstr} for some, "<source> [de]" for the rest), fuzzy marks removed."""
    texts = texts or {}
    for entry in pofile:
        part = entry.msgctxt.partition(":")[2]
        entry.msgstr = texts.get(part, f"{entry.msgid} [de]")
        if unfuzzy and "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    return str(pofile)


def reread(question):
    return Question.objects.get(pk=question.pk)


@pytest.fixture
def question():
    """Written in English, translated into Dutch only; German (published) still to come."""
    return make_question("Pacing", codes=("en", "nl"))


# Export.


def test_the_file_has_an_entry_per_unit_with_its_source_text_and_where_it_comes_from(question):
    pofile = po.export("de")
    ctx = str(question.uuid)
    assert list(entries(pofile)) == [
        f"{ctx}:{part}" for part in ("title", "summary", "heading-1", "body-1", "heading-2", "body-2")
    ]
    body = entries(pofile)[f"{ctx}:body-2"]
    assert body.msgid == answer(question, 2).body_en and body.msgstr == "" and not body.fuzzy
    assert url(question, "en") in body.comment and "(en)" in body.comment
    assert f"source-fingerprint: {fingerprint(body.msgid)}" in body.comment.splitlines()
    assert pofile.metadata["Language"] == "de"
    assert pofile.metadata["Project-Id-Version"] == "Project Sports content"
    assert pofile.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert pofile.metadata["X-Source-Languages"] == "en"
    assert "POT-Creation-Date" in pofile.metadata


def test_the_comment_names_the_unit_in_the_language_of_the_file(question):
    from django.utils import translation

    with translation.override("de"):
        label = str(po.translation_status.LABELS["heading"] % {"number": 2})
    comment = entries(po.export("de"))[f"{question.uuid}:heading-2"].comment
    assert comment.splitlines()[0].startswith(f"{label}: ")


def test_answers_are_numbered_in_order_not_by_their_database_id(question):
    Answer.objects.filter(pk=answer(question, 1).pk).update(position=9)  # now the second
    moved = Answer.objects.get(position=9, question=question)
    assert entries(po.export("de"))[f"{question.uuid}:heading-2"].msgid == moved.heading_en


def test_a_question_is_never_exported_into_its_source_language(question):
    dutch = make_question("Tempo", codes=("nl",))
    edit(dutch, source_language="nl")
    assert {entry.msgctxt.partition(":")[0] for entry in po.export("en")} == {str(dutch.uuid)}
    assert {entry.msgctxt.partition(":")[0] for entry in po.export("nl")} == {str(question.uuid)}


def test_units_without_source_text_are_left_out(question):
    edit(question, summary_en="")
    assert f"{question.uuid}:summary" not in entries(po.export("de"))


def test_an_outdated_translation_is_fuzzy_with_its_text(question):
    edit(answer(question, 1), body_en="Start slower than you think.")
    found = entries(po.export("nl"))
    body = found[f"{question.uuid}:body-1"]
    assert body.fuzzy and body.msgstr == answer(question, 1).body_nl and body.msgid == "Start slower than you think."
    assert [e.msgctxt for e in found.values() if e.fuzzy] == [f"{question.uuid}:body-1"]


def test_the_status_filter_takes_the_stored_status_of_the_language():
    outdated = make_question("Outdated", codes=("en", "de"))
    edit(outdated, title_en="Outdated now")
    missing = make_question("Missing", codes=("en",))
    make_question("Up to date", codes=("en", "de"))

    def exported(*statuses):
        return {entry.msgctxt.partition(":")[0] for entry in po.export("de", statuses)}

    assert exported("outdated") == {str(outdated.uuid)}
    assert exported("outdated", "missing") == {str(outdated.uuid), str(missing.uuid)}
    assert len({entry.msgctxt.partition(":")[0] for entry in po.export("de")}) == 3
    with pytest.raises(ValueError, match="outdated, missing, incomplete, up_to_date"):
        po.export("de", ["source"])
    with pytest.raises(ValueError, match="nl, en, de, tr"):
        po.export("fr")


def test_the_file_is_the_same_for_the_same_content_but_for_its_date(question):
    newest = make_question("Newest", codes=("en",), published_at=question.published_at + timedelta(days=1))

    def text():
        pofile = po.export("de")
        pofile.metadata["POT-Creation-Date"] = ""
        return str(pofile)

    first = text()
    assert text() == first
    assert first.index(str(newest.uuid)) < first.index(str(question.uuid))  # newest first, as the site lists


def export_queries(n):
    for i in range(n):
        make_question(f"Scale {n} {i}", codes=("en", "nl"), answers=3)
    with CaptureQueriesContext(connection) as captured:
        assert len(po.export("de")) > 0
    return len([q for q in captured.captured_queries if not q["sql"].startswith(CONTROL)])


def test_the_exports_queries_do_not_grow_with_the_number_of_questions():
    small = export_queries(3)
    assert export_queries(6) == small  # 9 questions now, three times as many
    assert small == 4  # the questions, then their text: three queries per batch


def test_a_bigger_export_reads_batch_by_batch(monkeypatch):
    monkeypatch.setattr(po, "BATCH_SIZE", 2)
    assert export_queries(5) == 1 + 3 * 3


# Import.


def test_a_filled_in_file_comes_back_written_rendered_and_up_to_date(client, question):
    assert statuses(question) == Status.MISSING
    german = slug_path("de", "qa:question", "das-tempo")
    assert client.get(german).status_code == 404
    text = fill(po.export("de"), {"title": "Das Tempo", "body-1": "Langsam **anfangen**."})
    report = po.import_file(text)
    assert (report.questions, report.written, report.confirmed, report.unchanged) == (1, 6, 6, 0)
    question = reread(question)
    assert question.title_de == "Das Tempo" and question.slug_de == "das-tempo"
    assert question.summary_de == f"{question.summary_en} [de]"
    first = answer(question, 1)
    assert first.heading_de == f"{first.heading_en} [de]"
    assert first.body_html_de == "<p>Langsam <strong>anfangen</strong>.</p>"
    assert statuses(question) == Status.UP_TO_DATE
    assert question.is_available_de and question.read_time_de
    assert url(question, "de") == german
    page = client.get(german)  # what readers see follows: the page, the search index
    assert page.status_code == 200 and "Das Tempo" in page.content.decode()
    assert [hit.question.pk for hit in search.search("de", "Tempo").hits] == [question.pk]
    again = po.export("de")
    assert entries(again)[f"{question.uuid}:title"].msgstr == "Das Tempo"
    assert not [entry for entry in again if entry.fuzzy]
    assert len(again.untranslated_entries()) == 0


def test_a_source_edited_while_the_file_is_imported_leaves_that_translation_outdated(question, monkeypatch):
    """The units are confirmed against the source text the file was exported with, not
    whatever another save committed between the checks and the write."""
    text = fill(po.export("de"))
    write = po.Plan.write

    def edited_meanwhile(plan, *args, **kwargs):
        Answer.objects.filter(pk=answer(question, 1).pk).update(body_en="The source, edited meanwhile.")
        return write(plan, *args, **kwargs)

    monkeypatch.setattr(po.Plan, "write", edited_meanwhile)
    po.import_file(text)
    assert statuses(question) == Status.OUTDATED
    assert [entry.msgctxt for entry in po.export("de") if entry.fuzzy] == [f"{question.uuid}:body-1"]


def test_an_import_derives_each_question_once_whatever_the_number_of_its_answers():
    """Inside one qa.signals.one_change(): the answers' saves do not each re-save their question."""
    question = make_question("Many answers", codes=("en",), answers=6)
    saves = []

    def count(sender, instance, **kwargs):
        saves.append(instance.pk)

    post_save.connect(count, sender=Question, dispatch_uid="count_question_saves")
    try:
        po.import_file(fill(po.export("de")))
    finally:
        post_save.disconnect(dispatch_uid="count_question_saves", sender=Question)
    assert saves == [question.pk, question.pk]  # the title and summary, then the derived data
    assert reread(question).is_complete_de


def test_an_import_is_one_revision_with_its_comment(question, admin_user):
    po.import_file(fill(po.export("de")), user=admin_user)
    revision = Version.objects.get_for_object(question).first().revision
    assert revision.comment == "Translations imported from a PO file" and revision.user == admin_user


def test_an_empty_translation_leaves_the_unit_as_it_is(question):
    pofile = po.export("nl")
    pofile.find(f"{question.uuid}:title", by="msgctxt").msgstr = ""
    title_nl = question.title_nl
    report = po.import_file(fill(pofile, {"title": ""}))
    assert reread(question).title_nl == title_nl
    assert report.unchanged == 1 and report.written == 5


def test_a_fuzzy_entry_is_written_but_not_confirmed_and_unmarking_it_confirms_it(question):
    edit(answer(question, 1), body_en="Start slower than you think.")
    assert statuses(question, "nl") == Status.OUTDATED
    pofile = po.export("nl")
    entry = entries(pofile)[f"{question.uuid}:body-1"]
    entry.msgstr = "Begin langzamer dan je denkt."
    report = po.import_file(str(pofile))  # still fuzzy: the translator has not finished
    assert answer(question, 1).body_nl == "Begin langzamer dan je denkt."
    assert statuses(question, "nl") == Status.OUTDATED
    assert (report.written, report.fuzzy, report.confirmed) == (1, 1, 5)
    pofile = po.export("nl")
    entry = entries(pofile)[f"{question.uuid}:body-1"]
    assert entry.fuzzy and entry.msgstr == "Begin langzamer dan je denkt."
    entry.flags.remove("fuzzy")  # checked, no change of text
    report = po.import_file(str(pofile))
    assert (report.written, report.unchanged, report.fuzzy) == (0, 6, 0)
    assert statuses(question, "nl") == Status.UP_TO_DATE


def refused(text):
    with pytest.raises(po.Refused) as caught:
        po.import_file(text)
    return caught.value.problems


def number_of(pofile, part):
    return [entry.msgctxt.partition(":")[2] for entry in pofile].index(part) + 1


def test_a_source_changed_after_the_export_refuses_the_file_and_names_the_entry(question):
    pofile = po.export("de")
    text = fill(pofile)
    edit(answer(question, 1), body_en="Start slower than you think.")
    source = pofile.find(f"{question.uuid}:body-1", by="msgctxt").msgid
    assert refused(text) == [
        f"entry {number_of(pofile, 'body-1')} ({question.uuid}:body-1, “{source[:39]}…”): "
        "the source text has changed since this file was exported; export again"
    ]
    assert reread(question).title_de is None  # nothing was written, not even the good entries
    assert statuses(question) == Status.MISSING


def test_a_whitespace_only_change_of_the_source_refuses_nothing(question):
    text = fill(po.export("de"))
    edit(question, title_en=f"  {question.title_en}\n")
    po.import_file(text)
    assert statuses(reread(question)) == Status.UP_TO_DATE


def test_every_bad_entry_is_named_and_nothing_is_written(question):
    pofile = po.export("de")
    fill(pofile)
    entries(pofile)[f"{question.uuid}:summary"].msgctxt = f"{uuid.uuid4()}:summary"
    entries(pofile)[f"{question.uuid}:heading-2"].msgctxt = f"{question.uuid}:heading-7"
    entries(pofile)[f"{question.uuid}:body-2"].msgid = "Edited in the tool."
    entries(pofile)[f"{question.uuid}:body-1"].msgctxt = "no context"
    entries(pofile)[f"{question.uuid}:title"].comment = "Question"
    problems = refused(str(pofile))
    assert [problem.partition(" (")[0] for problem in problems] == [f"entry {n}" for n in (1, 2, 4, 5, 6)]
    assert "no “#. source-fingerprint:” comment" in problems[0]
    assert "no question has this identifier" in problems[1]
    assert "msgctxt names no part of a question" in problems[2]
    assert "heading-7" in problems[3] and "no such part" in problems[3]
    assert "msgid is not the source text that was exported" in problems[4]
    assert reread(question).title_de is None


def test_an_entry_in_the_file_twice_is_refused(question):
    pofile = po.export("de")
    fill(pofile)
    pofile.append(
        polib.POEntry(msgctxt=pofile[0].msgctxt, msgid=pofile[0].msgid, msgstr="x", comment=pofile[0].comment)
    )
    assert refused(str(pofile)) == [
        f"entry 7 ({question.uuid}:title, “{question.title_en}”): it is in the file twice (also entry 1)"
    ]


@pytest.mark.parametrize(
    ("language", "message"),
    [
        (None, "The file has no Language header"),
        ("fr", "The file's language “fr” is not one of the site's languages (nl, en, de, tr)."),
    ],
)
def test_the_language_header_must_name_a_language_of_the_site(question, language, message):
    pofile = po.export("de")
    fill(pofile)
    if language:
        pofile.metadata["Language"] = language
    else:
        del pofile.metadata["Language"]
    assert refused(str(pofile))[0].startswith(message)
    assert reread(question).title_de is None


def test_a_language_header_with_a_territory_is_its_language(question):
    pofile = po.export("de")
    fill(pofile)
    pofile.metadata["Language"] = "de_DE"
    po.import_file(str(pofile))
    assert reread(question).title_de == f"{question.title_en} [de]"


def test_the_source_language_of_a_question_is_never_imported_as_a_translation(question):
    pofile = po.export("de")
    fill(pofile)
    pofile.metadata["Language"] = "en"
    problems = refused(str(pofile))
    assert len(problems) == 6 and all("this question is written in English" in p for p in problems)
    assert reread(question).title_en == question.title_en


def test_not_a_po_file_is_refused():
    assert refused(b"\xff\xfe not utf-8") == ["The file is not UTF-8 text: save it as UTF-8 and upload it again."]
    assert refused('msgid "a"\nmsgstr "b"\nnonsense\n') == [
        "This is not a PO file that can be read: Syntax error in po file (line 3)"
    ]


def test_a_text_is_never_read_as_the_name_of_a_file(tmp_path, question):
    """polib opens a str that names a file: an upload of a server path must not."""
    path = tmp_path / "de.po"
    path.write_text(fill(po.export("de")), encoding="utf-8")
    assert refused(str(path))[0].startswith("This is not a PO file that can be read")
    assert reread(question).title_de is None
    assert po.import_file(path).written == 6  # a Path is a file


# polib's parser, linear: the same entries and errors as polib's own.

EVERY_KIND_OF_LINE = "\n".join(
    [
        "# The header, as the tools write it.",
        "#",
        "# Its third line.",
        'msgid ""',
        'msgstr ""',
        '"Project-Id-Version: Project Sports content\\n"',
        '"Language: de\\n"',
        '"X-Long: one\\n"',
        '"  and its second line\\n"',
        "",
        "# A translator's comment",
        "#  indented",
        "#. extracted 1",
        "#, fuzzy, python-format",
        "#. extracted after the flags",
        "#: file.py:3 other.py",
        '#| msgctxt "old"',
        '#| msgid "old "',
        '#| "id"',
        'msgctxt "context "',
        '"continued"',
        'msgid ""',
        '"first "',
        '"second"',
        'msgstr ""',
        *[f'"line {n} of a long msgstr, with \\"quotes\\" and \\\\ and\\n"' for n in range(300)],
        "",
        "#.",
        'msgid "one"',
        'msgid_plural "many"',
        'msgstr[0] "ein"',
        '"s"',
        'msgstr[1] "viele"',
        '" mehr"',
        "",
        '#~ msgid "gone"',
        '#~ msgstr "weg"',
        "# a comment at the end belongs to no entry",
    ]
)


def test_the_parser_reads_every_kind_of_line_as_polib_does():
    ours, polibs = po.LinearParser(EVERY_KIND_OF_LINE).parse(), polib.pofile(EVERY_KIND_OF_LINE)
    assert [vars(entry) for entry in ours] == [vars(entry) for entry in polibs]
    assert [vars(entry) for entry in ours.obsolete_entries()] == [vars(entry) for entry in polibs.obsolete_entries()]
    assert (ours.header, ours.metadata, ours.wrapwidth, str(ours)) == (
        polibs.header,
        polibs.metadata,
        polibs.wrapwidth,
        str(polibs),
    )
    first = ours[0]
    assert (first.msgctxt, first.msgid, first.previous_msgid) == ("context continued", "first second", "old id")
    assert first.msgstr.count("\n") == 300 and first.comment == "extracted 1\nextracted after the flags"
    assert ours[1].msgstr_plural == {0: "eins", 1: "viele mehr"}
    assert ours.header == "The header, as the tools write it.\n\nIts third line."


@pytest.mark.parametrize(
    "text",
    [
        'msgid "a"\nmsgstr "b"\nnonsense\n',
        'msgid "a"b"\nmsgstr ""\n',
        'msgid "a"\n"b"c"\nmsgstr ""\n',
        'msgstr "b"\n',
        '#| x\nmsgid "a"\nmsgstr ""\n',
    ],
)
def test_the_parser_refuses_what_polib_refuses_with_its_message(text):
    with pytest.raises(OSError) as polibs:
        polib.pofile(text)
    with pytest.raises(OSError) as ours:
        po.LinearParser(text).parse()
    assert str(ours.value) == str(polibs.value)


# What the site takes: the size, the characters, the language.


def test_a_file_larger_than_the_limit_is_refused_before_it_is_read(settings, monkeypatch, tmp_path, question):
    text = fill(po.export("de"))
    settings.UPLOAD_MAX_BYTES = len(text.encode()) - 1
    monkeypatch.setattr(po.LinearParser, "parse", lambda parser: pytest.fail("the file was parsed"))
    message = f"The file is {filesizeformat(len(text.encode()))}; at most {filesizeformat(settings.UPLOAD_MAX_BYTES)}"
    for source in (text, text.encode()):
        assert refused(source)[0].startswith(message)
    path = tmp_path / "de.po"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command("import_translations", str(path), language="de")
    assert reread(question).title_de is None


def test_a_file_at_the_limit_is_taken(settings, question):
    text = fill(po.export("de"))
    settings.UPLOAD_MAX_BYTES = len(text.encode())
    assert po.import_file(text).written == 6


def test_a_translation_with_a_nul_character_is_refused_named_by_its_entry(question):
    pofile = po.export("de")
    text = fill(pofile, {"body-1": "Lang\x00sam.", "title": "Das\x00Tempo"})
    expected = [
        f"entry 1 ({question.uuid}:title, “{question.title_en}”): its msgstr has a NUL character (U+0000) at "
        "character 4, which the database cannot store: remove it",
        f"entry 4 ({question.uuid}:body-1, “{entries(pofile)[f'{question.uuid}:body-1'].msgid[:39]}…”): its msgstr "
        "has a NUL character (U+0000) at character 5, which the database cannot store: remove it",
    ]
    assert refused(text) == expected
    with pytest.raises(po.Refused) as dry_run:
        po.import_file(text, dry_run=True)
    assert dry_run.value.problems == expected  # what a real run refuses, no less
    assert reread(question).title_de is None


def test_the_import_command_refuses_a_nul_character_in_a_dry_run_as_in_a_real_one(tmp_path, question):
    path = tmp_path / "de.po"
    path.write_text(fill(po.export("de"), {"summary": "Zu\x00sammenfassung"}), encoding="utf-8")
    messages = []
    for dry_run in (True, False):
        with pytest.raises(CommandError) as caught:
            call_command("import_translations", str(path), language="de", dry_run=dry_run)
        messages.append(str(caught.value))
    assert messages[0] == messages[1]
    assert messages[0].splitlines()[1:] == [
        f"entry 2 ({question.uuid}:summary, “{question.summary_en}”): its msgstr has a NUL character (U+0000) at "
        "character 3, which the database cannot store: remove it"
    ]
    assert reread(question).summary_de is None


def relabelled(code, header):
    """The file of language code, filled in, with another Language header."""
    pofile = po.export(code)
    fill(pofile)
    pofile.metadata["Language"] = header
    return str(pofile)


def test_a_file_whose_language_header_is_not_the_chosen_language_is_refused(question):
    dutch = question.title_nl
    for text, chosen in ((fill(po.export("nl")), "de"), (relabelled("nl", "de"), "nl")):
        problems = [problem for dry_run in (True, False) for problem in refused_as(text, chosen, dry_run)]
        found = "Nederlands (nl)" if chosen == "de" else "Deutsch (de)"
        other = "Deutsch (de)" if chosen == "de" else "Nederlands (nl)"
        assert problems == 2 * [
            f"The file's Language header says {found}, but {other} was chosen: nothing was imported. "
            f"Upload the file of {other.partition(' (')[0]}, or choose the language of the file."
        ]
    assert (reread(question).title_nl, reread(question).title_de) == (dutch, None)
    assert po.import_file(relabelled("de", "de_DE"), language="de").written == 6  # a territory is its language


def refused_as(text, language, dry_run=False):
    with pytest.raises(po.Refused) as caught:
        po.import_file(text, language=language, dry_run=dry_run)
    return caught.value.problems


def test_the_import_command_needs_the_language_and_compares_it(tmp_path, question):
    path = tmp_path / "nl.po"
    path.write_text(fill(po.export("nl")), encoding="utf-8")
    with pytest.raises(CommandError, match="--language"):
        call_command("import_translations", str(path))
    with pytest.raises(CommandError, match="invalid choice"):
        call_command("import_translations", str(path), "--language=fr")
    with pytest.raises(CommandError, match="says Nederlands \\(nl\\), but Deutsch \\(de\\) was chosen"):
        call_command("import_translations", str(path), language="de", dry_run=True)
    assert reread(question).title_de is None


@pytest.mark.parametrize(
    ("texts", "part", "message"),
    [
        ({"title": "T" * 201}, "title", "at most 200 characters"),
        ({"heading-2": "H" * 201}, "heading-2", "at most 200 characters"),
        ({"body-1": "x" * 200_001}, "body-1", "characters long"),
    ],
    ids=["title", "heading", "body"],
)
def test_what_is_written_keeps_the_models_rules(question, texts, part, message):
    pofile = po.export("de")
    text = fill(pofile, texts)
    problems = refused(text)
    assert len(problems) == 1 and f"{question.uuid}:{part}" in problems[0] and message in problems[0]
    assert reread(question).title_de is None


def test_a_sub_question_needs_its_answer_in_the_language(question):
    pofile = po.export("de")
    text = fill(pofile, {"body-2": ""})
    assert refused(text) == [
        f"entry 5 ({question.uuid}:heading-2, “Sub-question 2 of Pacing? (en)”): "
        "Deutsch: fill in both the sub-question and its answer, or neither."
    ]


def test_a_published_languages_title_must_give_an_address(question):
    text = fill(po.export("de"), {"title": "⚽⚽"})
    problems = refused(text)
    assert len(problems) == 1 and f"{question.uuid}:title" in problems[0] and "slug" in problems[0]


def test_answers_reordered_after_the_export_refuse_the_file_an_answer_added_at_the_end_does_not(question):
    text = fill(po.export("de"))
    first, second = answer(question, 1), answer(question, 2)
    edit(first, position=2)
    edit(second, position=1)
    problems = refused(text)
    assert len(problems) == 4 and all("the source text has changed" in problem for problem in problems)
    edit(first, position=1)
    edit(second, position=2)
    Answer.objects.create(question=question, position=3, heading_en="How long?", body_en="500 km.")
    report = po.import_file(text)
    assert report.written == 6 and statuses(question) == Status.INCOMPLETE  # answer 3 is still to translate


def test_without_confirming_the_texts_are_written_and_nothing_is_marked_checked(question):
    edit(question, title_en="Pacing yourself")
    pofile = po.export("nl")
    fill(pofile, {"title": "Je eigen tempo"})
    report = po.import_file(str(pofile), confirm=False)
    assert reread(question).title_nl == "Je eigen tempo" and report.confirmed == 0
    assert statuses(question, "nl") == Status.OUTDATED


def test_a_dry_run_checks_everything_and_writes_nothing(question):
    report = po.import_file(fill(po.export("de")), dry_run=True)
    assert report.written == 6 and report.dry_run
    assert reread(question).title_de is None and statuses(question) == Status.MISSING


# The commands.


def test_the_commands_export_and_import(tmp_path, question):
    out = io.StringIO()
    call_command("export_translations", language="de", stdout=out)
    pofile = polib.pofile(out.getvalue())
    assert len(pofile) == 6
    path = tmp_path / "de.po"
    path.write_text(fill(pofile), encoding="utf-8")
    out = io.StringIO()
    call_command("import_translations", str(path), language="de", dry_run=True, stdout=out)
    assert out.getvalue().startswith("Dry run, nothing was changed. Deutsch: 6 part(s) of 1 question(s) written")
    assert reread(question).title_de is None
    out = io.StringIO()
    call_command("import_translations", str(path), language="de", stdout=out)
    assert "Deutsch: 6 part(s) of 1 question(s) written, 6 confirmed" in out.getvalue()
    assert reread(question).title_de == f"{question.title_en} [de]"


def test_the_export_command_writes_a_utf8_file_with_a_status_filter(tmp_path, question):
    make_question("Elsewhere", codes=("en", "de"))
    edit(question, title_en="Pacing — überall")
    path = tmp_path / "out.po"
    out = io.StringIO()
    call_command("export_translations", "--language=de", "--status=missing,incomplete", f"--output={path}", stdout=out)
    assert "6 entries for Deutsch written to" in out.getvalue()
    pofile = polib.pofile(path.read_bytes().decode("utf-8"))
    assert {entry.msgctxt.partition(":")[0] for entry in pofile} == {str(question.uuid)}
    assert "Pacing — überall" in path.read_text(encoding="utf-8")


def test_the_export_command_names_the_statuses_it_takes():
    with pytest.raises(
        CommandError, match="Unknown status “late”: choose from outdated, missing, incomplete, up_to_date"
    ):
        call_command("export_translations", "--language=de", "--status=outdated,late")
    with pytest.raises(CommandError, match="invalid choice"):
        call_command("export_translations", "--language=fr")


def test_the_import_command_lists_every_refused_entry(tmp_path, question):
    pofile = po.export("de")
    path = tmp_path / "de.po"
    path.write_text(fill(pofile), encoding="utf-8")
    edit(question, title_en="Pacing yourself", summary_en="Another summary.")
    with pytest.raises(CommandError) as caught:
        call_command("import_translations", str(path), language="de")
    lines = str(caught.value).splitlines()
    assert lines[0] == "The file was not imported; nothing was changed."
    assert [line.partition(" (")[0] for line in lines[1:]] == ["entry 1", "entry 2"]
    assert reread(question).title_de is None
    with pytest.raises(CommandError, match="There is no file"):
        call_command("import_translations", str(tmp_path / "missing.po"), language="de")


# The admin.


@pytest.fixture
def translator(django_user_model):
    user = django_user_model.objects.create_user("translator", is_staff=True)
    user.groups.add(Group.objects.get(name="Translator"))
    return user


def staff_with(django_user_model, *codenames):
    user = django_user_model.objects.create_user("-".join(codenames) or "staff", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


def test_the_dashboard_links_to_the_files_of_the_language_it_shows(client, translator, question):
    client.force_login(translator)
    page = parse(client.get(DASHBOARD, {"language": "de", "status": "missing"}).content)
    links = {a.text: a["href"] for a in page.find("div", class_="module translation-files").find_all("a")}
    assert links == {
        "Download translation file (PO): Deutsch, missing": f"{FILE}?language=de&status=missing",
        "Download translation file (PO): Deutsch, every question": f"{FILE}?language=de",
        "Upload a translation file (PO)": UPLOAD,
    }


def test_the_download_is_a_po_file_attachment(client, translator, question):
    client.force_login(translator)
    response = client.get(FILE, {"language": "de", "status": "missing"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/x-gettext-translation; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="project-sports-de.po"'
    pofile = polib.pofile(response.content.decode("utf-8"))
    assert pofile.metadata["Language"] == "de" and len(pofile) == 6
    assert f"http://testserver{url(question, 'en')}" in pofile[0].comment  # a link translators can follow
    assert len(polib.pofile(client.get(FILE, {"language": "de", "status": "outdated"}).content.decode())) == 0


def test_a_download_of_an_unknown_language_or_status_goes_back_to_the_dashboard(client, translator):
    client.force_login(translator)
    response = client.get(FILE, {"language": "de", "status": "late"}, follow=True)
    assert response.redirect_chain[-1][0] == DASHBOARD
    assert "Unknown status “late”" in response.content.decode()
    assert client.get(FILE, {"language": "fr"})["Location"] == DASHBOARD


def upload(client, text, language="de", **extra):
    file = SimpleUploadedFile(f"{language}.po", text if isinstance(text, bytes) else text.encode())
    return client.post(UPLOAD, {"file": file, "language": language}, **extra)


def test_an_upload_imports_the_file_and_says_what_it_did(client, translator, question):
    client.force_login(translator)
    page = parse(client.get(UPLOAD).content)
    assert page.find("input", type="file", name="file")
    assert "Translation status" in page.find("ol", class_="breadcrumbs").text
    response = upload(client, fill(po.export("de")), follow=True)
    assert response.redirect_chain[-1][0] == f"{DASHBOARD}?language=de"
    assert "Deutsch: 6 part(s) of 1 question(s) written, 6 confirmed" in response.content.decode()
    assert statuses(question) == Status.UP_TO_DATE
    assert Version.objects.get_for_object(question).first().revision.user == translator


def test_a_refused_upload_lists_the_entries_and_changes_nothing(client, translator, question):
    client.force_login(translator)
    text = fill(po.export("de"))
    edit(question, title_en="Pacing yourself")
    response = upload(client, text)
    assert response.status_code == 200
    page = parse(response.content)
    assert "nothing was changed" in page.find("p", class_="errornote").text
    errors = [li.text for li in page.find("ul", class_="errorlist").find_all("li")]
    assert errors == [
        f"entry 1 ({question.uuid}:title, “Pacing (en)”): the source text has changed since this file was exported; "
        "export again"
    ]
    assert reread(question).title_de is None


def upload_errors(response):
    """{field: [its errors]} of the upload form's rows marked as having errors."""
    errors = {}
    for row in parse(response.content).find_all("div"):
        classes = row.attrs.get("class", "").split()
        if "form-row" in classes and "errors" in classes:
            field = next(name.removeprefix("field-") for name in classes if name.startswith("field-"))
            errors[field] = [li.text for li in row.find("ul", class_="errorlist").find_all("li")]
    return errors


def test_the_upload_form_asks_for_the_language_chosen_by_no_one_and_says_the_size_limit(
    client, translator, settings, question
):
    settings.UPLOAD_MAX_BYTES = 2 * 1024 * 1024
    client.force_login(translator)
    page = parse(client.get(UPLOAD).content)
    options = page.find("select", name="language").find_all("option")
    assert [(option["value"], option.text) for option in options] == [
        ("", "---------"),
        ("nl", "Nederlands"),
        ("en", "English"),
        ("de", "Deutsch"),
        ("tr", "Türkçe"),
    ]
    assert [option["value"] for option in options if "selected" in option.attrs] == [""]
    assert page.find(id="id_file_helptext").text.endswith("not marked checked. At most 2.0 MB.")
    response = client.post(UPLOAD, {"file": SimpleUploadedFile("de.po", fill(po.export("de")).encode())})
    assert upload_errors(response) == {"language": ["This field is required."]}
    assert reread(question).title_de is None


def shown_size(size):
    """filesizeformat, as the page's text reads it (its no-break space a space)."""
    return filesizeformat(size).replace("\xa0", " ")


def test_a_larger_upload_is_refused_by_its_size_before_it_is_read(client, translator, settings, monkeypatch, question):
    text = fill(po.export("de")).encode()
    settings.UPLOAD_MAX_BYTES = len(text) - 1
    monkeypatch.setattr(po, "parse", lambda source: pytest.fail("the file was parsed"))
    client.force_login(translator)
    response = upload(client, text)
    assert upload_errors(response) == {
        "file": [
            f"The file is {shown_size(len(text))}; at most {shown_size(len(text) - 1)} are taken. "
            "Export fewer questions at a time (by status)."
        ]
    }
    assert reread(question).title_de is None


def test_an_upload_for_another_language_than_its_header_is_refused_naming_both(client, translator, question):
    client.force_login(translator)
    response = upload(client, relabelled("nl", "de"), language="nl")
    assert upload_errors(response) == {
        "file": [
            "The file's Language header says Deutsch (de), but Nederlands (nl) was chosen: nothing was imported. "
            "Upload the file of Nederlands, or choose the language of the file."
        ]
    }
    assert reread(question).title_nl == question.title_nl


def test_an_upload_with_a_nul_character_is_refused_naming_its_entry(client, translator, question):
    client.force_login(translator)
    response = upload(client, fill(po.export("de"), {"heading-2": "Wie\x00?"}))
    assert response.status_code == 200
    assert upload_errors(response) == {
        "file": [
            f"entry 5 ({question.uuid}:heading-2, “Sub-question 2 of Pacing? (en)”): its msgstr has a NUL character "
            "(U+0000) at character 4, which the database cannot store: remove it"
        ]
    }
    assert reread(question).title_de is None


def test_an_upload_without_the_permission_to_check_writes_and_confirms_nothing(client, django_user_model, question):
    client.force_login(staff_with(django_user_model, "view_question", "change_question", "change_answer"))
    edit(question, title_en="Pacing yourself")
    pofile = po.export("nl")
    response = upload(client, fill(pofile, {"title": "Je eigen tempo"}), language="nl", follow=True)
    assert "none was confirmed" in response.content.decode()
    assert reread(question).title_nl == "Je eigen tempo" and statuses(question, "nl") == Status.OUTDATED


def test_the_pages_are_named_routes_of_the_question_admin():
    assert reverse("admin:qa_question_translation_file") == FILE
    assert reverse("admin:qa_question_translation_upload") == UPLOAD


def test_the_files_need_a_login(client):
    for path in (f"{FILE}?language=de", UPLOAD):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_the_download_needs_view_permission_and_the_upload_change_permission(client, django_user_model, question):
    client.force_login(staff_with(django_user_model))
    assert client.get(FILE, {"language": "de"}).status_code == 403
    client.force_login(staff_with(django_user_model, "view_question"))
    assert client.get(FILE, {"language": "de"}).status_code == 200
    assert client.get(UPLOAD).status_code == 403
    assert upload(client, fill(po.export("de"))).status_code == 403
    client.force_login(staff_with(django_user_model, "view_question", "change_question"))  # not the answers
    assert upload(client, fill(po.export("de"))).status_code == 403
    assert reread(question).title_de is None
    page = parse(client.get(DASHBOARD, {"language": "de"}).content)
    assert UPLOAD not in [a["href"] for a in page.find("div", class_="module translation-files").find_all("a")]
