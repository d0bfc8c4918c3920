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
length, then the alphabet, so the same query always gets the same suggestion. The
corrected query is offered only when it finds something: words of deleted questions stay
in the vocabulary until a rebuild, and two corrections may not fit together.
"""

from django.db.models import Q
from rapidfuzz.distance import OSA

from qa.models import SearchWord

from .results import visible_matches
from .text import MAX_VOCABULARY_LENGTH, MIN_VOCABULARY_LENGTH, fold_token, parse_query, tokens

MAX_CORRECTED_WORDS = 10


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


def closest(folded, candidates):
    """The candidate word closest to folded, or None when none is near enough."""
    limit = max_distance(folded)
    best_key, best = None, None
    for other, word in candidates.items():
        distance = OSA.distance(folded, other, score_cutoff=limit)
        if distance > limit or other == folded:
            continue
        key = (distance, other[:2] != folded[:2], abs(len(other) - len(folded)), other)
        if best_key is None or key < best_key:
            best_key, best = key, word
    return best


def suggest(code, text):
    """A corrected version of the reader's text that finds something, or None."""
    words = misspelt(text, code)
    if not words:
        return None
    candidates = neighbourhood(code, {folded for *_, folded in words})
    corrected, position, changed = [], 0, False
    for start, end, folded in words:
        replacement = closest(folded, candidates)
        if replacement is not None:
            corrected += [text[position:start], replacement]
            position, changed = end, True
    if not changed:
        return None
    suggestion = "".join(corrected) + text[position:]
    # Whether it finds anything, without reading and marking a page of hits.
    query = parse_query(suggestion, code)
    return suggestion if not query.is_empty and visible_matches(code, query)[0] else None
