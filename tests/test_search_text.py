"""The language part of search (qa.search.text): folding, words, stems per language, the
readers' query syntax and highlighting. Pure Python: no database, no request."""

import html

import pytest
from django.utils.safestring import SafeString
from hypothesis import HealthCheck, given
from hypothesis import settings as fuzz_settings
from hypothesis import strategies as st

from qa.search.text import (
    LANGUAGES,
    MAX_QUERY_LENGTH,
    Phrase,
    Query,
    QueryTooLong,
    Term,
    fold,
    highlight,
    parse_query,
    terms,
    words,
)

# The same few hundred examples on every run; conftest's function-scoped fixtures (language
# and cache resets) do not matter to pure functions.
bounded = fuzz_settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def stem(word, language):
    """The one index term of a word."""
    [found] = terms(word, language)
    return found


def finds(query, text, language):
    """Whether the reader's query (every group) matches text, by the backends' rules."""
    indexed = terms(text, language)

    def matches(alternative):
        if isinstance(alternative, Phrase):
            size = len(alternative.stems)
            return any(tuple(indexed[i : i + size]) == alternative.stems for i in range(len(indexed)))
        if alternative.prefix:
            return any(found.startswith(alternative.stem) for found in indexed)
        return alternative.stem in indexed

    parsed = parse_query(query, language)
    return not parsed.is_empty and all(any(matches(a) for a in group) for group in parsed.groups)


def shown(marked):
    """The text a reader sees in a highlight, without the marks."""
    return html.unescape(str(marked).replace("<mark>", "").replace("</mark>", ""))


def is_window(marked, text, length):
    """Whether a highlight shows one stretch of text (at most length characters), with "…"
    exactly where it was cut."""
    plain = shown(marked)
    for cut_start in (0, 1):
        for cut_end in (0, 1):
            if (cut_start and not plain.startswith("…")) or (cut_end and not plain.endswith("…")):
                continue
            if cut_start + cut_end > len(plain):
                continue
            core = plain[cut_start : len(plain) - cut_end]
            if (
                core in text
                and len(core) <= length
                and (cut_start or text.startswith(core))
                and (cut_end or text.endswith(core))
            ):
                return True
    return False


# Stemming and casing, per language: the cases readers meet.


@pytest.mark.parametrize(
    ("language", "spellings"),
    [
        ("nl", ["lopen", "loopt", "gelopen"]),
        ("nl", ["schoenen", "schoen"]),
        ("nl", ["auto's", "auto"]),
        ("de", ["Schuhe", "Schuh", "Schuhen"]),
        ("de", ["Straße", "Strasse", "STRASSE", "strasse"]),
        ("de", ["Müller", "Mueller", "Muller", "MÜLLER"]),
        ("de", ["Läufer", "Laufer", "Laeufer", "laufen"]),
        ("de", ["Fußball", "Fussball"]),
        ("en", ["running", "runs", "run", "Run"]),
        ("en", ["shoes", "shoe"]),
        ("en", ["runner's", "runner", "runners"]),
        ("tr", ["IŞIK", "ışık", "Işık", "ISIK", "isik"]),
        ("tr", ["İstanbul", "istanbul", "İSTANBUL", "ISTANBUL", "İstanbul'da", "istanbulda"]),
        ("tr", ["koşu", "koşular", "koşuda", "koşunun", "koşuyu", "kosu"]),
        ("tr", ["maraton", "maratonlar", "maratona", "maratonda", "maratonun", "maratonları"]),
        ("tr", ["ayakkabı", "ayakkabılar", "ayakkabıyı", "ayakkabının"]),
        ("tr", ["FIFA", "fifa", "Fifa", "FIFA'nın"]),
    ],
)
def test_spellings_of_a_word_give_one_stem(language, spellings):
    assert {stem(word, language) for word in spellings} == {stem(spellings[0], language)}


