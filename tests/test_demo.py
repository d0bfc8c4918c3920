"""The demo loader: real content, loaded once, all or nothing."""

import shutil

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from qa import demo
from qa.models import Answer, Asker, Category, Question, Tag

pytestmark = pytest.mark.django_db


def counts():
    return [m.objects.count() for m in (Question, Answer, Category, Tag, Asker)]


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
    assert f"{path.name}: answer 2" in str(error.value)
