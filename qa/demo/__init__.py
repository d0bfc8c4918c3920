"""Demo content: reading qa/demo/*.toml and putting it into the database.

The files are described in FORMAT.md beside this module. Every file is checked before
anything is written (the value checks are in checks.py), and all problems of all files
are reported together, each naming its file and field; loading is one transaction.

Every record has a `key`, and its object in the database the uuid stable_id(kind, key),
so loading finds its objects again however their titles and names change, and loading
the same files again changes nothing (only differences are written). Slugs are the
models' business: save() makes them when an object is created, and an update leaves
them alone, so that URLs stay put when a title is edited.
"""

import tomllib
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.db import IntegrityError, transaction

from qa import languages
from qa.languages import column
from qa.models import Answer, Asker, Category, Question, Tag
from qa.slugs import make_slug

from . import checks
from .checks import Where

DEMO_DIR = Path(__file__).resolve().parent

# The namespace of the demo objects' uuids (uuid5). Fixed for good: another one would
# make every database loaded so far see new records.
NAMESPACE = uuid.UUID("2d4dd7de-849d-4bb3-8719-4fed979dac91")

SITE_FIELDS = ("categories", "tags", "askers")
CATEGORY_FIELDS = ("key", "position", "name", "description")
TAG_FIELDS = ("key", "name")
ASKER_FIELDS = ("key", "name")
QUESTION_FIELDS = ("key", "category", "asker", "tags", "published_at", "title", "summary", "answers")
ANSWER_FIELDS = ("heading", "body")
ENGLISH = "English is required"


class DemoContentError(ValueError):
    """Demo files that cannot be loaded; .problems names each problem's file and field."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass
class LoadReport:
    created: dict = field(default_factory=dict)
    updated: dict = field(default_factory=dict)

    def count(self, kind, created, n=1):
        bucket = self.created if created else self.updated
        bucket[kind] = bucket.get(kind, 0) + n

    @property
    def changed(self):
        return bool(self.created or self.updated)


def stable_id(kind, key):
    """The uuid of the demo record `key` of `kind` ("question", "category", "tag",
    "asker"): the same on every machine and every run."""
    return uuid.uuid5(NAMESPACE, f"{kind}:{key}")


def read(directory=None):
    """Read and check every demo file in directory (default DEMO_DIR); return plain
    data, or raise DemoContentError naming every problem of every file."""
    directory = Path(directory or DEMO_DIR)
    if not directory.is_dir():
        raise DemoContentError([f"{directory}: no such directory"])
    problems = checks.Problems()
    data = _read_toml(directory / "site.toml", problems)
    site = None if data is None else _read_site(data, problems)

    folder = directory / "questions"
    paths = sorted(folder.glob("*.toml"))
    if not folder.is_dir():
        problems.add("questions/", f"no such directory ({folder})")
    elif not paths:
        problems.add("questions/", f"no question files (*.toml) in {folder}")
    questions = [question for path in paths if (question := _read_question(path, site, problems))]
    _one_each(problems, questions, "key", lambda record: record["key"], "key")
    _one_each(problems, questions, "English title", lambda record: record["title"].get("en"), "title.en")

    if problems:
        raise DemoContentError(problems)
    return {**site, "questions": questions}


def _read_toml(path, problems):
    """A file's TOML as a dict, or None (and the problem) when it is missing, not
    UTF-8 or not TOML. A UTF-8 byte-order mark, which some editors write, is allowed."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        problems.add(path.name, f"missing (looked for {path})")
        return None
    except OSError as error:
        problems.add(path.name, f"cannot be read: {error.strerror}")
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.add(path.name, f"line {line}: not UTF-8 (byte 0x{raw[error.start]:02x}); save the file as UTF-8")
        return None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        problems.add(path.name, f"not valid TOML: {error}")
        return None


def _one_each(problems, records, what, value_of, name):
    """Name every record whose key (or name, or title: value_of) an earlier record of
    its kind has, ignoring case, with both places: two records the loader, or readers,
    could not tell apart."""
    seen = {}
    for record in records:
        value = value_of(record)
        if value is None:
            continue
        if value.casefold() in seen:
            other = seen[value.casefold()].in_words()
            problems.add(record["where"].field(name), f"{checks.shown(value)} is also the {what} of {other}")
        else:
            seen[value.casefold()] = record["where"]


