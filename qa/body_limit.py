"""A limit on the request bodies of everyone but logged-in staff.

Django's DATA_UPLOAD_MAX_MEMORY_SIZE leaves out the file parts of a multipart body,
and it applies while the body is read: a 50 MB POST to the login page was taken in
full. Here a body larger than settings.ANONYMOUS_BODY_MAX_BYTES is a 413 before any
of it is read, unless the request carries a logged-in staff member's session (their
forms and uploads have the admin's own limits). Whether it does is first sniffed as
the page cache does (qa.page_cache: with Redis, no database query), so an anonymous
request never costs one here. A body of unknown length (chunked, which only a server
that ends the input, like gunicorn, hands on) is read up to the limit and refused
past it.
"""

from importlib import import_module
from types import SimpleNamespace

from django.conf import settings
from django.contrib import auth
from django.http import HttpResponse
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string
from django.utils import translation

from . import languages
from .page_cache import has_logged_in_session


class BodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.ANONYMOUS_BODY_MAX_BYTES
        length = declared_length(request)
        if (length is not None and length <= limit) or is_staff_request(request):
            return self.get_response(request)
        if length is None and read_at_most(request, limit):
            return self.get_response(request)
        return too_large(request, limit)


def declared_length(request):
    """The body's length as the client declared it; None when it is sent without one
    (chunked) to a server that ends the input, so that it can be read to its end."""
    try:
        return int(request.META["CONTENT_LENGTH"])
    except (KeyError, ValueError):
        pass
    if "HTTP_TRANSFER_ENCODING" in request.META and request.META.get("wsgi.input_terminated"):
        return None
    return 0  # what Django reads of it too


def read_at_most(request, limit):
    """Read a body of unknown length, up to limit + 1 bytes: False if it is longer;
    otherwise it becomes the request's body, with its length, as if it had been declared."""
    body = request.META["wsgi.input"].read(limit + 1)
    if len(body) > limit:
        return False
    # What HttpRequest.body would have set (as qa.middleware.read_admin_form does).
    request._body = body
    request.META["CONTENT_LENGTH"] = str(len(body))
    return True


def is_staff_request(request):
    """Whether the session cookie is an active staff member's: no query unless the
    session looks logged in."""
    if not has_logged_in_session(request):
        return False
    store = import_module(settings.SESSION_ENGINE).SessionStore(request.COOKIES[settings.SESSION_COOKIE_NAME])
    user = auth.get_user(SimpleNamespace(session=store))
    return user.is_active and user.is_staff


def too_large(request, limit):
    """A short 413 page in the language of the address, else the browser's."""
    code = translation.get_language_from_path(request.path_info) or translation.get_language_from_request(request)
    with translation.override(code if code in languages.codes() else settings.LANGUAGE_CODE):
        page = render_to_string("413.html", {"size": filesizeformat(limit)})
    return HttpResponse(page, status=413)
