"""Preview (qa.editorial.preview): staff see any question in any language as readers
will, whatever its state; reviewers without an account get signed links that expire.
A preview is never kept in a cache and never lets a question into what readers see."""

import time
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission, User
from django.core import signing
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from qa.editorial import preview, states
from qa.languages import column
from qa.models import Question
from tests.factories import make_question, url
from tests.html import parse
from tests.test_search import SEARCH
from tests.test_sitemaps import sitemap_entries

pytestmark = pytest.mark.django_db
LANGUAGES = ("nl", "en", "de", "tr")
State = Question.State


@pytest.fixture
def draft(content):
    """A draft in every language, beside the published questions it shares a category and a tag with."""
    return make_question("Zeppelin racing", status=State.DRAFT, category=content["category"], tags=[content["tag"]])


def staff_path(question, code):
    return reverse("admin:qa_question_preview", args=[question.pk, code])


def reviewer_path(question, code):
    return reverse("editorial:preview", args=[preview.make_token(question, code)])


def made_ago(monkeypatch, age, make):
    """What make() returns when run `age` ago, as far as signing can tell."""
    with monkeypatch.context() as patch:
        then = int(time.time() - age.total_seconds())
        patch.setattr(signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(then))
        return make()


def in_language(code, text):
    with translation.override(code):
        return str(gettext(text))


def cache_entries(kind):
    """The keys of the page cache ("page") or fragment cache ("fragment"), Redis or local memory."""
    if hasattr(cache._cache, "get_client"):
        return list(cache._cache.get_client(write=False).scan_iter(match=f"*projectsports:{kind}:*"))
    return [key for key in cache._cache if f"projectsports:{kind}:" in key]


def banner(doc):
    return doc.find("div", class_="preview-banner").text


def assert_a_preview(response, code):
    """What every preview page is: in its language, never stored, out of search
    engines, within the site's CSP (no inline script or style) and security headers."""
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert response.get("X-Page-Cache") != "hit"
    assert response["Content-Language"] == code and response["Referrer-Policy"] == "no-referrer"
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp and "unsafe-inline" not in csp
    assert response["X-Content-Type-Options"] == "nosniff" and response["X-Frame-Options"] == "DENY"
    doc = parse(response.content)
    assert doc.find("html")["lang"] == code
    assert doc.find_all("meta", name="robots") and doc.find("meta", name="robots")["content"] == "noindex"
    assert not doc.find_all("link", rel="canonical") and not doc.find_all("link", rel="alternate", hreflang=code)
    assert not doc.find_all("style") and not [el for el in doc.iter() if "style" in el.attrs]
    for script in doc.find_all("script"):
        assert script.attrs.get("type") == "application/ld+json", script.attrs  # data, never run
    return doc


@pytest.mark.parametrize("code", LANGUAGES)
def test_staff_see_a_draft_in_each_language_as_readers_will(admin_client, content, draft, code, settings):
    response = admin_client.get(staff_path(draft, code))
    doc = assert_a_preview(response, code)
    assert in_language(code, "Preview") in banner(doc)
    name = dict(settings.LANGUAGES)[code]
    assert f"{name}: {in_language(code, 'draft')}" in banner(doc) and in_language(code, "Publication date:") in banner(
        doc
    )
    assert doc.find("h1").text == getattr(draft, column("title", code))
    assert len(doc.find_all("section", class_="answer")) == 2
    assert getattr(content["tag"], column("name", code)) in doc.find("ul", class_="tags").text
    assert getattr(content["first"], column("title", code)) in doc.find("aside", class_="sidebar").text
    tabs = {a["hreflang"]: a for a in doc.find("nav", class_="language-tabs").find_all("a")}
    assert {other: a["href"] for other, a in tabs.items()} == {other: staff_path(draft, other) for other in LANGUAGES}
    assert tabs[code]["aria-current"] == "page"
    assert admin_client.get(staff_path(draft, code)).get("X-Page-Cache") != "hit"


