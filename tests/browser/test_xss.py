"""Stored XSS: a corpus of payloads in every text field of every language (question
title, summary, sub-questions and answers; category name and description; tag names;
asker names), shown in real Chromium on the reader pages in all four languages and on
the admin's lists and forms. No payload may run, neither under the site's CSP nor with
the CSP switched off (escaping and sanitising alone must hold), and the CSP must never
have had to block one; the feeds and sitemaps stay well-formed XML with the payloads
as text."""

import itertools
import math
import re
from datetime import timedelta
from urllib.parse import quote
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from qa import languages
from qa.languages import column
from qa.models import Answer, Asker, Category, Question, Tag
from qa.sitemaps import SITEMAPS
from tests.factories import in_state

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Each payload calls xss(§) (§ becomes its number) when it runs; xss() is defined by
# an init script in every frame. Every payload fits a 100-character name with a prefix.
PAYLOADS = [
    # Markup in text
    "<script>xss(§)</script>",
    "<SCRIPT SRC=data:,xss(§)></SCRIPT>",
    "<img src=x onerror=xss(§)>",
    '<img src="x" onerror="xss(§)">',
    "<svg onload=xss(§)>",
    "<svg><script>xss(§)</script></svg>",
    "<body onload=xss(§)>",
    "<details open ontoggle=xss(§)>",
    "<input autofocus onfocus=xss(§)>",
    "<video><source onerror=xss(§)></video>",
    "<iframe srcdoc='<script>parent.xss(§)</script>'></iframe>",
    '<iframe src="javascript:parent.xss(§)"></iframe>',
    '<object data="javascript:xss(§)"></object>',
    '<embed src="data:text/html,<script>parent.xss(§)</script>">',
    '<math><mi xlink:href="javascript:xss(§)">m</mi></math>',
    '<a href="javascript:xss(§)">link</a>',
    '<form><button formaction="javascript:xss(§)">go</button></form>',
    '<base href="javascript:xss(§)//">',
    '<meta http-equiv="refresh" content="0;url=javascript:xss(§)">',
    "<style>@import 'javascript:xss(§)';</style>",
    '<div style="width:expression(xss(§))">css</div>',
    '<div style="background:url(javascript:xss(§))">css</div>',
    "<x onclick=xss(§) tabindex=0 autofocus onfocus=xss(§)>",
    "<scr<script>ipt>xss(§)</scr</script>ipt>",
    '<noscript><p title="</noscript><img src=x onerror=xss(§)>">',
    "<select><option><img src=x onerror=xss(§)></option></select>",
    # Breaking out of where the text is put
    '"><svg onload=xss(§)>',
    "'><img src=x onerror=xss(§)>",
    '" autofocus onfocus="xss(§)',
    "' onmouseover='xss(§)' x='",
    "</title><script>xss(§)</script>",
    "</textarea><script>xss(§)</script>",
    "</script><script>xss(§)</script>",
    "</script><img src=x onerror=xss(§)>",
    "--><script>xss(§)</script><!--",
    "]]><script>xss(§)</script><![CDATA[",
    "</option></select><img src=x onerror=xss(§)>",
    '";xss(§);//',
    "'-xss(§)-'",
    "\\u003cscript\\u003exss(§)\\u003c/script\\u003e",
    "\u2028\u2029xss(§)//",
    # Entities, templates and look-alikes
    "&lt;script&gt;xss(§)&lt;/script&gt;",
    "&#60;img src=x onerror=xss(§)&#62;",
    "&#x3C;svg onload=xss(§)&#x3E;",
    "{{ xss(§) }} {% now 'Y' %} {{ 7|add:7 }}",
    "{% load static %}{% debug %} {# § #}",
    "{{constructor.constructor('xss(§)')()}}",
    "${xss(§)} #{xss(§)}",
    # Markdown
    "[md link](javascript:xss(§))",
    "[md case](JaVaScRiPt:xss(§))",
    "[md entity](javascript&#58;xss(§))",
    "[md space]( javascript:xss(§) )",
    "[md data](data:text/html,<script>xss(§)</script>)",
    "[md vb](vbscript:xss(§))",
    "![md image](javascript:xss(§))",
    "<javascript:xss(§)>",
    '[md title](https://example.org "x\\" onmouseover=\\"xss(§)")',
    "<https://example.org/?\"onmouseover='xss(§)'>",
    "`<script>xss(§)</script>` **<b onclick=xss(§)>b</b>**",
]
MARKDOWN_REFERENCE = "[md ref][r§]\n\n[r§]: javascript:xss(§)"
FENCE = "```html\n<script>xss(§)</script>\n```"

