import pytest
from django.db import IntegrityError

from qa.slugs import anchor_ids, make_slug
from tests.factories import make_question, make_tag


def test_turkish_dotless_i_and_german_sharp_s_are_spelled_out():
    assert make_slug("Nasıl başlarım?") == "nasil-baslarim"
    assert make_slug("İstanbul Maratonu") == "istanbul-maratonu"
    assert make_slug("Wie groß ist der Fußball?") == "wie-gross-ist-der-fussball"
    assert make_slug("Waarom is één ronde 400 meter?") == "waarom-is-een-ronde-400-meter"


def test_anchor_ids_are_unique_and_readable():
    assert anchor_ids(["Why?", "Why?", "", "Nasıl?"]) == ["why", "why-2", "q3", "nasil"]


@pytest.mark.django_db
def test_slugs_are_filled_from_each_languages_title():
    question = make_question(title="Wie groß ist ein Fußballfeld")
    assert question.slug_de == "wie-gross-ist-ein-fussballfeld-de"


@pytest.mark.django_db
def test_the_same_slug_may_be_used_by_different_languages_but_not_twice_in_one():
    tag = make_tag("Marathon")
    assert tag.slug_nl == "marathon-nl"
    first, second, third = (make_question(title="Same") for _ in range(3))
    assert (first.slug_en, second.slug_en, third.slug_en) == ("same-en", "same-en-2", "same-en-3")
    first.slug_de = second.slug_de
    with pytest.raises(IntegrityError):  # one written by hand is not renamed: the form says so
        first.save()


def test_anchor_ids_never_take_an_id_of_the_page_layout():
    ids = anchor_ids(["Content", "Related title", "main_content", "related_title", "toc_title"])
    assert ids == ["content", "related-title", "main-content", "related-title-2", "toc-title"]
    assert not any("_" in anchor for anchor in ids)


@pytest.mark.django_db
def test_a_tag_named_only_in_another_language_than_the_active_one_saves():
    from django.utils import translation

    from qa.models import Tag

    with translation.override("en"):
        tag = Tag.objects.create(name_tr="Dayanıklılık")
    assert (tag.slug_tr, tag.slug_en) == ("dayaniklilik", None)
    assert str(tag) == "Dayanıklılık"
