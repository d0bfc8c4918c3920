"""Take a translation file back (qa.exchange.po.import_file): the whole file or
nothing, every refused entry named."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from qa.exchange import po


class Command(BaseCommand):
    help = "Import the translations of a PO file made by export_translations and filled in by translators."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The PO file.")
        parser.add_argument("--dry-run", action="store_true", help="Check the file and report; change nothing.")

    def handle(self, *args, file, dry_run=False, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"There is no file {file}.")
        try:
            report = po.import_file(path, dry_run=dry_run)
        except po.Refused as refused:
            raise CommandError(
                "\n".join(["The file was not imported; nothing was changed.", *refused.problems])
            ) from None
        prefix = "Dry run, nothing was changed. " if dry_run else ""
        self.stdout.write(self.style.SUCCESS(f"{prefix}{report}"))
