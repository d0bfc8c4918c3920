"""The translations of one language as a gettext PO file, for translators' own tools
(Poedit, Weblate, OmegaT, Lokalize, ...): `export(code)` writes it, `import_file(file)`
takes it back. `manage.py export_translations` / `import_translations` and the
translation dashboard's links (po_admin.py) call these two.

What an entry is:

- one per translatable unit of a question (qa.editorial.translation_status.units_of:
  the title, the summary, each answer's sub-question and body) whose source text is not
  empty, for every question whose source language is not the file's language;
- `msgctxt` names the unit by the question's stable uuid and its part:
  `"<uuid>:title"`, `"<uuid>:summary"`, `"<uuid>:heading-3"`, `"<uuid>:body-3"`, where 3
  is the answer's number in order (1-based, as the change form shows them), not its
  database id: a file means the same thing in every database the content is moved to;
- `msgid` is the source-language text, `msgstr` the translation as it is now ("" when
  there is none), and an entry whose translation is outdated (its source text changed
  since it was made or confirmed) is marked `fuzzy`: that is what fuzzy means in
  gettext, and every tool lists those entries as needing work;
- the extracted comment (`#.`) says what the unit is ("Sub-question 3"), where the
  question is in its source language, which language that is, and last, on a line of
  its own that is never translated, `source-fingerprint: <hex>`: the
  translation_status.fingerprint of the source text when the file was exported.

Why the fingerprint is in the extracted comment: the tools keep `#.` comments as the
notes of whoever made the file and show them read-only, so translators neither edit nor
lose them. Translator comments (`# `) are theirs to edit, flags are rewritten whenever
an entry is (un)marked fuzzy, and a previous msgid (`#|`) is dropped by the tools once
an entry is no longer fuzzy.

Which questions: by default every question not written in the language (whatever its
stored status: questions written by bulk insert without one are included). With
`statuses` (a subset of outdated, missing, incomplete, up_to_date: the stored
TranslationStatus of the language), only those questions, with all of their units:
the units already up to date give the translator the context of the others, and every
tool filters on fuzzy and untranslated entries. Questions come newest first (as the
site lists them, the uuid breaking ties), units in the order of the form, so the file
is the same for the same content apart from its POT-Creation-Date. Their text is read
per batch with translation_status.read(): three queries per batch of questions.

Importing checks the whole file first and writes nothing unless every entry is right
(a half-imported file leaves a translator unable to tell what went in):

- a file larger than settings.UPLOAD_MAX_BYTES is refused, naming the limit, before it
  is read; the rest is read by polib's parser made linear in the file's size
  (LinearParser: polib's own took 33 s for a 10 MB msgstr of short lines);
- the file's `Language` header is the language written; it must be one of the site's,
  and the language the uploader chose (the admin's form and `import_translations
  --language` ask for it): the header is only text in the file, and an `nl` file
  relabelled `de` would write Dutch into the German columns and mark it checked;
- each entry names an existing question (by uuid) and part (answer 3 must exist), not
  of a question written in that language, and its recorded fingerprint must be that of
  the source text as it is now (otherwise the source changed since the export: the
  entry is refused, "export again"), and the msgid must still be that text. Both are
  compared by fingerprint, the translation status's own rule: a whitespace-only edit of
  the source outdates no translation, so it refuses no file either;
- answers are addressed by number, so reordering, inserting or deleting answers after
  the export is caught by the same check: answer 3 then has another text (or is
  gone), and the entry is refused rather than written into the wrong answer. An answer
  added at the end changes no number: the file imports, the new answer is just not in it;
- what is written keeps the models' rules: at most max_length characters for a title or
  sub-question, a body within qa.markdown.validate_body, a sub-question and its answer
  both or neither in the language (Answer.clean), and a published language's title
  that gives an address (Question.clean); a msgstr with a NUL character, which
  PostgreSQL's text cannot store, is refused like them;
- an empty msgstr leaves the unit as it is.

A dry run runs these same checks (Plan.check, in the same order, on the same
transaction's reads) and leaves out only the writing: it refuses exactly what a real
import of the file would refuse.

Then, in one transaction, one qa.signals.one_change() and one revision ("Translations
imported from a PO file"), the translations are saved through the models' save()
(so Markdown is rendered, and read time, availability, the search index, the counts
and the content version, hence the page cache, follow as on any save). Only the
columns of the file's language are written (update_fields): a save never puts back the
source or another language as it was read, over an editor's change made meanwhile. The units of the
entries not marked fuzzy are then confirmed (translation_status.confirm): the
translator took them as right against the source as exported (the recorded
fingerprint, so a source edited while the file is imported leaves its unit outdated).
A fuzzy entry with a msgstr
is written but not confirmed, since the translator did not mark it done; a unit that
had a translation stays outdated, while one translated for the first time is
fingerprinted on save like any new translation (translation_status.refresh).
"""