CODES = ("nl", "en", "de", "tr")
QUESTIONS = 4  # each with its own category and asker


def numbered(templates, start=1):
    return [template.replace("§", str(number)) for number, template in enumerate(templates, start=start)]


CORPUS = numbered(PAYLOADS)
MARKDOWN_EXTRA = numbered([MARKDOWN_REFERENCE, FENCE], start=len(PAYLOADS) + 1)
PREFIX = 8  # "T12 nl: " and the like, keeping every name distinct


def pack(pieces, limit):
    """The pieces joined by spaces into as few texts of at most limit characters as fit."""
    texts, current = [], ""
    for piece in pieces:
        assert len(piece) <= limit, piece
        joined = f"{current} {piece}" if current else piece
        if len(joined) <= limit:
            current = joined
        else:
            texts.append(current)
            current = piece
    return [*texts, current]


NAMES = pack(CORPUS, 100 - PREFIX)  # category, tag and asker names
TITLES = pack(CORPUS, 200 - PREFIX)
HEADINGS = pack(CORPUS, 200)  # one answer per heading, shifted by one in each language


def markdown_body():
    """Every payload as a paragraph, and some inside a list, a quote, a table, a heading
    and running text."""
    blocks = [*CORPUS, *MARKDOWN_EXTRA]
    blocks += [f"- {CORPUS[0]}\n- {CORPUS[2]}\n  1. {CORPUS[26]}", f"> {CORPUS[4]}\n> {CORPUS[48]}"]
    blocks += [f"| {CORPUS[2]} | b |\n| --- | --- |\n| {CORPUS[48]} | {CORPUS[27]} |", f"## {CORPUS[30]}"]
    blocks += [f"Text before {payload} and after." for payload in CORPUS[26:40]]
    return "\n\n".join(blocks)


@pytest.fixture
def payloads_everywhere():
    """Questions, categories, tags and askers whose every text field in every language
    holds payloads: together the names of each kind hold the whole corpus, and so do the
    titles, the sub-questions, and each summary, description and answer. Slugs are
    given: payloads make poor ones."""
    names_needed = math.ceil(len(NAMES) / len(CODES))
    with translation.override("en"):
        tags = []
        for t, names in enumerate(texts_for(names_needed, NAMES, "T")):
            tags.append(
                Tag.objects.create(
                    **{column("name", code): names[code] for code in CODES},
                    **{column("slug", code): f"xss-tag-{t}-{code}" for code in CODES},
                )
            )
        categories = []
        for c, names in enumerate(texts_for(max(QUESTIONS, names_needed), NAMES, "C")):
            categories.append(
                Category.objects.create(
                    position=c,
                    **{column("name", code): names[code] for code in CODES},
                    **{column("slug", code): f"xss-category-{c}-{code}" for code in CODES},
                    **{column("description", code): " ".join(CORPUS) for code in CODES},
                )
            )
        askers = [Asker.objects.create(name=f"A{a}: {name}", slug=f"xss-asker-{a}") for a, name in enumerate(NAMES)]
        questions = []
        for q, titles in enumerate(texts_for(QUESTIONS, TITLES, "Q")):
            question = Question.objects.create(
                asker=askers[q],
                category=categories[q],
                **in_state(Question.State.PUBLISHED, timezone.now() - timedelta(days=1, minutes=q)),
                **{column("title", code): titles[code] for code in CODES},
                **{column("slug", code): f"xss-question-{q}-{code}" for code in CODES},
                **{column("summary", code): " ".join(CORPUS) for code in CODES},
            )
            for position in range(len(HEADINGS)):
                Answer.objects.create(
                    question=question,
                    position=position + 1,
                    **{
                        column("heading", code): HEADINGS[(position + i) % len(HEADINGS)]
                        for i, code in enumerate(CODES)
                    },
                    **{column("body", code): markdown_body() for code in CODES},
                )
            question.tags.set(tags)
            question.refresh_from_db()
            questions.append(question)
    assert all(question.available_languages() == list(CODES) for question in questions)
    return {"questions": questions, "tags": tags, "categories": categories, "askers": askers}