def _read_site(data, problems):
    """{"categories": {key: record}, "tags": ..., "askers": ...} from site.toml."""
    site = Where("site.toml")
    checks.known_fields(problems, site, data, SITE_FIELDS)

    def records(kind, fields, read_one):
        found = []
        for number, item in enumerate(checks.tables(problems, site.field(kind), data.get(kind)), start=1):
            where = site.field(kind).item(number)
            checks.known_fields(problems, where, item, fields)
            key = checks.key(problems, where.field("key"), item.get("key"))
            found.append({"where": where, "key": key, **read_one(where, number, item)})
        _one_each(problems, found, "key", lambda record: record["key"], "key")
        return found

    def name(where, model, item):
        return checks.translations(
            problems, where.field("name"), item.get("name"), model, "name", ("en",), ENGLISH, addressed=True
        )

    categories = records(
        "categories",
        CATEGORY_FIELDS,
        lambda where, number, item: {
            "name": name(where, Category, item),
            "description": checks.translations(
                problems, where.field("description"), item.get("description"), Category, "description"
            ),
            "position": checks.whole_number(
                problems, where.field("position"), item.get("position", number), Category, "position"
            ),
        },
    )
    tags = records("tags", TAG_FIELDS, lambda where, number, item: {"name": name(where, Tag, item)})
    askers = records(
        "askers",
        ASKER_FIELDS,
        lambda where, number, item: {
            "name": checks.text(problems, where.field("name"), item.get("name"), checks.max_length(Asker, "name"))
        },
    )
    # The admin refuses a second category or tag of the same name in a language too.
    for kind in (categories, tags):
        for code in languages.codes():
            _one_each(
                problems, kind, f"name in {code}", lambda record, code=code: record["name"].get(code), f"name.{code}"
            )
    return {
        kind: {record["key"]: record for record in found if record["key"]}
        for kind, found in (("categories", categories), ("tags", tags), ("askers", askers))
    }


def _read_question(path, site, problems):
    """One question file as plain data, or None when it is not TOML at all."""
    data = _read_toml(path, problems)
    if data is None:
        return None
    where = Where(path.name)
    known = {kind: None if site is None else site[kind] for kind in ("categories", "tags", "askers")}
    checks.known_fields(problems, where, data, QUESTION_FIELDS)
    question = {
        "where": where,
        "file": path.name,
        "key": checks.key(problems, where.field("key"), data.get("key")),
        "category": checks.reference(
            problems, where.field("category"), data.get("category"), known["categories"], "category"
        ),
        "asker": checks.reference(problems, where.field("asker"), data.get("asker"), known["askers"], "asker"),
        "tags": checks.references(problems, where.field("tags"), data.get("tags"), known["tags"], "tag"),
        "published_at": checks.moment(problems, where.field("published_at"), data.get("published_at")),
        "title": checks.translations(
            problems, where.field("title"), data.get("title"), Question, "title", ("en",), ENGLISH, addressed=True
        ),
    }
    # The other texts are held to the title's languages, once it has its English one
    # (else that one problem would be repeated for every answer).
    codes = list(question["title"]) if "en" in question["title"] else None
    need = f"the title is in {', '.join(codes or [])}, so every answer is too"
    question["summary"] = checks.translations(
        problems, where.field("summary"), data.get("summary"), Question, "summary", allowed=codes
    )

    question["answers"] = []
    if data.get("answers") in (None, []):
        problems.add(where.field("answers"), "missing: a question needs at least one [[answers]] block")
    for number, block in enumerate(checks.tables(problems, where.field("answers"), data.get("answers")), start=1):
        here = where.field("answers").item(number)
        checks.known_fields(problems, here, block, ANSWER_FIELDS)
        texts = {
            name: checks.translations(
                problems, here.field(name), block.get(name), Answer, name, codes or (), need, allowed=codes
            )
            for name in ANSWER_FIELDS
        }
        for code, body in texts["body"].items():
            for message in checks.body_problems(body) if body else ():
                problems.add(here.field("body").field(code), message)
        question["answers"].append(texts)
    return question


def _per_language(values, field_name):
    """{language: text} as model field values: missing languages are None (NULL)."""
    return {column(field_name, code): values.get(code) or None for code in languages.codes()}


