"""Which release of the site is running: a digest of the code, templates, translations
and static files, read once per process. It is part of every cache key (whole pages
and fragments), so after a deploy no app server serves a page or fragment rendered by
the previous release, without anyone having to empty Redis."""

import hashlib
from functools import cache
from pathlib import Path

from django.conf import settings

SOURCES = ("qa", "projectsports", "templates", "static")
SUFFIXES = {".py", ".html", ".mo", ".css", ".svg", ".png", ".js", ".txt"}
# Settings read from the environment that change what pages say (robots.txt names the
# admin only at its usual address): changing one is a new release too.
PAGE_SETTINGS = ("ADMIN_URL",)


@cache
def release():
    digest = hashlib.sha256()
    root = Path(settings.BASE_DIR)
    for folder in SOURCES:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in SUFFIXES and path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    for name in PAGE_SETTINGS:
        digest.update(f"{name}={getattr(settings, name)}".encode())
    return digest.hexdigest()[:16]
