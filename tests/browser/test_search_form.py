"""A Turkish reader searches from the header form of a Turkish page."""

import pytest

from tests.test_search import make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_turkish_word_typed_in_the_header_finds_a_turkish_question_with_the_word_marked(live_server, page):
    make("tr", "Koşu ayakkabısı nasıl seçilir?", [("Ne zaman?", "Sabah koşularında hafif ayakkabılar iyi gelir.")])
    make("tr", "Yüzmede nefes", [("Nasıl?", "Her üç kulaçta bir nefes alın.")])
    page.goto(live_server.url + "/tr/")
    form = page.get_by_role("search")
    form.get_by_label("Sorularda ara").fill("KOŞULAR")
    form.get_by_role("button", name="Ara").click()
    page.wait_for_url("**/tr/ara/?q=KO*")
    assert page.locator("html").get_attribute("lang") == "tr"
    results = page.locator(".search-results li")
    assert results.count() == 1
    assert results.first.locator("h2").inner_text() == "Koşu ayakkabısı nasıl seçilir?"
    assert "koşularında" in results.first.locator("mark").all_inner_texts()[-1].lower()
