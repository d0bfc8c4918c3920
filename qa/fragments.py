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
change raises: after an edit, every page would be rendered again from nothing. Here a
question page is keyed by what it shows: the question's `updated_at` (which moves with
any change of the question, of its answers, since saving or deleting one re-saves it,
and of its tags), its category and asker, the labels number (ContentVersion: raised by
any change of a category, tag or asker, whose names and addresses are on the page),
and the language, scheme and host (the page has absolute URLs) and the release. A list
page is keyed by its address and page number, its length and each question it shows
with its `updated_at`, and the labels number. A part can therefore never be stale: any
change that would show in it gives a key it was never stored under.

PartsFromCacheMixin (below) builds reader pages from such parts: the question page is
kept per question with its related questions per version; a list page per list, page
number and the questions it shows, with the home page's sidebar per version.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string

from . import content_version, languages, page_cache
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


class PartsFromCacheMixin:
    """A view whose page is kept whole in the fragment cache under a key of exactly
    what it shows (page_key()), with the parts that depend on the whole site
    (version_parts()) kept once per content version and put in at their marks. Only
    the page's own rows are read on every request; a change elsewhere on the site
    costs a new version part, not the page (X-Page-Cache: partial)."""

    def page_key(self, context):
        """What the page shows, beyond its language, host and the labels (category, tag
        and asker names, which change the labels number)."""
        raise NotImplementedError

    def page_context(self, context):
        """The full context of the page, when it has to be rendered."""
        return context

    def version_parts(self):
        """{mark: (key parts, render)} of the parts rendered once per content version."""
        return {}

    def render_to_response(self, context, **kwargs):
        version = content_version.for_request(self.request)
        code, request = languages.active(), self.request
        page = fragment_key(
            type(self).__name__, code, request.scheme, request.get_host(), version.labels_key, *self.page_key(context)
        )
        renders = {page: lambda: render_to_string(self.template_name, self.page_context(context), request=request)}
        marks = {}
        for mark, (key_parts, render) in self.version_parts().items():
            marks[mark] = fragment_key(mark, code, version.key, *key_parts)
            renders[marks[mark]] = render
        parts, found = cached(renders)
        html = parts[page]
        for mark, key in marks.items():
            html = html.replace(mark, parts[key], 1)
        response = HttpResponse(html)
        response[page_cache.HEADER] = "partial" if page in found else "render"
        return response
