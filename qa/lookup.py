"""Finding an object by the slug in a reader's URL.

A slug belongs to one language. A reader may arrive with a slug of another language
(an old link, a hand-edited URL, Django's `translate_url`): when the object is
available in the URL's language they get a 301 to its URL there; when it is not,
NotInLanguage tells the view to answer 404 with the languages it does exist in.
Questions also remember their earlier slugs (RetiredSlug): a changed slug keeps working.
"""

from django.db.models import Case, Q, When
from django.http import Http404
from django.utils.translation import gettext as _

from . import languages
from .languages import column
from .models import RetiredSlug


class Gone(Exception):
    """The address belonged to a question that has been deleted."""


class NotInLanguage(Exception):
    """The object exists, but not in the active language."""

    def __init__(self, obj):
        super().__init__(obj)
        self.obj = obj


def find_by_slug(queryset, slug):
    """Return (object, redirect_url): redirect_url is None when slug is the object's
    slug in the active language. Raises Http404 or NotInLanguage."""
    code = languages.active()
    # A slug is unique per language: no ordering needed ([:1], not .first()).
    obj = next(iter(queryset.filter(**{column("slug", code): slug})[:1]), None)
    own_slug = obj is not None
    if obj is None:
        other_languages = Q()
        for other in languages.codes():
            if other != code:
                other_languages |= Q(**{column("slug", other): slug})
        obj = queryset.filter(other_languages).first()
    if obj is None:
        raise Http404(_("No page has this address."))
    if code not in obj.available_languages():
        raise NotInLanguage(obj)
    return obj, None if own_slug else obj.get_absolute_url()


def find_question(queryset, slug):
    """find_by_slug for questions, which also know their earlier slugs: an old slug of
    any language redirects to the question's current URL here (or raises Gone once the
    question is deleted; Http404 while it is unpublished)."""
    try:
        return find_by_slug(queryset, slug)
    except Http404:
        code = languages.active()
        retired = (
            RetiredSlug.objects.filter(slug=slug)
            .order_by(Case(When(language=code, then=0), default=1), "-retired_at")
            .first()
        )
        if retired is None:
            raise
        if retired.question_id is None:
            raise Gone(slug) from None
        question = queryset.filter(pk=retired.question_id).first()
        if question is None:
            raise
        if code not in question.available_languages():
            raise NotInLanguage(question) from None
        return question, question.get_absolute_url()
