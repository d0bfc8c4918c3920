"""import_content refuses what it cannot store with its own error, never a traceback:
text PostgreSQL cannot hold (NUL) or that is no Unicode (a lone surrogate), numbers of
thousands of digits, nesting deeper than Python's parser, dates outside the calendar,
each named by its JSON path with nothing written; and a bounded fuzz of random and
mutated documents that either imports or is refused that way (qa/exchange/content_read.py).
Each test runs on SQLite and, with `make test-services`, on PostgreSQL."""

import io
import json
import re
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from qa.exchange import text as text_import
from tests.factories import make_asker, make_category, make_question, make_tag
from tests.servers import ROOT

LEVELS = ("Nothing imported, nothing changed (", "site.json: cannot be read")
# A problem of the file as a whole: no path to name.
FILE_PROBLEMS = ("not JSON: ", "not UTF-8 ", "must be an object, not ", "arrays or objects nested deeper")
# A JSON path as the messages write it: names (quoted as JSON unless plain) and [indexes].
SEGMENT = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*")(?:\[\d+\])*'
PROBLEM = re.compile(rf"{SEGMENT}(?:\.{SEGMENT})*: \S")
UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def export():
    out = io.StringIO()
    call_command("export_content", stdout=out)
    return out.getvalue()


def small_site():
    """A published question with a tag, a draft made from text whose last sub-question
    has no answer yet, and a retired slug."""
    category = make_category("Rowing")
    question = make_question("Rowing technique", category=category, asker=make_asker(), tags=[make_tag()])
    question.slug_en = "rowing-technique-renamed"
    question.save()
    parsed = text_import.parse("How do I start rowing?\nWhy row?\nIt is fun.\nWhat should I wear?\n", "nl")
    text_import.save(parsed, "nl", category)


def import_bytes(tmp_path, raw):
    """import_content of raw; the CommandError's message, or None when it imported."""
    path = tmp_path / "site.json"
    path.write_bytes(raw)
    try:
        call_command("import_content", str(path), stdout=io.StringIO())
    except CommandError as error:
        return str(error)
    return None


def refused(tmp_path, document_or_text):
    """The problems of a document import_content refuses, each as its line says it, after
    checking that nothing changed."""
    raw = document_or_text if isinstance(document_or_text, str) else json.dumps(document_or_text)
    before = export()
    message = import_bytes(tmp_path, raw.encode("utf-8", "surrogatepass"))
    assert message is not None, "imported"
    assert export() == before
    return [line.removeprefix("  site.json: ") for line in message.split("\n")[1:]]


def assert_own_refusal(message):
    """The command's own error: every problem on its line, each naming its JSON path (or
    the file, for a file that is no document), printable and encodable as UTF-8."""
    assert message.startswith(LEVELS), message
    assert not UNPRINTABLE.search(message), message
    message.encode("utf-8")
    lines = message.split("\n")[1:]
    assert lines, message
    for line in lines:
        assert line.startswith("  site.json: "), line
        rest = line.removeprefix("  site.json: ")
        assert rest.startswith(FILE_PROBLEMS) or PROBLEM.match(rest), line


@pytest.fixture
def document(db):
    small_site()
    return json.loads(export())


def record_of(document, title):
    return next(record for record in document["questions"] if title in record["title"].values())


def test_a_nul_is_refused_by_path_in_titles_bodies_askers_and_tag_names(document, tmp_path):
    question = record_of(document, "Rowing technique (en)")
    n = document["questions"].index(question)
    question["title"]["en"] = "Rowing\u0000technique"
    question["answers"][1]["body"]["de"] = "\u0000"
    document["askers"][0]["name"] = "Zeynep\u0000"
    document["tags"][0]["name"]["tr"] = "Kürek\u0000"
    problems = refused(tmp_path, document)
    assert f"questions[{n}].title.en: contains a NUL character" in problems
    assert f"questions[{n}].answers[1].body.de: contains a NUL character" in problems
    assert "askers[0].name: contains a NUL character" in problems
    assert "tags[0].name.tr: contains a NUL character" in problems


