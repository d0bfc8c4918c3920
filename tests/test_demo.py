"""The demo loader: real content, loaded once, all or nothing; every bad record is named
with its file and field, and a record is found again by its key however it is renamed."""

import shutil
import uuid
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from qa import demo, markdown
from qa.models import Answer, Asker, Category, Question, Tag
from tests.factories import url

pytestmark = pytest.mark.django_db


def counts():
    return [m.objects.count() for m in (Question, Answer, Category, Tag, Asker)]


def snapshot():
    """What a refused load must leave as it was: the row counts and a few values."""
    return {
        "counts": counts(),
        "questions": list(
            Question.objects.order_by("pk").values_list("pk", "uuid", "title_en", "slug_en", "updated_at")
        ),
        "answers": list(Answer.objects.order_by("pk").values_list("pk", "heading_de")),
        "categories": list(Category.objects.order_by("pk").values_list("pk", "uuid", "name_en", "position")),
        "askers": list(Asker.objects.order_by("pk").values_list("pk", "uuid", "name", "slug")),
    }


@pytest.fixture
def files(tmp_path):
    """A copy of the demo files, to break or change."""
    shutil.copytree(demo.DEMO_DIR, tmp_path / "demo", ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return tmp_path / "demo"


@pytest.fixture
def loaded(db):
    """A database with the demo content in it; its snapshot()."""
    call_command("load_demo", stdout=StringIO())
    return snapshot()


def load(files):
    """What load_demo says when it loads files."""
    out = StringIO()
    call_command("load_demo", "--directory", str(files), stdout=out)
    return out.getvalue()


def refused(files):
    """The message of load_demo refusing files: every problem, one a line."""
    with pytest.raises(CommandError) as error:
        load(files)
    return str(error.value)


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def set_value(path, name, value, occurrence=1):
    """Give the occurrence-th line `name = ...` of a file another value (TOML text)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    found = [number for number, line in enumerate(lines) if line.startswith(f"{name} = ")]
    lines[found[occurrence - 1]] = f"{name} = {value}\n"
    path.write_text("".join(lines), encoding="utf-8")


def question_file(files, name):
    return files / "questions" / f"{name}.toml"


def test_demo_content_meets_the_brief():
    content = demo.read()
    questions = content["questions"]
    assert len(questions) >= 13
    assert len({q["category"] for q in questions}) >= 4
    assert all(len(q["answers"]) >= 5 for q in questions)
    full = [q for q in questions if set(q["title"]) == {"nl", "en", "de", "tr"}]
    assert len(full) >= 12
    assert [sorted(q["title"]) for q in questions if q not in full] == [["de", "en", "nl"]]
    assert any(len(q["answers"]) >= 6 for q in questions)  # one page shows a table of contents


def test_loading_twice_changes_nothing(capsys):
    call_command("load_demo")
    first = counts()
    stamps = list(Question.objects.order_by("pk").values_list("updated_at", flat=True))
    assert first[0] >= 13
    capsys.readouterr()
    call_command("load_demo")
    assert counts() == first
    assert list(Question.objects.order_by("pk").values_list("updated_at", flat=True)) == stamps
    assert "nothing changed" in capsys.readouterr().out


def test_loaded_questions_are_visible_in_their_languages():
    call_command("load_demo")
    total = Question.objects.count()
    assert Question.objects.visible("en").count() == total
    assert Question.objects.visible("tr").count() == total - 1
    for question in Question.objects.all():
        assert all(getattr(question, f"read_time_{code}") for code in question.available_languages())


def test_every_object_gets_the_uuid_of_its_key_and_slugs_from_the_model(loaded):
    question = Question.objects.get(uuid=demo.stable_id("question", "offside-rule"))
    assert question.title_en == "How does the offside rule work in football?"
    assert question.slug_en == "how-does-the-offside-rule-work-in-football"
    assert Category.objects.get(uuid=demo.stable_id("category", "training")).slug_en == "training-and-health"
    assert Asker.objects.get(uuid=demo.stable_id("asker", "elif-yildiz")).slug == "elif-yildiz"
    assert Tag.objects.filter(uuid=demo.stable_id("tag", "marathon")).exists()
    assert demo.stable_id("question", "offside-rule") == uuid.uuid5(demo.NAMESPACE, "question:offside-rule")


def test_if_empty_leaves_an_existing_database_alone(capsys):
    from tests.factories import make_question

    make_question()
    call_command("load_demo", "--if-empty")
    assert Question.objects.count() == 1


def test_dry_run_writes_nothing():
    call_command("load_demo", "--dry-run")
    assert counts() == [0, 0, 0, 0, 0]


def test_one_bad_record_changes_nothing_and_is_named(tmp_path, monkeypatch):
    shutil.copytree(demo.DEMO_DIR, tmp_path / "demo")
    broken = sorted((tmp_path / "demo" / "questions").glob("*.toml"))[-1]
    broken.write_text(broken.read_text().replace('category = "', 'category = "no-such-', 1))
    monkeypatch.setattr(demo, "DEMO_DIR", tmp_path / "demo")
    monkeypatch.setattr(demo.read, "__defaults__", (tmp_path / "demo",))
    with pytest.raises(CommandError) as error:
        call_command("load_demo")
    assert broken.name in str(error.value) and "unknown category" in str(error.value)
    assert counts() == [0, 0, 0, 0, 0]


def test_an_answer_missing_a_language_of_its_title_is_named(tmp_path):
    shutil.copytree(demo.DEMO_DIR, tmp_path / "demo")
    path = sorted((tmp_path / "demo" / "questions").glob("*.toml"))[0]
    text = path.read_text()
    start = text.index("body.de", text.index("[[answers]]", text.index("[[answers]]") + 1))
    path.write_text(text[:start] + "body.xx" + text[start + len("body.de") :])
    with pytest.raises(demo.DemoContentError) as error:
        demo.read(tmp_path / "demo")
    assert f"{path.name}: answers[2].body.xx: unknown language" in str(error.value)
    assert f"{path.name}: answers[2].body.de: missing" in str(error.value)


def test_a_position_that_is_not_a_number_is_named_and_changes_nothing(files, loaded):
    edit(files / "site.toml", 'key = "football"\nposition = 2', 'key = "football"\nposition = "first"')
    assert 'site.toml: categories[2].position: must be a whole number, not "first"' in refused(files)
    assert snapshot() == loaded


def test_answers_given_as_a_string_are_named_and_change_nothing(files, loaded):
    path = question_file(files, "02-choosing-running-shoes")
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("[[answers]]")] + 'answers = "five of them"\n', encoding="utf-8")
    message = refused(files)
    assert (
        '02-choosing-running-shoes.toml: answers: must be an array of tables ([[answers]] blocks), not "five of them"'
        in message
    )
    assert snapshot() == loaded


def test_a_file_that_is_not_utf8_is_named_with_its_line_and_changes_nothing(files, loaded):
    path = question_file(files, "04-offside-rule")
    text = path.read_text(encoding="utf-8")
    line = text[: text.index("ü")].count("\n") + 1
    path.write_bytes(text.encode().replace("ü".encode(), b"\xfc", 1))  # ü in Latin-1
    assert f"04-offside-rule.toml: line {line}: not UTF-8 (byte 0xfc)" in refused(files)
    assert snapshot() == loaded


def test_a_missing_site_toml_is_named_and_changes_nothing(files, loaded):
    (files / "site.toml").unlink()
    assert f"site.toml: missing (looked for {files / 'site.toml'})" in refused(files)
    assert snapshot() == loaded


def test_missing_directories_are_named(files, tmp_path, loaded):
    shutil.rmtree(files / "questions")
    assert "questions/: no such directory" in refused(files)
    assert f"{tmp_path / 'nowhere'}: no such directory" in refused(tmp_path / "nowhere")
    assert snapshot() == loaded


def test_a_misspelt_field_is_named(files, loaded):
    path = question_file(files, "05-high-pressing")
    edit(path, "title.en =", "titel.en =")
    message = refused(files)
    assert "05-high-pressing.toml: titel: unknown field; the fields here are key, category," in message
    assert "05-high-pressing.toml: title.en: missing (English is required)" in message
    assert snapshot() == loaded


def test_every_problem_of_every_file_is_reported_at_once(files, loaded):
    set_value(files / "site.toml", "name", "7", occurrence=5 + 12 + 3)  # the third asker
    set_value(question_file(files, "01-first-marathon-training"), "tags", '"marathon"')
    set_value(question_file(files, "07-drafting-in-cycling"), "published_at", "2026-02-01T08:00:00")
    set_value(question_file(files, "08-hour-record"), "key", "8")
    set_value(question_file(files, "09-saddle-height"), "asker", '"nobody"')
    edit(question_file(files, "10-front-crawl-breathing"), "heading.nl", "heading.fr")
    set_value(question_file(files, "11-short-course-long-course"), "title.tr", '"⚽"')
    edit(files / "site.toml", 'nl = "Records"', 'nl = "Geschiedenis"')
    message = refused(files)
    for problem in (
        "site.toml: askers[3].name: must be a string, not 7",
        '01-first-marathon-training.toml: tags: must be an array of keys, like ["marathon", "beginners"],'
        ' not "marathon"',
        "07-drafting-in-cycling.toml: published_at: must be a date and time with a zone, like 2026-03-14T09:00:00Z,"
        " not 2026-02-01T08:00:00",
        "08-hour-record.toml: key: must be a string, not 8",
        '09-saddle-height.toml: asker: unknown asker "nobody"; site.toml has sanne-de-vries, elif-yildiz,',
        "10-front-crawl-breathing.toml: answers[1].heading.fr: unknown language; the site's are nl, en, de, tr",
        "10-front-crawl-breathing.toml: answers[1].heading.nl: missing (the title is in nl, en, de, tr,",
        "11-short-course-long-course.toml: title.tr: nothing in it can make the page's address (slug)",
        'site.toml: tags[9].name.nl: "Geschiedenis" is also the name in nl of tags[8] in site.toml',
    ):
        assert problem in message
    assert "(9 problems)" in message
    assert snapshot() == loaded


def test_texts_longer_than_the_admin_allows_are_named(files, loaded):
    title = Question._meta.get_field("title_de").max_length
    heading = Answer._meta.get_field("heading_en").max_length
    name = Category._meta.get_field("name_nl").max_length
    asker = Asker._meta.get_field("name").max_length
    assert (title, heading, name, asker) == (200, 200, 100, 100)
    set_value(question_file(files, "01-first-marathon-training"), "title.de", f'"{"x" * (title + 1)}"')
    set_value(question_file(files, "02-choosing-running-shoes"), "heading.en", f'"{"y" * (heading + 1)}"', 3)
    edit(files / "site.toml", 'nl = "Hardlopen"', f'nl = "{"z" * (name + 1)}"')
    edit(files / "site.toml", 'name = "Elif Yıldız"', f'name = "{"E" * (asker + 1)}"')
    message = refused(files)
    assert "01-first-marathon-training.toml: title.de: 201 characters, more than the 200 allowed" in message
    assert "02-choosing-running-shoes.toml: answers[3].heading.en: 201 characters, more than the 200 allowed" in message
    assert "site.toml: categories[1].name.nl: 101 characters, more than the 100 allowed" in message
    assert "site.toml: askers[2].name: 101 characters, more than the 100 allowed" in message
    assert snapshot() == loaded


def test_a_title_as_long_as_the_admin_allows_loads(files):
    set_value(question_file(files, "01-first-marathon-training"), "title.de", f'"{"x" * 200}"')
    load(files)
    assert Question.objects.get(uuid=demo.stable_id("question", "first-marathon-training")).title_de == "x" * 200


def test_each_body_is_checked_like_the_admin_does(files, loaded):
    too_long = "x" * (markdown.MAX_BODY_LENGTH + 1)
    edit(question_file(files, "02-choosing-running-shoes"), 'body.de = """\n', f'body.de = """\n{too_long}')
    message = refused(files)
    assert "02-choosing-running-shoes.toml: answers[1].body.de: The answer is " in message
    assert f"at most {markdown.MAX_BODY_LENGTH} are allowed." in message
    assert "(1 problem)" in message
    assert snapshot() == loaded


def test_two_files_with_the_same_english_title_are_an_error_naming_both(files, loaded):
    title = "How do I choose running shoes?"
    assert f'title.en = "{title}"' in question_file(files, "02-choosing-running-shoes").read_text(encoding="utf-8")
    set_value(question_file(files, "03-hitting-the-wall"), "title.en", f'"{title}"')
    message = refused(files)
    assert (
        '03-hitting-the-wall.toml: title.en: "How do I choose running shoes?" is also the English title'
        " of 02-choosing-running-shoes.toml" in message
    )
    assert snapshot() == loaded


def test_a_key_used_twice_is_an_error_naming_both_places(files, loaded):
    set_value(question_file(files, "03-hitting-the-wall"), "key", '"choosing-running-shoes"')
    edit(files / "site.toml", 'key = "history"', 'key = "tactics"')
    message = refused(files)
    assert (
        '03-hitting-the-wall.toml: key: "choosing-running-shoes" is also the key of 02-choosing-running-shoes.toml'
        in message
    )
    assert 'site.toml: tags[8].key: "tactics" is also the key of tags[7] in site.toml' in message
    assert snapshot() == loaded


def test_a_renamed_title_or_category_is_an_update_of_the_same_object(files, loaded):
    question = Question.objects.get(uuid=demo.stable_id("question", "offside-rule"))
    category = Category.objects.get(uuid=demo.stable_id("category", "running"))
    set_value(question_file(files, "04-offside-rule"), "title.en", '"What exactly is offside?"')
    edit(files / "site.toml", 'en = "Running"', 'en = "Road and trail running"')
    assert load(files) == "Demo content loaded: 1 categories updated, 1 questions updated.\n"
    assert counts() == loaded["counts"]
    renamed = Question.objects.get(pk=question.pk)
    assert (renamed.title_en, renamed.slug_en) == ("What exactly is offside?", question.slug_en)  # URLs stay
    assert (Category.objects.get(pk=category.pk).name_en, category.slug_en) == ("Road and trail running", "running")
    again = snapshot()
    assert "nothing changed" in load(files)
    assert snapshot() == again


def test_a_database_loaded_before_the_keys_is_matched_by_slug_and_given_the_uuids(loaded):
    for model in (Category, Tag, Asker, Question):
        for pk in model.objects.values_list("pk", flat=True):
            model.objects.filter(pk=pk).update(uuid=uuid.uuid4())  # what migration 0006 gave them
    call_command("load_demo", stdout=StringIO())
    assert counts() == loaded["counts"]
    questions = Question.objects.order_by("pk")
    assert list(questions.values_list("pk", flat=True)) == [row[0] for row in loaded["questions"]]
    assert [q.uuid for q in questions] == [row[1] for row in loaded["questions"]]
    assert "nothing changed" in load(demo.DEMO_DIR)


def test_an_asker_whose_name_makes_no_slug_loads_and_is_linked(files, client):
    edit(files / "site.toml", "[[askers]]", '[[askers]]\nkey = "football-fan"\nname = "⚽"\n\n[[askers]]')
    set_value(question_file(files, "04-offside-rule"), "asker", '"football-fan"')
    load(files)
    asker = Asker.objects.get(uuid=demo.stable_id("asker", "football-fan"))
    assert asker.name == "⚽"
    assert asker.slug, "qa.models.Asker.save() gave the asker no slug"
    question = Question.objects.get(uuid=demo.stable_id("question", "offside-rule"))
    assert client.get(url(question, "en")).status_code == 200
    assert client.get("/sitemap-askers-en.xml").status_code == 200
