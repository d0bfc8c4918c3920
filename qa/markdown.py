"""Markdown for answer bodies: CommonMark plus tables, sanitised with nh3.

Raw HTML in a body is passed to the parser and then removed by the sanitiser (a
<script> disappears with its content) instead of being escaped into view as text.

Limits. `validate_body` (called from the Answer's clean()) refuses, with a message the
editor can act on, what the parser would cut short or render slowly; `render` itself
never refuses, so a body that was saved some other way still renders.

- Nesting. markdown-it stops parsing silently, dropping the rest of the body, once its
  block level reaches `maxNesting` (20 in the commonmark preset): a list costs 2 levels,
  a quote 1. Measured with a closing paragraph after the nested part, the deepest that
  renders whole is 9 lists, 19 quotes or 6 list-and-quote pairs (`- > - > …`).
  MAX_NESTING = 8 lists or quotes (at most 16 levels) is therefore always rendered
  whole. maxNesting stays 20: it also bounds inline nesting, and raising it makes a
  body of `[` slower in proportion (at 20,000 characters: 220 ms at 20, 600 ms at 40).
- Speed. markdown-it-py is linear in the length for every shape tried, but pure Python
  and far costlier per character for some shapes than for prose. render() in ms before,
  and after: the validate_body time of the refusal, or render() when accepted (20,000
  characters unless said; 2 shared cores, best of 5, ±30 %):
      `[` x 20,000: 232 -> refused in 4          `*a` repeated: 120 -> refused in 3
      `![` repeated: 327 -> refused in 2         `*_` nested 5,000 deep: 154 -> refused in 3
      `[](` repeated: 124 -> refused in 4        `- > x` lines: 150 -> refused in 4
      `[a](b` repeated: 114 -> refused in 3      `# a` lines: 163 -> refused in 5
      20 `[` then `a:` x 9,990: 246 -> 2         `a|b` table, then `|` lines: 531 -> 6
      1,000 columns, empty rows: 1556 -> 5       `- > - > - > - > x` x 1,000: 171 -> 181
      `<` x 20,000: 44 -> 45 (accepted)          `&#` repeated: 36 -> 37 (accepted)
      dense ordinary Markdown: 68 -> 86 (same HTML), a realistic 19,492-character answer: 58 -> 53
  `- > - > - > - > x` is refused for the size of its HTML, which costs a render. plain_text() of the
  largest accepted bodies (a 20,000-character aligned table, 85 kB of HTML; the
  realistic answer) takes 63-70 ms, html_to_text() of their HTML 4-5 ms. Bodies at
  several limits at once render in 85-125 ms.
  The causes (pyinstrument): each "[" makes the link rule scan ahead for its "]" through
  every markup character up to the end of the paragraph (1-5 µs a step, the first scan
  the dearest), and each "](" read the address up to the next space; an unmatched "*",
  "_" or "~" costs ~20 µs; a line is a block (15-80 µs); a table gives every row as
  many cells as its header, filling short ones (up to 65,536). Cheap counts on the text,
  with the limits below, refuse these before anything is parsed.
- Size. The rendered HTML may be at most MAX_HTML_LENGTH characters: dense but normal
  Markdown is 1.5-4.5 times its length (an aligned table the most), while some nested
  lines (`- > - > x`) give 10 times, and time grows with the output.
"""

import html
import re
from itertools import pairwise

import nh3
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from markdown_it import MarkdownIt
from markdown_it.rules_block.table import escapedSplit
from markdown_it.token import Token

MAX_BODY_LENGTH = 20_000  # characters
MAX_NESTING = 8  # lists and quotes inside each other
MAX_LINES = 1_000  # not blank
MAX_BRACKET_WORK = 10_000  # see _bracket_work
MAX_ADDRESS_WORK = 200_000  # see _address_work
MAX_EMPHASIS_MARKS = 2_000  # "*", "_" and "~"
MAX_TABLE_CELLS = 3_000  # all tables together, rows times header columns
MAX_HTML_LENGTH = 100_000  # characters of rendered HTML
PARSER_NESTING = 20  # markdown-it's maxNesting; must stay above 2 * MAX_NESTING

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "code", "pre", "blockquote",
    "ul", "ol", "li", "table", "caption", "thead", "tbody", "tr", "th", "td",
    "h3", "h4", "h5", "h6", "a", "s", "del", "sup", "sub", "div",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "div": {"tabindex"}}  # classes: CLASSES
