"""Related questions for the sidebar of a question page.

Same language, visible, never the question itself; most shared tags first, then the
same category, then the newest. Any other visible question may fill the list, so the
sidebar is empty only when the question is the only one in its language.

The cost follows the question's own tags, never the whole site: the first query looks
only at the questions under those tags (a join from the tags' own rows); only when
that finds fewer than the limit, the newest questions of the category and then of
the whole language fill the list, each one indexed query that stops after a few rows.
"""

from django.db.models import Case, Count, IntegerField, When

from . import languages
from .models import Question

RELATED_LIMIT = 6


def related_questions(question, code=None, limit=RELATED_LIMIT):
    """At most `limit` questions, in order; one to three small queries (tags are read
    from the prefetched tags)."""
    code = code or languages.active()
    visible = Question.objects.visible(code).exclude(pk=question.pk).for_listing(code)
    tag_ids = [tag.pk for tag in question.tags.all()]
    found = []
    if tag_ids:
        found = list(
            visible.filter(tagged_items__tag_id__in=tag_ids)
            .annotate(
                shared_tags=Count("tagged_items"),
                same_category=Case(
                    When(category_id=question.category_id, then=1), default=0, output_field=IntegerField()
                ),
            )
            .order_by("-shared_tags", "-same_category", "-published_at", "-pk")[:limit]
        )
    for fill in (visible.filter(category_id=question.category_id), visible):
        if len(found) >= limit:
            break
        found += fill.exclude(pk__in=[other.pk for other in found]).order_by("-published_at", "-pk")[
            : limit - len(found)
        ]
    return found
