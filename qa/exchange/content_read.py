"""Reading a content document (content.py, FORMAT.md) and checking all of it before
anything is written.

Every problem is collected, not only the first, each named by its JSON path counted
from 0 as in the file (`backup.json: questions[41].answers[2].body.tr: is empty`), so
that one run names everything there is to fix. What is checked is what the admin
would refuse, with the models' own limits (max_length, choices, slug characters, the
Markdown limits of qa.markdown) and uniqueness both within the file and against the
objects of the database that the file does not update: a slug or name that another
object holds, a category, asker or tag that neither the file nor the database has.

Nothing in the file can make the import fail otherwise: text the databases cannot
store (a NUL, which PostgreSQL refuses and SQLite would keep; a lone UTF-16 surrogate,
which is no character and cannot be written as UTF-8), numbers with more digits than
any field holds (Python refuses to read those beyond 4,300 digits), dates that leave
the calendar when moved to UTC and arrays nested deeper than Python's parser goes are
problems like any other, named by their path. The messages themselves show such
characters escaped (\\u0000), so that they can be printed and logged.

Drafts are taken as the site holds them: the admin's rule that every sub-question has
its answer and the other way round applies to published languages only, decided by
Question.is_complete_in as CompleteWhenPublishedFormSet decides it ("New question from
text" saves a sub-question without an answer, to be written before publishing).

read() returns the checked records as Python values (uuids, aware datetimes), ready
for content_write.py, or raises ContentError with every problem.
"""

import json
import re
import uuid
from datetime import UTC, datetime
from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db.models.functions import Lower

from qa import languages
from qa.demo import checks
from qa.demo.checks import Problems, Where, body_problems, max_length, shown
from qa.languages import column
from qa.models import Answer, Asker, Category, Question, RetiredSlug, Tag, require_some_language

from . import content
from .content import ANSWER_TEXTS, CATEGORY_TEXTS, QUESTION_TEXTS, QUESTION_UNITS, TAG_TEXTS

TOP = ("askers", "categories", "format", "questions", "retired_slugs", "tags", "version")
CATEGORY = ("uuid", "position", *CATEGORY_TEXTS)
TAG = ("uuid", *TAG_TEXTS)
ASKER = ("uuid", "name", "slug")
QUESTION = (
    "uuid",
    "category",
    "asker",
    "tags",
    "source_language",
    "published_at",
    "updated_at",
    "source_changed_at",
    *QUESTION_TEXTS,
    "state",
    "publish_at",
    "checked",
    "answers",
)
ANSWER = (*ANSWER_TEXTS, "checked")
RETIRED = ("language", "slug", "question", "retired_at")
STATES = [value for value, _label in Question.State.choices]
FINGERPRINT_LENGTH = 32
# Digits of the longest whole number read as one: no field holds more than 64 bits (19
# digits); a longer number is a LongNumber, refused where it stands.
MAX_DIGITS = 20
# The longest field name or language code of the file repeated in a path.
NAME_SHOWN = 40
PLAIN_NAME = re.compile("[A-Za-z0-9_-]{1,40}")
SURROGATE = re.compile("[\ud800-\udfff]")
# What a message shows escaped: control characters and lone surrogates.
UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def printable(text):
    """text with its control characters and lone surrogates written as \\uXXXX."""
    return UNPRINTABLE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


class ContentError(ValueError):
    """A document that cannot be imported; .problems names each problem's JSON path,
    each printable (a field name or a value quoted in it may hold anything)."""

    def __init__(self, problems):
        self.problems = [printable(problem) for problem in problems]
        super().__init__("\n".join(self.problems))


class LongNumber:
    """A JSON whole number of more than MAX_DIGITS digits, kept unread: converting
    5,000 digits raises ValueError in Python, and no field takes one anyway."""

    def __init__(self, text):
        self.negative = text.startswith("-")
        self.digits = len(text.lstrip("-"))

    def __str__(self):
        return f"a number of {self.digits} digits"

    def stand_in(self):
        """A whole number of the same sign, too long as well, for the fields' validators."""
        return -(10**MAX_DIGITS) if self.negative else 10**MAX_DIGITS


def read_int(text):
    return LongNumber(text) if len(text.lstrip("-")) > MAX_DIGITS else int(text)


def name_shown(name):
    """A field name or language code of the file as a path repeats it: quoted as JSON
    unless it is letters, digits, "_" and "-" (so that "" or "a.b" stay one name), a
    long one cut."""
    if PLAIN_NAME.fullmatch(name):
        return name
    return json.dumps(name if len(name) <= NAME_SHOWN else name[:NAME_SHOWN] + "…", ensure_ascii=False)


