"""The sitemap index and its sections, on Django's sitemaps framework.

Each URL entry is one page in one language, listing as alternates every language the
page is available in (from the same available_languages() the pages use) and an
x-default chosen by qa.links. Only published, available pages are listed; Django
paginates each section at the protocol's 50,000 URLs.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q
from django.utils import timezone

from . import languages
from .links import url_in, x_default_language
from .models import Asker, Category, Question, Tag


class TranslatedSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = False  # Django's own x-default drops the language prefix; ours is below

    def get_languages_for_item(self, item):
        return item.available_languages()

    def location(self, item):
        # Django calls this under translation.override(<the entry's language>).
        return url_in(languages.active(), obj=item)

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url_info in urls:
            found = {alt["lang_code"]: alt["location"] for alt in url_info["alternates"]}
            if found:
                default = found[x_default_language(list(found))]
                url_info["alternates"].append({"lang_code": "x-default", "location": default})
        return urls

    def lastmod(self, item):
        return item.latest_change


class QuestionSitemap(TranslatedSitemap):
    def items(self):
        return Question.objects.published().available_in_any_language().order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class QuestionListSitemap(TranslatedSitemap):
    """Categories, tags and askers: listed once they have a published question."""

    def items(self):
        path = self.model.questions_path
        published = Q(**{f"{path}__status": Question.Status.PUBLISHED, f"{path}__published_at__lte": timezone.now()})
        return (
            self.model.objects.annotate(latest_change=Max(f"{path}__updated_at", filter=published))
            .filter(latest_change__isnull=False)
            .order_by("pk")
        )


class CategorySitemap(QuestionListSitemap):
    model = Category


class TagSitemap(QuestionListSitemap):
    model = Tag


class AskerSitemap(QuestionListSitemap):
    model = Asker


class HomeSitemap(TranslatedSitemap):
    def items(self):
        return ["qa:home"]

    def get_languages_for_item(self, item):
        return languages.codes()

    def location(self, item):
        return url_in(languages.active(), route=item)

    def lastmod(self, item):
        return Question.objects.published().aggregate(latest=Max("updated_at"))["latest"]


SITEMAPS = {
    "home": HomeSitemap,
    "questions": QuestionSitemap,
    "categories": CategorySitemap,
    "tags": TagSitemap,
    "askers": AskerSitemap,
}
