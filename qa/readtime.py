"""Read time: words of a page divided by the language's reading speed.

Speeds are words per minute per language (settings.READING_SPEEDS, defaults from
the IReST study). The result is rounded up and never below one minute.
"""

import math
import re

from django.conf import settings
from django.utils.translation import ngettext

from .markdown import html_to_text, render

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def count_words(text):
    return len(_WORD.findall(text or ""))


def read_time(language, title, answers):
    """Minutes to read a question in language; answers are (heading, markdown body) pairs."""
    return read_time_of_rendered(language, title, [(heading, render(body)) for heading, body in answers])


def read_time_of_rendered(language, title, answers):
    """The same from answers as stored, (heading, body_html) pairs: a question's read
    time is recomputed on every change of it without rendering any Markdown again."""
    words = count_words(title)
    for heading, body_html in answers:
        words += count_words(heading) + count_words(html_to_text(body_html))
    return minutes_for(language, words)


def minutes_for(language, words):
    """The read time of a page of `words` words in language: the one rounding rule."""
    return max(1, math.ceil(words / settings.READING_SPEEDS[language]))


def read_time_text(minutes):
    """ "6 min read" in the active language (the same words as the page templates)."""
    return ngettext("%(minutes)s min read", "%(minutes)s min read", minutes) % {"minutes": minutes}
