"""Where each language of a question stands against its source language
(`Question.source_language`):

- **missing**: no title in it;
- **incomplete**: a part is missing (not `is_complete_<code>`, or no summary where the
  source has one);
- **outdated**: the source text of a translated part changed since that translation
  was made or last confirmed;
- **up to date** otherwise.

Outdated is decided by content, not by time: every
translated unit of text (the title, the summary, each answer's sub-question and body)
keeps the fingerprint of the source text it was made from (models.TranslationCheck),
taken when the translation first gets text and again only when a translator confirms
it. So a whitespace-only edit of the source changes no fingerprint, undoing an edit
makes it match again, and editing the translation alone cannot hide a source change.

refresh() runs on every save of a question (signals.py) and stores each language's
status with the time the source last changed (models.TranslationStatus), which is all
the dashboard reads. It works on rows, in batches, with the models of an app registry,
so that the data migration runs this same code with the historical models.
"""

import hashlib
from collections import defaultdict
from dataclasses import dataclass

from django.apps import apps as installed_apps
from django.utils.translation import gettext_lazy as _

from qa import languages
from qa.languages import column

from .models import TranslationStatus

Status = TranslationStatus.Status

QUESTION_FIELDS = [column(field, code) for field in ("title", "summary", "is_complete") for code in languages.codes()]
ANSWER_FIELDS = [column(field, code) for field in ("heading", "body") for code in languages.codes()]
LABELS = {
    "title": _("Question"),
    "summary": _("Summary"),
    "heading": _("Sub-question %(number)d"),
    "body": _("Answer %(number)d"),
}


def digest(text):
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def fingerprint(text):
    """Of a source text, however it is spaced: only a change of words outdates a translation."""
    return digest(" ".join((text or "").split()))


@dataclass(frozen=True)
class Unit:
    """One part of a question's text that is translated on its own, in every language."""

    key: str  # what its TranslationCheck rows are stored under
    kind: str  # a key of LABELS
    number: int  # of the answer it is part of, from 1 (0: of the question)
    texts: dict  # {code: text, "" where there is none}

    @property
    def label(self):
        return LABELS[self.kind] % {"number": self.number} if self.number else LABELS[self.kind]


def units_of(question, answers):
    """The units of a question's text (rows), in the order of the form."""

    def texts(row, field):
        return {code: row[column(field, code)] or "" for code in languages.codes()}

    units = [
        Unit("title", "title", 0, texts(question, "title")),
        Unit("summary", "summary", 0, texts(question, "summary")),
    ]
    for number, answer in enumerate(answers, start=1):
        for field in ("heading", "body"):
            units.append(Unit(f"{field}-{answer['pk']}", field, number, texts(answer, field)))
    return units


@dataclass
class QuestionText:
    """A question's text and the fingerprints its translations were checked against."""

    row: dict  # source_language, updated_at and QUESTION_FIELDS
    units: list
    checks: dict  # {(code, unit key): (TranslationCheck id, fingerprint)}

    @property
    def source(self):
        return self.row["source_language"]

    def source_prints(self):
        """{unit key: fingerprint of its source text}."""
        return {unit.key: fingerprint(unit.texts[self.source]) for unit in self.units}

    def outdated(self, code, prints):
        """The units of code whose translation was checked against another source text."""
        return [
            unit
            for unit in self.units
            if unit.texts[code] and self.checks.get((code, unit.key), (None, prints[unit.key]))[1] != prints[unit.key]
        ]

    def status(self, code, prints):
        if code == self.source:
            return Status.SOURCE
        if not self.row[column("title", code)]:
            return Status.MISSING
        summary = self.units[1].texts
        if not self.row[column("is_complete", code)] or (summary[self.source] and not summary[code]):
            return Status.INCOMPLETE
        return Status.OUTDATED if self.outdated(code, prints) else Status.UP_TO_DATE


def read(question_ids, apps=installed_apps):
    """[QuestionText] of the questions: three queries, whatever their number."""
    question, answer, check = (
        apps.get_model(label) for label in ("qa.Question", "qa.Answer", "editorial.TranslationCheck")
    )
    answers, checks = defaultdict(list), defaultdict(dict)
    rows = answer.objects.filter(question_id__in=question_ids).order_by("question_id", "position", "pk")
    for row in rows.values("pk", "question_id", *ANSWER_FIELDS):
        answers[row["question_id"]].append(row)
    rows = check.objects.filter(question_id__in=question_ids)
    for pk, question_id, code, unit, print_ in rows.values_list("pk", "question_id", "language", "unit", "fingerprint"):
        checks[question_id][code, unit] = (pk, print_)
    rows = question.objects.filter(pk__in=question_ids).order_by("pk")
    return [
        QuestionText(row, units_of(row, answers[row["pk"]]), checks[row["pk"]])
        for row in rows.values("pk", "source_language", "updated_at", *QUESTION_FIELDS)
    ]


