"""Hostile requests, fuzzed with Hypothesis (bounded, derandomized: the same examples on
every run) against the demo content: whatever the path, query string, method, body or
headers, no answer is a 5xx; a malformed address is a 404 or a redirect; a page number
that is no page is a 404; reader pages, feeds, sitemaps and robots.txt answer 405 to
methods other than GET and HEAD; a bogus Host never gets a page; no odd request changes
what the page cache gives the next plain reader; a refused content coding is never
sent; an editor's junk admin forms are refused or shown back, never a server error."""

import gzip
import logging
import math
import re
from urllib.parse import quote, unquote, urlsplit

import brotli
import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.db import transaction
from django.http import QueryDict
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.http import parse_http_date_safe
from hypothesis import HealthCheck, Phase, event, given
from hypothesis import settings as fuzz_settings
from hypothesis import strategies as st

from qa import demo, languages
from qa.links import around_slug, slug_path
from qa.models import Asker, Category, Question, Tag
from qa.sitemaps import SITEMAPS
from qa.views import PAGE_SIZE

pytestmark = [pytest.mark.django_db, pytest.mark.filterwarnings("ignore:Generating overly large repr")]

# Every test draws a few hundred requests, the same on every run. The function-scoped
# fixtures (conftest's language and cache resets) run once per test, not per example:
# ask() empties the page cache itself.
bounded = fuzz_settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
    # No explain phase: it replays each failure many times over, minutes for a slow page.
    phases=[Phase.explicit, Phase.generate, Phase.shrink],
)

SLUG_ROUTES = ("qa:question", "qa:category", "qa:category_rss", "qa:category_atom", "qa:tag", "qa:asker")
PLAIN_ROUTES = ("qa:home", "qa:feed_rss", "qa:feed_atom")
REDIRECTS = (301, 302, 308)


class Site:
    """The demo content's addresses, and how each answers a plain GET."""

    def __init__(self):
        self.pages = {}  # path -> status of a plain GET
        self.list_pages = {}  # path of a paginated list -> its number of pages
        self.reader_pages = []  # the pages of views, feeds and sitemaps (200s)
        self.slugs = set()  # every slug of every object in every language
        self.path_words = set()  # "questions", "vragen", ..., "feed.rss"
        self.admin_pages = []  # the login page and forms an anonymous client may post to

    def __repr__(self):  # Hypothesis prints it with every failing example
        return f"<the demo site: {len(self.pages)} addresses>"


def number_of_pages(count):
    return max(1, math.ceil(count / PAGE_SIZE))


@pytest.fixture(autouse=True, scope="module")
def _quiet_logs():
    """Thousands of expected 404s and refused hosts would bury a real error's log."""
    quieted = {"django.request": logging.ERROR, "django.security.DisallowedHost": logging.CRITICAL}
    levels = {name: logging.getLogger(name).level for name in quieted}
    for name, level in quieted.items():
        logging.getLogger(name).setLevel(level)
    yield
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


PLAIN_STATIC_FILES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """The demo content, loaded once for the module and rolled back after it (each
    test runs in a savepoint inside), with every address the fuzz starts from."""
    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        override_settings(STORAGES=PLAIN_STATIC_FILES),
        translation.override("en"),
    ):
        demo.load(demo.read())
        yield find_addresses()
        transaction.set_rollback(True)


SAMPLE = 3  # of each kind of page in each language: the fuzz varies what matters more


