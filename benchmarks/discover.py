"""Which URLs to measure, found in the database the servers use (no demo slug is
hard-coded). Run by benchmarks/run.py with the servers' environment:

    DJANGO_SETTINGS_MODULE=projectsports.settings python -m benchmarks.discover [STREAM_SIZE]

Prints one JSON object:

- `pages`: [name, path] of one page of every reader page type: home (en, nl), the
  question with the most answers among the first 200 visible ones (en, de), that
  English question's category, first tag with a page and asker, a deep page of the
  home list (?page=min(500, last page)), the RSS feed and the sitemap index. The
  sitemap section file is found by the harness from the index over HTTP.
- `stream`: up to STREAM_SIZE (default 1,000) distinct reader paths for the edit
  stream: four fifths question pages spread over the four languages, one fifth list
  pages (category, tag and asker pages, and pages 2 to 5 of the lists), shuffled with
  a fixed seed; fewer when the database has fewer pages.
- `stream_question_paths`, `stream_questions`: the question pages among them, and the
  primary keys of their questions (for the editor).
- `facts`: question counts (all, and visible per language), database and Redis versions.
"""

import json
import math
import os
import random
import re
import sys
from collections import Counter

import django

django.setup()

from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402

from qa import languages  # noqa: E402
from qa.links import url_in  # noqa: E402
from qa.models import Asker, Category, Question, Tag  # noqa: E402
from qa.search.text import is_stop_word  # noqa: E402
from qa.views import HomeView  # noqa: E402

MAX_DEEP_PAGE = 500
LIST_PAGES = range(2, 6)  # pages 2..5 of a list
PAGE_SIZE = HomeView.paginate_by


def most_answered(code):
    """Among the first 200 visible questions in code, the one with the most answers."""
    first = list(Question.objects.visible(code).values_list("pk", flat=True)[:200])
    return (
        Question.objects.filter(pk__in=first)
        .annotate(answer_count=Count("answers"))
        .select_related("category", "asker")
        .order_by("-answer_count", "-published_at", "-pk")
        .first()
    )


def home(code, page=None):
    with translation.override(code):
        path = reverse("qa:home")
    return f"{path}?page={page}" if page else path


def later_pages(count):
    """?page=n for the pages 2..5 of a list of count questions that exist."""
    last = math.ceil(count / PAGE_SIZE)
    return [n for n in LIST_PAGES if n <= last]


def sample_pages():
    found = [["home (en)", home("en")], ["home (nl)", home("nl")]]
    question = None
    for code in ("en", "de"):
        best = most_answered(code)
        if best is None:
            continue
        found.append([f"question ({code}, {best.answer_count} answers)", url_in(code, obj=best)])
        question = question or (best if code == "en" else None)
    if question is not None:
        category = url_in("en", obj=question.category)
        if category:
            found.append(["category (en)", category])
        tag = next((url_in("en", obj=t) for t in question.tags.all() if url_in("en", obj=t)), None)
        if tag is None:  # the question has no tag with an English page: the most used one
            counts = visible_counts("en", "tagged_items__tag")
            tags = Tag.objects.in_bulk(sorted(counts, key=counts.get, reverse=True)[:20])
            tag = next((url_in("en", obj=t) for t in tags.values() if url_in("en", obj=t)), None)
        if tag:
            found.append(["tag (en)", tag])
        found.append(["asker (en)", url_in("en", obj=question.asker)])
    last = max(1, math.ceil(Question.objects.visible("en").count() / PAGE_SIZE))
    deep = min(MAX_DEEP_PAGE, last)
    found.append([f"deep list page (en, {deep} of {last})", home("en", deep)])
    with translation.override("en"):
        found.append(["RSS feed (en)", reverse("qa:feed_rss")])
    found.append(["sitemap index", reverse("sitemap_index")])
    found += search_pages()
    return found


