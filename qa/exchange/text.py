"""A page of plain text, as a question page reads on screen, parsed into a draft question.

`parse(text, language)` reads the text and writes nothing; `save(parsed, language,
category)` stores what it found as a new question, a draft in that language only. The
admin's "New question from text" and `manage.py import_text` show what parse() found
(with the warnings and errors below, each naming its line) before anything is saved.

The rules, in the order they apply:

- The text. CRLF and CR are line breaks; a BOM, zero-width spaces and control
  characters are dropped (a NUL would be refused by PostgreSQL, a zero-width space
  after "?" would hide it); non-breaking spaces are spaces (browsers put
  them in copied text, and Markdown would not see "-\u00a0item" as a list item or
  "Why?\u00a0" as ending in "?"); trailing spaces go (two would be a Markdown line
  break). Line numbers are those of the text as given, counted from 1.
- A question line: stripped, it ends in "?" (or the full-width "？"; "¿…?" ends in "?"
  as well), is no longer than the model allows a title or sub-question (200
  characters; a longer one is kept as a paragraph, with a warning), and is not a list
  item, a quote or a row of a table.
- The title is the first question line. Every line above it (the site name, its
  tagline, a row of language names, a breadcrumb) is ignored with a warning naming it.
- The page's own words, as the site writes them in each language (taken from the
  site's translations, so they follow any change there; any language's form is
  recognised, with a warning when it is not the chosen language's): a line "6 min
  read" ("6 min. leestijd", "6 Min. Lesezeit", "6 dk okuma") is dropped, since the
  read time is computed; "Asked by: Name" ("Gesteld door:", "Gestellt von:",
  "Soran:") gives the asker, also on the line after it, and both may share one line
  with " · " between them, as the page shows them. They are looked for above the
  title and between it and the first sub-question; anything else there (the date,
  the tags, the summary, "On this page") is ignored with a warning.
- Every following question line starts a sub-question, and the lines until the next
  one are its answer, in Markdown. Sub-questions with empty answers at the start or
  the end that are on the page again with their answers are its table of contents
  ("On this page": above the answers on a phone, beside them on a wide screen) and are
  left out, with a warning; any other sub-question with an empty answer is kept, with
  a warning: the editor fills it in before the language can be published.
- The answer's lines: each line is a paragraph (text pasted from a browser or a word
  processor has one line per paragraph; Markdown would run them together). "1. …" or
  "2) …" (up to three digits) becomes an item of an ordered list "1. …", keeping its
  number; "- …", "• …", "* …", "– …" (and the word processors' "●", "◦", "▪", "‣")
  an item of a list "- …"; items of one kind stay one list across blank lines. A line
  starting with "> " is a quote. Two or more consecutive lines that each split into the
  same number (two or more) of short cells (at most MAX_CELL_LENGTH characters), at
  tabs or runs of two or more spaces, are a table: the first line is the header row
  (when it is one cell short and indented, as a browser copies a table with an empty
  corner, the missing cell is the first). Items and rows are one level deep: pasted
  indentation is layout, not nesting (four spaces would make Markdown code).
- The text reads as pasted: straight and typographic quotes („…“ «…» “…”) are kept as
  they are, and Markdown's marks are escaped where they would change the meaning:
  at the start of a line "#", "|", "+", "=", ">", a "-", "*" or "_" that would start
  a list or a rule, "1." after a number that is not a list item (a year: "1908.");
  anywhere "*", "_" or "`" when the line has two (emphasis or code needs a pair),
  "~" next to "~~", "[" when a "]" follows (a link), "<" before a letter or "/", "!",
  "?" (HTML, which the sanitiser would remove with its content), "&" of an entity,
  and a backslash before punctuation. Lone marks are left alone, so that the answer
  stays readable in the admin's Markdown field.
- The end. After the title, the first line that is the site's own "Related questions",
  a footer line ("RSS feed", ...), a row of language names, or "On this page" after a
  question line (the sidebar's contents) ends the page: it and everything after it
  are ignored, with one warning.

Errors (nothing can be saved): no question line at all ("no line ends in a question
mark"); a title but no sub-question; an answer that qa.markdown.validate_body refuses
(named by its sub-question's line, and marked refused: the preview shows it
unrendered, since rendering is what the limits keep from taking seconds); more than
MAX_ANSWERS sub-questions (the change form of the draft has to open them all: 100
open in 1.5 s); a text longer than MAX_TEXT_LENGTH.

The asker is found by name when saving, ignoring case as Python does (casefold(),
with the Turkish dotted and dotless i for a Turkish page) rather than the database,
since SQLite's case-insensitive match knows only ASCII: "ŞÜKRÜ" is "Şükrü". A page
without an "Asked by:" line is saved as asked by the site itself (settings.SITE_NAME),
with a warning, since a question needs an asker; the editor can change it in the form.
"""

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from qa import languages
from qa.languages import column
from qa.markdown import validate_body
from qa.models import Answer, Asker, Question
from qa.readtime import read_time_text
from qa.signals import one_change

