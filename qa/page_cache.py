"""Whole-page cache for anonymous readers, shared by all app servers, never stale.

- Pages are stored in Django's cache (Redis in production, local memory on a laptop)
  under a key that contains the content version: the ContentVersion row, which every
  content change bumps inside its own transaction, and the newest publication date
  that has come due. A change, or a scheduled question becoming due, gives a new key,
  so the next request on any app server renders afresh. Old entries simply expire.
- Only anonymous GET/HEAD requests (no session cookie) are served from or stored in
  the cache, and only 200 and 301 responses that set no cookie and are not private:
  logged-in staff never get a cached page and never put one there.
- The cache is an optimisation: if it fails (Redis gone), pages come from the
  database. Responses carry Last-Modified (the content version's time); ETag and
  304 come from ConditionalGetMiddleware, outside this one.
"""

import logging
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F, Max, Subquery
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

from .models import ContentVersion, Question

logger = logging.getLogger(__name__)

CACHEABLE_STATUS = {200, 301}
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
# Browsers and CDNs may keep a page but must ask again (a cheap 304) before using it.
CACHE_CONTROL = {"public": True, "max_age": 0, "must_revalidate": True}


def bump_content_version():
    """Record that content changed. Runs inside the change's transaction, so no app
    server can see the new content under the old version or the old under the new."""
    updated = ContentVersion.objects.filter(pk=1).update(number=F("number") + 1, changed_at=timezone.now())
    if not updated:
        with transaction.atomic():
            ContentVersion.objects.get_or_create(pk=1, defaults={"number": 1})


def current_version():
    """(key part, last modified) in one query: the change counter and the newest
    publication that has come due."""
    newest_due = Question.objects.published().order_by("-published_at").values("published_at")[:1]
    row = (
        ContentVersion.objects.filter(pk=1)
        .annotate(latest_due=Subquery(newest_due))
        .values("number", "changed_at", "latest_due")
        .first()
    )
    if row is None:  # the row from migration 0004 is gone (a flushed database)
        row = {
            "number": 0,
            "changed_at": EPOCH,
            "latest_due": Question.objects.published().aggregate(latest=Max("published_at"))["latest"],
        }
    latest_due = row["latest_due"] or EPOCH
    key = f"{row['number']}.{latest_due.isoformat()}"
    return key, max(row["changed_at"], latest_due)


def is_anonymous_read(request):
    return request.method in ("GET", "HEAD") and settings.SESSION_COOKIE_NAME not in request.COOKIES


def is_storable(response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code in CACHEABLE_STATUS
        and not response.cookies
        and not response.streaming
        and "private" not in cache_control
        and "no-store" not in cache_control
        and "Cookie" not in response.get("Vary", "")
        and "Accept-Language" not in response.get("Vary", "")
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_anonymous_read(request) or request.path_info.startswith("/admin/"):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                patch_cache_control(response, private=True)
            return response

        version, last_modified = current_version()
        key = f"page:{version}:{request.build_absolute_uri()}"
        cached = self._cache_get(key)
        if cached is not None:
            return self._rebuild(cached)

        response = self.get_response(request)
        if is_storable(response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            response["Last-Modified"] = http_date(last_modified.timestamp())
            patch_cache_control(response, **CACHE_CONTROL)
            self._cache_set(key, self._freeze(response))
        return response

    @staticmethod
    def _freeze(response):
        return (response.status_code, list(response.items()), response.content)

    @staticmethod
    def _rebuild(frozen):
        status, headers, content = frozen
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        return response

    @staticmethod
    def _cache_get(key):
        try:
            return cache.get(key)
        except Exception:  # a cache that has gone away is a slower page, not an error
            logger.warning("page cache unavailable for reading", exc_info=True)
            return None

    @staticmethod
    def _cache_set(key, value):
        try:
            cache.set(key, value, settings.PAGE_CACHE_SECONDS)
        except Exception:
            logger.warning("page cache unavailable for writing", exc_info=True)