@pytest.mark.parametrize(
    ("language", "query", "text"),
    [
        ("nl", "gelopen", "Hoe lang heb je gisteren gelopen? Ik loop elke dag."),
        ("nl", "lopen marathon", "Hij loopt zijn eerste marathon."),
        ("de", "Schuhe", "Welcher Schuh passt zum Halbmarathon?"),
        ("de", "Strasse", "Laufen auf der Straße"),
        ("de", "Mueller", "Thomas Müller schießt"),
        ("de", "Muller", "Thomas Müller schießt"),
        ("de", "Laufer", "Der Läufer startet"),
        ("en", "running", "She runs every day."),
        ("en", "shoes", "Which shoe fits?"),
        ("tr", "IŞIK", "ışık ve gölge"),
        ("tr", "ışık", "IŞIK VE GÖLGE"),
        ("tr", "istanbul maratonu", "İstanbul'da maratona katıldım"),
        ("tr", "koşular", "İlk koşu"),
        ("tr", "maraton", "Maratonlar uzun sürer"),
        ("tr", "kosu ayakkabisi", "Koşu ayakkabısı"),
        ("tr", "fifa", "FIFA Dünya Kupası"),
        ("en", "café", "the cafe at the finish"),
        ("nl", "cafe", "het café bij de finish"),
        ("en", "Ødegaard", "Odegaard scores"),
        ("de", "Fenerbahçe", "Fenerbahce gewinnt"),
    ],
)
def test_query_finds_text(language, query, text):
    assert finds(query, text, language)


# Known misses, written down in qa/search/text.py: a change of stemmer shows up here.


@pytest.mark.parametrize(
    ("language", "one", "other"),
    [
        ("nl", "fiets", "fietsen"),  # fiet / fiets
        ("nl", "liep", "lopen"),
        ("nl", "officiële", "officieel"),  # the trema goes before the stemmer sees it
        ("de", "gelaufen", "laufen"),
        ("en", "ran", "run"),
        ("tr", "koşmak", "koşu"),  # only noun endings
        ("tr", "kalbi", "kalp"),
        ("tr", "golü", "gol"),
        ("tr", "isiklar", "ışıklar"),  # typed without Turkish letters, vowel harmony broken
    ],
)
def test_known_stemmer_misses(language, one, other):
    assert stem(one, language) != stem(other, language)


def test_costs_of_folding_written_down():
    """Umlaut pairs meet in German; an all-capitals Turkish word without Turkish letters
    keeps its ending; a half-typed word past its stem misses."""
    assert stem("zählen", "de") == stem("zahlen", "de")
    assert stem("MARATONLARI", "tr") != stem("maratonları", "tr")
    assert stem("KIRMIZI", "tr") == stem("kırmızı", "tr")
    assert not finds("runnin", "running", "en")


def test_a_half_typed_fiets_still_finds_fietsen():
    """The prefix match on the last word covers the Dutch fiets/fietsen miss."""
    assert finds("fiets", "Welke fietsen zijn het best?", "nl")
    assert not finds("fiets kopen", "fietsen kopen", "nl")


def test_dutch_and_english_read_ue_as_letters():
    """Only German spells ü as ue: in nl and en "Mueller" stays apart, "Muller" meets."""
    for language in ("nl", "en"):
        assert stem("Müller", language) == stem("Muller", language) != stem("Mueller", language)


def test_turkish_letters_are_kept_for_the_stemmer_and_flattened_after():
    assert fold("KOŞU IŞIK", "tr") == "koşu ışık"
    assert terms("koşular ışıklar ağrı gücü", "tr") == ["kos", "isik", "agri", "guc"]
    assert stem("göl", "tr") == stem("gol", "tr")  # the cost: lake and goal meet


def test_fold_never_leaves_a_combining_dot():
    for language in LANGUAGES:
        assert "\u0307" not in fold("İSTANBUL I\u0307zmir", language)
        assert fold("İstanbul", language) == "istanbul"


def test_fold_removes_accents_in_nl_en_de():
    for language in ("nl", "en", "de"):
        assert fold("Één café, naïve Ångström, Straße, Ødegaard, Œuvre", language) == (
            "een cafe, naive angstrom, strasse, odegaard, oeuvre"
        )


def test_capital_i_in_turkish_is_dotless_only_in_a_turkish_word():
    assert fold("IŞIK FIFA İzmir Irmağı", "tr") == "ışık fifa izmir ırmağı"
    assert fold("IŞIK", "en") == "isik"


