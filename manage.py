#!/usr/bin/env python
"""Django's command-line utility for Project Sports."""

import os
import sys
from pathlib import Path

# Commands Django answers without the project's settings.
WITHOUT_SETTINGS = ([], ["help"], ["--help"], ["-h"], ["version"], ["--version"])
# The laptop's settings, written by `make run` (DEBUG=1) and ignored by git; only
# manage.py reads it (gunicorn and the tests never do), and the environment wins.
DOTENV = Path(__file__).resolve().parent / ".env"


def read_dotenv(path, environ):
    """Put each `NAME=value` line of the file at path into environ unless environ has
    NAME already; blank lines and `#` comments are skipped, quotes around a value dropped."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return
    for line in lines:
        name, equals, value = line.strip().partition("=")
        if equals and name and not name.startswith("#"):
            environ.setdefault(name.strip(), value.strip().strip("\"'"))


def main():
    read_dotenv(os.environ.get("PROJECTSPORTS_DOTENV", DOTENV), os.environ)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "projectsports.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.INSTALLED_APPS  # noqa: B018 (reading the settings is the check)
    except ImproperlyConfigured as error:
        # Django would go on without settings, and `shell` or `createsuperuser` then
        # fail with "AppRegistryNotReady: Models aren't loaded yet", which names nothing.
        if sys.argv[1:2] not in WITHOUT_SETTINGS:
            sys.exit(f"manage.py: {error}")
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