def test_a_preview_fills_neither_the_page_cache_nor_the_fragment_cache(client, admin_client, content, draft):
    for code in LANGUAGES:
        admin_client.get(staff_path(draft, code))
        client.get(reviewer_path(draft, code))
        client.get(reviewer_path(draft, code))
        assert admin_client.get(staff_path(content["first"], code)).status_code == 200
    assert cache_entries("page") == [] and cache_entries("fragment") == []
    # Readers afterwards: the draft is still not there, the published page is rendered
    # from nothing (no preview left a part of it), without banner or noindex.
    assert client.get(f"/en/questions/{draft.slug_en}/").status_code == 404
    first = client.get(url(content["first"], "en"))
    assert (
        first["X-Page-Cache"] == "render" and b"preview-banner" not in first.content and b"noindex" not in first.content
    )
    assert client.get(url(content["first"], "en"))["X-Page-Cache"] == "hit"


def test_the_banner_names_each_state_and_the_date_it_goes_live(admin_client, content):
    soon = timezone.now() + timedelta(days=3)
    question = make_question("Scheduled", published_at=soon)
    question.set_state(State.REVIEW, ["nl"])
    question.set_state(State.DRAFT, ["de"])
    question.publish_at_de = None
    question.save()
    expected = {"nl": "in review", "en": "scheduled", "de": "draft"}
    for code, label in expected.items():
        doc = parse(admin_client.get(staff_path(question, code)).content)
        assert in_language(code, label) in banner(doc)
    dates = parse(admin_client.get(staff_path(question, "en")).content).find("div", class_="preview-banner")
    assert dates.find("time")["datetime"] == soon.replace(microsecond=0).isoformat()
    assert (
        not parse(admin_client.get(staff_path(question, "de")).content)
        .find("div", class_="preview-banner")
        .find_all("time")
    )
    published = parse(admin_client.get(staff_path(content["first"], "tr")).content)
    assert in_language("tr", "published") in banner(published)
    assert states.language_state(content["first"], "tr") == states.State.PUBLISHED


def test_an_incomplete_language_previews_with_a_warning(admin_client, content):
    question = content["first"]
    answer = question.answers.first()
    answer.heading_de = answer.body_de = ""
    answer.save()
    doc = assert_a_preview(admin_client.get(staff_path(question, "de")), "de")
    warning = (
        "Not complete: readers will not see this language until the question and every sub-question and answer "
        "have text in it."
    )
    assert in_language("de", warning) in banner(doc) and in_language("de", warning) != warning
    assert "Not complete" not in banner(parse(admin_client.get(staff_path(question, "en")).content))


def test_a_language_without_text_is_a_404_that_says_so_and_its_tab_is_not_a_link(client, admin_client, content):
    question = content["no_turkish"]
    for response in (admin_client.get(staff_path(question, "tr")), client.get(reviewer_path(question, "tr"))):
        assert response.status_code == 404 and "no-store" in response["Cache-Control"]
        assert in_language("tr", "Nothing to preview") in parse(response.content).find("h1").text
    tabs = parse(admin_client.get(staff_path(question, "en")).content).find("nav", class_="language-tabs")
    assert [a["hreflang"] for a in tabs.find_all("a")] == ["nl", "en", "de"]
    assert tabs.find("span", class_="unavailable", lang="tr")


def test_the_staff_preview_needs_a_login_and_the_view_permission(client, content, draft):
    path = staff_path(draft, "en")
    response = client.get(path)
    assert response.status_code == 302 and response["Location"].startswith(f"{reverse('admin:login')}?next=")
    user = User.objects.create_user("reader", password="x", is_staff=True)
    client.force_login(user)
    assert client.get(path).status_code == 403
    user.user_permissions.add(Permission.objects.get(codename="view_question"))
    assert client.get(path).status_code == 200