class Checker:
    """The checks of single values, each adding its problems and returning the value
    (None when there is nothing usable), so that the rest can still be checked."""

    def __init__(self, problems):
        self.problems = problems

    def add(self, where, message):
        self.problems.add(where, message)

    def record(self, where, value, fields):
        """A JSON object with exactly these fields (each missing or unknown one named)."""
        if not isinstance(value, dict):
            self.add(where, f"must be an object, not {shown(value)}")
            return None
        for name in value:
            if name not in fields:
                self.add(where.field(name_shown(name)), f"unknown field; the fields here are {', '.join(fields)}")
        for name in fields:
            if name not in value:
                self.add(where.field(name), "missing")
        return value

    def items(self, where, value):
        """An array; [] (and the problem) when it is not one."""
        if not isinstance(value, list):
            if value is not None:
                self.add(where, f"must be an array, not {shown(value)}")
            return []
        return value

    def string(self, where, value, limit=None, empty=False):
        """A string, kept exactly as written (an export is read back byte for byte),
        that both databases can store."""
        if not isinstance(value, str):
            self.add(where, f"must be a string, not {shown(value)}")
            return None
        if "\x00" in value:
            self.add(where, "contains a NUL character")
            return None
        if surrogate := SURROGATE.search(value):
            self.add(
                where,
                f"contains a lone surrogate \\u{ord(surrogate.group()):04x}, which is no character "
                "(a UTF-16 surrogate is only half of a pair)",
            )
            return None
        if not empty and not value.strip():
            self.add(where, "is empty")
            return None
        if limit and len(value) > limit:
            self.add(where, f"{len(value)} characters, more than the {limit} allowed")
            return None
        return value

    def identifier(self, where, value):
        if isinstance(value, str):
            try:
                return uuid.UUID(value)
            except ValueError:
                pass
        self.add(where, f"must be a uuid, like 2d4dd7de-849d-4bb3-8719-4fed979dac91, not {shown(value)}")
        return None

    def moment(self, where, value, optional=False):
        if value is None and optional:
            return None
        if isinstance(value, str):
            try:
                parsed = datetime.fromisoformat(value)
            except ValueError:
                parsed = None
            if parsed is not None and parsed.tzinfo is not None:
                try:
                    parsed.astimezone(UTC)  # as the databases store it
                except OverflowError:
                    self.add(where, f"{shown(value)} is outside the years 1 to 9999 in UTC")
                    return None
                return parsed
        self.add(where, f"must be a date and time with a zone, like 2026-03-14T09:00:00Z, not {shown(value)}")
        return None

    def language(self, where, value):
        if value not in languages.codes():
            self.add(where, f"must be one of the site's languages {', '.join(languages.codes())}, not {shown(value)}")
            return None
        return value

    def per_language(self, where, value, check):
        """{code: value} from an object of the site's languages, each value checked by
        check(where, value) (None values dropped)."""
        if not isinstance(value, dict):
            self.add(where, f'must be an object of languages, like {{"en": "..."}}, not {shown(value)}')
            return {}
        found = {}
        for code, item in value.items():
            if self.language(where.field(name_shown(code)), code) is not None:
                checked = check(where.field(code), item)
                if checked is not None:
                    found[code] = checked
        return found

    def texts(self, where, value, model, field):
        return self.per_language(
            where, value, lambda here, item: self.string(here, item, max_length(model, column(field, "en")))
        )

    def slug(self, where, value, limit):
        value = self.string(where, value, limit)
        if value is not None:
            try:
                validate_slug(value)
            except ValidationError:
                self.add(where, f"must be letters, digits, hyphens and underscores, not {shown(value)}")
                return None
        return value

    def slugs(self, where, value, model):
        limit = max_length(model, column("slug", "en"))
        return self.per_language(where, value, lambda here, item: self.slug(here, item, limit))

    def whole_number(self, where, value, model, name):
        if isinstance(value, LongNumber):  # refused by the field's validators, as its stand-in is
            checks.whole_number(self.problems, where, value.stand_in(), model, name)
            return None
        return checks.whole_number(self.problems, where, value, model, name)

    def fingerprint(self, where, value):
        if isinstance(value, str) and len(value) == FINGERPRINT_LENGTH and all(c in "0123456789abcdef" for c in value):
            return value
        self.add(where, f"must be a fingerprint of {FINGERPRINT_LENGTH} hexadecimal digits, not {shown(value)}")
        return None


