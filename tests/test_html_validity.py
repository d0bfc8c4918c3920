"""Every type of reader page is valid HTML in every language: the Nu HTML checker (the
W3C's, vnu-jar from npm, on Java) finds no error. The pages are written to
test-artifacts/html/ for a person to look at."""

import io

import pytest
from django.core.management import call_command

from tests.page_checks import nu_errors
from tests.reader_pages import reader_pages

CODES = ("nl", "en", "de", "tr")


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())


def test_every_reader_page_is_valid_html_in_every_language(client, demo):
    pages = {}
    for code in CODES:
        for kind, path in reader_pages(code).items():
            response = client.get(path)
            assert response.status_code in (200, 404), (path, response.status_code)
            assert response["Content-Type"].startswith("text/html"), path
            pages[f"{code}-{kind}"] = response.content.decode()
    assert len(pages) >= 4 * 10
    assert nu_errors(pages) == {}