def test_the_staff_preview_is_read_only_and_knows_only_real_questions_and_languages(admin_client, draft):
    assert admin_client.post(staff_path(draft, "en")).status_code == 405
    assert admin_client.get(reverse("admin:qa_question_preview", args=[draft.pk, "fr"])).status_code == 404
    assert admin_client.get(reverse("admin:qa_question_preview", args=[draft.pk + 1000, "en"])).status_code == 404


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_reviewer_without_an_account_opens_the_link_of_one_language(client, content, draft, code):
    response = client.get(reviewer_path(draft, code))
    doc = assert_a_preview(response, code)
    assert in_language(code, "draft") in banner(doc) and doc.find("h1").text == getattr(draft, column("title", code))
    tabs = doc.find("nav", class_="language-tabs")
    assert [(a["hreflang"], a["href"]) for a in tabs.find_all("a")] == [(code, response.request["PATH_INFO"])]
    assert client.get(reviewer_path(draft, code)).get("X-Page-Cache") != "hit"
    assert cache_entries("page") == []


def test_a_reviewers_tabs_lead_to_the_public_pages_of_other_languages(client, content):
    question = content["first"]
    question.set_state(State.DRAFT, ["nl"])
    question.save()
    tabs = parse(client.get(reviewer_path(question, "nl")).content).find("nav", class_="language-tabs")
    links = {a["hreflang"]: a["href"] for a in tabs.find_all("a")}
    assert {code: links[code] for code in ("en", "de", "tr")} == {
        code: url(question, code) for code in ("en", "de", "tr")
    }


def test_a_link_works_on_any_app_server_until_it_expires(client, draft, monkeypatch, settings):
    fresh = reviewer_path(draft, "en")
    cache.clear()  # nothing is kept on the server that made it
    assert client.get(fresh).status_code == 200
    week = timedelta(days=7)
    almost = made_ago(monkeypatch, week - timedelta(minutes=1), lambda: reviewer_path(draft, "en"))
    expired = made_ago(monkeypatch, week + timedelta(minutes=1), lambda: reviewer_path(draft, "en"))
    assert client.get(almost).status_code == 200
    assert client.get(expired).status_code == 404
    settings.PREVIEW_LINK_DAYS = 1
    assert client.get(made_ago(monkeypatch, timedelta(days=2), lambda: reviewer_path(draft, "en"))).status_code == 404


def test_a_tampered_or_malformed_link_is_a_404(client, draft):
    token = preview.make_token(draft, "en")
    value, stamp, signature = token.split(":")
    other = make_question("Another draft", status=State.DRAFT)
    links = [
        f"{value}:{stamp}:{signature[:-1]}{'A' if signature[-1] != 'A' else 'B'}",  # signature changed
        f"{other.pk}.en:{stamp}:{signature}",  # another question
        f"{draft.pk}.nl:{stamp}:{signature}",  # another language
        f"{value}:{signing.b62_encode(int(time.time()) + 3600)}:{signature}",  # a later date
        signing.TimestampSigner().sign(value),  # signed for something else (no salt)
        signing.TimestampSigner(salt=preview.SALT, key="another key").sign(value),
        value,
        f"{value}:{stamp}",
        "nonsense",
        ":::",
        "%00",
        "x" * 5000,
    ]
    for link in links:
        assert client.get(f"/preview/{link}/").status_code == 404, link


@pytest.mark.parametrize(
    "value", ["abc.en", "12x.en", "².en", "0.en", "-1.en", f"{10**40}.en", "1", ".en", "1.", "1.en.de", "1.EN", "1.e n"]
)
def test_a_signed_but_malformed_link_is_a_404(client, draft, value):
    token = signing.TimestampSigner(salt=preview.SALT).sign(value)
    assert client.get(f"/preview/{token}/").status_code == 404


def test_a_signed_value_with_a_malformed_date_is_a_404(client, draft):
    signed = signing.Signer(salt=preview.SALT).sign(f"{draft.pk}.en:not*base62")
    assert client.get(f"/preview/{signed}/").status_code == 404
    assert client.get(f"/preview/{signing.Signer(salt=preview.SALT).sign(f'{draft.pk}.en')}/").status_code == 404