def read(text, name="content.json"):
    """The checked document in text (a str or bytes of JSON), or ContentError."""
    problems = Problems()
    where = Where(name)
    try:
        data = json.loads(text, parse_int=read_int)
    except UnicodeDecodeError as error:
        raise ContentError([f"{name}: not UTF-8 ({error.reason} at byte {error.start})"]) from error
    except json.JSONDecodeError as error:
        raise ContentError([f"{name}: not JSON: {error.msg} at line {error.lineno}, column {error.colno}"]) from error
    except RecursionError as error:
        raise ContentError([f"{name}: arrays or objects nested deeper than can be read"]) from error
    check = Checker(problems)
    if check.record(where, data, TOP) is None:
        raise ContentError(problems)
    if data.get("format") != content.FORMAT:
        check.add(where.field("format"), f"must be {content.FORMAT!r}: this is not a Project Sports content file")
    if data.get("version") != content.VERSION:
        check.add(
            where.field("version"),
            f"this site reads version {content.VERSION} of the format, not {shown(data.get('version'))}",
        )
    if problems:
        raise ContentError(problems)

    readers = {
        "categories": read_category,
        "tags": read_tag,
        "askers": read_asker,
        "questions": read_question,
        "retired_slugs": read_retired,
    }
    document = {
        kind: [
            read_one(check, where.field(kind).item(n), item)
            for n, item in enumerate(check.items(where.field(kind), data[kind]))
        ]
        for kind, read_one in readers.items()
    }
    document = {kind: [record for record in records if record] for kind, records in document.items()}
    check_together(check, document)
    if problems:
        raise ContentError(problems)
    return document


def read_category(check, where, item):
    if check.record(where, item, CATEGORY) is None:
        return None
    return {
        "where": where,
        "uuid": check.identifier(where.field("uuid"), item.get("uuid")),
        "position": check.whole_number(where.field("position"), item.get("position"), Category, "position"),
        "name": check.texts(where.field("name"), item.get("name"), Category, "name"),
        "slug": check.slugs(where.field("slug"), item.get("slug"), Category),
        "description": check.texts(where.field("description"), item.get("description"), Category, "description"),
    }


def read_tag(check, where, item):
    if check.record(where, item, TAG) is None:
        return None
    return {
        "where": where,
        "uuid": check.identifier(where.field("uuid"), item.get("uuid")),
        "name": check.texts(where.field("name"), item.get("name"), Tag, "name"),
        "slug": check.slugs(where.field("slug"), item.get("slug"), Tag),
    }


def read_asker(check, where, item):
    if check.record(where, item, ASKER) is None:
        return None
    return {
        "where": where,
        "uuid": check.identifier(where.field("uuid"), item.get("uuid")),
        "name": check.string(where.field("name"), item.get("name"), max_length(Asker, "name")),
        "slug": check.slug(where.field("slug"), item.get("slug"), max_length(Asker, "slug")),
    }


def read_question(check, where, item):
    if check.record(where, item, QUESTION) is None:
        return None
    question = {
        "where": where,
        "uuid": check.identifier(where.field("uuid"), item.get("uuid")),
        "category": check.identifier(where.field("category"), item.get("category")),
        "asker": check.identifier(where.field("asker"), item.get("asker")),
        "tags": [
            check.identifier(where.field("tags").item(n), tag)
            for n, tag in enumerate(check.items(where.field("tags"), item.get("tags")))
        ],
        "source_language": check.language(where.field("source_language"), item.get("source_language")),
        "published_at": check.moment(where.field("published_at"), item.get("published_at")),
        "updated_at": check.moment(where.field("updated_at"), item.get("updated_at")),
        "source_changed_at": check.moment(
            where.field("source_changed_at"), item.get("source_changed_at"), optional=True
        ),
        "title": check.texts(where.field("title"), item.get("title"), Question, "title"),
        "slug": check.slugs(where.field("slug"), item.get("slug"), Question),
        "summary": check.texts(where.field("summary"), item.get("summary"), Question, "summary"),
        "state": check.per_language(
            where.field("state"), item.get("state"), lambda here, value: state(check, here, value)
        ),
        "publish_at": check.per_language(where.field("publish_at"), item.get("publish_at"), check.moment),
    }
    question["checked"] = read_checked(check, where.field("checked"), item.get("checked"), QUESTION_UNITS)
    question["answers"] = []
    for n, answer in enumerate(check.items(where.field("answers"), item.get("answers"))):
        here = where.field("answers").item(n)
        if check.record(here, answer, ANSWER) is not None:
            question["answers"].append(
                {
                    "where": here,
                    **{
                        field: check.texts(here.field(field), answer.get(field), Answer, field)
                        for field in ANSWER_TEXTS
                    },
                    "checked": read_checked(check, here.field("checked"), answer.get("checked"), ANSWER_TEXTS),
                }
            )
    count_answers(check, where.field("answers"), len(question["answers"]))
    check_question_text(check, question)
    return question