MAX_TEXT_LENGTH = 500_000  # characters: 25 answers at qa.markdown's limit, more than any page
# Sub-questions of one page: what the admin's change form of the draft opens in under
# 2 s (measured: 100 in 1.5 s, 150 in 3.1 s, 1,000 in 20 s and 8 MB of HTML).
MAX_ANSWERS = 100
MAX_CELL_LENGTH = 60  # characters of a table cell: longer ones are sentences with two spaces in them
QUOTED_LENGTH = 60  # characters of a line quoted in a message
TITLE_LENGTH = Question._meta.get_field("title").max_length
HEADING_LENGTH = Answer._meta.get_field("heading").max_length
ASKER_LENGTH = Asker._meta.get_field("name").max_length

_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b\u2060\ufeff]")  # controls, zero-width spaces, BOM
_NON_BREAKING_SPACE = re.compile(r"[\u00a0\u2007\u202f]")
_ORDERED = re.compile(r"(\d{1,3})[.)]\s+(\S.*)")
_BULLET = re.compile(r"[-•*–●◦▪‣]\s+(\S.*)")
_QUOTE = re.compile(r">\s+(\S.*)")
_CELL_SEPARATOR = re.compile(r" *\t *| {2,}")
_META_SEPARATOR = re.compile(r"\s+[·|•]\s+")
QUESTION_MARKS = ("?", "？")

# Escaping (see the module docstring): what makes a mark in ordinary text mean something.
_PUNCTUATION_AFTER_BACKSLASH = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY = re.compile(r"&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
_LIST_OR_RULE_START = re.compile(r"[-*_+](?:\s|$)|(?:[-*_][ \t]*){3,}$")
_NUMBER_START = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
_ALWAYS_AT_START = ("#", "|", "+", "=", ">")


class Message(NamedTuple):
    """A warning or an error: the line of the text it is about (None: the page) and what to do."""

    line: int | None
    message: str

    def __str__(self):
        if self.line is None:
            return self.message
        return _("line %(line)s: %(message)s") % {"line": self.line, "message": self.message}


class ParsedAnswer(NamedTuple):
    heading: str
    body: str  # Markdown
    line: int  # of the sub-question


@dataclass
class Parsed:
    title: str = ""
    title_line: int | None = None
    asker: str | None = None  # None: the page names none
    answers: list[ParsedAnswer] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)
    errors: list[Message] = field(default_factory=list)
    # Lines of the sub-questions whose answer validate_body refused: never rendered.
    refused_answers: set[int] = field(default_factory=set)

    def warn(self, line, message):
        self.warnings.append(Message(line, message))

    def refuse(self, line, message):
        self.errors.append(Message(line, message))


