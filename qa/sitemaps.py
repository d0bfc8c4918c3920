"""The sitemap index and its sections, on Django's sitemaps framework.

One section per kind of page and language (`questions-en`, `tags-de`, ...) plus
`home`, each split into files of at most LIMIT URLs: at 100,000 questions a file is
1.7 MB and takes about 160 ms, the deepest as much as the first (qa.pagination reads
a page's ids from the language's own index), and the number of files comes from the
stored counts (qa.counts), so neither the index nor a file ever counts or loads every
question.

Each URL entry is one page in one language, listing as alternates every language the
page is available in (the same available_languages() the pages' tabs use, so the
sitemap and each page's hreflang links agree) and an x-default chosen by qa.links.
URLs are built from qa.links.around_slug, which gives what get_absolute_url() gives.
The index is Django's own view; a section file is written by section() below, the
same XML as Django's sitemap.xml template, without a template (a template pass over
5,000 entries with their alternates took over a second).
"""

from functools import partial
from xml.sax.saxutils import escape as xml_escape

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import x_robots_tag
from django.contrib.sites.shortcuts import get_current_site
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import Max, Q
from django.http import Http404, HttpResponse
from django.utils.http import http_date

from . import counts, languages
from .languages import column
from .links import around_slug, url_in, x_default_language
from .models import Asker, Category, Question, Tag, visible_languages
from .pagination import CountedPaginator

LIMIT = 2000


class LanguageSitemap(Sitemap):
    """One language's pages of one kind."""

    limit = LIMIT
    route = None

    def __init__(self, code):
        self.code = code

    def count(self):
        raise NotImplementedError

    @property
    def paginator(self):
        return CountedPaginator(self.items(), self.limit, self.count())

    def languages_of(self, item):
        return item.available_languages()

    def slug(self, item, code):
        return getattr(item, column("slug", code))

    def get_urls(self, page=1, site=None, protocol=None):
        """The entries of one file; Django's own would reverse() every alternate."""
        prefix = xml_escape(f"{self.get_protocol(protocol)}://{self.get_domain(site)}")
        parts = {code: around_slug(code, self.route) for code in languages.codes()}
        urls = []
        for item in self.paginator.page(page).object_list:
            found = {
                code: f"{prefix}{parts[code][0]}{self.slug(item, code)}{parts[code][1]}"
                for code in self.languages_of(item)
            }
            alternates = [{"lang_code": code, "location": url} for code, url in found.items()]
            alternates.append({"lang_code": "x-default", "location": found[x_default_language(list(found))]})
            urls.append(
                {
                    "item": item,
                    "location": found[self.code],
                    "lastmod": self.lastmod(item),
                    "changefreq": None,
                    "priority": None,
                    "alternates": alternates,
                }
            )
        self.latest_lastmod = max((url["lastmod"] for url in urls if url["lastmod"]), default=None)
        return urls


class QuestionSitemap(LanguageSitemap):
    """Questions as plain rows, not model instances: building thousands of instances
    took longer than everything else a file needs."""

    route = "qa:question"
    # What visible_languages reads of each row.
    flags = [column(field, code) for field in ("is_available", "publish_at") for code in languages.codes()]

    def items(self):
        slugs = [column("slug", code) for code in languages.codes()]
        # Newest first, like every list: the language's own partial index (qa.pagination).
        return (
            Question.objects.visible(self.code)
            .order_by("-published_at", "-pk")
            .values("pk", "updated_at", "published_at", *slugs, *self.flags)
        )

    def languages_of(self, row):
        """The languages a question is visible in, in tab order (as its tabs say)."""
        return visible_languages(row.__getitem__)

    def slug(self, row, code):
        return row[column("slug", code)]

    def count(self):
        return counts.total_visible(self.code)

    def lastmod(self, row):
        return max(row["updated_at"], row["published_at"])

    def get_latest_lastmod(self):
        return Category.objects.aggregate(latest=Max("latest_change"))["latest"]


