"""The reader's layout in Chromium, at a phone's 390 px and a desktop's 1280 px, in every
language: one row of language tabs, a one-line header, header and content on one left
edge, the contents folded at the top on a phone and kept in view in the sidebar on a
desktop, wide tables scrolling in their own box, meta lines without a stray "·",
contrast of every text and focus ring in both colour schemes, focus rings never cut
off, and print. Full-page screenshots of the question page in each language and width
are written to test-artifacts/screenshots/ for a person to look at."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from tests.browser.test_schemes import contrast, rgb
from tests.factories import ALL, make_category, make_question, make_tag, url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}

BODY = """> Keep the first week easy: the plan only works if you reach week two.

Read [the plan](https://example.org/plan) before you start.

| Week | Monday | Tuesday | Wednesday | Thursday | Friday | Saturday | Sunday | Total distance |
|---|---|---|---|---|---|---|---|--:|
| 1 | 5 km easy | rest | 6 km with strides | rest | 5 km easy | 12 km long run | rest | 28 km |
| 2 | 6 km easy | rest | 7 km with strides | rest | 6 km easy | 14 km long run | rest | 33 km |

After the table, a paragraph of ordinary text that wraps over a few lines on a phone."""


@pytest.fixture
def site(transactional_db):
    """A question with four answers (a quote, a link, a wide table) in every language,
    one with four answers but no Turkish, and enough others for a second page."""
    running = make_category("Running and training")
    tags = [make_tag("Marathon"), make_tag("Beginners"), make_tag("Endurance")]
    # Changed today, published earlier this year: the meta line shows both dates.
    now = timezone.now()
    published = max(now - timedelta(days=1), now.replace(month=1, day=1, hour=0, minute=0, second=0))
    question = make_question(
        "How long does it take to train for a first marathon",
        answers=4,
        body=BODY,
        tags=tags,
        category=running,
        published_at=published,
    )
    no_turkish = make_question("Recovery after a hard session", codes=("nl", "en", "de"), answers=4, category=running)
    for n in range(11):
        make_question(f"Other question number {n} about tempo runs", category=running, tags=tags[:1])
    return {"question": question, "no_turkish": no_turkish, "updated": published.date() < now.date()}


def new_page(browser, viewport, scheme="light"):
    context = browser.new_context(viewport=viewport, color_scheme=scheme, locale="en-GB")
    return context, context.new_page()


def boxes(page, selector):
    return [locator.bounding_box() for locator in page.locator(selector).all()]


def one_line(page, selector):
    """Whether the element's text takes one line: all its boxes side by side, none below another."""
    return page.eval_on_selector(
        selector,
        """e => { const r = document.createRange(); r.selectNodeContents(e);
                  const rects = [...r.getClientRects()].filter(b => b.width > 0 && b.height > 0);
                  return rects.every(b => b.top < rects[0].bottom - 2 && b.bottom > rects[0].top + 2); }""",
    )


def shown(page, selector):
    return page.eval_on_selector(
        selector, "e => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0"
    )


def no_page_scroll_sideways(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def check_language_tabs(page, where):
    tops = {round(box["y"]) for box in boxes(page, ".language-tabs li")}
    assert len(tops) == 1, (where, tops)
    right = max(box["x"] + box["width"] for box in boxes(page, ".language-tabs li"))
    assert right <= page.viewport_size["width"], where


def check_header(page, where):
    """The site name on one line; the tagline hidden on a phone, else on the same line."""
    assert one_line(page, ".site-title a"), where
    if page.viewport_size["width"] < 600:
        assert not shown(page, ".tagline"), where
    else:
        assert shown(page, ".tagline") and one_line(page, ".site-title"), where


# The box an element's clip-path (inset(), the only kind the site uses) leaves visible.
CLIP_BOX = """(e => {
  const clip = getComputedStyle(e).clipPath.match(/^inset\\(([^)]*)\\)$/), r = e.getBoundingClientRect();
  if (!clip) return null;
  const v = clip[1].split(' ').map(parseFloat);
  const [top, right, bottom, left] = [v[0], v[1] ?? v[0], v[2] ?? v[0], v[3] ?? v[1] ?? v[0]];
  return {left: r.left + left, top: r.top + top, right: r.right - right, bottom: r.bottom - bottom};
})"""

# The parts of every meta line: whether each starts a line, whether its "·" (its
# ::before, drawn left of it) is cut off by the line's clip-path, and what it is.
META_SEPARATORS = """() => [...document.querySelectorAll('.meta')].filter(m => m.getClientRects().length).map(meta => {
  const clip = CLIP_BOX(meta), left = clip ? clip.left : -1e6;
  const first = meta.firstElementChild.getBoundingClientRect().left;
  return [...meta.children].map(part => {
    const box = part.getBoundingClientRect(), dot = getComputedStyle(part, '::before');
    const dotRight = box.left + parseFloat(dot.left) + parseFloat(dot.width);
    return {startsLine: Math.abs(box.left - first) < 1, hidden: dotRight <= left + 0.01,
            betweenParts: dot.content.includes('·')};
  });
})""".replace("CLIP_BOX", CLIP_BOX)


def check_meta_separators(page, where):
    lines = page.evaluate(META_SEPARATORS)
    assert lines, where
    for parts in lines:
        for part in parts:
            assert part["betweenParts"], where  # a separator of each part, not an item of its own
            # No line starts with a "·"; between two parts on a line it shows.
            assert part["hidden"] == part["startsLine"], (where, parts)


def meta_lines(page, selector=".question .meta"):
    return page.eval_on_selector(
        selector, "m => new Set([...m.children].map(c => Math.round(c.getBoundingClientRect().top))).size"
    )


def check_table_scrolls_in_its_box(page, where):
    table = page.eval_on_selector(
        ".answer .table-scroll",  # the box qa.markdown puts around a table
        """t => { const before = t.scrollLeft; t.scrollLeft = 80; const moved = t.scrollLeft > before; t.scrollLeft = 0;
                  return {wider: t.scrollWidth > t.clientWidth, moved, right: t.getBoundingClientRect().right}; }""",
    )
    assert table["wider"] and table["moved"], (where, table)
    assert table["right"] <= page.viewport_size["width"], (where, table)
    assert no_page_scroll_sideways(page), where


def screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=True)


def test_on_a_phone(live_server, browser, site):
    context, page = new_page(browser, PHONE)
    try:
        for code in ALL:
            where = f"question ({code})"
            page.goto(live_server.url + url(site["question"], code))
            check_language_tabs(page, where)
            check_header(page, where)
            check_meta_separators(page, where)
            assert page.locator(".question .meta .updated").count() == site["updated"], where
            assert meta_lines(page) <= 2, where  # read time and asker; the dates
            check_table_scrolls_in_its_box(page, where)
            # The contents: folded at the top of the article, not in the sidebar.
            assert not shown(page, ".toc-side"), where
            details = page.locator(".toc-inline details")
            assert details.is_visible() and details.get_attribute("open") is None, where
            assert details.bounding_box()["y"] < page.locator(".answer h2").first.bounding_box()["y"]
            summary = page.locator(".toc-inline summary")
            summary.click()
            links = page.locator(".toc-inline a")
            assert links.count() == 4 and links.first.is_visible(), where
            screenshot(page, f"question-{code}-390.png")
            summary.click()

            where = f"home ({code})"
            page.goto(f"{live_server.url}/{code}/")
            check_language_tabs(page, where)
            check_header(page, where)
            check_meta_separators(page, where)
            assert no_page_scroll_sideways(page), where

        # A question without Turkish: its tabs still one row, Turkish struck through;
        # and on its Turkish address (a 404 naming it).
        for code in ALL:
            path = url(site["no_turkish"], code) if code != "tr" else f"/tr/sorular/{site['no_turkish'].slug_en}/"
            response = page.goto(live_server.url + path)
            assert response.status == (404 if code == "tr" else 200), code
            check_language_tabs(page, f"no Turkish ({code})")
            missing = page.locator(".language-tabs .unavailable")
            assert missing.get_attribute("lang") == "tr"
            assert "line-through" in missing.evaluate("e => getComputedStyle(e).textDecorationLine")
            # "(not available)" is still read out, not shown.
            assert missing.locator("small").bounding_box()["width"] <= 1
            assert missing.locator("small").text_content().strip()
    finally:
        context.close()


def test_on_a_desktop(live_server, browser, site):
    context, page = new_page(browser, DESKTOP)
    try:
        for code in ALL:
            where = f"question ({code})"
            page.goto(live_server.url + url(site["question"], code))
            check_language_tabs(page, where)
            check_header(page, where)
            # Header, content and footer on one grid: one left edge, one right edge.
            lefts = {
                name: round(page.locator(selector).first.bounding_box()["x"])
                for name, selector in {
                    "tabs": ".language-tabs ul",
                    "site name": ".site-title",
                    "breadcrumb": ".breadcrumbs",
                    "h1": "main h1",
                    "footer": ".footer-links",
                }.items()
            }
            assert len(set(lefts.values())) == 1, (where, lefts)
            search, sidebar = page.locator(".masthead search").bounding_box(), page.locator(".sidebar").bounding_box()
            assert round(search["x"] + search["width"]) == round(sidebar["x"] + sidebar["width"]), where
            # The contents in the sidebar, related questions below them; no folded copy.
            assert not shown(page, ".toc-inline"), where
            toc = page.locator(".toc-side")
            related = page.locator("#related_title")
            assert toc.is_visible() and toc.locator("a").count() == 4, where
            assert related.bounding_box()["y"] > toc.bounding_box()["y"] + toc.bounding_box()["height"], where
            # Kept in view while reading (position: sticky), not left at the top.
            for heading in page.locator(".answer h2").all()[1:3]:
                heading.evaluate("h => h.scrollIntoView()")
                assert page.evaluate("scrollY") > 300, where
                top = toc.bounding_box()["y"]
                assert 0 <= top < 60, (where, top)
            page.evaluate("window.scrollTo(0, 0)")
            assert no_page_scroll_sideways(page), where
            screenshot(page, f"question-{code}-1280.png")

            # Printed: the question and its answers, link targets written out.
            page.emulate_media(media="print")
            for selector in (
                ".language-tabs",
                ".site-header",
                ".masthead search",
                ".sidebar",
                ".toc-side",
                ".toc-inline",
                ".breadcrumbs",
                ".site-footer",
            ):
                assert not shown(page, selector), (where, selector)
            assert shown(page, "main h1") and shown(page, ".answer table"), where
            after = page.eval_on_selector(".answer a[href^='http']", "a => getComputedStyle(a, '::after').content")
            assert "https://example.org/plan" in after, where
            assert page.eval_on_selector(".answer table", "t => getComputedStyle(t).display") == "table"
            page.emulate_media(media="screen")
    finally:
        context.close()


# Every element that holds text of its own, visible: its colour against the background
# it stands on (its own, else the nearest ancestor's).
TEXT_CONTRAST = """() => {
  const background = element => {
    for (let e = element; e; e = e.parentElement) {
      const colour = getComputedStyle(e).backgroundColor;
      if (!['rgba(0, 0, 0, 0)', 'transparent'].includes(colour)) return colour;
    }
    return getComputedStyle(document.documentElement).backgroundColor;
  };
  return [...document.body.querySelectorAll('*')].filter(e =>
    [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())
    && e.checkVisibility({visibilityProperty: true}) && e.getClientRects().length
  ).map(e => ({what: e.tagName + '.' + e.className + ' ' + e.textContent.trim().slice(0, 30),
               link: !!e.closest('a'), colour: getComputedStyle(e).color, background: background(e)}));
}"""

# The focused element's ring: its colour, what it is drawn on (outside the element: the
# parent's background; inside, as on the tabs: the element's own), and whether the
# viewport, or an ancestor that clips (overflow, clip-path inset), cuts any of it off.
FOCUS_RING = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const style = getComputedStyle(e);
  const width = parseFloat(style.outlineWidth), offset = parseFloat(style.outlineOffset);
  const box = e.getBoundingClientRect(), grow = offset + width;
  const ring = {left: box.left - grow, top: box.top - grow, right: box.right + grow, bottom: box.bottom + grow};
  const transparent = c => ['rgba(0, 0, 0, 0)', 'transparent'].includes(c);
  let behind = offset < 0 ? e : e.parentElement;
  while (behind && transparent(getComputedStyle(behind).backgroundColor)) behind = behind.parentElement;
  const cuts = [];
  if (ring.left < 0 || ring.top < 0 || ring.right > innerWidth || ring.bottom > innerHeight) cuts.push('viewport');
  for (let a = e.parentElement; a; a = a.parentElement) {
    const s = getComputedStyle(a), r = a.getBoundingClientRect();
    if (a === document.documentElement || a === document.body) break;
    if (s.overflowX !== 'visible' || s.overflowY !== 'visible') {
      const inner = {left: r.left + a.clientLeft, top: r.top + a.clientTop};
      if (ring.left < inner.left - 0.5 || ring.right > inner.left + a.clientWidth + 0.5
          || ring.top < inner.top - 0.5 || ring.bottom > inner.top + a.clientHeight + 0.5) {
        cuts.push('overflow of ' + a.className);
      }
    }
    const clip = CLIP_BOX(a);
    if (clip && (ring.left < clip.left - 0.5 || ring.right > clip.right + 0.5 || ring.top < clip.top - 0.5
                 || ring.bottom > clip.bottom + 0.5)) cuts.push('clip-path of ' + a.className);
  }
  return {what: e.tagName + '.' + e.className + ' ' + (e.textContent || e.name || '').trim().slice(0, 30),
          style: style.outlineStyle, width, colour: style.outlineColor,
          background: getComputedStyle(behind || document.documentElement).backgroundColor, cuts};
}""".replace("CLIP_BOX", CLIP_BOX)


def check_text_contrast(page, where):
    texts = page.evaluate(TEXT_CONTRAST)
    assert len(texts) > 20, where
    # Link text is text too: 4.5:1, more than the 3:1 a link needs beside plain text.
    low = [(t["what"], round(contrast(rgb(t["colour"]), rgb(t["background"])), 2)) for t in texts]
    assert [item for item in low if item[1] < 4.5] == [], where


def check_focus_rings(page, where):
    """Tab through the whole page: every focused element has a solid ring, 3:1 or more
    against what it is drawn on, and nothing cuts it off."""
    # From the top: the skip link, the first thing Tab reaches.
    page.evaluate("window.scrollTo(0, 0); document.querySelector('.skip-link').focus()")
    seen = []
    for _ in range(200):
        page.keyboard.press("Tab")
        ring = page.evaluate(FOCUS_RING)
        if ring is None or (seen and ring["what"] == seen[0]["what"]):
            break
        seen.append(ring)
        assert ring["style"] == "solid" and ring["width"] >= 2, (where, ring)
        assert contrast(rgb(ring["colour"]), rgb(ring["background"])) >= 3, (where, ring)
        assert ring["cuts"] == [], (where, ring)
    assert len(seen) > 15, (where, len(seen))
    return seen


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_contrast_and_focus_rings_in_both_schemes(live_server, browser, site, scheme):
    for viewport in (PHONE, DESKTOP):
        context, page = new_page(browser, viewport, scheme)
        try:
            for code in ALL:
                where = f"question ({code}, {scheme}, {viewport['width']} px)"
                page.goto(live_server.url + url(site["question"], code))
                dark = page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(20, 23, 28)"
                assert dark == (scheme == "dark"), where
                if viewport is PHONE:
                    assert page.locator(".toc-inline summary").count() == 1, where
                    page.locator(".toc-inline summary").click()  # its links in the walk, too
                check_text_contrast(page, where)
                focused = check_focus_rings(page, where)
                # The walk went through the header's form and, on a phone, the folded contents.
                kinds = {ring["what"].split(".")[0] for ring in focused}
                assert {"A", "INPUT", "BUTTON"} <= kinds, (where, kinds)
                assert ("SUMMARY" in kinds) == (viewport is PHONE), (where, kinds)

                where = f"home ({code}, {scheme}, {viewport['width']} px)"
                page.goto(f"{live_server.url}/{code}/")
                check_text_contrast(page, where)
                check_focus_rings(page, where)
        finally:
            context.close()