import itertools
import os
import textwrap
import uuid
from dataclasses import dataclass
from pathlib import Path

import polib
import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from qa import languages
from qa.editorial import translation_status
from qa.editorial.models import TranslationStatus
from qa.languages import column
from qa.links import slug_path
from qa.markdown import validate_body
from qa.models import Answer, Question
from qa.signals import DERIVED_FIELDS, one_change

Status = TranslationStatus.Status
# What `statuses` may name: every stored status of a language but the source.
STATUSES = [Status.OUTDATED, Status.MISSING, Status.INCOMPLETE, Status.UP_TO_DATE]
BATCH_SIZE = 500
PROJECT = "Project Sports content"
FINGERPRINT = "source-fingerprint: "  # the comment line import reads: never translated
FUZZY = "fuzzy"
UNSTORABLE = "\x00"  # the one character PostgreSQL's text refuses (SQLite takes it)
QUESTION_PARTS = ("title", "summary")
ANSWER_PARTS = ("heading", "body")


class Refused(Exception):
    """The file was not imported: problems says why, each entry at fault named."""

    def __init__(self, problems):
        self.problems = [str(problem) for problem in problems]
        super().__init__("\n".join(self.problems))


# Export.


def check_language(code):
    """code if it is one of the site's languages; ValueError naming them otherwise."""
    if code not in languages.codes():
        raise ValueError(
            _("“%(language)s” is not one of the site's languages (%(codes)s).")
            % {"language": code, "codes": ", ".join(languages.codes())}
        )
    return code


def check_statuses(statuses):
    """The statuses as a list (None for all), each one of STATUSES; ValueError naming
    the allowed values otherwise."""
    if statuses is None:
        return None
    unknown = [status for status in statuses if status not in STATUSES]
    if unknown or not statuses:
        raise ValueError(
            _("Unknown status “%(status)s”: choose from %(allowed)s.")
            % {"status": ", ".join(unknown), "allowed": ", ".join(STATUSES)}
        )
    return list(statuses)


def statuses_from(text):
    """The statuses named in a comma list ("outdated,missing"), None for none given."""
    if not text:
        return None
    return check_statuses([part.strip() for part in text.split(",") if part.strip()] or [text])


def part_of(unit):
    """A unit's name in msgctxt: title, summary, heading-<n>, body-<n> (n: the answer's number)."""
    return f"{unit.kind}-{unit.number}" if unit.number else unit.kind


def questions_to_export(code, statuses):
    """The rows (pk, uuid, source language, slugs) of the questions to export, in file order: one query."""
    questions = Question.objects.exclude(source_language=code)
    if statuses is not None:
        questions = questions.filter(translation_statuses__language=code, translation_statuses__status__in=statuses)
    slugs = [column("slug", c) for c in languages.codes()]
    return list(questions.order_by("-published_at", "uuid").values("pk", "uuid", "source_language", *slugs))


def question_url(row, absolute=None):
    """The question's address in its source language (as get_absolute_url gives it
    under that language), or None when it has no slug there."""
    source = row["source_language"]
    slug = row[column("slug", source)]
    if not slug:
        return None
    path = slug_path(source, "qa:question", slug)
    return absolute(path) if absolute else path


