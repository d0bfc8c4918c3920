"""Whole-page cache for anonymous readers, shared by all app servers, never stale.

- A page is stored with the content version it was rendered under
  (qa.content_version) and served only while that is still the current version. With
  Redis, a hit is one round trip (the version's copy, the pending markers and the page
  together) and no database query; with the local-memory cache the version is read
  from the database. Why no interleaving of a change and a read can serve old content
  is explained in qa.content_version.
- Pages are kept under their canonical URL (qa.page_keys): junk query parameters are
  answered from the real page's entry and cannot add entries of their own.
- GET/HEAD requests outside the admin are served from and stored in the cache unless
  they carry the session of a logged-in user: a made-up or stale session cookie does
  not bypass it (checked in the session cache alone with Redis, no database query),
  and only 200 and 301 responses that set no cookie and are not private are stored:
  logged-in staff never get a cached page and never put one there.
- A stored page is compressed once, when it is stored (Brotli and gzip), and kept in
  each encoding under its own key; a hit reads and sends the one the client accepts,
  with `Vary: Accept-Encoding` and an ETag per encoding. Responses that are not stored
  are compressed by Django's GZipMiddleware (GZipMiddleware below: one that also
  hears a `gzip;q=0`).
- Every page this middleware handles says how it was made, in `X-Page-Cache`: `hit`
  (from the cache), `partial` (rendered around cached fragments, qa.fragments) or
  `render` (rendered in full). The benchmark harness counts them.
- The cache is an optimisation: if it fails (Redis gone), pages come from the
  database. Responses carry Last-Modified (the content version's time); 304s come
  from ConditionalGetMiddleware, outside this one.
"""

import gzip
import hashlib
import logging
import pickle
from functools import wraps
from importlib import import_module

import brotli
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.middleware.gzip import GZipMiddleware as DjangoGZipMiddleware
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from . import content_version
from .page_keys import page_key
from .sessions import CacheUnavailable

logger = logging.getLogger(__name__)

CACHEABLE_STATUS = {200, 301}
# Browsers and CDNs may keep a page but must ask again (a cheap 304) before using it.
CACHE_CONTROL = {"public": True, "max_age": 0, "must_revalidate": True}
HEADER = "X-Page-Cache"
# Compressing once per stored page, so a slower, better setting pays off on every hit.
BROTLI_QUALITY = 9
GZIP_LEVEL = 9


def has_logged_in_session(request):
    """Whether the request's session cookie names the session of a logged-in user.
    With a cache-backed session store (Redis) only the cache is asked: a made-up key
    costs one cache read, never a database query; a real session missing from the
    cache (Redis emptied) counts as logged out here until its next admin request puts
    it back. Without one (a laptop) the session table is asked. If the store cannot be
    asked (Redis down, qa.sessions), the answer is yes: the page is rendered, not stored."""
    key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not key or len(key) > 40:  # Django's session keys have 32 characters
        return False
    store = import_module(settings.SESSION_ENGINE).SessionStore(key)
    if store.session_key is None:  # not a well-formed key
        return False
    try:
        data = store.cached_data() if hasattr(store, "cached_data") else store.load()
    except CacheUnavailable:  # logged by qa.sessions
        return True
    except Exception:  # cannot tell: render, store nothing
        logger.warning("session store unavailable", exc_info=True)
        return True
    return bool(data) and SESSION_KEY in data


def is_reader_request(request):
    """A request the page cache may answer: a read outside the admin by anyone who is
    not logged in."""
    return (
        request.method in ("GET", "HEAD")
        and not request.path_info.startswith(f"/{settings.ADMIN_URL}")
        and not has_logged_in_session(request)
    )