ALIGN_CLASSES = {"text-align:left": "align-left", "text-align:center": "align-center",
                 "text-align:right": "align-right"}  # fmt: skip
CELL_CLASSES = {*ALIGN_CLASSES.values(), "num"}
CLASSES = {"div": {"table-scroll"}, "th": CELL_CLASSES, "td": CELL_CLASSES}
# Tables: each in a box that scrolls sideways on its own (a phone's width), which the
# keyboard can focus to scroll; a cell that is a number ("2,000", "−3.5", "42 %",
# "6:30") is right-aligned like a column of figures; a paragraph right after a table
# that starts "Table:" (Pandoc's caption syntax; also "Tabel:", "Tabelle:", "Tablo:")
# is its caption. Raw HTML in a body cannot make such a box or class: nh3 keeps only
# these classes, and only tabindex="0".
TABLE_BOX = '<div class="table-scroll" tabindex="0">'
NUMBER = re.compile(
    r"[+\-−±~≈]?\d(?:[\d.,:'\u00a0\u202f ]*\d)?"
    r"(?:\s?(?:%|‰|°C?|km/h|km|m|cm|mm|kg|g|s|min|h|kcal|bpm|W))?"
)
CAPTION = re.compile(r"(?:Table|Tabel|Tabelle|Tablo):\s+")
CONTAINERS = {"bullet_list_open", "bullet_list_close", "ordered_list_open", "ordered_list_close",
              "blockquote_open", "blockquote_close"}  # fmt: skip


def _fit_to_page(state):
    """Body headings start at h3 (the page has one h1 and an h2 per answer), table
    alignment becomes a class, since the Content-Security-Policy forbids inline styles,
    numbers in cells are marked and captions found (TABLE_BOX above)."""
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(6, int(token.tag[1]) + 2)}"
        elif token.type in ("th_open", "td_open"):
            classes = [ALIGN_CLASSES.get(token.attrs.get("style", ""), "")]
            if NUMBER.fullmatch(tokens[index + 1].content.strip()):
                classes.append("num")
            token.attrs = {"class": " ".join(c for c in classes if c)} if any(classes) else {}
    _move_captions(state)


def _move_captions(state):
    """A "Table: …" paragraph right after a table becomes that table's <caption>."""
    tokens = state.tokens
    index = 0
    while index < len(tokens) - 3:
        closes, opens, inline = tokens[index], tokens[index + 1], tokens[index + 2]
        found = closes.type == "table_close" and opens.type == "paragraph_open" and inline.children
        start = found and CAPTION.match(inline.content)
        if not start or inline.children[0].type != "text" or not inline.children[0].content.startswith(start[0]):
            index += 1
            continue
        inline.children[0].content = inline.children[0].content[start.end() :]
        inline.content = inline.content[start.end() :]
        table_open = max(i for i in range(index) if tokens[i].type == "table_open")
        caption_open, caption_close = Token("caption_open", "caption", 1), Token("caption_close", "caption", -1)
        del tokens[index + 1 : index + 4]  # the paragraph
        tokens[table_open + 1 : table_open + 1] = [caption_open, inline, caption_close]
        index += 1


def _table_open(renderer, tokens, index, options, env):
    return TABLE_BOX + renderer.renderToken(tokens, index, options, env)


def _table_close(renderer, tokens, index, options, env):
    return renderer.renderToken(tokens, index, options, env) + "</div>"


_parser = MarkdownIt("commonmark", {"html": True, "maxNesting": PARSER_NESTING})
_parser.enable("table").enable("strikethrough")
_parser.core.ruler.push("fit_to_page", _fit_to_page)
_parser.add_render_rule("table_open", _table_open)
_parser.add_render_rule("table_close", _table_close)
_INLINE_STEP = re.compile(r"\\.|!\[|\(|" + _parser.inline.terminator_re.pattern, re.DOTALL)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_ADDRESS_START = re.compile(r"\]\([ \t\n]*")
_SPACE_OR_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def render(text):
    """Safe HTML for a Markdown text."""
    return _sanitise(_parser.render(text or ""))


