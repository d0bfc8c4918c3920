"""`manage.py import_content FILE`: a document of export_content into this database."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from qa.exchange import content_read, content_write


class Command(BaseCommand):
    help = (
        "Read a document written by export_content (format qa/exchange/FORMAT.md) into this database, empty or "
        "not: objects are created or updated by their uuid, none is deleted. The whole file is checked first and "
        "every problem named by its JSON path; with any problem, or any error while writing, nothing changes."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The JSON document; - reads standard input.")
        parser.add_argument("--dry-run", action="store_true", help="Check and report what would change; write nothing.")

    def handle(self, *args, file, dry_run=False, **options):
        try:
            raw = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
        except OSError as error:
            raise CommandError(f"{file}: cannot be read: {error.strerror}") from error
        name = "standard input" if file == "-" else Path(file).name
        try:
            document = content_read.read(raw, name)
            with transaction.atomic():
                report = content_write.load(document, comment=f"import_content {name}")
                if dry_run:
                    transaction.set_rollback(True)
        except content_read.ContentError as error:
            count = f"{len(error.problems)} problem{'s' if len(error.problems) != 1 else ''}"
            problems = "\n".join(f"  {problem}" for problem in error.problems)
            raise CommandError(f"Nothing imported, nothing changed ({count}):\n{problems}") from error
        prefix = "Dry run, nothing written: would have " if dry_run else "Imported: "
        self.stdout.write(self.style.SUCCESS(f"{prefix}{report.summary()}."))
