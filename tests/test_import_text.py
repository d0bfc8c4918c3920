"""A page of plain text as a new draft question (qa.exchange.text): the parser's rules,
saving, `manage.py import_text` and the admin's "New question from text"."""

import io
import sys
import uuid

import pytest
from django.contrib.auth.models import Permission, User
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from reversion.models import Version

from qa import languages
from qa.exchange import text, text_admin
from qa.languages import column
from qa.markdown import html_to_text, render
from qa.models import Answer, Asker, Question
from qa.readtime import read_time
from tests.factories import make_asker, make_category
from tests.html import parse as parse_html

CODES = languages.codes()
FROM_TEXT = reverse("admin:qa_question_from_text")
CHANGELIST = reverse("admin:qa_question_changelist")

DUTCH = """\
Project Sports
Vragen en antwoorden over sport
Nederlands English Deutsch Türkçe
Project Sports › Schaatsen

Hoe bereid je je voor op de Elfstedentocht?
7 min. leestijd
Gesteld door: Sietske Hoekstra

Hoe lang is de tocht?
De route is ongeveer 200 kilometer lang en voert langs elf Friese steden.
Wie voor middernacht binnen is, krijgt het felbegeerde kruisje.

Wat neem je mee?
1. Schaatsen met lange ijzers
2. Twee paar warme handschoenen
3) Een stempelkaart voor elke stad

Is er een leeftijdsgrens?

Wanneer gaat de tocht door?
Alleen als het ijs overal minstens vijftien centimeter dik is. Dan klinkt door heel Friesland: “It giet oan!”
"""

GERMAN = """\
Project Sports
Fragen und Antworten rund um den Sport
Nederlands English Deutsch Türkçe
Startseite › Fußball

Was bedeutet „Abseits“ im Fußball?
5 Min. Lesezeit
Gestellt von: Jürgen Weiß

Wann steht ein Spieler im Abseits?
Ein Spieler steht im Abseits, wenn er beim Zuspiel näher an der gegnerischen Torlinie ist als der Ball.
Der Schiedsrichter sagt dann: „Das war knapp, aber klar Abseits.“
Welche Spieler zählen mit?
• Der Torwart zählt als Gegenspieler.
• Arme und Hände zählen nicht.
• In der eigenen Hälfte gibt es kein Abseits.
Wie oft wird Abseits gepfiffen?
Wettbewerb  Spiele  Abseits pro Spiel
Bundesliga  306  3,9
DFB-Pokal  63  4,2
"""

TURKISH = """\
Project Sports
Spor hakkında sorular ve cevaplar
Nederlands\tEnglish\tDeutsch\tTürkçe
Ana sayfa › Güreş

Yağlı güreş nasıl yapılır?
6 dk okuma
Soran: İlkay Işık

Kırkpınar nedir?
Kırkpınar, Edirne'de her yaz düzenlenen ve yüzyıllardır süren bir güreş festivalidir.
Pehlivanlar neden zeytinyağı sürer?
Yağ, rakibi tutmayı zorlaştırır; böylece güç kadar ustalık da önem kazanır.
- Yağ vücudu serin tutar.
- Güreşçiler birbirini yağlar: bu bir saygı işaretidir.
Kıspet nedir?
Kıspet, manda derisinden dikilen ağır bir pantolondur.
Hangi kategoriler var?
Kategori\tYaş
Baş\tYetişkin
Tesviye\tGenç
"""

SWIMMING = [
    ("Which stroke should I learn first?", "Most coaches start with front crawl: it is the fastest and most useful."),
    ("How often should I swim?", "Two or three times a week is enough to make steady progress."),
    ("How long should a session be?", "Forty-five minutes, warm-up and cool-down included."),
    ("Do I need goggles?", "Yes: they protect your eyes and let you see the line on the bottom."),
    ("What about a swimming cap?", "A cap keeps hair out of your face and chlorine out of your hair."),
    (
        "How do I breathe in front crawl?",
        "Turn your head to the side as your arm comes forward, and breathe out under water.",
    ),
    ("Why do my legs sink?", "Usually the head is too high: look down, and the hips come up."),
    ("Should I kick hard?", "No. A steady, small kick from the hips saves energy for the arms."),
    ("What is a flip turn?", "A somersault at the wall that turns you round without stopping."),
    ("Is swimming good for a bad back?", "Often it is, but ask your doctor which strokes suit you."),
    ("How do I count lengths?", "Count on your fingers, or let a waterproof watch do it."),
    (
        "What is interval training in the pool?",
        "Short repeats with fixed rests, such as 8 × 50 metres with 20 seconds rest.",
    ),
    ("Can I swim on an empty stomach?", "An easy session, yes; for a hard one eat something small first."),
    ("How warm is the water?", "Most pools keep it between 26 and 28 °C."),
    ("Do I need a kickboard?", "It helps you practise the kick on its own, but it is not required."),
    ("What are pull buoys for?", "Held between the legs, a pull buoy lets you train only the arms."),
    ("How do I swim in open water?", "Never alone, in a bright cap, and look up every few strokes to stay on course."),
    ("What is a wetsuit for?", "Warmth and buoyancy in cold lakes and the sea."),
    ("How do I stop swallowing water?", "Breathe out steadily under water so that you only breathe in above it."),
    ("When will I swim a kilometre?", "After two or three months of regular training, most adults manage it."),
    ("Should I join a club?", "A club gives you a coach, a lane and people to swim with."),
    ("What should I eat after swimming?", "Something with protein and carbohydrates within an hour."),
]

