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


def texts(question_ids, code):
    """{question id: {"title": ..., "headings": ..., "body": ...}} in language code, for
    the questions that have a title in it: two queries, whatever their number."""
    titles = dict(
        Question.objects.filter(pk__in=question_ids)
        .exclude(**{f"{column('title', code)}__isnull": True})
        .exclude(**{column("title", code): ""})
        .values_list("pk", column("title", code))
    )
    found = {pk: {"title": title, "headings": [], "body": []} for pk, title in titles.items()}
    answers = (
        Answer.objects.filter(question_id__in=list(found))
        .order_by("question_id", "position", "pk")
        .values_list("question_id", column("heading", code), column("body_html", code))
    )
    for question_id, heading, body_html in answers:
        if heading:
            found[question_id]["headings"].append(heading)
        if body_html:
            found[question_id]["body"].append(html_to_text(body_html))
    return {
        pk: {"title": parts["title"], "headings": "\n".join(parts["headings"]), "body": "\n\n".join(parts["body"])}
        for pk, parts in found.items()
    }
