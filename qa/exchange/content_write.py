"""Writing a checked content document (content_read.read) into the database.

All of it is one transaction and one qa.signals.one_change(): readers and other app
servers see the whole import or nothing of it. Each question it changes gets a version
in one revision of the history (django-reversion), to compare and restore as after an
edit; a question it creates starts its history with its next edit. Objects are found
by their uuid and created or updated; objects the file does not name are left alone
(an import never deletes, except the answers of a question it gives fewer answers).
Only what differs is written, so importing the same file twice changes nothing the
second time.

Everything derived follows from the models' own saves, as on an edit in the admin:
read times, availability, rendered Markdown, stored counts, the search index, the
translation status and the content version (so no cached page outlives the import).
Then what a save cannot write is put back as the file has it: a question's
`updated_at` (auto_now on every save), the translation fingerprints (which a save
takes from the text as it is now), the time the source last changed, and each
retired slug's date.

Answers have no identifier of their own: they are matched by their place in the
question (the first answer of the file updates the first answer stored, ...), so their
translation fingerprints stay attached to them.
"""

from collections import Counter
from dataclasses import dataclass, field

import reversion
from django.conf import settings
from django.db import DataError, IntegrityError, transaction
from django.utils import translation

from qa import languages
from qa.content_version import bump_content_version
from qa.editorial import translation_status
from qa.editorial.models import TranslationCheck, TranslationStatus
from qa.languages import column
from qa.models import Answer, Asker, Category, Question, RetiredSlug, Tag
from qa.signals import one_change

from .content import ANSWER_TEXTS, CATEGORY_TEXTS, QUESTION_TEXTS, QUESTION_UNITS, TAG_TEXTS
from .content_read import ContentError


@dataclass
class Report:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)

    def count(self, kind, created, changed):
        (self.created if created else self.updated if changed else self.unchanged)[kind] += 1

    @property
    def changed(self):
        return bool(self.created or self.updated)

    def summary(self):
        parts = [f"{n} {kind} created" for kind, n in sorted(self.created.items())]
        parts += [f"{n} {kind} updated" for kind, n in sorted(self.updated.items())]
        parts += [f"{n} {kind} unchanged" for kind, n in sorted(self.unchanged.items())]
        return ", ".join(parts) or "nothing in the file"


def per_language(values, name):
    """{column: text or None} of every language: a language the file leaves out has none."""
    return {column(name, code): values.get(code) for code in languages.codes()}


def texts_of(record, fields):
    """The per-language columns of fields, as record gives them."""
    return {name: text for field in fields for name, text in per_language(record[field], field).items()}


def save_changes(obj, values):
    """Set on obj (new or stored) the values that differ and save it if anything did, or
    if it is new; returns whether a value changed."""
    changed = {name: value for name, value in values.items() if getattr(obj, name) != value}
    for name, value in changed.items():
        setattr(obj, name, value)
    if obj.pk is None or changed:
        obj.save()
    return bool(changed)


def write_object(model, values, report, kind):
    """The object with values["uuid"], created or updated with values where they differ."""
    obj = model.objects.filter(uuid=values["uuid"]).first()
    created = obj is None
    obj = obj or model()
    report.count(kind, created, save_changes(obj, values))
    return obj


@transaction.atomic
def load(document, user=None, comment="import_content"):
    """Write a checked document; return a Report. Raises ContentError when the
    database refuses a row all the same (a slug two objects of the file swap, say, or a
    value out of a column's range that the checks missed)."""
    report = Report()
    try:
        with translation.override(settings.LANGUAGE_CODE):  # the base columns mirror one fixed language
            return _load(document, report, user, comment)
    except (IntegrityError, DataError) as error:
        raise ContentError([f"the database refused the import, nothing changed: {error}"]) from error


def _load(document, report, user, comment):
    # Recorded by hand: one version of each question the import changes, none of the ones
    # it creates (their history starts here; recording 100,000 new questions would hold
    # every one of them in memory until the end, for a history of one entry each).
    with reversion.create_revision(manage_manually=True), one_change():
        reversion.set_comment(comment)
        if user is not None:
            reversion.set_user(user)
        written = write_all(document, report)
    restore_what_saves_cannot(document, written)
    if report.changed:
        bump_content_version(labels=True)  # updated_at may have gone back: every article's key moves
    return report


def write_all(document, report):
    categories = {
        record["uuid"]: write_object(
            Category,
            {
                "uuid": record["uuid"],
                "position": record["position"],
                **texts_of(record, CATEGORY_TEXTS),
            },
            report,
            "categories",
        ).pk
        for record in document["categories"]
    }
    tags = {
        record["uuid"]: write_object(
            Tag,
            {"uuid": record["uuid"], **texts_of(record, TAG_TEXTS)},
            report,
            "tags",
        ).pk
        for record in document["tags"]
    }
    askers = {
        record["uuid"]: write_object(
            Asker, {"uuid": record["uuid"], "name": record["name"], "slug": record["slug"]}, report, "askers"
        ).pk
        for record in document["askers"]
    }
    ids = IdsByUuid(categories, tags, askers)
    return {record["uuid"]: write_question(record, ids, report) for record in document["questions"]}


