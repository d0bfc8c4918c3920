"""The modeltranslation registry: which fields get one column per language.

Stored numbers (read time, availability, question counts) are per language too, and so
are a question's state and publication date: each language is published on its own.
(The base columns that modeltranslation keeps beside them mirror whichever language was
active at a save; nothing reads them.)
Empty slugs are stored as NULL so that the per-language unique constraints
(models.unique_per_language) never see two empty values clash.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import Answer, Asker, Category, Question, Tag


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name", "slug", "description", "question_count")
    empty_values = {"slug": None}


@register(Tag)
class TagTranslation(TranslationOptions):
    fields = ("name", "slug", "question_count")
    empty_values = {"slug": None}


@register(Asker)
class AskerTranslation(TranslationOptions):
    """People's names are not translated; only how many questions readers of each
    language see from them."""

    fields = ("question_count",)


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("title", "slug", "summary", "state", "publish_at", "read_time", "is_complete", "is_available")
    empty_values = {"slug": None}


@register(Answer)
class AnswerTranslation(TranslationOptions):
    fields = ("heading", "body", "body_html")
