"""Answer bodies: what validate_body refuses (and says), and that what it accepts renders whole.

Lists, tables and quotes on the question page and raw HTML removal are in
tests/test_question_page.py; word counts without markup in tests/test_readtime.py."""

import pytest
from django.core.exceptions import ValidationError

from qa.markdown import (
    MAX_BODY_LENGTH,
    MAX_HTML_LENGTH,
    MAX_LINES,
    MAX_NESTING,
    plain_text,
    render,
    validate_body,
)


def refusals(text):
    """The messages validate_body gives for text, [] when it accepts it."""
    try:
        validate_body(text)
    except ValidationError as error:
        return error.messages
    return []


def fit(unit, length=MAX_BODY_LENGTH - 5):
    """unit repeated to length characters, then a last paragraph that must survive (5 more)."""
    return (unit * (length // len(unit) + 1))[:length] + "\n\nEND"


NESTED_TO_THE_LIMIT = {  # lists cost the parser twice what quotes do
    "indented lists": "".join("  " * i + "- item\n" for i in range(MAX_NESTING - 1))
    + "  " * (MAX_NESTING - 1)
    + "- innermost\n",
    "lists on one line": "- " * MAX_NESTING + "innermost\n",
    "lists and quotes on one line": "- > " * (MAX_NESTING // 2) + "innermost\n",
    "quotes and ordered lists": "> 1. " * (MAX_NESTING // 2) + "innermost\n",
}


@pytest.mark.parametrize("nested", NESTED_TO_THE_LIMIT.values(), ids=NESTED_TO_THE_LIMIT.keys())
def test_text_after_lists_nested_to_the_limit_is_kept(nested):
    body = nested + "\nThe closing paragraph.\n"
    assert refusals(body) == []
    html = render(body)
    assert "<p>The closing paragraph.</p>" in html
    assert "innermost" in html


def test_a_list_nested_deeper_is_refused_naming_the_line_where_it_gets_too_deep():
    lists = "".join("  " * i + "- item\n" for i in range(MAX_NESTING + 1))
    body = "Intro.\r\n\r\n" + lists + "\nThe closing paragraph.\n"
    assert refusals(body) == [
        f"Line {2 + MAX_NESTING + 1} starts a list or quote nested more than {MAX_NESTING} deep; nest it less."
    ]


def test_an_over_long_body_is_refused_with_its_length_and_the_limit():
    assert refusals("word " * (MAX_BODY_LENGTH // 5)) == []
    assert refusals("a" * (MAX_BODY_LENGTH + 1)) == [
        f"The answer is {MAX_BODY_LENGTH + 1} characters long; at most {MAX_BODY_LENGTH} are allowed."
    ]


def test_each_refusal_has_a_code_and_named_parameters_for_translators():
    with pytest.raises(ValidationError) as raised:
        validate_body("a" * (MAX_BODY_LENGTH + 1))
    [error] = raised.value.error_list
    assert (error.code, error.params) == ("too_long", {"length": MAX_BODY_LENGTH + 1, "limit": MAX_BODY_LENGTH})
    assert "%(length)s" in str(error.message)


ADVERSARIAL = {
    "[": fit("["),
    "[](": fit("[]("),
    "[a](": fit("[a]("),
    "[a](b": fit("[a](b"),
    "[a](bbb…": fit("[a](" + "b" * 100),
    "[a](<": fit("[a](<"),
    "![": fit("!["),
    "[ then markup": "[" * 20 + fit("a:", 10_000),
    "[ hidden ] in code": "[" * 20 + "`]`" * 20 + fit("a:", 10_000),
    "*": fit("*"),
    "_": fit("_"),
    "*a": fit("*a"),
    "*a_": fit("*a_"),
    "nested emphasis": "*_" * 4_000 + "x" + "_*" * 4_000,
    "`": fit("`"),
    "`a``": fit("`a``"),
    "<": fit("<"),
    "<a": fit("<a"),
    "&#": fit("&#"),
    "<![CDATA[": "a " + fit("<![CDATA[a ", 19_000),
    "> on one line": fit("> "),
    "> nested lines": "".join("> " * i + "x\n" for i in range(1, 140)) + "\nEND",
    "- nested lines": "".join("  " * i + "- x\n" for i in range(100)) + "\nEND",
    "- > lines": fit("- > x\n"),
    "- > - > lines": "- > - > - > - > x\n" * 1_000 + "\nEND",
    "| wide table, empty rows": "|" + "a|" * 1_000 + "\n|" + "-|" * 1_000 + "\n" + fit("x\n", 15_000),
    "| 100 columns": "|" + "a|" * 100 + "\n|" + "-|" * 100 + "\n" + fit("|x\n", 15_000),
    "| only pipes": fit("|\n"),
    "link reference definitions": "".join(f"[r{i}]: /u{i}\n" for i in range(1_500)) + "\nEND",
    "short lines": fit("a\n"),
    "headings": fit("# a\n"),
}


@pytest.mark.parametrize("body", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_an_adversarial_body_is_refused_or_renders_whole(body):
    if not refusals(body):
        assert plain_text(body).endswith("END")  # as a paragraph, or inside an unclosed code fence


def test_too_many_lines_are_refused_with_the_count_but_blank_lines_are_free():
    assert refusals("a\n\n" * MAX_LINES) == []
    assert refusals("a\n" * (MAX_LINES + 1)) == [
        f"The answer has {MAX_LINES + 1} lines that are not blank; at most {MAX_LINES} are allowed."
    ]


def test_brackets_that_could_start_links_are_limited_but_escaped_ones_are_text():
    [message] = refusals("[" * 20 + "a:" * 5_000)
    assert message.startswith("The answer has “[” brackets left open")
    assert refusals("\\[" * 5_000) == []
    assert render("\\[" * 3) == "<p>[[[</p>"


def test_a_body_whose_html_would_be_too_large_is_refused():
    [message] = refusals("- > - > - > - > x\n" * 900)  # 16,200 characters, ten times that in HTML
    assert message.startswith("The answer would become ")
    assert f"at most {MAX_HTML_LENGTH} are allowed" in message


def test_a_table_row_with_more_cells_than_its_header_is_refused_naming_the_row():
    body = "| Club | Points |\n|---|--:|\n| Ajax | 80 |\n| PSV | 79 | 2nd |\n"
    assert refusals(body) == [
        "Line 4: the table row has 3 cells but its header has 2; the extra cells would not be shown."
    ]
    assert refusals("> | Club | Points |\n> |---|--:|\n> | Ajax \\| Amsterdam | 80 |\n> | PSV |\n") == []


def test_a_table_with_many_filled_up_cells_is_refused_before_it_is_built():
    body = "|" + "a|" * 100 + "\n|" + "-|" * 100 + "\n" + "x\n" * 100
    assert refusals(body) == ["The answer’s tables have 10000 cells (rows × header columns); at most 3000 are allowed."]


LONG_ANSWER = (
    "## How the league table works\n\n"
    + "Clubs get **three** points for a win and *one* for a draw; see [the rules](https://example.org/rules).\n\n" * 40
    + "| Pos | Club | P | W | D | L | Pts |\n|--:|:--|--:|--:|--:|--:|--:|\n"
    + "".join(f"| {i} | Club number {i} | 34 | 20 | 7 | 7 | 67 |\n" for i in range(1, 171))
    + "\n"
    + "".join(f"- point {i}\n  - detail with `code` and a [link](https://example.org/{i})\n" for i in range(100))
    + "\n> A quote.\n> > And a quote inside it.\n"
)


def test_a_long_but_ordinary_answer_is_accepted():
    assert 18_000 < len(LONG_ANSWER) <= MAX_BODY_LENGTH
    assert refusals(LONG_ANSWER) == []


def test_ordinary_markdown_renders_as_before():
    body = (
        '# Plan\n\nRun **three** times a *week*; see [the plan](https://example.org/plan "Plan").\n\n'
        "## Distances\n\n3. warm up\n4. run\n\n| Day | Distance | Pace |\n|:--|:-:|--:|\n| Mon | 5 km | 5:00 |\n\n"
        "> Rest.\n>\n> - sleep\n\n[bad](javascript:alert(1)) and `code`\n"
    )
    assert render(body) == (
        "<h3>Plan</h3>\n"
        '<p>Run <strong>three</strong> times a <em>week</em>; see <a href="https://example.org/plan" title="Plan" '
        'rel="nofollow noopener">the plan</a>.</p>\n'
        "<h4>Distances</h4>\n"
        '<ol start="3">\n<li>warm up</li>\n<li>run</li>\n</ol>\n'
        '<div class="table-scroll" tabindex="0"><table>\n<thead>\n<tr>\n'
        '<th class="align-left">Day</th>\n<th class="align-center">Distance</th>\n<th class="align-right">Pace</th>\n'
        "</tr>\n</thead>\n<tbody>\n<tr>\n"
        '<td class="align-left">Mon</td>\n<td class="align-center num">5 km</td>\n'
        '<td class="align-right num">5:00</td>\n'
        "</tr>\n</tbody>\n</table>\n</div>"
        "<blockquote>\n<p>Rest.</p>\n<ul>\n<li>sleep</li>\n</ul>\n</blockquote>\n"
        "<p>[bad](javascript:alert(1)) and <code>code</code></p>"
    )
    assert refusals(body) == []


TABLE = "| Km | Pace | Feeling |\n| --- | ---: | --- |\n| 1 | 6:10 | easy |\n| 10 | 5,50 min | hard |\n"


@pytest.mark.parametrize("word", ["Table", "Tabel", "Tabelle", "Tablo"])
def test_a_table_scrolls_in_its_own_box_marks_its_numbers_and_takes_a_caption(word):
    html = render(f"{TABLE}\n{word}: Splits of a **10 km** race\n\nAfter the table.")
    assert html.startswith('<div class="table-scroll" tabindex="0"><table>\n<caption>Splits of a <strong>10 km')
    assert html.endswith("</table>\n</div><p>After the table.</p>")
    assert '<td class="num">1</td>' in html and '<td class="align-right num">5,50 min</td>' in html
    assert "<td>easy</td>" in html and "<th>Km</th>" in html  # words and headers are not numbers
    assert f"{word}:" not in html


def test_only_the_paragraph_right_after_a_table_is_its_caption():
    assert "<caption>" not in render(f"{TABLE}\nA paragraph.\n\nTable: not this one")
    assert "<caption>" not in render("Table: no table above")
    assert "<p>Table <em>notes</em>: kept</p>" in render(f"{TABLE}\nTable *notes*: kept")


def test_raw_html_cannot_forge_the_table_box_classes_or_focus_order():
    html = render(
        '<div class="x table-scroll" tabindex="5" onclick="x()">a</div><table><tr><td class="evil">b</td></tr></table>'
    )
    assert 'class="x' not in html and 'tabindex="5"' not in html and "onclick" not in html
    assert "evil" not in html


@pytest.mark.parametrize("opening", ["<!-- draft", "<script>", "<style>", "<?php", "<![CDATA["])
def test_raw_html_that_is_never_closed_is_refused_rather_than_hiding_the_rest(opening):
    body = f"First paragraph.\n\n{opening}\n\nEverything an editor wrote after it."
    with pytest.raises(ValidationError) as refused:
        validate_body(body)
    assert "Line 3" in refused.value.messages[0]
    validate_body(body.replace(opening, "<!-- a note -->"))  # closed: fine, and removed
    assert "Everything an editor wrote after it." in render(body.replace(opening, "<!-- a note -->"))


def test_strikethrough_is_kept():
    assert render("~~old~~ new") == "<p><s>old</s> new</p>"


@pytest.mark.django_db(transaction=True)
def test_the_migration_renders_the_stored_tables_again_and_moves_the_content_version():
    """qa 0014: bodies with a table get the new HTML; others are left; caches re-key."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    def migrate(targets):
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(targets)
        return executor.loader.project_state(targets).apps

    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    old = migrate([("qa", "0013_language_state_indexes")])
    try:
        Asker, Category, Question, Answer, Version = (
            old.get_model("qa", name) for name in ("Asker", "Category", "Question", "Answer", "ContentVersion")
        )
        question = Question.objects.create(
            asker=Asker.objects.create(name="A", slug="a"),
            category=Category.objects.create(name_en="C", slug_en="c"),
            title_en="Q",
            slug_en="q",
        )
        table = Answer.objects.create(question=question, body_en=TABLE, body_html_en="<table>old</table>")
        prose = Answer.objects.create(question=question, body_en="No table.", body_html_en="<p>kept as stored</p>")
        Version.objects.update_or_create(pk=1, defaults={"number": 5, "labels_number": 2})
        new = migrate(latest)
        Answer, Version = new.get_model("qa", "Answer"), new.get_model("qa", "ContentVersion")
        assert Answer.objects.get(pk=table.pk).body_html_en == render(TABLE)
        assert Answer.objects.get(pk=prose.pk).body_html_en == "<p>kept as stored</p>"
        assert Version.objects.values_list("number", "labels_number").get() == (6, 3)
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