def _no_slugs(model):
    """Every slug column of model, empty: on create, save() makes the slugs (unique
    per language), so this module never computes one to store."""
    names = ["slug"] if model is Asker else [column("slug", code) for code in languages.codes()]
    return dict.fromkeys(names)


def _sync(model, kind, label, records, values_of, old_match_of, report):
    """{key: object} for the records of one kind, written where they differ.

    An object is found by its stable uuid; in a database loaded before the files had
    keys (random uuids) by what the loader matched on then, an English slug made from
    the English text, among the objects that are not already some record's, and then
    given its uuid. Slugs are written only on create, as None (see _no_slugs).
    """
    ids = {key: stable_id(kind, key) for key in records}
    objects = {}
    for key, record in records.items():
        obj = model.objects.filter(uuid=ids[key]).first()
        old_match = old_match_of(record)
        if obj is None and all(old_match.values()):  # an empty slug never identified anything
            obj = model.objects.filter(**old_match).exclude(uuid__in=ids.values()).first()
        values = {"uuid": ids[key], **values_of(record)}
        try:
            objects[key] = _write(model, obj, values, report, label)
        except IntegrityError as error:
            # save() makes slugs unique, so only an unforeseen clash with a row the files
            # do not know about gets here: name the record rather than show a traceback.
            raise DemoContentError([f"{record['where']}: cannot be saved: {error}"]) from error
    return objects


def _write(model, obj, values, report, label):
    if obj is None:
        obj = model(**_no_slugs(model), **values)
        obj.save()
        report.count(label, created=True)
        return obj
    changed = {name: value for name, value in values.items() if getattr(obj, name) != value}
    if changed:
        for name, value in changed.items():
            setattr(obj, name, value)
        obj.save()
        report.count(label, created=False)
    return obj


@transaction.atomic
def load(content):
    """Put checked content (from read()) into the database; return a LoadReport."""
    report = LoadReport()
    categories = _sync(
        Category,
        "category",
        "categories",
        content["categories"],
        lambda item: {
            **_per_language(item["name"], "name"),
            **_per_language(item["description"], "description"),
            "position": item["position"],
        },
        lambda item: {"slug_en": make_slug(item["name"]["en"], max_length=100)},
        report,
    )
    tags = _sync(
        Tag,
        "tag",
        "tags",
        content["tags"],
        lambda item: _per_language(item["name"], "name"),
        lambda item: {"slug_en": make_slug(item["name"]["en"], max_length=100)},
        report,
    )
    askers = _sync(
        Asker,
        "asker",
        "askers",
        content["askers"],
        lambda item: {"name": item["name"]},
        lambda item: {"slug": make_slug(item["name"], max_length=100)},
        report,
    )
    records = {item["key"]: item for item in content["questions"]}
    questions = _sync(
        Question,
        "question",
        "questions",
        records,
        lambda item: {
            **_per_language(item["title"], "title"),
            **_per_language(item["summary"], "summary"),
            "category_id": categories[item["category"]].pk,
            "asker_id": askers[item["asker"]].pk,
            **_published_in(item["title"], item["published_at"]),
        },
        lambda item: {"slug_en": make_slug(item["title"]["en"])},
        report,
    )
    for key, question in questions.items():
        _load_answers_and_tags(question, records[key], tags, report)
    return report


def _published_in(titles, published_at):
    """Every language the demo writes a question in is published on its date."""
    values = {"published_at": published_at}
    for code in languages.codes():
        published = bool(titles.get(code))
        values[column("state", code)] = Question.State.PUBLISHED if published else Question.State.DRAFT
        values[column("publish_at", code)] = published_at if published else None
    return values


def _load_answers_and_tags(question, item, tags, report):
    wanted = [
        {"position": position, **_per_language(a["heading"], "heading"), **_per_language(a["body"], "body")}
        for position, a in enumerate(item["answers"], start=1)
    ]
    fields = list(wanted[0])
    stored = list(question.answers.order_by("position", "pk").values(*fields))
    if stored != wanted:
        question.answers.all().delete()
        for values in wanted:
            Answer(question=question, **values).save()
        report.count("answers", created=not stored, n=len(wanted))

    stored_tags = {tag.pk for tag in question.tags.all()}
    if stored_tags != {tags[key].pk for key in item["tags"]}:
        question.tags.set([tags[key] for key in item["tags"]])
        report.count("tag links", created=not stored_tags, n=len(item["tags"]))
