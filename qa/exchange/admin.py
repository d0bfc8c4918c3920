"""The question admin with the exchange pages: the editorial question admin (which
replaced qa's) and, from this package, "New question from text" (text_admin.py) and
the translation files of the dashboard (po_admin.py)."""

from django.contrib import admin

from qa.editorial.admin import EditorialQuestionAdmin
from qa.models import Question

from .po_admin import TranslationFilesAdminMixin
from .text_admin import TextImportAdminMixin


class ExchangeQuestionAdmin(TextImportAdminMixin, TranslationFilesAdminMixin, EditorialQuestionAdmin):
    pass


admin.site.unregister(Question)
admin.site.register(Question, ExchangeQuestionAdmin)
