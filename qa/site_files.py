"""Files every site answers at fixed addresses, outside the language prefixes."""

from django.conf import settings
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import reverse


def favicon(request):
    """Browsers ask for /favicon.ico on every page, the admin's included."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


def robots_txt(request):
    """Crawlers are kept out of the admin at its usual address; one moved elsewhere
    (settings.ADMIN_URL) is not named here, where anyone can read it."""
    lines = ["User-agent: *"]
    if settings.ADMIN_URL == settings.DEFAULT_ADMIN_URL:
        lines.append(f"Disallow: {reverse('admin:index')}")
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap_index'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
