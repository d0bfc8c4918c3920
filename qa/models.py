"""Questions, their answers, and what they are filed under.

Text fields marked in translation.py get one column per language from
modeltranslation (title_nl, title_en, ...). The rules for what a reader may see live
here and nowhere else:

- visible to readers of a language: `Question.objects.visible(code)` (in Python,
  `Question.available_languages()`): its text in that language is complete
  (`Question.is_complete_in()`), the language's state is Published, and the language's
  publication date has come (scheduling needs no cron job). Completeness and "complete
  and published" are stored per language (`is_complete_<code>`, `is_available_<code>`)
  whenever the question or one of its answers is saved (like the read time), so that
  lists filter on plain columns; the date is compared in the query.
- each language has its own state (draft, in review, published) and publication date
  (`state_<code>`, `publish_at_<code>`); `published_at`, the date lists are ordered by,
  is the earliest of the published languages' dates (when the question first appeared).
- URLs: `get_absolute_url()` in the active language (qa.links.slug_path, one reverse()
  per language and route); qa.links asks for other languages.

Every content model saves inside a transaction (`@transaction.atomic` on save()), so
what the post_save signals write (derived data, stored counts, the content version)
commits at the same instant as the row itself: qa.content_version relies on that to
keep cached pages from ever being stale.
"""

import uuid
from datetime import UTC, datetime
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Count, Max, Q, Subquery, Value
from django.db.models.functions import Coalesce, Greatest, Least, NullIf
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TagBase, TaggedItemBase

from . import languages
from .languages import column
from .links import slug_path
from .markdown import render, validate_body
from .readtime import read_time_of_rendered
from .slugs import make_slug, unique_slug


def has_text(field, code):
    """The condition that field has text in language code (neither NULL nor empty)."""
    return Q(**{f"{column(field, code)}__gt": ""})


def display_name(obj, field):
    """The text of field in the active language, else English, else the first language that has it."""
    for code in [languages.active(), settings.LANGUAGE_CODE, *languages.codes()]:
        if text := getattr(obj, column(field, code)):
            return text
    return f"#{obj.pk}"


def unique_per_language(table, field):
    """One unique constraint per language column: modeltranslation keeps the original
    column too and copies the active language into it, so it cannot be unique itself.
    Missing translations are NULL, and NULLs never clash."""
    return [
        models.UniqueConstraint(fields=[column(field, code)], name=f"{table}_{field}_{code}_unique")
        for code, _name in settings.LANGUAGES
    ]


def require_some_language(obj, field):
    """Model validation: field has text in at least one language. Editors may write in
    any language first; which languages a question is available in follows from that."""
    if not any(getattr(obj, column(field, code)) for code in languages.codes()):
        label = obj._meta.get_field(field).verbose_name
        raise ValidationError(_("Fill in the %(field)s in at least one language.") % {"field": label})


def others_than(obj):
    """The rows of obj's model other than obj itself (all of them for an unsaved obj)."""
    manager = type(obj)._default_manager
    return manager.exclude(pk=obj.pk) if obj.pk else manager.all()


def fill_slugs(obj, source, remake_taken=False):
    """Give every language that has a `source` text but no slug one made from that
    text, unique in its language (`…-2`, `…-3`: qa.slugs.unique_slug). A text with
    nothing to make a slug from (only emoji or dashes) leaves it NULL, never '', so
    empty slugs never clash; missing_slugs() names them. With remake_taken (form
    validation), a slug the admin's script made from the text that another row has
    is made unique too; one the editor wrote is left for the unique constraint's
    form error to name."""
    max_length = obj._meta.get_field("slug").max_length
    others = others_than(obj)
    for code in languages.codes():
        name, text = column("slug", code), getattr(obj, column(source, code))
        slug = getattr(obj, name)
        made = make_slug(text, max_length) if text else ""
        taken = remake_taken and slug == made and others.filter(**{name: slug}).exists()
        if not slug or taken:
            setattr(obj, name, unique_slug(made, others, name, max_length))


