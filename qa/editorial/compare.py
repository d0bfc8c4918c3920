"""What differs between two states of a question: two revisions, or a revision and
the question as it is now, language by language and field by field, with its answers
added, removed and changed, and its tags.

A state is a Snapshot, read from a revision's stored versions (qa.editorial.history)
or from the database, so both sides compare the same way.
"""

from dataclasses import dataclass, field

from qa import languages
from qa.languages import column
from qa.models import Answer, Asker, Category, Question, Tag, TaggedQuestion

QUESTION_TEXT = ("title", "slug", "summary", "state", "publish_at")
ANSWER_TEXT = ("heading", "body")
SHARED = ("asker_id", "category_id", "source_language")


@dataclass
class Snapshot:
    question: dict
    answers: dict = field(default_factory=dict)  # answer pk -> its columns
    tags: set = field(default_factory=set)  # tag pks


def of_version(version):
    """The question, answers and tags as the revision of version stored them."""
    question_id = int(version.object_id)
    snapshot = Snapshot(question=version.field_dict)
    for other in version.revision.version_set.all():
        model = other._model
        if model is Answer and other.field_dict["question_id"] == question_id:
            snapshot.answers[int(other.object_id)] = other.field_dict
        elif model is TaggedQuestion and other.field_dict["content_object_id"] == question_id:
            snapshot.tags.add(other.field_dict["tag_id"])
    return snapshot


def of_question(question):
    """The question, answers and tags as they are now."""
    columns = [column(name, code) for name in ANSWER_TEXT for code in languages.codes()]
    return Snapshot(
        question={name: getattr(question, name) for name in (*SHARED, *own_columns())},
        answers={row["pk"]: row for row in question.answers.values("pk", "position", *columns)},
        tags=set(question.tagged_items.values_list("tag_id", flat=True)),
    )


def own_columns():
    return [column(name, code) for name in QUESTION_TEXT for code in languages.codes()]


@dataclass
class Change:
    label: str
    old: object
    new: object


@dataclass
class AnswerChange:
    kind: str  # "added", "removed", "changed"
    heading: str
    changes: list


def label(model, name):
    return model._meta.get_field(name).verbose_name


def differences(old, new):
    """{"shared": [Change], "tags": (removed names, added names), "languages": [(code,
    name, [Change], [AnswerChange])]}: only what differs."""
    shared = []
    for name, model in (("asker_id", Asker), ("category_id", Category)):
        if old.question.get(name) != new.question.get(name):
            names = {
                obj.pk: str(obj)
                for obj in model.objects.filter(pk__in=[old.question.get(name), new.question.get(name)])
            }
            shared.append(
                Change(
                    label(Question, name.removesuffix("_id")),
                    names.get(old.question.get(name)),
                    names.get(new.question.get(name)),
                )
            )
    if old.question.get("source_language") != new.question.get("source_language"):
        shared.append(
            Change(
                label(Question, "source_language"),
                old.question.get("source_language"),
                new.question.get("source_language"),
            )
        )
    tag_names = {tag.pk: str(tag) for tag in Tag.objects.filter(pk__in=old.tags | new.tags)}
    tags = (
        sorted(tag_names.get(pk, f"#{pk}") for pk in old.tags - new.tags),
        sorted(tag_names.get(pk, f"#{pk}") for pk in new.tags - old.tags),
    )
    per_language = []
    for code in languages.codes():
        fields = [
            Change(label(Question, name), old.question.get(column(name, code)), new.question.get(column(name, code)))
            for name in QUESTION_TEXT
            if old.question.get(column(name, code)) != new.question.get(column(name, code))
        ]
        answers = answer_changes(old.answers, new.answers, code)
        if fields or answers:
            per_language.append((code, languages.name(code), fields, answers))
    return {"shared": shared, "tags": tags, "languages": per_language}


def answer_changes(old, new, code):
    def heading(values):  # in this language, else the first that has it
        return next((text for c in [code, *languages.codes()] if (text := values.get(column("heading", c)))), "")

    found = []
    for pk in sorted(old.keys() | new.keys(), key=lambda pk: (new.get(pk) or old.get(pk))["position"]):
        before, after = old.get(pk), new.get(pk)
        texts = [column(name, code) for name in ANSWER_TEXT]
        if before is None and any(after.get(name) for name in texts):
            found.append(AnswerChange("added", heading(after), []))
        elif after is None and any(before.get(name) for name in texts):
            found.append(AnswerChange("removed", heading(before), []))
        elif before is not None and after is not None:
            changes = [
                Change(label(Answer, name), before.get(column(name, code)), after.get(column(name, code)))
                for name in ANSWER_TEXT
                if before.get(column(name, code)) != after.get(column(name, code))
            ]
            if changes:
                found.append(AnswerChange("changed", heading(after), changes))
    return found
