"""`{% page_links page %}`: numbered pagination for a list or the search results, with
previous and next (`rel`), the current page marked `aria-current`, and gaps as "…"
(Django's elided page range: the first and last page and two on each side of this one).
Page 1 is the list's own address, without `?page=1`, as qa.page_keys keeps it. Only the
parameters named in `keep` (the search's `q`) go into the links, never others a
visitor added."""

from urllib.parse import urlencode

from django import template
from django.core.paginator import Paginator

register = template.Library()


@register.inclusion_tag("includes/pagination.html", takes_context=True)
def page_links(context, page, keep=""):
    if page is None or not page.has_other_pages():
        return {"page": None}
    request = context["request"]
    kept = [(name, request.GET[name]) for name in keep.split(",") if name and request.GET.get(name)]

    def link(number):
        query = urlencode(kept + ([("page", number)] if number > 1 else []))
        return f"{request.path}?{query}" if query else request.path

    numbers = page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    return {
        "page": page,
        "previous": link(page.previous_page_number()) if page.has_previous() else None,
        "next": link(page.next_page_number()) if page.has_next() else None,
        "numbers": [
            {"number": n, "url": link(n), "current": n == page.number} if n != Paginator.ELLIPSIS else None
            for n in numbers
        ],
    }