ENGLISH = (
    "Project Sports\n"
    "Questions and answers about sports\n"
    "Nederlands English Deutsch Türkçe\n"
    "Home › Swimming\n"
    "\n"
    "What should a beginner know about swimming?\n"
    "9 min read\n"
    "Asked by: Maria Lopez\n"
    "\n" + "".join(f"{question}\n{answer}\n\n" for question, answer in SWIMMING)
)

PAGES = {"nl": DUTCH, "en": ENGLISH, "de": GERMAN, "tr": TURKISH}


def line_of(page, start):
    """The number of the first line of page that starts with start."""
    return next(n for n, line in enumerate(page.splitlines(), 1) if line.startswith(start))


def rendered(parsed, heading):
    return render(next(answer.body for answer in parsed.answers if answer.heading == heading))


def messages(found):
    return [str(message) for message in found]


# --- The parser ---------------------------------------------------------------------


def test_a_dutch_page_gives_its_title_asker_and_sub_questions_and_drops_the_read_time():
    parsed = text.parse(DUTCH, "nl")
    assert parsed.errors == []
    assert (parsed.title, parsed.title_line) == ("Hoe bereid je je voor op de Elfstedentocht?", 6)
    assert parsed.asker == "Sietske Hoekstra"
    assert [(answer.heading, answer.line) for answer in parsed.answers] == [
        ("Hoe lang is de tocht?", 10),
        ("Wat neem je mee?", 14),
        ("Is er een leeftijdsgrens?", 19),
        ("Wanneer gaat de tocht door?", 21),
    ]
    assert not any("leestijd" in answer.body for answer in parsed.answers)
    assert not any(warning.line == 7 for warning in parsed.warnings)  # recognised, not ignored


def test_lines_above_the_title_are_ignored_each_with_a_warning():
    parsed = text.parse(DUTCH, "nl")
    above = [str(warning) for warning in parsed.warnings if warning.line < parsed.title_line]
    assert above == [
        "line 1: ignored above the title: Project Sports",
        "line 2: ignored above the title: Vragen en antwoorden over sport",
        "line 3: ignored above the title: Nederlands English Deutsch Türkçe",
        "line 4: ignored above the title: Project Sports › Schaatsen",
    ]


def test_each_line_of_an_answer_is_a_paragraph_and_typographic_quotes_stay():
    parsed = text.parse(DUTCH, "nl")
    assert parsed.answers[0].body == (
        "De route is ongeveer 200 kilometer lang en voert langs elf Friese steden.\n\n"
        "Wie voor middernacht binnen is, krijgt het felbegeerde kruisje."
    )
    assert parsed.answers[3].body.endswith("Dan klinkt door heel Friesland: “It giet oan!”")


def test_numbered_lines_become_an_ordered_list():
    parsed = text.parse(DUTCH, "nl")
    assert parsed.answers[1].body == (
        "1. Schaatsen met lange ijzers\n2. Twee paar warme handschoenen\n3. Een stempelkaart voor elke stad"
    )
    html = rendered(parsed, "Wat neem je mee?")
    assert html.startswith("<ol>") and html.count("<li>") == 3


def test_a_sub_question_without_an_answer_is_kept_with_a_warning_naming_its_line():
    parsed = text.parse(DUTCH, "nl")
    assert parsed.answers[2] == ("Is er een leeftijdsgrens?", "", 19)
    assert any(str(warning).startswith("line 19: ") and "no answer" in str(warning) for warning in parsed.warnings)


def test_a_german_page_keeps_its_quotes_and_gives_a_bullet_list_and_a_table():
    parsed = text.parse(GERMAN, "de")
    assert parsed.errors == []
    assert parsed.title == "Was bedeutet „Abseits“ im Fußball?"
    assert parsed.asker == "Jürgen Weiß"
    assert "„Das war knapp, aber klar Abseits.“" in parsed.answers[0].body
    assert parsed.answers[1].body == (
        "- Der Torwart zählt als Gegenspieler.\n- Arme und Hände zählen nicht.\n"
        "- In der eigenen Hälfte gibt es kein Abseits."
    )
    assert parsed.answers[2].body == (
        "| Wettbewerb | Spiele | Abseits pro Spiel |\n| --- | --- | --- |\n| Bundesliga | 306 | 3,9 |\n"
        "| DFB-Pokal | 63 | 4,2 |"
    )
    table = rendered(parsed, "Wie oft wird Abseits gepfiffen?")
    assert "<th>Abseits pro Spiel</th>" in table and "<td>DFB-Pokal</td>" in table


