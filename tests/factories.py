"""Small factories: each builds one object with sensible defaults, overridable."""

import itertools
from datetime import timedelta

from django.utils import timezone

from qa.languages import column
from qa.models import Answer, Asker, Category, Question, Tag

ALL = ("nl", "en", "de", "tr")
_numbers = itertools.count(1)


def per_language(field, text, codes=ALL):
    """{"title_nl": "text (nl)", ...} for the given languages."""
    return {column(field, code): f"{text} ({code})" for code in codes}


def make_asker(name=None):
    return Asker.objects.create(name=name or f"Asker {next(_numbers)}")


def make_category(name=None, codes=ALL, position=0):
    name = name or f"Category {next(_numbers)}"
    return Category.objects.create(position=position, **per_language("name", name, codes))


def make_tag(name=None, codes=ALL):
    name = name or f"Tag {next(_numbers)}"
    return Tag.objects.create(**per_language("name", name, codes))


def in_state(state, at, codes=ALL):
    """The fields that put every language (or codes) of a question in state on date at."""
    return {
        "published_at": at,
        **{column("state", code): state for code in codes},
        **{column("publish_at", code): at for code in codes},
    }


def make_question(
    title=None,
    codes=ALL,
    answers=2,
    tags=(),
    category=None,
    asker=None,
    status=Question.State.PUBLISHED,
    published_at=None,
    body="Some answer text in **Markdown**.",
):
    """A question available in `codes`, with `answers` answers in those languages."""
    title = title or f"Question {next(_numbers)}"
    question = Question.objects.create(
        asker=asker or make_asker(),
        category=category or make_category(),
        **in_state(status, published_at or timezone.now() - timedelta(days=1)),
        **per_language("title", title, codes),
        **per_language("summary", f"Summary of {title}", codes),
    )
    for position in range(1, answers + 1):
        Answer.objects.create(
            question=question,
            position=position,
            **per_language("heading", f"Sub-question {position} of {title}?", codes),
            **{column("body", code): f"{body} ({code}, {position})" for code in codes},
        )
    if tags:
        question.tags.set(list(tags))
    question.refresh_from_db()
    return question


def url(obj, code):
    """obj's URL in language code, through the site's own helper."""
    from qa.links import url_in

    return url_in(code, obj=obj)