def find_addresses():
    found = Site()
    for code in languages.codes():
        with translation.override(code):
            visible = Question.objects.visible(code)
            found.list_pages[reverse("qa:home")] = number_of_pages(visible.count())
            found.reader_pages += [reverse(route) for route in PLAIN_ROUTES]
            found.reader_pages += [question.get_absolute_url() for question in visible[:SAMPLE]]
            for category in Category.objects.available(code)[:SAMPLE]:
                path = category.get_absolute_url()
                found.list_pages[path] = number_of_pages(visible.filter(category=category).count())
                slug = {"slug": category.current_slug()}
                found.reader_pages += [
                    reverse("qa:category_rss", kwargs=slug),
                    reverse("qa:category_atom", kwargs=slug),
                ]
            for tag in Tag.objects.available(code)[:SAMPLE]:
                found.list_pages[tag.get_absolute_url()] = number_of_pages(visible.filter(tags=tag).count())
            for asker in Asker.objects.all()[:SAMPLE]:
                found.list_pages[asker.get_absolute_url()] = number_of_pages(visible.filter(asker=asker).count())
            for route in SLUG_ROUTES:
                found.path_words.update(part for part in "/".join(around_slug(code, route)).split("/") if part)
    found.reader_pages += list(found.list_pages)
    found.reader_pages += [reverse("sitemap_index"), *[f"/sitemap-{section}.xml" for section in SITEMAPS]]
    for model in (Question, Category, Tag):
        for code in languages.codes():
            found.slugs.update(s for s in model.objects.values_list(f"slug_{code}", flat=True) if s)
    found.slugs.update(Asker.objects.values_list("slug", flat=True))

    # Beside the real pages: questions under the next language's slug (a 301 to their
    # own), and the one without Turkish in Turkish (a 404 offering the others).
    other = []
    codes = languages.codes()
    untranslated = list(Question.objects.filter(is_available_tr=False)[:1])
    for question in [*Question.objects.visible("en")[:SAMPLE], *untranslated]:
        for code, next_code in zip(codes, codes[1:] + codes[:1], strict=True):
            if getattr(question, f"slug_{next_code}"):
                other.append(slug_path(code, "qa:question", getattr(question, f"slug_{next_code}")))
    question = Question.objects.first()
    found.admin_pages = [
        reverse("admin:login"),
        reverse("admin:index"),
        reverse("admin:qa_question_add"),
        reverse("admin:qa_question_change", args=[question.pk]),
        reverse("admin:qa_question_changelist"),
        reverse("admin:qa_category_changelist"),
        reverse("admin:qa_tag_change", args=[Tag.objects.first().pk]),
    ]
    client = Client()
    for path in [*found.reader_pages, *other, "/", "/robots.txt", "/favicon.ico", "/healthz"]:
        found.pages[path] = client.get(path).status_code
    return found


def ask(method, path, **extra):
    """One request, answered twice from an empty page cache (rendered, then stored and
    served from the cache): neither may be a server error, and both say the same."""
    cache.clear()
    client = Client()
    first = client.generic(method, path, **extra)
    second = client.generic(method, path, **extra)
    assert first.status_code < 500, (method, path, extra, first.status_code)
    assert second.status_code == first.status_code, (method, path, extra, first.status_code, second.status_code)
    kind = method if method in ("GET", "HEAD") else "other method"
    event(f"{kind}: {second.status_code}")  # shown by --hypothesis-show-statistics
    return second


# -- strategies ---------------------------------------------------------------------

ODD_PIECES = [
    "",
    ".",
    "..",
    "../..",
    "..%2F..%2Fetc%2Fpasswd",
    "%2e%2e",
    "%2E%2E%2F",
    "%00",
    "\x00",
    "a\x00b",
    "%",
    "%%",
    "%zz",
    "%4",
    "%C0%AE",
    "%FF%FE",
    "%ED%A0%80",  # an encoded UTF-16 surrogate: not valid UTF-8
    "%E2%80%AE",
    "%F0%9F%8F%83",
    "🏃‍♀️",
    "⚽🚴",
    "İstanbul",
    "nasıl",
    "straße",
    "ÇĞİÖŞÜ",
    "\u202egnp.exe",
    "\ufeff",
    "\u0301",
    "-",
    "_",
    "--",
    "a b",
    "a+b",
    "a;b=c",
    "a/b",
    "a\\b",
    "a//b",
    "<script>alert(1)</script>",
    "'\"",
    "${jndi:ldap://x}",
    "{{7*7}}",
    "%u0041",
    "CON",
    "index.php",
    "a?b",
    "a#b",
    "?page=-1",
    "feed.rss",
    "sitemap.xml",
]

