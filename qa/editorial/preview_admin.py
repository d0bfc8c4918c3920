"""Preview in the question admin (see preview.py): the staff preview's URL, a column of
per-language preview links in the list, and in the change form a Preview menu with
each language's state, its staff preview and a link for reviewers to copy."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import path
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from qa import languages

from . import preview, states


def preview_link(question, code):
    """A language's code, linking to its preview where it has text; its state on hover."""
    state = states.language_state(question, code)
    if state == states.MISSING:
        return code.upper()
    title = f"{languages.name(code)}: {states.LABELS[state]}"
    return format_html('<a href="{}" title="{}">{}</a>', preview.staff_url(question, code), title, code.upper())


@admin.display(description=_("preview"))
def preview_column(question):
    return format_html_join(" ", "{}", ((preview_link(question, code),) for code in languages.codes()))


class PreviewAdminMixin:
    def get_urls(self):
        """<pk>/preview/<code>/, before the admin's catch-all <pk>/ (a redirect to the form)."""
        name = f"{self.opts.app_label}_{self.opts.model_name}_preview"
        view = self.admin_site.admin_view(require_safe(self.preview_view))
        return [path("<int:object_id>/preview/<str:code>/", view, name=name), *super().get_urls()]

    def preview_view(self, request, object_id, code):
        """Anyone who may view the question (admin_view sends others to the login page)."""
        question = self.get_object(request, object_id)
        if question is None:
            raise Http404
        if not self.has_view_permission(request, question):
            raise PermissionDenied
        return preview.staff_preview(request, question, code)

    def get_list_display(self, request):
        return [*super().get_list_display(request), preview_column]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk is not None:
            context["preview_links"] = preview.links_for(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    @property
    def media(self):
        return super().media + forms.Media(css={"all": ["css/preview_admin.css"]})
