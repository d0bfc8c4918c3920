"""Markdown for answer bodies: CommonMark plus tables, sanitised with nh3.

Raw HTML in a body is passed to the parser and then removed by the sanitiser (a
<script> disappears with its content) instead of being escaped into view as text.
"""

import html

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "code", "pre", "blockquote",
    "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td",
    "h3", "h4", "h5", "h6", "a", "del", "sup", "sub",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"class"}, "td": {"class"}}
ALIGN_CLASSES = {"text-align:left": "align-left", "text-align:center": "align-center",
                 "text-align:right": "align-right"}  # fmt: skip


def _fit_to_page(state):
    """Body headings start at h3 (the page has one h1 and an h2 per answer), and table
    alignment becomes a class, since the Content-Security-Policy forbids inline styles."""
    for token in state.tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(6, int(token.tag[1]) + 2)}"
        elif token.type in ("th_open", "td_open") and token.attrs.get("style"):
            token.attrs = {"class": ALIGN_CLASSES.get(token.attrs["style"], "")}


_parser = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")
_parser.core.ruler.push("fit_to_page", _fit_to_page)


def render(text):
    """Safe HTML for a Markdown text."""
    raw = _parser.render(text or "")
    return nh3.clean(
        raw,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener",
    ).strip()


def plain_text(text):
    """The words of a Markdown text without its markup, for counting and summaries."""
    return html_to_text(render(text))


def html_to_text(markup):
    """The text of rendered HTML, tags dropped and entities decoded."""
    return html.unescape(nh3.clean(markup or "", tags=set())).strip()
