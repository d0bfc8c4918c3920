"""The modeltranslation registry: which fields get one column per language.

Empty slugs are stored as NULL so that the per-language unique constraints
(models.unique_per_language) never see two empty values clash.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import Answer, Category, Question, Tag


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name", "slug", "description")
    empty_values = {"slug": None}


@register(Tag)
class TagTranslation(TranslationOptions):
    fields = ("name", "slug")
    empty_values = {"slug": None}


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("title", "slug", "summary", "read_time", "is_available")
    empty_values = {"slug": None}


@register(Answer)
class AnswerTranslation(TranslationOptions):
    fields = ("heading", "body", "body_html")
