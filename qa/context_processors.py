from django.conf import settings

from .feeds import feed_links
from .links import language_tabs


def site(request):
    """What every page shows: the site name and tagline; and defaults a view may replace
    (callables, run by the template only when no view set them): language tabs to each
    language's home page (the 404 page, for one) and the language's feeds."""
    return {
        "site_name": settings.SITE_NAME,
        "site_tagline": settings.SITE_TAGLINE,
        "language_tabs": language_tabs,
        "feeds": feed_links,
    }