def missing_slugs(obj, source):
    """{slug column: message} for each language whose `source` text gave no slug."""
    return {
        column("slug", code): _("Nothing in this text can make an address: write the slug for %(language)s.")
        % {"language": languages.name(code)}
        for code in languages.codes()
        if getattr(obj, column(source, code)) and not getattr(obj, column("slug", code))
    }


def refuse_same_name(obj, field="name"):
    """Model validation: no two objects of a kind share a name in one language
    (ignoring case): readers could not tell two tags "Marathon" apart."""
    others = others_than(obj)
    errors = {}
    for code in languages.codes():
        name = column(field, code)
        text = getattr(obj, name)
        if text and others.filter(**{f"{name}__iexact": text}).exists():
            errors[name] = _("There already is a %(kind)s named “%(name)s” in %(language)s.") % {
                "kind": obj._meta.verbose_name,
                "name": text,
                "language": languages.name(code),
            }
    return errors


def stable_id_field():
    """An identifier that stays when titles, names and slugs change: what the demo
    files (and exports) refer to an object by."""
    return models.UUIDField(_("identifier"), default=uuid.uuid4, unique=True, editable=False)


def question_count_field():
    """How many questions readers see on a category's, tag's or asker's page, per
    language (one column each); kept in step by qa.counts, never edited."""
    return models.PositiveIntegerField(_("questions"), default=0, editable=False)


def latest_change_field():
    """When a question readers see on the page last changed or appeared (the
    sitemap's lastmod); kept in step by qa.counts with the counts."""
    return models.DateTimeField(_("latest change"), null=True, editable=False)


class TranslatedSlugQuerySet(models.QuerySet):
    """Lookups for models whose name and slug are translated (Category, Tag)."""

    def available(self, code=None):
        code = code or languages.active()
        return self.filter(has_text("name", code) & has_text("slug", code))

    def most_used(self, code=None, limit=20):
        """The tags (or categories) with the most visible questions in code, none empty."""
        code = code or languages.active()
        count = column("question_count", code)
        return self.filter(**{f"{count}__gt": 0}).order_by(f"-{count}", column("name", code), "pk")[:limit]


class TranslatedSlugModel(models.Model):
    """A model reachable in a language when it has a name and a slug in it."""

    class Meta:
        abstract = True

    def __str__(self):
        return display_name(self, "name")

    @transaction.atomic
    def save(self, *args, **kwargs):
        fill_slugs(self, "name")
        # Straight to Model.save: TagBase.save would make a Unicode slug for the
        # active language only, from a name that may not exist in it.
        models.Model.save(self, *args, **kwargs)

    def get_absolute_url(self):
        """The URL in the active language, or None where there is no slug in it."""
        slug = self.current_slug()
        return slug_path(languages.active(), self.url_name, slug) if slug else None

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        """Remembers the names as read: qa.signals re-indexes this object's questions for
        search only when one of them changed (a category may hold thousands)."""
        instance = super().from_db(db, field_names, values, **kwargs)
        instance.names_as_read = instance.names()
        return instance

    def names(self):
        return {code: self.__dict__.get(column("name", code)) for code in languages.codes()}

    def names_changed(self):
        return getattr(self, "names_as_read", None) != self.names()

    def available_languages(self):
        return [
            code
            for code in languages.codes()
            if getattr(self, column("name", code)) and getattr(self, column("slug", code))
        ]

    def current_slug(self):
        return getattr(self, column("slug", languages.active()))

    def clean(self):
        """Names and slugs are checked here, before the form's unique checks run:
        slugs are filled in (unique), a name that gives none or that another object
        has in that language is named in the form."""
        require_some_language(self, "name")
        fill_slugs(self, "name", remake_taken=True)
        errors = {**missing_slugs(self, "name"), **refuse_same_name(self)}
        if errors:
            raise ValidationError(errors)


