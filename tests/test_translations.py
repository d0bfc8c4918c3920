"""The interface in four languages: every string translated and compiled, and a page in
one language shows no interface words of another."""

import ast
import gettext
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import url
from tests.html import parse

LOCALE = Path(__file__).resolve().parent.parent / "qa" / "locale"
TRANSLATED = ["nl", "de", "tr"]


def read_po(code):
    """{msgid: (msgstr or [plural forms], flags, references)} from a .po file."""
    entries, entry, key = {}, None, None

    def finish():
        if entry and entry.get("msgid"):
            entries[entry["msgid"]] = entry

    for line in (LOCALE / code / "LC_MESSAGES" / "django.po").read_text().splitlines() + [""]:
        if not line.strip():
            finish()
            entry, key = None, None
            continue
        entry = entry if entry is not None else {"flags": "", "refs": "", "msgstr": []}
        if line.startswith("#,"):
            entry["flags"] += line
        elif line.startswith("#:"):
            entry["refs"] += line
        elif line.startswith(("msgid ", "msgid_plural ", "msgstr")):
            key, _space, rest = line.partition(" ")
            text = ast.literal_eval(rest)
            if key.startswith("msgstr"):
                entry["msgstr"].append(text)
            else:
                entry[key] = text
        elif line.startswith('"'):
            text = ast.literal_eval(line)
            if key.startswith("msgstr"):
                entry["msgstr"][-1] += text
            else:
                entry[key] += text
    return entries


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_interface_string_is_translated_and_compiled(code):
    entries = read_po(code)
    assert len(entries) > 50
    with open(LOCALE / code / "LC_MESSAGES" / "django.mo", "rb") as mo:
        catalog = gettext.GNUTranslations(mo)
    for msgid, entry in entries.items():
        assert "fuzzy" not in entry["flags"], msgid
        assert all(entry["msgstr"]), f"{code}: {msgid!r} is not translated"
        if "msgid_plural" in entry:
            assert catalog.ngettext(msgid, entry["msgid_plural"], 1) == entry["msgstr"][0]
        else:
            assert catalog.gettext(msgid) == entry["msgstr"][0], f"{code}: the .mo is older than the .po"


@pytest.mark.parametrize("code", TRANSLATED)
def test_a_page_shows_no_english_interface_words(client, content, code):
    entries = read_po(code)
    with translation.override(code):
        pages = [reverse("qa:home"), url(content["first"], code), url(content["category"], code)]
        pages += [url(content["tag"], code), url(content["first"].asker, code), f"/{code}/no-such-page/"]
    texts = []
    for page in pages:
        doc = parse(client.get(page).content)
        texts.append(doc.find("body").text + " " + doc.find("title").text)
    shown = " ".join(texts)
    for msgid, entry in entries.items():
        english = msgid.split("%(")[0].strip()
        shown_on_pages = "templates/" in entry["refs"] or "qa/error_pages.py" in entry["refs"]
        if shown_on_pages and len(english) > 3 and english not in entry["msgstr"][0]:
            assert english not in shown, f"{code} page shows English {english!r}"
    assert "Questions and answers about sports" not in shown


@pytest.mark.parametrize("code", TRANSLATED)
def test_read_time_and_asker_are_in_the_pages_language(client, content, code):
    question = content["first"]
    with translation.override(code):
        expected = translation.ngettext("%(minutes)s min read", "%(minutes)s min read", question.read_time) % {
            "minutes": question.read_time
        }
        asked_by = translation.gettext("Asked by:")
    meta = parse(client.get(url(question, code)).content).find("p", class_="meta").text
    assert expected in meta and asked_by in meta
    assert "min read" not in meta and "Asked by" not in meta
