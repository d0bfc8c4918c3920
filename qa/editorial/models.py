"""What the translation status is made of (qa.editorial.translation_status).

- TranslationCheck: for one unit of a question's text (its title, its summary, one
  answer's sub-question or body) in one language, the fingerprint of the source
  language's text that this translation was made from or last confirmed against.
- TranslationStatus: the status of each language of a question, computed on every save
  of the question and stored, with the time its source text last changed, so that the
  dashboard counts with one GROUP BY and lists with one index walk instead of
  fingerprinting 100,000 questions per request.

Both are derived rows, deleted with their question by signals.py (on_delete=DO_NOTHING
keeps them off the admin's delete page, and out of its permission checks there).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from qa.models import Question


class TranslationCheck(models.Model):
    question = models.ForeignKey(
        Question, on_delete=models.DO_NOTHING, related_name="translation_checks", verbose_name=_("question")
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    # "title", "summary", "heading-<answer id>" or "body-<answer id>" (translation_status.units)
    unit = models.CharField(_("part of the text"), max_length=40)
    fingerprint = models.CharField(_("fingerprint of the source text"), max_length=32)

    class Meta:
        verbose_name = _("translation check")
        verbose_name_plural = _("translation checks")
        constraints = [
            models.UniqueConstraint(fields=["question", "language", "unit"], name="editorial_translationcheck_once")
        ]

    def __str__(self):
        return f"{self.question_id} {self.language} {self.unit}"


class TranslationStatus(models.Model):
    class Status(models.TextChoices):
        SOURCE = "source", _("source language")
        MISSING = "missing", _("missing")
        INCOMPLETE = "incomplete", _("incomplete")
        OUTDATED = "outdated", _("outdated")
        UP_TO_DATE = "up_to_date", _("up to date")

    question = models.ForeignKey(
        Question, on_delete=models.DO_NOTHING, related_name="translation_statuses", verbose_name=_("question")
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    # A fingerprint of all of the source text: when it differs from the one stored, the
    # source has changed and source_changed_at moves to the time of that save.
    source_fingerprint = models.CharField(max_length=32)
    source_changed_at = models.DateTimeField(_("source last changed"))

    class Meta:
        verbose_name = _("translation status")
        verbose_name_plural = _("translation status")
        constraints = [
            models.UniqueConstraint(fields=["question", "language"], name="editorial_translationstatus_once")
        ]
        # A dashboard list (one language, one status, newest source change first) is a
        # walk of this index, which holds the ids a page is found by (qa.pagination);
        # the counts per language and status are read from it too.
        indexes = [
            models.Index(
                fields=["language", "status", "-source_changed_at", "-id"], name="editorial_translation_list_idx"
            )
        ]

    def __str__(self):
        return f"{self.question_id} {self.language}: {self.status}"
