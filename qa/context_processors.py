from django.conf import settings

from .links import language_tabs


def site(request):
    """Site name and tagline for every page, and language tabs to each language's home
    page for pages whose view names no object (the 404 page, for one)."""
    return {
        "site_name": settings.SITE_NAME,
        "site_tagline": settings.SITE_TAGLINE,
        "language_tabs": language_tabs,  # called by the template only when no view set it
    }
