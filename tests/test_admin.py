"""The editorial admin: language tabs, inline answers, tags in any admin language."""

import json

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import translation

from qa.models import Question, Tag
from tests.factories import make_asker, make_category, make_question, make_tag
from tests.html import parse

pytestmark = pytest.mark.django_db
LANGUAGES = ("nl", "en", "de", "tr")


def question_form_data(question=None, *, asker, category, tags, answers, titles, status="published"):
    """POST data for the question add/change form with inline answers."""
    data = {
        "asker": asker.pk,
        "category": category.pk,
        "tags": [tag.pk for tag in tags],
        "source_language": "en",
        "answers-TOTAL_FORMS": len(answers),
        "answers-INITIAL_FORMS": question.answers.count() if question else 0,
        "answers-MIN_NUM_FORMS": 1,
        "answers-MAX_NUM_FORMS": 1000,
    }
    for code in LANGUAGES:
        data[f"title_{code}"] = titles.get(code, "")
        data[f"slug_{code}"] = ""
        data[f"summary_{code}"] = ""
        data[f"state_{code}"] = status if code in titles else "draft"
        data[f"publish_at_{code}_0"] = "2026-01-02" if code in titles else ""
        data[f"publish_at_{code}_1"] = "10:00:00" if code in titles else ""
    stored = list(question.answers.all()) if question else []
    for n, answer in enumerate(answers):
        data[f"answers-{n}-position"] = n + 1
        if n < len(stored):
            data[f"answers-{n}-id"] = stored[n].pk
            data[f"answers-{n}-question"] = question.pk
        for code in LANGUAGES:
            data[f"answers-{n}-heading_{code}"] = answer.get(code, ("", ""))[0]
            data[f"answers-{n}-body_{code}"] = answer.get(code, ("", ""))[1]
    return data


@pytest.mark.parametrize("model", ["question", "category", "tag", "asker"])
def test_add_and_change_pages_open(admin_client, content, model):
    obj = {"question": content["first"], "category": content["category"], "tag": content["tag"]}.get(
        model, content["first"].asker
    )
    assert admin_client.get(reverse(f"admin:qa_{model}_add")).status_code == 200
    assert admin_client.get(reverse(f"admin:qa_{model}_change", args=[obj.pk])).status_code == 200
    assert admin_client.get(reverse(f"admin:qa_{model}_changelist")).status_code == 200


def test_question_form_has_a_tab_per_language_and_prefilled_slugs(admin_client):
    response = admin_client.get(reverse("admin:qa_question_add"))
    doc = parse(response.content)
    for code in LANGUAGES:
        assert doc.find("input", name=f"title_{code}")
        assert doc.find("input", name=f"slug_{code}")
    assert "tabbed_translation_fields.js" in response.content.decode()
    constants = doc.find("script", id="django-admin-prepopulated-fields-constants")
    prefills = {f["id"]: f["dependency_ids"] for f in json.loads(constants["data-prepopulated-fields"])}
    for code in LANGUAGES:  # each language's slug is prefilled from that language's title
        assert prefills[f"#id_slug_{code}"] == [f"#id_title_{code}"]


def test_the_admin_loads_nothing_from_another_host(admin_client, content):
    response = admin_client.get(reverse("admin:qa_question_change", args=[content["first"].pk]))
    doc = parse(response.content)
    for script in doc.find_all("script"):
        assert script.attrs.get("src", "/").startswith("/"), script.attrs
    for link in doc.find_all("link"):
        assert link["href"].startswith("/"), link.attrs
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in response.content.decode()
    assert finders.find("vendor/jquery-ui/jquery-ui.min.js")  # shipped by XStatic-jQuery-UI


