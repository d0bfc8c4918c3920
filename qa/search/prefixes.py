"""The terms a half-typed last word stands for, taken from the language's vocabulary
(qa.models.SearchWord) the same way on both databases, so that neither database expands
a prefix itself.

Letting the database do it was too slow on SQLite: FTS5 merges the whole posting list of
every term with the prefix before it can stop at the limit, and German and Dutch
compounds give a short stem hundreds of them ("train*": trainingsplan, trainingsweek, …;
138 ms at 100,000 questions, against 7 ms for "train" alone). Here the prefix becomes its
own stem plus at most MAX_TERMS stems of the vocabulary that begin with it, the shortest
first (the nearest to what was typed): an OR of a few terms, which both databases stop
reading at the limit. Known miss: a prefix shared by more than MAX_TERMS stems finds only
the shortest of them (a word of two or three letters typed so far); words the vocabulary
leaves out (digits, under three letters) are matched only whole.
"""

from dataclasses import replace

from django.db.models.functions import Length

from qa.models import SearchWord

from .text import Term

MAX_TERMS = 10


def stems_with_prefix(code, prefix):
    """At most MAX_TERMS stems of language code's vocabulary that begin with prefix and
    are longer than it, shortest first. The range (an index range on (language, stem))
    assumes strings sort by code point, as SQLite's and PostgreSQL's C and C.UTF-8
    collations do; `startswith` keeps out anything else a linguistic collation lets in."""
    found = (
        SearchWord.objects.filter(
            language=code, stem__gt=prefix, stem__lt=prefix + "\U0010ffff", stem__startswith=prefix
        )
        .values_list("stem", flat=True)
        .order_by(Length("stem"), "stem")
        .distinct()[:MAX_TERMS]
    )
    return list(found)


def expand(query, code):
    """The query with each prefix term replaced by the terms it stands for (one query to
    the vocabulary per prefix term: a parsed query has at most one)."""
    groups = []
    for group in query.groups:
        alternatives = []
        for item in group:
            if isinstance(item, Term) and item.prefix:
                alternatives += [Term(item.stem), *(Term(stem) for stem in stems_with_prefix(code, item.stem))]
            else:
                alternatives.append(item)
        groups.append(list(dict.fromkeys(alternatives)))
    return replace(query, groups=groups)