def test_a_lone_surrogate_is_refused_by_path_and_shown_escaped(document, tmp_path):
    question = record_of(document, "Rowing technique (en)")
    n = document["questions"].index(question)
    question["summary"]["nl"] = "half \ud800 a pair"
    question["answers"][0]["heading"]["\udfff"] = "?"
    document["tags"][0]["slug"]["en"] = "\ud83d"
    problems = refused(tmp_path, document)
    assert f"questions[{n}].summary.nl: contains a lone surrogate \\ud800, which is no character" in " ".join(problems)
    assert any(p.startswith(f'questions[{n}].answers[0].heading."\\udfff": must be one of') for p in problems)
    assert any(p.startswith("tags[0].slug.en: contains a lone surrogate \\ud83d") for p in problems)


def test_deep_nesting_is_refused_as_the_file_s_problem(document, tmp_path):
    assert refused(tmp_path, "[" * 100_000) == ["arrays or objects nested deeper than can be read"]
    document["questions"][0]["title"]["en"] = json.loads("[" * 500 + "]" * 500)
    problems = refused(tmp_path, document)
    assert "questions[0].title.en: must be a string, not an array" in problems


def test_numbers_of_thousands_of_digits_are_refused_where_they_stand(document, tmp_path):
    text = json.dumps(document).replace('"version": 1', '"version": ' + "7" * 5000)
    assert "version: this site reads version 1 of the format, not a number of 5000 digits" in refused(tmp_path, text)
    document["categories"][0]["position"] = "POSITION"
    document["questions"][0]["asker"] = "ASKER"
    text = json.dumps(document).replace('"POSITION"', "-" + "9" * 5000).replace('"ASKER"', "1" * 30)
    problems = refused(tmp_path, text)
    assert "categories[0].position: Ensure this value is greater than or equal to 0." in problems
    assert any(p.startswith("questions[0].asker: must be a uuid") and "a number of 30 digits" in p for p in problems)


def test_a_date_that_leaves_the_calendar_in_utc_is_refused(document, tmp_path):
    document["questions"][0]["updated_at"] = "0001-01-01T00:30:00+01:00"
    document["retired_slugs"][0]["retired_at"] = "9999-12-31T23:59:59-02:00"
    problems = refused(tmp_path, document)
    assert any(p.startswith("questions[0].updated_at: ") and "outside the years 1 to 9999" in p for p in problems)
    assert any(p.startswith("retired_slugs[0].retired_at: ") for p in problems)


def test_a_long_or_unprintable_field_name_is_shown_short_and_escaped(document, tmp_path):
    document["questions"][0]["x" * 10_000] = 1
    document["questions"][0]["a\nb\u0000"] = 1
    document["questions"][0]["answers"][0]["body"]["a.b"] = "?"
    document["questions"][0]["answers"][0]["checked"][""] = {}
    problems = refused(tmp_path, document)
    assert f'questions[0]."{"x" * 40}…": unknown field' in " ".join(problems)
    assert any(p.startswith('questions[0]."a\\nb\\u0000": unknown field') for p in problems)
    assert any(p.startswith('questions[0].answers[0].body."a.b": must be one of the site') for p in problems)
    assert any(p.startswith('questions[0].answers[0].checked."": unknown field') for p in problems)


def test_the_command_itself_refuses_without_a_traceback(tmp_path):
    """As an editor runs it: exit status 1, the problem named, no traceback (these are
    refused before the database is asked anything)."""
    for name, raw in (("deep.json", "[" * 100_000), ("version.json", '{"version": ' + "9" * 5000 + "}")):
        (tmp_path / name).write_text(raw)
        result = subprocess.run(
            [sys.executable, "manage.py", "import_content", str(tmp_path / name)],
            cwd=ROOT,
            env={"PATH": "/usr/bin:/bin", "DEBUG": "1", "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert f"{name}: " in result.stderr


# The fuzz: random JSON, and a valid export with a few things broken in it.

RAW = {  # texts json.dumps cannot write, put in place of a marker string afterwards
    "@@digits@@": "7" * 5000,
    "@@negative@@": "-" + "3" * 4400,
    "@@long@@": "1" * 25,
    "@@deep@@": "[" * 100_000 + "]" * 100_000,
    "@@nested@@": '{"a":' * 800 + "0" + "}" * 800,
    "@@nan@@": "NaN",
    "@@infinite@@": "-Infinity",
    "@@float@@": "1e999",
}
odd_strings = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            " ",
            "\u0000",
            "a\u0000b",
            "\ud800",
            "x\udfffy",
            "x" * 100_001,
            "2026-03-14T09:00:00Z",
            "0001-01-01T00:00:00+00:01",
            "2d4dd7de-849d-4bb3-8719-4fed979dac91",
            "published",
            "en",
            "a" * 32,
            "<script>",
            "# x\n" * 3,
            *RAW,
        ]
    ),
)
leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    odd_strings,
)
values = st.recursive(
    leaves,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(odd_strings, children, max_size=4)),
    max_leaves=12,
)


