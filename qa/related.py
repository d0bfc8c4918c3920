"""Related questions for the sidebar of a question page.

Same language, visible, never the question itself; most shared tags first, then the
same category, then the newest. Any other visible question may fill the list, so the
sidebar is empty only when the question is the only one in its language.

The cost follows the question's own tags, never the size of the site: candidates are
each tag's CANDIDATES_PER_TAG newest published questions (one range of the index on
TaggedQuestion's copy of the publication date, per tag), and the order rule is applied
to those visible in the language. So a question that shares tags but is older than that many newer questions
under each of them is not considered: on a big site a sidebar favours the recent.
Only when the tags give fewer than the limit, the newest questions of the category and
then of the whole language fill the list, each one indexed query that stops early.
"""

from django.db import connection
from django.db.models import Case, Count, IntegerField, When
from django.db.models.expressions import RawSQL
from django.utils import timezone

from . import languages
from .models import Question, TaggedQuestion

RELATED_LIMIT = 6
CANDIDATES_PER_TAG = 50


def newest_under_tags(tag_ids, now):
    """SQL for the ids of each tag's CANDIDATES_PER_TAG newest questions published by
    now: one range of TaggedQuestion's (tag, publication date) index per tag, joined
    with UNION ALL. Written out, because the ORM cannot put LIMIT inside a UNION on
    SQLite (and compiling one queryset per tag cost more than running it); whether
    each is visible in the language is checked by the query around it."""
    meta, quote = TaggedQuestion._meta, connection.ops.quote_name
    question, tag, published_at = (
        quote(meta.get_field(name).column) for name in ("content_object", "tag", "published_at")
    )
    one_tag = (
        f"SELECT {question} FROM {quote(meta.db_table)} WHERE {tag} = %s AND {published_at} <= %s "
        f"ORDER BY {published_at} DESC, {question} DESC LIMIT {CANDIDATES_PER_TAG}"
    )
    sql = " UNION ALL ".join(f"SELECT * FROM ({one_tag}) AS tag_{n}" for n in range(len(tag_ids)))
    return RawSQL(sql, [value for tag_id in tag_ids for value in (tag_id, now)])


def related_questions(question, code=None, limit=RELATED_LIMIT):
    """At most `limit` questions, in order: the question's tag ids, then one query when
    the tags give enough, at most three."""
    code = code or languages.active()
    visible = Question.objects.visible(code).exclude(pk=question.pk).for_listing(code)
    tag_ids = list(question.tagged_items.values_list("tag_id", flat=True))
    found = []
    if tag_ids:
        found = list(
            visible.filter(pk__in=newest_under_tags(tag_ids, timezone.now()), tagged_items__tag_id__in=tag_ids)
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
        found += fill.exclude(pk__in=[other.pk for other in found])[: limit - len(found)]
    return found
