""" "Did you mean …": a query that finds nothing is offered a corrected one, made from the
words of that language's index (qa.models.SearchWord, filled as questions are indexed),
the same way on both databases.

Each word of the query that is not in the vocabulary (letters only, three or more, not a
stop word) is replaced by the closest word that is: the fewest letters added, removed, changed
or swapped with a neighbour (optimal string alignment distance, rapidfuzz: "hieght" is
one step from "height", two from "high"), at most one for words of up to four letters and two for
longer ones. Candidates are the words that begin or end with the same two letters and are
at most two letters longer or shorter: two index ranges, so the cost follows the size of
that neighbourhood, never of the vocabulary (a typo in both the first and the last two
letters is not corrected). Ties go to a word with the same beginning, then the nearest
length, then the alphabet, so the same query always gets the same suggestion.

The vocabulary holds the words of every indexed text, drafts, texts in review and
scheduled ones included, and keeps words of deleted questions until a rebuild; a
suggestion must never show a word readers cannot find. So each replacement word is
checked on its own, quoted (no half-typed prefix stands for it): it is used only if it
alone finds a question readers of the language may see, the next closest candidate
being tried otherwise (at most MAX_CANDIDATES_TRIED per word, MAX_CHECKS in all, each
two queries). A whole query that finds something proves nothing about each of its
words ("secret or marathon", "marathon -secret"). The corrected query is then offered
only when it finds something too: two corrections may not fit together.
"""

from django.db.models import Q
from rapidfuzz.distance import OSA

from qa.models import SearchWord

from .results import visible_matches
from .text import MAX_VOCABULARY_LENGTH, MIN_VOCABULARY_LENGTH, fold_token, parse_query, tokens

MAX_CORRECTED_WORDS = 10
MAX_CANDIDATES_TRIED = 3  # per misspelt word
MAX_CHECKS = 12  # words checked on their own for one suggestion


def max_distance(word):
    return 1 if len(word) <= 4 else 2


def misspelt(text, code):
    """[(start, end, folded)] of the words of text that a correction may replace."""
    found = []
    for start, _end, word in tokens(text):
        folded = fold_token(word, code)
        if MIN_VOCABULARY_LENGTH <= len(folded) <= MAX_VOCABULARY_LENGTH and folded.isalpha():
            found.append((start, start + len(word), folded))
    known = set(
        SearchWord.objects.filter(language=code, folded__in={folded for *_, folded in found}).values_list(
            "folded", flat=True
        )
    )
    return [item for item in found if item[2] not in known][:MAX_CORRECTED_WORDS]


def neighbourhood(code, folded_words):
    """{folded: word} of the vocabulary words that may correct any of folded_words."""
    condition = Q()
    for folded in folded_words:
        lengths = (len(folded) - max_distance(folded), len(folded) + max_distance(folded))
        condition |= Q(head=folded[:2], length__range=lengths) | Q(tail=folded[-2:], length__range=lengths)
    return dict(SearchWord.objects.filter(condition, language=code).values_list("folded", "word"))


def nearest(folded, candidates):
    """The candidate words near enough to folded, closest first."""
    limit = max_distance(folded)
    ranked = []
    for other, word in candidates.items():
        distance = OSA.distance(folded, other, score_cutoff=limit)
        if distance <= limit and other != folded:
            ranked.append(((distance, other[:2] != folded[:2], abs(len(other) - len(folded)), other), word))
    return [word for _key, word in sorted(ranked)]


def finds_something(code, text):
    """Whether text finds a question readers of code may see, without reading a page of hits."""
    query = parse_query(text, code)
    return not query.is_empty and bool(visible_matches(code, query)[0])


class Checker:
    """Words checked on their own (finds_something of the word quoted), at most MAX_CHECKS."""

    def __init__(self, code):
        self.code, self.left, self.known = code, MAX_CHECKS, {}

    def visible(self, word):
        if word not in self.known:
            if self.left <= 0:
                return False
            self.left -= 1
            self.known[word] = finds_something(self.code, f'"{word}"')
        return self.known[word]


def closest_visible(folded, candidates, checker):
    """The closest candidate that readers can find on its own, or None."""
    for word in nearest(folded, candidates)[:MAX_CANDIDATES_TRIED]:
        if checker.visible(word):
            return word
    return None


def suggest(code, text):
    """A corrected version of the reader's text that finds something, or None."""
    words = misspelt(text, code)
    if not words:
        return None
    candidates = neighbourhood(code, {folded for *_, folded in words})
    checker = Checker(code)
    corrected, position, changed = [], 0, False
    for start, end, folded in words:
        replacement = closest_visible(folded, candidates, checker)
        if replacement is not None:
            corrected += [text[position:start], replacement]
            position, changed = end, True
    if not changed:
        return None
    suggestion = "".join(corrected) + text[position:]
    return suggestion if finds_something(code, suggestion) else None
