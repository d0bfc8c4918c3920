"""Related questions for the sidebar of a question page.

Same language, visible, never the question itself; questions sharing two or more tags
first (most first), then the questions whose text is most like its title
(qa.search.similar), then the same category, then those sharing one tag, then the
newest. Any other visible question may fill the list, so the sidebar is empty only when
the question is the only one in its language.

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
from .languages import column
from .models import Question, TaggedQuestion
from .search.indexing import backend as search_backend
from .search.similar import similar_ids

RELATED_LIMIT = 6
CANDIDATES_PER_TAG = 50
# A question sharing this many tags is related whatever its text; one shared tag
# ("Beginners") says less than shared words or the same category: in the demo it put the
# offside rule beside the saddle height.
STRONG_TAGS = 2
SIMILAR_CANDIDATES = 30


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
    """At most `limit` questions, in order: those sharing two or more tags, then the
    most similar text, then the same category, then those sharing one tag, then the
    newest. Queries: the question's tag ids, the tag candidates, then only what the
    list still needs (the index and one query for similar questions, one per fill)."""
    code = code or languages.active()
    visible = Question.objects.visible(code).exclude(pk=question.pk).for_listing(code)
    by_tags = sharing_tags(question, visible, limit)
    found = [other for other in by_tags if other.shared_tags >= STRONG_TAGS]
    if len(found) < limit:
        found += most_similar(question, code, visible.exclude(pk__in=[other.pk for other in found]), limit - len(found))
    for fill in (visible.filter(category_id=question.category_id), by_tags, visible):
        if len(found) >= limit:
            break
        if isinstance(fill, list):
            found += [other for other in fill if other not in found][: limit - len(found)]
        else:
            found += fill.exclude(pk__in=[other.pk for other in found])[: limit - len(found)]
    return found


def sharing_tags(question, visible, limit):
    """The visible questions sharing most tags with this one (`shared_tags` on each),
    then the same category, then the newest."""
    tag_ids = list(question.tagged_items.values_list("tag_id", flat=True))
    if not tag_ids:
        return []
    return list(
        visible.filter(pk__in=newest_under_tags(tag_ids, timezone.now()), tagged_items__tag_id__in=tag_ids)
        .annotate(
            shared_tags=Count("tagged_items"),
            same_category=Case(When(category_id=question.category_id, then=1), default=0, output_field=IntegerField()),
        )
        .order_by("-shared_tags", "-same_category", "-published_at", "-pk")[:limit]
    )


def most_similar(question, code, visible, limit):
    """The visible questions whose text is most like this one's title (qa.search.similar),
    best first: the index's SIMILAR_CANDIDATES best, then one query for those readers
    may see (when fewer than `limit` of them are, the category fills the list)."""
    title = getattr(question, column("title", code)) or ""
    ranked = [pk for pk, _score in similar_ids(title, code) if pk != question.pk][:SIMILAR_CANDIDATES]
    if not ranked:
        return []
    shown = visible.filter(pk__in=search_backend().id_set(ranked)).order_by().in_bulk()
    return [shown[pk] for pk in ranked if pk in shown][:limit]
