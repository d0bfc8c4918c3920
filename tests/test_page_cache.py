"""Anonymous readers get pages from the shared cache; no change is ever stale."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from qa.models import Question
from tests.factories import make_question, url

pytestmark = pytest.mark.django_db
GONE_CACHE = {"default": {"BACKEND": "tests.broken_cache.GoneCache"}}


def get(client, path, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **headers)
    return response, len(queries)


def test_a_second_request_is_served_from_the_cache_with_one_query(client, content):
    page = url(content["first"], "en")
    first, first_queries = get(client, page)
    second, second_queries = get(client, page)
    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    assert first_queries > 1 and second_queries == 1  # only the content version


def test_a_change_is_visible_on_the_very_next_request(client, content):
    question = content["first"]
    page = url(question, "en")
    client.get(page)
    question.title_en = "A brand new title"
    question.save()
    assert "A brand new title" in client.get(page).content.decode()
    answer = question.answers.first()
    answer.body_en = "An answer edited inline."
    answer.save()
    assert "An answer edited inline." in client.get(page).content.decode()
    content["category"].name_en = "Jogging"
    content["category"].save()
    assert "Jogging" in client.get(page).content.decode()


def test_an_edit_in_the_admin_is_visible_at_once(client, admin_client, content):
    category = content["category"]
    page = url(category, "en")
    client.get(page)
    data = {f"name_{c}": getattr(category, f"name_{c}") for c in ("nl", "en", "de", "tr")}
    data |= {f"slug_{c}": getattr(category, f"slug_{c}") for c in ("nl", "en", "de", "tr")}
    data |= {f"description_{c}": "" for c in ("nl", "en", "de", "tr")} | {"position": 0, "name_en": "Trail running"}
    response = admin_client.post(f"/admin/qa/category/{category.pk}/change/", data)
    assert response.status_code == 302
    assert "Trail running" in client.get(page).content.decode()


def test_a_scheduled_question_appears_when_its_time_comes(client, content, monkeypatch):
    scheduled = make_question("Later", published_at=timezone.now() + timedelta(hours=1), category=content["category"])
    home = client.get("/en/").content.decode()
    assert scheduled.title_en not in home and 'Running (en)</a> <span class="count">(3)' in home
    # Time passes; nothing is saved. The first request after the moment publishes it.
    later = timezone.now() + timedelta(hours=1, seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    home = client.get("/en/").content.decode()
    assert scheduled.title_en in home
    assert 'Running (en)</a> <span class="count">(4)' in home  # the stored counts follow


def test_a_scheduled_question_is_counted_when_an_edit_comes_before_any_reader(client, content, monkeypatch):
    scheduled = make_question("Later", published_at=timezone.now() + timedelta(hours=1), category=content["category"])
    later = timezone.now() + timedelta(hours=1, seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    make_question("Elsewhere")  # an edit first: its bump counts what came due since the last one
    home = client.get("/en/").content.decode()
    assert scheduled.title_en in home and 'Running (en)</a> <span class="count">(4)' in home


def test_staff_never_get_a_cached_page_and_never_fill_the_cache(client, admin_client, content):
    page = url(content["first"], "en")
    staff, staff_queries = get(admin_client, page)
    assert "private" in staff["Cache-Control"]
    _reader, reader_queries = get(client, page)
    assert reader_queries > 1  # the staff request stored nothing
    _staff_again, staff_again_queries = get(admin_client, page)
    assert staff_again_queries > 1  # and staff are not served from the cache


def test_cache_control_etag_last_modified_and_304(client, content):
    page = url(content["first"], "de")
    response = client.get(page)
    assert "public" in response["Cache-Control"] and "max-age=0" in response["Cache-Control"]
    assert response["ETag"] and response["Last-Modified"]
    assert client.get(page, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    assert client.get(page, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]).status_code == 304
    content["first"].title_de = "Neu"
    content["first"].save()
    changed = client.get(page, HTTP_IF_NONE_MATCH=response["ETag"], HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert changed.status_code == 200 and changed["ETag"] != response["ETag"]


def test_error_pages_and_redirects_by_language_are_not_cached(client, content):
    page = f"/en/questions/{content['first'].slug_en}-typo/"
    get(client, page)
    _again, queries = get(client, page)
    assert queries > 1
    first = client.get("/", HTTP_ACCEPT_LANGUAGE="de")
    second = client.get("/", HTTP_ACCEPT_LANGUAGE="tr")
    assert (first["Location"], second["Location"]) == ("/de/", "/tr/")


def test_pages_are_served_when_the_cache_has_gone_away(client, content, settings):
    settings.CACHES = GONE_CACHE
    for page in ["/en/", url(content["first"], "tr"), url(content["category"], "nl")]:
        assert client.get(page).status_code == 200


def test_pages_are_stored_compressed_and_sent_in_the_encoding_the_reader_accepts(client, content):
    import gzip

    import brotli

    page = url(content["first"], "en")
    plain = client.get(page)
    assert "Content-Encoding" not in plain and "Accept-Encoding" in plain["Vary"]
    br = client.get(page, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    gz = client.get(page, HTTP_ACCEPT_ENCODING="gzip")
    assert (br["Content-Encoding"], gz["Content-Encoding"]) == ("br", "gzip")
    assert brotli.decompress(br.content) == gzip.decompress(gz.content) == plain.content
    assert len(br.content) < len(gz.content) < len(plain.content) / 3
    assert int(br["Content-Length"]) == len(br.content)
    assert len({plain["ETag"], br["ETag"], gz["ETag"]}) == 3  # one representation each
    assert client.get(page, HTTP_ACCEPT_ENCODING="br", HTTP_IF_NONE_MATCH=br["ETag"]).status_code == 304
    assert client.get(page, HTTP_ACCEPT_ENCODING="br;q=0, gzip")["Content-Encoding"] == "gzip"


def test_a_question_page_sends_at_most_8_kb(client):
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)
    sizes = {}
    for question in Question.objects.all():
        for code in question.available_languages():
            response = client.get(url(question, code), HTTP_ACCEPT_ENCODING="gzip, br")
            assert response["Content-Encoding"] == "br"
            sizes[url(question, code)] = (len(response.content), int(response["Content-Length"]))
    assert max(sent for sent, _length in sizes.values()) <= 8 * 1024, max(sizes.items(), key=lambda item: item[1])


def test_staff_pages_are_compressed_too(admin_client, content):
    response = admin_client.get(url(content["first"], "en"), HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip" and "private" in response["Cache-Control"]


def test_every_page_says_how_it_was_made(client, content):
    page = url(content["category"], "nl")
    assert client.get(page)["X-Page-Cache"] == "render"
    assert client.get(page)["X-Page-Cache"] == "hit"


def test_sitemaps_and_robots_txt_are_cached_whatever_the_readers_language(client, content):
    for path in ["/sitemap.xml", "/sitemap-questions-nl.xml", "/robots.txt"]:
        first = client.get(path, HTTP_ACCEPT_LANGUAGE="de")
        again = client.get(path, HTTP_ACCEPT_LANGUAGE="tr")
        assert (first["X-Page-Cache"], again["X-Page-Cache"]) == ("render", "hit"), path
        assert again.content == first.content and "Accept-Language" not in again["Vary"]