def entries_of(row, text, code, absolute=None):
    """The entries of one question (QuestionText from translation_status.read)."""
    prints = text.source_prints()
    outdated = {unit.key for unit in text.outdated(code, prints)}
    url = question_url(row, absolute)
    source_note = _("Written in %(language)s (%(code)s).") % {
        "language": languages.name(text.source),
        "code": text.source,
    }
    entries = []
    for unit in text.units:
        source_text = unit.texts[text.source]
        if not source_text:
            continue
        notes = [f"{unit.label}: {url}" if url else str(unit.label), source_note, f"{FINGERPRINT}{prints[unit.key]}"]
        entries.append(
            polib.POEntry(
                msgctxt=f"{row['uuid']}:{part_of(unit)}",
                msgid=source_text,
                msgstr=unit.texts[code],
                comment="\n".join(notes),
                flags=[FUZZY] if unit.key in outdated else [],
            )
        )
    return entries


def export(code, statuses=None, absolute=None):
    """The PO file (polib.POFile) of language code: see the module's docstring.
    `absolute` turns a path into an absolute URL (the admin passes
    request.build_absolute_uri); without it the comments give paths."""
    code, statuses = check_language(code), check_statuses(statuses)
    rows = questions_to_export(code, statuses)
    sources = {row["source_language"] for row in rows}
    po = polib.POFile(wrapwidth=78)
    po.metadata = {
        "Project-Id-Version": PROJECT,
        "POT-Creation-Date": timezone.now().strftime("%Y-%m-%d %H:%M%z"),
        "Language": code,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Languages": ", ".join(c for c in languages.codes() if c in sources),
    }
    # The notes are for the translator: in the language they translate into, whoever exports.
    with translation.override(code):
        header = _(
            "Project Sports: questions and answers to translate into %(language)s.\n"
            "Fill in each msgstr. An entry marked fuzzy has a translation whose source text has changed "
            "since: check it, correct it and unmark it. Leave msgctxt, msgid and the #. comments as they are: "
            "the import checks them."
        ) % {"language": languages.name(code)}
        po.header = "\n".join(textwrap.fill(paragraph, 76) for paragraph in header.split("\n"))
        for start in range(0, len(rows), BATCH_SIZE):
            batch = rows[start : start + BATCH_SIZE]
            texts = {text.row["pk"]: text for text in translation_status.read([row["pk"] for row in batch])}
            for row in batch:
                if row["pk"] in texts:  # else deleted since the rows were read
                    po.extend(entries_of(row, texts[row["pk"]], code, absolute))
    return po


# Import.


@dataclass
class Report:
    """What an import did (or, dry run, would do), in units of text."""

    language: str
    questions: int = 0  # with at least one unit written
    written: int = 0
    confirmed: int = 0  # marked checked against the source as it is
    unchanged: int = 0  # an empty msgstr, or the text the unit has
    fuzzy: int = 0  # a msgstr still marked fuzzy: written, not confirmed
    dry_run: bool = False

    def __str__(self):
        return _(
            "%(language)s: %(written)d part(s) of %(questions)d question(s) written, %(confirmed)d confirmed as "
            "checked, %(unchanged)d unchanged, %(fuzzy)d still marked fuzzy (not confirmed)."
        ) % {**self.__dict__, "language": languages.name(self.language)}


@dataclass
class Change:
    """One entry of the file, checked against the question it names."""

    number: int  # of the entry in the file, from 1
    entry: polib.POEntry
    question_id: int = None
    unit: translation_status.Unit = None

    @property
    def text(self):
        return self.entry.msgstr

    @property
    def fuzzy(self):
        return FUZZY in self.entry.flags

    def problem(self, problem):
        return _("entry %(number)d (%(context)s, “%(text)s”): %(problem)s") % {
            "number": self.number,
            "context": self.entry.msgctxt or "",
            "text": Truncator(" ".join(self.entry.msgid.split())).chars(40),
            "problem": problem,
        }