def dumps(value):
    """JSON of value, with the RAW texts in place of their markers (surrogates as escapes)."""
    text = json.dumps(value)
    for marker, raw in RAW.items():
        text = text.replace(json.dumps(marker), raw)
    return text.encode("utf-8")


def paths(value, prefix=()):
    """Every place in value: (path of keys and indexes)."""
    yield prefix
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        yield from paths(item, (*prefix, key))


def at(document, place):
    for key in place:
        document = document[key]
    return document


@st.composite
def mutated(draw, base):
    """The base document with one to three changes: a text rewritten or lengthened
    (mostly still a document that imports, so that the writing is fuzzed too), a value
    copied from another place (clashing slugs, names and uuids), replaced by any
    value, removed, or an unknown field added."""
    document = json.loads(json.dumps(base))
    for _ in range(draw(st.integers(1, 3))):
        places = list(paths(document))[1:]
        place = draw(st.sampled_from(places))
        parent, key, value = at(document, place[:-1]), place[-1], at(document, place)
        action = draw(st.sampled_from(["text", "text", "copy", "replace", "remove", "add"]))
        if action == "text" and isinstance(value, str):
            parent[key] = draw(st.sampled_from(["", value]) | st.just(value[:-1])) + draw(odd_strings)
        elif action == "copy":
            parent[key] = json.loads(json.dumps(at(document, draw(st.sampled_from(places)))))
        elif action == "remove":
            del parent[key]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(odd_strings)] = draw(values)
        else:
            parent[key] = draw(values)
    return dumps(document)


def files(base):
    """Mostly mutations of base; then any JSON, a document of the right fields with
    any values, bytes, and base cut short."""
    text = json.dumps(base)
    return st.one_of(
        mutated(base),
        mutated(base),
        mutated(base),
        mutated(base),
        values.map(dumps),
        st.fixed_dictionaries(dict.fromkeys(base, values)).map(dumps),
        st.binary(max_size=200),
        st.integers(1, len(text) - 1).map(lambda n: text.encode()[:n]),
    )


def test_random_and_broken_documents_import_or_are_refused_by_path(document, tmp_path):
    """Whatever the file, import_content imports it or refuses it with its own error,
    and a refused file changes nothing."""

    @settings(
        max_examples=200,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    )
    @given(raw=files(document))
    def import_or_refuse(raw):
        before = export()
        message = import_bytes(tmp_path, raw)
        event("refused" if message else "imported")  # pytest --hypothesis-show-statistics
        if message is not None:
            assert_own_refusal(message)
            assert export() == before

    import_or_refuse()


def test_the_fuzz_s_own_check_fails_a_traceback_s_message(document):
    """assert_own_refusal tells the command's errors from others."""
    with pytest.raises(AssertionError):
        assert_own_refusal("ValueError: Exceeds the limit (4300 digits) for integer string conversion")
    with pytest.raises(AssertionError):
        assert_own_refusal("Nothing imported, nothing changed (1 problem):\n  site.json: title \udfff")
    assert_own_refusal("Nothing imported, nothing changed (1 problem):\n  site.json: questions[0].title: is empty")


def test_the_fuzz_s_base_is_a_document_that_imports(document, tmp_path):
    """The mutations start from a real export, which imports as it is."""
    assert import_bytes(tmp_path, json.dumps(document).encode()) is None
    assert len(document["questions"]) == 2 and document["retired_slugs"]
