"""Translation status in the question admin (see translation_status.py):

- the change form shows each language's status in that language's tab, and beside
  each outdated part its source text as it is now; a translator ticks "translation
  checked" for a part or for a whole language, and saving the form records it
  (models.TranslationCheck: whoever may add and change those, the Translator group
  among them);
- the translation dashboard (dashboard.py) at translations/, linked from the list of
  questions and, as "Translation status" of the editorial workflow, from the admin index.
"""

from django import forms
from django.contrib import admin
from django.shortcuts import redirect
from django.urls import path

from . import dashboard, translation_status
from .models import TranslationStatus

# The form's checkboxes: "<code>:<unit key>" per outdated part, "<code>" per language.
CHECKED_UNITS, CHECKED_LANGUAGES = "translation_checked", "translation_checked_language"
CHECK_PERMISSIONS = ["editorial.add_translationcheck", "editorial.change_translationcheck"]


def checked_in(post):
    """{code: unit keys, or None for the whole language} ticked in a submitted form."""
    checked = {}
    for value in post.getlist(CHECKED_UNITS):
        code, _colon, key = value.partition(":")
        checked.setdefault(code, set()).add(key)
    for code in post.getlist(CHECKED_LANGUAGES):
        checked[code] = None
    return checked


class TranslationStatusAdminMixin:
    change_list_template = "editorial/translation_change_list.html"  # a link to the dashboard

    @property
    def media(self):
        """The script that opens a language's tab comes after modeltranslation's tabs:
        naming those first is what keeps Media's merge from putting it before them."""
        js = [
            "admin/js/jquery.init.js",
            "modeltranslation/js/tabbed_translation_fields.js",
            "editorial/translation_status.js",
        ]
        return super().media + forms.Media(js=js, css={"all": ["editorial/translation_status.css"]})

    def get_urls(self):
        view = self.admin_site.admin_view(self.translations_view)
        return [path("translations/", view, name="qa_question_translations"), *super().get_urls()]

    def translations_view(self, request):
        return dashboard.view(self, request)

    def has_check_permission(self, request):
        return self.has_change_permission(request) and request.user.has_perms(CHECK_PERMISSIONS)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if change and obj is not None:
            context.update(
                translation_status=translation_status.report(obj.pk),
                can_check_translations=self.has_check_permission(request),
                translations_checked=set(request.POST.getlist(CHECKED_UNITS) + request.POST.getlist(CHECKED_LANGUAGES)),
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_related(self, request, form, formsets, change):
        """After the answers: what is confirmed is the source text as saved."""
        super().save_related(request, form, formsets, change)
        checked = checked_in(request.POST)
        if change and checked and self.has_check_permission(request):
            translation_status.confirm(form.instance.pk, checked)


@admin.register(TranslationStatus)
class TranslationStatusAdmin(admin.ModelAdmin):
    """The admin index's way to the dashboard; the stored statuses are derived, never edited."""

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("qa.view_question")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        return redirect("admin:qa_question_translations")
