from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from qa import demo
from qa.models import Question


class Command(BaseCommand):
    help = (
        "Load the demo questions, categories, tags and askers from qa/demo/. "
        "Running it again changes nothing; a file with an error changes nothing and is named."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Check and report, write nothing.")
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when the database already has questions."
        )

    def handle(self, *args, dry_run=False, if_empty=False, **options):
        if if_empty and Question.objects.exists():
            self.stdout.write("The database already has questions; demo content not loaded.")
            return
        try:
            content = demo.read()
        except demo.DemoContentError as error:
            raise CommandError(f"Demo content not loaded, nothing changed: {error}") from error
        with transaction.atomic():
            report = demo.load(content)
            if dry_run:
                transaction.set_rollback(True)
        if not report.changed:
            self.stdout.write(self.style.SUCCESS("Demo content is already loaded; nothing changed."))
            return
        summary = ", ".join(
            [f"{n} {kind} created" for kind, n in report.created.items()]
            + [f"{n} {kind} updated" for kind, n in report.updated.items()]
        )
        prefix = "Dry run, nothing written: would have " if dry_run else "Demo content loaded: "
        self.stdout.write(self.style.SUCCESS(prefix + summary + "."))
