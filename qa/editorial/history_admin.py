"""The history pages of the question admin: the list of revisions with a choice of
two to compare, a revision compared with the question as it is now and a button to
restore it, and the recovery of a deleted question (django-reversion's pages, with
restore done by qa.editorial.history.restore instead of a pre-filled form, so that
the question is saved the normal way afterwards).

Seeing the history needs view permission; restoring and recovering change what
readers see in every language, so they need the publishing permission too.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from reversion.models import Version

from qa.models import Question

from . import compare, history, roles


class HistoryAdminMixin:
    object_history_template = "editorial/history.html"

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:object_id>/history/compare/", view(self.compare_view), name="qa_question_compare"),
            *super().get_urls(),
        ]

    def has_restore_permission(self, request):
        return self.has_change_permission(request) and roles.may_publish(request.user)

    def history_view(self, request, object_id, extra_context=None):
        context = {
            "can_restore": self.has_restore_permission(request),
            "versions": history.versions_of(object_id),
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)

    def version_of(self, object_id, version_id):
        version = Version.objects.get_for_model(Question).filter(pk=version_id, object_id=str(object_id)).first()
        if version is None:
            raise Http404(_("This question has no such revision."))
        return version

    def compare_view(self, request, object_id):
        """Two revisions side by side: ?old=<version id>&new=<version id>."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        question = get_object_or_404(Question, pk=object_id)
        try:
            old_id, new_id = int(request.GET.get("old", "")), int(request.GET.get("new", ""))
        except ValueError:
            messages.error(request, _("Choose two revisions to compare."))
            return redirect(reverse("admin:qa_question_history", args=[object_id]))
        old, new = self.version_of(object_id, old_id), self.version_of(object_id, new_id)
        if old.revision.date_created > new.revision.date_created:
            old, new = new, old
        return self.render_comparison(request, question, old, compare.of_version(old), new, compare.of_version(new))

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """A revision compared with the question now; POST restores it."""
        question = get_object_or_404(Question, pk=object_id)
        version = self.version_of(object_id, version_id)
        if request.method == "POST":
            if not self.has_restore_permission(request):
                raise PermissionDenied
            return self.restored(request, version)
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        return self.render_comparison(
            request,
            question,
            version,
            compare.of_version(version),
            None,
            compare.of_question(question),
            restore=version,
        )

    def recover_view(self, request, version_id, extra_context=None):
        """A deleted question as it was; POST brings it back."""
        if not (self.has_add_permission(request) and self.has_restore_permission(request)):
            raise PermissionDenied
        version = get_object_or_404(Version.objects.get_deleted(Question), pk=version_id)
        if request.method == "POST":
            return self.restored(request, version)
        context = {
            **self.admin_site.each_context(request),
            "opts": Question._meta,
            "title": _("Recover “%(name)s”") % {"name": version.object_repr},
            "version": version,
            "snapshot": compare.of_version(version),
        }
        return TemplateResponse(request, "editorial/recover.html", context)

    def restored(self, request, version):
        try:
            question = history.restore(version, request.user)
        except IntegrityError:
            messages.error(
                request,
                _("Nothing was restored: another question now has one of this revision's addresses (slugs)."),
            )
            return redirect(reverse("admin:qa_question_history", args=[version.object_id]))
        messages.success(request, _("“%(name)s” is restored as it was then.") % {"name": question})
        return redirect(reverse("admin:qa_question_change", args=[question.pk]))

    def render_comparison(self, request, question, old_version, old, new_version, new, restore=None):
        context = {
            **self.admin_site.each_context(request),
            "opts": Question._meta,
            "original": question,
            "title": _("Changes to “%(name)s”") % {"name": question},
            "old_version": old_version,
            "new_version": new_version,
            "differences": compare.differences(old, new),
            "restore": restore if restore is not None and self.has_restore_permission(request) else None,
        }
        return TemplateResponse(request, "editorial/compare.html", context)