class NotSaved(ValueError):
    """save() was given a parse with errors: nothing was saved."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("; ".join(str(error) for error in self.errors))


@dataclass
class _Line:
    number: int
    raw: str  # as given, trailing spaces removed
    text: str  # stripped, runs of spaces made one


def quoted(text):
    return Truncator(text).chars(QUOTED_LENGTH)


def lines_of(text):
    """The text's lines, normalised as the module docstring says."""
    text = _NON_BREAKING_SPACE.sub(" ", _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n")))
    return [_Line(number, raw.rstrip(), " ".join(raw.split())) for number, raw in enumerate(text.split("\n"), 1)]


def name_key(name, language=None):
    """A name as compared for "the same asker": Unicode-normalised, spaces made one,
    case ignored (Turkish dotted and dotless i on a Turkish page)."""
    name = " ".join(unicodedata.normalize("NFC", name).split())
    if language == "tr":
        name = name.replace("İ", "i").replace("I", "ı")
    return name.casefold()


# --- The site's own words ---------------------------------------------------------


@dataclass(frozen=True)
class SiteWords:
    read_times: tuple  # (pattern, code): "6 min read" in each language
    asked_by: tuple  # (pattern, code): "Asked by:" in each language
    ends: frozenset  # casefolded lines that end the page
    contents: frozenset  # casefolded "On this page" in each language
    language_names: frozenset  # casefolded
    not_available: tuple  # casefolded "(not available)" in each language


def _words_pattern(text, number=None):
    """A pattern for text, any run of spaces for each space, digits for number."""
    words = [r"\d{1,4}" if word == number else re.escape(word) for word in text.split()]
    return re.compile(r"\s+".join(words), re.IGNORECASE)


@functools.cache
def site_words():
    """The page's words in every language, from the site's translations (read once)."""
    read_times, asked_by, ends, contents, not_available = [], [], set(), set(), []
    for code in languages.codes():
        with translation.override(code):
            for minutes in (1, 2, 5):  # each plural form
                read_times.append((_words_pattern(read_time_text(minutes), str(minutes)), code))
            asked_by.append((_words_pattern(_("Asked by:")), code))
            ends.update(
                text.casefold()
                for text in (
                    _("Related questions"),
                    _("There are no other questions in this language yet."),
                    _("RSS feed"),
                    _("Atom feed"),
                    _("Written and translated by our editors."),
                )
            )
            contents.add(_("On this page").casefold())
            not_available.append(_("(not available)").casefold())
    return SiteWords(
        read_times=tuple(read_times),
        asked_by=tuple(asked_by),
        ends=frozenset(ends),
        contents=frozenset(contents),
        language_names=frozenset(name.casefold() for _code, name in settings.LANGUAGES),
        not_available=tuple(not_available),
    )


def read_meta(text):
    """What a meta line holds: (read time codes, asker name or None, asker codes), or None
    when text is not one. A part is a read time ("6 min read"), an asker ("Asked by:
    Name", the name possibly empty), or a read time directly followed by an asker (the
    page's two spans copied without their separator)."""
    words = site_words()
    read_codes, end = _starts_with(words.read_times, text)
    if read_codes:
        text = text[end:].strip()
        if not text:
            return read_codes, None, set()
    asker_codes, end = _starts_with(words.asked_by, text)
    if not asker_codes:
        return None
    return read_codes, text[end:].strip(" ·|–-"), asker_codes


def _starts_with(patterns, text):
    """(codes of the languages whose pattern text starts with, where the longest match ends)."""
    matches = [(match.end(), code) for pattern, code in patterns if (match := pattern.match(text))]
    return {code for _end, code in matches}, max((end for end, _code in matches), default=0)


def is_language_row(text):
    """A line of the site's language names (the tabs or the footer), nothing else."""
    words = site_words()
    folded = text.casefold()
    for phrase in words.not_available:
        folded = folded.replace(phrase, " ")
    names = [name for name in re.split(r"[\s·|/]+", folded) if name]
    return len(names) >= 2 and all(name in words.language_names for name in names)


def ends_page(text, after_a_question):
    """Whether text is where the page's surroundings begin: the related questions, the
    footer, a row of languages, or "On this page" after the answers (the contents in
    the sidebar; above the first sub-question it is the contents on a phone)."""
    words = site_words()
    folded = text.casefold()
    return folded in words.ends or (after_a_question and folded in words.contents) or is_language_row(text)


# --- Escaping ---------------------------------------------------------------------


def escape_inline(text):
    """text with the marks that would change its meaning anywhere in a line escaped."""
    text = _PUNCTUATION_AFTER_BACKSLASH.sub(r"\\\\", text)
    for mark in "*_`":
        if text.count(mark) >= 2:
            text = text.replace(mark, "\\" + mark)
    if "~~" in text:
        text = text.replace("~", "\\~")
    if "[" in text and "]" in text[text.index("[") :]:
        text = text.replace("[", "\\[")
    text = _TAG_START.sub(r"\\<", text)
    return _ENTITY.sub(r"\\&", text)


def escape_line(text):
    """An ordinary line (a paragraph, a list item's or a quote's text) as Markdown that
    renders to the same text: inline marks, then what would start a block."""
    text = escape_inline(text)
    if text.startswith(_ALWAYS_AT_START) or _LIST_OR_RULE_START.match(text):
        return "\\" + text
    return _NUMBER_START.sub(r"\1\\\2", text, count=1)


def escape_cell(text):
    return escape_inline(text).replace("|", "\\|")


# --- Reading ----------------------------------------------------------------------


def list_item(text):
    """("ol", (number, text)), ("ul", text) or ("quote", text) for an item line, else None."""
    if match := _ORDERED.fullmatch(text):
        return "ol", (int(match[1]), match[2])
    if match := _BULLET.fullmatch(text):
        return "ul", match[1]
    if match := _QUOTE.fullmatch(text):
        return "quote", match[1]
    return None


def cells_of(line):
    """The cells of a line that could be a table row, else None. A cell (but the last)
    that ends a sentence means two spaces after a full stop, as typists once wrote."""
    if not line.text or list_item(line.text):
        return None
    cells = [" ".join(cell.split()) for cell in _CELL_SEPARATOR.split(line.raw.strip())]
    if len(cells) < 2 or any(len(cell) > MAX_CELL_LENGTH for cell in cells):
        return None
    if any(cell.endswith((".", "!", "?")) for cell in cells[:-1]):
        return None
    return cells


def find_tables(lines):
    """{line index: (index of the table's first line, cells)} for each table's rows."""
    cells = [cells_of(line) for line in lines]
    rows, i = {}, 0
    while i < len(lines):
        if cells[i] is None:
            i += 1
            continue
        width, padded = len(cells[i]), False
        if i + 1 < len(lines) and cells[i + 1] and len(cells[i + 1]) == width + 1 and lines[i].raw[:1].isspace():
            width, padded = width + 1, True  # a header row with an empty corner
        end = i + 1
        while end < len(lines) and cells[end] is not None and len(cells[end]) == width:
            end += 1
        if end - i < 2:
            i += 1
            continue
        for j in range(i, end):
            rows[j] = (i, ["", *cells[j]] if padded and j == i else cells[j])
        i = end
    return rows


def question_text(text, limit):
    """text as a title or sub-question; "" when it is no question line, None when it
    ends in a question mark but is longer than limit."""
    if not text.endswith(QUESTION_MARKS):
        return ""
    return text if len(text) <= limit else None


class _Section:
    """One sub-question and the blocks of its answer, as they are read."""

    def __init__(self, heading, line):
        self.heading, self.line, self.blocks = heading, line, []

    def add(self, kind, item, table=None):
        """Items of a list join the list before them, across blank lines (they end only
        quotes); rows join their table."""
        last = self.blocks[-1] if self.blocks else None
        if last and last[0] == kind and kind != "p" and last[2] == table:
            last[1].append(item)
        else:
            self.blocks.append((kind, [item], table))

    def blank(self):
        if self.blocks and self.blocks[-1][0] == "quote":
            self.blocks.append(("blank", [], None))

    def markdown(self):
        parts = []
        for kind, items, _table in self.blocks:
            if kind == "p":
                parts.append(escape_line(items[0]))
            elif kind == "ol":
                parts.append("\n".join(f"{number}. {escape_line(text)}" for number, text in items))
            elif kind == "ul":
                parts.append("\n".join(f"- {escape_line(text)}" for text in items))
            elif kind == "quote":
                parts.append("\n>\n".join(f"> {escape_line(text)}" for text in items))
            elif kind == "table":
                rows = ["| " + " | ".join(escape_cell(cell) for cell in row) + " |" for row in items]
                rows.insert(1, "|" + " --- |" * len(items[0]))
                parts.append("\n".join(rows))
        return "\n\n".join(parts)


class _Reader:
    """One pass over the lines of a page, filling in a Parsed."""

    def __init__(self, text, language):
        self.parsed, self.language = Parsed(), language
        self.lines = lines_of(text)
        self.taken = set()  # indexes of lines read with the one before (the asker's name)

    def read(self):
        start = self.find_title()
        if start is None:
            return self.parsed
        sections = self.drop_table_of_contents(self.read_sections(start))
        if not sections:
            self.parsed.refuse(
                self.parsed.title_line,
                _(
                    "the title is the only line that ends in a question mark: each sub-question needs a line of "
                    "its own that ends in one, above its answer."
                ),
            )
            return self.parsed
        if self.parsed.asker is None:
            self.parsed.warn(
                self.parsed.title_line,
                _("no “Asked by:” line: the question will be asked by “%(name)s”; change that in its form.")
                % {"name": settings.SITE_NAME},
            )
        if len(sections) > MAX_ANSWERS:
            self.parsed.refuse(
                sections[MAX_ANSWERS].line,
                _(
                    "the page has %(count)s sub-questions, more than the %(limit)s allowed; this is the first one "
                    "too many."
                )
                % {"count": len(sections), "limit": MAX_ANSWERS},
            )
            return self.parsed
        for section in sections:
            self.add_answer(section)
        self.warn_repeated()
        self.parsed.warnings.sort(key=lambda warning: warning.line or 0)
        return self.parsed

    def find_title(self):
        """Set the title from the first question line; the index after it, or None (an error)."""
        too_long = None
        for i, line in enumerate(self.lines):
            if not line.text or i in self.taken or self.take_meta(i):
                continue
            title = "" if list_item(line.text) else question_text(line.text, TITLE_LENGTH)
            if title:
                self.parsed.title, self.parsed.title_line = title, line.number
                return i + 1
            if title is None:
                too_long = too_long or line
                self.parsed.warn(
                    line.number,
                    _(
                        "ends in a question mark but is too long for a title (%(length)s characters, at most "
                        "%(limit)s): ignored."
                    )
                    % {"length": len(line.text), "limit": TITLE_LENGTH},
                )
            else:
                self.parsed.warn(line.number, _("ignored above the title: %(text)s") % {"text": quoted(line.text)})
        self.parsed.warnings.clear()  # with no title, "ignored above the title" would name every line
        if too_long is None:
            self.parsed.refuse(
                None,
                _(
                    "no line ends in a question mark: the first line that does is the title, and each one after "
                    "it a sub-question, with its answer below it."
                ),
            )
        else:
            self.parsed.refuse(
                too_long.number,
                _("no line short enough for a title ends in a question mark; this one is too long."),
            )
        return None

    def take_meta(self, i):
        """Read lines[i] when it is the page's read time or asker (or both): True if so."""
        line = self.lines[i]
        parts = [read_meta(part) for part in _META_SEPARATOR.split(line.text)]
        if not parts or any(part is None for part in parts):
            return False
        self.check_language(line, set().union(*(read_codes | asker_codes for read_codes, _name, asker_codes in parts)))
        for _read_codes, name, asker_codes in parts:
            if asker_codes:
                self.take_asker(i, name)
        return True

    def take_asker(self, i, name):
        line, following = self.lines[i], self.lines[i + 1] if i + 1 < len(self.lines) else None
        if not name and following and following.text and not following.text.endswith(QUESTION_MARKS):
            name = following.text  # the name's link copied onto a line of its own
            self.taken.add(i + 1)
        if not name:
            self.parsed.warn(line.number, _("“Asked by:” without a name: ignored."))
        elif len(name) > ASKER_LENGTH:
            self.parsed.warn(
                line.number,
                _("the asker’s name is longer than %(limit)s characters: ignored.") % {"limit": ASKER_LENGTH},
            )
        else:
            self.parsed.asker = name

    def check_language(self, line, codes):
        """The page's own words in another language than the chosen one: a warning."""
        if codes and self.language not in codes:
            found = ", ".join(languages.name(code) for code in languages.codes() if code in codes)
            self.parsed.warn(
                line.number,
                _("“%(text)s” is %(found)s, but the page is read as %(language)s: is the language right?")
                % {"text": quoted(line.text), "found": found, "language": languages.name(self.language)},
            )

    def read_sections(self, start):
        """The sub-questions after the title (lines[start:]), with their answers' blocks."""
        rest = self.lines[start:]
        end, asked = None, False
        for i, line in enumerate(rest):
            if line.text and ends_page(line.text, asked):
                end = i
                break
            asked = asked or line.text.endswith(QUESTION_MARKS)
        if end is not None:
            self.parsed.warn(
                rest[end].number,
                _(
                    "ignored from here to the end (%(count)s lines): “%(text)s” and what follows it are around "
                    "the page, not on it."
                )
                % {"count": len(rest) - end, "text": quoted(rest[end].text)},
            )
            rest = rest[:end]
        tables = find_tables(rest)
        sections = []
        for i, line in enumerate(rest):
            if start + i in self.taken:
                continue
            if not line.text:
                if sections:
                    sections[-1].blank()
                continue
            if not sections and self.take_meta(start + i):
                continue
            item = list_item(line.text)
            question = "" if item or i in tables else question_text(line.text, HEADING_LENGTH)
            if question:
                sections.append(_Section(question, line.number))
            elif not sections:
                self.parsed.warn(
                    line.number,
                    _("ignored between the title and the first sub-question: %(text)s") % {"text": quoted(line.text)},
                )
            elif item:
                sections[-1].add(*item)
            elif i in tables:
                table, cells = tables[i]
                sections[-1].add("table", cells, table)
            else:
                if question is None:
                    self.parsed.warn(
                        line.number,
                        _(
                            "ends in a question mark but is too long for a sub-question (%(length)s characters, at "
                            "most %(limit)s): kept as a paragraph of the answer."
                        )
                        % {"length": len(line.text), "limit": HEADING_LENGTH},
                    )
                sections[-1].add("p", line.text)
        return sections

    def drop_table_of_contents(self, sections):
        """Sub-questions with empty answers at the start or the end that are on the page
        again with their answers are its table of contents ("On this page", above the
        answers on a phone, beside or below them on a wide screen): left out."""
        keys = [name_key(section.heading, self.language) for section in sections]
        where = {}
        for i, key in enumerate(keys):
            where.setdefault(key, []).append(i)

        def entry_of_contents(i, other):
            """Warn and return True when sections[i] is empty and sections[other] (or None) has the answer."""
            if sections[i].blocks or other is None:
                return False
            self.parsed.warn(
                sections[i].line,
                _("ignored: an entry of a table of contents (the sub-question itself is on line %(line)s).")
                % {"line": sections[other].line},
            )
            return True

        start, end = 0, len(sections)
        while start < end:
            same = where[keys[start]]
            later = bisect.bisect_right(same, start)
            if not entry_of_contents(start, same[later] if later < len(same) and same[later] < end else None):
                break
            start += 1
        while end - 1 > start:
            same = where[keys[end - 1]]
            first = bisect.bisect_left(same, start)
            if not entry_of_contents(end - 1, same[first] if same[first] < end - 1 else None):
                break
            end -= 1
        return sections[start:end]

    def add_answer(self, section):
        body = section.markdown()
        if not body:
            self.parsed.warn(
                section.line,
                _("the sub-question “%(heading)s” has no answer: it is kept, with an empty answer to fill in.")
                % {"heading": quoted(section.heading)},
            )
        try:
            validate_body(body)
        except ValidationError as error:
            for problem in error.messages:
                self.parsed.refuse(
                    section.line,
                    _("the answer to “%(heading)s”: %(problem)s")
                    % {"heading": quoted(section.heading), "problem": problem},
                )
            self.parsed.refused_answers.add(section.line)
        self.parsed.answers.append(ParsedAnswer(section.heading, body, section.line))

    def warn_repeated(self):
        seen = {}
        for answer in self.parsed.answers:
            key = name_key(answer.heading, self.language)
            if key in seen:
                self.parsed.warn(answer.line, _("the same sub-question as line %(line)s.") % {"line": seen[key]})
            else:
                seen.setdefault(key, answer.line)


def parse(text, language):
    """The question a page of text holds, with warnings and errors; writes nothing."""
    if language not in languages.codes():
        raise ValueError(f"Unknown language {language!r}; one of {', '.join(languages.codes())}.")
    if len(text) > MAX_TEXT_LENGTH:
        parsed = Parsed()
        parsed.refuse(
            None,
            _("The text is %(length)s characters long; at most %(limit)s are allowed.")
            % {"length": len(text), "limit": MAX_TEXT_LENGTH},
        )
        return parsed
    return _Reader(text, language).read()


# --- Saving -----------------------------------------------------------------------


def find_or_create_asker(name, language):
    """The asker of that name, ignoring case (see name_key); a new one if there is none.
    Askers are compared in Python: SQLite's iexact folds ASCII letters only."""
    key = name_key(name, language)
    matches = [(other, pk) for pk, other in Asker.objects.values_list("pk", "name") if name_key(other, language) == key]
    if matches:
        exact = [pk for other, pk in matches if other == name]
        return Asker.objects.get(pk=(exact or [min(pk for _other, pk in matches)])[0])
    return Asker.objects.create(name=name)


def save(parsed, language, category, user=None):
    """A new question from parsed: a draft in every language (the model's default),
    with its title and answers in language, filed under category; one change for the
    derived data (qa.signals.one_change) and one revision of its history."""
    if parsed.errors:
        raise NotSaved(parsed.errors)
    if language not in languages.codes():
        raise ValueError(f"Unknown language {language!r}; one of {', '.join(languages.codes())}.")
    with transaction.atomic(), reversion.create_revision():
        reversion.set_comment(_("Imported from text"))
        if user is not None:
            reversion.set_user(user)
        with one_change():
            question = Question.objects.create(
                asker=find_or_create_asker(parsed.asker or settings.SITE_NAME, language),
                category=category,
                source_language=language,
                **{column("title", language): parsed.title},
            )
            for position, answer in enumerate(parsed.answers, 1):
                Answer.objects.create(
                    question=question,
                    position=position,
                    **{column("heading", language): answer.heading, column("body", language): answer.body},
                )
    question.refresh_from_db()
    return question
