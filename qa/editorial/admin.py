"""The question admin of the editorial workflow, in place of qa's: each language's
state in the list, with filters and actions per language; what a translator may not do
(publish, unpublish, delete) refused in the form and the actions alike; preview links,
the history with comparison and restore, and the translation status (their own modules).

Who may do what is roles.py's rule: the actions and the form below ask it.
"""

import reversion
from django.contrib import admin, messages
from django.forms import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin

from qa import languages
from qa.admin import AnswerInline, QuestionAdmin
from qa.languages import column
from qa.models import Question

from . import roles, states
from .history_admin import HistoryAdminMixin
from .preview_admin import PreviewAdminMixin
from .translation_admin import TranslationStatusAdminMixin

State = Question.State


class CompleteWhenPublishedFormSet(BaseInlineFormSet):
    """A language set to Published in the form must be complete with the answers as
    submitted: the question's form alone cannot tell (nothing is saved otherwise)."""

    def clean(self):
        super().clean()
        question = self.instance
        kept = [form.cleaned_data for form in self.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")]
        for code in languages.codes():
            if getattr(question, column("state", code)) != State.PUBLISHED:
                continue
            pairs = [(data.get(column("heading", code)), data.get(column("body", code))) for data in kept]
            if not question.is_complete_in(code, pairs):
                raise ValidationError(
                    _(
                        "%(language)s cannot be published: the question, its address and every sub-question and "
                        "answer need text in %(language)s. Complete it or choose another state."
                    )
                    % {"language": languages.name(code)}
                )


class EditorialAnswerInline(AnswerInline):
    formset = CompleteWhenPublishedFormSet

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return fields if roles.may_publish(request.user) else fields + roles.ANSWER_FIELDS


def state_column(code):
    @admin.display(description=code.upper())
    def state(question):
        key = states.language_state(question, code)
        return format_html('<span class="state state-{}">{}</span>', key, states.LABELS[key])

    state.__name__ = column("state", code)
    return state


class LanguageStateFilter(admin.SimpleListFilter):
    """One filter per language: its state as language_state() tells it."""

    code = None

    def lookups(self, request, model_admin):
        return list(states.LABELS.items())

    def queryset(self, request, queryset):
        if self.value() in states.LABELS:
            return queryset.filter(states.in_state(self.value(), self.code))
        return queryset


def state_filter(code):
    return type(
        f"StateFilter_{code}",
        (LanguageStateFilter,),
        {"code": code, "title": languages.name(code), "parameter_name": column("state", code)},
    )


def state_action(code, state, description, permission):
    def action(modeladmin, request, queryset):
        reversion.set_comment(str(action.short_description))  # the changelist view records a revision
        questions = list(queryset)
        try:
            roles.refuse_state_change(request.user, questions, code, state)
            changed = states.change_state(questions, code, state)
        except states.Refused as refused:
            modeladmin.message_user(request, str(refused), messages.ERROR)
            return
        modeladmin.message_user(
            request,
            _("%(language)s: %(count)d question(s) changed.") % {"language": languages.name(code), "count": changed},
            messages.SUCCESS,
        )

    action.__name__ = f"{state}_{code}"
    return admin.action(description=description % {"language": languages.name(code)}, permissions=[permission])(action)


def language_actions():
    actions = []
    for code in languages.codes():
        actions += [
            state_action(code, State.REVIEW, _("Submit for review: %(language)s"), "change"),
            state_action(code, State.PUBLISHED, _("Publish: %(language)s"), "publish"),
            state_action(code, State.DRAFT, _("Unpublish (back to draft): %(language)s"), "publish"),
        ]
    return actions


class EditorialQuestionAdmin(
    TranslationStatusAdminMixin, PreviewAdminMixin, HistoryAdminMixin, VersionAdmin, QuestionAdmin
):
    inlines = [EditorialAnswerInline]
    list_display = [
        "__str__",
        "category",
        "published_at",
        *[state_column(code) for code in languages.codes()],
    ]
    list_filter = [*[state_filter(code) for code in languages.codes()], "category", "published_at"]
    actions = language_actions()

    def has_publish_permission(self, request):
        return roles.may_publish(request.user)

    def get_readonly_fields(self, request, obj=None):
        """Without the publishing permission the dates, a published language's state
        and the editors' fields (roles.question_fields) are shown, not offered."""
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            fields += [column("publish_at", code) for code in languages.codes()] + roles.question_fields()
            if obj is not None:
                fields += [
                    name
                    for code, name in self.state_columns()
                    if roles.allowed_states(request.user, obj.states()[code]) == [obj.states()[code]]
                ]
        return fields

    def get_prepopulated_fields(self, request, obj=None):
        """The slugs follow the titles as they are typed, for those who may edit them."""
        return super().get_prepopulated_fields(request, obj) if self.has_publish_permission(request) else {}

    @staticmethod
    def state_columns():
        return [(code, column("state", code)) for code in languages.codes()]

    def get_form(self, request, obj=None, **kwargs):
        """Each language's state offers what roles.allowed_states() allows from its
        current state: without the publishing permission, draft or in review."""
        form = super().get_form(request, obj, **kwargs)
        if self.has_publish_permission(request):
            return form
        user = request.user

        class TranslatorForm(form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                for _code, name in EditorialQuestionAdmin.state_columns():
                    if name in self.fields:
                        allowed = roles.allowed_states(user, getattr(self.instance, name))
                        self.fields[name].choices = [(v, label) for v, label in State.choices if v in allowed]

        return TranslatorForm


admin.site.unregister(Question)
admin.site.register(Question, EditorialQuestionAdmin)
