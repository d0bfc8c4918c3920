"""Reader URLs. Path words are translated (gettext), slugs are per language."""

from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from . import feeds, views
from .search.views import SearchView, opensearch

app_name = "qa"

CATEGORY = _("categories/<slug:slug>/")

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("feed.rss", feeds.LatestQuestionsFeed(), name="feed_rss"),
    path("feed.atom", feeds.LatestQuestionsAtomFeed(), name="feed_atom"),
    path(_("questions/<slug:slug>/"), views.QuestionDetailView.as_view(), name="question"),
    path(CATEGORY, views.CategoryView.as_view(), name="category"),
    path(format_lazy("{}feed.rss", CATEGORY), feeds.CategoryFeed(), name="category_rss"),
    path(format_lazy("{}feed.atom", CATEGORY), feeds.CategoryAtomFeed(), name="category_atom"),
    path(_("tags/<slug:slug>/"), views.TagView.as_view(), name="tag"),
    path(_("askers/<slug:slug>/"), views.AskerView.as_view(), name="asker"),
    path(_("search/"), SearchView.as_view(), name="search"),
    path("opensearch.xml", opensearch, name="opensearch"),
]