any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
slug_like = st.text(alphabet="abcxyz019-_.%/", max_size=30)
very_long = st.integers(min_value=150, max_value=20_000).flatmap(
    lambda n: st.sampled_from(["a" * n, "a-" * (n // 2), "%41" * (n // 3), "é" * n])
)
odd_slug = st.one_of(
    st.sampled_from(ODD_PIECES),
    any_text,
    slug_like,
    very_long,
    st.lists(st.one_of(st.sampled_from(ODD_PIECES), slug_like), min_size=2, max_size=4).map("".join),
)
huge = st.integers(min_value=10**6, max_value=10**40).map(str)
page_value = st.one_of(
    st.sampled_from(["", "0", "1", "2", "3", "last", "first", "-1", "-0", "+1", " 1 ", "1.0", "1.5", "1e3", "0x1"]),
    st.sampled_from(["1_0", "١", "NaN", "inf", "-inf", "9" * 5000, "%00", "1%00", "2%20", "%", "[]", "1,2"]),
    huge,
    huge.map(lambda n: f"-{n}"),
    st.integers(min_value=-100, max_value=100).map(str),
    any_text,
)
param_name = st.one_of(st.sampled_from(["page", "p", "q", "lang", "format", "page[]", "PAGE", "pa%67e"]), any_text)
param = st.one_of(
    st.tuples(st.just("page"), page_value),
    st.tuples(st.just("p"), page_value),
    st.tuples(param_name, st.one_of(page_value, any_text)),
)


def raw_query(params):
    """A query string as a client might send it: values percent-encoded or not."""
    parts = []
    for name, value in params:
        # Keep '%', '&' and '=' as they are, so that escapes and separators stay junk.
        parts.append(quote(name, safe="%&=+;[]") + "=" + quote(value, safe="%&=+;[],"))
    return "&".join(parts)


query = st.lists(param, max_size=6).map(raw_query)


def mojibake(text):
    """What a WSGI server passes on for a header sent as UTF-8: its bytes as Latin-1."""
    return text.encode("utf-8").decode("latin-1")


header_text = st.one_of(
    st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF), max_size=60),
    any_text.map(mojibake),
    st.integers(min_value=0, max_value=3000).map(lambda n: "a," * n),
)
accept_language = st.one_of(
    header_text,
    st.sampled_from(["*", "en", "tr-TR,tr;q=0.9", "de;q=2", "nl;q=-1", "xx-YY", "en-us;q=0.5,*;q=0.1", ";;;", "q=1"]),
    st.lists(st.sampled_from(["nl", "EN", "de-AT", "tr", "zz", "*", ";q=0", ";q=0.5", ",", " "]), max_size=30).map(
        "".join
    ),
)
accept_encoding = st.one_of(
    header_text,
    st.sampled_from(["*", "br", "gzip", "identity", "gzip;q=0", "br;q=0, gzip", "gzip; q=0.000", "BR", "x-gzip"]),
    st.lists(
        st.sampled_from(["br", "gzip", "deflate", "identity", "*", ";q=0", ";q=1", ";q=0.5", ",", " "]), max_size=20
    ).map("".join),
)
if_none_match = st.one_of(
    header_text,
    st.sampled_from(["*", '""', 'W/""', '"abc"', 'W/"abc", "def"', '"', "W/", "*,*", '"' + "a" * 5000 + '"']),
)
if_modified_since = st.one_of(
    header_text,
    st.sampled_from(
        [
            "Sat, 01 Jan 2000 00:00:00 GMT",
            "Sat, 01 Jan 99999 00:00:00 GMT",
            "Thu, 01 Jan 1970 00:00:00 GMT",
            "Fri, 31 Dec 9999 23:59:59 GMT",
            "-1",
            "0",
            "Sunday, 06-Nov-94 08:49:37 GMT",
        ]
    ),
)
cookie = st.one_of(
    header_text,
    st.sampled_from(
        [
            "sessionid=junk",
            "sessionid=",
            "django_language=xx",
            "django_language=tr",
            "csrftoken=%00",
            "=;=;",
            "sessionid=" + "a" * 5000,
        ]
    ),
)
ODD_HEADERS = {
    "HTTP_ACCEPT_LANGUAGE": accept_language,
    "HTTP_ACCEPT_ENCODING": accept_encoding,
    "HTTP_IF_NONE_MATCH": if_none_match,
    "HTTP_IF_MODIFIED_SINCE": if_modified_since,
    "HTTP_COOKIE": cookie,
    "HTTP_ACCEPT": header_text,
    "HTTP_RANGE": st.one_of(header_text, st.sampled_from(["bytes=0-0", "bytes=-1", "bytes=99999999999999999999-"])),
    "HTTP_X_FORWARDED_PROTO": st.one_of(header_text, st.sampled_from(["https", "http, https", "HTTPS"])),
    "HTTP_USER_AGENT": header_text,
    "HTTP_REFERER": header_text,
}
headers = st.fixed_dictionaries({}, optional=ODD_HEADERS)
bogus_host = st.one_of(
    st.sampled_from(
        [
            "",
            "evil.example",
            "localhost.evil.example",
            "localhost:99999",
            "localhost:abc",
            "127.0.0.1:8000:80",
            "[::1",
            "[::1]:x",
            "a" * 300,
            "localhost\x00",
            "localhost/../",
            "@evil.example",
            "LOCALHOST.",
            "xn--80ak6aa92e.com",
            "пример.рф",
        ]
    ),
    header_text,
)
METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE", "TRACE", "CONNECT", "PROPFIND", "FOO", "get"]
body = st.one_of(
    st.just(b""),
    st.binary(max_size=200),
    st.sampled_from([b"a=b&c", b"csrfmiddlewaretoken=%00", b"--x\r\nContent-Disposition: form-data\r\n\r\n", b"{"]),
)
content_type = st.sampled_from(
    [
        "application/x-www-form-urlencoded",
        "multipart/form-data",
        "multipart/form-data; boundary=x",
        "application/json",
        "text/plain; charset=nonsense",
        "\x00",
    ]
)


ADMIN_FIELDS = [
    "csrfmiddlewaretoken", "username", "password", "next", "title_en", "slug_en", "summary_tr", "asker", "category",
    "tags", "state_en", "publish_at_en_0", "publish_at_en_1", "_save", "_continue", "action", "_selected_action",
    "select_across", "index", "post", "form-TOTAL_FORMS", "form-0-position", "form-0-id", "answers-TOTAL_FORMS",
    "answers-INITIAL_FORMS", "answers-MAX_NUM_FORMS", "answers-0-heading_en", "answers-0-body_en",
    "answers-0-position", "answers-0-id", "answers-0-DELETE", "name_nl", "slug_nl",
]  # fmt: skip
form_field = st.one_of(st.sampled_from(ADMIN_FIELDS), any_text)
form_value = st.one_of(
    page_value, any_text, st.sampled_from(["delete_selected", "on", "published", "draft", "2026-13-45", "25:61"])
)
form_body = st.one_of(
    st.lists(st.tuples(form_field, form_value), max_size=25).map(lambda pairs: raw_query(pairs).encode()),
    st.integers(min_value=19_990, max_value=20_010).map(lambda n: b"&".join([b"a=1"] * n)),  # the field limit
    st.binary(max_size=300),
    st.sampled_from([b"title_en=\xff\xfe", b"%", b"=&=&", b"answers-TOTAL_FORMS=99999999999999999999"]),
)


def fuzzed_path(site):
    """Addresses built like the site's own: a language prefix (of ours or not), a path
    word of any language, a fuzzed slug, then maybe a feed suffix and a query."""
    prefix = st.one_of(
        st.sampled_from([*languages.codes(), "EN", "en-us", "fr", "zh-hans", "", "..", "%65n"]), slug_like
    )
    word = st.one_of(st.sampled_from(sorted(site.path_words)), slug_like)
    slug = st.one_of(odd_slug, st.sampled_from(sorted(site.slugs)).flatmap(mutated))
    suffix = st.sampled_from(["/", "", "/feed.rss", "/feed.atom", "//", "/x/", "/%00"])
    built = st.tuples(prefix, word, slug, suffix).map(lambda parts: "/{}/{}/{}{}".format(*parts))
    # Or a real route in a real language with the slug fuzzed.
    routed = st.tuples(st.sampled_from([(c, r) for c in languages.codes() for r in SLUG_ROUTES]), slug).map(
        lambda args: "{1}{0}{2}".format(args[1], *around_slug(*args[0]))
    )
    free = st.lists(st.one_of(st.sampled_from(ODD_PIECES), any_text), max_size=4).map(lambda p: "/" + "/".join(p))
    return st.tuples(st.one_of(routed, routed, built, free), st.one_of(st.just(""), query.map("?".__add__))).map(
        "".join
    )


def mutated(slug):
    """A real slug made wrong: cut, grown, upper-cased, escaped or joined with junk."""
    return st.one_of(
        st.just(slug[:-1]),
        st.just(slug.upper()),
        st.just(slug + "-"),
        st.just(slug.replace("-", "%2D")),
        st.just(slug.replace("-", "_")),
        st.tuples(st.sampled_from(ODD_PIECES), st.booleans()).map(lambda t: t[0] + slug if t[1] else slug + t[0]),
    )


def path_info(path):
    """The path the site sees for what the test client is given."""
    return unquote(urlsplit(path).path)


def a_real_page(site, path):
    """Whether path may name a page that exists: one of the fixture's 200s, one with a
    real slug in it (of any kind and language: the fixture samples the pages), or one
    in the admin."""
    seen = path_info(path)
    if seen.startswith(reverse("admin:index")):
        return True
    real = {path_info(p) for p, status in site.pages.items() if status == 200}
    return seen in real or any(part in site.slugs for part in seen.split("/"))


# -- tests --------------------------------------------------------------------------


def test_the_real_pages_answer(site):
    """The fixture's addresses are what the fuzz starts from: every one answers."""
    assert all(site.pages[path] == 200 for path in site.reader_pages), {
        path: site.pages[path] for path in site.reader_pages if site.pages[path] != 200
    }
    assert all(status in (200, *REDIRECTS, 404) for status in site.pages.values())


@bounded
@given(data=st.data())
def test_fuzzed_addresses_are_404s_or_redirects_never_errors(site, data):
    path = data.draw(fuzzed_path(site), label="path")
    response = ask("GET", path)
    if not a_real_page(site, path):
        assert response.status_code in (*REDIRECTS, 404), (path, response.status_code)


@bounded
@given(data=st.data())
def test_junk_query_strings_on_real_pages(site, data):
    path = data.draw(st.sampled_from(sorted(site.pages)), label="page")
    junk = data.draw(query, label="query")
    response = ask("GET", f"{path}?{junk}")
    expected = site.pages[path]
    if path in site.list_pages and expected == 200:
        number = QueryDict(junk).get("page")
        expected = 200 if valid_page(number, site.list_pages[path]) else 404
    elif path.startswith("/sitemap-") and "p" in QueryDict(junk):
        expected = 200 if valid_page(QueryDict(junk)["p"], 1, empty_is_first=False) else 404
    assert response.status_code == expected, (path, junk, response.status_code, expected)


def valid_page(number, pages, empty_is_first=True):
    """Whether Django's pagination shows a page for ?page=number (ListView and the
    sitemap views read the number alike, except that a list takes '' as page 1)."""
    if number is None or (number == "" and empty_is_first) or number == "last" and empty_is_first:
        return True
    try:
        return 1 <= int(number) <= pages
    except ValueError:
        return False


@bounded
@given(data=st.data())
def test_odd_methods_and_bodies(site, data):
    method = data.draw(st.sampled_from(METHODS), label="method")
    path = data.draw(st.one_of(st.sampled_from(sorted(site.pages)), fuzzed_path(site)), label="path")
    payload = data.draw(body, label="body")
    kind = data.draw(content_type, label="content type")
    response = ask(method, path, data=payload, content_type=kind)
    if method in ("GET", "HEAD", "get") and not a_real_page(site, path):
        assert response.status_code in (*REDIRECTS, 404), (method, path, response.status_code)


@bounded
@given(data=st.data())
def test_odd_methods_with_csrf_checks_on(site, data):
    """As a browser's forms meet the site: outside the admin a 405 comes first; the
    admin's login and forms meet the CSRF check (and the login throttling)."""
    method = data.draw(st.sampled_from(METHODS), label="method")
    path = data.draw(st.sampled_from(sorted(site.pages) + site.admin_pages), label="path")
    payload = data.draw(body, label="body")
    kind = data.draw(content_type, label="content type")
    extra = data.draw(headers, label="headers")
    cache.clear()
    response = Client(enforce_csrf_checks=True).generic(method, path, data=payload, content_type=kind, **extra)
    assert response.status_code < 500, (method, path, response.status_code)


@pytest.fixture
def editor(site, django_user_model):
    """A logged-in superuser's client."""
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("fuzz-editor", "fuzz@example.org", "x"))
    return client


