"""Sitemaps and hreflang agree: every URL in the sitemap is a page whose alternate links
are the sitemap's alternates, reciprocal, with canonical URLs that answer 200."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from qa.models import Question
from tests.html import parse

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def path(url):
    return urlsplit(url).path + (f"?{urlsplit(url).query}" if urlsplit(url).query else "")


def sitemap_entries(client):
    """{page URL: {hreflang: URL}} from every section of the sitemap index."""
    index = ET.fromstring(client.get("/sitemap.xml").content)
    entries = {}
    for loc in index.findall("sm:sitemap/sm:loc", NS):
        response = client.get(path(loc.text))
        assert response.status_code == 200
        for url in ET.fromstring(response.content).findall("sm:url", NS):
            alternates = {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)}
            assert url.find("sm:lastmod", NS) is not None
            entries[url.find("sm:loc", NS).text] = alternates
    return entries


def page_alternates(client, url):
    response = client.get(path(url))
    assert response.status_code == 200, url
    doc = parse(response.content)
    canonical = doc.find("link", rel="canonical")["href"]
    links = {
        link["hreflang"]: link["href"] for link in doc.find_all("link", rel="alternate") if "hreflang" in link.attrs
    }
    return canonical, links


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_hreflang_on_every_sitemap_page_matches_the_sitemap_and_is_reciprocal(client, demo):
    entries = sitemap_entries(client)
    questions = Question.objects.count()
    assert sum(
        "/questions/" in url or "/vragen/" in url or "/fragen/" in url or "/sorular/" in url for url in entries
    ) == (
        4 * questions - 1  # one demo question has no Turkish
    )
    for url, alternates in entries.items():
        canonical, links = page_alternates(client, url)
        assert canonical == url
        assert links == alternates, url
        assert url in links.values()
        assert "x-default" in links
        for code, other in links.items():
            if code != "x-default":
                assert entries[other] == alternates, f"{other} does not name the same set as {url}"


def test_languages_a_page_is_not_in_are_never_named(client, demo):
    question = Question.objects.get(title_tr__isnull=True)
    entries = sitemap_entries(client)
    english = f"http://testserver/en/questions/{question.slug_en}/"
    assert set(entries[english]) == {"nl", "en", "de", "x-default"}
    _canonical, links = page_alternates(client, english)
    assert "tr" not in links


def test_unpublished_questions_are_not_in_the_sitemap(client, demo):
    question = Question.objects.first()
    question.set_state(Question.State.DRAFT)
    question.save()
    assert not any(question.slug_en in url for url in sitemap_entries(client))


def test_canonical_drops_the_query_string_but_keeps_the_page_number(client, demo):
    canonical, _links = page_alternates(client, "/en/?utm_source=x")
    assert canonical == "http://testserver/en/"
    canonical, links = page_alternates(client, "/en/?page=2")
    assert canonical == "http://testserver/en/?page=2"
    assert links == {"en": canonical, "x-default": canonical}


def test_robots_txt_points_at_the_sitemap_index_and_keeps_the_admin_out(client, demo):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    sitemap = [line.split(": ", 1)[1] for line in lines if line.startswith("Sitemap: ")]
    assert sitemap == ["http://testserver/sitemap.xml"]
    index = ET.fromstring(client.get(path(sitemap[0])).content)
    sections = {path(loc.text) for loc in index.findall("sm:sitemap/sm:loc", NS)}
    kinds = ("questions", "categories", "tags", "askers")
    assert sections == {"/sitemap-home.xml"} | {
        f"/sitemap-{k}-{c}.xml" for k in kinds for c in ("nl", "en", "de", "tr")
    }


def test_sections_are_split_into_files_that_stay_small(client, demo, monkeypatch):
    from qa.sitemaps import QuestionSitemap

    assert QuestionSitemap.limit == 2000  # under 2 MB a file, far below the protocol's 50,000 URLs and 50 MB
    monkeypatch.setattr(QuestionSitemap, "limit", 10)
    index = ET.fromstring(client.get("/sitemap.xml").content)
    pages = [path(loc.text) for loc in index.findall("sm:sitemap/sm:loc", NS) if "questions" in loc.text]
    assert len(pages) == 8  # 13 questions in nl, en, de and 12 in tr: two files each
    listed = [len(ET.fromstring(client.get(p).content).findall("sm:url", NS)) for p in pages]
    assert max(listed) == 10 and sum(listed) == 51


def test_the_index_and_a_file_do_not_query_per_question(client, demo, django_assert_max_num_queries):
    from qa.sitemaps import SITEMAPS

    with django_assert_max_num_queries(2 * len(SITEMAPS) + 2):
        assert client.get("/sitemap.xml").status_code == 200
    with django_assert_max_num_queries(4):  # content version, count, the file's ids, its rows
        assert client.get("/sitemap-questions-de.xml").status_code == 200


@pytest.mark.parametrize(
    "bad",
    ["/sitemap-nothing.xml", "/sitemap-questions.xml", "/sitemap-questions-en.xml?p=99", "/sitemap-tags-en.xml?p=x"],
)
def test_a_bad_sitemap_address_is_a_404(client, demo, bad):
    assert client.get(bad).status_code == 404