def test_saving_a_question_with_inline_answers_in_two_languages(admin_client):
    asker, category, tag = make_asker(), make_category(), make_tag()
    data = question_form_data(
        asker=asker,
        category=category,
        tags=[tag],
        titles={"en": "How far is a marathon?", "tr": "Maraton kaç kilometredir?"},
        answers=[
            {"en": ("Why 42 km?", "Because of **1908**."), "tr": ("Neden 42 km?", "**1908** yüzünden.")},
            {"en": ("Is it exact?", "To the metre."), "tr": ("Tam mı?", "Metresine kadar.")},
        ],
    )
    response = admin_client.post(reverse("admin:qa_question_add"), data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    question = Question.objects.get()
    assert (question.slug_en, question.slug_tr) == ("how-far-is-a-marathon", "maraton-kac-kilometredir")
    assert question.available_languages() == ["en", "tr"]
    assert [a.heading_tr for a in question.answers.all()] == ["Neden 42 km?", "Tam mı?"]
    assert "<strong>1908</strong>" in question.answers.first().body_html_tr
    assert list(question.tags.all()) == [tag]
    assert question.read_time_en == 1 and question.read_time_nl is None


def test_resaving_a_tagged_question_in_every_admin_language_keeps_its_tags(admin_client):
    tags = [make_tag("Marathon"), make_tag("Beginners", codes=("en",))]
    question = make_question("Tagged", tags=tags, answers=1)
    change = reverse("admin:qa_question_change", args=[question.pk])
    for code in LANGUAGES:
        data = question_form_data(
            question,
            asker=question.asker,
            category=question.category,
            tags=tags,
            titles={c: getattr(question, f"title_{c}") for c in LANGUAGES},
            answers=[{c: (f"Heading {c}?", f"Body {c}") for c in LANGUAGES}],
        )
        response = admin_client.post(change, data, HTTP_ACCEPT_LANGUAGE=code)
        assert response.status_code == 302, code
        assert sorted(t.pk for t in question.tags.all()) == sorted(t.pk for t in tags)
    assert Tag.objects.count() == 2  # no duplicate tag was created


def test_editing_an_inline_answer_recomputes_the_read_time(admin_client):
    question = make_question("Long", answers=1, body="short")
    assert question.read_time_en == 1
    data = question_form_data(
        question,
        asker=question.asker,
        category=question.category,
        tags=[],
        titles={c: getattr(question, f"title_{c}") for c in LANGUAGES},
        answers=[dict.fromkeys(LANGUAGES, ("Heading?", "word " * 1000))],
    )
    response = admin_client.post(reverse("admin:qa_question_change", args=[question.pk]), data)
    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.read_time_en, question.read_time_tr) == (5, 7)
    page = admin_client.get(reverse("admin:qa_question_change", args=[question.pk])).content.decode()
    assert "5 min read" in page  # shown read-only


def test_changelist_shows_states_filters_missing_languages_and_searches_all_titles(admin_client, content):
    changelist = reverse("admin:qa_question_changelist")
    response = admin_client.get(changelist, {"state_tr": "missing"})
    assert list(response.context["cl"].result_list) == [content["no_turkish"]]
    response = admin_client.get(changelist, {"q": content["first"].title_tr})
    assert list(response.context["cl"].result_list) == [content["first"]]
    doc = parse(admin_client.get(changelist).content)
    headers = [th.text for th in doc.find("table", id="result_list").find_all("th", scope="col")]
    assert {"NL", "EN", "DE", "TR"} <= set(headers)


def test_a_duplicate_slug_is_a_form_error_not_a_crash(admin_client, content):
    data = question_form_data(
        asker=content["first"].asker,
        category=content["category"],
        tags=[],
        titles={"en": "Another title"},
        answers=[{"en": ("Again?", "Yes.")}],
    )
    data["slug_en"] = content["first"].slug_en  # written by hand (tests/test_slug_clashes.py)
    response = admin_client.post(reverse("admin:qa_question_add"), data)
    assert response.status_code == 200
    assert Question.objects.count() == 3
    assert response.context["adminform"].form.errors


def test_a_question_may_be_written_in_any_language_first(admin_client):
    data = question_form_data(
        asker=make_asker(),
        category=make_category(),
        tags=[],
        titles={"nl": "Hoe lang is een marathon?", "de": "Wie lang ist ein Marathon?"},
        answers=[{"nl": ("Waarom?", "Daarom."), "de": ("Warum?", "Darum.")}],
    )
    assert admin_client.post(reverse("admin:qa_question_add"), data).status_code == 302
    assert Question.objects.get().available_languages() == ["nl", "de"]


