import sys
import time

from django.core.management.base import BaseCommand
from django.db import transaction

from qa.search import indexing


class Command(BaseCommand):
    help = "Index every question again in every language (qa.search), in batches, in one transaction."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500, help="Questions per batch (500).")

    def handle(self, *args, batch_size=500, **options):
        started = time.monotonic()
        interactive = sys.stdout.isatty()

        def progress(done, total):
            width = 30
            filled = width * done // max(total, 1)
            line = f"[{'#' * filled}{'.' * (width - filled)}] {done:,} of {total:,} questions"
            if interactive:
                self.stdout.write("\r" + line, ending="")
            elif done == total or done % (batch_size * 20) == 0:
                self.stdout.write(line)

        with transaction.atomic():
            total = indexing.rebuild(batch_size=batch_size, progress=progress)
        if interactive:
            self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Indexed {total:,} questions in {time.monotonic() - started:.0f} s."))