def test_a_turkish_page_gives_its_asker_and_a_table_of_tab_separated_cells():
    parsed = text.parse(TURKISH, "tr")
    assert parsed.errors == []
    assert (parsed.title, parsed.asker) == ("Yağlı güreş nasıl yapılır?", "İlkay Işık")
    assert [answer.heading for answer in parsed.answers] == [
        "Kırkpınar nedir?",
        "Pehlivanlar neden zeytinyağı sürer?",
        "Kıspet nedir?",
        "Hangi kategoriler var?",
    ]
    assert parsed.answers[1].body.endswith(
        "- Yağ vücudu serin tutar.\n- Güreşçiler birbirini yağlar: bu bir saygı işaretidir."
    )
    assert parsed.answers[3].body == "| Kategori | Yaş |\n| --- | --- |\n| Baş | Yetişkin |\n| Tesviye | Genç |"
    assert not any("okuma" in answer.body for answer in parsed.answers)


def test_an_english_page_with_twenty_two_sub_questions():
    parsed = text.parse(ENGLISH, "en")
    assert parsed.errors == []
    assert (parsed.title, parsed.asker) == ("What should a beginner know about swimming?", "Maria Lopez")
    assert [(answer.heading, answer.body) for answer in parsed.answers] == SWIMMING
    assert [answer.line for answer in parsed.answers] == [10 + 3 * n for n in range(22)]
    assert [warning.line for warning in parsed.warnings] == [1, 2, 3, 4]


@pytest.mark.parametrize(
    ("code", "read_time_line", "asker_line"),
    [
        ("nl", "12 min. leestijd", "Gesteld door: Fenna Bakker"),
        ("en", "12 min read", "Asked by: Fenna Bakker"),
        ("de", "12 Min. Lesezeit", "Gestellt von: Fenna Bakker"),
        ("tr", "12 dk okuma", "Soran: Fenna Bakker"),
    ],
)
def test_the_read_time_and_asker_lines_of_each_language(code, read_time_line, asker_line):
    for meta in ([read_time_line, asker_line], [f"{read_time_line} · {asker_line}"]):
        page = "\n".join(["Why do sprinters crouch at the start?", *meta, "Is it faster?", "Yes."])
        parsed = text.parse(page, code)
        assert parsed.asker == "Fenna Bakker"
        assert parsed.warnings == [] and parsed.errors == []
        assert parsed.answers == [("Is it faster?", "Yes.", len(meta) + 2)]


def test_the_page_s_words_in_another_language_than_the_chosen_one_are_flagged():
    parsed = text.parse(TURKISH, "en")
    assert "line 7: “6 dk okuma” is Türkçe, but the page is read as English: is the language right?" in messages(
        parsed.warnings
    )
    assert parsed.asker == "İlkay Işık"  # still taken


def test_the_asker_s_name_may_be_on_the_line_after_asked_by():
    parsed = text.parse("Why do cyclists shave their legs?\nAsked by:\nTom Dumoulin\nDoes it help?\nA little.", "en")
    assert parsed.asker == "Tom Dumoulin" and parsed.warnings == []
    assert [answer.heading for answer in parsed.answers] == ["Does it help?"]


def test_a_read_time_copied_straight_into_the_asker_line_is_still_both():
    parsed = text.parse("Why do cyclists shave their legs?\n6 min readAsked by: Tom Dumoulin\nDoes it help?\nNo.", "en")
    assert parsed.asker == "Tom Dumoulin" and parsed.warnings == []


def test_an_asker_line_without_a_usable_name_is_ignored_with_a_warning():
    long_name = "Tom " * 30
    parsed = text.parse(f"Why row?\nAsked by: {long_name}\nIs it hard?\nYes.", "en")
    assert parsed.asker is None
    assert "line 2: the asker’s name is longer than 100 characters: ignored." in messages(parsed.warnings)
    parsed = text.parse("Why row?\nAsked by:\n\nIs it hard?\nYes.", "en")
    assert "line 2: “Asked by:” without a name: ignored." in messages(parsed.warnings)


def test_a_page_without_an_asker_says_who_will_ask_it(settings):
    parsed = text.parse("Why do cyclists shave their legs?\nDoes it help?\nA little.", "en")
    assert parsed.asker is None
    assert messages(parsed.warnings) == [
        f"line 1: no “Asked by:” line: the question will be asked by “{settings.SITE_NAME}”; change that in its form."
    ]


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Why do we warm up?   ", "Why do we warm up?"),
        ("なぜ走るのですか？", "なぜ走るのですか？"),
        ("¿Por qué corremos maratones?", "¿Por qué corremos maratones?"),
        ("Warum   laufen wir?", "Warum laufen wir?"),
    ],
)
def test_what_ends_in_a_question_mark(line, title):
    parsed = text.parse(f"{line}\nIs it needed?\nAlways.", "en")
    assert parsed.title == title


def test_list_items_quotes_and_table_rows_that_end_in_a_question_mark_are_no_sub_questions():
    page = "Title of the page?\nFirst sub-question?\n- Really?\n2. Why not?\n> Who said so?\nSport  Why?\nPolo  Horses"
    parsed = text.parse(page, "en")
    assert len(parsed.answers) == 1
    assert parsed.answers[0].body == (
        "- Really?\n\n2. Why not?\n\n> Who said so?\n\n| Sport | Why? |\n| --- | --- |\n| Polo | Horses |"
    )