# The attribute of the entry a continuation line adds to, by the parser's state (as
# polib's handle_mc has it); a continued msgstr[n] adds to msgstr_plural[n].
CONTINUED = {
    "ct": "msgctxt",
    "mi": "msgid",
    "mp": "msgid_plural",
    "ms": "msgstr",
    "pc": "previous_msgctxt",
    "pm": "previous_msgid",
    "pp": "previous_msgid_plural",
}


def joined(text, lines):
    """What polib makes of lines added to text one at a time: each after a line break,
    except while the text is still empty."""
    if not text:
        lines = list(itertools.dropwhile(lambda line: not line, lines))
    return "\n".join([text, *lines] if text else lines)


class LinearParser(polib._POFileParser):
    """polib's own parser (polib 1.2.0, pinned in requirements.txt), with its results and
    its errors, in a time linear in the size of the file. polib adds each continuation
    line of a string, and each line of a comment or of the header, to an attribute with
    +=, which copies the text so far (CPython concatenates in place only a local
    variable): 10 MB of msgstr lines took 33 s, 10 MB of comment lines 49 s. Here the
    lines are kept in lists and joined once: a string's when its lines end (at the next
    line of another kind, so an attribute polib sets again is set as it sets it), the
    comments when the entry is added to the file, the header at the end."""

    def __init__(self, text):
        super().__init__(text, encoding="utf-8")
        self.string = None  # (attribute, or index of msgstr_plural, [texts]) being continued
        self.comments = {"comment": [], "tcomment": []}  # lines of the current entry
        self.header = []
        self.instance.append = self.append  # how polib adds each entry it has read

    def parse(self):
        try:
            pofile = super().parse()
        finally:
            del self.instance.append
        pofile.header = joined("", self.header)
        pofile.wrapwidth = 78  # what polib.pofile() sets
        return pofile

    def append(self, entry):
        """The entry is complete (polib adds only the current one): join its lines."""
        self.end_string()
        for attribute, lines in self.comments.items():
            if lines:
                setattr(entry, attribute, joined(getattr(entry, attribute), lines))
                lines.clear()
        polib.POFile.append(self.instance, entry)

    def process(self, symbol):
        if symbol != "mc":
            self.end_string()
        super().process(symbol)

    def end_string(self):
        if self.string is not None:
            target, texts = self.string
            self.string = None
            if isinstance(target, int):
                self.current_entry.msgstr_plural[target] += "".join(texts)
            else:
                setattr(self.current_entry, target, getattr(self.current_entry, target) + "".join(texts))

    def handle_mc(self):
        target = self.msgstr_index if self.current_state == "mx" else CONTINUED.get(self.current_state)
        if target is not None:
            if self.string is None:
                self.string = (target, [])
            self.string[1].append(polib.unescape(self.current_token[1:-1]))
        return False  # the state stays

    def end_entry(self):
        """polib's rule: a comment after a msgstr starts the next entry."""
        if self.current_state in ("mc", "ms", "mx"):
            self.instance.append(self.current_entry)
            self.current_entry = polib.POEntry(linenum=self.current_line)

    def handle_he(self):
        self.header.append(self.current_token[2:])
        return True

    def handle_tc(self):
        self.end_entry()
        comment = self.current_token.lstrip("#")
        self.comments["tcomment"].append(comment[1:] if comment.startswith(" ") else comment)
        return True

    def handle_gc(self):
        self.end_entry()
        self.comments["comment"].append(self.current_token[3:])
        return True


def size_limit(size):
    """Refused, naming the limit, when a file of size bytes is more than the site takes
    (settings.UPLOAD_MAX_BYTES): checked before anything of it is read."""
    if size > settings.UPLOAD_MAX_BYTES:
        raise Refused(
            [
                _("The file is %(size)s; at most %(limit)s are taken. Export fewer questions at a time (by status).")
                % {"size": filesizeformat(size), "limit": filesizeformat(settings.UPLOAD_MAX_BYTES)}
            ]
        )


