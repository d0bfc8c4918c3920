"""Error pages: 404 for a page missing in one language, 410 for a deleted question,
500 in the site's layout, and a plain 503 while the database cannot be reached.
(The ordinary 404 is Django's own view with templates/404.html.)"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from . import languages
from .links import language_tabs


def not_in_language(request, obj):
    """404 for an object that exists, but not in the URL's language: offer the others."""
    tabs = language_tabs(obj=obj)
    context = {"object": obj, "offers": [tab for tab in tabs if tab["url"]], "language_tabs": tabs}
    return render(request, "qa/not_in_language.html", context, status=404)


def gone(request):
    """410 for the address of a question that has been deleted."""
    return render(request, "qa/gone.html", status=410)


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
            return render(request, "500.html", status=500)
        except Exception:
            return HttpResponseServerError(_("The page could not be shown. Please try again in a moment."))