def test_a_question_line_too_long_for_a_heading_is_a_paragraph_with_a_warning():
    longest, too_long = "Is it " + "far " * 47 + "away!?", "Is it " + "far " * 48 + "away?"
    assert (len(longest), len(too_long)) == (200, 203)
    parsed = text.parse(f"A title?\nA sub-question?\n{too_long}\nThe end.\n{longest}\nYes.", "en")
    assert parsed.answers == [("A sub-question?", f"{too_long}\n\nThe end.", 2), (longest, "Yes.", 5)]
    [warning] = [warning for warning in parsed.warnings if warning.line == 3]
    assert warning.message == (
        "ends in a question mark but is too long for a sub-question (203 characters, at most 200): kept as a "
        "paragraph of the answer."
    )


def test_a_title_too_long_is_skipped_for_the_next_question_line():
    long_line = "Is " + "very " * 45 + "long?"
    parsed = text.parse(f"{long_line}\nA title?\nA sub-question?\nAn answer.", "en")
    assert (parsed.title, parsed.title_line) == ("A title?", 2)
    assert messages(parsed.warnings)[0].startswith("line 1: ends in a question mark but is too long for a title")


@pytest.mark.parametrize(
    "line",
    [
        "# 1 in the world rankings",
        "#1 seed",
        "| not a table |",
        "+ 3 points for a win",
        "= a draw",
        "---",
        "***",
        "1908. The marathon became 42.195 km long.",
        "1908) The marathon became longer.",
        ">5 km a day",
        "*Fair play* matters",
        "the _offside_ rule and the __back pass__ rule",
        "`code` in a line",
        "~~cancelled~~",
        "[Bundesliga](https://example.com/) and [1]: https://example.com/",
        "<b>bold</b> and <script>x</script> and <!-- a comment",
        "AT&T &amp; &copy; & friends",
        "back\\slash \\* star \\",
        '„Das ist Fußball“, sagte er. «Allez les Bleus» “Quoted” and "straight" and ‘single’',
        "2 * 3 = 6 and 5 > 4 < 7",
    ],
)
def test_ordinary_text_reads_as_pasted(line):
    parsed = text.parse(f"A title?\nA sub-question?\n{line}", "en")
    html = render(parsed.answers[0].body)
    assert html.startswith("<p>") and html.count("<p>") == 1, html
    assert html_to_text(html) == line


def test_quotes_and_list_items_are_escaped_inside_too():
    parsed = text.parse("A title?\nA sub-question?\n> # Not a heading\n- *not* emphasis\n1. 1908. a year", "en")
    html = render(parsed.answers[0].body)
    assert "<h3>" not in html and "<em>" not in html and "<blockquote>" in html
    assert [html_to_text(part) for part in html.split("\n") if part.startswith("<li>")] == [
        "*not* emphasis",
        "1908. a year",
    ]


def test_crlf_a_bom_tabs_and_non_breaking_spaces():
    page = (
        "\ufeffProject Sports\r\nWhy\u00a0do we warm up?\u00a0\r\nIs it needed?  \r\n"
        "-\u00a0Yes, always.\u200b\r\n\tSlowly\tat first\rthen faster.\x00"
    )
    parsed = text.parse(page, "en")
    assert (parsed.title, parsed.title_line) == ("Why do we warm up?", 2)
    assert parsed.answers == [("Is it needed?", "- Yes, always.\n\nSlowly at first\n\nthen faster.", 3)]
    assert messages(parsed.warnings)[0] == "line 1: ignored above the title: Project Sports"


def test_sentences_with_two_spaces_between_them_are_no_table():
    parsed = text.parse("A title?\nA sub-question?\nI run daily.  It helps.\nMy coach agrees.  So do I.", "en")
    assert parsed.answers[0].body == "I run daily. It helps.\n\nMy coach agrees. So do I."


def test_a_table_copied_with_an_empty_corner_keeps_its_columns():
    page = "Who runs fastest?\nWhat are the records?\n\tMen\tWomen\nMarathon\t2:00:35\t2:09:56\nHalf\t57:31\t1:02:52"
    parsed = text.parse(page, "en")
    assert parsed.answers[0].body.split("\n")[:2] == ["|  | Men | Women |", "| --- | --- | --- |"]
    assert '<td class="num">2:09:56</td>' in render(parsed.answers[0].body)  # a time: right-aligned


def test_a_pipe_in_a_cell_stays_in_its_cell():
    parsed = text.parse("Who won?\nWhich scores?\nMatch\tScore\nAjax | PSV\t2–1\nPSV | Ajax\t0–0", "en")
    html = render(parsed.answers[0].body)
    assert "<td>Ajax | PSV</td>" in html and html.count("<td>") == 4