class Category(TranslatedSlugModel):
    uuid = stable_id_field()
    name = models.CharField(_("name"), max_length=100, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        blank=True,
        help_text=_("Part of the category's address in this language; filled in from the name."),
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("One or two sentences shown on the category page.")
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Categories are listed by this number, smallest first.")
    )
    question_count = question_count_field()
    latest_change = latest_change_field()

    objects = TranslatedSlugQuerySet.as_manager()
    url_name = "qa:category"

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        constraints = unique_per_language("qa_category", "slug")


class AskerQuerySet(models.QuerySet):
    def available(self, code=None):
        """Askers have a page in every language (names are not translated)."""
        return self.all()


class Asker(models.Model):
    """Who asked a question. People's names are the same in every language."""

    uuid = stable_id_field()
    name = models.CharField(_("name"), max_length=100, help_text=_("As it is shown on the page."))
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        blank=True,
        help_text=_("Part of the page's address; filled in from the name."),
    )
    question_count = question_count_field()
    latest_change = latest_change_field()

    objects = AskerQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("asker")
        verbose_name_plural = _("askers")

    def __str__(self):
        return self.name

    @transaction.atomic
    def save(self, *args, **kwargs):
        self.fill_slug()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_path(languages.active(), "qa:asker", self.slug)

    def available_languages(self):
        return languages.codes()

    def clean(self):
        self.fill_slug(remake_taken=True)

    def fill_slug(self, remake_taken=False):
        """Every asker has a page, so a slug: from the name, unique (`…-2`), and
        "asker" for a name with nothing to make one from (such as "⚽"); see
        fill_slugs for remake_taken."""
        others = others_than(self)
        made = make_slug(self.name, max_length=100) or "asker"
        if not self.slug or (remake_taken and self.slug == made and others.filter(slug=made).exists()):
            self.slug = unique_slug(made, others, "slug", 100)


class Tag(TranslatedSlugModel, TagBase):
    """A taggit tag whose name and slug are translated.

    TagBase's name and slug are unique; here uniqueness is per language column
    instead (see unique_per_language), and slugs are ASCII so `<slug:>` accepts them.
    """

    uuid = stable_id_field()
    name = models.CharField(_("name"), max_length=100, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        blank=True,
        help_text=_("Part of the tag's address in this language; filled in from the name."),
    )
    question_count = question_count_field()
    latest_change = latest_change_field()

    objects = TranslatedSlugQuerySet.as_manager()
    url_name = "qa:tag"

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        constraints = unique_per_language("qa_tag", "slug")


class TaggedQuestion(TaggedItemBase):
    content_object = models.ForeignKey("Question", on_delete=models.CASCADE, related_name="tagged_items")
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="tagged_questions")
    # A copy of the question's publication date (Question.save keeps it in step), so
    # that a tag's newest questions are one index range: the tag page and qa.related.
    published_at = models.DateTimeField(editable=False)

    class Meta:
        verbose_name = _("tagged question")
        verbose_name_plural = _("tagged questions")
        constraints = [models.UniqueConstraint(fields=["content_object", "tag"], name="qa_taggedquestion_once")]
        indexes = [models.Index(fields=["tag", "-published_at", "-content_object"], name="qa_tagged_newest_idx")]

    @transaction.atomic
    def save(self, *args, **kwargs):
        self.published_at = self.content_object.published_at
        super().save(*args, **kwargs)


NEVER = datetime(9999, 1, 1, tzinfo=UTC)  # later than any publication date


def visible_in(code, now=None):
    """The one rule for what readers of language code see: the question's text is
    complete in code and code's state is Published (both in `is_available_<code>`),
    and code's publication date has come."""
    return Q(**{column("is_available", code): True, f"{column('publish_at', code)}__lte": now or timezone.now()})


def visible_languages(value, now=None):
    """visible_in on a row already read: the codes, in tab order, of the languages whose
    stored columns say readers see them; value(column name) gives a column's value."""
    now = now or timezone.now()
    return [
        code
        for code in languages.codes()
        if value(column("is_available", code)) and value(column("publish_at", code)) <= now
    ]