# Words: spans in the original text.


def test_words_are_spans_of_the_original_text():
    text = "İstanbul'da 5-kilometer, O'Brien's auto's; e\u0301clair foo_bar"
    assert [text[start:end] for start, end in words(text)] == [
        "İstanbul'da",
        "5",
        "kilometer",
        "O",
        "Brien's",
        "auto's",
        "e\u0301clair",
        "foo",
        "bar",
    ]
    assert terms(text, "en") == ["istanbul", "5", "kilomet", "o", "brien", "auto", "eclair", "foo", "bar"]


def test_a_long_part_after_an_apostrophe_is_a_word_of_its_own():
    assert terms("İstanbul'daki Türkiye’nin", "tr") == ["istanbul", "daki", "turki"]


def test_typographic_apostrophes_count():
    assert terms("runner’s runnerʼs", "en") == ["runner", "runner"]


@given(text=st.text(max_size=300), language=st.sampled_from(LANGUAGES))
@bounded
def test_every_word_gives_one_plain_term(text, language):
    """One term per word, each a single token for FTS5 and PostgreSQL: letters and digits."""
    found = terms(text, language)
    assert len(found) == len(words(text))
    assert all(term and term.isalnum() and term == term.lower() for term in found)


# The readers' query syntax.


def test_the_full_syntax():
    query = parse_query('"half marathon" -trail shoes or boots nutr', "en")
    assert query.groups == [
        [Phrase(("half", "marathon"))],
        [Term("shoe"), Term("boot")],
        [Term("nutr", prefix=True)],
    ]
    assert query.excluded == [Term("trail")]
    assert query.words == ["half", "marathon", "shoes", "boots", "nutr"]
    assert not query.only_stop_words and not query.is_empty


@pytest.mark.parametrize(
    ("language", "text"),
    [("nl", "de het een"), ("en", "the and of"), ("de", "der die das"), ("tr", "ve bir bu"), ("tr", "ya da")],
)
def test_only_stop_words(language, text):
    query = parse_query(text, language)
    assert query.only_stop_words and query.is_empty


def test_stop_words_are_dropped_outside_phrases_and_kept_inside():
    query = parse_query('the best shoes for "the offside rule"', "en")
    assert query.groups == [[Term("best")], [Term("shoe")], [Phrase(("the", "offsid", "rule"))]]
    assert query.words == ["best", "shoes", "the", "offside", "rule"]
    assert parse_query('"ya da"', "tr").groups == [[Phrase(("ya", "da"))]]


def test_stop_words_are_checked_with_their_turkish_letters():
    assert parse_query("şu", "tr").only_stop_words
    assert parse_query("su", "tr").groups == [[Term("su", prefix=True)]]


def test_excluded_phrase_and_excluded_stop_word():
    query = parse_query('marathon -"half marathon" -the', "en")
    assert query.groups == [[Term("marathon")]]
    assert query.excluded == [Phrase(("half", "marathon"))]


def test_or_joins_words_and_phrases():
    query = parse_query('"half marathon" OR 10k or marathon boots', "en")
    assert query.groups == [
        [Phrase(("half", "marathon")), Term("10k"), Term("marathon")],
        [Term("boot", prefix=True)],
    ]


@pytest.mark.parametrize(
    ("language", "text"), [("nl", "fiets of step"), ("de", "Rad oder Roller"), ("tr", "koşu veya yüzme")]
)
def test_the_languages_own_or_is_an_ordinary_word(language, text):
    assert len(parse_query(text, language).groups) == 2


def test_a_dangling_or_is_ignored():
    for text in ("or shoes", "shoes or", "shoes or or boots", "or", "OR OR", "shoes or -trail"):
        query = parse_query(text, "en")
        assert all(len(group) <= 2 for group in query.groups)
    assert parse_query("shoes or or boots", "en").groups == [[Term("shoe"), Term("boot", prefix=True)]]
    assert parse_query("shoes or -trail boots", "en").groups == [[Term("shoe")], [Term("boot", prefix=True)]]
    assert parse_query("or", "nl").is_empty