def test_a_table_of_contents_and_what_follows_the_page_are_left_out():
    page = (
        "Why do rowers train on land?\n6 min read\nOn this page\nIs the ergometer enough?\nWhat about weights?\n\n"
        "Is the ergometer enough?\nIt is the closest thing to a boat.\nWhat about weights?\nTwice a week.\n\n"
        "Related questions\nHow do rowers steer?\nNederlands English Deutsch Türkçe\nRSS feed"
    )
    parsed = text.parse(page, "en")
    assert [(answer.heading, answer.body, answer.line) for answer in parsed.answers] == [
        ("Is the ergometer enough?", "It is the closest thing to a boat.", 7),
        ("What about weights?", "Twice a week.", 9),
    ]
    found = messages(parsed.warnings)
    assert "line 3: ignored between the title and the first sub-question: On this page" in found
    assert "line 4: ignored: an entry of a table of contents (the sub-question itself is on line 7)." in found
    assert any(message.startswith("line 12: ignored from here to the end (4 lines)") for message in found)


def test_the_contents_beside_the_answers_are_left_out_too():
    answers = "Is the ergometer enough?\nIt is the closest thing to a boat.\nWhat about weights?\nTwice a week.\n"
    contents = "Is the ergometer enough?\nWhat about weights?\n"
    sidebar = text.parse(f"Why do rowers train on land?\n{answers}On this page\n{contents}Related questions", "en")
    copied = text.parse(f"Why do rowers train on land?\n{answers}{contents}", "en")
    for parsed in (sidebar, copied):
        assert [answer.heading for answer in parsed.answers] == ["Is the ergometer enough?", "What about weights?"]
        assert parsed.answers[1].body == "Twice a week."
    assert messages(sidebar.warnings)[-1].startswith("line 6: ignored from here to the end (4 lines): “On this page”")
    assert messages(copied.warnings)[1:] == [
        "line 6: ignored: an entry of a table of contents (the sub-question itself is on line 2).",
        "line 7: ignored: an entry of a table of contents (the sub-question itself is on line 4).",
    ]


def test_a_sub_question_asked_twice_with_answers_is_kept_twice_with_a_warning():
    parsed = text.parse("Why row?\nIs it hard?\nYes.\nIs it fun?\nVery.\nIs it hard?\nAt first.", "en")
    assert [answer.body for answer in parsed.answers] == ["Yes.", "Very.", "At first."]
    assert "line 6: the same sub-question as line 2." in messages(parsed.warnings)


def test_no_line_ending_in_a_question_mark_is_an_error():
    parsed = text.parse("Project Sports\nRunning makes you happy.\n", "en")
    assert [str(error) for error in parsed.errors] == [
        "no line ends in a question mark: the first line that does is the title, and each one after it a "
        "sub-question, with its answer below it."
    ]
    assert parsed.answers == [] and parsed.warnings == []


def test_a_title_without_sub_questions_is_an_error():
    parsed = text.parse("Project Sports\nWhy is running healthy?\nIt makes you happy.\n", "en")
    assert [error.line for error in parsed.errors] == [2]
    assert "the title is the only line that ends in a question mark" in str(parsed.errors[0])


def test_an_answer_that_the_markdown_limits_refuse_is_an_error_naming_its_sub_question():
    page = "How far can you run?\nFirst part?\nNot far.\nSecond part?\n" + "a" * 20_400
    parsed = text.parse(page, "en")
    assert [error.line for error in parsed.errors] == [4]
    assert str(parsed.errors[0]).startswith("line 4: the answer to “Second part?”: The answer is 20400 characters long")


def test_more_sub_questions_than_the_limit_is_an_error(monkeypatch):
    monkeypatch.setattr(text, "MAX_ANSWERS", 3)
    parsed = text.parse("Why?\nOne?\nTwo?\nThree?\nFour?\nFive?", "en")
    assert [str(error) for error in parsed.errors] == [
        "line 5: the page has 5 sub-questions, more than the 3 allowed; this is the first one too many."
    ]


def test_a_page_of_the_limit_of_sub_questions_is_taken_one_more_is_an_error():
    """The limit is what the draft's change form opens in under 2 s (measured by hand)."""
    assert text.MAX_ANSWERS == 100
    page = "Why?\n" + "".join(f"Part {n}?\nAnswer {n}.\n" for n in range(1, 102))
    parsed = text.parse(page, "en")
    assert [str(error) for error in parsed.errors] == [
        "line 202: the page has 101 sub-questions, more than the 100 allowed; this is the first one too many."
    ]
    parsed = text.parse(page.rpartition("Part 101?")[0], "en")
    assert not parsed.errors and len(parsed.answers) == 100


def test_a_text_longer_than_the_limit_is_refused():
    parsed = text.parse("Why?\n" + "x" * text.MAX_TEXT_LENGTH, "en")
    assert parsed.errors and parsed.errors[0].line is None


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="Unknown language"):
        text.parse(DUTCH, "fr")


