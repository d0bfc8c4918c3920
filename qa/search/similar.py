"""Questions whose text is most like a question's, for its related questions (qa.related):
the search index asked for any of the words of its title in that language, in the other
questions' titles, sub-questions, category and tag names, ranked as a search is (titles
above the rest).

The words are the title's own, not its answers': a title says what a question is about
in a few words, and a query of a few words costs what a reader's search costs (an
answer's hundreds of words would rank every question on the site). Answer text is not
searched either: in the demo, "How do I set the right saddle height on my bike?" then
found the football question whose answer says teams "set" a "high" line. Stop words and
words under three letters are left out, and at most MAX_WORDS of the title's longest words are asked for.
"""

from .indexing import backend
from .text import Query, Term, is_stop_word, terms, tokens

MAX_WORDS = 8
MIN_LENGTH = 3  # shorter words ("en", "F1") match too much to say two questions are alike
CANDIDATES = 200


def title_query(title, code):
    """A Query for any one of the title's words (stems), stop words left out."""
    words = [word for _, _, word in tokens(title)]
    kept = [word for word in words if len(word) >= MIN_LENGTH and not is_stop_word(word, code)]
    kept = sorted(dict.fromkeys(kept), key=len, reverse=True)[:MAX_WORDS]
    stems = list(dict.fromkeys(stem for word in kept for stem in terms(word, code)))
    return Query(groups=[[Term(stem) for stem in stems]], headings_only=True) if stems else Query()


def similar_ids(title, code, limit=CANDIDATES):
    """[(question id, score)] of the questions most like a title in language code, best
    first; whether readers may see them is for the caller to ask."""
    query = title_query(title, code)
    return backend().match(code, query, limit) if query.groups else []
