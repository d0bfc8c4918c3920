"""Light and dark colour schemes and print, measured in Chromium: text ≥ 4.5:1, links and
the keyboard focus ring ≥ 3:1 against what they stand on, in both schemes and in every
language; a printed question is the question and its answers, link targets written out."""

import re

import pytest

from tests.factories import make_question, url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY = "> Keep the first week easy.\n\nRead [the plan](https://example.org/plan) before you start."


def luminance(rgb):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(value) for value in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one, other):
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def rgb(css):
    """(r, g, b) of a computed colour: Chromium gives rgb()/rgba() for every colour."""
    return tuple(int(float(part)) for part in re.findall(r"[\d.]+", css)[:3])


COLOURS = """([selector, property]) => {
  const element = document.querySelector(selector);
  let behind = element;
  while (behind && ['rgba(0, 0, 0, 0)', 'transparent'].includes(getComputedStyle(behind).backgroundColor)) {
    behind = behind.parentElement;
  }
  return [getComputedStyle(element)[property], getComputedStyle(behind || document.body).backgroundColor];
}"""


def measured(page, selector, prop="color"):
    colour, background = page.evaluate(COLOURS, [selector, prop])
    return contrast(rgb(colour), rgb(background))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_links_and_the_focus_ring_have_enough_contrast_in_both_schemes(live_server, browser, scheme):
    question = make_question("Base training", answers=2, body=BODY)
    make_question("Tempo runs")  # something in the sidebar
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    try:
        for code in ("nl", "en", "de", "tr"):
            page.goto(live_server.url + url(question, code))
            background = page.evaluate("getComputedStyle(document.body).backgroundColor")
            assert (luminance(rgb(background)) < 0.1) == (scheme == "dark"), background
            assert measured(page, "h1") >= 4.5
            assert measured(page, "blockquote") >= 4.5  # a callout, not greyed out
            assert measured(page, ".meta") >= 4.5
            assert measured(page, ".sidebar a") >= 3
            assert measured(page, ".language-tabs a") >= 3
            page.keyboard.press("Tab")  # the skip link
            page.keyboard.press("Tab")  # the first language tab
            focused = page.evaluate("document.activeElement.closest('.language-tabs') !== null")
            assert focused
            ring, behind = page.evaluate(
                "[getComputedStyle(document.activeElement).outlineColor,"
                " getComputedStyle(document.querySelector('.site-header')).backgroundColor,"
                " getComputedStyle(document.activeElement).outlineOffset]"
            )[:2]
            assert contrast(rgb(ring), rgb(behind)) >= 3, (code, ring, behind)
            # Drawn inside the tab, so the top of the page does not cut it off.
            box = page.evaluate(
                "(() => { const r = document.activeElement.getBoundingClientRect();"
                " const o = parseFloat(getComputedStyle(document.activeElement).outlineOffset);"
                " return r.top - o - 3; })()"
            )
            assert box >= 0
    finally:
        context.close()


def test_a_printed_question_is_the_question_and_its_answers_with_link_targets(live_server, page):
    question = make_question("Base training", answers=2, body=BODY)
    page.goto(live_server.url + url(question, "en"))
    page.emulate_media(media="print")
    hidden = page.evaluate(
        "['.site-header', '.sidebar', '.site-footer', '.breadcrumbs']"
        ".map(s => document.querySelector(s)).filter(Boolean).map(e => getComputedStyle(e).display)"
    )
    assert hidden and set(hidden) == {"none"}
    assert page.evaluate("getComputedStyle(document.querySelector('h1')).display") != "none"
    after = page.evaluate("getComputedStyle(document.querySelector('.answer a[href^=\"http\"]'), '::after').content")
    assert "https://example.org/plan" in after