# --- Saving -------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("code", CODES)
def test_saving_makes_a_draft_in_the_chosen_language_only(code):
    category = make_category("Sport")
    parsed = text.parse(PAGES[code], code)
    question = text.save(parsed, code, category)
    assert question.source_language == code and question.category == category
    assert getattr(question, column("title", code)) == parsed.title
    assert getattr(question, column("slug", code))
    assert question.states() == dict.fromkeys(CODES, Question.State.DRAFT)
    assert Question.objects.visible(code).count() == 0
    for other in CODES:
        if other != code:
            assert not getattr(question, column("title", other))
            assert getattr(question, column("read_time", other)) is None
    answers = list(question.answers.order_by("position"))
    assert [answer.position for answer in answers] == list(range(1, len(parsed.answers) + 1))
    assert [(getattr(a, column("heading", code)), getattr(a, column("body", code))) for a in answers] == [
        (answer.heading, answer.body) for answer in parsed.answers
    ]
    assert all(not getattr(a, column("heading", other)) for a in answers for other in CODES if other != code)
    expected = read_time(code, parsed.title, [(answer.heading, answer.body) for answer in parsed.answers])
    assert getattr(question, column("read_time", code)) == expected


@pytest.mark.django_db
def test_the_saved_answers_are_rendered_like_any_other():
    question = text.save(text.parse(GERMAN, "de"), "de", make_category())
    bodies = [answer.body_html_de for answer in question.answers.order_by("position")]
    assert "<ul>" in bodies[1] and "<table>" in bodies[2]


@pytest.mark.django_db
def test_the_asker_is_found_by_name_ignoring_case():
    jurgen = make_asker("JÜRGEN WEISS")  # ß folds to ss
    question = text.save(text.parse(GERMAN, "de"), "de", make_category())
    assert question.asker == jurgen and Asker.objects.count() == 1


@pytest.mark.django_db
def test_a_turkish_asker_is_found_with_the_turkish_dotted_and_dotless_i():
    ilkay = make_asker("İLKAY IŞIK")
    question = text.save(text.parse(TURKISH, "tr"), "tr", make_category())
    assert question.asker == ilkay


@pytest.mark.django_db
def test_a_new_asker_is_created_and_a_page_without_one_is_asked_by_the_site(settings):
    make_asker("Someone Else")
    question = text.save(text.parse(DUTCH, "nl"), "nl", make_category())
    assert question.asker.name == "Sietske Hoekstra" and Asker.objects.count() == 2
    anonymous = text.save(text.parse("Why do we stretch?\nDoes it help?\nA little.", "en"), "en", make_category())
    assert anonymous.asker.name == settings.SITE_NAME


@pytest.mark.django_db
def test_saving_records_one_revision_of_the_history():
    user = User.objects.create_superuser("editor", password="x")
    question = text.save(text.parse(TURKISH, "tr"), "tr", make_category(), user=user)
    versions = list(Version.objects.get_for_object(question))
    assert len(versions) == 1
    assert versions[0].revision.comment == "Imported from text" and versions[0].revision.user == user
    answers = [v for v in versions[0].revision.version_set.all() if v.content_type.model_class() is Answer]
    assert len(answers) == 4


@pytest.mark.django_db
def test_nothing_is_saved_when_the_text_has_errors():
    parsed = text.parse("Why is running healthy?\nIt makes you happy.\n", "en")
    with pytest.raises(text.NotSaved) as refused:
        text.save(parsed, "en", make_category())
    assert isinstance(refused.value, ValueError)
    assert "the title is the only line" in str(refused.value)
    assert (Question.objects.count(), Answer.objects.count(), Asker.objects.count()) == (0, 0, 0)


# --- manage.py import_text ----------------------------------------------------------


