"""Revisions of questions (django-reversion): every language's text, the answers and
the tags of a question at each save, who made it and why; comparing two of them, and
restoring one.

Registered here, from the app's ready(), because:
- modeltranslation must have added `title_nl`, ... first, or only the base column is
  recorded and a restore writes one language into another's column;
- VersionAdmin registers its model itself when the admin is discovered (before this
  app is ready): the registration is replaced by one with these options;
- the base columns modeltranslation keeps (`title`, `body`, ...) mirror whichever
  language was active and are left out; a restore runs under one fixed language;
- tags are links (TaggedQuestion rows), followed like the answers.

A restore writes the stored rows back as they were (reversion saves them raw, without
Question.save()), so it then saves the question the normal way: read times,
availability, the search index, counts and the content version follow as on any save,
and slugs it gave up are remembered as retired (old links keep working).
"""

import reversion
from django.conf import settings
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from reversion.models import Version

from qa import languages
from qa.languages import column
from qa.models import Answer, Question, RetiredSlug, TaggedQuestion
from qa.signals import one_change

# The columns modeltranslation keeps beside the per-language ones: never recorded.
QUESTION_BASE = ("title", "slug", "summary", "state", "publish_at", "read_time", "is_complete", "is_available")
ANSWER_BASE = ("heading", "body", "body_html")
SLUGS = [column("slug", code) for code in languages.codes()]


def register():
    options = {
        Question: {"follow": ("answers", "tagged_items"), "exclude": QUESTION_BASE},
        Answer: {"exclude": ANSWER_BASE},
        TaggedQuestion: {},
    }
    for model, kwargs in options.items():
        if reversion.is_registered(model):
            reversion.unregister(model)
        reversion.register(model, **kwargs)


register()


def versions_of(question_id):
    """The recorded versions of a question, newest first."""
    return Version.objects.get_for_object_reference(Question, question_id).select_related("revision__user")


@transaction.atomic
def restore(version, user=None):
    """Bring the question of version back as it was then: every language's columns,
    its answers (deleted ones come back, later ones go) and its tags. Works for a
    deleted question too. Returns the question."""
    question_id = int(version.object_id)
    row = Question.objects.filter(pk=question_id).values(*SLUGS).first() or {}
    slugs_before = {code: row.get(column("slug", code)) for code in languages.codes()}
    with translation.override(settings.LANGUAGE_CODE), one_change(), reversion.create_revision():
        version.revision.revert(delete=True)
        question = Question.objects.get(pk=question_id)
        question.save()  # derived data, tag dates, search index, counts, content version
        given_up = {
            code: slug
            for code, slug in slugs_before.items()
            if slug and slug != getattr(question, column("slug", code))
        }
        RetiredSlug.retire(question, given_up)
        for code in languages.codes():  # its own slugs are its own again (after a delete: 410)
            if slug := getattr(question, column("slug", code)):
                RetiredSlug.objects.filter(language=code, slug=slug).delete()
        if user is not None:
            reversion.set_user(user)
        when = formats.date_format(timezone.localtime(version.revision.date_created), "DATETIME_FORMAT")
        reversion.set_comment(_("Restored the revision of %(date)s.") % {"date": when})
    return question