def parse(source):
    """A polib.POFile from a POFile, a path (os.PathLike), bytes or str of its text; one
    larger than settings.UPLOAD_MAX_BYTES is refused before it is read."""
    if isinstance(source, polib.POFile):
        return source
    if isinstance(source, os.PathLike):
        size_limit(Path(source).stat().st_size)
        source = Path(source).read_bytes()
    size_limit(len(source) if isinstance(source, bytes) else len(source.encode("utf-8", "surrogatepass")))
    if isinstance(source, bytes):
        try:
            source = source.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise Refused([_("The file is not UTF-8 text: save it as UTF-8 and upload it again.")]) from None
    # polib reads a str that names an existing file as that file: a text without a line
    # break could (an upload of "/etc/hostname"). A line break makes it no file name.
    try:
        return LinearParser(source if "\n" in source else f"{source}\n").parse()
    except (OSError, ValueError) as error:
        raise Refused([_("This is not a PO file that can be read: %(error)s") % {"error": error}]) from None


def language_of(po):
    """The code of the file's Language header ("de", also "de_DE" or "de-DE")."""
    value = (po.metadata.get("Language") or "").strip()
    codes = ", ".join(languages.codes())
    if not value:
        raise Refused(
            [
                _("The file has no Language header: it must say which language its translations are in (%(codes)s).")
                % {"codes": codes}
            ]
        )
    wanted = value.replace("_", "-").lower()
    for code in (wanted, wanted.split("-")[0]):
        if code in languages.codes():
            return code
    raise Refused(
        [
            _("The file's language “%(language)s” is not one of the site's languages (%(codes)s).")
            % {"language": value, "codes": codes}
        ]
    )


def recorded_fingerprint(entry):
    for line in (entry.comment or "").splitlines():
        if line.strip().startswith(FINGERPRINT):
            return line.strip()[len(FINGERPRINT) :].strip()
    return None


def named(entry):
    """(question uuid, part) named by the entry's msgctxt, or None."""
    identifier, _colon, part = (entry.msgctxt or "").partition(":")
    try:
        identifier = uuid.UUID(identifier)
    except ValueError:
        return None
    kind, _dash, number = part.partition("-")
    if part in QUESTION_PARTS or (kind in ANSWER_PARTS and number.isdigit() and int(number) > 0):
        return identifier, f"{kind}-{int(number)}" if number else part
    return None


def unstorable(position):
    return _(
        "its msgstr has a NUL character (U+0000) at character %(position)d, which the database cannot store: remove it"
    ) % {"position": position + 1}


