"""What is indexed of a question in a language: its title, its sub-questions, the
text of its answers, and the names of its category and tags ("labels"), as readers of
that language see them (the answers' rendered HTML as text: markup and removed HTML are
never found). Every language with a title is
indexed whatever the question's state; whether readers may see it (published, due,
available) is asked at query time, so a scheduled question is found when it comes due
without a re-index.

Each backend stores three fields folded and stemmed by qa.search.text, title above
sub-questions and labels (one field: they weigh alike) above answers in rank.
"""

from qa.languages import column
from qa.markdown import html_to_text
from qa.models import Answer, Question, TaggedQuestion


def texts(question_ids, codes):
    """{code: {question id: {"title": ..., "headings": ..., "body": ...}}} for each
    language in codes, holding the questions that have a title in it: three queries for
    all the languages together, whatever the number of questions."""
    title, heading, body_html = ([column(field, code) for code in codes] for field in ("title", "heading", "body_html"))
    category = [f"category__{column('name', code)}" for code in codes]
    tag = [f"tag__{column('name', code)}" for code in codes]
    found = {code: {} for code in codes}
    n = len(codes)
    for pk, *columns in Question.objects.filter(pk__in=question_ids).values_list("pk", *title, *category):
        for i, code in enumerate(codes):
            if columns[i]:
                labels = [columns[n + i]] if columns[n + i] else []
                found[code][pk] = {"title": columns[i], "headings": [], "labels": labels, "body": []}
    tags = TaggedQuestion.objects.filter(content_object_id__in=question_ids).order_by("content_object_id", "tag_id")
    for question_id, *names in tags.values_list("content_object_id", *tag):
        for code, name in zip(codes, names, strict=True):
            if name and (parts := found[code].get(question_id)):
                parts["labels"].append(name)
    answers = (
        Answer.objects.filter(question_id__in=question_ids)
        .order_by("question_id", "position", "pk")
        .values_list("question_id", *heading, *body_html)
    )
    for question_id, *columns in answers:
        for i, code in enumerate(codes):
            parts = found[code].get(question_id)
            if parts is None:
                continue
            if columns[i]:
                parts["headings"].append(columns[i])
            if columns[n + i]:
                parts["body"].append(html_to_text(columns[n + i]))
    return {
        code: {
            pk: {
                "title": parts["title"],
                "headings": "\n".join(parts["headings"]),
                "labels": "\n".join(parts["labels"]),
                "body": "\n\n".join(parts["body"]),
            }
            for pk, parts in questions.items()
        }
        for code, questions in found.items()
    }