class QuestionListSitemap(LanguageSitemap):
    """Categories, tags and askers: listed once they have a visible question (in any
    language), in each language they have a page in."""

    model = None

    def items(self):
        listed = Q()
        for code in languages.codes():
            listed |= Q(**{f"{column('question_count', code)}__gt": 0})
        return self.model.objects.available(self.code).filter(listed).order_by("pk")

    def count(self):
        return self.items().count()  # a few thousand rows at most, on the lists' own table

    def lastmod(self, item):
        return item.latest_change

    def get_latest_lastmod(self):
        return self.model.objects.aggregate(latest=Max("latest_change"))["latest"]


class CategorySitemap(QuestionListSitemap):
    model = Category
    route = "qa:category"


class TagSitemap(QuestionListSitemap):
    model = Tag
    route = "qa:tag"


class AskerSitemap(QuestionListSitemap):
    model = Asker
    route = "qa:asker"

    def slug(self, item, code):
        return item.slug


class HomeSitemap(Sitemap):
    """The home page in every language, one entry each."""

    def items(self):
        return languages.codes()

    def location(self, code):
        return url_in(code, route="qa:home")

    def get_urls(self, page=1, site=None, protocol=None):
        prefix = xml_escape(f"{self.get_protocol(protocol)}://{self.get_domain(site)}")
        found = {code: prefix + self.location(code) for code in self.paginator.page(page).object_list}
        latest = self.get_latest_lastmod()
        alternates = [{"lang_code": code, "location": url} for code, url in found.items()]
        alternates.append({"lang_code": "x-default", "location": found[x_default_language(list(found))]})
        self.latest_lastmod = latest
        return [
            {
                "item": code,
                "location": url,
                "lastmod": latest,
                "changefreq": None,
                "priority": None,
                "alternates": alternates,
            }
            for code, url in found.items()
        ]

    def get_latest_lastmod(self):
        return Category.objects.aggregate(latest=Max("latest_change"))["latest"]


def _sections():
    sections = {"home": HomeSitemap}
    for kind, sitemap in [
        ("questions", QuestionSitemap),
        ("categories", CategorySitemap),
        ("tags", TagSitemap),
        ("askers", AskerSitemap),
    ]:
        for code in languages.codes():
            # A factory, not an instance: Django makes one per request (get_urls keeps state).
            sections[f"{kind}-{code}"] = partial(sitemap, code)
    return sections


SITEMAPS = _sections()


URLSET_OPEN = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


def urlset(urls):
    """The <urlset> of entries as get_urls() gives them. Their URLs need no escaping
    of their own: the scheme and host are escaped once, slugs are ASCII words."""
    parts = [URLSET_OPEN]
    for url in urls:
        parts.append(f"<url><loc>{url['location']}</loc>")
        if url["lastmod"]:
            parts.append(f"<lastmod>{url['lastmod']:%Y-%m-%d}</lastmod>")
        parts.extend(
            f'<xhtml:link rel="alternate" hreflang="{alt["lang_code"]}" href="{alt["location"]}"/>'
            for alt in url["alternates"]
        )
        parts.append("</url>\n")
    parts.append("</urlset>\n")
    return "".join(parts)


@x_robots_tag
def section(request, section):
    """One file of one section: `/sitemap-<section>.xml?p=<page>`."""
    if section not in SITEMAPS:
        raise Http404(f"No sitemap section {section!r}")
    sitemap = SITEMAPS[section]()
    try:
        urls = sitemap.get_urls(page=request.GET.get("p", 1), site=get_current_site(request), protocol=request.scheme)
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404(f"No page {request.GET.get('p')!r} in this sitemap") from error
    response = HttpResponse(urlset(urls), content_type="application/xml")
    if sitemap.latest_lastmod:
        response["Last-Modified"] = http_date(sitemap.latest_lastmod.timestamp())
    return response


section.query_parameters = ("p",)  # qa.page_keys: the page cache keeps one entry per file
