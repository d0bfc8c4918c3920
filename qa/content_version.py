"""The content version: one number that every content change increases, inside the
change's own transaction. Cached pages are stored with the version they were rendered
under and served only while it is still the current one, so a change reaches every
app server on its very next request and no page is ever stale.

Where the number lives:

- **The database** is the truth: the ContentVersion row (number, changed_at, and
  next_due, the earliest scheduled publication still to come).
- **Redis** (when REDIS_URL is set) holds a copy, so that a cache hit costs one Redis
  round trip and no database query (qa.page_cache reads the copy together with the
  page). With the local-memory cache (a laptop) every request reads the row instead.

Why a reader can never get a page older than a committed change, whatever the
interleaving of a writer on one app server and readers on others:

1. A writer's bump runs inside the change's transaction (content models save
   atomically). Before that transaction commits, the bump adds a *pending* marker to
   Redis (a member of the sorted set PENDING, scored with its expiry). Only after the
   commit does the writer read the row again and publish the new number to the copy
   (a compare-and-set that only ever raises it), then remove its marker.
2. A reader trusts the copy only while no marker is pending. Any reader that starts
   after the commit therefore sees either the new number (published) or a pending
   marker (set before the commit, removed only after publishing): in both cases it
   cannot serve a page stored under the old number. While a marker is pending,
   readers read the row from the database: until the commit it still holds the old
   number, and the old content is then still the committed content, so pages served
   under it are current; after the commit it holds the new number.
3. A page is stored under the number read *before* rendering it: its content is at
   least as new as that number, never older.
4. A copy that is missing (Redis restarted, evicted) is restored from the row by the
   next reader, through the same compare-and-set, so an older number can never
   replace a newer one; until then readers use the row.
5. A restored backup (or another database at the same address) puts an older row
   under a copy it never wrote. The copy carries the row's database_id, number and
   changed_at; one request per CONTENT_VERSION_CHECK_SECONDS (a Redis SET NX in the
   same round trip elects it) reads the row after the copy, and a copy the row is
   behind or that is another row is replaced (compare-and-set on the value compared):
   within one database the row read after a copy is never behind it. Pages and parts
   are keyed by number and changed_at (Version.key, labels_key), so the numbers the
   restored row reaches again name new pages. This is the one case where pages may be
   stale, for at most that interval after the restore.
6. A writer whose transaction rolls back leaves its marker behind; it expires after
   PENDING_SECONDS (readers use the database until then: slower, never stale). A
   transaction that keeps a content change uncommitted for longer than that, after
   its last change, is the one case the markers do not cover; content transactions
   here take milliseconds (an admin save, a generator batch) and gunicorn stops a
   request after GUNICORN_TIMEOUT (30 s).

Scheduled publication needs no cron job: next_due travels with the number, and the
first request after that moment (on any server) bumps the version itself before it
renders anything; every bump first recounts the lists of the questions that came due
since the one before (qa.counts), so an edit that comes first does it as well.
"""

import hashlib
import logging
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from .counts import refresh_lists_of
from .models import ContentVersion, Question

logger = logging.getLogger(__name__)

EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
# The copy's format is in its key: a release that changes the format reads its own key
# and restores it from the database, whatever an older release still writes. The keys
# also name the database's address (SharedCopy.for_database): sites on other databases
# sharing this Redis keep their own copies.
STATE_KEY = "projectsports:content-version:3"
PENDING_KEY = "projectsports:content-version:pending"
CHECK_KEY = "projectsports:content-version:checked"
PENDING_SECONDS = 120

# Raise the copy only: "number changed_at next_due" replaces the stored value when its
# number is greater (or nothing is stored).
_RAISE_SCRIPT = """
local current = redis.call('GET', KEYS[1])
if current then
  local number = tonumber(string.match(current, '^(%d+)'))
  if number and number >= tonumber(ARGV[1]) then return 0 end
end
redis.call('SET', KEYS[1], ARGV[2])
return 1
"""

# Replace the copy when it is still the value compared (ARGV[1]) with the database's.
_REPLACE_SCRIPT = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2])
  return 1
