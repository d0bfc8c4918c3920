"""Derived data that follows changes, whatever made them (the admin's inline forms, a
management command, the shell):

- Question.save() computes the read times and availability per language; saving or
  deleting an answer re-saves them (and the question's last-changed date).
- Deleting a question retires its slugs, so its old URLs answer 410 Gone.
- Every content change bumps the content version, so no cached page outlives it.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from . import languages
from .languages import column
from .models import Answer, Asker, Category, Question, RetiredSlug, Tag, TaggedQuestion
from .page_cache import bump_content_version

DERIVED_FIELDS = [column(field, code) for field in ("read_time", "is_available") for code in languages.codes()]


@receiver(post_save, sender=Answer)
@receiver(post_delete, sender=Answer)
def refresh_question_derived_fields(sender, instance, **kwargs):
    question = Question.objects.filter(pk=instance.question_id).first()
    if question is not None:
        question.save(update_fields=DERIVED_FIELDS)


@receiver(post_delete, sender=Question)
def retire_slugs_of_deleted_question(sender, instance, **kwargs):
    """A deleted question's URLs answer 410 Gone from now on."""
    RetiredSlug.retire(None, {code: getattr(instance, column("slug", code)) for code in languages.codes()})


CONTENT_MODELS = [Question, Answer, Category, Tag, TaggedQuestion, Asker]


def content_changed(sender, **kwargs):
    """Any change readers could see gives cached pages a new key (qa.page_cache).
    Changes made with QuerySet.update() send no signal: call bump_content_version()."""
    bump_content_version()


for model in CONTENT_MODELS:
    post_save.connect(content_changed, sender=model, dispatch_uid=f"content_changed_save_{model.__name__}")
    post_delete.connect(content_changed, sender=model, dispatch_uid=f"content_changed_delete_{model.__name__}")
