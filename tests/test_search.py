"""Search in four languages (qa.search), on SQLite's FTS5 (make test) and PostgreSQL's
tsvector (make test-services): the same stemming and casing on both, visibility asked
at query time, the index following every edit, and a results page that is never
stored in the page cache."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from qa.languages import column
from qa.models import Answer, Question
from qa.search import results as search_results
from tests.factories import in_state, make_asker, make_category
from tests.test_cache_keys import page_entries

pytestmark = pytest.mark.django_db
SEARCH = {"en": "/en/search/", "nl": "/nl/zoeken/", "de": "/de/suche/", "tr": "/tr/ara/"}


def make(code, title, answers, status=Question.State.PUBLISHED, published_at=None, **other_languages):
    """A question in language code (and others given as code=(title, answers)): answers
    are (heading, body) pairs."""
    languages = {code: (title, answers), **other_languages}
    question = Question(
        asker=make_asker(),
        category=make_category(),
        **in_state(status, published_at or timezone.now() - timedelta(days=1)),
    )
    for lang, (text, _answers) in languages.items():
        setattr(question, column("title", lang), text)
    question.save()
    for position in range(max(len(a) for _t, a in languages.values())):
        answer = Answer(question=question, position=position + 1)
        for lang, (_text, pairs) in languages.items():
            heading, body = pairs[position]
            setattr(answer, column("heading", lang), heading)
            setattr(answer, column("body", lang), body)
        answer.save()
    question.refresh_from_db()
    return question


def found(code, text):
    return [hit.question.pk for hit in search_results.search(code, text).hits]


def test_each_language_finds_its_own_questions_only():
    running = make("en", "How do I start running?", [("When?", "Run three times a week.")])
    dutch = make("nl", "Hoe begin ik met hardlopen?", [("Wanneer?", "Drie keer per week lopen.")])
    assert found("en", "running") == [running.pk]
    assert found("nl", "hardlopen") == [dutch.pk]
    assert found("nl", "running") == [] and found("de", "running") == []


def test_drafts_scheduled_and_incomplete_languages_are_never_found_until_visible(monkeypatch):
    draft = make("en", "A draft about pacing", [("Why?", "Pacing matters.")], status=Question.State.DRAFT)
    soon = timezone.now() + timedelta(hours=1)
    later = make("en", "Scheduled pacing advice", [("Why?", "Pacing.")], published_at=soon)
    assert found("en", "pacing") == []
    draft.set_state(Question.State.PUBLISHED)
    draft.save()
    assert found("en", "pacing") == [draft.pk]
    after = timezone.now() + timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: after)  # no re-index: visibility is asked at query time
    assert sorted(found("en", "pacing")) == sorted([draft.pk, later.pk])


@pytest.mark.parametrize(
    ("code", "indexed", "asked"),
    [
        ("nl", "Ik heb gisteren tien kilometer gelopen.", "lopen"),
        ("nl", "Hij loopt elke ochtend.", "gelopen"),
        ("de", "Welche Schuhe passen?", "Schuh"),
        ("de", "Laufen auf der Straße", "Strasse"),
        ("en", "She runs every day.", "running"),
        ("tr", "Sabah ışık çok güzel.", "IŞIK"),
        ("tr", "İstanbul maratonu", "istanbul"),
    ],
)
def test_words_find_their_other_forms_and_spellings(code, indexed, asked):
    question = make(code, f"A question ({code})", [("?", indexed)])
    assert found(code, asked) == [question.pk]


def test_phrases_exclusions_or_and_a_half_typed_last_word():
    shoes = make("en", "Trail shoes for beginners", [("Which?", "Light trail shoes with grip.")])
    road = make("en", "Road shoes for beginners", [("Which?", "Cushioned road shoes.")])
    boots = make("en", "Hiking boots", [("Which?", "Boots for rough trails.")])
    assert found("en", '"trail shoes"') == [shoes.pk]
    assert found("en", "shoes -trail") == [road.pk]
    assert sorted(found("en", "cushioned or boots")) == sorted([road.pk, boots.pk])
    assert found("en", "cushio") == [road.pk]  # the last word is a prefix too


def test_title_matches_rank_above_sub_question_matches_above_answer_text():
    in_body = make("en", "About training", [("How often?", "Intervals twice a week.")])
    in_heading = make("en", "About racing", [("Why intervals?", "They build speed.")])
    in_title = make("en", "Intervals explained", [("What?", "Short fast runs.")])
    assert found("en", "intervals") == [in_title.pk, in_heading.pk, in_body.pk]


def test_snippets_mark_the_words_and_escape_everything_else(client):
    make("en", "Script tags & marathons", [("Can I?", "Never put `<script>` in a marathon plan & stay safe.")])
    page = client.get(SEARCH["en"], {"q": "marathon"}).content.decode()
    assert "<mark>marathon</mark>" in page or "<mark>Marathon</mark>" in page
    assert "<script>" not in page.split("<main", 1)[1] and "&lt;script&gt;" in page


def test_the_index_follows_edits_and_deletes():
    question = make("en", "Cadence for runners", [("What?", "Steps per minute.")])
    question.title_en = "Stride length for runners"
    question.save()
    assert found("en", "cadence") == [] and found("en", "stride") == [question.pk]
    answer = question.answers.get()
    answer.body_en = "Measured in centimetres."
    answer.save()
    assert found("en", "centimetres") == [question.pk] and found("en", "minute") == []
    question.delete()
    assert found("en", "stride") == []


def test_every_language_has_a_results_page_that_is_never_stored(client):
    make("en", "Warm-up routines", [("How?", "Ten minutes.")], nl=("Opwarmen", [("Hoe?", "Tien minuten.")]))
    make("de", "Aufwärmen", [("Wie?", "Zehn Minuten.")], tr=("Isınma", [("Nasıl?", "On dakika.")]))
    words = {"en": "minutes", "nl": "minuten", "de": "Minuten", "tr": "dakika"}
    for code, path in SEARCH.items():
        response = client.get(path, {"q": words[code]})
        body = response.content.decode()
        assert response.status_code == 200 and f'<html lang="{code}">' in body
        assert "<mark>" in body and '<meta name="robots" content="noindex">' in body
        assert "no-store" in response["Cache-Control"] and response.get("X-Page-Cache") != "hit"
        assert client.get(path, {"q": words[code]}).get("X-Page-Cache") != "hit"
    assert not page_entries()


def test_too_long_empty_and_stop_word_queries_are_answered_plainly(client):
    make("en", "Hydration", [("How much?", "Drink to thirst.")])
    long = client.get(SEARCH["en"], {"q": "a" * 201})
    assert long.status_code == 200 and "at most 200 characters" in long.content.decode()
    empty = client.get(SEARCH["en"]).content.decode()
    assert 'role="search"' in empty and "Hydration" in empty  # the newest questions
    stop = client.get(SEARCH["en"], {"q": "the and of"}).content.decode()
    assert "too common" in stop
    assert client.get(SEARCH["en"], {"q": "hydration", "page": "9"}).status_code == 404


def test_the_results_page_costs_the_same_queries_for_two_hits_and_ten(client):
    for n in range(2):
        make("en", f"Tempo run {n}", [("What?", "Comfortably hard.")])
    with CaptureQueriesContext(connection) as two:
        client.get(SEARCH["en"], {"q": "tempo"})
    for n in range(2, 12):
        make("en", f"Tempo run {n}", [("What?", "Comfortably hard.")])
    with CaptureQueriesContext(connection) as ten:
        client.get(SEARCH["en"], {"q": "tempo"})
    assert len(ten) == len(two)


def test_every_reader_page_has_the_search_form(client):
    make("en", "Stretching", [("When?", "After running.")])
    for path in ("/en/", "/nl/", "/de/", "/tr/"):
        body = client.get(path).content.decode()
        assert "<search>" in body and 'name="q"' in body


def test_browsers_and_search_engines_are_told_about_the_search(client):
    import json
    import xml.etree.ElementTree as ET

    for code, path in SEARCH.items():
        home = client.get(f"/{code}/").content.decode()
        link = f'type="application/opensearchdescription+xml" title="Project Sports" href="/{code}/opensearch.xml">'
        assert f'<link rel="search" {link}' in home
        data = json.loads(home.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0])
        target = data["potentialAction"]["target"]["urlTemplate"]
        assert data["@type"] == "WebSite" and target == f"http://testserver{path}?q={{search_term_string}}"
        response = client.get(f"/{code}/opensearch.xml")
        assert response["Content-Type"].startswith("application/opensearchdescription+xml")
        root = ET.fromstring(response.content)
        ns = "{http://a9.com/-/spec/opensearch/1.1/}"
        assert root.find(f"{ns}Url").get("template") == f"http://testserver{path}?q={{searchTerms}}"
        assert root.findtext(f"{ns}Language") == code


def test_rebuild_search_index_brings_back_every_question(capsys):
    from django.core.management import call_command

    from qa.search.indexing import backend

    questions = [make("en", f"Cooldown routine {n}", [("Why?", "Lower the heart rate.")]) for n in range(3)]
    backend().delete_all()
    assert found("en", "cooldown") == []
    call_command("rebuild_search_index", batch_size=2)
    assert sorted(found("en", "cooldown")) == sorted(q.pk for q in questions)
    assert "Indexed 3 questions" in capsys.readouterr().out


def test_category_and_tag_names_are_found_and_follow_renames_and_deletes():
    from tests.factories import make_tag

    question = make("en", "How often should I train?", [("A rule?", "Rest a day between hard sessions.")])
    category = question.category
    category.name_en = "Triathlon"
    category.save()
    assert found("en", "triathlon") == [question.pk]
    tag = make_tag("Periodisation")
    question.tags.add(tag)
    assert found("en", "periodisation") == [question.pk]
    tag.refresh_from_db()
    tag.name_en = "Tapering"
    tag.save()
    assert found("en", "periodisation") == [] and found("en", "tapering") == [question.pk]
    tag.delete()
    assert found("en", "tapering") == []
    # A tag or category saved without a new name indexes nothing again.
    with CaptureQueriesContext(connection) as saved:
        category.refresh_from_db()
        category.save()
    assert not [query for query in saved.captured_queries if "qa_search" in query["sql"]]


def test_a_search_that_finds_nothing_suggests_a_correction_in_each_language(client):
    make("en", "What is the offside rule?", [("Who decides?", "The assistant referee.")])
    make("nl", "Hoe hoog moet mijn zadel staan?", [("Waarom?", "Voor de knieën.")])
    make("de", "Welche Laufschuhe für den Marathon?", [("Wann?", "Nach 800 Kilometern.")])
    make("tr", "Maraton için ne kadar antrenman?", [("Ne zaman?", "Işık varken koşun.")])
    asked = {"en": ("ofside rulle", "offside rule"), "nl": ("zadle", "zadel"), "de": ("Marahton", "marathon")}
    asked["tr"] = ("maratno", "maraton")
    for code, (typo, correction) in asked.items():
        body = client.get(SEARCH[code], {"q": typo}).content.decode()
        assert f">{correction}</a>" in body, (code, typo)
        assert f'href="?q={correction.replace(" ", "+")}"' in body
        assert client.get(SEARCH[code], {"q": correction}).content.decode().count("<mark>") >= 1


def test_a_correction_is_offered_only_when_it_finds_something():
    from qa.search.suggestions import suggest

    question = make("en", "Is cadence trainable?", [("How?", "Short strides.")])
    assert suggest("en", "cadense") == "cadence"
    assert suggest("en", "cadence") is None  # nothing misspelt
    assert suggest("en", "qwxzv") is None  # nothing near
    question.delete()  # "cadence" stays in the vocabulary until a rebuild, but finds nothing
    assert suggest("en", "cadense") is None


HIDDEN_WORDS = {"en": "zzdraftsecret", "nl": "zzconceptgeheim", "de": "zzentwurfgeheimnis", "tr": "zztaslakgizli"}
SEEN_WORDS = {"en": "marathon", "nl": "marathon", "de": "marathon", "tr": "maraton"}


@pytest.mark.parametrize("code", ["nl", "en", "de", "tr"])
@pytest.mark.parametrize("state", ["draft", "review", "scheduled"])
def test_a_suggestion_never_shows_a_word_readers_cannot_find(client, code, state):
    """Words of a draft, of a language in review and of a scheduled one are in the
    vocabulary; with `or`, an exclusion or a phrase the whole corrected query finds
    something, but the hidden word is never offered. (A word is checked by its stem, as
    every search is: a form of a word readers can find may be offered.)"""
    from qa.search.suggestions import suggest

    hidden, seen = HIDDEN_WORDS[code], SEEN_WORDS[code]
    make(code, f"Pacing the {seen}", [("When?", f"Every {seen} starts slowly.")])
    when = timezone.now() + timedelta(days=3) if state == "scheduled" else None
    status = Question.State.PUBLISHED if state == "scheduled" else state
    make(code, f"Plans for the {hidden}", [("Why?", f"The {hidden} is not out yet.")], status, when)
    typo, seen_typo = hidden[:-2] + hidden[-1], seen[:-2] + seen[-1]
    for text in [f"{typo} or {seen_typo}", f"{seen_typo} -{typo}", f'"{typo} {seen_typo}"', f"{typo} {seen_typo}"]:
        offered = suggest(code, text)
        assert offered is None or hidden not in offered, (text, offered)
        body = client.get(SEARCH[code], {"q": text}).content.decode()
        assert hidden not in body, text
    assert suggest(code, f"{typo} or {seen_typo}") == f"{typo} or {seen}"  # the visible word is still corrected


def test_a_hidden_word_does_not_hide_a_visible_correction():
    """When the closest word is a draft's, the next closest that readers can find is offered."""
    from qa.search.suggestions import suggest

    make("en", "Running strides", [("How many?", "Six strides after each run.")])
    make("en", "Stridez, a new shoe", [("Why?", "Stridez is not out yet.")], Question.State.DRAFT)
    assert suggest("en", "stridzz") == "strides"  # "stridez" is one letter closer


def test_turkish_suggestions_keep_turkish_letters_and_casing():
    from qa.search.suggestions import suggest

    make("tr", "Koşu ayakkabısı nasıl seçilir?", [("Ne zaman?", "Işıklı bir mağazada.")])
    assert suggest("tr", "ayakabısı") == "ayakkabısı"
    assert suggest("tr", "IŞKLI") == "ışıklı"


def test_a_half_typed_word_finds_the_longer_words_and_compounds_it_begins():
    from qa.search.prefixes import expand
    from qa.search.text import parse_query

    plan = make("de", "Wie sieht ein Trainingsplan für den Winter aus?", [("Wann?", "Im Herbst beginnen.")])
    week = make("de", "Was gehört in eine Trainingswoche?", [("Wie oft?", "Dreimal laufen.")])
    assert sorted(found("de", "Trainings")) == sorted([plan.pk, week.pk])
    assert found("de", "Trainingsp") == [plan.pk]
    assert found("de", "Trainingsp ") == []  # a space after the word: it is whole
    # The prefix stands for its own stem and the vocabulary's stems that begin with it.
    (group,) = expand(parse_query("Trainingsp", "de"), "de").groups
    assert all(not term.prefix for term in group) and any(term.stem.startswith("trainingsplan") for term in group)