def _sanitise(raw):
    """The parser's HTML cut down to what the page allows; links get rel=nofollow."""
    return nh3.clean(
        raw,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=CLASSES,
        set_tag_attribute_values={"div": {"tabindex": "0"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener",
    ).strip()


def plain_text(text):
    """The words of a Markdown text without its markup, for counting and summaries."""
    return html_to_text(render(text))


def html_to_text(markup):
    """The text of rendered HTML, tags dropped and entities decoded."""
    return html.unescape(nh3.clean(markup or "", tags=set())).strip()


def validate_body(text):
    """Raise a ValidationError listing what keeps a body from rendering whole and fast.

    The checks run cheapest first and stop before parsing when one fails, since parsing
    is the slow part: the length, then counts of lines and markup, then the parsed
    nesting and table rows, then the size of the HTML."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")  # as markdown-it counts lines
    if len(text) > MAX_BODY_LENGTH:
        message = _("The answer is %(length)s characters long; at most %(limit)s are allowed.")
        raise ValidationError([ValidationError(message, "too_long", {"length": len(text), "limit": MAX_BODY_LENGTH})])
    errors = _too_much_markup(text)
    if not errors:
        env = {}
        tokens = _parser.parse(text, env)
        errors = _too_deep(tokens) + _cut_table_rows(tokens, text.split("\n")) + _unclosed_html(tokens)
        if not errors:
            length = len(_sanitise(_parser.renderer.render(tokens, _parser.options, env)))
            if length > MAX_HTML_LENGTH:
                errors.append(
                    ValidationError(
                        _(
                            "The answer would become %(length)s characters of HTML; at most %(limit)s are "
                            "allowed. Use fewer lists, quotes or table cells."
                        ),
                        code="too_large",
                        params={"length": length, "limit": MAX_HTML_LENGTH},
                    )
                )
    if errors:
        raise ValidationError(errors)


def _too_much_markup(text):
    """Counts on the raw text (code included) that bound the parser's work; see the
    module docstring for what each costs."""
    lines = text.split("\n")
    counts = [
        (
            sum(1 for line in lines if line.strip()),  # blank lines cost next to nothing
            MAX_LINES,
            _("The answer has %(count)s lines that are not blank; at most %(limit)s are allowed."),
        ),
        (
            _bracket_work(text),
            MAX_BRACKET_WORK,
            _(
                "The answer has “[” brackets left open, or holding other markup, in long paragraphs (a measure of "
                "%(count)s, at most %(limit)s): close each with “]”, write “\\[” for a bracket that starts no link, "
                "or split the paragraph."
            ),
        ),
        (
            sum(map(text.count, "*_~")),
            MAX_EMPHASIS_MARKS,
            _("The answer has %(count)s “*”, “_” and “~” marks; at most %(limit)s are allowed."),
        ),
        (
            _address_work(text),
            MAX_ADDRESS_WORK,
            _(
                "The answer has link addresses, after “](”, that run on without a space for more than %(limit)s "
                "characters in all: end each address with “)” and a space."
            ),
        ),
        (
            _table_cells(lines),
            MAX_TABLE_CELLS,
            _("The answer’s tables have %(count)s cells (rows × header columns); at most %(limit)s are allowed."),
        ),
    ]
    return [
        ValidationError(message, code="too_much_markup", params={"count": count, "limit": limit})
        for count, limit, message in counts
        if count > limit
    ]


def _bracket_work(text):
    """An upper bound on the steps of markdown-it's link rule, which tries every "[" as
    the start of a link by scanning ahead for the "]" that closes it, at most to the end
    of the paragraph, one step at each character that can start markup (the parser's own
    list). A bracket counts until its "]", or until the paragraph ends if a "`", "<" or
    "(" comes first, since a code span, HTML or a link inside can hide a "]". An image
    "![" is tried twice (as an image, then as a link); "\\[" starts nothing."""
    work = 0
    for paragraph in _BLANK_LINE.split(text):
        open_brackets, weight, unclosable = [], 0, 0
        for step in _INLINE_STEP.findall(paragraph):
            work += weight + unclosable
            if step in ("[", "!["):
                open_brackets.append(2 if step == "![" else 1)
                weight += open_brackets[-1]
            elif step == "]" and open_brackets:
                weight -= open_brackets.pop()
            elif step in ("`", "<", "("):
                unclosable += weight
                open_brackets, weight = [], 0
    return work


def _address_work(text):
    """The most characters markdown-it's link rule reads as addresses: after each "](" it
    reads to the next space or line end, as an address may hold 32 levels of "(", so a
    "[a](" inside does not end it. (An address in "<>" ends at the next "<", so those
    reads never overlap.) Counting stops past the limit, to stay cheap."""
    work = 0
    for start in _ADDRESS_START.finditer(text):
        end = _SPACE_OR_CONTROL.search(text, start.end())
        work += (end.start() if end else len(text)) - start.end()
        if work > MAX_ADDRESS_WORK:
            break
    return work


def _table_cells(lines):
    """How many body cells the tables would have, at most: a table starts where a line
    with "|" is followed by a delimiter row (only "|", "-", ":" and blanks) and gets as
    many cells per row as the delimiter row has columns, until a blank line. (Short rows
    are filled up, which is how a few characters become many cells.)"""
    cells = columns = 0
    for previous, line in pairwise(["", *lines]):
        row = line.lstrip(" \t>")  # a table in a quote or list
        if not row.strip():
            columns = 0
        elif "|" in previous and "-" in row and not row.strip("|-: \t"):
            columns = row.strip(" \t|").count("|") + 1
        else:
            cells += columns
    return cells


def _too_deep(tokens):
    """The line where lists and quotes first go deeper than MAX_NESTING, as an error."""
    depth = 0
    for token in tokens:
        if token.type in CONTAINERS:
            depth += token.nesting
            if depth > MAX_NESTING:
                return [
                    ValidationError(
                        _("Line %(line)s starts a list or quote nested more than %(limit)s deep; nest it less."),
                        code="too_deep",
                        params={"line": token.map[0] + 1, "limit": MAX_NESTING},
                    )
                ]
    return []


# Raw HTML blocks that run on to their closing mark, or else to the end of the body
# (CommonMark's HTML block kinds 1 to 5); the sanitiser then removes all of it.
_OPEN_HTML_BLOCKS = (
    (re.compile(r"<(script|pre|style|textarea)[\s>/]", re.IGNORECASE), None),
    (re.compile(r"<!--"), "-->"),
    (re.compile(r"<\?"), "?>"),
    (re.compile(r"<![A-Za-z]"), ">"),
    (re.compile(r"<!\[CDATA\["), "]]>"),
)


def _unclosed_html(tokens):
    """A raw HTML block that is never closed (`<!-- draft`, `<script>`) hides
    everything after it: name its line rather than lose the rest without a word."""
    for token in tokens:
        if token.type != "html_block":
            continue
        content = token.content.lstrip()
        for opening, closing in _OPEN_HTML_BLOCKS:
            if match := opening.match(content):
                end = closing or f"</{match.group(1).lower()}>"
                if end not in content.lower():
                    return [
                        ValidationError(
                            _("Line %(line)s opens “%(opening)s” and nothing closes it: the rest would be hidden."),
                            code="unclosed_html",
                            params={"line": token.map[0] + 1, "opening": match.group(0).strip()},
                        )
                    ]
                break
    return []


def _cut_table_rows(tokens, lines):
    """A table row with more cells than its header loses the extra ones (as GFM says),
    without a word: name the first such row. Cells are split as markdown-it splits them."""
    columns, in_body = 0, False
    for token in tokens:
        if token.type == "thead_open":
            columns = 0
        elif token.type == "th_open":
            columns += 1
        elif token.type in ("tbody_open", "tbody_close"):
            in_body = token.nesting == 1
        elif token.type == "tr_open" and in_body:
            cells = escapedSplit(lines[token.map[0]].lstrip(" \t>").strip())
            if cells and cells[0] == "":  # the outer pipes, as the table rule drops them
                cells.pop(0)
            if cells and cells[-1] == "":
                cells.pop()
            if len(cells) > columns:
                return [
                    ValidationError(
                        _(
                            "Line %(line)s: the table row has %(cells)s cells but its header has %(columns)s; "
                            "the extra cells would not be shown."
                        ),
                        code="cut_table_row",
                        params={"line": token.map[0] + 1, "cells": len(cells), "columns": columns},
                    )
                ]
    return []
