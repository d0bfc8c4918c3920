"""Each language of a question as editors see it, and changing it for many at once.

The stored state of a language is draft, in review or published (`state_<code>`, with
its publication date `publish_at_<code>`); editors also need to see two more: a
published language whose date is still to come is **scheduled**, and a language with
no text at all is **missing**. What readers see follows from the stored columns alone
(qa.models.visible_in): nothing here decides visibility.

A language can only be published when its text is complete (Question.is_complete_in,
stored as `is_complete_<code>`): publishing a selection that holds an incomplete one
changes nothing and names it.
"""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qa import languages
from qa.languages import column
from qa.models import Question
from qa.signals import one_change

State = Question.State

MISSING, SCHEDULED = "missing", "scheduled"
LABELS = {
    MISSING: _("missing"),
    State.DRAFT: _("draft"),
    State.REVIEW: _("in review"),
    SCHEDULED: _("scheduled"),
    State.PUBLISHED: _("published"),
}


def language_state(question, code, now=None):
    """One of LABELS' keys for language code of question."""
    if not getattr(question, column("title", code)):
        return MISSING
    state = getattr(question, column("state", code))
    if state == State.PUBLISHED and getattr(question, column("publish_at", code)) > (now or timezone.now()):
        return SCHEDULED
    return state


def in_state(key, code, now=None):
    """The query condition for language_state(question, code) == key."""
    title, state, date = column("title", code), column("state", code), column("publish_at", code)
    now = now or timezone.now()
    if key == MISSING:
        return Q(**{f"{title}__isnull": True}) | Q(**{title: ""})
    has_text = Q(**{f"{title}__gt": ""})
    if key == SCHEDULED:
        return has_text & Q(**{state: State.PUBLISHED, f"{date}__gt": now})
    if key == State.PUBLISHED:
        return has_text & Q(**{state: State.PUBLISHED, f"{date}__lte": now})
    return has_text & Q(**{state: key})


class Refused(Exception):
    """A change of state that would leave something wrong; nothing was saved."""


def change_state(questions, code, state):
    """Put language code of each question in state, all or none (one transaction, one
    change for the derived data). Publishing needs complete text in code; unpublishing
    (back to draft) a scheduled language forgets its date, an earlier one is kept (it
    was published then); submitting it for review keeps it, so that publishing it again
    keeps the schedule. Who may do which is roles.py's. Returns how many questions changed."""
    questions = list(questions)
    if state == State.PUBLISHED:
        incomplete = [question for question in questions if not getattr(question, column("is_complete", code))]
        if incomplete:
            raise Refused(
                _("Nothing was published: the %(language)s text of %(questions)s is not complete.")
                % {"language": languages.name(code), "questions": ", ".join(f"“{q}”" for q in incomplete)}
            )
    changed = 0
    now = timezone.now()
    with transaction.atomic(), one_change():
        for question in questions:
            if getattr(question, column("state", code)) == state:
                continue
            date = getattr(question, column("publish_at", code))
            if state == State.DRAFT and date is not None and date > now:
                setattr(question, column("publish_at", code), None)
            question.set_state(state, [code])
            question.save()
            changed += 1
    return changed