class QuestionQuerySet(models.QuerySet):
    def published(self):
        """Visible in at least one language."""
        return self.filter(self._any_language())

    def visible_counts_by(self, field):
        """{value of field: ({code: questions visible in code}, latest change)}, e.g.
        per category_id: what qa.counts stores. One grouped query over the matching
        rows; a question "changes" for its lists when it is edited or comes due."""
        codes = languages.codes()
        rows = (
            self.published()
            .values(field)
            .order_by()
            .annotate(
                **{f"n_{code}": Count("pk", filter=visible_in(code)) for code in codes},
                latest=Max(Greatest("updated_at", "published_at"), filter=self._any_language()),
            )
        )
        return {row[field]: ({code: row[f"n_{code}"] for code in codes}, row["latest"]) for row in rows}

    @staticmethod
    def _any_language():
        now = timezone.now()
        condition = Q()
        for code in languages.codes():
            condition |= visible_in(code, now)
        return condition

    def visible(self, code=None):
        """What readers of language code (default: the active one) may see."""
        return self.filter(visible_in(code or languages.active()))

    @staticmethod
    def next_due_after(now):
        """An expression for the earliest publication date of a language still to come,
        or NULL: one short walk of each language's index of published dates
        (qa_question_due_*), inside whatever statement uses it."""
        never, output = Value(NEVER), models.DateTimeField()
        firsts = []
        for code in languages.codes():
            date = column("publish_at", code)
            upcoming = Question.objects.filter(**{column("state", code): Question.State.PUBLISHED, f"{date}__gt": now})
            first = Subquery(upcoming.order_by(date).values(date)[:1], output_field=output)
            firsts.append(Coalesce(first, never, output_field=output))
        return NullIf(Least(*firsts, output_field=output) if len(firsts) > 1 else firsts[0], never, output_field=output)

    def came_due(self, since, now):
        """Questions with a language whose publication date fell in (since, now]."""
        condition = Q()
        for code in languages.codes():
            condition |= Q(
                **{
                    column("state", code): Question.State.PUBLISHED,
                    f"{column('publish_at', code)}__gt": since,
                    f"{column('publish_at', code)}__lte": now,
                }
            )
        return self.filter(condition)

    def for_page(self, code=None):
        """With what a question page needs on every request: its text in code, and
        every language's slug and availability (the tabs). What its cached article
        needs besides (answers, category, asker, tags) is read when that is rendered."""
        code = code or languages.active()
        return self.only(
            "published_at",
            "updated_at",
            "category_id",
            "asker_id",
            *[column(field, code) for field in ("title", "summary", "read_time")],
            *[column(field, c) for c in languages.codes() for field in ("slug", "is_available", "publish_at")],
        )

    def for_listing(self, code=None):
        """With what a list or feed shows in language code, and no column of the other
        languages (each has a title, summary, ... of its own)."""
        code = code or languages.active()
        own = [column(field, code) for field in ("title", "slug", "summary", "read_time", "is_available", "publish_at")]
        return self.select_related("category", "asker").only(
            "published_at",
            "updated_at",
            *own,
            *[f"category__{column(field, code)}" for field in ("name", "slug")],
            "asker__name",
            "asker__slug",
        )


