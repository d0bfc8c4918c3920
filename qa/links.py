"""The one place that says where a page is in another language.

The language tabs, the hreflang links and the sitemaps all ask url_in(). A URL
is built from the object itself under that language, never by translating the
current path: `translate_url` would keep the old language's slug.
"""

from functools import cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation

from . import languages


def url_in(code, obj=None, route=None, kwargs=None):
    """The path of obj (or of the named route) in language code, or None where the
    object is not available in that language."""
    if obj is not None and code not in obj.available_languages():
        return None
    with translation.override(code):
        return obj.get_absolute_url() if obj is not None else reverse(route, kwargs=kwargs)


_SLUG_MARK = "slug-mark-7f3a"


@cache
def _around_slug(code, route, prefix, urlconf):
    with translation.override(code):
        return tuple(reverse(route, kwargs={"slug": _SLUG_MARK}, urlconf=urlconf).split(_SLUG_MARK))


def around_slug(code, route):
    """(before, after): the path of route (e.g. "qa:question") in language code is
    before + slug + after, as reverse() gives it; one reverse() per language, route,
    script prefix and URLconf. Slugs are ASCII letters, digits and hyphens: nothing
    to quote. The sitemaps take these once per file of thousands of URLs."""
    return _around_slug(code, route, get_script_prefix(), get_urlconf())


def slug_path(code, route, slug):
    """The path of route with slug in language code: every get_absolute_url() builds
    its URL here (a list page shows dozens)."""
    before, after = around_slug(code, route)
    return f"{before}{slug}{after}"


def language_tabs(obj=None, route="qa:home", kwargs=None):
    """One entry per language in tab order: code, name, url (None when the page is not
    available in it) and whether it is the page's own language."""
    current = languages.active()
    return [
        {
            "code": code,
            "name": languages.name(code),
            "url": url_in(code, obj=obj, route=route, kwargs=kwargs),
            "active": code == current,
        }
        for code in languages.codes()
    ]


# Open Graph wants language_TERRITORY; these are the territories the site writes for.
OG_LOCALES = {"nl": "nl_NL", "en": "en_US", "de": "de_DE", "tr": "tr_TR"}


def x_default_language(codes):
    """The language a search engine sends a reader to when none of theirs is there:
    the site's default language where the page has it, else its first language."""
    return settings.LANGUAGE_CODE if settings.LANGUAGE_CODE in codes else codes[0]


def alternates(absolute, tabs):
    """(hreflang, absolute URL) for every language of the page, itself included, and
    x-default. `absolute` turns a path into an absolute URL; `tabs` is language_tabs()."""
    available = {tab["code"]: absolute(tab["url"]) for tab in tabs if tab["url"]}
    if not available:
        return []
    return [*available.items(), ("x-default", available[x_default_language(list(available))])]