def texts_for(count, texts, label):
    """count {code: text} tables that together use every text at least once."""
    endless = itertools.cycle(texts)
    return [{code: f"{label}{k} {code}: {next(endless)}" for code in CODES} for k in range(count)]


# -- watching a page --------------------------------------------------------------

WATCH = """
window.__xss = [];
window.__csp = [];
window.xss = n => window.__xss.push(n);
document.addEventListener('securitypolicyviolation', e =>
    window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample || ''}`));
"""

# What a payload would leave in the DOM if it came through as markup: an event handler,
# a script or style, or a URL that runs script, anywhere with "xss(" in it. Text nodes,
# form values and harmless attributes (title, content, alt, value) may hold payloads.
SCAN = r"""
() => {
    const found = [];
    const runs = /^\s*(javascript|vbscript|data)\s*:/i;
    const urls = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'background', 'ping'];
    for (const el of document.querySelectorAll('*')) {
        for (const attr of el.attributes) {
            const name = attr.name.toLowerCase(), value = attr.value;
            const where = `<${el.tagName.toLowerCase()} ${name}="${value.slice(0, 80)}">`;
            if (name.startsWith('on')) found.push(where);
            else if (urls.includes(name) && runs.test(value) && !value.startsWith('data:image/')) found.push(where);
            else if (['srcdoc', 'style'].includes(name) && value.includes('xss(')) found.push(where);
            else if (name === 'http-equiv') found.push(where);
        }
        const kind = (el.getAttribute('type') || '').toLowerCase();
        if (el.tagName === 'SCRIPT' && !['application/ld+json', 'application/json'].includes(kind)
                && (el.text.includes('xss(') || !(el.src || el.nonce))) {
            found.push(`<script> ${el.text.slice(0, 80)}`);
        }
        if (el.tagName === 'SCRIPT' && kind === 'application/ld+json') {
            try { JSON.parse(el.text); } catch (error) { found.push(`JSON-LD that does not parse: ${error}`); }
        }
        if (el.tagName === 'STYLE' && el.textContent.includes('xss(')) found.push(`<style> ${el.textContent}`);
        if (['IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'BASE'].includes(el.tagName)) found.push(`<${el.tagName}>`);
    }
    return found;
}
"""


class Watcher:
    """Everything a page did that a payload could have caused."""

    def __init__(self, page):
        self.page = page
        self.dialogs, self.errors, self.console = [], [], []
        page.add_init_script(WATCH)
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", lambda message: self.console.append(message.text) if message.type == "error" else None)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def visit(self, url, status=200, then=None):
        """Load url, do `then` (a click, say), give handlers (onerror, onfocus, ontoggle) a
        moment, and report."""
        self.dialogs.clear(), self.errors.clear(), self.console.clear()
        response = self.page.goto(url)
        assert response.status == status, (url, response.status)
        if then:
            then(self.page)
        self.page.wait_for_timeout(150)
        state = self.page.evaluate(
            f"""() => ({{ran: window.__xss, csp: window.__csp, dom: ({SCAN})(),
                        shown: document.documentElement.outerHTML.includes('xss(')}})"""
        )
        if status == 404:  # Chromium reports the page's own status as a failed load
            self.console = [line for line in self.console if "404 (Not Found)" not in line]
        return {
            "ran": sorted(set(state["ran"])) + self.dialogs,
            "errors": self.errors[:],
            "console": self.console[:],
            "csp": state["csp"],
            "dom": state["dom"],
            "shown": state["shown"] or status != 200,  # an error page need not repeat the address
        }


