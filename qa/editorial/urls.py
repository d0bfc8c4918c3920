"""The editorial workflow's URL outside the admin: links for reviewers without an
account (preview.py). Outside the language prefixes: the link names its language."""

from django.urls import path

from . import preview

app_name = "editorial"

urlpatterns = [
    path("preview/<str:token>/", preview.reviewer_preview, name="preview"),
]
