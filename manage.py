#!/usr/bin/env python
"""Django's command-line utility for Project Sports."""

import os
import sys

# Commands Django answers without the project's settings.
WITHOUT_SETTINGS = ([], ["help"], ["--help"], ["-h"], ["version"], ["--version"])


def main():
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
