"""No editor input reaches an IntegrityError: slugs are made unique per language when
they are made from a title or name, never '' (NULL when nothing can make one), and a
slug that cannot be made where one is needed is a form error on its field."""

import pytest
from django.urls import reverse
from django.utils import translation

from qa.models import Asker, Category, Question, Tag
from tests.factories import make_asker, make_category, make_tag
from tests.test_admin import question_form_data

pytestmark = pytest.mark.django_db
LANGUAGES = ("nl", "en", "de", "tr")


def add_question(admin_client, title, status="published", slug=""):
    data = question_form_data(
        asker=make_asker(),
        category=make_category(),
        tags=[],
        titles={"en": title},
        answers=[{"en": ("Why?", "Because.")}],
        status=status,
    )
    data["slug_en"] = slug
    return admin_client.post(reverse("admin:qa_question_add"), data)


def form_errors(response):
    assert response.status_code == 200, "expected the form again, with errors"
    return response.context["adminform"].form.errors


@pytest.mark.parametrize("title", ["⚽🏃", "-" * 200, "!!! ???"])
def test_a_published_title_with_nothing_to_make_a_slug_from_is_a_form_error(admin_client, title):
    errors = form_errors(add_question(admin_client, title))
    assert "slug_en" in errors and "write the slug for English" in str(errors["slug_en"])
    assert not Question.objects.exists()


@pytest.mark.parametrize("title", ["⚽🏃", "-" * 200])
def test_drafts_with_such_titles_save_with_no_slug_as_often_as_wanted(admin_client, title):
    for _ in range(2):
        assert add_question(admin_client, title, status="draft").status_code == 302
    assert list(Question.objects.values_list("slug_en", flat=True)) == [None, None]
    assert not any(question.is_available_en for question in Question.objects.all())


def test_a_repeated_title_gets_a_numbered_slug_whether_left_blank_or_prefilled(admin_client):
    assert add_question(admin_client, "How far is a marathon?").status_code == 302
    assert add_question(admin_client, "How far is a marathon?").status_code == 302  # left blank
    prefilled = add_question(admin_client, "How far is a marathon?", slug="how-far-is-a-marathon")
    assert prefilled.status_code == 302  # as the admin's script fills it in
    slugs = sorted(Question.objects.values_list("slug_en", flat=True))
    assert slugs == ["how-far-is-a-marathon", "how-far-is-a-marathon-2", "how-far-is-a-marathon-3"]


def test_a_slug_written_by_hand_that_is_taken_is_a_form_error(admin_client):
    add_question(admin_client, "How far is a marathon?")
    errors = form_errors(add_question(admin_client, "Another question", slug="how-far-is-a-marathon"))
    assert "slug_en" in errors
    assert Question.objects.count() == 1


def test_a_long_repeated_title_still_fits_its_slug_column(admin_client):
    title = "Why " + "very " * 60 + "long?"
    title = title[:200]
    for _ in range(3):
        assert add_question(admin_client, title).status_code == 302
    slugs = list(Question.objects.values_list("slug_en", flat=True))
    assert len(set(slugs)) == 3 and all(len(slug) <= 200 for slug in slugs)


def category_data(**names):
    data = {"position": 0}
    for code in LANGUAGES:
        data |= {f"name_{code}": names.get(code, ""), f"slug_{code}": "", f"description_{code}": ""}
    return data


def test_a_category_name_with_nothing_to_make_a_slug_from_is_a_form_error(admin_client):
    url = reverse("admin:qa_category_add")
    assert admin_client.post(url, category_data(en="Running")).status_code == 302
    for _ in range(2):
        errors = form_errors(admin_client.post(url, category_data(en="⚽")))
        assert "slug_en" in errors
    assert Category.objects.count() == 1


def test_a_second_category_or_tag_of_the_same_name_is_a_form_error(admin_client):
    make_category("Running")  # "Running (en)", ...
    make_tag("Marathon")
    errors = form_errors(admin_client.post(reverse("admin:qa_category_add"), category_data(en="running (EN)")))
    assert "name_en" in errors and "already" in str(errors["name_en"])
    tag_data = {f"name_{code}": "" for code in LANGUAGES} | {f"slug_{code}": "" for code in LANGUAGES}
    errors = form_errors(admin_client.post(reverse("admin:qa_tag_add"), tag_data | {"name_en": "Marathon (en)"}))
    assert "name_en" in errors
    assert Tag.objects.count() == 1


def test_names_that_make_the_same_slug_get_numbered_slugs(admin_client):
    url = reverse("admin:qa_tag_add")
    tag_data = {f"name_{code}": "" for code in LANGUAGES} | {f"slug_{code}": "" for code in LANGUAGES}
    for name in ("Marathon", "Marathon!", "marathon?"):
        assert admin_client.post(url, tag_data | {"name_en": name}).status_code == 302
    assert sorted(Tag.objects.values_list("slug_en", flat=True)) == ["marathon", "marathon-2", "marathon-3"]


def test_askers_always_get_a_slug_and_a_page(admin_client, client):
    url = reverse("admin:qa_asker_add")
    for name in ("⚽", "⚽", "Elif Yıldız", "Elif Yildiz"):
        assert admin_client.post(url, {"name": name, "slug": ""}).status_code == 302
    slugs = list(Asker.objects.order_by("pk").values_list("slug", flat=True))
    assert slugs == ["asker", "asker-2", "elif-yildiz", "elif-yildiz-2"]
    asker = Asker.objects.get(slug="asker-2")
    for code in LANGUAGES:
        with translation.override(code):
            assert client.get(asker.get_absolute_url()).status_code == 200


def test_commands_and_the_shell_get_unique_slugs_too():
    first = Category.objects.create(name_en="Trail")
    second = Category.objects.create(name_en="Trail!")
    third = Category.objects.create(name_en="🏔")
    assert (first.slug_en, second.slug_en, third.slug_en) == ("trail", "trail-2", None)
    assert Asker.objects.create(name="⚽").slug == "asker"
