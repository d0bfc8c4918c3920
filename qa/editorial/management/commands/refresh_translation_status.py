"""Compute every question's translation status (qa.editorial.translation_status) from
nothing: after content written without a save, such as `generate_content`'s bulk
inserts, which send no signals. Saves keep it in step on their own."""

from django.core.management.base import BaseCommand
from django.db import transaction

from qa.editorial import translation_status
from qa.models import Question


class Command(BaseCommand):
    help = "Compute the translation status of every question (after generate_content)."

    def handle(self, *args, **options):
        with transaction.atomic():
            translation_status.refresh_all()
        self.stdout.write(f"Translation status computed for {Question.objects.count()} questions.")
