"""Write the translations of one language as a PO file for translators' tools
(qa.exchange.po.export): every question not written in it, or those whose stored
translation status is one of --status."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from qa import languages
from qa.exchange import po


class Command(BaseCommand):
    help = "Write one language's translations as a gettext PO file (UTF-8), for Poedit, Weblate, OmegaT ..."

    def add_arguments(self, parser):
        parser.add_argument(
            "--language", required=True, choices=languages.codes(), help="The language the file is to translate into."
        )
        parser.add_argument(
            "--status",
            help=f"Only the questions with this translation status, a comma list of: {', '.join(po.STATUSES)} "
            "(default: every question not written in the language).",
        )
        parser.add_argument("--output", help="The file to write (default: standard output).")

    def handle(self, *args, language, status=None, output=None, **options):
        try:
            translations = po.export(language, po.statuses_from(status))
        except ValueError as error:
            raise CommandError(str(error)) from None
        text = str(translations)
        if not output or output == "-":
            self.stdout.write(text, ending="\n")
            return
        # Written as bytes: UTF-8 whatever the locale of the machine, \n line ends.
        Path(output).write_bytes(f"{text}\n".encode())
        name = languages.name(language)
        self.stdout.write(self.style.SUCCESS(f"{len(translations)} entries for {name} written to {output}."))
