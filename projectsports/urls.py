"""Reader pages live under a language prefix (/nl/, /en/, /de/, /tr/) with translated
path words; the admin and machine-facing paths do not."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from qa import site_files, sitemaps, views
from qa.page_cache import language_neutral
from qa.sitemaps import SITEMAPS

urlpatterns = [
    path("", views.root_redirect, name="root"),
    path(settings.ADMIN_URL, admin.site.urls),
    path("robots.txt", language_neutral(site_files.robots_txt), name="robots_txt"),
    path("favicon.ico", site_files.favicon),
    path(
        "sitemap.xml",
        language_neutral(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap_index",
    ),
    path("sitemap-<section>.xml", language_neutral(sitemaps.section), name="sitemap_section"),
    path("", include("qa.editorial.urls")),
]

urlpatterns += i18n_patterns(path("", include("qa.urls")), prefix_default_language=True)

handler404 = "qa.error_pages.page_not_found"
handler500 = "qa.error_pages.server_error"