def test_an_answer_with_a_heading_but_no_body_in_a_language_is_refused(admin_client):
    data = question_form_data(
        asker=make_asker(),
        category=make_category(),
        tags=[],
        titles={"en": "Half done?"},
        answers=[{"en": ("Heading only?", "")}],
    )
    response = admin_client.post(reverse("admin:qa_question_add"), data)
    assert response.status_code == 200
    assert "English: fill in both the sub-question and its answer" in response.content.decode()
    assert not Question.objects.exists()


def test_a_question_needs_a_title_in_some_language(admin_client):
    data = question_form_data(
        asker=make_asker(), category=make_category(), tags=[], titles={}, answers=[{"en": ("Q?", "A.")}]
    )
    response = admin_client.post(reverse("admin:qa_question_add"), data)
    assert response.status_code == 200
    assert not Question.objects.exists()


def test_the_changelist_names_a_question_missing_the_admins_language(admin_client, content):
    page = admin_client.get(reverse("admin:qa_question_changelist"), HTTP_ACCEPT_LANGUAGE="tr").content.decode()
    assert content["no_turkish"].title_en in page


def test_only_the_sites_own_translated_tags_are_in_the_admin(admin_client):
    import taggit.models
    from django.contrib import admin

    assert not admin.site.is_registered(taggit.models.Tag)
    assert admin.site.is_registered(Tag)


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_login_page_has_one_heading_in_every_admin_language(client, code):
    doc = parse(client.get(reverse("admin:login"), HTTP_ACCEPT_LANGUAGE=code).content)
    (heading,) = doc.find_all("h1")
    with translation.override(code):
        assert heading.text.strip() == str(translation.gettext("Log in"))


@pytest.mark.parametrize("code", ["nl", "en", "de", "tr"])
def test_the_admin_index_starts_with_what_editors_do_first(admin_client, code):
    with translation.override(code):
        page = parse(admin_client.get(reverse("admin:index"), headers={"accept-language": code}).content)
    start = page.find("div", class_="module start-here")
    links = {a.attrs["href"] for a in start.find_all("a")}
    assert reverse("admin:qa_question_add") in links
    assert reverse("admin:qa_question_from_text") in links
    assert reverse("admin:qa_question_translations") in links
    assert {f"{reverse('admin:qa_question_changelist')}?state_{c}=review" for c in ("nl", "en", "de", "tr")} <= links
    assert page.find("h1").text != "Site administration"
    assert [a.text for a in start.find_all("a", lang="en")] == ["English"]  # each language by its own name


def test_the_start_here_links_show_only_to_who_may_follow_them(client, django_user_model):
    from django.contrib.auth.models import Permission

    viewer = django_user_model.objects.create_user("viewer", password="a-long-password-for-tests", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_question"))
    client.force_login(viewer)
    start = parse(client.get(reverse("admin:index")).content).find("div", class_="module start-here")
    links = {a.attrs["href"] for a in start.find_all("a")}
    assert reverse("admin:qa_question_translations") in links
    assert reverse("admin:qa_question_add") not in links and reverse("admin:qa_question_from_text") not in links


@pytest.mark.parametrize("model", ["question", "category", "tag"])
def test_every_translated_form_has_one_language_bar_with_every_language(admin_client, content, model):
    obj = {"question": content["first"], "category": content["category"], "tag": content["tag"]}[model]
    page = parse(admin_client.get(reverse(f"admin:qa_{model}_change", args=[obj.pk])).content)
    bar = page.find("div", class_="language-bar")
    assert [button.attrs["lang"] for button in bar.find_all("button")] == ["nl", "en", "de", "tr"]
    assert "hidden" in bar.attrs  # until static/js/language_bar.js wires it
    assert any("js/language_bar.js" in (s.attrs.get("src") or "") for s in page.find_all("script"))
