"""Small middleware of the site's own: the health check, the Permissions-Policy
header (Django sets the other security headers itself), GET and HEAD only outside the
admin, the admin's form limits, and one log line per request with a bad Host header."""

import json
import logging
from urllib.parse import parse_qsl

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import BadRequest, RequestDataTooBig, TooManyFieldsSent
from django.db import connection, transaction
from django.http import HttpResponse, HttpResponseNotAllowed, QueryDict
from django.utils.cache import add_never_cache_headers
from django.utils.datastructures import MultiValueDict

HEALTH_PATH = "/healthz"


def check_services():
    """{"database": "ok" | error, "cache": "ok" | error}. The database must take a
    write, not only answer a read: a SQLite file that is locked or read-only answers
    SELECT 1 while every page that writes (the first after a scheduled publication,
    every edit) fails."""
    status = {}
    try:
        probe_database_write()
        status["database"] = "ok"
    except Exception as error:
        status["database"] = f"down: {type(error).__name__}"
    try:
        cache.set("healthz", "ok", 10)
        if cache.get("healthz") != "ok":
            raise RuntimeError("read back a different value")
        status["cache"] = "ok"
    except Exception as error:
        status["cache"] = f"down: {type(error).__name__}"
    return status


def probe_database_write():
    """Start a write and roll it back: an UPDATE that matches no row still needs the
    write lock (SQLite) or a writable transaction (PostgreSQL). On SQLite the wait
    for a lock is cut to a second here, so a locked file is reported, not waited on."""
    with transaction.atomic(), connection.cursor() as cursor:
        sqlite = connection.vendor == "sqlite"
        if sqlite:
            cursor.execute("PRAGMA busy_timeout")
            (waited,) = cursor.fetchone()
            cursor.execute("PRAGMA busy_timeout = 1000")
        try:
            cursor.execute("UPDATE qa_contentversion SET number = number WHERE 1 = 0")
        finally:
            if sqlite:
                cursor.execute(f"PRAGMA busy_timeout = {int(waited)}")
        transaction.set_rollback(True)


class HealthCheckMiddleware:
    """/healthz for load balancers: 200 when the database and the cache answer, 503
    naming what is down. It comes first, so it answers on plain HTTP, whatever Host
    header the balancer sends, and is never cached."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.rstrip("/") != HEALTH_PATH:
            return self.get_response(request)
        status = check_services()
        healthy = all(value == "ok" for value in status.values())
        response = HttpResponse(
            json.dumps({"status": "ok" if healthy else "unavailable", **status}),
            content_type="application/json",
            status=200 if healthy else 503,
        )
        add_never_cache_headers(response)
        return response


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


READ_METHODS = ("GET", "HEAD")


class ReadOnlyOutsideAdminMiddleware:
    """Reader pages, feeds, sitemaps and robots.txt are read, never written to: any
    other method is a 405 naming GET and HEAD, before any view (or the page cache)
    sees it. Only the admin takes forms."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in READ_METHODS and not request.path_info.startswith(f"/{settings.ADMIN_URL}"):
            request.get_host()  # a Host not in ALLOWED_HOSTS is a 400 first, whatever the method
            return HttpResponseNotAllowed(READ_METHODS)
        return self.get_response(request)


class OneLineFormatter(logging.Formatter):
    """The message alone, without the traceback (for DisallowedHost: the message
    names the host, and the traceback is the same every time)."""

    def format(self, record):
        return f"{record.levelname} {record.name}: {record.getMessage()}"


class AdminFormLimitsMiddleware:
    """Editors' forms are bigger than what Django allows anyone (1,000 fields, 2.5 MB):
    a question with 200 answers in four languages sends some 2,500 fields and several
    MB. For a logged-in staff member posting a form in the admin, the form is read
    here with the admin's own limits (settings.ADMIN_FORM_MAX_FIELDS and
    ADMIN_FORM_MAX_BYTES) and handed to Django as request.POST; everyone else, the
    admin's login page included, keeps Django's limits. Comes after authentication
    and before anything reads request.POST (CSRF checks run later, in process_view)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method == "POST"
            and request.path_info.startswith(f"/{settings.ADMIN_URL}")
            and request.content_type == "application/x-www-form-urlencoded"
            and request.user.is_active
            and request.user.is_staff
        ):
            read_admin_form(request)
        return self.get_response(request)


def read_admin_form(request):
    length = int(request.META.get("CONTENT_LENGTH") or 0)
    if length > settings.ADMIN_FORM_MAX_BYTES:
        raise RequestDataTooBig(f"An admin form of {length} bytes; the limit is {settings.ADMIN_FORM_MAX_BYTES}.")
    body = request.read()
    try:
        pairs = parse_qsl(body.decode(), keep_blank_values=True, max_num_fields=settings.ADMIN_FORM_MAX_FIELDS)
    except UnicodeDecodeError as error:
        raise BadRequest("A form must be sent in UTF-8.") from error
    except ValueError as error:
        raise TooManyFieldsSent(f"An admin form has more than {settings.ADMIN_FORM_MAX_FIELDS} fields.") from error
    form = QueryDict(mutable=True)
    for name, value in pairs:
        form.appendlist(name, value)
    form._mutable = False
    # What HttpRequest._load_post_and_files would have set, with Django's limits.
    request._body, request._post, request._files = body, form, MultiValueDict()