def search_pages():
    """Two searches in English (never cached: every request is a search): the word most
    common in the newest 500 titles that is not a stop word (a broad query, thousands of
    hits at 100,000 questions) and one of the rarest of them."""
    titles = Question.objects.visible("en").values_list("title_en", flat=True)[:500]
    words = (word.lower() for title in titles for word in re.findall(r"[A-Za-z]{5,}", title))
    # A stop word ("which") is not searched for at all: the page only says so.
    counted = Counter(word for word in words if not is_stop_word(word, "en"))
    if not counted:
        return []
    broad, rare = counted.most_common(1)[0][0], counted.most_common()[-1][0]
    with translation.override("en"):
        path = reverse("qa:search")
    return [[f"search (en, broad: {broad})", f"{path}?q={broad}"], [f"search (en, rare: {rare})", f"{path}?q={rare}"]]


def visible_counts(code, field):
    """{pk: how many questions readers of code see there} for the lists of a question
    field (category, asker, tagged_items__tag), counted here from the one visibility
    rule rather than from whatever the app stores."""
    rows = Question.objects.visible(code).order_by().values_list(field).annotate(n=Count("pk", distinct=True))
    return {pk: n for pk, n in rows if pk is not None}


def list_pages(code, rng):
    """Category, tag and asker pages with their pages 2..5, and home pages 2..5, in code."""
    found = [home(code, n) for n in later_pages(Question.objects.visible(code).count())]
    for model, field in ((Category, "category"), (Tag, "tagged_items__tag"), (Asker, "asker")):
        counts = visible_counts(code, field)
        for pk, obj in sorted(model.objects.in_bulk(list(counts)).items()):
            if base := url_in(code, obj=obj):
                found += [base] + [f"{base}?page={n}" for n in later_pages(counts[pk])]
    rng.shuffle(found)
    return found


def interleave(groups, limit):
    """Up to limit items taken in turn from each group: one from the first, one from the second, ..."""
    taken = []
    for n in range(max(map(len, groups), default=0)):
        taken += [group[n] for group in groups if n < len(group)]
    return taken[:limit]


def stream(size):
    """Distinct reader paths, about four fifths question pages and one fifth list pages."""
    rng = random.Random(1)
    codes = languages.codes()
    lists = [list_pages(code, rng) for code in codes]
    questions = []
    for code in codes:
        pks = list(Question.objects.visible(code).values_list("pk", flat=True))
        chosen = rng.sample(pks, min(len(pks), size))
        by_pk = Question.objects.in_bulk(chosen)
        questions.append([(url_in(code, obj=by_pk[pk]), pk) for pk in chosen])

    wanted_lists = size // 5
    list_paths = interleave(lists, wanted_lists)
    question_items = interleave(questions, size - len(list_paths))
    if len(question_items) + len(list_paths) < size:  # few questions: more list pages
        list_paths = interleave(lists, size - len(question_items))
    question_paths = [path for path, _pk in question_items]
    paths = question_paths + list_paths
    rng.shuffle(paths)
    return paths, question_paths, sorted({pk for _path, pk in question_items})


def facts():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            database = f"PostgreSQL {cursor.fetchone()[0].split()[0]}"
        else:
            cursor.execute("SELECT sqlite_version()")
            database = f"SQLite {cursor.fetchone()[0]}"
    redis_version = None
    if os.environ.get("REDIS_URL"):
        import redis

        redis_version = redis.Redis.from_url(os.environ["REDIS_URL"]).info("server")["redis_version"]
    return {
        "questions": Question.objects.count(),
        "visible": {code: Question.objects.visible(code).count() for code in languages.codes()},
        "database": database,
        "redis": redis_version,
        "django": django.get_version(),
    }


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    paths, question_paths, pks = stream(size)
    found = {
        "pages": sample_pages(),
        "stream": paths,
        "stream_question_paths": question_paths,
        "stream_questions": pks,
        "facts": facts(),
    }
    print(json.dumps(found))


if __name__ == "__main__":
    main()
