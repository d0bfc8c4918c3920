"""What a page tells search engines and link previews: description, Open Graph, Twitter
card and JSON-LD, all from what the page itself shows."""

import json

import pytest

from tests.factories import make_question, url
from tests.html import parse

pytestmark = pytest.mark.django_db


def meta(doc, key):
    found = [m["content"] for m in doc.find_all("meta") if m.attrs.get("property") == key or m.attrs.get("name") == key]
    return found[0] if len(found) == 1 else found


def test_description_comes_from_the_summary_or_the_first_answer(client):
    with_summary = make_question("With summary")
    doc = parse(client.get(url(with_summary, "de")).content)
    assert meta(doc, "description") == with_summary.summary_de
    without = make_question("Without summary", body="The first answer says this.")
    without.summary_de = ""
    without.save()
    doc = parse(client.get(url(without, "de")).content)
    assert meta(doc, "description").startswith("The first answer says this.")


def test_open_graph_and_twitter_card(client, content):
    question = content["first"]
    doc = parse(client.get(url(question, "tr")).content)
    canonical = doc.find("link", rel="canonical")["href"]
    assert meta(doc, "og:url") == canonical == f"http://testserver{url(question, 'tr')}"
    assert meta(doc, "og:title") == question.title_tr
    assert meta(doc, "og:type") == "article"
    assert meta(doc, "og:locale") == "tr_TR"
    assert sorted(meta(doc, "og:locale:alternate")) == ["de_DE", "en_US", "nl_NL"]
    assert meta(doc, "og:image") == "http://testserver/static/img/share.png"
    assert meta(doc, "twitter:card") == "summary_large_image"
    no_turkish = parse(client.get(url(content["no_turkish"], "nl")).content)
    assert sorted(meta(no_turkish, "og:locale:alternate")) == ["de_DE", "en_US"]


def test_the_share_image_is_a_real_png():
    from pathlib import Path

    image = (Path(__file__).resolve().parent.parent / "static" / "img" / "share.png").read_bytes()
    assert image[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(image[16:20]) == 1200 and int.from_bytes(image[20:24]) == 630


def test_faq_page_and_breadcrumbs_describe_only_what_the_page_shows(client, content):
    question = content["first"]
    response = client.get(url(question, "nl"))
    html = response.content.decode()
    start = html.index('<script type="application/ld+json">') + len('<script type="application/ld+json">')
    faq, breadcrumbs = json.loads(html[start : html.index("</script>", start)])
    doc = parse(response.content)
    visible = doc.find("main").text

    assert faq["@type"] == "FAQPage" and faq["inLanguage"] == "nl"
    assert faq["url"] == doc.find("link", rel="canonical")["href"]
    assert faq["author"] == {
        "@type": "Person",
        "name": question.asker.name,
        "url": f"http://testserver{url(question.asker, 'nl')}",
    }
    assert faq["datePublished"].startswith(str(question.published_at.date()))
    assert faq["dateModified"].startswith(str(question.updated_at.date()))
    headings = [section.find("h2").text for section in doc.find_all("section", class_="answer")]
    assert [q["name"] for q in faq["mainEntity"]] == headings
    assert len(headings) == 3
    for entry in faq["mainEntity"]:
        assert entry["@type"] == "Question" and entry["acceptedAnswer"]["@type"] == "Answer"
        assert entry["acceptedAnswer"]["text"] in visible
    assert question.asker.name in visible

    assert breadcrumbs["@type"] == "BreadcrumbList"
    crumbs = breadcrumbs["itemListElement"]
    assert [c["position"] for c in crumbs] == [1, 2, 3]
    assert [c["name"] for c in crumbs] == ["Project Sports", content["category"].name_nl, question.title_nl]
    assert crumbs[-1]["item"] == faq["url"]
    trail = doc.find("nav", class_="breadcrumbs")
    assert [a.text for a in trail.find_all("a")] == ["Project Sports", content["category"].name_nl]
    # The trail stops before the page's own title, which is the h1 below it.
    assert question.title_nl not in trail.text and doc.find("h1").text == question.title_nl


def test_json_ld_cannot_break_out_of_its_script_element(client):
    question = make_question("Evil </script><script>alert(1)</script>", answers=1)
    html = client.get(url(question, "en")).content.decode()
    assert "</script><script>alert(1)" not in html
    assert html.count("<script") == 1
