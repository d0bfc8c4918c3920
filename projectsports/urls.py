"""Reader pages live under a language prefix (/nl/, /en/, /de/, /tr/) with translated
path words; the admin and machine-facing paths do not."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from qa import views

urlpatterns = [
    path("", views.root_redirect, name="root"),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(path("", include("qa.urls")), prefix_default_language=True)