def count_answers(check, where, count):
    """No more answers than their position (a small integer) can number."""
    try:
        Answer._meta.get_field("position").run_validators(count)
    except ValidationError:
        check.add(where, f"{count} answers, more than an answer's position can number")


def state(check, where, value):
    if value not in STATES:
        check.add(where, f"must be one of {', '.join(STATES)}, not {shown(value)}")
        return None
    return value


def read_checked(check, where, value, units):
    """{unit: {code: fingerprint}} of a question's (or an answer's) translated units."""
    if check.record(where, value, units) is None:
        return {}
    return {unit: check.per_language(where.field(unit), value.get(unit) or {}, check.fingerprint) for unit in units}


def check_question_text(check, question):
    """What the admin refuses of a question's text: no title in any language, an answer
    without a sub-question in any language or with a body beyond qa.markdown's limits,
    a published language that is not complete (check_published), a fingerprint for a
    translation that is not there."""
    where = question["where"]
    stored = columns_of(Question, question, ("title", "slug"))
    model_rule(check, where.field("title"), require_some_language, stored, "title")
    for code in languages.codes():
        if code not in question["state"]:
            check.add(where.field("state").field(code), "missing")
    for answer in question["answers"]:
        here = answer["where"]
        heading = columns_of(Answer, answer, ("heading",))
        model_rule(check, here.field("heading"), require_some_language, heading, "heading")
        for code, body in answer["body"].items():
            for message in body_problems(body):
                check.add(here.field("body").field(code), message)
    check_published(check, question, stored)
    source = question["source_language"]
    units = [(where, question, QUESTION_UNITS)] + [(a["where"], a, ANSWER_TEXTS) for a in question["answers"]]
    for here, record, names in units:
        for unit in names:
            for code in record["checked"].get(unit, {}):
                if code == source:
                    check.add(here.field("checked").field(unit).field(code), "the source language is not a translation")
                elif code not in record[unit]:
                    check.add(here.field("checked").field(unit).field(code), f"there is no {unit} in {code} to check")


def columns_of(model, record, fields):
    """The per-language columns of fields as a model's rules read them (getattr, and
    _meta for the field's name), None where the record has no text: a stand-in for an
    unsaved instance, which takes 90 µs for an Answer (200 for a Question) to build
    with modeltranslation, a minute and a half for a file of 100,000 questions."""
    values = {column(field, code): record[field].get(code) for field in fields for code in languages.codes()}
    return SimpleNamespace(_meta=model._meta, **values)


def model_rule(check, where, rule, *args):
    """A model's validation function, its messages added at where."""
    try:
        rule(*args)
    except ValidationError as error:
        for message in error.messages:
            check.add(where, message)


def check_published(check, question, stored):
    """A published language must be complete, as the admin's CompleteWhenPublishedFormSet
    decides it: Question.is_complete_in with the (sub-question, answer) pairs as given.
    Drafts and languages in review may be anything the site stores, such as a
    sub-question without its answer yet. stored: the file's titles and slugs
    (columns_of)."""
    where = question["where"]
    for code, value in question["state"].items():
        if value != Question.State.PUBLISHED:
            continue
        if code in question["title"] and code not in question["slug"]:
            check.add(where.field("slug").field(code), f"missing: {code} is published, so it needs an address")
            continue
        pairs = [(answer["heading"].get(code), answer["body"].get(code)) for answer in question["answers"]]
        if Question.is_complete_in(stored, code, pairs):
            continue
        # Only to name the places; what counts as complete is is_complete_in's.
        lacking = [
            str(answer["where"].field(part).field(code).path.removeprefix(where.path + "."))
            for answer in question["answers"]
            for part in ANSWER_TEXTS
            if code not in answer[part]
        ]
        missing = [name for name in ("title", "slug") if code not in question[name]] + lacking
        if not question["answers"]:
            missing.append("answers")
        check.add(
            where.field("state").field(code),
            f"published, so the question, its address and every sub-question and answer need text in {code}"
            + (f"; missing: {', '.join(missing)}" if missing else ""),
        )


