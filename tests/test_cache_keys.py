"""The page cache cannot be filled or bypassed from outside: pages are kept under their
canonical URL (qa.page_keys), and only a logged-in session skips the cache."""

import pytest
from django.core.cache import cache

from tests import servers
from tests.factories import make_question, url
from tests.test_page_cache import get

pytestmark = pytest.mark.django_db


def page_entries():
    """The page cache's entries (all encodings), in Redis or the local-memory cache."""
    if hasattr(cache._cache, "get_client"):
        return list(cache._cache.get_client(write=False).scan_iter(match="*projectsports:page:*"))
    return [key for key in cache._cache if "projectsports:page:" in key]


def test_a_thousand_junk_urls_add_no_entry_and_are_answered_from_the_real_pages(client, content):
    question = url(content["first"], "en")
    for path in ("/en/", question):
        assert client.get(path)["X-Page-Cache"] != "hit"
    entries = len(page_entries())
    assert entries == 2 * 3  # two pages, three encodings each
    junk = [
        *[f"/en/?x={n}" for n in range(400)],
        *[f"{question}?utm_source={n}&page={n}" for n in range(400)],  # a question page reads no `page`
        *[f"/en/?page=1&ref={n}" for n in range(100)],
        *[f"/en/?page={'0' * n}1" for n in range(1, 101)],
    ]
    assert len(set(junk)) == 1000
    for path in junk:
        response, queries = get(client, path)
        assert response.status_code == 200 and response["X-Page-Cache"] == "hit", path
        assert queries == 1  # the content version: no render
    assert len(page_entries()) == entries


def test_a_page_number_is_kept_once_in_its_normal_form(client, content):
    for n in range(25):
        make_question(f"Filler {n}", category=content["category"])
    first = client.get("/en/?page=2")
    assert first.status_code == 200 and first["X-Page-Cache"] != "hit"
    for spelling in ("/en/?page=02", "/en/?page=+2", "/en/?page=2&page=2", "/en/?x=y&page=2"):
        response = client.get(spelling)
        assert response["X-Page-Cache"] == "hit" and response.content == first.content, spelling
    assert client.get("/en/?page=1")["X-Page-Cache"] == "render"  # page 1 is /en/, not yet stored
    assert client.get("/en/")["X-Page-Cache"] == "hit"


def test_refused_page_numbers_are_404s_and_never_stored(client, content):
    client.get("/en/")
    entries = len(page_entries())
    for junk in ("abc", "0", "-1", "99999999999999999999", "1e3", "２"):
        response = client.get(f"/en/?page={junk}")
        assert response.status_code == 404, junk
    assert len(page_entries()) == entries


def test_a_redirect_keeps_its_query_string_and_is_not_stored_for_junk(client, content):
    question = url(content["first"], "en")
    response = client.get(question.rstrip("/") + "?x=1")
    assert response.status_code == 301 and response["Location"].endswith("/?x=1")
    response = client.get(question.rstrip("/") + "?x=2")
    assert response.status_code == 301 and response["Location"].endswith("/?x=2")


def test_a_made_up_session_cookie_is_served_from_the_cache(client, content):
    page = url(content["first"], "en")
    client.get(page)
    for forged in ("abcdefgh12345678abcdefgh12345678", "x", "../../etc/passwd", "a" * 500):
        client.cookies["sessionid"] = forged
        response, queries = get(client, page)
        assert response["X-Page-Cache"] == "hit", forged
        assert queries <= 2  # the content version, and a session row that is not there
        assert "private" not in response["Cache-Control"]


def test_a_logged_out_session_is_served_from_the_cache(client, admin_user, content):
    page = url(content["first"], "en")
    client.get(page)
    client.force_login(admin_user)
    assert client.get(page)["X-Page-Cache"] != "hit"
    session_key = client.cookies["sessionid"].value
    client.logout()
    client.cookies["sessionid"] = session_key  # the old cookie, kept by the browser
    assert client.get(page)["X-Page-Cache"] == "hit"


def test_a_logged_in_editor_never_gets_or_stores_a_cached_page(client, admin_client, content):
    page = url(content["first"], "en")
    response = admin_client.get(page)
    assert response["X-Page-Cache"] != "hit" and "private" in response["Cache-Control"]
    assert admin_client.get(page)["X-Page-Cache"] != "hit"
    assert not page_entries()
    assert client.get(page)["X-Page-Cache"] in ("render", "partial")  # parts are shared, pages not


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_with_redis_junk_urls_and_forged_cookies_add_no_keys_and_touch_no_database(client):
    servers.require_services()
    page = url(make_question("Stable"), "en")
    client.get(page)
    before = len(page_entries())
    assert before == 3
    client.cookies["sessionid"] = "abcdefgh12345678abcdefgh12345678"
    for n in range(1000):
        response, queries = get(client, f"{page}?x={n}")
        assert response["X-Page-Cache"] == "hit" and queries == 0
    assert len(page_entries()) == before
