"""Demo content: reading qa/demo/*.toml and putting it into the database.

The files are described in FORMAT.md beside this module. Every record is checked
before anything is written, and a problem names its file and record; loading is one
transaction, and loading the same files again changes nothing (objects are matched by
their English slug, askers by slug, and only differences are written).
"""

import datetime
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from qa import languages
from qa.languages import column
from qa.models import Answer, Asker, Category, Question, Tag
from qa.slugs import make_slug

DEMO_DIR = Path(__file__).resolve().parent


class DemoContentError(ValueError):
    """A demo file that cannot be loaded; the message names the file and the record."""


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


def _translations(value, where, what, required=("en",)):
    """A {language: text} table from the file, checked."""
    if not isinstance(value, dict):
        raise DemoContentError(f'{where}: {what} must be a table of languages, like {what}.en = "..."')
    unknown = set(value) - set(languages.codes())
    if unknown:
        raise DemoContentError(f"{where}: {what} has unknown languages {sorted(unknown)}")
    for code in required:
        if not str(value.get(code, "")).strip():
            raise DemoContentError(f"{where}: {what} has no text in {code!r}")
    return {code: str(text).strip() for code, text in value.items()}


def _read_toml(path):
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as error:
        raise DemoContentError(f"{path.name}: not valid TOML: {error}") from error


def read(directory=DEMO_DIR):
    """Read and check every demo file; return plain data or raise DemoContentError."""
    site = _read_toml(directory / "site.toml")
    categories = {}
    for number, item in enumerate(site.get("categories", []), start=1):
        where = f"site.toml: category {number}"
        categories[item.get("key")] = {
            "name": _translations(item.get("name"), where, "name"),
            "description": _translations(item.get("description", {}), where, "description", required=()),
            "position": int(item.get("position", number)),
        }
    tags = {}
    for number, item in enumerate(site.get("tags", []), start=1):
        tags[item.get("key")] = {"name": _translations(item.get("name"), f"site.toml: tag {number}", "name")}
    askers = {}
    for number, item in enumerate(site.get("askers", []), start=1):
        name = str(item.get("name", "")).strip()
        if not name:
            raise DemoContentError(f"site.toml: asker {number} has no name")
        askers[make_slug(name, max_length=100)] = name

    questions = []
    for path in sorted((directory / "questions").glob("*.toml")):
        questions.append(_read_question(path, categories, tags, askers))
    if not questions:
        raise DemoContentError(f"no question files in {directory / 'questions'}")
    return {"categories": categories, "tags": tags, "askers": askers, "questions": questions}


def _read_question(path, categories, tags, askers):
    data = _read_toml(path)
    where = path.name
    title = _translations(data.get("title"), where, "title")
    codes = list(title)
    if data.get("category") not in categories:
        raise DemoContentError(f"{where}: unknown category {data.get('category')!r}")
    if data.get("asker") not in askers:
        raise DemoContentError(f"{where}: unknown asker {data.get('asker')!r}")
    unknown_tags = [tag for tag in data.get("tags", []) if tag not in tags]
    if unknown_tags:
        raise DemoContentError(f"{where}: unknown tags {unknown_tags}")
    if not isinstance(data.get("published_at"), datetime.datetime) or data["published_at"].tzinfo is None:
        raise DemoContentError(f"{where}: published_at must be a date and time with a zone, like 2026-03-14T09:00:00Z")
    answers = []
    for number, answer in enumerate(data.get("answers", []), start=1):
        answer_where = f"{where}: answer {number}"
        heading = _translations(answer.get("heading"), answer_where, "heading", required=codes)
        body = _translations(answer.get("body"), answer_where, "body", required=codes)
        if set(heading) != set(codes) or set(body) != set(codes):
            raise DemoContentError(f"{answer_where}: must be in the same languages as the title, {codes}")
        answers.append({"heading": heading, "body": body})
    if not answers:
        raise DemoContentError(f"{where}: has no answers")
    return {
        "file": where,
        "title": title,
        "summary": _translations(data.get("summary", {}), where, "summary", required=()),
        "category": data["category"],
        "asker": data["asker"],
        "tags": list(data.get("tags", [])),
        "published_at": data["published_at"],
        "answers": answers,
    }


def _per_language(values, field_name):
    """{language: text} as model field values: missing languages are None (NULL)."""
    return {column(field_name, code): values.get(code) or None for code in languages.codes()}


def _sync(model, lookup, values, report, kind):
    """Get or create by lookup, write only the fields that differ."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj.save()
        report.count(kind, created=True)
        return obj
    changed = {name: value for name, value in values.items() if getattr(obj, name) != value}
    if changed:
        for name, value in changed.items():
            setattr(obj, name, value)
        obj.save()
        report.count(kind, created=False)
    return obj


def _slugs_from(names):
    return {column("slug", code): make_slug(text, max_length=100) for code, text in names.items()}


@transaction.atomic
def load(content):
    """Put checked content (from read()) into the database; return a LoadReport."""
    report = LoadReport()
    categories = {}
    for key, item in content["categories"].items():
        values = {
            **_per_language(item["name"], "name"),
            **_per_language(item["description"], "description"),
            "position": item["position"],
        }
        values.update(_slugs_from(item["name"]))
        categories[key] = _sync(Category, {"slug_en": values.pop("slug_en")}, values, report, "categories")
    tags = {}
    for key, item in content["tags"].items():
        values = {**_per_language(item["name"], "name"), **_slugs_from(item["name"])}
        tags[key] = _sync(Tag, {"slug_en": values.pop("slug_en")}, values, report, "tags")
    askers = {
        slug: _sync(Asker, {"slug": slug}, {"name": name}, report, "askers") for slug, name in content["askers"].items()
    }
    for item in content["questions"]:
        _load_question(item, categories, tags, askers, report)
    return report


def _load_question(item, categories, tags, askers, report):
    values = {
        **_per_language(item["title"], "title"),
        **_per_language(item["summary"], "summary"),
        **{column("slug", code): make_slug(text) for code, text in item["title"].items()},
        "category": categories[item["category"]],
        "asker": askers[item["asker"]],
        "status": Question.Status.PUBLISHED,
        "published_at": item["published_at"],
    }
    question = _sync(Question, {"slug_en": values.pop("slug_en")}, values, report, "questions")

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