def language_neutral(view):
    """Marks a view outside the language prefixes whose page reads no language (the
    sitemaps, robots.txt): LocaleMiddleware still sends `Vary: Accept-Language` for
    every such path, which would otherwise keep the page out of the cache."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        response = view(*args, **kwargs)
        response.language_neutral = True
        return response

    return wrapper


def is_storable(response):
    cache_control = response.get("Cache-Control", "")
    vary = response.get("Vary", "")
    return (
        response.status_code in CACHEABLE_STATUS
        and not response.cookies
        and not response.streaming
        and not response.has_header("Content-Encoding")
        and "private" not in cache_control
        and "no-store" not in cache_control
        and "Cookie" not in vary
        and ("Accept-Language" not in vary or getattr(response, "language_neutral", False))
    )


def without_vary_accept_language(response):
    """For a language_neutral page: drop the Vary: Accept-Language that LocaleMiddleware
    added, since the page is the same in whichever language it is asked."""
    vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip().lower() not in ("", "accept-language")]
    if vary:
        response["Vary"] = ", ".join(vary)
    elif response.has_header("Vary"):
        del response["Vary"]


ENCODINGS = ("br", "gzip", "identity")  # in the order they are preferred


def accepted_encodings(request):
    """The content codings the client accepts: those it names without q=0 (the q
    parameter in any case and spelling, as RFC 9110 allows; a q that is no number
    counts as 1). `*` is not expanded: a client that sends only `*` gets identity."""
    accepted = set()
    for part in request.headers.get("Accept-Encoding", "").split(","):
        name, *params = (piece.strip() for piece in part.split(";"))
        weight = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    weight = float(value.strip())
                except ValueError:
                    weight = 1.0
        if name and weight > 0:
            accepted.add(name.lower())
    return accepted


def preferred_encoding(request):
    """The best content coding the client accepts: br, gzip or identity."""
    accepted = accepted_encodings(request)
    return next((encoding for encoding in ENCODINGS if encoding in accepted), "identity")


class GZipMiddleware(DjangoGZipMiddleware):
    """Django's, for the responses the page cache did not store compressed, except that
    a client refusing gzip (`gzip;q=0`, which Django's reads as asking for it) gets the
    response as it is."""

    def process_response(self, request, response):
        if "gzip" not in accepted_encodings(request):
            patch_vary_headers(response, ("Accept-Encoding",))
            return response
        return super().process_response(request, response)


class StoredPage:
    """A rendered response as kept in the cache in one encoding: its version, status,
    headers, body and ETag. Each encoding is kept under a key of its own, so that a hit
    reads only the body it sends (a question page: 6 KB of Brotli, not 40 KB of all
    three)."""

    def __init__(self, version, status, headers, encoding, body, etag):
        self.version, self.status, self.headers = version, status, headers
        self.encoding, self.body, self.etag = encoding, body, etag

    @classmethod
    def in_every_encoding(cls, version, response):
        """{encoding: StoredPage}: compressed once, here, not on every hit."""
        headers = [(name, value) for name, value in response.items() if name.lower() != "content-length"]
        content = response.content
        etag = hashlib.md5(content, usedforsecurity=False).hexdigest()
        bodies = {"identity": content}
        if len(content) > 200:  # smaller ones are sent as they are, whatever is asked
            bodies["br"] = brotli.compress(content, quality=BROTLI_QUALITY)
            bodies["gzip"] = gzip.compress(content, compresslevel=GZIP_LEVEL, mtime=0)
        pages = {}
        for encoding in ENCODINGS:
            sent = encoding if encoding in bodies else "identity"
            tag = f'"{etag}"' if sent == "identity" else f'"{etag}-{sent}"'
            pages[encoding] = cls(version, response.status_code, headers, sent, bodies[sent], tag)
        return pages

    def response(self, how):
        headers = dict(self.headers)
        if self.status == 301:  # a redirect class, for clients (and tests) that ask for .url
            response = HttpResponsePermanentRedirect(headers["Location"])
            response.content = self.body
        else:
            response = HttpResponse(self.body, status=self.status)
        for name, value in headers.items():
            response[name] = value
        if self.encoding != "identity":
            response["Content-Encoding"] = self.encoding
        response["Content-Length"] = str(len(self.body))
        response["ETag"] = self.etag
        patch_vary_headers(response, ("Accept-Encoding",))
        response[HEADER] = how
        return response


class RedisPages:
    """Pages in Redis, read in one round trip with the content version's copy."""

    def __init__(self, shared):
        self.shared = shared

    def lookup(self, key):
        """(the current version, the stored page or None), in one round trip when the
        copy can be trusted."""
        version, (raw,) = content_version.current_shared(self.shared, key)
        return version, _load(raw)

    def store(self, pages):
        pipe = self.shared.client.pipeline(transaction=False)
        for key, page in pages.items():
            pipe.set(key, pickle.dumps(page, pickle.HIGHEST_PROTOCOL), ex=settings.PAGE_CACHE_SECONDS)
        pipe.execute()


class LocalPages:
    """Pages in Django's cache (local memory on a laptop), the version from the database."""

    def lookup(self, key):
        return content_version.current(), cache.get(key)

    def store(self, pages):
        cache.set_many(pages, settings.PAGE_CACHE_SECONDS)


def _load(raw):
    return pickle.loads(raw) if raw else None  # noqa: S301 (written by this module only)


def page_store():
    shared = content_version.shared_copy()
    return RedisPages(shared) if shared is not None else LocalPages()


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_reader_request(request):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                patch_cache_control(response, private=True)
            return response

        encoding, store, (key, canonical) = preferred_encoding(request), page_store(), page_key(request)
        try:
            version, stored = store.lookup(f"{key}:{encoding}")
        except Exception:  # a cache that has gone away is a slower page, not an error
            logger.warning("page cache unavailable for reading", exc_info=True)
            store, version, stored = None, content_version.current(), None
        request.content_version = version  # for the fragments of a page rendered now (qa.fragments)
        if stored is not None and stored.version == version.key:
            return stored.response("hit")

        response = self.get_response(request)
        if not is_storable(response) or not (canonical or response.status_code == 200):
            return response
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        how = response.get(HEADER, "render")
        if getattr(response, "language_neutral", False):
            without_vary_accept_language(response)
        response["Last-Modified"] = http_date(version.changed_at.timestamp())
        patch_cache_control(response, **CACHE_CONTROL)
        pages = StoredPage.in_every_encoding(version.key, response)
        if store is not None:
            try:
                store.store({f"{key}:{name}": page for name, page in pages.items()})
            except Exception:
                logger.warning("page cache unavailable for writing", exc_info=True)
        return pages[encoding].response(how)
