"""Derived data that follows changes, whatever made them (the admin's inline forms, a
management command, the shell):

- Question.save() computes the read times and availability per language; saving or
  deleting an answer re-saves them (and the question's last-changed date).
- The stored question counts of categories, tags and askers (qa.counts) are recounted
  for the lists a change touches.
- Deleting a question retires its slugs, so its old URLs answer 410 Gone.
- The search index (qa.search) follows every save and delete of a question, an answer
  or a question's tags, and every renaming of a category or tag.
- Every content change bumps the content version, so no cached page outlives it.

All of it runs inside the change's own transaction (content models save atomically).

One change, derived data once: an admin save of a question with N answers saves N
answers, and each would re-derive its question and bump the content version, O(N²)
work for one change. Inside `one_change()`, answer saves only note their question,
content changes only note that the version must move, and the lists to recount and
the questions to index are only noted; on the way out each noted question is
re-derived once (its save noting what follows from it in turn), and then, for all of
them together, the search index is written in batches, `questions_changed` is sent
(qa.editorial refreshes the translation status on it), the lists are recounted with
one grouped query per kind, and the version is bumped once. An import of thousands of
questions (qa.exchange) is one change too. It runs inside the change's transaction
(the admin's change view is atomic), so readers see all of it or nothing.
"""

import threading
from contextlib import contextmanager

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import Signal, receiver
from django.utils import timezone

from . import counts, languages, search
from .content_version import bump_content_version
from .languages import column
from .models import Answer, Asker, Category, Question, RetiredSlug, Tag, TaggedQuestion

DERIVED_FIELDS = [
    "published_at",
    *[
        column(field, code)
        for field in ("read_time", "is_complete", "is_available", "publish_at")
        for code in languages.codes()
    ],
]


_collecting = threading.local()

# Sent at the end of a one_change() with question_ids: every question it changed, once
# its derived data and search index are written (qa.editorial: the translation status).
questions_changed = Signal()


class Batch:
    def __init__(self):
        self.questions, self.bump, self.labels = set(), False, False
        self.lists, self.tags = [], set()  # for qa.counts: question rows, tag ids


def collecting():
    """The batch of the one_change() this thread is in, or None."""
    return getattr(_collecting, "batch", None)


@contextmanager
def one_change():
    if collecting() is not None:  # inside one already: the outer one finishes
        yield
        return
    batch = _collecting.batch = Batch()
    try:
        yield
    finally:
        _collecting.batch = None
    derived = _collecting.batch = Batch()  # what the re-saves below note in turn
    try:
        for question_id in sorted(batch.questions):
            refresh_question_derived(question_id)
    finally:
        _collecting.batch = None
    question_ids = sorted(batch.questions | derived.questions)
    search.index(question_ids)
    questions_changed.send(sender=Question, question_ids=question_ids)
    counts.refresh_lists_of(batch.lists + derived.lists)
    counts.refresh_counts(Tag, batch.tags | derived.tags)
    if batch.bump or derived.bump:
        bump_content_version(labels=batch.labels or derived.labels)


def refresh_question_derived(question_id):
    question = Question.objects.filter(pk=question_id).first()
    if question is not None:
        question.save(update_fields=DERIVED_FIELDS)


@receiver(post_save, sender=Answer)
@receiver(post_delete, sender=Answer)
def refresh_question_derived_fields(sender, instance, **kwargs):
    if (batch := collecting()) is not None:
        batch.questions.add(instance.question_id)
    else:
        refresh_question_derived(instance.question_id)


@receiver(post_save, sender=Question)
def recount_lists_of_saved_question(sender, instance, created, **kwargs):
    before = getattr(instance, "stored_before", None)
    if before and all(before[field] == getattr(instance, field) for field in Question.LISTED_BY):
        return
    lists = [{"pk": instance.pk, "category_id": instance.category_id, "asker_id": instance.asker_id}]
    if before:
        lists.append({"pk": instance.pk, "category_id": before["category_id"], "asker_id": before["asker_id"]})
    if (batch := collecting()) is not None:
        batch.lists += lists
    else:
        counts.refresh_lists_of(lists)