class IdsByUuid:
    """The primary keys of the objects a question refers to: written by this import, or
    already in the database (content_read checked that they are one or the other)."""

    def __init__(self, categories, tags, askers):
        self.found = {Category: categories, Tag: tags, Asker: askers}

    def __call__(self, model, uuid):
        known = self.found[model]
        if uuid not in known:
            known[uuid] = model.objects.values_list("pk", flat=True).get(uuid=uuid)
        return known[uuid]


def write_question(record, ids, report):
    """The question with its answers and tags; returns its primary key."""
    values = {
        "uuid": record["uuid"],
        "category_id": ids(Category, record["category"]),
        "asker_id": ids(Asker, record["asker"]),
        "source_language": record["source_language"],
        "published_at": record["published_at"],
        **texts_of(record, QUESTION_TEXTS),
        **{column("state", code): record["state"][code] for code in languages.codes()},
        **per_language(record["publish_at"], "publish_at"),
    }
    question = Question.objects.filter(uuid=record["uuid"]).first()
    created = question is None
    question = question or Question()
    changed = save_changes(question, values)
    answers_changed = write_answers(question, record["answers"])
    wanted_tags = {ids(Tag, uuid) for uuid in record["tags"]}
    tags_changed = set(question.tags.values_list("pk", flat=True)) != wanted_tags
    if tags_changed:
        question.tags.set(list(Tag.objects.filter(pk__in=wanted_tags)))
    updated = changed or answers_changed or tags_changed
    if updated and not created:
        reversion.add_to_revision(question)
    report.count("questions", created, updated)
    return question.pk


def write_answers(question, records):
    """The answers in the file's order, matched to the stored ones by place."""
    stored = list(question.answers.order_by("position", "pk"))
    changed = len(stored) > len(records)
    for answer in stored[len(records) :]:
        answer.delete()
    for position, record in enumerate(records, start=1):
        answer = stored[position - 1] if position <= len(stored) else Answer(question=question)
        new = answer.pk is None
        changed = save_changes(answer, {"position": position, **texts_of(record, ANSWER_TEXTS)}) or new or changed
    return changed


def restore_what_saves_cannot(document, written):
    """updated_at, the translation fingerprints and source change times, and the
    retired slugs with their dates, as the file has them."""
    for record in document["questions"]:
        pk = written[record["uuid"]]
        Question.objects.filter(pk=pk).exclude(updated_at=record["updated_at"]).update(updated_at=record["updated_at"])
        restore_checks(pk, record)
    translation_status.refresh_in_batches(sorted(written.values()))
    for record in document["questions"]:
        if record["source_changed_at"] is not None:
            TranslationStatus.objects.filter(question_id=written[record["uuid"]]).exclude(
                source_changed_at=record["source_changed_at"]
            ).update(source_changed_at=record["source_changed_at"])
    restore_retired_slugs(document, written)


def restore_checks(pk, record):
    """The question's TranslationCheck rows as the file has them (unit keys name the
    answers by their primary key: translation_status.units_of)."""
    answer_ids = list(Answer.objects.filter(question_id=pk).order_by("position", "pk").values_list("pk", flat=True))
    wanted = {
        (code, unit): fingerprint for unit in QUESTION_UNITS for code, fingerprint in record["checked"][unit].items()
    }
    for answer_id, answer in zip(answer_ids, record["answers"], strict=True):
        for unit in ANSWER_TEXTS:
            for code, fingerprint in answer["checked"][unit].items():
                wanted[code, f"{unit}-{answer_id}"] = fingerprint
    stored = {
        (code, unit): (check_id, fingerprint)
        for check_id, code, unit, fingerprint in TranslationCheck.objects.filter(question_id=pk).values_list(
            "pk", "language", "unit", "fingerprint"
        )
    }
    gone = [check_id for key, (check_id, _print) in stored.items() if key not in wanted]
    TranslationCheck.objects.filter(pk__in=gone).delete()
    TranslationCheck.objects.bulk_create(
        [
            TranslationCheck(question_id=pk, language=code, unit=unit, fingerprint=fingerprint)
            for (code, unit), fingerprint in wanted.items()
            if stored.get((code, unit), (None, None))[1] != fingerprint
        ],
        update_conflicts=True,
        unique_fields=["question", "language", "unit"],
        update_fields=["fingerprint"],
    )


def restore_retired_slugs(document, written):
    """The file's retired slugs, each pointing at its question (None: a deleted one)
    and dated as the file has it; slugs the file does not name are left as they are."""
    question_ids = dict(written)
    missing = {r["question"] for r in document["retired_slugs"] if r["question"] is not None} - question_ids.keys()
    question_ids.update(Question.objects.filter(uuid__in=missing).values_list("uuid", "pk"))
    stored = {
        (code, slug): (pk, question_id, retired_at)
        for pk, code, slug, question_id, retired_at in RetiredSlug.objects.values_list(
            "pk", "language", "slug", "question_id", "retired_at"
        )
    }
    for record in document["retired_slugs"]:
        question_id = None if record["question"] is None else question_ids[record["question"]]
        wanted = {"question_id": question_id, "retired_at": record["retired_at"]}
        before = stored.get((record["language"], record["slug"]))
        if before is None:
            pk = RetiredSlug.objects.create(language=record["language"], slug=record["slug"], **wanted).pk
        elif before[1:] == (question_id, record["retired_at"]):
            continue
        else:
            pk = before[0]
        RetiredSlug.objects.filter(pk=pk).update(**wanted)  # retired_at is auto_now on save()
