"""Finding an object by the slug in a reader's URL.

A slug belongs to one language. A reader may arrive with a slug of another language
(an old link, a hand-edited URL, Django's `translate_url`): when the object is
available in the URL's language they get a 301 to its URL there; when it is not,
NotInLanguage tells the view to answer 404 with the languages it does exist in.
"""

from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _

from . import languages
from .languages import column


class NotInLanguage(Exception):
    """The object exists, but not in the active language."""

    def __init__(self, obj):
        super().__init__(obj)
        self.obj = obj


def find_by_slug(queryset, slug):
    """Return (object, redirect_url): redirect_url is None when slug is the object's
    slug in the active language. Raises Http404 or NotInLanguage."""
    code = languages.active()
    obj = queryset.filter(**{column("slug", code): slug}).first()
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