def test_stop_words_do_not_break_an_or():
    assert parse_query("shoes or the boots", "en").groups == [[Term("shoe"), Term("boot", prefix=True)]]


@pytest.mark.parametrize(
    ("text", "prefix"),
    [
        ("nutr", True),
        ("shoes nutr ", False),  # ends in a space: the word is finished
        ('"nutr"', False),
        ("shoes -nutr", False),
        ("formula 1", False),  # one character: exact
        ("running", True),
    ],
)
def test_the_last_word_is_also_a_prefix(text, prefix):
    query = parse_query(text, "en")
    last = query.groups[-1][-1] if query.groups else None
    assert isinstance(last, Term) and last.prefix is prefix


def test_a_prefix_is_of_the_stem():
    """The last word "running" matches run* (runner, runs), not only "running"."""
    assert parse_query("running", "en").groups == [[Term("run", prefix=True)]]
    assert finds("running", "a good runner", "en")


def test_a_stop_word_as_last_word_is_not_a_prefix():
    assert parse_query("marathon the", "en").groups == [[Term("marathon")]]


def test_hyphenated_and_punctuated_words_are_phrases():
    assert parse_query("5-kilometer race", "en").groups == [[Phrase(("5", "kilomet"))], [Term("race", prefix=True)]]
    assert finds("5-kilometer", "a 5 kilometer race", "en")
    assert parse_query("state-of-the-art", "en").groups == [[Phrase(("state", "of", "the", "art"))]]


def test_quotes_of_every_kind_and_unbalanced():
    assert parse_query("„Halbmarathon Training“", "de").groups == [[Phrase(("halbmarathon", "training"))]]
    assert parse_query("“half marathon”", "en").groups == [[Phrase(("half", "marathon"))]]
    assert parse_query('shoes "half marathon', "en").groups == [[Term("shoe")], [Phrase(("half", "marathon"))]]


def test_repeated_words_are_one_condition():
    assert parse_query("shoes shoe SHOES", "en").groups == [[Term("shoe")], [Term("shoe", prefix=True)]]
    assert len(parse_query("shoes shoes boots", "en").groups) == 2
    assert parse_query("shoes boots shoes or sandals", "en").groups == [
        [Term("shoe")],
        [Term("boot")],
        [Term("shoe"), Term("sandal", prefix=True)],
    ]


@pytest.mark.parametrize(
    "text",
    ["", "   ", '"', '""""', "-", "- -", "--", '-""', "!!!", "\x00\x01\x1f", "🏃‍♀️🏅", '"' * MAX_QUERY_LENGTH, "or or"],
)
def test_unusable_queries_are_empty(text):
    query = parse_query(text, "en")
    assert query.is_empty and query == Query(only_stop_words=query.only_stop_words)


def test_a_query_over_the_limit_is_refused():
    assert not parse_query("a" * MAX_QUERY_LENGTH, "en").is_empty
    with pytest.raises(QueryTooLong):
        parse_query("a" * (MAX_QUERY_LENGTH + 1), "en")
    assert issubclass(QueryTooLong, ValueError)


def test_an_unknown_language_is_a_programming_error():
    with pytest.raises(ValueError):
        terms("shoes", "fr")


QUERY_PIECES = st.sampled_from(['"', "-", "or", "OR", " ", "„", "“", '-"', "*", "\x00", "🏃", "İ", "I", "ß", "&"])
QUERY_WORDS = st.sampled_from(["shoes", "the", "marathon", "koşu", "IŞIK", "Straße", "de", "<script>", "5-km", "a'b"])
queries = st.one_of(
    st.text(max_size=MAX_QUERY_LENGTH + 20),
    st.lists(st.one_of(QUERY_PIECES, QUERY_WORDS), max_size=40).map(" ".join),
    st.lists(st.one_of(QUERY_PIECES, QUERY_WORDS), max_size=40).map("".join),
)