class Question(models.Model):
    class State(models.TextChoices):
        """Where a language of a question is on its way to readers (qa.editorial)."""

        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")

    uuid = stable_id_field()
    title = models.CharField(_("question"), max_length=200, blank=True, help_text=_("The question as readers ask it."))
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        blank=True,
        help_text=_("Part of the page's address in this language; filled in from the question."),
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two plain sentences on what the page answers, for lists and search engines."),
    )
    asker = models.ForeignKey(Asker, on_delete=models.PROTECT, related_name="questions", verbose_name=_("asked by"))
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="questions", verbose_name=_("category")
    )
    tags = TaggableManager(through=TaggedQuestion, blank=True, verbose_name=_("tags"))
    # Per language (translation.py): state_nl, publish_at_nl, ...
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT)
    publish_at = models.DateTimeField(
        _("publication date"),
        null=True,
        blank=True,
        help_text=_(
            "Readers see this language from this moment on, once it is Published; empty: when it is published."
        ),
    )
    source_language = models.CharField(
        _("source language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language the question was written in; the others are translations of it."),
    )
    published_at = models.DateTimeField(
        _("first published"),
        default=timezone.now,
        editable=False,
        help_text=_("The earliest publication date of its published languages: lists are ordered by it."),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    read_time = models.PositiveSmallIntegerField(
        _("read time"), null=True, editable=False, help_text=_("Minutes; computed from the text.")
    )
    # Computed on save, per language: see compute_derived() and is_complete_in().
    is_complete = models.BooleanField(_("complete"), default=False, editable=False)
    is_available = models.BooleanField(_("available"), default=False, editable=False)

    objects = QuestionQuerySet.as_manager()

    # What decides which lists (and counts) a question is in, in which languages.
    LISTED_BY = (
        "published_at",
        "category_id",
        "asker_id",
        *[column(field, c) for field in ("is_available", "publish_at") for c in languages.codes()],
    )

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        permissions = [("publish_question", _("Can publish and unpublish the languages of a question"))]
        constraints = unique_per_language("qa_question", "slug")
        # Lists are read newest first, page by page, in one language: a partial index
        # per language and list walks a page in order (qa.pagination reads a page's ids
        # from the index alone).
        indexes = [
            models.Index(fields=["-published_at", "-id"], name="qa_question_newest_idx"),
            *[
                models.Index(
                    fields=[*prefix, "-published_at", "-id"],
                    condition=Q(**{column("is_available", code): True}),
                    name=f"qa_question_{name}_{code}_idx",
                )
                for code in languages.codes()
                for name, prefix in (("newest", []), ("category", ["category"]), ("asker", ["asker"]))
            ],
            # The next scheduled publication, looked up on every change (next_due_after).
            *[
                models.Index(
                    fields=[column("publish_at", code)],
                    condition=Q(**{column("state", code): "published"}),  # State.PUBLISHED
                    name=f"qa_question_due_{code}_idx",
                )
                for code in languages.codes()
            ],
        ]

    def __str__(self):
        return display_name(self, "title")

    @transaction.atomic
    def save(self, *args, **kwargs):
        fill_slugs(self, "title")
        self.compute_derived()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "updated_at"}
        slug_columns = [column("slug", code) for code in languages.codes()]
        # The row as it was, for the slug history below and for qa.counts (via the
        # post_save signal), which recounts lists only when what they show changed.
        self.stored_before = (
            Question.objects.filter(pk=self.pk).values(*slug_columns, *self.LISTED_BY).first() if self.pk else None
        )
        super().save(*args, **kwargs)
        if self.stored_before and self.stored_before["published_at"] != self.published_at:
            self.tagged_items.update(published_at=self.published_at)
        if self.stored_before:
            changed = {
                code: self.stored_before[column("slug", code)]
                for code in languages.codes()
                if self.stored_before[column("slug", code)] != getattr(self, column("slug", code))
            }
            RetiredSlug.retire(self, changed)

    def get_absolute_url(self):
        return slug_path(languages.active(), "qa:question", getattr(self, column("slug", languages.active())))

    def clean(self):
        """Slugs are filled in (unique) before the form's unique checks run; a
        published question's language whose title gives no slug is named."""
        require_some_language(self, "title")
        fill_slugs(self, "title", remake_taken=True)
        published = {column("slug", code) for code, state in self.states().items() if state == self.State.PUBLISHED}
        errors = {name: message for name, message in missing_slugs(self, "title").items() if name in published}
        if errors:
            raise ValidationError(errors)

    def set_state(self, state, codes=None, at=None):
        """Put the languages codes (default: every one) in state; a published one goes
        live at `at`, or on its own date if it has one, or when saved."""
        for code in codes or languages.codes():
            setattr(self, column("state", code), state)
            if at is not None:
                setattr(self, column("publish_at", code), at)

    def states(self):
        """{code: state} of every language."""
        return {code: getattr(self, column("state", code)) for code in languages.codes()}

    def compute_derived(self):
        """Read time and availability per language, from the title and the answers as
        stored (their headings and rendered bodies: no Markdown is rendered here, so
        this is one query and O(answers)). Called by save(); saving or deleting an
        answer re-saves its question, once per admin save (qa.batch)."""
        stored = [column(field, code) for field in ("heading", "body_html") for code in languages.codes()]
        answers = list(self.answers.values_list("pk", *stored)) if self.pk else []
        n = len(languages.codes())
        for i, code in enumerate(languages.codes()):
            title = getattr(self, column("title", code))
            pairs = [(answer[1 + i], answer[1 + n + i]) for answer in answers]
            complete = self.is_complete_in(code, pairs)
            published = getattr(self, column("state", code)) == self.State.PUBLISHED
            setattr(self, column("read_time", code), read_time_of_rendered(code, title, pairs) if title else None)
            setattr(self, column("is_complete", code), complete)
            setattr(self, column("is_available", code), complete and published)
        self.date_languages()

    def date_languages(self):
        """A language published without a date is published now; the question's own
        date is the earliest of its published languages' (kept when none is)."""
        dates = []
        for code, state in self.states().items():
            if state == self.State.PUBLISHED:
                if getattr(self, column("publish_at", code)) is None:
                    setattr(self, column("publish_at", code), timezone.now())
                dates.append(getattr(self, column("publish_at", code)))
        if dates:
            self.published_at = min(dates)

    def is_complete_in(self, code, answers):
        """The rule for "available in a language": a title and a slug in it, at least one
        answer, and every answer's sub-question and answer ((heading, body_html) pairs:
        an answer whose Markdown renders to nothing is no answer) in it."""
        return bool(
            getattr(self, column("title", code))
            and getattr(self, column("slug", code))
            and answers
            and all(heading and body for heading, body in answers)
        )

    def available_languages(self):
        """Codes of the languages readers can read this question in, in tab order."""
        return visible_languages(partial(getattr, self))

    def visible_tags(self):
        """The question's tags that have a name and a page in the active language."""
        code = languages.active()
        return list(
            Tag.objects.available(code)
            .filter(tagged_questions__content_object=self)
            .order_by(column("name", code), "pk")
        )


