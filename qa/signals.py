"""Keep each question's read time current when one of its answers changes.

Question.save() computes the read times; saving or deleting an answer re-saves its
question's read times (and its last-changed date), whatever made the change: the
admin's inline forms, a management command or the shell.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from . import languages
from .models import Answer, Question

READ_TIME_FIELDS = [languages.column("read_time", code) for code in languages.codes()]


@receiver(post_save, sender=Answer)
@receiver(post_delete, sender=Answer)
def refresh_question_read_time(sender, instance, **kwargs):
    question = Question.objects.filter(pk=instance.question_id).first()
    if question is not None:
        question.save(update_fields=READ_TIME_FIELDS)
