"""Who may do what to a question in the admin: the rule, in one place.

Publishing is the Editor's (permission `qa.publish_question`, groups.py). It covers
both directions: putting a language online, and taking one that readers can see, or
that is scheduled for them, off that course (unpublishing it, or submitting it for
review, which hides it just as well). So a language whose stored state is published
changes state only with the permission, and without it a language may only move
between draft and in review. The list actions (admin.state_action) ask
refuse_state_change(); the change form offers without the permission only the states
allowed_states() names and shows a published language's state and every date
read-only (admin.EditorialQuestionAdmin).

The other ways of hiding a language hold for everyone or are editors' by their
permissions: deleting needs `delete_question`; a language set to published cannot be
saved incomplete, by anyone (admin.CompleteWhenPublishedFormSet), so clearing its
text is refused; dates are read-only without the permission.

What files, addresses and orders a question (QUESTION_FIELDS, ANSWER_FIELDS) is the
editors' as well: read-only in the form for anyone who may not publish, so a crafted
POST cannot change it either (Django leaves read-only fields out of the form).
"""

from django.utils.translation import gettext_lazy as _

from qa import languages
from qa.languages import column
from qa.models import Question

from .states import Refused

State = Question.State
PUBLISH_PERMISSION = "qa.publish_question"


def question_fields():
    """The question's fields that are the editors' (slugs in every language)."""
    return ["category", "asker", "tags", "source_language", *[column("slug", code) for code in languages.codes()]]


ANSWER_FIELDS = ["position"]


def may_publish(user):
    return user.has_perm(PUBLISH_PERMISSION)


def is_publishing(current, state):
    """Whether moving a language from state current to state is publishing's decision."""
    return current != state and State.PUBLISHED in (current, state)


def allowed_states(user, current):
    """The states user may put a language in that is now in state current."""
    if may_publish(user):
        return list(State.values)
    return [state for state in State.values if not is_publishing(current, state)]


def refuse_state_change(user, questions, code, state):
    """Raise Refused, naming the questions, if user may not put language code of every
    one of questions in state."""
    held = [q for q in questions if state not in allowed_states(user, getattr(q, column("state", code)))]
    if held:
        raise Refused(
            _(
                "Nothing was changed: only an editor may publish %(language)s or take a published "
                "%(language)s offline, as this would for %(questions)s."
            )
            % {"language": languages.name(code), "questions": ", ".join(f"“{q}”" for q in held)}
        )