def test_a_link_dated_in_the_future_is_a_404_beyond_a_small_clock_skew(client, draft, monkeypatch):
    ahead = made_ago(monkeypatch, -timedelta(seconds=30), lambda: reviewer_path(draft, "en"))
    assert client.get(ahead).status_code == 200  # another app server's clock a little ahead
    for later in (timedelta(minutes=2), timedelta(days=1), timedelta(days=3650)):
        assert client.get(made_ago(monkeypatch, -later, lambda: reviewer_path(draft, "en"))).status_code == 404


def test_a_link_to_a_question_that_is_no_more_is_a_404(client, draft):
    token = signing.TimestampSigner(salt=preview.SALT).sign(f"{draft.pk + 1000}.en")  # as if deleted
    assert client.get(f"/preview/{token}/").status_code == 404


def test_a_link_for_a_language_the_site_does_not_have_is_a_404(client, draft):
    token = signing.TimestampSigner(salt=preview.SALT).sign(f"{draft.pk}.fr")
    assert client.get(f"/preview/{token}/").status_code == 404


def test_a_link_is_read_only(client, draft):
    assert client.post(reviewer_path(draft, "en")).status_code == 405


def test_a_previewed_draft_stays_out_of_sitemaps_feeds_search_and_related_lists(client, admin_client, content, draft):
    for code in LANGUAGES:
        assert admin_client.get(staff_path(draft, code)).status_code == 200
        assert client.get(reviewer_path(draft, code)).status_code == 200

    def shown(code):
        """Where readers of language code meet the draft: sitemap, feeds, search, related."""
        places = set()
        slug = getattr(draft, column("slug", code))
        if any(slug in page for page in sitemap_entries(client)):
            places.add("sitemap")
        for feed in ("feed.rss", "feed.atom", f"{url(content['category'], code)}feed.rss"):
            path = feed if feed.startswith("/") else f"/{code}/{feed}"
            if b"Zeppelin" in client.get(path).content:
                places.add(feed)
        if b"Zeppelin" in client.get(SEARCH[code], {"q": "zeppelin"}).content:
            places.add("search")
        if b"Zeppelin" in client.get(url(content["first"], code)).content:
            places.add("related")
        return places

    for code in LANGUAGES:
        assert shown(code) == set(), code
    draft.set_state(State.PUBLISHED)
    draft.save()
    everywhere = {"sitemap", "feed.rss", "feed.atom", f"{url(content['category'], 'en')}feed.rss", "search", "related"}
    assert shown("en") == everywhere  # what the checks above would have found


def test_the_change_form_offers_each_languages_preview_and_a_link_to_copy(client, admin_client, content):
    question = content["no_turkish"]
    response = admin_client.get(reverse("admin:qa_question_change", args=[question.pk]))
    doc = parse(response.content)
    menu = doc.find("li", class_="preview-tools")
    assert not [el for el in menu.iter() if "style" in el.attrs]
    assert [a["href"] for a in menu.find_all("a")] == [staff_path(question, code) for code in ("nl", "en", "de")]
    links = [field["value"] for field in menu.find_all("input")]
    assert len(links) == 3 and all(link.startswith("http://testserver/preview/") for link in links)
    assert in_language("en", "missing") in menu.text
    assert "/static/css/preview_admin.css" in response.content.decode()
    reviewer = client.get(links[1].removeprefix("http://testserver"))
    assert reviewer.status_code == 200 and parse(reviewer.content).find("h1").text == question.title_en


def test_the_question_list_links_each_languages_preview(admin_client, content):
    doc = parse(admin_client.get(reverse("admin:qa_question_changelist")).content)
    cells = doc.find_all("td", class_="field-preview_column")
    assert len(cells) == 3
    hrefs = {a["href"] for cell in cells for a in cell.find_all("a")}
    for name in ("first", "second"):
        assert {staff_path(content[name], code) for code in LANGUAGES} <= hrefs
    assert staff_path(content["no_turkish"], "tr") not in hrefs