def reader_pages(content):
    """The pages showing the payloads, in every language: each question page, and a
    home, category, tag and asker page per language (a different one in each); and a
    404 for an address with a payload in it."""
    visits = []
    for i, code in enumerate(CODES):
        with translation.override(code):
            visits += [(question.get_absolute_url(), 200, None) for question in content["questions"]]
            visits.append((reverse("qa:home"), 200, None))
            visits.append((content["questions"][i].category.get_absolute_url(), 200, None))
            visits.append((content["tags"][i].get_absolute_url(), 200, None))
            visits.append((content["questions"][i].asker.get_absolute_url(), 200, None))
            visits.append((f"/{code}/{quote(CORPUS[2])}/?page={quote(CORPUS[26])}", 404, None))
    return visits


def admin_pages(content):
    """Each kind's list and change form; the question's with its category and asker
    choosers opened (their options come from the autocomplete view); and a search
    for a payload, which the list repeats."""
    question = content["questions"][0]
    visits = []
    for obj in [question, question.category, content["tags"][0], question.asker]:
        name = f"admin:{obj._meta.app_label}_{obj._meta.model_name}"
        opened = open_choosers if obj is question else None
        visits += [(reverse(f"{name}_changelist"), 200, None), (reverse(f"{name}_change", args=[obj.pk]), 200, opened)]
    visits.append((reverse("admin:qa_question_changelist") + "?q=" + quote(CORPUS[26]), 200, None))
    return visits


def open_choosers(page):
    for field in ["category", "asker"]:
        page.click(f"#select2-id_{field}-container")
        page.locator(".select2-results__option").first.wait_for()
        page.keyboard.press("Escape")


