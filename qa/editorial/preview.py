"""Any question in any language as readers will see it, whatever its state: for staff
in the admin (preview_admin.py), and for reviewers without an account through signed
links that expire.

- The page is the reader's question page: QuestionDetailView's template and context
  (answers, tags, related questions, language tabs), rendered in the previewed language,
  with a banner naming the language's state (states.language_state) and publication
  date. It is rendered in full on every request and kept nowhere: not in the fragment
  cache (PartsFromCacheMixin is not used) and, with `Cache-Control: private, no-store`,
  not in the page cache (qa.page_cache stores neither) nor in a browser or proxy; it
  carries `noindex`. Lists, feeds, sitemaps, search and related questions ask
  Question.objects.visible(), which a preview leaves as it is.
- A link for reviewers carries the question and the language, "<pk>.<code>", signed
  by django.core.signing.TimestampSigner (SALT): any app server that has the
  SECRET_KEY can check it, no state is kept, and it expires PREVIEW_LINK_DAYS after it
  was made. It cannot be withdrawn before then (only by rotating the SECRET_KEY). A
  link tampered with, expired, malformed (even when signed: not "<pk>.<code>") or
  dated later than now (beyond CLOCK_SKEW, the app servers' clocks being a little
  apart) is a 404, like any unknown address: signing itself takes a future date as
  valid, and such a link would outlive its lifetime.
- A link opens the one language it names: the tabs of a reviewer's page lead to the
  other languages' public pages where readers see them, never to their unpublished
  text. Staff may see every language, so their tabs switch between the previews.
- A language with no text (missing) has nothing to show: a 404 that says so.
"""

import re
import time
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from qa import languages
from qa.error_pages import error_page
from qa.languages import column
from qa.links import url_in
from qa.models import Question
from qa.views import QuestionDetailView

from . import states

SALT = "qa.editorial.preview"
STAFF_ROUTE = "admin:qa_question_preview"  # preview_admin.PreviewAdminMixin.get_urls
REVIEWER_ROUTE = "editorial:preview"  # urls.py
CLOCK_SKEW = timedelta(seconds=60)  # how far ahead another app server's clock may be
TOKEN_VALUE = re.compile(r"([1-9][0-9]{0,17})\.([a-z-]{2,12})")  # what make_token signs: "<pk>.<code>"


def link_lifetime():
    return timedelta(days=settings.PREVIEW_LINK_DAYS)


def make_token(question, code):
    return signing.TimestampSigner(salt=SALT).sign(f"{question.pk}.{code}")


def read_token(token):
    """(question pk, language code) of a token made by make_token within the link's
    lifetime, and not later than now; Http404 for any other."""
    signer = signing.TimestampSigner(salt=SALT)
    try:
        value = signer.unsign(token, max_age=link_lifetime())
        made = signing.b62_decode(token.rsplit(signer.sep, 2)[-2])
    except (signing.BadSignature, ValueError):  # SignatureExpired too; ValueError: signed, malformed
        raise Http404(_("No page has this address.")) from None
    found = TOKEN_VALUE.fullmatch(value)
    if found is None or made > time.time() + CLOCK_SKEW.total_seconds():
        raise Http404(_("No page has this address."))
    return int(found[1]), found[2]


def staff_url(question, code):
    return reverse(STAFF_ROUTE, args=[question.pk, code])


def reviewer_url(question, code):
    return reverse(REVIEWER_ROUTE, args=[make_token(question, code)])


def links_for(request, question):
    """What the change form offers per language (templates/editorial/preview_links.html):
    its state, the staff preview and an absolute link for reviewers, and until when a
    link made now is valid."""
    rows = []
    for code in languages.codes():
        state = states.language_state(question, code)
        has_text = state != states.MISSING
        rows.append(
            {
                "code": code,
                "name": languages.name(code),
                "label": states.LABELS[state],
                "staff_url": staff_url(question, code) if has_text else None,
                "reviewer_url": request.build_absolute_uri(reviewer_url(question, code)) if has_text else None,
            }
        )
    return {"languages": rows, "valid_until": timezone.now() + link_lifetime()}


def staff_preview(request, question, code):
    """The preview for staff (the admin checks who may see it): tabs to the preview of
    every language that has text."""

    def tab_url(other):
        return staff_url(question, other) if states.language_state(question, other) != states.MISSING else None

    return preview_response(request, question, code, tab_url)


@require_safe
def reviewer_preview(request, token):
    """The preview behind a link for reviewers: tabs to the other languages' public pages."""
    pk, code = read_token(token)
    question = get_object_or_404(Question.objects.select_related("category", "asker"), pk=pk)
    return preview_response(
        request, question, code, lambda other: request.path if other == code else url_in(other, obj=question)
    )


def preview_response(request, question, code, tab_url):
    """The question page in language code with the preview banner, or a 404 for a
    language that is not the site's or has no text; never stored anywhere.
    tab_url(code) is where a language's tab leads (None: not available)."""
    if code not in languages.codes():
        raise Http404(_("No page has this address."))
    with translation.override(code):
        state = states.language_state(question, code)
        if state == states.MISSING:
            response = error_page(
                request,
                404,
                _("Nothing to preview"),
                _("This question has no text in %(language)s yet.") % {"language": languages.name(code)},
            )
        else:
            response = HttpResponse(render_page(request, question, code, state, tab_url))
    patch_cache_control(response, private=True, no_store=True)
    response["Content-Language"] = code
    # The link for reviewers is in the address: not sent on to anyone, the site's
    # own stylesheet and image requests included (their log lines).
    response["Referrer-Policy"] = "no-referrer"
    return response


def render_page(request, question, code, state, tab_url):
    """QuestionDetailView's page, its related questions rendered in place instead of
    read from the fragment cache."""
    page = QuestionDetailView(request=request, object=question, kwargs={})
    context = page.page_context({"object": question, "question": question})
    context |= {
        "related": page.render_related(),
        "language_tabs": [
            {"code": other, "name": languages.name(other), "url": tab_url(other), "active": other == code}
            for other in languages.codes()
        ],
        "preview": {
            "language": languages.name(code),
            "state": state,
            "label": states.LABELS[state],
            "publish_at": getattr(question, column("publish_at", code)),
            "complete": getattr(question, column("is_complete", code)),
        },
    }
    return render_to_string(page.template_name, context, request=request)