@given(text=queries, language=st.sampled_from(LANGUAGES))
@bounded
def test_any_query_string_is_safe(text, language):
    if len(text) > MAX_QUERY_LENGTH:
        with pytest.raises(QueryTooLong):
            parse_query(text, language)
        return
    query = parse_query(text, language)
    assert query.is_empty == (not query.groups)
    for alternative in [a for group in query.groups for a in group] + query.excluded:
        if isinstance(alternative, Phrase):
            assert len(alternative.stems) > 1 and all(s.isalnum() for s in alternative.stems)
        else:
            assert alternative.stem.isalnum()
    assert all(group for group in query.groups)


# Highlighting.

ANSWER = (
    "Before the race, sleep well and eat what you know. "
    "Many runners carry gels & water; <script>alert('x')</script> is not food. "
    "On race day the best marathon shoes are the ones you trained in, not new shoes. "
    "After the finish, walk for ten minutes, then stretch. " * 3
)


def test_highlight_marks_matches_and_escapes_everything_else():
    marked = highlight("Shoes & <script>alert(1)</script> for running", parse_query("<script> runs &", "en"), "en")
    assert isinstance(marked, SafeString)
    assert (
        str(marked)
        == "Shoes &amp; &lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt; for <mark>running</mark>"
    )


def test_highlight_shows_the_densest_window_cut_at_words():
    marked = str(highlight(ANSWER, parse_query("marathon shoes", "en"), "en", length=80))
    assert marked.startswith("…") and marked.endswith("…")
    assert "<mark>marathon shoes</mark>" in marked
    assert is_window(marked, ANSWER, 80)
    plain = shown(marked)[1:-1]
    start = ANSWER.index(plain)
    assert not ANSWER[start - 1].isalnum() and not ANSWER[start + len(plain)].isalnum()


def test_highlight_marks_by_stem_prefix_and_phrase_not_exclusions():
    text = "Runners run; the half marathon runs past a marathon shop."
    marked = str(highlight(text, parse_query('"half marathon" -shop runn', "en"), "en"))
    assert marked == "<mark>Runners</mark> run; the <mark>half marathon</mark> runs past a marathon shop."


def test_highlight_keeps_a_turkish_suffix_inside_the_mark():
    marked = str(highlight("Geçen yıl İstanbul'da koştum.", parse_query("ISTANBUL", "tr"), "tr"))
    assert marked == "Geçen yıl <mark>İstanbul&#x27;da</mark> koştum."


def test_highlight_without_a_match_shows_the_start():
    marked = str(highlight(ANSWER, parse_query("bicycle", "en"), "en", length=60))
    assert not marked.startswith("…") and marked.endswith("…") and "<mark>" not in marked
    assert ANSWER.startswith(shown(marked)[:-1])
    assert str(highlight("Short & sweet", parse_query("", "en"), "en")) == "Short &amp; sweet"


def test_highlight_of_one_word_longer_than_the_window():
    text = "see " + "x" * 150 + " end"
    marked = str(highlight(text, parse_query("x" * 150, "en"), "en", length=50))
    assert is_window(marked, text, 50) and "<mark>" in marked


def test_highlight_takes_a_query_string():
    assert "<mark>shoes</mark>" in highlight("new shoes", "shoe", "en")


HIGHLIGHT_WORDS = st.sampled_from(
    ["shoes", "marathon", "the", "<b>", "&amp;", "koşu", "İstanbul'da", "IŞIK", "Straße", "5-km", "…", "x" * 60, "\n"]
)
texts = st.one_of(
    st.text(max_size=600),
    st.lists(st.one_of(HIGHLIGHT_WORDS, st.text(max_size=8)), max_size=120).map(" ".join),
)


@given(
    text=texts,
    query=st.one_of(
        st.text(max_size=MAX_QUERY_LENGTH),
        st.lists(HIGHLIGHT_WORDS, max_size=6).map(" ".join).map(lambda text: text[:MAX_QUERY_LENGTH]),
    ),
    language=st.sampled_from(LANGUAGES),
    length=st.integers(min_value=1, max_value=300),
)
@bounded
def test_highlight_is_always_an_escaped_window_of_the_text(text, query, language, length):
    marked = highlight(text, parse_query(query, language), language, length=length)
    assert is_window(marked, text, length)
    assert "<" not in str(marked).replace("<mark>", "").replace("</mark>", "")