def refresh(question_ids, apps=installed_apps):
    """Fingerprint the units just given a translation, forget those that lost theirs (or
    their answer, or became the source), and store each language's status; the time
    of the source's last change moves to the question's save when its text differs
    from the one stored. The same seven statements for one question or five hundred
    (a big insert split as the database needs)."""
    check, status = apps.get_model("editorial.TranslationCheck"), apps.get_model("editorial.TranslationStatus")
    stored = {
        (row["question_id"], row["language"]): row
        for row in status.objects.filter(question_id__in=question_ids).values(
            "question_id", "language", "status", "source_fingerprint", "source_changed_at"
        )
    }
    new, stale, rows = [], [], []
    for text in read(question_ids, apps):
        pk, prints = text.row["pk"], text.source_prints()
        translated = {
            (code, unit.key)
            for code in languages.codes()
            if code != text.source
            for unit in text.units
            if unit.texts[code]
        }
        for key in text.checks.keys() - translated:
            stale.append(text.checks.pop(key)[0])
        for code, key in translated - text.checks.keys():
            new.append(check(question_id=pk, language=code, unit=key, fingerprint=prints[key]))
            text.checks[code, key] = (None, prints[key])
        source = digest(" ".join([text.source, *(f"{key}={prints[key]}" for key in sorted(prints))]))
        for code in languages.codes():
            before = stored.get((pk, code))
            changed_at = (
                before["source_changed_at"]
                if before and before["source_fingerprint"] == source
                else text.row["updated_at"]
            )
            now = {"status": text.status(code, prints), "source_fingerprint": source, "source_changed_at": changed_at}
            if before is None or any(before[field] != value for field, value in now.items()):
                rows.append(status(question_id=pk, language=code, **now))
    if stale:
        check.objects.filter(pk__in=stale).delete()
    check.objects.bulk_create(new, ignore_conflicts=True)
    status.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["question", "language"],
        update_fields=["status", "source_fingerprint", "source_changed_at"],
    )


def refresh_in_batches(question_ids, apps=installed_apps, batch_size=500):
    """refresh() these questions, batch_size at a time (a change of thousands of them:
    an import, the data migration)."""
    question_ids = list(question_ids)
    for start in range(0, len(question_ids), batch_size):
        refresh(question_ids[start : start + batch_size], apps)


def refresh_all(apps=installed_apps, batch_size=500):
    """refresh() every question, batch by batch: what the data migration does, and what
    questions written without a save (qa.generator's bulk inserts) need to be listed."""
    ids = apps.get_model("qa.Question").objects.order_by("pk").values_list("pk", flat=True)
    refresh_in_batches(ids, apps, batch_size)


def confirm(question_id, checked, against=None):
    """A translator checked translations against the source as it is now: checked is
    {code: unit keys, or None for every translated unit of the language}. against,
    {unit key: fingerprint}, names the source text they checked against instead, where
    it may be older than the one stored now (a translation file exported before an
    edit that came in meanwhile: that unit then stays outdated)."""
    check = installed_apps.get_model("editorial.TranslationCheck")
    for text in read([question_id]):
        prints = {**text.source_prints(), **(against or {})}
        check.objects.bulk_create(
            [
                check(question_id=question_id, language=code, unit=unit.key, fingerprint=prints[unit.key])
                for code, keys in checked.items()
                if code in languages.codes() and code != text.source
                for unit in text.units
                if unit.texts[code] and (keys is None or unit.key in keys)
            ],
            update_conflicts=True,
            unique_fields=["question", "language", "unit"],
            update_fields=["fingerprint"],
        )
        refresh([question_id])


@dataclass(frozen=True)
class Outdated:
    """An outdated unit as the change form shows it, beside its source text."""

    value: str  # of its "translation checked" checkbox: "<code>:<unit key>"
    label: str
    source_text: str
    text: str


@dataclass(frozen=True)
class LanguageReport:
    code: str
    status: str
    outdated: list  # [Outdated]
    source: str  # the code of the question's source language

    @property
    def name(self):
        return languages.name(self.code)

    @property
    def source_name(self):
        return languages.name(self.source)

    @property
    def status_label(self):
        return Status(self.status).label


def report(question_id):
    """[LanguageReport] of every language of the question, in tab order, from its text as stored."""
    reports = []
    for text in read([question_id]):
        prints = text.source_prints()
        for code in languages.codes():
            status = text.status(code, prints)
            outdated = [] if status in (Status.SOURCE, Status.MISSING) else text.outdated(code, prints)
            items = [
                Outdated(f"{code}:{unit.key}", unit.label, unit.texts[text.source], unit.texts[code])
                for unit in outdated
            ]
            reports.append(LanguageReport(code, status, items, text.source))
    return reports
