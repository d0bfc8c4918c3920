"""The site's languages: which exist, their names, and the per-language column names.

Every other module asks here instead of reading settings.LANGUAGES itself.
"""

from django.conf import settings
from django.utils import translation


def codes():
    """Language codes in tab order: nl, en, de, tr."""
    return [code for code, _name in settings.LANGUAGES]


def name(code):
    """A language's own name ("Deutsch"), shown the same on every page."""
    return dict(settings.LANGUAGES)[code]


def active():
    """The language of the current request, one of codes()."""
    code = translation.get_language() or settings.LANGUAGE_CODE
    return code if code in codes() else settings.LANGUAGE_CODE


def column(field, code):
    """The per-language column modeltranslation made for field: column("slug", "de") == "slug_de"."""
    return f"{field}_{code.replace('-', '_')}"