end
return 0
"""


def _stamp(moment):
    """A moment to the microsecond, short (base 36), for keys."""
    micro = round(moment.timestamp() * 1_000_000)
    digits = ""
    while True:
        micro, digit = divmod(micro, 36)
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"[digit] + digits
        if not micro:
            return digits


@dataclass(frozen=True)
class Version:
    number: int
    changed_at: datetime
    next_due: datetime | None
    labels: int = 0  # ContentVersion.labels_number: names and addresses of categories, tags, askers
    labels_changed_at: datetime = EPOCH
    database_id: str = ""  # ContentVersion.database_id, hex

    @property
    def key(self):
        """Names this version in cache keys: its number and when it was made, so that a
        number reached again after a restore is another key."""
        return f"{self.number}.{_stamp(self.changed_at)}"

    @property
    def labels_key(self):
        """The same for the labels number alone (qa.fragments)."""
        return f"{self.labels}.{_stamp(self.labels_changed_at)}"

    def is_due(self, now=None):
        """A scheduled question has come due since this version was made."""
        return self.next_due is not None and self.next_due <= (now or timezone.now())

    def same_row(self, other):
        """Whether both were read from the same state of the same database's row."""
        return (self.database_id, self.number, self.changed_at) == (other.database_id, other.number, other.changed_at)

    def serialise(self):
        due = self.next_due.timestamp() if self.next_due else ""
        times = f"{self.changed_at.timestamp()} {due} {self.labels} {self.labels_changed_at.timestamp()}"
        return f"{self.number} {times} {self.database_id}"

    @classmethod
    def parse(cls, raw):
        """The Version in raw (as serialise() wrote it), or None when it is not one."""
        try:
            number, changed_at, due, labels, labels_changed_at, database_id = raw.decode().split(" ")
            return cls(
                int(number),
                datetime.fromtimestamp(float(changed_at), UTC),
                datetime.fromtimestamp(float(due), UTC) if due else None,
                int(labels),
                datetime.fromtimestamp(float(labels_changed_at), UTC),
                database_id,
            )
        except (ValueError, UnicodeDecodeError, OverflowError):
            logger.warning("content version: ignoring a malformed copy in Redis: %r", raw[:100])
            return None


# -- the database row ---------------------------------------------------------------


def _first_due(now):
    """The earliest scheduled publication (of any language) after now, or None: read
    on its own only when the version row is missing (a bump writes it in its update)."""
    due = Question.objects.order_by().values_list(Question.objects.next_due_after(now), flat=True)[:1]
    return next(iter(due), None)


def bump_content_version(labels=False):
    """Record that content changed (labels: a category's, tag's or asker's name or
    address, which question pages show). Runs inside the change's transaction, so no
    app server can see the new content under the old number or the old under the new.

    Questions whose publication time has come since the last bump are counted in their
    lists first (qa.counts), whether or not a request has noticed them yet."""
    now = timezone.now()
    with transaction.atomic():
        row = ContentVersion.objects.select_for_update().filter(pk=1).values("changed_at", "next_due").first()
        if row is None or (row["next_due"] is not None and row["next_due"] <= now):
            since = row["changed_at"] if row is not None else EPOCH
            came_due = Question.objects.came_due(since, now).values("pk", "category_id", "asker_id")
            refresh_lists_of(list(came_due))
        changes = {"number": F("number") + 1, "changed_at": now, "next_due": Question.objects.next_due_after(now)}
        if labels:
            changes.update(labels_number=F("labels_number") + 1, labels_changed_at=now)
        if not ContentVersion.objects.filter(pk=1).update(**changes):  # a flushed database
            ContentVersion.objects.get_or_create(pk=1, defaults={"number": 1, "next_due": _first_due(now)})
        shared = shared_copy()
        if shared is not None:
            marker = shared.mark_pending()
            transaction.on_commit(lambda: shared.publish_after_commit(marker), robust=True)


ROW = ["number", "changed_at", "next_due", "labels_number", "labels_changed_at", "database_id"]


def read_from_database():
    row = ContentVersion.objects.filter(pk=1).values_list(*ROW).first()
    if row is None:  # a flushed database: the first change makes the row again
        return Version(0, EPOCH, _first_due(timezone.now()))
    number, changed_at, next_due, labels, labels_changed_at, database_id = row
    return Version(number, changed_at, next_due, labels, labels_changed_at, database_id.hex)


def publish_due():
    """The first request after a scheduled publication bumps the version (once,
    whichever server is first), which counts the questions that came due."""
    with transaction.atomic():
        row = ContentVersion.objects.select_for_update().filter(pk=1).first()
        if row is None or Version(row.number, row.changed_at, row.next_due).is_due():
            bump_content_version()
    return read_from_database()


def current():
    """The current version, from the database (processing a due publication first)."""
    version = read_from_database()
    if version.is_due():
        version = publish_due()
    return version


def current_shared(shared, *keys):
    """(the current version, the values of keys) from Redis in one round trip while
    the copy can be trusted (no change pending, nothing come due, and checked against
    the row within CONTENT_VERSION_CHECK_SECONDS); from the database otherwise,
    restoring a lost copy on the way and replacing one the row is behind."""
    read = shared.read_for_check(*keys)
    copy = read.copy
    if copy is not None and not read.pending and not copy.is_due() and not read.check:
        return copy, read.pages
    version = current()
    if not read.pending:
        if copy is None or version.number > copy.number:
            shared.raise_copy(version)
        elif not copy.same_row(version):
            replace_foreign(shared, read.raw, copy, version)
    return version, read.pages


