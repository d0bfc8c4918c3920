"""404, 410 and 500 pages in the site's layout, in the URL's language."""

import pytest

from tests.factories import url
from tests.html import parse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "code,title",
    [
        ("nl", "Pagina niet gevonden"),
        ("en", "Page not found"),
        ("de", "Seite nicht gefunden"),
        ("tr", "Sayfa bulunamadı"),
    ],
)
def test_404_is_localised_with_links_home_and_to_the_languages(client, content, code, title):
    response = client.get(f"/{code}/no/such/page/")
    assert response.status_code == 404
    doc = parse(response.content)
    assert doc.find("html")["lang"] == code
    assert doc.find("h1").text == title
    assert f'href="/{code}/"' in response.content.decode()
    assert [a["href"] for a in doc.find("nav", class_="language-tabs").find_all("a")] == [
        "/nl/",
        "/en/",
        "/de/",
        "/tr/",
    ]
    assert doc.find("meta", name="robots")["content"] == "noindex"


def test_a_question_missing_in_a_language_says_so_in_that_language(client, content):
    response = client.get(f"/tr/sorular/{content['no_turkish'].slug_en}/")
    doc = parse(response.content)
    assert doc.find("h1").text == "Bu sayfa bu dilde mevcut değil"
    offers = doc.find("ul", class_="offers").find_all("li")
    question = content["no_turkish"]
    # Each language names the question in its own words, then the language.
    assert [li.find("a").text for li in offers] == [question.title_nl, question.title_en, question.title_de]
    assert [li.text.rsplit("(", 1)[1] for li in offers] == ["Nederlands)", "English)", "Deutsch)"]
    assert [li["lang"] for li in offers] == ["nl", "en", "de"]


@pytest.mark.urls("tests.urls_with_error")
def test_500_is_in_the_layout_and_the_urls_language(client):
    client.raise_request_exception = False
    response = client.get("/de/broken/")
    assert response.status_code == 500
    doc = parse(response.content)
    assert doc.find("html")["lang"] == "de"
    assert doc.find("h1").text == "Da ist etwas schiefgelaufen"
    assert doc.find("nav", class_="language-tabs")


def test_410_page_is_localised(client, content):
    question = content["second"]
    page = url(question, "nl")
    question.delete()
    response = client.get(page)
    assert response.status_code == 410
    assert parse(response.content).find("html")["lang"] == "nl"
