"""The site's URLs plus one page that fails, to see the 500 page."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from projectsports.urls import handler500  # noqa: F401
from projectsports.urls import urlpatterns as site_urlpatterns


def broken(request):
    raise RuntimeError("broken on purpose")


urlpatterns = [*site_urlpatterns, *i18n_patterns(path("broken/", broken))]
