"""Small middleware of the site's own: the health check and the Permissions-Policy
header (Django sets the other security headers itself)."""

import json

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers

HEALTH_PATH = "/healthz"


def check_services():
    """{"database": "ok" | error, "cache": "ok" | error}."""
    status = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
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
