"""Parts of a page that depend on one object only, cached under a key made of that
object's own data, so that a change elsewhere on the site leaves them cached.

The page cache (qa.page_cache) keys whole pages by the content version, which every
change raises: after an edit, every page is rendered again. A question page's article
(its title, meta line, tags, answers and their table of contents) and its JSON-LD
depend only on the question row, its answers, its category, asker and tags: the key
holds the question's `updated_at` (saving or deleting an answer re-saves its
question, so any change of its text moves it) and the names and slugs of its
category, asker and tags as read for this request, with the language, the host (the
JSON-LD has absolute URLs) and the release. A fragment can therefore never be stale:
any change that would show in it gives a key it was never stored under.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache

from .release import release

logger = logging.getLogger(__name__)

KEY_PREFIX = "projectsports:fragment:"


def fragment_key(*parts):
    return KEY_PREFIX + hashlib.sha256(repr((release(), *parts)).encode()).hexdigest()


def cached(key, render):
    """(value, True) from the cache, or (render(), False) after storing it. A cache
    that has gone away costs a render, never an error."""
    try:
        value = cache.get(key)
    except Exception:
        logger.warning("fragment cache unavailable for reading", exc_info=True)
        return render(), False
    if value is not None:
        return value, True
    value = render()
    try:
        cache.set(key, value, settings.PAGE_CACHE_SECONDS)
    except Exception:
        logger.warning("fragment cache unavailable for writing", exc_info=True)
    return value, False
