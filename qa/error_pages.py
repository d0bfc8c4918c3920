"""Error pages, all in the site's layout (templates/error_page.html) and the URL's
language: 404, 404 for a page missing in one language, 410 for a deleted question,
500; and a plain 503 (templates/503.html) while the database cannot be reached."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from . import languages
from .languages import column
from .links import language_tabs, x_default_language
from .models import Question


def error_page(request, status, title, message="", **context):
    return render(request, "error_page.html", {"page_title": title, "message": message, **context}, status=status)


def page_not_found(request, exception):
    return error_page(request, 404, _("Page not found"), _("There is no page at this address."))


def not_in_language(request, obj):
    """404 for an object that exists, but not in the URL's language: name it (in the
    site's default language where it has it, else its first, marked with that
    language) and offer the others, each by its title (a question) or name in that
    language, so the reader knows which page this was."""
    tabs = language_tabs(obj=obj)
    field = "title" if isinstance(obj, Question) else "name"
    offers = [{**tab, "title": label_in(obj, field, tab["code"])} for tab in tabs if tab["url"]]
    named = None
    if offers:
        code = x_default_language([offer["code"] for offer in offers])
        named = format_html('<span lang="{}">{}</span>', code, label_in(obj, field, code))
    return error_page(
        request,
        404,
        _("Not available in this language"),
        heading=_("This page is not available in this language"),
        named=named,
        offers=offers,
        language_tabs=tabs,
    )


def label_in(obj, field, code):
    """The object's title or name in language code (an asker's name has no languages)."""
    return getattr(obj, column(field, code), None) or getattr(obj, field)


def gone(request):
    """410 for the address of a question that has been deleted."""
    return error_page(
        request,
        410,
        _("This question has been removed"),
        _("The question that was at this address is no longer on the site."),
    )


DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


@never_cache
def server_error(request):
    """The 500 page in the site's layout and the URL's language (plain text if even
    that cannot be rendered); a plain 503 while the database cannot be reached, which
    ends by itself once it is back (Django reconnects on the next request). The error
    may come from before LocaleMiddleware ran, so the language is read off the path."""
    unavailable = isinstance(sys.exception(), DATABASE_UNAVAILABLE)
    with translation.override(translation.get_language_from_path(request.path_info) or languages.active()):
        if unavailable:
            response = render(request, "503.html", status=503)
            response["Retry-After"] = "30"
            return response
        try:
            return error_page(
                request,
                500,
                _("Something went wrong"),
                _("The page could not be shown. Please try again in a moment."),
            )
        except Exception:
            return HttpResponseServerError(_("The page could not be shown. Please try again in a moment."))
