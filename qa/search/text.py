"""The language part of search: folding, words, stems, the readers' query syntax, highlighting.

Pure Python and no database, so that both backends index and query exactly the same terms:
SQLite FTS5 and PostgreSQL (its `simple` configuration) are fed `terms()`, never their own
stemmers, which disagree with PyStemmer and with each other.

Folding (`fold`, the same function for the indexed text and the query)
  - Case: `str.casefold`, which also turns ß and ẞ into "ss" in every language, so "Strasse"
    finds "Straße"; no U+0307 is ever left over (in nl/en/de "İ" folds to "i").
  - Turkish capitals first: İ→i, and I→ı in a word that shows it is Turkish (it has one of
    ı İ ş ç ğ ö ü), so "IŞIK" finds "ışık". A word without any ("FIFA", "UEFA", "NIKE", or
    "ISIK" typed on a keyboard without Turkish letters) keeps I as i, as its writer meant:
    with I→ı, "FIFA" became "fıfa", which the stemmer cuts to "fıf" (a back-vowel -a looks
    like a case ending) while "fifa" stays "fifa", and the most-searched word in football
    missed. Cost: an all-capitals Turkish word with no other Turkish letter loses its
    ending only where vowel harmony needs the ı ("MARATONLARI" stays "maratonlari"); its
    bare form still meets (KIRMIZI = kırmızı), and capitals are rare in running text.
  - nl, en, de: every accent goes before the stemmer sees the word (é→e, ü→u, ç→c, ø→o,
    æ→ae, ı→i), so a word typed without its accents gives the very same stem, by construction.
    Cost: the Dutch stemmer reads the trema when it has one (officiële→officieel); without it
    "officiële" stems to "officiel" and misses "officieel" (a known miss, below).
  - German ü/ue/u: fold drops the dots (Müller → muller) and PyStemmer's German (Snowball 3)
    reads ae/oe/ue as ä/ö/ü except after q, so "Müller", "Mueller" and "Muller" all stem to
    "mull", "Läufer"/"Laeufer"/"Laufer" to "lauf". Cost: words that differ only by an umlaut
    meet (zählen/zahlen, drücken/drucken, Schläger/Schlager, Mütter/Mutter) and "ue" inside a
    word is read as ü (aktuell → aktull); the other query words and the ranking keep such
    pairs apart in practice. In nl and en only the dots go: "Müller" = "Muller" there, but
    "Mueller" stays apart, because "ue" is ordinary letters in those languages (duel, blue).
  - Turkish ş ç ğ ı ö ü are letters, and the Snowball stemmer needs them: vowel harmony
    decides which suffixes it removes. So fold keeps them, the stemmer reads them, and only
    the stem is then flattened to plain letters (ı→i, ş→s, ç→c, ğ→g, ö→o, ü→u). Tried on
    the 50,000 most common Turkish words (the wordfreq package): of 17,205 base+suffix pairs,
    flattening after the stemmer joins 84%, flattening before it 76%, not flattening 70% (one
    pass). Flattening lets "kosu", "isik" and "FIFA" (which Turkish casing makes "fıfa")
    find "koşu", "ışık" and "fifa", and finds text typed without Turkish letters, which is
    common; it costs ~3% of stems merging with another (göl/gol lake/goal, süt/şut milk/shot,
    sınırlı/sinirli limited/nervous, beş/bes). Known miss: a word typed without its Turkish
    letters whose suffix then breaks vowel harmony stays unstemmed ("isiklar" does not find
    "ışıklar"); 66% of such words in the same list still found their stem.
  - Turkish is stemmed twice: PyStemmer's Turkish removes one layer per pass (koşular→koşu
    but koşu→koş, maratonlar→maraton but maraton→marato), so a second pass makes the plural
    and the bare word meet (the 70% → 84% above). Not for nl, en, de: there a second pass
    mostly joins unrelated words (ear/early, kus/kussens, plot/plotseling).

Words (`words`)
  Runs of Unicode letters and digits (with their combining marks). Every other character,
  hyphens included, separates words: "5-kilometer" is "5" and "kilometer", and a hyphenated
  word typed in a query is a phrase. An inner apostrophe (' ’ ʼ) followed by at most three
  letters is a suffix and belongs to the word before, which alone gives the term: Turkish
  case endings on names (İstanbul'da → istanbul, Messi'nin → messi), English 's/'t/'re,
  Dutch plurals and 'n (auto's → auto, zo'n → zo). A longer part is a word of its own
  (O'Brien → o + brien, İstanbul'daki → istanbul + daki). A word is cut at 100 characters
  (PostgreSQL does not index longer ones, and a real word is never that long).

Stop words
  Kept in the index: phrases need them ("ya da", "the offside rule") and bm25/ts_rank weigh
  common terms down anyway. A query drops them from its required words outside quotes (and
  ignores excluding one, which would exclude nearly everything). The check is on the folded,
  unflattened word, so Turkish "şu" (that) is a stop word and "su" (water) is not.

Query syntax (`parse_query`)
  Words are all required; "a phrase" (straight, curly or „German“ quotes; unbalanced runs to
  the end); -word and -"a phrase" exclude; `or` or `OR` between two words or phrases makes one
  group of alternatives. The languages' own words for or ("of", "oder", "veya", "ya da") are
  ordinary words (and stop words) and never operators: they are too common in questions. The
  last word, when it is not quoted or excluded, has at least two letters, is not a stop word
  and the query does not end in a space, also matches as a prefix: of its stem, so "running"
  finds "runner" (qa.search.prefixes looks up the terms a prefix stands for); known miss: a
  half-typed word that runs past its stem ("runnin") does not find "running" (indexed as
  "run"). A prefix of a stop word ("the" on the way to "theory")
  waits for the next letter.

Known misses of the stemmers (the tests pin each one)
  - nl: "fiets" → fiet but "fietsen" → fiets (a singular ending in s loses it), so they meet
    only through the prefix match; strong past tenses (liep, liepen) do not meet "lopen";
    officiële/officieel (trema, above).
  - en: irregular forms (ran/run); "runner" is not "run".
  - de: past participles keep ge- ("gelaufen" → gelauf, not lauf).
  - tr: only noun endings are removed: verb forms stay apart (koşmak, koşuyor vs koş);
    consonant changes are partly handled (kitabı → kitap) but not all (kalbi ≠ kalp);
    "golü" → golu ≠ gol; some words lose too much ("bisiklete" → bisik, "ofsaytı" → of).
"""

