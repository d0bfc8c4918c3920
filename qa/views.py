"""Reader pages. Each one asks the models what is visible (Question.objects.visible)
and qa.links where it is in the other languages; templates only show the result."""

from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.views.generic import DetailView, ListView

from . import languages
from .links import language_tabs, url_in
from .lookup import NotInLanguage, find_by_slug
from .models import Asker, Category, Question, Tag
from .related import related_questions
from .slugs import anchor_ids

TOC_MIN_ANSWERS = 6
PAGE_SIZE = 10


def root_redirect(request):
    """`/` goes to the home page in the reader's language: cookie, then Accept-Language."""
    code = translation.get_language_from_request(request)
    if code not in languages.codes():
        code = languages.active()
    response = redirect(url_in(code, route="qa:home"))
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


def not_in_language(request, obj):
    """404 for an object that exists, but not in the URL's language: offer the others."""
    offers = [tab for tab in language_tabs(obj=obj) if tab["url"]]
    context = {"object": obj, "offers": offers, "language_tabs": language_tabs(obj=obj)}
    return render(request, "qa/not_in_language.html", context, status=404)


class TranslatedSlugMixin:
    """Finds self.object by its slug in the URL's language before the view runs;
    another language's slug redirects, an object missing in this language is a 404."""

    def get(self, request, *args, **kwargs):
        try:
            self.object, redirect_to = find_by_slug(self.get_object_queryset(), kwargs["slug"])
        except NotInLanguage as missing:
            return not_in_language(request, missing.obj)
        if redirect_to:
            return HttpResponsePermanentRedirect(redirect_to)
        return super().get(request, *args, **kwargs)

    def get_object(self, queryset=None):
        return self.object

    def get_context_data(self, **kwargs):
        kwargs.setdefault("object", self.object)
        return super().get_context_data(language_tabs=language_tabs(obj=self.object), **kwargs)


class QuestionDetailView(TranslatedSlugMixin, DetailView):
    template_name = "qa/question_detail.html"
    context_object_name = "question"

    def get_object_queryset(self):
        return Question.objects.published().with_availability().for_listing().prefetch_related("answers", "tags")

    def get_context_data(self, **kwargs):
        question = self.object
        answers = list(question.answers.all())
        for answer, anchor in zip(answers, anchor_ids(a.heading for a in answers), strict=False):
            answer.anchor = anchor
        return super().get_context_data(
            answers=answers,
            show_toc=len(answers) >= TOC_MIN_ANSWERS,
            tags=question.visible_tags(),
            related=related_questions(question),
            **kwargs,
        )


class QuestionListView(ListView):
    """A paginated list of the questions visible in the active language."""

    paginate_by = PAGE_SIZE
    context_object_name = "questions"

    def get_queryset(self):
        return Question.objects.visible().for_listing()


class HomeView(QuestionListView):
    template_name = "qa/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            categories=Category.objects.available().with_question_counts(),
            popular_tags=Tag.objects.available().most_used(),
            language_tabs=language_tabs(route="qa:home"),
            **kwargs,
        )


class CategoryView(TranslatedSlugMixin, QuestionListView):
    template_name = "qa/category.html"

    def get_object_queryset(self):
        return Category.objects.all()

    def get_queryset(self):
        return super().get_queryset().filter(category=self.object)


class TagView(TranslatedSlugMixin, QuestionListView):
    template_name = "qa/tag.html"

    def get_object_queryset(self):
        return Tag.objects.all()

    def get_queryset(self):
        return super().get_queryset().filter(tagged_items__tag=self.object)


class AskerView(QuestionListView):
    """An asker's page; names and slugs of people are the same in every language."""

    template_name = "qa/asker.html"

    def get(self, request, *args, **kwargs):
        self.object = get_object_or_404(Asker, slug=kwargs["slug"])
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return super().get_queryset().filter(asker=self.object)

    def get_context_data(self, **kwargs):
        return super().get_context_data(object=self.object, language_tabs=language_tabs(obj=self.object), **kwargs)