class Answer(models.Model):
    """One sub-question of a question and its answer, in Markdown."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Answers are shown in this order.")
    )
    heading = models.CharField(_("sub-question"), max_length=200, blank=True)
    body = models.TextField(
        _("answer"), blank=True, help_text=_("Markdown: paragraphs, lists, tables and > quotes. HTML is removed.")
    )
    body_html = models.TextField(editable=False, blank=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self):
        return display_name(self, "heading")

    @transaction.atomic
    def save(self, *args, **kwargs):
        """Renders the Markdown of the languages whose body changed since it was read
        (every language of a new answer), and only those."""
        for code in self.changed_bodies():
            body = getattr(self, column("body", code))
            setattr(self, column("body_html", code), render(body) if body else None)
        super().save(*args, **kwargs)
        self.rendered_bodies = {code: getattr(self, column("body", code)) for code in languages.codes()}

    def clean(self):
        """Both parts of an answer or neither, in each language, and a changed body
        within the limits of qa.markdown.validate_body (named on its language's field):
        an admin save of 200 answers checks only the ones edited."""
        require_some_language(self, "heading")
        for code in languages.codes():
            if bool(getattr(self, column("heading", code))) != bool(getattr(self, column("body", code))):
                raise ValidationError(
                    _("%(language)s: fill in both the sub-question and its answer, or neither.")
                    % {"language": languages.name(code)}
                )
        errors = {}
        for code in self.changed_bodies():  # the others passed when they were saved
            try:
                validate_body(getattr(self, column("body", code)))
            except ValidationError as error:
                errors[column("body", code)] = error.error_list
        if errors:
            raise ValidationError(errors)

    def changed_bodies(self):
        """The languages whose body differs from the one read from the database (all of
        them for a new answer): what save() renders and clean() checks."""
        rendered = getattr(self, "rendered_bodies", {})
        return [
            code
            for code in languages.codes()
            if code not in rendered or rendered[code] != getattr(self, column("body", code))
        ]

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        """Remembers the bodies as read: save() renders only those that changed."""
        answer = super().from_db(db, field_names, values, **kwargs)
        answer.rendered_bodies = {
            code: getattr(answer, column("body", code))
            for code in languages.codes()
            if column("body", code) in field_names
        }
        return answer


class RetiredSlug(models.Model):
    """A question's earlier slug in one language, kept so that old links keep working:
    they answer 301 to the question's current URL, or 410 once the question has been
    deleted (question is then NULL)."""

    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    slug = models.SlugField(_("slug"), max_length=200)
    question = models.ForeignKey(
        Question, null=True, on_delete=models.SET_NULL, related_name="retired_slugs", verbose_name=_("question")
    )
    retired_at = models.DateTimeField(_("retired"), auto_now=True)

    class Meta:
        ordering = ["-retired_at"]
        verbose_name = _("retired slug")
        verbose_name_plural = _("retired slugs")
        constraints = [models.UniqueConstraint(fields=["language", "slug"], name="qa_retiredslug_once")]

    def __str__(self):
        return f"/{self.language}/…/{self.slug}/"

    @classmethod
    def retire(cls, question, slugs):
        """Remember {language: slug} as old slugs of question (None: a deleted question)."""
        for code, slug in slugs.items():
            if slug:
                cls.objects.update_or_create(language=code, slug=slug, defaults={"question": question})


class ContentVersion(models.Model):
    """One row counting content changes, written in the same transaction as the change
    itself (see qa.content_version): cached pages are keyed by it, so every app server
    sees a change on its very next request."""

    number = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)
    # The earliest scheduled publication still to come when the number last changed:
    # the first request after it bumps the number (qa.content_version.publish_due).
    next_due = models.DateTimeField(null=True, blank=True)
    # Counts the changes of categories, tags and askers alone: their names and addresses
    # appear in every question page's article, cached per question (qa.fragments).
    labels_number = models.PositiveBigIntegerField(default=0)
    labels_changed_at = models.DateTimeField(default=timezone.now)
    # Names this database in the copy of the row in Redis: a copy of another database's
    # row is replaced, never trusted (qa.content_version.current_shared).
    database_id = models.UUIDField(default=uuid.uuid4, editable=False)

    class Meta:
        verbose_name = _("content version")
        verbose_name_plural = _("content versions")

    def __str__(self):
        return f"{self.number} ({self.changed_at:%Y-%m-%d %H:%M:%S})"


class SearchWord(models.Model):
    """A word found in the search index of a language, for "Did you mean …"
    (qa.search.suggestions) and for the terms a half-typed word may stand for
    (qa.search.prefixes): the matching form (qa.search.text.fold) and the word as
    first written, in lower case, and its stem. Words are added as questions are indexed and dropped
    only by a rebuild, whatever the state of their text, so a word may be a draft's or
    outlive its last question: a suggestion offers only words that find something readers
    can see. Its first and last two letters are indexed, so the
    candidates for a misspelt word are the words that begin or end like it."""

    language = models.CharField(max_length=10)
    folded = models.CharField(max_length=100)
    word = models.CharField(max_length=100)
    stem = models.CharField(max_length=100)  # its index term: qa.search.prefixes
    head = models.CharField(max_length=2)
    tail = models.CharField(max_length=2)
    length = models.PositiveSmallIntegerField()

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")
        constraints = [models.UniqueConstraint(fields=["language", "folded"], name="qa_searchword_unique")]
        indexes = [
            models.Index(fields=["language", "head", "length"], name="qa_searchword_head"),
            models.Index(fields=["language", "tail", "length"], name="qa_searchword_tail"),
            models.Index(fields=["language", "stem"], name="qa_searchword_stem"),
        ]

    def __str__(self):
        return f"{self.language}: {self.word}"
