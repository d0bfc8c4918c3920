"""The database and cache of each size, set up before the servers start and removed
after they stop (also on failure and Ctrl-C).

- demo: a fresh SQLite database in the run's temporary folder, migrated, with the demo
  content (load_demo); Redis at the given URL when one is given (flushed at the start
  and the end: then a cache hit needs no database), else the local-memory cache (one
  per gunicorn worker, the content version read from the database on every hit).
- scale: a PostgreSQL database of its own, `projectsports_bench_<random>` on the server
  of BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/), migrated and
  filled by `manage.py generate_content --questions N --seed 1`, dropped at the end;
  Redis at the given URL (default database 14), flushed at the start and at the end.
  `keep_database=NAME` uses that database instead, generating it only if it does not
  exist yet, and never drops it; `database_url=URL` uses that database as it is
  (migrated, never generated, never dropped).
"""

import contextlib
import os
import secrets
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from tests import servers

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/"


@dataclass
class Site:
    env: dict
    content: str  # how the content came about, for the report's header
    cache: str


def say(message):
    print(f"bench: {message}", file=sys.stderr, flush=True)


@contextlib.contextmanager
def demo(env, tmp, redis_url=None):
    """A fresh SQLite database in the folder tmp with the demo content; Redis or local memory."""
    env = dict(env, DATABASE_URL=f"sqlite:///{tmp / 'db.sqlite3'}")
    servers.manage("migrate", "--noinput", "--verbosity", "0", env=env)
    servers.manage("load_demo", env=env)
    content = "fresh SQLite database, demo content (load_demo)"
    if not redis_url:
        yield Site(env, content=content, cache="local memory (per worker)")
        return
    import redis

    cache = redis.Redis.from_url(redis_url)
    cache.flushdb()
    try:
        yield Site(dict(env, REDIS_URL=redis_url), content=content, cache=f"Redis ({redis_url}, flushed at start)")
    finally:
        with contextlib.suppress(Exception):
            cache.flushdb()


def redis_answers(url):
    """Whether a Redis server answers at url (make bench uses it when there is one)."""
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=0.5).ping())
    except redis.RedisError:
        return False


def generate(env, questions):
    """Fill a migrated database with generate_content."""
    say(f"generate_content --questions {questions} --seed 1 (this can take minutes)")
    args = [sys.executable, "manage.py", "generate_content", "--questions", str(questions), "--seed", "1"]
    subprocess.run(args, cwd=ROOT, env=env, check=True, stdout=sys.stderr)
    say("refresh_translation_status (bulk inserts send no signals)")
    subprocess.run(
        [sys.executable, "manage.py", "refresh_translation_status"], cwd=ROOT, env=env, check=True, stdout=sys.stderr
    )
    return f"generate_content --questions {questions} --seed 1, refresh_translation_status"


@contextlib.contextmanager
def scale(env, *, questions, redis_url, keep_database=None, database_url=None):
    """PostgreSQL and Redis; see the module docstring for which database is used and dropped."""
    import psycopg
    import redis

    server = urlsplit(os.environ.get("BENCH_DATABASE_URL") or DEFAULT_SERVER)
    admin_url = urlunsplit(server._replace(path=server.path if server.path.strip("/") else "/postgres"))
    if database_url:
        name, create, drop = None, False, False
        url = database_url
    else:
        name = keep_database or f"projectsports_bench_{secrets.token_hex(4)}"
        url = urlunsplit(server._replace(path=f"/{name}"))
        with psycopg.connect(admin_url, autocommit=True) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        create, drop = not exists, not keep_database

    cache = redis.Redis.from_url(redis_url)
    cache.flushdb()
    env = dict(env, DATABASE_URL=url, REDIS_URL=redis_url)
    created = False
    try:
        if create:
            say(f"creating database {name}")
            with psycopg.connect(admin_url, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{name}"')
            created = True
        servers.manage("migrate", "--noinput", "--verbosity", "0", env=env)
        if create:
            try:
                content = generate(env, questions)
            except BaseException:
                drop = True  # a kept database that was not generated must not be reused next time
                raise
            if keep_database:
                content += f", kept as database {name}"
        else:
            content = f"existing database {name or urlsplit(url).path.strip('/')} (reused as it is)"
        yield Site(env, content=f"PostgreSQL, {content}", cache=f"Redis ({redis_url}, flushed at start)")
    finally:
        with contextlib.suppress(Exception):
            cache.flushdb()
        if drop and created:
            say(f"dropping database {name}")
            with psycopg.connect(admin_url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
