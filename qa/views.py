"""Reader pages. Each one asks the models what is visible (Question.objects.visible)
and qa.links where it is in the other languages; templates only show the result."""

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from . import counts, languages, structured_data
from .error_pages import gone, not_in_language
from .feeds import feed_links
from .fragments import PartsFromCacheMixin
from .links import language_tabs, url_in
from .lookup import Gone, NotInLanguage, find_by_slug, find_question
from .markdown import html_to_text
from .models import Asker, Category, Question, Tag
from .pagination import CountedPaginator
from .related import related_questions
from .slugs import anchor_ids

DESCRIPTION_LENGTH = 160

TOC_MIN_ANSWERS = 3  # from three answers a reader wants to see where each one is
# Where a cached page takes a part kept per content version (qa.fragments).
RELATED_MARK = mark_safe("<!-- related questions -->")  # noqa: S308 (a constant)
SIDEBAR_MARK = mark_safe("<!-- home sidebar -->")  # noqa: S308 (a constant)
PAGE_SIZE = 10


def root_redirect(request):
    """`/` goes to the home page in the reader's language: cookie, then Accept-Language."""
    code = translation.get_language_from_request(request)
    if code not in languages.codes():
        code = languages.active()
    response = redirect(url_in(code, route="qa:home"))
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


class TranslatedSlugMixin:
    """Finds self.object by its slug in the URL's language before the view runs;
    another language's slug redirects, an object missing in this language is a 404."""

    find_object = staticmethod(find_by_slug)

    def get(self, request, *args, **kwargs):
        try:
            self.object, redirect_to = self.find_object(self.get_object_queryset(), kwargs["slug"])
        except NotInLanguage as missing:
            return not_in_language(request, missing.obj)
        except Gone:
            return gone(request)
        if redirect_to:
            return HttpResponsePermanentRedirect(redirect_to)
        return super().get(request, *args, **kwargs)

    def get_object(self, queryset=None):
        return self.object

    def get_context_data(self, **kwargs):
        kwargs.setdefault("object", self.object)
        return super().get_context_data(language_tabs=language_tabs(obj=self.object), **kwargs)


class QuestionDetailView(TranslatedSlugMixin, PartsFromCacheMixin, DetailView):
    template_name = "qa/question_detail.html"
    context_object_name = "question"
    find_object = staticmethod(find_question)

    def get_object_queryset(self):
        return Question.objects.published().for_page()

    def page_key(self, context):
        # updated_at moves with any change of the question, its answers or its tags.
        question = self.object
        return (question.pk, question.updated_at, question.category_id, question.asker_id)

    def page_context(self, context):
        """The only part that reads the answers, category, asker and tags."""
        question = self.object
        answers = list(question.answers.all())
        for answer, anchor in zip(answers, anchor_ids(a.heading for a in answers), strict=False):
            answer.anchor = anchor
        description = question.summary or (html_to_text(answers[0].body_html) if answers else "")
        return {
            **context,
            "answers": answers,
            "show_toc": len(answers) >= TOC_MIN_ANSWERS,
            "tags": question.visible_tags(),
            "related": RELATED_MARK,
            "page_title": question.title,
            "meta_description": Truncator(description).chars(DESCRIPTION_LENGTH),
            "og_type": "article",
            "structured_data": structured_data.question_page(
                question, answers, self.request.build_absolute_uri, languages.active()
            ),
        }

    def version_parts(self):
        return {RELATED_MARK: ((self.object.pk,), self.render_related)}

    def render_related(self):
        context = {"related": related_questions(self.object)}
        return render_to_string(f"{self.template_name}#related", context, request=self.request)


class QuestionListView(PartsFromCacheMixin, ListView):
    """A paginated list of the questions visible in the active language."""

    paginate_by = PAGE_SIZE
    context_object_name = "questions"
    query_parameters = ("page",)  # qa.page_keys: what the page cache keys a list page by

    def get_queryset(self):
        return Question.objects.visible().for_listing()

    def list_count(self):
        """How many questions the list holds in the active language."""
        return counts.total_visible()

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        return CountedPaginator(
            queryset, per_page, self.list_count(), orphans=orphans, allow_empty_first_page=allow_empty_first_page
        )

    def page_key(self, context):
        """The list (its address), its page, its length and each question on the page
        as it was last changed: a new, changed or hidden question changes one of them."""
        page = context["page_obj"]
        shown = [(question.pk, question.updated_at) for question in page.object_list]
        return (self.request.path, page.number, page.paginator.count, shown)


class HomeView(QuestionListView):
    template_name = "qa/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            sidebar=SIDEBAR_MARK,
            language_tabs=language_tabs(route="qa:home"),
            page_title=settings.SITE_TAGLINE,
            structured_data=structured_data.home_page(self.request.build_absolute_uri, languages.active()),
            **kwargs,
        )

    def version_parts(self):
        return {SIDEBAR_MARK: ((), self.render_sidebar)}

    def render_sidebar(self):
        """The categories with their counts and the most used tags, once per version."""
        context = {"categories": Category.objects.available(), "popular_tags": Tag.objects.available().most_used()}
        return render_to_string(f"{self.template_name}#sidebar", context, request=self.request)


class CategoryView(TranslatedSlugMixin, QuestionListView):
    template_name = "qa/category.html"

    def get_object_queryset(self):
        return Category.objects.all()

    def get_queryset(self):
        return super().get_queryset().filter(category=self.object)

    def list_count(self):
        return self.object.question_count

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=self.object.name,
            meta_description=self.object.description,
            feeds=feed_links(category=self.object),
            **kwargs,
        )


class TagView(TranslatedSlugMixin, QuestionListView):
    template_name = "qa/tag.html"

    def get_object_queryset(self):
        return Tag.objects.all()

    def get_queryset(self):
        # The same order as every list, read from the tag's own index (TaggedQuestion
        # keeps a copy of the publication date).
        return (
            super().get_queryset().filter(tagged_items__tag=self.object).order_by("-tagged_items__published_at", "-pk")
        )

    def list_count(self):
        return self.object.question_count

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=_("Questions tagged “%(name)s”") % {"name": self.object.name}, **kwargs
        )


class AskerView(QuestionListView):
    """An asker's page; names and slugs of people are the same in every language."""

    template_name = "qa/asker.html"

    def get(self, request, *args, **kwargs):
        self.object = get_object_or_404(Asker, slug=kwargs["slug"])
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return super().get_queryset().filter(asker=self.object)

    def list_count(self):
        return self.object.question_count

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.object,
            language_tabs=language_tabs(obj=self.object),
            page_title=_("Questions asked by %(name)s") % {"name": self.object.name},
            **kwargs,
        )