@fuzz_settings(bounded, max_examples=60)
@given(data=st.data())
def test_junk_admin_forms_from_an_editor(site, editor, data):
    """An editor's forms are read with the admin's own limits (qa.middleware): junk is
    refused (400) or shown back with errors, never a server error."""
    path = data.draw(st.sampled_from(site.admin_pages[2:]), label="path")
    payload = data.draw(form_body, label="body")
    kind = data.draw(st.sampled_from(["application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]))
    response = editor.post(path, data=payload, content_type=kind)
    assert response.status_code < 500, (path, payload[:200], response.status_code)
    event(f"editor POST: {response.status_code}")


@bounded
@given(data=st.data())
def test_odd_headers(site, data):
    path = data.draw(st.one_of(st.sampled_from(sorted(site.pages)), fuzzed_path(site)), label="path")
    extra = data.draw(headers, label="headers")
    method = data.draw(st.sampled_from(["GET", "HEAD"]), label="method")
    response = ask(method, path, **extra)

    code = path.split("/")[1]
    if response.status_code == 200 and method == "GET" and code in languages.codes() and "feed." not in path:
        assert f'<html lang="{code}"'.encode() in decoded(response), "the page is in its URL's language"
    if path == "/" and "HTTP_COOKIE" not in extra:
        assert response.status_code == 302
        assert response["Location"] in [f"/{c}/" for c in languages.codes()]
    sent = response.get("Content-Encoding")
    if sent:
        asked = extra.get("HTTP_ACCEPT_ENCODING", "")
        assert sent in asked.lower() or "*" in asked, ("a coding the client did not ask for", asked, sent)
        assert sent not in refused_encodings(asked), ("a coding the client refused", asked, sent)
    if response.status_code == 304:
        assert a_condition_holds(extra, response), ("a 304 for a page the client does not have", extra)


def a_condition_holds(extra, response):
    """Whether the request's If-None-Match names the response's ETag (weakly, RFC 9110
    13.1.2) or, without one, its If-Modified-Since is not older than Last-Modified
    (the date read as Django reads it)."""
    if "HTTP_IF_NONE_MATCH" in extra:
        conditions = extra["HTTP_IF_NONE_MATCH"]
        opaque = response.get("ETag", "").removeprefix("W/")
        return conditions.strip() == "*" or (bool(opaque) and opaque in conditions)
    since = parse_http_date_safe(extra.get("HTTP_IF_MODIFIED_SINCE", ""))
    modified = parse_http_date_safe(response.get("Last-Modified", ""))
    return since is not None and modified is not None and since >= modified


REFUSING = ["gzip;q=0", "GZIP;Q=0", "gzip; q=0.0", "br;q=0, gzip;q=0", "identity", "*;q=0, identity;q=1", ""]


@pytest.mark.parametrize("accept_encoding", REFUSING)
def test_a_refused_content_coding_is_never_sent(site, accept_encoding):
    """Accept-Encoding with q=0 refuses a coding (RFC 9110 12.5.3): neither the page
    cache (rendered or hit) nor GZipMiddleware may send it."""
    cache.clear()
    client = Client()
    sent = {}
    for path in ["/en/", "/en/", "/en/feed.rss", "/sitemap.xml", "/en/no-such-page/", site.reader_pages[3]]:
        response = client.get(path, HTTP_ACCEPT_ENCODING=accept_encoding)
        coding = response.get("Content-Encoding")
        if coding and (coding in refused_encodings(accept_encoding) or coding not in accept_encoding.lower()):
            sent[path] = (coding, response.get("X-Page-Cache"))
    assert not sent, f"Accept-Encoding: {accept_encoding!r} got {sent}"


def test_an_etag_matches_only_its_own_encoding(site):
    """The page cache keeps one ETag per encoding: a client's ETag of the Brotli copy
    gets a 304 only when it asks for Brotli again."""
    cache.clear()
    client = Client()
    path = site.reader_pages[3]
    brotli_copy = client.get(path, HTTP_ACCEPT_ENCODING="br")
    assert brotli_copy["Content-Encoding"] == "br"
    etag = brotli_copy["ETag"]
    assert client.get(path, HTTP_ACCEPT_ENCODING="br", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(path, HTTP_ACCEPT_ENCODING="br", HTTP_IF_NONE_MATCH=f"W/{etag}").status_code == 304
    for other in ["gzip", "identity", ""]:
        response = client.get(path, HTTP_ACCEPT_ENCODING=other, HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 200, other
        assert response.get("Content-Encoding") != "br", other


@fuzz_settings(bounded, max_examples=100)
@given(data=st.data())
def test_odd_requests_leave_the_next_reader_the_same_page(site, data):
    """A request with odd headers, a bogus host or another method may be stored by the
    page cache, but never where a plain reader's request finds it."""
    path = data.draw(st.sampled_from([p for p, status in sorted(site.pages.items()) if status == 200]), label="page")
    extra = data.draw(headers, label="headers")
    if data.draw(st.booleans(), label="bogus host"):
        extra["HTTP_HOST"] = data.draw(bogus_host, label="host")
    method = data.draw(st.sampled_from(["GET", "HEAD", "POST", "OPTIONS"]), label="method")
    cache.clear()
    client = Client()
    plain = client.get(path)
    assert Client().generic(method, path, **extra).status_code < 500
    after = client.get(path)
    assert (after.status_code, after.get("Content-Type"), decoded(after)) == (
        plain.status_code,
        plain.get("Content-Type"),
        decoded(plain),
    ), (method, path, extra)


def decoded(response):
    body = response.content
    match response.get("Content-Encoding"):
        case "br":
            return brotli.decompress(body)
        case "gzip":
            return gzip.decompress(body)
    return body


def refused_encodings(header):
    """The content codings an Accept-Encoding refuses with a weight of 0 (RFC 9110
    12.5.3; "q" is case-insensitive, optional whitespace around ";") and does not also
    accept."""
    weights = {}
    for part in header.split(","):
        name, _, params = part.partition(";")
        key, _, value = params.strip().partition("=")
        weight = 1.0
        if key.strip().lower() == "q":
            try:
                weight = float(value.strip())
            except ValueError:
                continue  # not a weight: no telling what the client meant
        name = name.strip().lower()
        weights[name] = max(weights.get(name, 0.0), weight)
    return {name for name, weight in weights.items() if weight == 0}


@bounded
@given(data=st.data())
def test_a_bogus_host_never_gets_a_page(site, data):
    """A Host that is not allowed gets a 400; a method the site never takes may be
    refused first (405), since that answer says nothing of the host."""
    path = data.draw(st.sampled_from(sorted(site.pages)), label="path")
    host = data.draw(bogus_host, label="host")
    method = data.draw(st.sampled_from(["GET", "HEAD", "POST"]), label="method")
    response = ask(method, path, HTTP_HOST=host)
    if path_info(path).rstrip("/") == "/healthz":
        assert response.status_code == 200  # load balancers send whatever Host they like
    elif not an_allowed_host(host):
        assert response.status_code in ((400,) if method in ("GET", "HEAD") else (400, 405)), (path, host, response)


def an_allowed_host(host):
    """One of ALLOWED_HOSTS (the test run adds "testserver"), maybe with a final dot
    and a port: what Django lets through."""
    names = "|".join(re.escape(name) for name in django_settings.ALLOWED_HOSTS)
    return re.fullmatch(rf"({names})\.?(:[0-9]+)?", host, flags=re.IGNORECASE) is not None


NOT_READING = ["POST", "PUT", "PATCH", "DELETE", "TRACE", "PROPFIND"]


def test_reader_pages_feeds_and_sitemaps_refuse_other_methods(site):
    """A reader page, feed, sitemap or robots.txt answers only GET and HEAD (and maybe
    OPTIONS, listing no more than those): anything else is a 405 naming what is
    allowed, and stays out of the page cache."""
    client = Client()
    wrong = {}
    for path in [*site.reader_pages, "/robots.txt"]:
        for method in NOT_READING:
            response = client.generic(method, path, data=b"a=b", content_type="application/x-www-form-urlencoded")
            allowed = {m.strip() for m in response.get("Allow", "").split(",")}
            if response.status_code != 405 or not {"GET", "HEAD"} <= allowed or allowed & {"POST", "PUT", "DELETE"}:
                wrong[(method, path)] = (response.status_code, response.get("Allow"))
        options = client.options(path)
        allowed = {m.strip() for m in options.get("Allow", "").split(",") if m.strip()}
        if options.status_code not in (200, 405) or not allowed <= {"GET", "HEAD", "OPTIONS"}:
            wrong[("OPTIONS", path)] = (options.status_code, options.get("Allow"))
        assert client.get(path).status_code == 200, path
    failing = sorted({path for _method, path in wrong})
    assert not wrong, (
        f"{len(failing)} of {len(site.reader_pages)} pages answer other methods: {failing}; "
        f"for instance {dict(list(wrong.items())[:4])}"
    )


def test_head_answers_like_get_without_a_body(site):
    client = Client()
    for path, status in site.pages.items():
        cache.clear()
        head = client.head(path)
        assert head.status_code == status, path
        assert head.content == b"", path
        assert client.head(path).status_code == status, path  # from the page cache


# -- search queries over words readers cannot see -------------------------------------

SECRET = "zzunpublishedword"  # only in a draft, a text in review and a scheduled one


@pytest.fixture(scope="module")
def hidden_texts(site):
    """The secret word in a draft, a language in review and a scheduled language of one
    question each, in every language."""
    from datetime import timedelta

    from django.utils import timezone

    from qa.models import Question
    from tests.factories import make_question

    later = timezone.now() + timedelta(days=5)
    for n, (state, at) in enumerate([("draft", None), ("review", None), ("published", later)]):
        question = make_question(f"Notes {n} {SECRET}", body=f"The {SECRET} plan.")
        question.set_state(state, at=at)
        question.save()
        assert not Question.objects.visible("en").filter(pk=question.pk).exists()


# Near misses of the word (none holds it), with the words and signs of the query syntax.
NEAR_MISSES = [SECRET[:-2] + SECRET[-1], SECRET[1:], SECRET[:-1] + "x"]
QUERY_PIECES = [*NEAR_MISSES, "marathn", "marathon", "or", "OR", "-", '"', "*"]


@fuzz_settings(bounded, max_examples=80)
@given(pieces=st.lists(st.sampled_from(QUERY_PIECES), min_size=1, max_size=6), code=st.sampled_from(languages.codes()))
def test_no_search_shows_a_word_readers_cannot_see(site, hidden_texts, pieces, code):
    """Misspelt, excluded, quoted, joined by or: the word is neither suggested nor shown."""
    query = " ".join(pieces).replace("- ", "-").replace('" ', '"')
    with translation.override(code):
        path = reverse("qa:search")
    response = ask("GET", f"{path}?q={quote(query)}")
    assert response.status_code == 200
    assert SECRET not in response.content.decode(), query
