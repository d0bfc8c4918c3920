"""JSON-LD: for question pages an FAQPage of the visible sub-questions and answers, and
a BreadcrumbList (home › category › question: the visible trail stops before the question,
whose title is the page's h1), only what the page itself shows; for the
home page a WebSite with a SearchAction, so that search engines can offer the site's
own search."""

import json

from django.conf import settings
from django.urls import reverse
from django.utils.safestring import mark_safe

from .markdown import html_to_text

# Inside <script>, "</script>" or "<!--" in a text would end or confuse the element.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003C", ">": "\\u003E", "&": "\\u0026"})


def as_script_json(data):
    """data as JSON that is safe inside a <script type="application/ld+json"> element."""
    return mark_safe(json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_SAFE))  # noqa: S308


def question_page(question, answers, absolute, code):
    """The structured data of a question page; `absolute` makes a path absolute."""
    url = absolute(question.get_absolute_url())
    faq = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "@id": url,
        "url": url,
        "name": question.title,
        "inLanguage": code,
        "datePublished": question.published_at.isoformat(),
        "dateModified": question.updated_at.isoformat(),
        "author": {"@type": "Person", "name": question.asker.name, "url": absolute(question.asker.get_absolute_url())},
        "mainEntity": [
            {
                "@type": "Question",
                "name": answer.heading,
                "acceptedAnswer": {"@type": "Answer", "text": html_to_text(answer.body_html)},
            }
            for answer in answers
        ],
    }
    crumbs = [(settings.SITE_NAME, absolute(reverse("qa:home")))]
    category_url = question.category.get_absolute_url()
    if category_url:
        crumbs.append((question.category.name, absolute(category_url)))
    crumbs.append((question.title, url))
    breadcrumbs = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": href}
            for n, (name, href) in enumerate(crumbs, start=1)
        ],
    }
    return as_script_json([faq, breadcrumbs])


def home_page(absolute, code):
    """The WebSite of the home page in language code, with its search (qa.search)."""
    search = absolute(reverse("qa:search"))
    return as_script_json(
        {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": settings.SITE_NAME,
            "url": absolute(reverse("qa:home")),
            "inLanguage": code,
            "potentialAction": {
                "@type": "SearchAction",
                "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
                "query-input": "required name=search_term_string",
            },
        }
    )
