"""The translation dashboard: per language, how many questions are up to date,
outdated, incomplete or missing, and each of those lists, newest source change first,
each question linked to its change form at that language's tab.

It reads only the stored statuses (models.TranslationStatus), never the questions'
text: the counts are one GROUP BY, a page of a list one walk of the list's index
(qa.pagination, with the count already known), whatever the number of questions.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from qa import languages
from qa.languages import column
from qa.pagination import CountedPaginator

from .models import TranslationStatus

Status = TranslationStatus.Status
# The columns of the table of counts; every one but the source language is a list.
COLUMNS = [Status.UP_TO_DATE, Status.OUTDATED, Status.INCOMPLETE, Status.MISSING, Status.SOURCE]
LISTS = COLUMNS[:-1]
PER_PAGE = 50


def counts():
    """{code: {status: questions}}, zero included."""
    found = TranslationStatus.objects.values_list("language", "status").annotate(n=Count("*")).order_by()
    table = {code: dict.fromkeys(COLUMNS, 0) for code in languages.codes()}
    for code, status, n in found:
        if code in table and status in table[code]:
            table[code][status] = n
    return table


def list_url(code, status, page=None):
    query = {"language": code, "status": status, **({"page": page} if page else {})}
    return f"{reverse('admin:qa_question_translations')}?{urlencode(query)}"


def tab_url(question_id, code):
    """The change form, at the tab of language code (static/editorial/translation_status.js)."""
    return f"{reverse('admin:qa_question_change', args=[question_id])}#language-{code}"


def chosen(request, table):
    """The list asked for (?language=…&status=…), else the outdated questions of the
    admin's language or, when it has none, of the first language that has some."""
    status = request.GET.get("status")
    status = status if status in LISTS else Status.OUTDATED
    code = request.GET.get("language")
    if code not in languages.codes():
        outdated = [c for c in [languages.active(), *languages.codes()] if table[c][Status.OUTDATED]]
        code = outdated[0] if outdated else languages.active()
    return code, status


def rows_of(code, status):
    titles = [f"question__{column('title', c)}" for c in languages.codes()]
    return (
        TranslationStatus.objects.filter(language=code, status=status)
        .order_by("-source_changed_at", "-id")
        .select_related("question")
        .only("question_id", "source_changed_at", "question__source_language", *titles)
    )


def item(row, code):
    question = row.question
    return {
        "source_title": getattr(question, column("title", question.source_language)),
        "source_name": languages.name(question.source_language),
        "title": getattr(question, column("title", code)),
        "source_changed_at": row.source_changed_at,
        "url": tab_url(row.question_id, code),
    }


def view(model_admin, request):
    if not model_admin.has_view_or_change_permission(request):
        raise PermissionDenied
    table = counts()
    code, status = chosen(request, table)
    page = CountedPaginator(rows_of(code, status), PER_PAGE, table[code][status]).get_page(request.GET.get("page"))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": _("Translation status"),
        "columns": [Status(column_status).label for column_status in COLUMNS],
        "table": [
            {
                "name": languages.name(language),
                "cells": [
                    {
                        "count": table[language][cell],
                        "url": list_url(language, cell) if cell in LISTS else None,
                        "current": (language, cell) == (code, status),
                    }
                    for cell in COLUMNS
                ],
            }
            for language in languages.codes()
        ],
        "language": languages.name(code),
        "language_code": code,
        "status": Status(status).label,
        "page": page,
        "items": [item(row, code) for row in page],
        "previous": list_url(code, status, page.previous_page_number()) if page.has_previous() else None,
        "next": list_url(code, status, page.next_page_number()) if page.has_next() else None,
    }
    template = getattr(model_admin, "translation_dashboard_template", "editorial/translation_dashboard.html")
    return TemplateResponse(request, template, context)
