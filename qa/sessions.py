"""Sessions in the database, read through the shared cache while it answers.

Django's cached_db store fails the request when the cache is unreachable (exists()
and the cache write after a database read raise), so with Redis gone logging in,
every admin page and logging out were a 500. Here every cache call degrades: a
failed read is a miss, answered by the database; a failed write or delete is logged
and the database alone holds the session.

A failed write or delete can leave an entry that outlives its session once Redis
answers again (a logout during the outage would be undone), so this process
remembers those keys and deletes them at its first cache call that succeeds. After a
failure the cache is left alone for a few seconds: an unreachable Redis costs one
timeout per process, not one per call. The site is served over WSGI: the async
methods are Django's.
"""

import logging
import time

from django.contrib.sessions.backends import cached_db
from django.contrib.sessions.backends.db import SessionStore as DatabaseStore

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5
# Keys kept for deletion at most; past that, sessions ended during the outage may stay
# in Redis until they expire (logged, with what to do).
MAX_STALE_KEYS = 10_000


class CacheUnavailable(Exception):
    """The session cache could not be asked."""


class _CacheHealth:
    """This process's view of the session cache: when to try it again, and the keys
    whose entries may be stale (a write or delete of theirs did not reach it)."""

    def __init__(self):
        self.retry_at = 0.0
        self.stale_keys = set()

    def call(self, cache, operation, *args, stale_key=None):
        """cache.operation(*args); raises CacheUnavailable (stale_key remembered) if the cache is down."""
        try:
            if time.monotonic() < self.retry_at:
                raise CacheUnavailable("skipped after a recent failure")
            self._delete_stale(cache)
            return getattr(cache, operation)(*args)
        except Exception as error:
            if not isinstance(error, CacheUnavailable):
                logger.warning("session cache unavailable (%s: %s); using the database", type(error).__name__, error)
                self.retry_at = time.monotonic() + RETRY_SECONDS
            if stale_key is not None:
                self._remember(stale_key)
            raise CacheUnavailable(str(error)) from error

    def _delete_stale(self, cache):
        if self.stale_keys:
            keys = list(self.stale_keys)
            cache.delete_many(keys)
            self.stale_keys.difference_update(keys)
            logger.warning("deleted %d session cache entries left by the outage", len(keys))

    def _remember(self, key):
        if len(self.stale_keys) < MAX_STALE_KEYS:
            self.stale_keys.add(key)
        else:
            logger.error(
                "more than %d sessions changed while the session cache was down: delete the keys "
                "starting with %r from Redis once it is back",
                MAX_STALE_KEYS,
                cached_db.KEY_PREFIX,
            )


health = _CacheHealth()


class SessionStore(cached_db.SessionStore):
    def _cache_call(self, operation, key, *args):
        """The cache operation on key; None (logged) if the cache is down."""
        stale_key = key if operation in ("set", "delete") else None
        try:
            return health.call(self._cache, operation, key, *args, stale_key=stale_key)
        except CacheUnavailable:
            return None

    def cached_data(self):
        """The session's data as the cache holds it (None if it holds none); raises
        CacheUnavailable when it cannot be asked. For the page cache's check."""
        return health.call(self._cache, "get", self.cache_key)

    def load(self):
        data = self._cache_call("get", self.cache_key)
        if data is not None:
            return data
        stored = self._get_session_from_db()
        if not stored:
            return {}
        data = self.decode(stored.session_data)
        self._cache_call("set", self.cache_key, data, self.get_expiry_age(expiry=stored.expire_date))
        return data

    def exists(self, session_key):
        if session_key and self._cache_call("has_key", self.cache_key_prefix + session_key):
            return True
        return DatabaseStore.exists(self, session_key)

    def save(self, must_create=False):
        DatabaseStore.save(self, must_create)
        self._cache_call("set", self.cache_key, self._session, self.get_expiry_age())

    def delete(self, session_key=None):
        DatabaseStore.delete(self, session_key)
        session_key = session_key or self.session_key
        if session_key is not None:
            self._cache_call("delete", self.cache_key_prefix + session_key)