class Plan:
    """The checked entries of a file and what writing them takes."""

    def __init__(self, code):
        self.code = code
        self.problems = []  # [(entry number, message)]
        self.changes = []  # [Change] of every entry that passed
        self.texts = {}  # {question id: QuestionText}

    def refuse(self, change, problem):
        self.problems.append((change.number, change.problem(problem)))

    def refusal(self):
        """Refused, naming the entries in the order of the file (a stable sort keeps an
        entry's own problems in the order they were found)."""
        return Refused(message for _number, message in sorted(self.problems, key=lambda problem: problem[0]))

    def check(self, entries):
        by_uuid = self.check_names(entries)
        uuids, ids = list(by_uuid), {}
        for start in range(0, len(uuids), BATCH_SIZE):
            ids.update(Question.objects.filter(uuid__in=uuids[start : start + BATCH_SIZE]).values_list("uuid", "pk"))
        pks = sorted(ids.values())
        for start in range(0, len(pks), BATCH_SIZE):  # three queries per batch
            self.texts.update(
                (text.row["pk"], text) for text in translation_status.read(pks[start : start + BATCH_SIZE])
            )
        for identifier, changes in by_uuid.items():
            text = self.texts.get(ids.get(identifier))
            for change, part in changes:
                self.check_source(change, text, part)
        # Whether a sub-question keeps its answer depends on the other entries: with one
        # of them refused, it is asked again once the file is right (no false alarms).
        self.check_texts(pairs=not self.problems)

    def check_names(self, entries):
        """{question uuid: [(Change, part)]} of the entries that name a part, once each."""
        by_uuid, seen = {}, {}
        for number, entry in enumerate(entries, start=1):
            change = Change(number, entry)
            name = named(entry)
            if entry.msgid_plural:
                self.refuse(change, _("plural forms are not part of these files"))
            elif name is None:
                self.refuse(
                    change, _("its msgctxt names no part of a question (“<question identifier>:<part>”, as exported)")
                )
            elif name in seen:
                self.refuse(change, _("it is in the file twice (also entry %(other)d)") % {"other": seen[name]})
            else:
                seen[name] = number
                by_uuid.setdefault(name[0], []).append((change, name[1]))
        return by_uuid

    def check_source(self, change, text, part):
        """The entry's question and part exist, and its source text is the one exported."""
        if text is None:
            problem = _("no question has this identifier (deleted since, or in another site's file)")
        elif text.source == self.code:
            problem = _("this question is written in %(language)s: its text there is the source, not a translation")
            problem %= {"language": languages.name(self.code)}
        else:
            unit = next((unit for unit in text.units if part_of(unit) == part), None)
            recorded = recorded_fingerprint(change.entry)
            now = unit and translation_status.fingerprint(unit.texts[text.source])
            if unit is None:
                problem = _("the question has no such part (any more): its answers have changed; export again")
            elif recorded is None:
                problem = _(
                    "it has no “#. source-fingerprint:” comment: only the entries of an exported file can be imported"
                )
            elif recorded != now:
                problem = _("the source text has changed since this file was exported; export again")
            elif translation_status.fingerprint(change.entry.msgid) != recorded:
                problem = _("its msgid is not the source text that was exported: leave the msgid as it is")
            else:
                change.question_id, change.unit = text.row["pk"], unit
                self.changes.append(change)
                return
        self.refuse(change, problem)

    def written(self):
        """The changes that give a unit another text."""
        return [change for change in self.changes if change.text and change.text != change.unit.texts[self.code]]

    def check_texts(self, pairs=True):
        """The models' rules for what is about to be written, named on its entry."""
        written = self.written()
        given = {(change.question_id, change.unit.key): change for change in written}
        for change in written:
            field, model = change.unit.kind, Question if change.unit.kind in QUESTION_PARTS else Answer
            if (position := change.text.find(UNSTORABLE)) >= 0:
                self.refuse(change, unstorable(position))
            try:
                model._meta.get_field(field).run_validators(change.text)
                if field == "body":
                    validate_body(change.text)
            except ValidationError as error:
                for message in error.messages:
                    self.refuse(change, message)
            if pairs and field in ANSWER_PARTS:
                self.check_pair(change, given)
        # A published language's title must give an address (Question.clean). A new title
        # keeps the slug there is (save() fills in empty ones only): only a language
        # without one can end up without an address, and only those are cleaned.
        slug = column("slug", self.code)
        titled = {change.question_id: change for change in written if change.unit.kind == "title"}
        for question in Question.objects.filter(Q(**{f"{slug}__isnull": True}) | Q(**{slug: ""}), pk__in=titled):
            change = titled[question.pk]
            setattr(question, column("title", self.code), change.text)
            try:
                question.clean()
            except ValidationError as error:
                messages = getattr(error, "error_dict", {}).get(slug, [])
                for message in (message for each in messages for message in each.messages):
                    self.refuse(change, message)

    def check_pair(self, change, given):
        """Answer.clean: a sub-question and its answer both or neither, in the language."""
        other = "body" if change.unit.kind == "heading" else "heading"
        other_key = f"{other}-{change.unit.key.partition('-')[2]}"
        other_unit = next(unit for unit in self.texts[change.question_id].units if unit.key == other_key)
        other_change = given.get((change.question_id, other_key))
        if not (other_change.text if other_change else other_unit.texts[self.code]):
            message = _("%(language)s: fill in both the sub-question and its answer, or neither.")
            self.refuse(change, message % {"language": languages.name(self.code)})

    def report(self, confirm, dry_run):
        written = self.written()
        return Report(
            language=self.code,
            questions=len({change.question_id for change in written}),
            written=len(written),
            confirmed=len(self.confirmed()) if confirm else 0,
            unchanged=len(self.changes) - len(written),
            fuzzy=len([change for change in self.changes if change.text and change.fuzzy]),
            dry_run=dry_run,
        )

    def confirmed(self):
        """The changes that confirm their unit: a msgstr the translator did not leave fuzzy."""
        return [change for change in self.changes if change.text and not change.fuzzy]

    def write(self, confirm, user=None):
        code, written = self.code, self.written()
        by_question = {}
        for change in written:
            by_question.setdefault(change.question_id, []).append(change)
        comment = _("Translations imported from a PO file")
        # The base columns modeltranslation keeps mirror the active language: one fixed
        # language for every import, as a restore does (qa.editorial.history).
        with translation.override(settings.LANGUAGE_CODE), reversion.create_revision():
            with one_change():
                self.save_answers(by_question)
                self.save_questions(by_question)
            if confirm:
                # Against the source text the file was exported with (its recorded
                # fingerprint, checked above), not whatever another save may have
                # committed since: a unit whose source moved on stays outdated.
                checked, against = {}, {}
                for change in self.confirmed():
                    checked.setdefault(change.question_id, set()).add(change.unit.key)
                    against.setdefault(change.question_id, {})[change.unit.key] = recorded_fingerprint(change.entry)
                for question_id, keys in sorted(checked.items()):
                    translation_status.confirm(question_id, {code: keys}, against[question_id])
            reversion.set_comment(comment)
            if user is not None:
                reversion.set_user(user)

    def save_answers(self, by_question):
        code = self.code
        texts = {}
        for question_changes in by_question.values():
            for change in question_changes:
                if change.unit.kind in ANSWER_PARTS:
                    kind, _dash, pk = change.unit.key.partition("-")
                    texts.setdefault(int(pk), {})[kind] = change.text
        fields = [column(field, code) for field in ("heading", "body", "body_html")]
        for answer in Answer.objects.filter(pk__in=texts).order_by("pk"):
            for kind, text in texts[answer.pk].items():
                setattr(answer, column(kind, code), text)
            answer.save(update_fields=fields)  # renders the Markdown of the body

    def save_questions(self, by_question):
        code = self.code
        fields = [column(field, code) for field in ("title", "summary", "slug")] + DERIVED_FIELDS
        texts = {
            question_id: {change.unit.kind: change.text for change in changes if change.unit.kind in QUESTION_PARTS}
            for question_id, changes in by_question.items()
        }
        for question in Question.objects.filter(pk__in=[pk for pk, parts in texts.items() if parts]).order_by("pk"):
            for kind, text in texts[question.pk].items():
                setattr(question, column(kind, code), text)
            question.save(update_fields=fields)


