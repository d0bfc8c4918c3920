"""The editorial admin: one tab per language (modeltranslation) on every text field.

Tags are chosen from the list of Tag objects instead of typed by name: taggit's
add-by-name looks names up in the admin's language only and would try to create a
duplicate tag when a question is saved under another language.
"""

import taggit.models
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline

from . import languages
from .languages import column
from .models import Answer, Asker, Category, Question, Tag
from .readtime import read_time_text
from .signals import one_change

# taggit registers its own, untranslated Tag model; this site's tags are qa.Tag.
admin.site.unregister(taggit.models.Tag)

# The site's name on every admin page, not "Django administration"; the index starts
# with what editors do first (templates/admin/index.html).
admin.site.site_header = admin.site.site_title = settings.SITE_NAME
admin.site.index_title = _("Editors' desk")


class LanguageBarAdmin(TabbedTranslationAdmin):
    """modeltranslation's tabs, switched by one language bar at the top of the form
    instead of a row of tabs above every field (templates/admin/qa/language_bar.html,
    static/js/language_bar.js). The script must come after modeltranslation's: naming
    those first is what keeps Media's merge from putting it before them."""

    change_form_template = "admin/qa/translated_change_form.html"

    @property
    def media(self):
        js = [
            "admin/js/jquery.init.js",
            "modeltranslation/js/tabbed_translation_fields.js",
            "js/language_bar.js",
            "js/admin_accessibility.js",
        ]
        return super().media + forms.Media(js=js, css={"all": ["css/admin.css"]})


class AnswerInline(TranslationStackedInline):
    model = Answer
    extra = 0
    min_num = 1
    fields = ["position", "heading", "body"]
    ordering = ["position", "pk"]


class QuestionForm(forms.ModelForm):
    tags = forms.ModelMultipleChoiceField(
        queryset=Tag.objects.all(),
        required=False,
        widget=FilteredSelectMultiple(_("tags"), is_stacked=False),
        label=capfirst(_("tags")),
    )

    class Meta:
        model = Question
        fields = ["tags"]  # the rest comes from QuestionAdmin.fieldsets


@admin.register(Question)
class QuestionAdmin(LanguageBarAdmin):
    change_form_template = "admin/qa/question/change_form.html"  # the bar, the translation status, previews
    form = QuestionForm
    inlines = [AnswerInline]
    # qa.editorial's admin, which replaces this one, adds each language's state.
    list_display = ["__str__", "category", "published_at"]
    list_filter = ["category", "published_at"]
    search_fields = [column("title", code) for code in languages.codes()]
    # At 100,000 questions the date drill-down scanned every row per page view and the
    # full count another time: the publication-date filter and filtered count remain.
    show_full_result_count = False
    list_per_page = 100
    # The change form of a question with ten answers is thousands of pixels tall.
    save_on_top = True
    autocomplete_fields = ["asker", "category"]
    prepopulated_fields = {"slug": ("title",)}
    readonly_fields = ["read_times", "published_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary"]}),
        (_("Filed under"), {"fields": ["asker", "category", "tags"]}),
        (
            _("Publication"),
            {"fields": ["state", "publish_at", "source_language", "published_at", "read_times", "updated_at"]},
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("category")

    def save_related(self, request, form, formsets, change):
        """The answers and tags of one submit are one change: the question's derived
        data is computed once for all of them (qa.signals.one_change)."""
        with one_change():
            super().save_related(request, form, formsets, change)

    @admin.display(description=_("read time"))
    def read_times(self, question):
        parts = []
        for code in languages.codes():
            minutes = getattr(question, column("read_time", code))
            parts.append(f"{languages.name(code)}: {read_time_text(minutes) if minutes else '—'}")
        return " · ".join(parts)


@admin.register(Category)
class CategoryAdmin(LanguageBarAdmin):
    list_display = ["__str__", "position"]
    list_editable = ["position"]
    search_fields = [column("name", code) for code in languages.codes()]
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Tag)
class TagAdmin(LanguageBarAdmin):
    list_display = ["__str__", *[column("name", code) for code in languages.codes()]]
    search_fields = [column("name", code) for code in languages.codes()]
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Asker)
class AskerAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ("name",)}
