"""Translation files in the question admin (po.py), from the translation dashboard:

- translations/file/?language=de[&status=outdated]: the PO file of a language (all its
  questions, or those with one status) as an attachment `project-sports-de.po`; seeing
  the dashboard is enough (view permission), the file changes nothing;
- translations/upload/: a form taking a filled-in file back, of at most
  settings.UPLOAD_MAX_BYTES (the form says so), with the language it is for chosen by
  the uploader (none at first) and compared with the file's Language header.
  Importing writes texts of questions and answers, so it needs what the change form
  needs for that: change permission on questions and on answers (the Translator group
  has both). Confirming the units a translator did not leave fuzzy is what the change
  form's "translation checked" boxes do, so it needs the same permissions
  (has_check_permission); without them the texts are written and nothing is
  confirmed, and the page says so.

The dashboard's template is this package's (exchange/translation_dashboard.html, which
extends the editorial one and fills its translation_files block); its links are put
into the dashboard's context here, after qa.editorial.dashboard.view made it.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from qa import languages
from qa.editorial.models import TranslationStatus

from . import po

CONTENT_TYPE = "text/x-gettext-translation; charset=utf-8"


def file_url(code, status=None):
    query = {"language": code, **({"status": status} if status else {})}
    return f"{reverse('admin:qa_question_translation_file')}?{urlencode(query)}"


def dashboard_url(code):
    return f"{reverse('admin:qa_question_translations')}?{urlencode({'language': code})}"


def listed_status(label):
    """The value of the status the dashboard lists, from the label it shows."""
    return next((status.value for status in TranslationStatus.Status if str(status.label) == str(label)), None)


class TranslationFileForm(forms.Form):
    """The file and the language it is for. The language is chosen, not taken from the
    file's Language header (which is only text in the file, and must say the same); it
    starts unchosen, so that the uploader says it. A file larger than
    settings.UPLOAD_MAX_BYTES is refused by its size, before it is read."""

    language = forms.ChoiceField(label=gettext_lazy("Language of the translations"))
    file = forms.FileField(label=gettext_lazy("Translation file (PO)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        names = [(code, languages.name(code)) for code in languages.codes()]
        self.fields["language"].choices = [("", "---------"), *names]
        help_text = _(
            "A file downloaded from the translation dashboard, with its translations filled in. An empty "
            "translation changes nothing; one still marked fuzzy is imported but not marked checked."
        )
        limit = _("At most %(limit)s.") % {"limit": filesizeformat(settings.UPLOAD_MAX_BYTES)}
        self.fields["file"].help_text = f"{help_text} {limit}"

    def clean_file(self):
        file = self.cleaned_data["file"]
        try:
            po.size_limit(file.size)
        except po.Refused as refused:
            raise forms.ValidationError(refused.problems) from None
        return file


class TranslationFilesAdminMixin:
    translation_dashboard_template = "exchange/translation_dashboard.html"

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("translations/file/", view(self.translation_file_view), name="qa_question_translation_file"),
            path("translations/upload/", view(self.translation_upload_view), name="qa_question_translation_upload"),
            *super().get_urls(),
        ]

    def has_translation_import_permission(self, request):
        return self.has_change_permission(request) and request.user.has_perm("qa.change_answer")

    def translations_view(self, request):
        """The dashboard, with the links to the files of the language it shows."""
        response = super().translations_view(request)
        context = getattr(response, "context_data", None)
        if context and "language_code" in context:
            code = context["language_code"]
            context.update(
                translation_file_url=file_url(code),
                translation_status_file_url=file_url(code, listed_status(context["status"])),
                translation_upload_url=(
                    reverse("admin:qa_question_translation_upload")
                    if self.has_translation_import_permission(request)
                    else None
                ),
            )
        return response

    def translation_file_view(self, request):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        code = request.GET.get("language", "")
        try:
            translations = po.export(
                po.check_language(code), po.statuses_from(request.GET.get("status")), request.build_absolute_uri
            )
        except ValueError as error:
            messages.error(request, str(error))
            return redirect("admin:qa_question_translations")
        response = HttpResponse(f"{translations}\n".encode(), content_type=CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="project-sports-{code}.po"'
        return response

    def translation_upload_view(self, request):
        if not self.has_translation_import_permission(request):
            raise PermissionDenied
        posted = request.method == "POST"
        form = TranslationFileForm(request.POST if posted else None, request.FILES if posted else None)
        if posted and form.is_valid():
            may_confirm = self.has_check_permission(request)
            try:
                report = po.import_file(
                    form.cleaned_data["file"].read(),
                    user=request.user,
                    confirm=may_confirm,
                    language=form.cleaned_data["language"],
                )
            except po.Refused as refused:
                form.add_error("file", refused.problems)
            else:
                messages.success(request, str(report))
                if not may_confirm:
                    messages.warning(
                        request,
                        _("You may not mark translations checked: the texts were written, none was confirmed."),
                    )
                return redirect(dashboard_url(report.language))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Upload a translation file (PO)"),
            "form": form,
        }
        return TemplateResponse(request, "exchange/translation_upload.html", context)
