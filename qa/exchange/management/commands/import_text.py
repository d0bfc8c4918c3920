"""`manage.py import_text FILE --language en --category <uuid or English slug>`: a page
of plain text as a new draft question (the rules: qa.exchange.text)."""

import sys
import uuid

from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from qa import languages
from qa.exchange import text
from qa.models import Category


class Command(BaseCommand):
    help = (
        "Read a page of plain text (FILE, or - for standard input) as a new question: the first line that ends "
        "in a question mark is its title, each one after it a sub-question with its answer below it. Prints what "
        "was found, with warnings by line; saves it as a draft in --language only, unless there is an error (then "
        "nothing is saved) or --dry-run is given. Prints the address of the draft's change form in the admin."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="The text file (UTF-8), or - to read standard input.")
        parser.add_argument(
            "--language", required=True, choices=languages.codes(), help="The language the text is written in."
        )
        parser.add_argument(
            "--category",
            help="The category's identifier (uuid) or English slug; may be left out when there is only one.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Show what would be saved, save nothing.")

    def handle(self, *args, file, language, category=None, dry_run=False, **options):
        chosen = self.category(category)
        parsed = text.parse(self.read(file), language)
        self.show(parsed)
        if parsed.errors:
            for error in parsed.errors:
                self.stderr.write(str(error))
            count = len(parsed.errors)
            raise CommandError(f"Nothing saved: {count} error{'s' if count != 1 else ''} in the text.")
        if dry_run:
            self.stdout.write(self.style.SUCCESS("Dry run: nothing saved."))
            return
        question = text.save(parsed, language, chosen)
        change_form = reverse("admin:qa_question_change", args=[question.pk])
        self.stdout.write(self.style.SUCCESS(f"Saved as a draft in {languages.name(language)}: {change_form}"))

    def read(self, file):
        try:
            if file == "-":
                return sys.stdin.read()
            # newline="": the parser counts CR, LF and CRLF as line breaks itself.
            with open(file, encoding="utf-8", newline="") as opened:
                return opened.read()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror or error}.") from error
        except UnicodeDecodeError as error:
            raise CommandError(f"{file} is not UTF-8 text (byte {error.start}).") from error

    def category(self, wanted):
        """The category named by uuid or English slug; without one, the only category."""
        if wanted:
            try:
                found = Category.objects.filter(uuid=uuid.UUID(wanted)).first()
            except ValueError:
                found = Category.objects.filter(slug_en=wanted).first()
            if found is None:
                raise CommandError(f"No category {wanted!r}. {self.categories()}")
            return found
        only = list(Category.objects.all()[:2])
        if len(only) == 1:
            return only[0]
        raise CommandError(f"Choose a category with --category. {self.categories()}")

    @staticmethod
    def categories():
        slugs = [slug or f"(no English slug: {key})" for slug, key in Category.objects.values_list("slug_en", "uuid")]
        if not slugs:
            return "There are no categories yet: add one in the admin first."
        return "Categories (English slugs): " + ", ".join(slugs) + "."

    def show(self, parsed):
        """What was found, line by line, as the admin's preview shows it."""
        if parsed.title:
            self.stdout.write(f"Title (line {parsed.title_line}): {parsed.title}")
            self.stdout.write(f"Asked by: {parsed.asker or '—'}")
            self.stdout.write(f"Sub-questions: {len(parsed.answers)}")
            for answer in parsed.answers:
                empty = "" if answer.body else " (no answer)"
                self.stdout.write(f"  line {answer.line}: {answer.heading}{empty}")
        if parsed.warnings:
            self.stdout.write(f"Warnings: {len(parsed.warnings)}")
            for warning in parsed.warnings:
                self.stdout.write(self.style.WARNING(str(warning)))
