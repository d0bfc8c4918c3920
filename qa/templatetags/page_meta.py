"""The <head> links and meta tags every reader page carries: canonical, hreflang
alternates, description, Open Graph and Twitter card. The languages come from the
page's language tabs (qa.links), so tabs, hreflang and sitemaps always agree."""

from django import template
from django.templatetags.static import static

from qa import languages
from qa.links import OG_LOCALES, alternates

register = template.Library()


@register.inclusion_tag("includes/page_meta.html", takes_context=True)
def page_meta(context):
    request = context["request"]
    tabs = context.get("language_tabs")
    tabs = tabs() if callable(tabs) else tabs
    page = context.get("page_obj")
    canonical = request.build_absolute_uri(request.path)
    if page is not None and page.number > 1:
        # Page N of a list is its own page in one language: other languages have
        # other questions on their page N.
        canonical += f"?page={page.number}"
        links = [(languages.active(), canonical), ("x-default", canonical)]
    else:
        links = alternates(request.build_absolute_uri, tabs)
    current = languages.active()
    return {
        "canonical": canonical,
        "alternates": links,
        "title": context.get("page_title") or context.get("site_name"),
        "description": context.get("meta_description") or context.get("site_tagline"),
        "og_type": context.get("og_type", "website"),
        "og_locale": OG_LOCALES[current],
        "og_locale_alternates": [OG_LOCALES[code] for code, _url in links if code in OG_LOCALES and code != current],
        "og_image": request.build_absolute_uri(static("img/share.png")),
        "site_name": context.get("site_name"),
        "feeds": context.get("feeds", []),
    }
