"""The whole site as one JSON document (the format: FORMAT.md beside this file).

export() builds it from the database, write() prints it: keys sorted, two spaces of
indentation, UTF-8 without escapes, every list in a fixed order (records by their
uuid, answers in reading order, retired slugs by language and slug), so that two
exports of the same content are the same bytes and `diff` shows what changed.
Reading it back is content_read.py (every problem named by its JSON path), writing
it into a database content_write.py.

What is exported is what people wrote and decided: every language's texts and slugs,
states and dates, the source language, the translation fingerprints
(qa.editorial.models.TranslationCheck) and the slugs retired from old URLs. What the
site derives from those (read times, availability, rendered Markdown, counts, the
search index, the translation status) is not: an import derives it again by saving.

Questions are read in batches of BATCH, each batch in a fixed number of queries, and
written one by one, so an export of 100,000 questions never holds them all at once.
"""

import json
from collections import defaultdict
from datetime import UTC

from django.db.models import Max

from qa import languages
from qa.editorial.models import TranslationCheck, TranslationStatus
from qa.languages import column
from qa.models import Answer, Asker, Category, Question, RetiredSlug, Tag, TaggedQuestion

FORMAT = "project-sports-content"
VERSION = 1
BATCH = 500

# Per-language texts of each kind: {code: text} in the document, languages without
# text left out.
CATEGORY_TEXTS = ("name", "slug", "description")
TAG_TEXTS = ("name", "slug")
QUESTION_TEXTS = ("title", "slug", "summary")
ANSWER_TEXTS = ("heading", "body")
# The question's text units whose translations carry a fingerprint (besides the answers').
QUESTION_UNITS = ("title", "summary")


def moment(value):
    """A date and time as the document writes it: ISO 8601 in UTC, "Z" for the zone."""
    return None if value is None else value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def texts(row, field):
    """{code: text} of a per-language field of a row (a dict), only where there is text."""
    return {code: text for code in languages.codes() if (text := row[column(field, code)])}


def columns(fields):
    return [column(field, code) for field in fields for code in languages.codes()]


def categories():
    rows = Category.objects.order_by("uuid").values("uuid", "position", *columns(CATEGORY_TEXTS))
    return [
        {"uuid": str(row["uuid"]), "position": row["position"], **{f: texts(row, f) for f in CATEGORY_TEXTS}}
        for row in rows
    ]


def tags():
    rows = Tag.objects.order_by("uuid").values("uuid", *columns(TAG_TEXTS))
    return [{"uuid": str(row["uuid"]), **{f: texts(row, f) for f in TAG_TEXTS}} for row in rows]


def askers():
    rows = Asker.objects.order_by("uuid").values("uuid", "name", "slug")
    return [{"uuid": str(row["uuid"]), "name": row["name"], "slug": row["slug"]} for row in rows]


def retired_slugs():
    rows = RetiredSlug.objects.order_by("language", "slug").values("language", "slug", "question__uuid", "retired_at")
    return [
        {
            "language": row["language"],
            "slug": row["slug"],
            "question": str(row["question__uuid"]) if row["question__uuid"] else None,
            "retired_at": moment(row["retired_at"]),
        }
        for row in rows
    ]


QUESTION_FIELDS = (
    "pk",
    "uuid",
    "category__uuid",
    "asker__uuid",
    "source_language",
    "published_at",
    "updated_at",
    *columns(QUESTION_TEXTS),
    *columns(("state", "publish_at")),
)


def questions():
    """The question records, by uuid, read BATCH at a time (six queries a batch)."""
    uuids = list(Question.objects.order_by("uuid").values_list("uuid", flat=True))
    for start in range(0, len(uuids), BATCH):
        batch = uuids[start : start + BATCH]
        rows = list(Question.objects.filter(uuid__in=batch).order_by("uuid").values(*QUESTION_FIELDS))
        ids = [row["pk"] for row in rows]
        answers = defaultdict(list)
        for answer in (
            Answer.objects.filter(question_id__in=ids)
            .order_by("question_id", "position", "pk")
            .values("pk", "question_id", *columns(ANSWER_TEXTS))
        ):
            answers[answer["question_id"]].append(answer)
        tag_uuids = defaultdict(list)
        for question_id, tag_uuid in (
            TaggedQuestion.objects.filter(content_object_id__in=ids)
            .order_by("tag__uuid")
            .values_list("content_object_id", "tag__uuid")
        ):
            tag_uuids[question_id].append(str(tag_uuid))
        checks = defaultdict(dict)
        for question_id, code, unit, fingerprint in TranslationCheck.objects.filter(question_id__in=ids).values_list(
            "question_id", "language", "unit", "fingerprint"
        ):
            checks[question_id][code, unit] = fingerprint
        changed = dict(
            TranslationStatus.objects.filter(question_id__in=ids)
            .values("question_id")
            .order_by()
            .annotate(latest=Max("source_changed_at"))
            .values_list("question_id", "latest")
        )
        for row in rows:
            pk = row["pk"]
            yield question_record(row, answers[pk], tag_uuids[pk], checks[pk], changed.get(pk))


def checked(checks, unit):
    """{code: fingerprint} of the translations of one unit."""
    return {code: print_ for (code, key), print_ in sorted(checks.items()) if key == unit}


def question_record(row, answers, tag_uuids, checks, source_changed_at):
    return {
        "uuid": str(row["uuid"]),
        "category": str(row["category__uuid"]),
        "asker": str(row["asker__uuid"]),
        "tags": tag_uuids,
        "source_language": row["source_language"],
        "published_at": moment(row["published_at"]),
        "updated_at": moment(row["updated_at"]),
        "source_changed_at": moment(source_changed_at),
        **{field: texts(row, field) for field in QUESTION_TEXTS},
        "state": {code: row[column("state", code)] for code in languages.codes()},
        "publish_at": {code: moment(value) for code in languages.codes() if (value := row[column("publish_at", code)])},
        "checked": {unit: checked(checks, unit) for unit in QUESTION_UNITS},
        "answers": [
            {
                **{field: texts(answer, field) for field in ANSWER_TEXTS},
                "checked": {field: checked(checks, f"{field}-{answer['pk']}") for field in ANSWER_TEXTS},
            }
            for answer in answers
        ],
    }


def dumps(value, indent=0):
    """value as json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) writes
    it, every line after the first indented by `indent` spaces more."""
    text = json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)
    return text.replace("\n", "\n" + " " * indent) if indent else text


def write(stream):
    """Write the whole site to a text stream: the same bytes as json.dumps of the whole
    document with indent=2 and sorted keys, followed by a newline, but question by
    question (the lists are written item by item)."""
    lists = {
        "askers": askers(),
        "categories": categories(),
        "questions": questions(),
        "retired_slugs": retired_slugs(),
        "tags": tags(),
    }
    document = {**lists, "format": FORMAT, "version": VERSION}
    stream.write("{")
    for number, key in enumerate(sorted(document)):
        stream.write(("," if number else "") + f"\n  {json.dumps(key)}: ")
        value = document[key]
        if key not in lists:
            stream.write(dumps(value, 2))
            continue
        empty = True
        for item in value:
            stream.write(("[" if empty else ",") + "\n    " + dumps(item, 4))
            empty = False
        stream.write("[]" if empty else "\n  ]")
    stream.write("\n}\n")
