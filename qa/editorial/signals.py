"""The translation status follows every save of a question, whatever made it (the admin,
a restore, the demo loader), and through the question's re-save, every change of its
answers (qa.signals). Inside qa.signals.one_change() the question is only noted: the
statuses of all the questions of the change are refreshed together when it is
complete (questions_changed), in batches."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from qa.models import Question
from qa.signals import collecting, questions_changed

from . import translation_status
from .models import TranslationCheck, TranslationStatus


@receiver(post_save, sender=Question, dispatch_uid="editorial_refresh_translation_status")
def refresh_translation_status(sender, instance, raw=False, **kwargs):
    if raw:  # a fixture or a restored revision: its answers may not be there yet, the save that follows is
        return
    if (batch := collecting()) is not None:
        batch.questions.add(instance.pk)
    else:
        translation_status.refresh([instance.pk])


@receiver(questions_changed, dispatch_uid="editorial_refresh_translation_status_of_change")
def refresh_translation_status_of_change(sender, question_ids, **kwargs):
    translation_status.refresh_in_batches(question_ids)


@receiver(post_delete, sender=Question, dispatch_uid="editorial_forget_translation_status")
def forget_translation_status(sender, instance, **kwargs):
    """In the deletion's transaction (the foreign keys are checked at its end); after the
    question's answers, whose deletion re-saved it (qa.signals) and so its status."""
    TranslationStatus.objects.filter(question_id=instance.pk).delete()
    TranslationCheck.objects.filter(question_id=instance.pk).delete()
