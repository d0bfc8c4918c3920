"""What a page is kept under in the page cache: its canonical URL, never the URL as sent.

A URL's query string takes part only with the parameters its view reads, declared on
the view as `query_parameters` (the lists read `page`, a sitemap file `p`), each in a
normal form: the last value (as `QueryDict.get` reads it), a number written as a
plain number (`?page=02`, `?page=+2` and `?page=2` are one page) and page 1 as no
parameter at all. Every other parameter is left out: `/en/?x=1` is answered from the
entry of `/en/`. A value the view refuses (`?page=abc`, a page past the end) makes a
404, which is never stored, so the entries that can exist are bounded by the real
pages however many distinct URLs are sent.

A request whose query string is already in this form may store any cacheable
response (qa.page_cache); one with parameters left out may store only a 200, whose
body cannot depend on them: a redirect (CommonMiddleware's added slash) keeps the
query string in its Location and is rendered each time instead.
"""

import hashlib
from urllib.parse import urlencode

from django.urls import Resolver404, resolve
from django.utils import translation

from . import languages
from .release import release

KEY_PREFIX = "projectsports:page:"


def query_parameters(path):
    """The query parameters the view at path reads (() when it reads none or when no
    view answers there). Reader paths resolve in their own language: the prefix and
    the translated path words are those of the active language."""
    code = path.split("/", 2)[1] if path.count("/") > 1 else ""
    with translation.override(code if code in languages.codes() else None):
        try:
            match = resolve(path)
        except Resolver404:
            return ()
    view = getattr(match.func, "view_class", match.func)
    return tuple(getattr(view, "query_parameters", ()))


def normal_value(value):
    """A parameter's value in its normal form: numbers as plain numbers, anything else
    as it was sent (the view will refuse it)."""
    try:
        return str(int(value))
    except ValueError:
        return value


def canonical_query(request):
    """The query string of the page request asks for, in its normal form ('' for none)."""
    if not request.GET:
        return ""
    pairs = []
    for name in sorted(query_parameters(request.path_info)):
        if name in request.GET:
            value = normal_value(request.GET[name])
            if value != "1":
                pairs.append((name, value))
    return urlencode(pairs)


def page_key(request):
    """(key, canonical): the cache key of the page request asks for, and whether the
    request's own query string is that canonical one. The key is made of the scheme,
    host, path, canonical query and the release (qa.release: a deploy starts with an
    empty cache); each encoding of the page is kept under key + ":" + the encoding."""
    query = canonical_query(request)
    canonical = query == request.META.get("QUERY_STRING", "")
    url = request.build_absolute_uri(request.path) + (f"?{query}" if query else "")
    return KEY_PREFIX + hashlib.sha256(f"{release()} {url}".encode()).hexdigest(), canonical