import re
import threading
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import Stemmer
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

LANGUAGES = ("nl", "en", "de", "tr")
MAX_QUERY_LENGTH = 200
MAX_WORD_LENGTH = 100
# A one-letter prefix matches a large part of the index and is rarely what a reader meant:
# "formula 1" wants the digit itself.
MIN_PREFIX_LENGTH = 2
_SUFFIX_LENGTH = 3

_ALGORITHMS = {"nl": "dutch", "en": "english", "de": "german", "tr": "turkish"}

# Combining marks of the Latin, Greek and Cyrillic letters that decompose (and a few more).
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_ALL_MARKS = re.compile(f"[{_MARKS}]")
# Turkish keeps the breve, diaeresis and cedilla of ğ, ö, ü, ş, ç for its stemmer.
_TURKISH_DROPPED_MARKS = re.compile(
    "[\u0300-\u0305\u0307\u0309-\u0326\u0328-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)
# Letters that have no decomposition but an obvious plain spelling.
_PLAIN = {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ħ": "h", "ŧ": "t"}
_PLAIN_LETTERS = str.maketrans({**_PLAIN, "ı": "i"})
_TURKISH_PLAIN_LETTERS = str.maketrans(_PLAIN)

# A capital I is ı in a word with one of these, and i in any other (FIFA, NIKE, ISIK).
_TURKISH_LETTERS = frozenset("ıİşŞçÇğĞöÖüÜ")
_WORD_WITH_I = re.compile(r"\w*I\w*")

_APOSTROPHES = "'’ʼ"
# A letter or digit (U+02BC counts as a letter to Python; here it is an apostrophe), then
# more of them or combining marks, so a decomposed "é" stays inside its word.
_PART = rf"[^\W_ʼ](?:[^\W_ʼ]+|[{_MARKS}]+)*"
_WORD = re.compile(rf"{_PART}(?:[{_APOSTROPHES}]{_PART})*")
_APOSTROPHE = re.compile(f"[{_APOSTROPHES}]")
_QUOTES = '"“”„‟«»'
_OR = ("or", "OR")
# Gaps between two marked words that are shown as one <mark> ("half marathon").
_JOINABLE_GAP = re.compile(r"[\s\-‐‑]*")

# The most common function words of each language (articles, pronouns, prepositions,
# conjunctions, auxiliaries, question words), written as readers type them.
_STOP_WORDS_TEXT = {
    "nl": """
        de het een en van in op te dat die dit deze is zijn was waren wordt worden werd ben bent
        heb hebt heeft hebben had voor met aan bij door naar uit over om tot als of maar dan ook
        nog niet geen er hier daar wat wie hoe waar wel zo al ik je jij u hij zij ze we wij
        jullie hun haar hem mijn ons onze me mij zich men kan kun kunnen moet zal zou
    """,
    "en": """
        a an the and or but if of to in on at by for with from into about as than then so not
        no is are was were be been being am do does did have has had it its this that these
        those there here i me my you your he him his she her we us our they them their what
        which who whom how when where why can will would should could
    """,
    "de": """
        der die das den dem des ein eine einer einen einem eines und oder aber denn in im an am
        auf aus bei mit nach von vom zu zum zur für über um als wie ist sind war waren wird
        werden wurde hat haben hatte sein bin bist es er sie ich du wir ihr man sich mich mir
        dich dir uns nicht kein keine auch so noch nur schon was wer wo wann warum dass wenn ob
        kann soll muss
    """,
    "tr": """
        ve veya ya da de ile bir bu şu o için gibi kadar ama fakat ancak çünkü ki mi mı mu mü
        ne neden niçin nasıl hangi her çok daha en az ben sen biz siz onlar benim senin onun
        bizim sizin bunu şunu onu bana sana ona olan olarak olur oldu var yok değil ise sonra
        önce diye hem hiç tüm bütün şey kendi
    """,
}


class QueryTooLong(ValueError):
    """A query of more than MAX_QUERY_LENGTH characters: the view refuses it with a message."""


@dataclass(frozen=True)
class Term:
    """One index term; with `prefix`, every term that starts with `stem` matches."""

    stem: str
    prefix: bool = False


@dataclass(frozen=True)
class Phrase:
    """Index terms that must follow each other in this order (stop words included)."""

    stems: tuple[str, ...]


@dataclass
class Query:
    """A parsed query: every group must match (by one of its alternatives), none of
    `excluded` may. `words` are the folded, unstemmed words looked for, for "did you
    mean"; `only_stop_words` tells the reader why nothing is searched for."""

    groups: list[list[Term | Phrase]] = field(default_factory=list)
    excluded: list[Term | Phrase] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    only_stop_words: bool = False
    # Match titles and sub-questions (and labels) only, not answer text: qa.search.similar.
    headings_only: bool = False

    @property
    def is_empty(self) -> bool:
        """Nothing to look for (exclusions alone would return everything else)."""
        return not self.groups


_local = threading.local()


def _stemmer(language: str) -> Stemmer.Stemmer:
    """The language's stemmer, made once per thread: PyStemmer says an instance must not be
    called concurrently, and runserver serves each request in its own thread."""
    try:
        stemmers = _local.stemmers
    except AttributeError:
        stemmers = _local.stemmers = {code: Stemmer.Stemmer(name) for code, name in _ALGORITHMS.items()}
    try:
        return stemmers[language]
    except KeyError:
        raise ValueError(f"no search language {language!r}; one of {LANGUAGES}") from None


def _turkish_capitals(text: str) -> str:
    """Turkish capitals in lower case: İ→i, and I→ı in a word that shows it is Turkish."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    if "I" in text:
        text = _WORD_WITH_I.sub(_dotless_if_turkish, text)
    return text.replace("İ", "i")


def _dotless_if_turkish(match: re.Match) -> str:
    word = match.group()
    return word.replace("I", "ı") if _TURKISH_LETTERS.intersection(word) else word


def fold(text: str, language: str) -> str:
    """The matching form of `text` in `language`: lower case as the language writes it,
    ß as ss, and accents removed, except the Turkish letters, which the stemmer still
    needs (see the module docstring)."""
    if language == "tr":
        text = _turkish_capitals(text)
    text = text.casefold()
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    if language == "tr":
        text = _TURKISH_DROPPED_MARKS.sub("", text).translate(_TURKISH_PLAIN_LETTERS)
    else:
        text = _ALL_MARKS.sub("", text).translate(_PLAIN_LETTERS)
    # Compatibility forms can decompose to capitals ("𝐀" → "A"): lower case once more.
    return unicodedata.normalize("NFC", text).casefold()


@lru_cache(maxsize=1 << 17)
def _fold_word(word: str, language: str) -> str:
    """One word folded into one index token: letters and digits only, never empty, because
    FTS5 and PostgreSQL would split anything else into more tokens. Callers cut the word at
    MAX_WORD_LENGTH first, so that the cache holds no long ones. Cached: the words of a
    text are few and repeat (Zipf), folding them is most of the work."""
    folded = fold(word, language)
    if not folded.isalnum():
        # Compatibility decomposition can bring in non-letters ("½" → "1⁄2"), and the marks
        # of other scripts are not removed.
        folded = "".join(c for c in folded if c.isalnum()) or "u" + "".join(f"{ord(c):x}" for c in word)
    return folded


@lru_cache(maxsize=1 << 16)
def _flatten(stem: str) -> str:
    """A Turkish stem in plain letters (ı→i, ş→s, ...), after the stemmer has read them."""
    if stem.isascii():
        return stem
    return unicodedata.normalize("NFC", _ALL_MARKS.sub("", unicodedata.normalize("NFD", stem.replace("ı", "i"))))


def _stem(folded: list[str], language: str) -> list[str]:
    """Stems of folded words, in one call to the stemmer (twice for Turkish, see above)."""
    stemmer = _stemmer(language)
    stems = stemmer.stemWords(folded)
    if language == "tr":
        stems = [_flatten(stem) for stem in stemmer.stemWords(stems)]
    return stems


def _tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of each word: the span includes a dropped apostrophe suffix
    ("İstanbul'da"), the word does not ("İstanbul")."""
    tokens = []
    for match in _WORD.finditer(text):
        word = match.group()
        if not _has_apostrophe(word):
            tokens.append((match.start(), match.end(), word))
            continue
        position = match.start()
        for index, part in enumerate(_APOSTROPHE.split(word)):
            if index and len(part) <= _SUFFIX_LENGTH:
                start, _, previous = tokens[-1]
                tokens[-1] = (start, position + len(part), previous)
            else:
                tokens.append((position, position + len(part), part))
            position += len(part) + 1
    return tokens


def _has_apostrophe(word: str) -> bool:
    return "'" in word or "’" in word or "ʼ" in word


def _word_texts(text: str) -> list[str]:
    """The words of `_tokens` without their spans: what `terms` needs, at twice the speed."""
    found = []
    for word in _WORD.findall(text):
        if _has_apostrophe(word):
            first, *rest = _APOSTROPHE.split(word)
            found.append(first)
            found.extend(part for part in rest if len(part) > _SUFFIX_LENGTH)
        else:
            found.append(word)
    return found


def tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of each word of `text`: the span includes an apostrophe suffix
    ("İstanbul'da"), the word does not."""
    return _tokens(text)


def fold_token(word: str, language: str) -> str:
    """The matching form of one word of `tokens()`, as the index holds it before stemming."""
    return _fold_word(word[:MAX_WORD_LENGTH], language)


def words(text: str) -> list[tuple[int, int]]:
    """Spans of the words of `text` in the original string, one per term of
    `terms(text, language)` in the same order, so that stems map back onto the text."""
    return [(start, end) for start, end, _ in _tokens(text)]


def terms(text: str, language: str) -> list[str]:
    """The index terms of `text`: each word folded, then stemmed. Stop words are kept
    (phrases need them)."""
    return _stem([_fold_word(word[:MAX_WORD_LENGTH], language) for word in _word_texts(text)], language)


_STOP_WORDS = {code: frozenset(fold(word, code) for word in text.split()) for code, text in _STOP_WORDS_TEXT.items()}


def is_stop_word(word: str, language: str) -> bool:
    """Whether a word (as written or folded) is one of the language's stop words."""
    return fold_token(word, language) in _STOP_WORDS[language]


# Words offered as corrections: letters only, not too short to be misspelt, not too long
# to be a word.
MIN_VOCABULARY_LENGTH, MAX_VOCABULARY_LENGTH = 3, 40


def lower(text: str, language: str) -> str:
    """`text` in lower case as the language writes it, accents kept (a suggestion shows
    "über", not "uber")."""
    if language == "tr":
        text = _turkish_capitals(text)
    return text.lower()


def vocabulary(text: str, language: str) -> dict[str, tuple[str, str]]:
    """{folded word: (the word in lower case, its stem)} of the words of `text` a misspelt
    or half-typed query word may stand for: letters only, 3 to 40 of them, no stop words."""
    found = {}
    for word in _word_texts(text):
        if not (MIN_VOCABULARY_LENGTH <= len(word) <= MAX_VOCABULARY_LENGTH) or not word.isalpha():
            continue
        folded = _fold_word(word, language)
        if (
            folded not in found
            and folded.isalpha()
            and len(folded) <= MAX_VOCABULARY_LENGTH
            and folded not in _STOP_WORDS[language]
        ):
            found[folded] = lower(word, language)
    stems = _stem(list(found), language)
    return {folded: (word, stem) for (folded, word), stem in zip(found.items(), stems, strict=True)}


def _chunks(text: str) -> list[tuple[bool, bool, str, int]]:
    """(excluded, quoted, body, end) of each whitespace-separated word or quoted phrase."""
    chunks = []
    position, length = 0, len(text)
    while position < length:
        if text[position].isspace():
            position += 1
            continue
        start = position
        while position < length and text[position] == "-":
            position += 1
        excluded = position > start
        if position < length and text[position] in _QUOTES:
            end = position + 1
            while end < length and text[end] not in _QUOTES:
                end += 1
            chunks.append((excluded, True, text[position + 1 : end], end))
            position = end + 1
        else:
            end = position
            while end < length and not text[end].isspace() and text[end] not in _QUOTES:
                end += 1
            chunks.append((excluded, False, text[position:end], end))
            position = end
    return chunks


def parse_query(text: str, language: str) -> Query:
    """The reader's query in `language` (syntax in the module docstring). Any string is
    safe; one that asks for nothing gives an empty Query. Longer than MAX_QUERY_LENGTH
    characters: QueryTooLong."""
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryTooLong(f"A search can be at most {MAX_QUERY_LENGTH} characters long.")
    _stemmer(language)  # an unknown language is a programming error: ValueError
    stop_words = _STOP_WORDS[language]
    items = []  # ("or" | "stop" | "need" | "not", alternative or None)
    looked_for = []
    for excluded, quoted, body, end in _chunks(text):
        if not excluded and not quoted and body in _OR:
            items.append(("or", None))
            continue
        folded = [_fold_word(word[:MAX_WORD_LENGTH], language) for _, _, word in _tokens(body)]
        if not folded:
            continue
        if not quoted and all(word in stop_words for word in folded):
            items.append(("stop", None))
            continue
        stems = _stem(folded, language)
        if len(stems) > 1:
            alternative = Phrase(tuple(stems))
        else:
            prefix = not quoted and not excluded and end == len(text) and len(folded[0]) >= MIN_PREFIX_LENGTH
            alternative = Term(stems[0], prefix)
        items.append(("not" if excluded else "need", alternative))
        if not excluded:
            looked_for.extend(folded)

    groups, exclusions = [], []
    after_need = joined = False
    for kind, alternative in items:
        if kind == "or":
            joined = after_need
        elif kind == "not":
            if alternative not in exclusions:
                exclusions.append(alternative)
            after_need = joined = False
        elif kind == "need":
            if not joined:
                groups.append([])
            if alternative not in groups[-1]:
                groups[-1].append(alternative)
            after_need, joined = True, False
        # Stop words between two alternatives do not break an "or" ("shoes or the boots").
    unique = []  # "shoes shoes" is one condition
    for group in groups:
        if group not in unique:
            unique.append(group)
    return Query(
        groups=unique,
        excluded=exclusions,
        words=list(dict.fromkeys(looked_for)),
        only_stop_words=not unique and any(kind == "stop" for kind, _ in items),
    )


def _hits(stems: list[str], query: Query) -> list[tuple[int, int]]:
    """(token index, group number) of each matched word, by the backends' rules: a term's
    stem, a prefix of the stem, or all the words of a phrase in a row."""
    exact, prefixes, phrases = {}, [], []
    for number, group in enumerate(query.groups):
        for alternative in group:
            if isinstance(alternative, Phrase):
                phrases.append((list(alternative.stems), number))
            elif alternative.prefix:
                prefixes.append((alternative.stem, number))
            else:
                exact.setdefault(alternative.stem, number)
    hits = {}
    for index, stem in enumerate(stems):
        if stem in exact:
            hits[index] = exact[stem]
            continue
        for prefix, number in prefixes:
            if stem.startswith(prefix):
                hits[index] = number
                break
    for phrase, number in phrases:
        size = len(phrase)
        for index, stem in enumerate(stems):
            if stem == phrase[0] and stems[index : index + size] == phrase:
                for inside in range(index, index + size):
                    hits.setdefault(inside, number)
    return sorted(hits.items())


def _densest(spans: list[tuple[int, int, int]], length: int) -> tuple[int, int]:
    """First and last span (start, end, group) of the window of `length` characters that
    holds the most different groups, then the most matches."""
    counts = Counter()
    best_key, best = None, (0, 0)
    last = 0  # spans[first:last] are in the window
    for first in range(len(spans)):
        start = spans[first][0]
        while last < len(spans) and spans[last][1] - start <= length:
            counts[spans[last][2]] += 1
            last += 1
        if last == first:  # one word longer than the window: it is the window
            counts[spans[last][2]] += 1
            last += 1
        key = (sum(1 for count in counts.values() if count), last - first)
        if best_key is None or key > best_key:
            best_key, best = key, (first, last - 1)
        counts[spans[first][2]] -= 1
    return best


def highlight(text: str, query: Query | str, language: str, length: int = 240) -> SafeString:
    """About `length` characters of the original `text` around its densest matches of
    `query`, matched words in <mark>, everything else escaped, "…" where cut (at word
    boundaries); without a match, the start of the text. A query string is parsed first
    (and may raise QueryTooLong)."""
    if isinstance(query, str):
        query = parse_query(query, language)
    length = max(1, int(length))
    tokens = _tokens(text)
    stems = _stem([_fold_word(word[:MAX_WORD_LENGTH], language) for _, _, word in tokens], language)
    spans = [(tokens[index][0], tokens[index][1], number) for index, number in _hits(stems, query)]

    start, end = 0, min(len(text), length)
    matched_end = 0
    if spans:
        first, last = _densest(spans, length)
        matched_start, matched_end = spans[first][0], spans[last][1]
        slack = length - (matched_end - matched_start)
        if slack >= 0:
            # A third of the room before the matches, two thirds after.
            start = max(0, min(matched_start - slack // 3, len(text) - length))
            end = min(len(text), start + length)
        else:
            start, end = matched_start, matched_start + length
    if start > 0:
        # Begin at the first whole word; never past the first match.
        starts = [token[0] for token in tokens]
        index = bisect_left(starts, start)
        if index < len(starts) and starts[index] < end:
            start = starts[index]
    if end < len(text):
        ends = [token[1] for token in tokens]
        index = bisect_right(ends, end) - 1
        if index >= 0 and ends[index] > start and ends[index] >= min(matched_end, end):
            end = ends[index]
        elif " " in text[start + 1 : end]:
            end = text.rindex(" ", start + 1, end)

    marks = []
    for mark_start, mark_end, _ in spans:
        mark_start, mark_end = max(mark_start, start), min(mark_end, end)
        if mark_start >= mark_end:
            continue
        if marks and _JOINABLE_GAP.fullmatch(text, marks[-1][1], mark_start):
            marks[-1][1] = mark_end
        else:
            marks.append([mark_start, mark_end])
    pieces = ["…"] if start > 0 else []
    position = start
    for mark_start, mark_end in marks:
        pieces += [escape(text[position:mark_start]), "<mark>", escape(text[mark_start:mark_end]), "</mark>"]
        position = mark_end
    pieces.append(escape(text[position:end]))
    if end < len(text):
        pieces.append("…")
    return mark_safe("".join(pieces))
