"""`manage.py load_demo`: the demo content of qa/demo/ (format: qa/demo/FORMAT.md)."""

import reversion
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from qa import demo
from qa.models import Question
from qa.signals import one_change


class Command(BaseCommand):
    help = (
        "Load the demo categories, tags, askers and questions from qa/demo/ (format: qa/demo/FORMAT.md). "
        "Records are found in the database by their `key`, so a changed title or name is an update, and "
        "running it again changes nothing. Every file is checked first: each problem is listed with its "
        "file and field, and if there is one, nothing is changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Check and report, write nothing.")
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when the database already has questions."
        )
        parser.add_argument(
            "--directory", help="Read the files from this directory (site.toml and questions/) instead of qa/demo/."
        )

    def handle(self, *args, dry_run=False, if_empty=False, directory=None, **options):
        if if_empty and Question.objects.exists():
            self.stdout.write("The database already has questions; demo content not loaded.")
            return
        try:
            content = demo.read(directory)
            # One revision of the history (django-reversion) for the whole load.
            with transaction.atomic(), reversion.create_revision():
                reversion.set_comment("load_demo")
                with one_change():  # each question derived once, not once per answer
                    report = demo.load(content)
                if dry_run:
                    transaction.set_rollback(True)
        except demo.DemoContentError as error:
            problems = "\n".join(f"  {problem}" for problem in error.problems)
            count = f"{len(error.problems)} problem{'s' if len(error.problems) != 1 else ''}"
            raise CommandError(f"Demo content not loaded, nothing changed ({count}):\n{problems}") from error
        if not report.changed:
            self.stdout.write(self.style.SUCCESS("Demo content is already loaded; nothing changed."))
            return
        summary = ", ".join(
            [f"{n} {kind} created" for kind, n in report.created.items()]
            + [f"{n} {kind} updated" for kind, n in report.updated.items()]
        )
        prefix = "Dry run, nothing written: would have " if dry_run else "Demo content loaded: "
        self.stdout.write(self.style.SUCCESS(prefix + summary + "."))
