"""How many questions readers of each language see in a category, under a tag and from
an asker, stored per language (`question_count_<code>`), so that no page counts
questions per request: the home page's categories and most used tags, and the page
numbers of every list (the home page's total is the sum over the categories, since
every question has exactly one).

The numbers follow the one visibility rule (QuestionQuerySet.visible_counts_by) and
are recounted, inside the change's own transaction, for just the lists a change
touches: by qa.signals when a question's listing fields or tags change, and by
qa.content_version when a scheduled question comes due. Each recount is one grouped
query over the questions of those few lists.
"""

from django.db.models import Sum

from . import languages
from .languages import column
from .models import Asker, Category, Question, Tag

# How a question names the lists it is in.
LIST_FIELDS = {Category: "category_id", Asker: "asker_id", Tag: "tagged_items__tag_id"}
COUNT_COLUMNS = [column("question_count", code) for code in languages.codes()]
STORED = [*COUNT_COLUMNS, "latest_change"]
BATCH_SIZE = 500


def refresh_counts(model, ids=None):
    """Recount the lists of model with these pks (all of them when ids is None)."""
    if ids is not None:
        ids = {pk for pk in ids if pk is not None}
        if not ids:
            return
    field = LIST_FIELDS[model]
    questions = Question.objects.all() if ids is None else Question.objects.filter(**{f"{field}__in": ids})
    counts = questions.visible_counts_by(field)
    lists = model.objects.all() if ids is None else model.objects.filter(pk__in=ids)
    changed = []
    for obj in lists.only("pk", *STORED):
        numbers, latest = counts.get(obj.pk, ({}, None))
        new = {column("question_count", code): numbers.get(code, 0) for code in languages.codes()}
        new["latest_change"] = latest
        if any(getattr(obj, name) != value for name, value in new.items()):
            for name, value in new.items():
                setattr(obj, name, value)
            changed.append(obj)
    # bulk_update sends no signals: a recount is part of a change, not a change of its own.
    model.objects.bulk_update(changed, STORED, batch_size=500)


def refresh_all_counts():
    for model in LIST_FIELDS:
        refresh_counts(model)


def refresh_lists_of(rows):
    """Recount every list the given questions ({"pk", "category_id", "asker_id"}) are
    in: their categories, askers and tags."""
    if not rows:
        return
    refresh_counts(Category, {row["category_id"] for row in rows})
    refresh_counts(Asker, {row["asker_id"] for row in rows})
    question_ids = sorted({row["pk"] for row in rows})
    tag_ids = set()
    for start in range(0, len(question_ids), BATCH_SIZE):  # an import's thousands of questions
        batch = question_ids[start : start + BATCH_SIZE]
        tag_ids.update(Tag.objects.filter(tagged_questions__content_object__in=batch).values_list("pk", flat=True))
    refresh_counts(Tag, tag_ids)


def total_visible(code=None):
    """How many questions readers of code see in all: the home page's list."""
    code = code or languages.active()
    return Category.objects.aggregate(total=Sum(column("question_count", code)))["total"] or 0
