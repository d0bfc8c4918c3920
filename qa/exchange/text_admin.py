""" "New question from text" in the question admin (the parser and the rules: text.py).

One page, three steps, and no state kept between them: the form (the text of the page,
its language, a category); "Preview" parses it and shows what would be saved, the
answers rendered as readers will see them, with every warning and error naming its
line, and the form again with the text in it to correct; "Save as draft" parses the
submitted text once more (a preview proves nothing about what is posted next) and,
when there is no error, saves a draft in that language and opens its change form at
that language's tab.

The text is at most MAX_TEXT_LENGTH characters and settings.UPLOAD_MAX_BYTES bytes,
as the form says. It needs the permission to add questions, like the admin's own add
page.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.formats import number_format
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from qa import languages
from qa.editorial.dashboard import tab_url
from qa.markdown import render
from qa.models import Category

from . import text
from .text import MAX_TEXT_LENGTH


class TextImportForm(forms.Form):
    # strip=False: leading blank lines count, or every line number shown would be off.
    text = forms.CharField(
        label=gettext_lazy("Text of the page"),
        strip=False,
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 24, "cols": 100, "spellcheck": "false"}),
        help_text=gettext_lazy(
            "Paste the page as it reads: the first line that ends in a question mark is the question, each one "
            "after it a sub-question, with its answer below it."
        ),
    )
    language = forms.ChoiceField(label=gettext_lazy("Language of the text"), choices=settings.LANGUAGES)
    category = forms.ModelChoiceField(label=capfirst(gettext_lazy("category")), queryset=Category.objects.all())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = _("At most %(length)s characters and %(size)s.") % {
            "length": number_format(MAX_TEXT_LENGTH, force_grouping=True),
            "size": filesizeformat(settings.UPLOAD_MAX_BYTES),
        }
        self.fields["text"].help_text = f"{self.fields['text'].help_text} {limit}"
        self.fields["language"].initial = languages.active()
        categories = list(Category.objects.all()[:2])
        if len(categories) == 1:
            self.fields["category"].initial = categories[0].pk

    def clean_text(self):
        """The page in bytes, within settings.UPLOAD_MAX_BYTES like a translation file."""
        page, limit = self.cleaned_data["text"], settings.UPLOAD_MAX_BYTES
        if (size := len(page.encode("utf-8", "surrogatepass"))) > limit:
            raise forms.ValidationError(
                _("The text is %(size)s; at most %(limit)s are taken.")
                % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
            )
        return page


def preview_of(parsed):
    """The answers as readers will see them: rendered and sanitised by qa.markdown, so
    safe to show as HTML (as the question page shows body_html). An answer
    validate_body refused is not rendered (its limits are what keeps rendering fast:
    500,000 characters of "![" took 16 s): the errors above say why."""
    answers = []
    for answer in parsed.answers:
        refused = answer.line in parsed.refused_answers
        html = None if refused else mark_safe(render(answer.body))
        answers.append({"heading": answer.heading, "line": answer.line, "refused": refused, "html": html})
    return answers


class TextImportAdminMixin:
    """Adds "New question from text" to the question admin: its page (from-text/) and
    a link to it above the list of questions."""

    change_list_template = "exchange/change_list.html"

    def get_urls(self):
        view = self.admin_site.admin_view(self.from_text_view)
        return [path("from-text/", view, name="qa_question_from_text"), *super().get_urls()]

    def from_text_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = TextImportForm(request.POST or None)
        parsed = None
        if request.method == "POST" and form.is_valid():
            language = form.cleaned_data["language"]
            parsed = text.parse(form.cleaned_data["text"], language)
            if "save" in request.POST and not parsed.errors:
                question = text.save(parsed, language, form.cleaned_data["category"], user=request.user)
                messages.success(
                    request,
                    _("“%(title)s” is saved as a draft in %(language)s. Check it, then submit it for review.")
                    % {"title": parsed.title, "language": languages.name(language)},
                )
                return redirect(tab_url(question.pk, language))  # the change form, at the text's language
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("New question from text"),
            "form": form,
            "parsed": parsed,
            "answers": preview_of(parsed) if parsed else [],
            "preview_language": form.cleaned_data["language"] if parsed else None,
        }
        return TemplateResponse(request, "exchange/text_import.html", context)
