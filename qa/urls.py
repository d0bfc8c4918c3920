"""Reader URLs. Path words are translated (gettext), slugs are per language."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "qa"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path(_("questions/<slug:slug>/"), views.QuestionDetailView.as_view(), name="question"),
    path(_("categories/<slug:slug>/"), views.CategoryView.as_view(), name="category"),
    path(_("tags/<slug:slug>/"), views.TagView.as_view(), name="tag"),
    path(_("askers/<slug:slug>/"), views.AskerView.as_view(), name="asker"),
]
