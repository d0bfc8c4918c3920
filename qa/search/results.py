"""A search in one language: the questions readers of that language may see whose text
matches, best first, a page of them with their title and a snippet of the matching text
marked (qa.search.text.highlight escapes everything else).

At most CANDIDATES matches are ranked and counted (a word found in most questions is
not ranked over all of them); the page's questions are then read in one query with
what a list shows, and their texts in two more: five queries whatever the number of
hits (tests/test_search.py counts them), and one more for a half-typed last word
(qa.search.prefixes)."""

from dataclasses import dataclass, field

from django.core.paginator import Paginator

from qa.languages import column
from qa.models import Question

from . import documents
from .indexing import backend
from .prefixes import expand
from .text import highlight, parse_query

CANDIDATES = 1000  # 2,000 cost twice the time of matching and of the visibility check
PER_PAGE = 10


@dataclass
class Hit:
    question: Question
    title: str  # SafeString, the matched words marked
    snippet: str  # SafeString
    rank: float


@dataclass
class Results:
    query: object
    count: int = 0
    capped: bool = False  # more than CANDIDATES matched: count is a floor
    page: object = None  # a django Page of Hits, or None when nothing was asked
    hits: list = field(default_factory=list)


def search(code, text, page=1):
    """Results of text in language code; raises QueryTooLong (text over 200 characters)
    and django's InvalidPage / EmptyPage for a page that is not there."""
    query = parse_query(text, code)
    results = Results(query=query)
    if query.is_empty:
        return results
    matches, results.capped = visible_matches(code, query)
    ranks = dict(matches)
    ordered = [pk for pk, _rank in matches]
    results.count = len(ordered)
    results.page = Paginator(ordered, PER_PAGE).page(page)
    shown = list(results.page.object_list)
    questions = Question.objects.for_listing(code).in_bulk(shown)
    texts = documents.texts(shown, [code])[code]
    results.hits = [hit(questions[pk], texts.get(pk), query, code, ranks[pk]) for pk in shown if pk in questions]
    results.page.object_list = results.hits
    return results


def visible_matches(code, query):
    """([(question id, rank)] of the matches readers of code may see, best first;
    whether more than CANDIDATES matched): two queries, three with a half-typed word."""
    store = backend()
    matches = store.match(code, expand(query, code), CANDIDATES)
    visible = set(
        Question.objects.visible(code)
        .filter(pk__in=store.id_set(dict(matches)))
        .order_by()
        .values_list("pk", flat=True)
    )
    return [(pk, rank) for pk, rank in matches if pk in visible], len(matches) >= CANDIDATES


SNIPPET_BUDGET = 4000  # characters of answer text read per hit for its snippet


def hit(question, parts, query, code, rank):
    """A question with its title marked and a snippet: the first paragraph of its
    answers with a match, else its sub-questions, else its summary. Highlighting stems
    every word it reads, so it reads paragraph by paragraph and at most SNIPPET_BUDGET
    characters of them (a long answer's match further down gives the summary instead)."""
    parts = parts or {"title": question.title, "headings": "", "body": ""}
    title = highlight(parts["title"], query, code, length=300)
    summary = getattr(question, column("summary", code))
    return Hit(question=question, title=title, snippet=snippet(parts, summary, query, code), rank=rank)


def snippet(parts, summary, query, code):
    read = 0
    for paragraph in parts["body"].splitlines():
        if read > SNIPPET_BUDGET:
            break
        read += len(paragraph)
        if "<mark>" in (marked := highlight(paragraph, query, code)):
            return marked
    if "<mark>" in (marked := highlight(parts["headings"], query, code)):
        return marked
    return highlight(summary or parts["body"][:SNIPPET_BUDGET], query, code)
