"""Every type of reader page, in a language, on the demo content: what the page checks
(the Nu HTML checker, axe) go through. One place, so a new page type is checked by all."""

from django.urls import reverse
from django.utils import translation

from qa.languages import column
from qa.links import slug_path
from qa.models import Asker, Category, Question, Tag


def reader_pages(code):
    """{page type: path} in language code, on the demo content (load_demo)."""
    with translation.override(code):
        question = Question.objects.visible(code).order_by("pk").first()
        category = Category.objects.available(code).filter(**{f"{column('question_count', code)}__gt": 0}).first()
        tag = Tag.objects.available(code).filter(**{f"{column('question_count', code)}__gt": 0}).first()
        asker = Asker.objects.filter(**{f"{column('question_count', code)}__gt": 0}).first()
        word = question.title.split()[-1].strip("?¿")
        pages = {
            "home": reverse("qa:home"),
            "home-page-2": reverse("qa:home") + "?page=2",
            "question": question.get_absolute_url(),
            "category": category.get_absolute_url(),
            "tag": tag.get_absolute_url(),
            "asker": asker.get_absolute_url(),
            "search": f"{reverse('qa:search')}?q={word}",
            "search-nothing": f"{reverse('qa:search')}?q=zzxqv",
            "not-found": f"/{code}/no-such-page/",
        }
    missing = Question.objects.published().exclude(**{column("is_available", "tr"): True}).order_by("pk").first()
    if missing is not None:
        if code == "tr":  # its English slug at a Turkish address: the 404 that names the question
            pages["not-in-language"] = slug_path("tr", "qa:question", missing.slug_en)
        else:
            with translation.override(code):
                pages["question-without-turkish"] = missing.get_absolute_url()
    return pages
