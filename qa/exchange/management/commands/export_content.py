"""`manage.py export_content`: the whole site as one JSON document (qa/exchange/FORMAT.md)."""

from types import SimpleNamespace

from django.core.management.base import BaseCommand

from qa.exchange import content


class Command(BaseCommand):
    help = (
        "Write every category, tag, asker and question (every language, state and date, the answers in order, "
        "translation fingerprints and retired slugs) as one JSON document, format qa/exchange/FORMAT.md. The "
        "same content always gives the same bytes; import_content reads it back into any database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="Write to this file instead of standard output.")

    def handle(self, *args, output=None, **options):
        if output is None:
            content.write(SimpleNamespace(write=lambda text: self.stdout.write(text, ending="")))
            return
        with open(output, "w", encoding="utf-8", newline="\n") as stream:
            content.write(stream)
        self.stderr.write(f"Content written to {output}.")
