"""RSS and Atom feeds of the newest questions, per language and per category.

Items are the questions visible in the feed's language; each item carries the
language (the feed's <language> / xml:lang) and the read time (in its description).

Summaries and descriptions are plain text written by editors, and feed readers read
an RSS description (and Django's Atom summary, type="html") as HTML: a summary saying
`<img src=x onerror=...>` would be markup there. So the Atom feed says type="text",
and RSS descriptions are HTML-escaped text (what a reader unescapes is the text
again). Answers' Markdown never goes into a feed.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from .lookup import NotInLanguage, find_by_slug
from .models import Category, Question
from .readtime import read_time_text

FEED_SIZE = 20


class PlainTextRss(Rss201rev2Feed):
    """RSS whose channel and item descriptions are plain text, escaped as HTML."""

    def add_root_elements(self, handler):
        self.feed["description"] = escape(self.feed["description"])
        super().add_root_elements(handler)

    def add_item_elements(self, handler, item):
        if item["description"] is not None:
            item = {**item, "description": escape(item["description"])}
        super().add_item_elements(handler, item)


class PlainTextAtom(Atom1Feed):
    """Atom whose summaries say what they are: type="text" (Django writes "html")."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class LatestQuestionsFeed(Feed):
    feed_type = PlainTextRss

    def get_object(self, request, slug=None):
        return None

    def title(self, obj):
        return f"{_('Newest questions')} — {settings.SITE_NAME}"

    def description(self, obj):
        return str(settings.SITE_TAGLINE)

    def link(self, obj):
        return reverse("qa:home")

    def items(self, obj):
        return Question.objects.visible().for_listing()[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        summary = item.summary or ""
        return f"{read_time_text(item.read_time)}. {summary}".strip()

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.asker.name

    def item_categories(self, item):
        return [item.category.name] if item.category.name else []


class LatestQuestionsAtomFeed(LatestQuestionsFeed):
    feed_type = PlainTextAtom
    subtitle = LatestQuestionsFeed.description


class CategoryFeed(LatestQuestionsFeed):
    def get_object(self, request, slug=None):
        try:
            category, redirect_to = find_by_slug(Category.objects.all(), slug)
        except NotInLanguage as missing:
            raise Http404(_("This page is not available in this language")) from missing
        if redirect_to:
            raise Http404(_("No page has this address."))
        return category

    def title(self, obj):
        return f"{obj.name} — {settings.SITE_NAME}"

    def description(self, obj):
        return obj.description or str(settings.SITE_TAGLINE)

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return Question.objects.visible().for_listing().filter(category=obj)[:FEED_SIZE]


class CategoryAtomFeed(CategoryFeed):
    feed_type = PlainTextAtom
    subtitle = CategoryFeed.description


def feed_links(category=None):
    """The <link rel="alternate"> feeds of a page in the active language."""
    links = [
        {"type": "application/rss+xml", "title": _("Newest questions") + " (RSS)", "url": reverse("qa:feed_rss")},
        {"type": "application/atom+xml", "title": _("Newest questions") + " (Atom)", "url": reverse("qa:feed_atom")},
    ]
    if category is not None and category.current_slug():
        kwargs = {"slug": category.current_slug()}
        links += [
            {
                "type": "application/rss+xml",
                "title": f"{category.name} (RSS)",
                "url": reverse("qa:category_rss", kwargs=kwargs),
            },
            {
                "type": "application/atom+xml",
                "title": f"{category.name} (Atom)",
                "url": reverse("qa:category_atom", kwargs=kwargs),
            },
        ]
    return links
