"""Related questions for the sidebar of a question page.

Same language, published, never the question itself; most shared tags first, then
the same category, then the newest. Any other visible question may fill the list,
so the sidebar is empty only when the question is the only one in its language.
"""

from django.db.models import Case, Count, IntegerField, Q, When

from .models import Question

RELATED_LIMIT = 6


def related_questions(question, code=None, limit=RELATED_LIMIT):
    """One query, whatever the number of tags (read from the prefetched tags)."""
    tag_ids = [tag.pk for tag in question.tags.all()]
    return list(
        Question.objects.visible(code)
        .exclude(pk=question.pk)
        .annotate(
            shared_tags=Count("tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids)),
            same_category=Case(When(category_id=question.category_id, then=1), default=0, output_field=IntegerField()),
        )
        .order_by("-shared_tags", "-same_category", "-published_at", "-pk")[:limit]
    )