def read_retired(check, where, item):
    if check.record(where, item, RETIRED) is None:
        return None
    question = item.get("question")
    return {
        "where": where,
        "language": check.language(where.field("language"), item.get("language")),
        "slug": check.slug(where.field("slug"), item.get("slug"), max_length(RetiredSlug, "slug")),
        "question": None if question is None else check.identifier(where.field("question"), question),
        "retired_at": check.moment(where.field("retired_at"), item.get("retired_at")),
    }


def check_together(check, document):
    """The checks across records: each uuid once per kind, references that resolve, and
    slugs and names that no two objects share, in the file or in the file and the
    database (an object the file updates is judged by what the file gives it)."""
    kinds = (("categories", Category), ("tags", Tag), ("askers", Asker), ("questions", Question))
    referred = {
        "categories": {question["category"] for question in document["questions"]},
        "askers": {question["asker"] for question in document["questions"]},
        "tags": {tag for question in document["questions"] for tag in question["tags"]},
        "questions": {record["question"] for record in document["retired_slugs"]},
    }
    known = {}
    for kind, model in kinds:
        records = [record for record in document[kind] if record["uuid"] is not None]
        once(check, records, lambda record: record["uuid"], "uuid", "uuid")
        in_file = {record["uuid"] for record in records}
        wanted = sorted(referred[kind] - in_file - {None})
        known[kind] = in_file | {
            found
            for chunk in chunks(wanted)
            for found in model.objects.filter(uuid__in=chunk).values_list("uuid", flat=True)
        }
    for question in document["questions"]:
        where = question["where"]
        refer(check, where.field("category"), question["category"], known["categories"], "category")
        refer(check, where.field("asker"), question["asker"], known["askers"], "asker")
        for n, tag in enumerate(question["tags"]):
            refer(check, where.field("tags").item(n), tag, known["tags"], "tag")
    for record in document["retired_slugs"]:
        if record["question"] is not None:
            refer(check, record["where"].field("question"), record["question"], known["questions"], "question")
    once(check, document["retired_slugs"], lambda r: (r["language"], r["slug"]), "language and slug", "slug")

    for kind, model in kinds:
        records = document[kind]
        in_file = {record["uuid"] for record in records}
        if model is Asker:
            unique(check, records, model, "slug", None, in_file, "slug", str)
            continue
        for code in languages.codes():
            unique(check, records, model, "slug", code, in_file, f"slug in {code}", str)
            if model is not Question:
                unique(check, records, model, "name", code, in_file, f"name in {code}", str.casefold)


def refer(check, where, value, known, kind):
    if value is not None and value not in known:
        check.add(where, f"no {kind} has the uuid {value}, in the file or in the database")


def once(check, records, value_of, what, field, written=None):
    """Name every record whose value_of an earlier record of its kind has (shown as
    written(record) gives it: a name as written, not as compared)."""
    seen = {}
    for record in records:
        value = value_of(record)
        if value is None or None in (value if isinstance(value, tuple) else (value,)):
            continue
        if value in seen:
            shown_value = shown(str(written(record) if written else value))
            check.add(record["where"].field(field), f"{shown_value} is also the {what} of {seen[value].path}")
        else:
            seen[value] = record["where"]


def unique(check, records, model, field, code, in_file, what, fold):
    """A slug (or a name, folded) that two records of the file, or a record and an
    object of the database that the file does not update, share."""

    def written(record):
        return record[field] if code is None else record[field].get(code)

    def value_of(record):
        value = written(record)
        return None if value is None else fold(value)

    named = [record for record in records if value_of(record) is not None]
    once(check, named, value_of, what, field if code is None else f"{field}.{code}", written)
    name = field if code is None else column(field, code)
    if fold is str.casefold:  # names: "Marathon" and "marathon" cannot be told apart
        lookup, values = "folded__in", {value_of(record).lower() for record in named}
        query = model.objects.alias(folded=Lower(name))
    else:
        lookup, values, query = f"{name}__in", {value_of(record) for record in named}, model.objects.all()
    held = {}
    for chunk in chunks(sorted(values)):
        for uuid_, value in query.filter(**{lookup: chunk}).exclude(uuid__in=in_file).values_list("uuid", name):
            held[fold(value)] = uuid_
    for record in named:
        if (holder := held.get(value_of(record))) is not None:
            where = record["where"].field(field if code is None else f"{field}.{code}")
            check.add(
                where,
                f"{model._meta.verbose_name} {holder} in the database has this {what}, and the file does not change it",
            )


def chunks(values, size=500):
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]
