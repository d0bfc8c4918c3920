"""The one place that says where a page is in another language.

The language tabs (and later hreflang links and sitemaps) all ask url_in(). A URL
is built from the object itself under that language, never by translating the
current path: `translate_url` would keep the old language's slug.
"""

from django.urls import reverse
from django.utils import translation

from . import languages


def url_in(code, obj=None, route=None, kwargs=None):
    """The path of obj (or of the named route) in language code, or None where the
    object is not available in that language."""
    if obj is not None and code not in obj.available_languages():
        return None
    with translation.override(code):
        return obj.get_absolute_url() if obj is not None else reverse(route, kwargs=kwargs)


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
