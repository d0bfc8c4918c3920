"""Parts of a page cached on their own, under keys that can never give a stale part.

Two kinds of key:

- **Per object.** A part that depends on one object only is keyed by that object's
  own data, so that a change elsewhere on the site leaves it cached.
- **Per content version.** A part that depends on many objects (a question's related
  questions, the home page's categories and most used tags) is keyed by the content
  version (qa.content_version), like whole pages, and so rendered once per version
  instead of once per request: staff, who bypass the page cache, and every page that
  misses it after a change share it.

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


def cached(renders):
    """{key: value} for {key: render}: the values in the cache (one round trip for all
    of them), the others rendered and stored; and the set of keys found. A cache that
    has gone away costs a render, never an error."""
    try:
        found = cache.get_many(list(renders))
    except Exception:
        logger.warning("fragment cache unavailable for reading", exc_info=True)
        found = {}
    missing = {key: render() for key, render in renders.items() if key not in found}
    if missing:
        try:
            cache.set_many(missing, settings.PAGE_CACHE_SECONDS)
        except Exception:
            logger.warning("fragment cache unavailable for writing", exc_info=True)
    return found | missing, set(found)