def import_text(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_text", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def page_file(tmp_path):
    def write(content, name="page.txt"):
        path = tmp_path / name
        path.write_text(content, encoding="utf-8", newline="")
        return str(path)

    return write


@pytest.mark.django_db
def test_the_command_saves_a_draft_and_prints_its_change_form(page_file):
    category = make_category("Fußball")
    out, err = import_text(page_file(GERMAN), "--language", "de", "--category", category.slug_en)
    question = Question.objects.get()
    assert question.title_de == "Was bedeutet „Abseits“ im Fußball?" and question.category == category
    assert "Title (line 6): Was bedeutet „Abseits“ im Fußball?" in out
    assert "Asked by: Jürgen Weiß" in out
    assert "  line 10: Wann steht ein Spieler im Abseits?" in out
    assert "line 1: ignored above the title: Project Sports" in out
    assert out.rstrip().endswith(reverse("admin:qa_question_change", args=[question.pk]))
    assert err == ""


@pytest.mark.django_db
def test_the_command_finds_the_category_by_its_uuid(page_file):
    make_category("Skating")
    other = make_category("Swimming")
    import_text(page_file(ENGLISH), "--language", "en", "--category", str(other.uuid))
    assert Question.objects.get().category == other


@pytest.mark.django_db
def test_the_command_uses_the_only_category_when_none_is_given(page_file):
    only = make_category("Skating")
    import_text(page_file(DUTCH), "--language", "nl")
    assert Question.objects.get().category == only


@pytest.mark.django_db
def test_the_command_lists_the_categories_when_it_cannot_choose(page_file):
    make_category("Skating")
    make_category("Swimming")
    listed = r"Categories \(English slugs\): skating-en, swimming-en\.$"
    with pytest.raises(CommandError, match=r"^Choose a category with --category\. " + listed):
        import_text(page_file(DUTCH), "--language", "nl")
    with pytest.raises(CommandError, match=r"^No category 'diving'\. " + listed):
        import_text(page_file(DUTCH), "--language", "nl", "--category", "diving")
    with pytest.raises(CommandError, match="No category"):
        import_text(page_file(DUTCH), "--language", "nl", "--category", str(uuid.uuid4()))
    assert Question.objects.count() == 0


@pytest.mark.django_db
def test_a_dry_run_prints_what_it_found_and_saves_nothing(page_file):
    make_category()
    out, _err = import_text(page_file(DUTCH), "--language", "nl", "--dry-run")
    assert "Sub-questions: 4" in out and "  line 19: Is er een leeftijdsgrens? (no answer)" in out
    assert "line 19: the sub-question “Is er een leeftijdsgrens?” has no answer" in out
    assert "Dry run: nothing saved." in out
    assert (Question.objects.count(), Asker.objects.count()) == (0, 0)


@pytest.mark.django_db
def test_the_command_s_errors_go_to_stderr_and_nothing_is_saved(page_file):
    make_category()
    with pytest.raises(CommandError, match="Nothing saved: 1 error in the text."):
        call_command(
            "import_text", page_file("Running makes you happy.\n"), "--language", "en", stdout=io.StringIO(),
            stderr=(err := io.StringIO()),
        )  # fmt: skip
    assert err.getvalue().startswith("no line ends in a question mark")
    assert Question.objects.count() == 0


@pytest.mark.django_db
def test_the_command_reads_standard_input(monkeypatch):
    make_category()
    monkeypatch.setattr(sys, "stdin", io.StringIO(TURKISH))
    out, _err = import_text("-", "--language", "tr")
    assert Question.objects.get().title_tr == "Yağlı güreş nasıl yapılır?"
    assert "Asked by: İlkay Işık" in out


@pytest.mark.django_db
def test_the_command_refuses_a_file_it_cannot_read(page_file, tmp_path):
    make_category()
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Warum läuft er?\nWeil er muss?\n".encode("latin-1"))
    with pytest.raises(CommandError, match="is not UTF-8 text"):
        import_text(str(latin1), "--language", "de")
    with pytest.raises(CommandError, match="Cannot read"):
        import_text(str(tmp_path / "missing.txt"), "--language", "de")


# --- The admin ----------------------------------------------------------------------


@pytest.fixture
def superuser(client, db):
    user = User.objects.create_superuser("chief", password="x")
    client.force_login(user)
    return user


def preview(client, page, code, category, button="preview"):
    return client.post(FROM_TEXT, {"text": page, "language": code, "category": category.pk, button: "1"})


def test_the_form_has_labelled_fields_and_the_admin_s_language(client, superuser):
    make_category("Running")
    response = client.get(FROM_TEXT, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    doc = parse_html(response.content)
    for name in ("text", "language", "category"):
        assert doc.find("label", for_=f"id_{name}")
    assert doc.find("textarea", name="text")
    assert "selected" in doc.find("option", value="de").attrs
    assert not doc.find_all("input", name="save")


def test_the_form_chooses_the_only_category(client, superuser):
    only = make_category("Running")
    doc = parse_html(client.get(FROM_TEXT).content)
    assert "selected" in doc.find("option", value=str(only.pk)).attrs
    make_category("Rowing")
    doc = parse_html(client.get(FROM_TEXT).content)
    assert "selected" in doc.find("option", value="").attrs


def test_the_form_offers_english_to_an_english_admin(client, superuser):
    response = client.get(FROM_TEXT)
    doc = parse_html(response.content)
    assert "selected" in doc.find("option", value="en").attrs
    assert "selected" not in doc.find("option", value="de").attrs
    assert doc.find("h1").text == "New question from text"


def test_a_preview_shows_the_rendered_answers_and_the_warnings_and_saves_nothing(client, superuser):
    category = make_category()
    response = preview(client, GERMAN, "de", category)
    assert response.status_code == 200
    doc = parse_html(response.content)
    body = response.content.decode()
    assert "<ul>\n<li>Der Torwart zählt als Gegenspieler.</li>" in body
    assert "<th>Abseits pro Spiel</th>" in body
    warnings = [li.text for li in doc.find("ul", id="text-import-warnings").find_all("li")]
    assert warnings[:4] == [
        "line 1: ignored above the title: Project Sports",
        "line 2: ignored above the title: Fragen und Antworten rund um den Sport",
        "line 3: ignored above the title: Nederlands English Deutsch Türkçe",
        "line 4: ignored above the title: Startseite › Fußball",
    ]
    assert doc.find("span", lang="de").text == "Was bedeutet „Abseits“ im Fußball?"
    assert all(div["lang"] == "de" for div in doc.find_all("div", class_="text-import-body"))
    assert "Jürgen Weiß" in doc.find("div", class_="module text-import-preview").text
    assert doc.find("textarea", name="text").text.startswith("Project Sports")  # kept, to correct
    assert doc.find("input", name="save")
    assert (Question.objects.count(), Asker.objects.count()) == (0, 0)


def test_a_preview_counts_lines_as_the_editor_sees_them(client, superuser):
    response = preview(client, "\r\n\r\nProject Sports\r\nWhy row?\r\nIs it hard?\r\nYes.\r\n", "en", make_category())
    warnings = [li.text for li in parse_html(response.content).find("ul", id="text-import-warnings").find_all("li")]
    assert warnings[0] == "line 3: ignored above the title: Project Sports"


def test_a_preview_with_errors_offers_no_save(client, superuser):
    response = preview(client, "Running makes you happy.\n", "en", make_category())
    doc = parse_html(response.content)
    errors = [li.text for li in doc.find("ul", id="text-import-errors").find_all("li")]
    assert errors[0].startswith("no line ends in a question mark")
    assert not doc.find_all("input", name="save")


def test_a_preview_renders_only_the_answers_that_the_markdown_limits_take(client, superuser, monkeypatch):
    rendered = []
    monkeypatch.setattr(text_admin, "render", lambda body: rendered.append(body) or render(body))
    page = "How far can you run?\nFirst part?\nNot far.\nSecond part?\n" + "![" * 20_000
    doc = parse_html(preview(client, page, "en", make_category()).content)
    assert rendered == ["Not far."]
    sections = doc.find_all("section", class_="text-import-answer")
    assert [len(section.find_all("div", class_="text-import-body")) for section in sections] == [1, 0]
    assert sections[1].find("p", class_="errornote").text == (
        "Not shown: this answer cannot be saved as it is (see the errors above)."
    )
    errors = [li.text for li in doc.find("ul", id="text-import-errors").find_all("li")]
    assert len(errors) == 1 and errors[0].startswith("line 4: the answer to “Second part?”:")
    assert not doc.find_all("input", name="save")


def test_the_form_says_its_limits_and_refuses_a_text_of_more_bytes(client, superuser, settings):
    settings.UPLOAD_MAX_BYTES = 1000
    doc = parse_html(client.get(FROM_TEXT).content)
    assert doc.find(id="id_text_helptext").text.endswith("At most 500,000 characters and 1000 bytes.")
    page = "Wie weit läufst du?\nWarum?\n" + "ü" * 490  # 517 characters, 1,008 bytes
    response = preview(client, page, "de", make_category())
    doc = parse_html(response.content)
    row = doc.find("div", class_="form-row field-text")
    assert [li.text for li in row.find("ul", class_="errorlist").find_all("li")] == [
        "The text is 1008 bytes; at most 1000 bytes are taken."
    ]
    assert response.context["parsed"] is None and Question.objects.count() == 0


def test_a_preview_s_queries_do_not_grow_with_the_sub_questions(client, superuser):
    category = make_category()
    with CaptureQueriesContext(connection) as small:
        preview(client, DUTCH, "nl", category)
    with CaptureQueriesContext(connection) as large:
        response = preview(client, ENGLISH, "en", category)
    assert response.context["parsed"].answers and len(response.context["parsed"].answers) == 22
    assert len(large) == len(small)


def test_save_as_draft_saves_and_opens_the_change_form(client, superuser):
    category = make_category()
    response = preview(client, TURKISH, "tr", category, button="save")
    question = Question.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:qa_question_change", args=[question.pk]) + "#language-tr"
    assert question.title_tr == "Yağlı güreş nasıl yapılır?" and question.source_language == "tr"
    assert question.answers.count() == 4 and question.asker.name == "İlkay Işık"
    assert Version.objects.get_for_object(question).get().revision.user == superuser
    page = client.get(response["Location"])
    assert "Yağlı güreş nasıl yapılır?" in [str(m) for m in page.context["messages"]][0]


def test_save_parses_the_text_again_and_saves_nothing_with_errors(client, superuser):
    response = preview(client, "Why is running healthy?\nIt makes you happy.\n", "en", make_category(), button="save")
    assert response.status_code == 200
    assert "the title is the only line" in response.content.decode()
    assert Question.objects.count() == 0


def test_without_add_permission_the_page_is_forbidden(client, db):
    viewer = User.objects.create_user("viewer", password="x", is_staff=True)
    viewer.user_permissions.add(*Permission.objects.filter(codename__in=["view_question", "change_question"]))
    client.force_login(viewer)
    assert client.get(FROM_TEXT).status_code == 403
    assert preview(client, DUTCH, "nl", make_category(), button="save").status_code == 403
    assert Question.objects.count() == 0
    changelist = client.get(CHANGELIST)
    assert changelist.status_code == 200 and FROM_TEXT not in changelist.content.decode()


def test_the_list_of_questions_links_to_the_page(client, superuser):
    doc = parse_html(client.get(CHANGELIST).content)
    links = {a["href"]: a.text for a in doc.find("ul", class_="object-tools").find_all("a")}
    assert links[FROM_TEXT] == "New question from text"
    assert reverse("admin:qa_question_translations") in links  # the editorial link stays
