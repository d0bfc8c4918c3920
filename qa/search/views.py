"""The results page, `/<lang>/<search>/?q=…&page=N` (path word translated: search,
zoeken, suche, ara). Never stored in the page cache and never indexed: each query is
a page of its own, and a crawler must not be able to fill Redis with them (the
response is private, which qa.page_cache does not store)."""

from django.conf import settings
from django.core.paginator import InvalidPage
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from qa import languages
from qa.links import language_tabs
from qa.models import Question

from .results import search
from .suggestions import suggest
from .text import MAX_QUERY_LENGTH, QueryTooLong

NEWEST = 5


class SearchView(TemplateView):
    template_name = "qa/search.html"
    query_parameters = ("q", "page")  # qa.page_keys; the page is never stored anyway

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        patch_cache_control(response, private=True, no_store=True)
        response["X-Robots-Tag"] = "noindex"
        return response

    def get_context_data(self, **kwargs):
        code = languages.active()
        text = self.request.GET.get("q", "").strip()
        context = super().get_context_data(
            page_title=_("Search"), query_text=text, language_tabs=language_tabs(route="qa:search"), **kwargs
        )
        if text:
            try:
                context["results"] = search(code, text, page=self.request.GET.get("page") or 1)
            except QueryTooLong:
                context["error"] = _("A search may have at most %(limit)s characters.") % {"limit": MAX_QUERY_LENGTH}
            except InvalidPage as error:
                raise Http404(_("No page has this address.")) from error
        results = context.get("results")
        if results and not results.count and not results.query.is_empty:
            context["suggestion"] = suggest(code, text)
        if not text or context.get("error") or not (results and results.count):
            context["newest"] = Question.objects.visible(code).for_listing(code)[:NEWEST]
        return context


def opensearch(request):
    """The OpenSearch description of the search in the URL's language
    (`<link rel="search">` on every page): browsers offer "search Project Sports"."""
    absolute = request.build_absolute_uri
    context = {
        "site_name": settings.SITE_NAME,
        "description": settings.SITE_TAGLINE,
        "language": languages.active(),
        "template": absolute(reverse("qa:search")) + "?q={searchTerms}",
        "icon": absolute(static("img/favicon.svg")),
    }
    return HttpResponse(
        render_to_string("qa/opensearch.xml", context, request=request),
        content_type="application/opensearchdescription+xml; charset=utf-8",
    )