def chosen_language(po, language):
    """The file's language (its Language header), which must be language when one is
    given: the header is only text in the file, and a file relabelled would write one
    language's translations into another's columns and mark them checked."""
    code = language_of(po)
    if language is not None and code != language:
        raise Refused(
            [
                _(
                    "The file's Language header says %(found)s (%(found_code)s), but %(chosen)s (%(chosen_code)s) was "
                    "chosen: nothing was imported. Upload the file of %(chosen)s, or choose the language of the file."
                )
                % {
                    "found": languages.name(code),
                    "found_code": code,
                    "chosen": languages.name(language),
                    "chosen_code": language,
                }
            ]
        )
    return code


def import_file(pofile_or_text, dry_run=False, user=None, confirm=True, language=None):
    """Import a translation file (a polib.POFile, a path, or its text as str or bytes):
    see the module's docstring. Returns a Report; raises Refused, having changed
    nothing, when any entry is wrong. language, when given (the admin's form and the
    command always give it), must be the file's Language header. dry_run runs every
    check a real import runs (Plan.check) and writes nothing; confirm=False writes
    without confirming (someone who may not mark translations checked); user is
    recorded with the revision."""
    if language is not None:
        check_language(language)
    po = parse(pofile_or_text)
    plan = Plan(chosen_language(po, language))
    with transaction.atomic():
        plan.check([entry for entry in po if not entry.obsolete])
        if plan.problems:
            raise plan.refusal()
        if not dry_run:
            plan.write(confirm, user)
    return plan.report(confirm, dry_run)
