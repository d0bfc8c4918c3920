import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from qa.generator.build import ContentGenerator


class Command(BaseCommand):
    help = (
        "Add N synthetic questions in four languages (with answers, tags, categories and askers) "
        "for load tests: deterministic with --seed, written in batches, each batch all-or-nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--questions", type=int, required=True, help="How many questions to add.")
        parser.add_argument("--seed", type=int, default=1, help="The same seed gives the same content (default 1).")
        parser.add_argument("--batch-size", type=int, default=1000, help="Questions written per transaction.")

    def handle(self, *args, questions, seed, batch_size, **options):
        if questions < 1 or batch_size < 1:
            raise CommandError("--questions and --batch-size must be at least 1.")
        self.verbosity = options["verbosity"]
        started = time.monotonic()
        report = ContentGenerator(seed=seed, log=self.progress).run(questions, batch_size=batch_size)
        self.refresh_statistics()
        self.stdout.write(
            self.style.SUCCESS(
                f"Added {report.questions} questions with {report.answers} answers "
                f"({report.categories} categories, {report.tags} tags, {report.askers} askers) "
                f"in {time.monotonic() - started:.0f} s."
            )
        )

    def progress(self, message):
        if self.verbosity >= 1:
            self.stdout.write(message)

    def refresh_statistics(self):
        """After a bulk load the planner knows nothing of the new rows, and PostgreSQL's
        visibility map is empty (list pages read their ids from the index alone only
        where it is set): without this, rendered list pages at 100,000 questions took
        90-740 ms instead of 10 ms until autovacuum came round. SQLite: ANALYZE."""
        self.progress("Refreshing the query planner's statistics")
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql" and not connection.in_atomic_block:  # VACUUM needs autocommit
                for table in ("qa_question", "qa_answer", "qa_taggedquestion", "qa_tag", "qa_asker", "qa_category"):
                    cursor.execute(f"VACUUM (ANALYZE) {table}")
            else:
                cursor.execute("ANALYZE")