def replace_foreign(shared, raw, copy, version):
    """The row, read after the copy, is behind it or another row: the database was
    restored from an older backup, or replaced. Within one database the row is always
    at least as new as a copy read before it (a copy is written only after its commit),
    so this is never a writer's race; a writer raising the copy meanwhile wins."""
    if shared.replace_copy(raw, version):
        logger.warning(
            "content version: the copy in Redis (%s, database %s) is not the database's (%s, %s): "
            "replaced (a restored or replaced database)",
            copy.number,
            copy.database_id,
            version.number,
            version.database_id,
        )


def for_request(request):
    """The version a request renders under, read once per request (the page cache
    has usually read it already)."""
    if getattr(request, "content_version", None) is None:
        shared = shared_copy()
        try:
            request.content_version = current_shared(shared)[0] if shared is not None else current()
        except Exception:  # Redis gone: the database still knows
            logger.warning("content version: Redis unavailable", exc_info=True)
            request.content_version = current()
    return request.content_version


# -- the shared copy in Redis -------------------------------------------------------


@dataclass(frozen=True)
class Read:
    copy: Version | None
    raw: bytes | None
    pending: bool
    check: bool  # this reader is the one to check the copy against the row now
    pages: list


class SharedCopy:
    """The content version's copy in Redis, and the pending markers of writers, under
    keys named for the database (its address: name, host, port)."""

    def __init__(self, url, database):
        import redis

        self.client = redis.Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=0.5)
        self.raise_to = self.client.register_script(_RAISE_SCRIPT)
        self.replace_with = self.client.register_script(_REPLACE_SCRIPT)
        self.state_key, self.pending_key, self.check_key = (
            f"{key}:{database}" for key in (STATE_KEY, PENDING_KEY, CHECK_KEY)
        )

    def mark_pending(self):
        marker = uuid.uuid4().hex
        try:
            self.client.zadd(self.pending_key, {marker: time.time() + PENDING_SECONDS})
        except Exception:
            # Without its marker the copy could briefly be trusted with an old number:
            # drop the copy instead, so that readers use the database until a publish.
            logger.warning("content version: could not mark a change as pending", exc_info=True)
            self.forget()
        return marker

    def publish_after_commit(self, marker):
        try:
            self.raise_copy(read_from_database())
            pipe = self.client.pipeline(transaction=False)
            pipe.zrem(self.pending_key, marker)
            pipe.zremrangebyscore(self.pending_key, "-inf", time.time())
            pipe.execute()
        except Exception:
            logger.warning("content version: could not publish the new version", exc_info=True)

    def raise_copy(self, version):
        self.raise_to(keys=[self.state_key], args=[version.number, version.serialise()])

    def replace_copy(self, raw, version):
        """Replace the copy with version if it is still raw; whether it was."""
        return bool(self.replace_with(keys=[self.state_key], args=[raw, version.serialise()]))

    def forget(self):
        try:
            self.client.delete(self.state_key)
        except Exception:
            logger.warning("content version: Redis unavailable", exc_info=True)

    def read(self, *page_keys):
        """(copy or None, whether a change is pending, [page entries]) in one round trip."""
        read = self.read_for_check(*page_keys)
        return read.copy, read.pending, read.pages

    def read_for_check(self, *page_keys):
        """A Read in one round trip; at most one reader per CONTENT_VERSION_CHECK_SECONDS
        (of all app servers) is told to check the copy against the row."""
        # A pipeline, not a Lua script: measured 150 against 205 microseconds.
        pipe = self.client.pipeline(transaction=False)
        pipe.get(self.state_key)
        pipe.zcount(self.pending_key, time.time(), "+inf")
        pipe.set(self.check_key, b"1", nx=True, px=max(1, round(settings.CONTENT_VERSION_CHECK_SECONDS * 1000)))
        for key in page_keys:
            pipe.get(key)
        raw, pending, check, *pages = pipe.execute()
        return Read(Version.parse(raw) if raw else None, raw, bool(pending), bool(check), pages)


@cache
def _shared_copy(url, database):
    return SharedCopy(url, database)


def database_address():
    """A short name for the database this process writes to (its name, host and port)."""
    db = connection.settings_dict
    address = f"{db.get('NAME')}|{db.get('HOST')}|{db.get('PORT')}"
    return hashlib.sha256(address.encode()).hexdigest()[:12]


def shared_copy():
    """The Redis copy, or None when the site runs on the local-memory cache."""
    url = getattr(settings, "REDIS_URL", "")
    return _shared_copy(url, database_address()) if url else None