def log_in(page, live_server, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-password-for-tests")
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-password-for-tests")
    with page.expect_navigation():
        page.click("input[type=submit]")
    assert page.url == live_server.url + reverse("admin:index"), "the editor could not log in"


@pytest.fixture(params=["csp", "no-csp"])
def browsing(request, browser, live_server, django_user_model, payloads_everywhere):
    """A logged-in editor's browser, with the site's CSP enforced, or switched off to
    test escaping and sanitising alone."""
    context = browser.new_context(locale="en-GB", bypass_csp=request.param == "no-csp")
    page = context.new_page()
    watcher = Watcher(page)
    yield request.param, watcher, payloads_everywhere
    context.close()


def test_no_payload_runs_on_any_page(browsing, live_server, django_user_model):
    mode, watcher, content = browsing
    found = {"ran": {}, "blocked by the CSP": {}, "markup": {}, "errors": {}, "no payload shown": {}}
    for url, status, then in reader_pages(content):
        collect(url, watcher.visit(live_server.url + url, status, then), found)
    log_in(watcher.page, live_server, django_user_model)
    for url, status, then in admin_pages(content):
        collect(url, watcher.visit(live_server.url + url, status, then), found)

    assert not found["ran"], f"payloads ran ({mode}): {found['ran']}"
    assert not found["markup"], f"payloads came through as markup ({mode}): {found['markup']}"
    assert not found["blocked by the CSP"], (
        f"escaping let payloads through, and only the CSP stopped them: {found['blocked by the CSP']}"
    )
    assert not found["errors"], f"errors in the console ({mode}): {found['errors']}"
    assert not found["no payload shown"], f"pages without the payloads: {list(found['no payload shown'])}"


def collect(url, seen, found):
    csp = [line[:200] for line in seen["console"] if "Content Security Policy" in line]
    others = seen["errors"] + [line[:200] for line in seen["console"] if "Content Security Policy" not in line]
    for kind, what in [
        ("ran", seen["ran"]),
        ("blocked by the CSP", seen["csp"] + csp),
        ("markup", seen["dom"]),
        ("errors", others),
        ("no payload shown", not seen["shown"]),
    ]:
        if what:
            found[kind][url] = what


CANARY = f"""<!doctype html><title>canary</title><body><p>{CORPUS[2]}</p><p>{CORPUS[4]}</p>
<script>xss(1000)</script><a href="javascript:xss(1001)">x</a></body>"""


@pytest.mark.parametrize("csp", [None, "script-src 'self'"])
def test_the_watcher_sees_a_payload_that_runs_or_is_blocked(browser, live_server, csp):
    """The test above can fail: a page with payloads as markup is caught by each check."""
    context = browser.new_context()
    page = context.new_page()
    watcher = Watcher(page)
    headers = {"Content-Type": "text/html"} | ({"Content-Security-Policy": csp} if csp else {})
    page.route("**/canary/", lambda route: route.fulfill(status=200, headers=headers, body=CANARY))
    seen = watcher.visit(f"{live_server.url}/canary/")
    context.close()
    assert seen["dom"], seen
    if csp:
        assert not seen["ran"] and seen["csp"], seen
    else:
        assert set(seen["ran"]) >= {3, 5, 1000}, seen


def test_the_payloads_show_as_text(page, live_server, payloads_everywhere):
    """Escaped once, not twice, not interpreted: the title, the sub-questions and the
    structured data say exactly what the editor typed."""
    for question in payloads_everywhere["questions"]:
        for code in CODES:
            with translation.override(code):
                url = live_server.url + question.get_absolute_url()
            page.goto(url)
            title = getattr(question, column("title", code))
            assert page.locator("h1").inner_text() == title, url
            assert page.title().startswith(" ".join(ASCII_SPACE.split(title.strip()))), url  # as browsers collapse it
            headings = page.locator("section.answer h2").all_inner_texts()
            assert headings == [getattr(a, column("heading", code)) for a in question.answers.all()], url
            data = page.evaluate(
                "() => JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').text)"
            )
            assert data[0]["name"] == title, url
            assert data[0]["author"]["name"] == question.asker.name, url


ASCII_SPACE = re.compile(r"[ \t\n\f\r]+")
ATOM = "{http://www.w3.org/2005/Atom}"


def test_feeds_and_sitemaps_stay_xml_with_the_payloads_as_text(client, payloads_everywhere):
    """Every feed parses, holds no markup of its own, and has the titles and names as
    they were typed; so does every sitemap file."""
    for code in CODES:
        with translation.override(code):
            for question in payloads_everywhere["questions"]:
                title = getattr(question, column("title", code))
                category = question.category
                slug = {"slug": category.current_slug()}
                for url in [reverse("qa:category_rss", kwargs=slug), reverse("qa:category_atom", kwargs=slug)]:
                    feed = well_formed(client, url)
                    assert feed_title(feed) == f"{category.name} — Project Sports", url
                    assert item_titles(feed) == [title], url
            for url in [reverse("qa:feed_rss"), reverse("qa:feed_atom")]:
                titles = [getattr(q, column("title", code)) for q in payloads_everywhere["questions"]]
                assert sorted(item_titles(well_formed(client, url))) == sorted(titles), url
    for url in [reverse("sitemap_index"), *[f"/sitemap-{section}.xml" for section in SITEMAPS]]:
        well_formed(client, url)


def feed_title(root):
    return root.findtext("channel/title") if root.tag == "rss" else root.findtext(f"{ATOM}title")


def item_titles(root):
    if root.tag == "rss":
        return [item.findtext("title") for item in root.iter("item")]
    return [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]


def well_formed(client, url):
    """The parsed XML of url; markup that broke out of its text would not parse, or
    would show as elements of its own."""
    response = client.get(url)
    assert response.status_code == 200, url
    root = ElementTree.fromstring(response.content)
    names = {element.tag.rsplit("}", 1)[-1].lower() for element in root.iter()}
    assert not names & {"script", "img", "svg", "iframe", "html", "body", "style", "a"}, (url, names)
    assert not [e.tag for e in root.iter() if "xhtml" in e.tag and not e.tag.endswith("}link")], url
    return root


def test_the_corpus_reaches_every_kind_of_field():
    """What the fixture packs into names, titles and sub-questions is the whole corpus."""
    for packed in (NAMES, TITLES, HEADINGS):
        assert " ".join(packed) == " ".join(CORPUS)
    assert len(CORPUS) >= 40 and len(set(CORPUS)) == len(CORPUS)
    assert len(TITLES) <= QUESTIONS * len(CODES)
    assert languages.codes() == list(CODES)
