"""Take a translation file back (qa.exchange.po.import_file): the whole file or
nothing, every refused entry named. --language names the language the file is
imported into and must be the file's Language header (a header is only text in the
file); --dry-run runs every check of a real import and writes nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from qa import languages
from qa.exchange import po


class Command(BaseCommand):
    help = "Import the translations of a PO file made by export_translations and filled in by translators."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The PO file.")
        parser.add_argument(
            "--language",
            required=True,
            choices=languages.codes(),
            help="The language the file translates into: it must be the file's Language header.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Check the file and report; change nothing.")

    def handle(self, *args, file, language, dry_run=False, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"There is no file {file}.")
        try:
            report = po.import_file(path, dry_run=dry_run, language=language)
        except po.Refused as refused:
            raise CommandError(
                "\n".join(["The file was not imported; nothing was changed.", *refused.problems])
            ) from None
        prefix = "Dry run, nothing was changed. " if dry_run else ""
        self.stdout.write(self.style.SUCCESS(f"{prefix}{report}"))
