"""RSS 2.0 and Atom feeds per language and per category."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone

from qa.models import Question
from tests.factories import make_question, url
from tests.html import parse

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def rss_items(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    return root.find("channel"), root.findall("channel/item")


def test_rss_holds_only_visible_questions_of_its_language_with_read_time(client, content):
    make_question("Draft", status=Question.State.DRAFT)
    make_question("Scheduled", published_at=timezone.now() + timedelta(days=1))
    channel, items = rss_items(client, "/tr/feed.rss")
    assert channel.findtext("language") == "tr"
    titles = [item.findtext("title") for item in items]
    assert sorted(titles) == sorted([content["first"].title_tr, content["second"].title_tr])
    first = next(item for item in items if item.findtext("title") == content["first"].title_tr)
    assert first.findtext("link") == f"http://testserver{url(content['first'], 'tr')}"
    assert f"{content['first'].read_time_tr} dk okuma" in first.findtext("description")


def test_atom_feed_parses_and_carries_the_language(client, content):
    response = client.get("/nl/feed.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "nl"
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 3
    for entry in entries:
        assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/nl/vragen/")
        assert "min. leestijd" in entry.findtext(f"{ATOM}summary")
        assert entry.findtext(f"{ATOM}updated") and entry.findtext(f"{ATOM}published")


def test_category_feeds(client, content):
    category_url = url(content["category"], "de")
    _channel, items = rss_items(client, f"{category_url}feed.rss")
    assert len(items) == 3
    other = make_question("Elsewhere")
    _channel, items = rss_items(client, f"{category_url}feed.rss")
    assert other.title_de not in [item.findtext("title") for item in items]
    assert ET.fromstring(client.get(f"{category_url}feed.atom").content).tag == f"{ATOM}feed"
    assert client.get("/de/kategorien/no-such-category/feed.rss").status_code == 404


def test_pages_link_their_feeds(client, content):
    doc = parse(client.get(url(content["category"], "en")).content)
    feeds = {link["href"]: link["type"] for link in doc.find_all("link", rel="alternate") if "type" in link.attrs}
    category_url = url(content["category"], "en")
    assert feeds == {
        "/en/feed.rss": "application/rss+xml",
        "/en/feed.atom": "application/atom+xml",
        f"{category_url}feed.rss": "application/rss+xml",
        f"{category_url}feed.atom": "application/atom+xml",
    }
    home = parse(client.get("/tr/").content)
    assert {link["href"] for link in home.find_all("link", type="application/rss+xml")} == {"/tr/feed.rss"}


MARKUP = '<img src=x onerror="alert(1)"> & <b>bold</b> <script>alert(2)</script>'


def as_a_reader_sees(markup):
    """What a feed reader makes of a field it renders as HTML: elements and text."""
    doc = parse(markup)
    return [el.tag for el in doc.iter()], doc.text


def test_summaries_reach_feed_readers_as_text_never_as_markup(client, content):
    question = content["first"]
    question.summary_en = f"Plain words {MARKUP}"
    question.save()
    category = content["category"]
    category.description_en = f"About {MARKUP}"
    category.save()

    _channel, items = rss_items(client, "/en/feed.rss")
    item = next(item for item in items if item.findtext("title") == question.title_en)
    elements, text = as_a_reader_sees(item.findtext("description"))
    assert elements == [] and MARKUP in text

    channel, _items = rss_items(client, f"{url(category, 'en')}feed.rss")
    elements, text = as_a_reader_sees(channel.findtext("description"))
    assert elements == [] and MARKUP in text

    root = ET.fromstring(client.get("/en/feed.atom").content)
    entry = next(e for e in root.findall(f"{ATOM}entry") if e.findtext(f"{ATOM}title") == question.title_en)
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "text" and MARKUP in summary.text
    assert all(e.find(f"{ATOM}content") is None for e in root.findall(f"{ATOM}entry"))  # no answers' Markdown
