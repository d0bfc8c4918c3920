"""What is indexed of a question in a language: its title, its sub-questions and the
text of its answers, as readers of that language see them (the answers' rendered HTML
as text: markup and removed HTML are never found). Every language with a title is
indexed whatever the question's state; whether readers may see it (published, due,
available) is asked at query time, so a scheduled question is found when it comes due
without a re-index.

Each backend stores the three fields folded and stemmed by qa.search.text, title
above sub-questions above answers in rank.
"""

from qa.languages import column
from qa.markdown import html_to_text
from qa.models import Answer, Question

FIELDS = ("title", "headings", "body")


def texts(question_ids, codes):
    """{code: {question id: {"title": ..., "headings": ..., "body": ...}}} for each
    language in codes, holding the questions that have a title in it: two queries for
    all the languages together, whatever the number of questions."""
    title, heading, body_html = ([column(field, code) for code in codes] for field in ("title", "heading", "body_html"))
    found = {code: {} for code in codes}
    for pk, *titles in Question.objects.filter(pk__in=question_ids).values_list("pk", *title):
        for code, text in zip(codes, titles, strict=True):
            if text:
                found[code][pk] = {"title": text, "headings": [], "body": []}
    answers = (
        Answer.objects.filter(question_id__in=question_ids)
        .order_by("question_id", "position", "pk")
        .values_list("question_id", *heading, *body_html)
    )
    n = len(codes)
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
            pk: {"title": parts["title"], "headings": "\n".join(parts["headings"]), "body": "\n\n".join(parts["body"])}
            for pk, parts in questions.items()
        }
        for code, questions in found.items()
    }