@receiver(post_save, sender=Question)
def index_saved_question(sender, instance, **kwargs):
    """The search index follows every save of a question, and through its re-save,
    of its answers (qa.search); once per one_change()."""
    if (batch := collecting()) is not None:
        batch.questions.add(instance.pk)
    else:
        search.index([instance.pk])


@receiver(post_save, sender=Category)
@receiver(post_save, sender=Tag)
def index_questions_of_renamed_label(sender, instance, created, **kwargs):
    """Category and tag names are searched with their questions: a renamed one has its
    questions indexed again (a category may hold thousands: only when a name changed)."""
    if created or not instance.names_changed():
        return
    if sender is Category:
        question_ids = instance.questions.values_list("pk", flat=True)
    else:
        question_ids = instance.tagged_questions.values_list("content_object_id", flat=True)
    search.index(sorted(question_ids))
    instance.names_as_read = instance.names()


@receiver(post_delete, sender=Question)
def forget_deleted_question(sender, instance, **kwargs):
    """A deleted question's URLs answer 410 Gone from now on, and its lists shrink
    (its tags are recounted as its TaggedQuestion rows go)."""
    RetiredSlug.retire(None, {code: getattr(instance, column("slug", code)) for code in languages.codes()})
    search.remove([instance.pk])
    counts.refresh_counts(Category, {instance.category_id})
    counts.refresh_counts(Asker, {instance.asker_id})


@receiver(post_save, sender=TaggedQuestion)
@receiver(post_delete, sender=TaggedQuestion)
def follow_tag_change(sender, instance, **kwargs):
    """A question's tags are part of it: its last-changed date moves (so its cached
    article does, qa.fragments), and the tag is recounted."""
    Question.objects.filter(pk=instance.content_object_id).update(updated_at=timezone.now())
    if (batch := collecting()) is not None:
        batch.tags.add(instance.tag_id)
    else:
        counts.refresh_counts(Tag, {instance.tag_id})
    if deleted_with(kwargs.get("origin"), (Question, Tag)):
        return  # the question goes as well, or index_questions_of_deleted_tag follows
    if (batch := collecting()) is not None:
        batch.questions.add(instance.content_object_id)
    else:
        search.index([instance.content_object_id])


def deleted_with(origin, models):
    """Whether a post_delete's origin (the instance or queryset delete() was called on)
    is of one of models."""
    return isinstance(origin, models) or getattr(origin, "model", None) in models


@receiver(pre_delete, sender=Tag)
def note_questions_of_deleted_tag(sender, instance, **kwargs):
    instance.question_ids = sorted(instance.tagged_questions.values_list("content_object_id", flat=True))


@receiver(post_delete, sender=Tag)
def index_questions_of_deleted_tag(sender, instance, **kwargs):
    """A deleted tag's questions are indexed without its name, in batches."""
    search.index(instance.question_ids)


CONTENT_MODELS = [Question, Answer, Category, Tag, TaggedQuestion, Asker]


LABEL_MODELS = (Category, Tag, Asker)


def content_changed(sender, **kwargs):
    """Any change readers could see gives cached pages a new key (qa.content_version);
    a category, tag or asker also gives question articles one (qa.fragments).
    Changes made with QuerySet.update() send no signal: call bump_content_version()."""
    if (batch := collecting()) is not None:
        batch.bump, batch.labels = True, batch.labels or sender in LABEL_MODELS
    else:
        bump_content_version(labels=sender in LABEL_MODELS)


for model in CONTENT_MODELS:
    post_save.connect(content_changed, sender=model, dispatch_uid=f"content_changed_save_{model.__name__}")
    post_delete.connect(content_changed, sender=model, dispatch_uid=f"content_changed_delete_{model.__name__}")
