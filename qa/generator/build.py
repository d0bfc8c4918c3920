"""Building synthetic questions in bulk.

Everything is drawn from one random.Random(seed), so the same seed on an empty database
gives the same content. Texts are rendered once per *block* (a paragraph, or a
sentence with a list under it) from a pool, and an answer's body is one to three blocks
joined by a blank line: CommonMark renders such a body as the blocks' HTML joined by a
newline (tests/test_generator.py checks that against qa.markdown.render for every
generated answer), which is what makes 100,000 questions a matter of minutes. Read
times, availability and slugs come from the same functions a save uses.
"""

import itertools
import random
import string
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models.base import ModelState
from django.utils import timezone, translation

from qa import languages, search
from qa.content_version import bump_content_version
from qa.counts import refresh_all_counts
from qa.languages import column
from qa.markdown import html_to_text, render
from qa.models import Answer, Asker, Category, Question, Tag, TaggedQuestion
from qa.readtime import count_words, minutes_for
from qa.slugs import make_slug

from . import vocabulary as words

# Distinct paragraphs (and lists) per run: enough that answers rarely repeat, and
# fewer for a small run (rendering the pool is most of a small run's time).
PARAGRAPH_POOL = 3000
LIST_POOL = 600
MAX_TAGS = 300
MAX_ASKERS = 2000
YEARS_OF_HISTORY = 6
# Shares of questions that are not (fully) in a language, drafts and scheduled ones.
MISSING_LANGUAGE = {"nl": 0.04, "en": 0.02, "de": 0.06, "tr": 0.10}
INCOMPLETE = 0.02  # a language with a title but one answer left untranslated
DRAFT = 0.02
SCHEDULED = 0.01


@dataclass(frozen=True)
class Block:
    """One paragraph or list of an answer, in every language."""

    markdown: dict
    html: dict
    words: dict


class Blank:
    """New unsaved instances of model without running its __init__ each time
    (modeltranslation's patched __init__ costs about a millisecond per answer)."""

    def __init__(self, model):
        self.model = model
        self.fields = {name: value for name, value in vars(model()).items() if name != "_state"}
        # A unique field's default (the uuid) is made anew for each instance.
        self.fresh = [field for field in model._meta.concrete_fields if field.unique and field.has_default()]

    def __call__(self, **values):
        obj = self.model.__new__(self.model)
        obj.__dict__.update(self.fields)
        obj._state = ModelState()
        for field in self.fresh:
            obj.__dict__[field.attname] = field.get_default()
        obj.__dict__.update(values)
        return obj


@dataclass
class Report:
    questions: int = 0
    answers: int = 0
    tags: int = 0
    categories: int = 0
    askers: int = 0


class Filler:
    """Fills the vocabulary's templates with the same values in every language."""

    def __init__(self, rng):
        self.rng = rng

    def values(self):
        return {
            "sport": self.rng.randrange(len(words.SPORTS)),
            "skill": self.rng.randrange(len(words.SKILLS)),
            "people": self.rng.randrange(len(words.PEOPLE)),
            "number": self.rng.randint(2, 20),
        }

    def pick(self, templates):
        """(template index, values): a sentence that is the same in every language."""
        return self.rng.randrange(len(templates[languages.codes()[0]])), self.values()

    @staticmethod
    def text(templates, choice, code):
        index, values = choice
        filled = {
            "sport": words.SPORTS[values["sport"]][code],
            "skill": words.SKILLS[values["skill"]][code],
            "people": words.PEOPLE[values["people"]][code],
            "number": values["number"],
        }
        return string.Formatter().vformat(templates[code][index], (), filled)


class ContentGenerator:
    def __init__(self, seed=1, log=None):
        self.rng = random.Random(seed)
        self.fill = Filler(self.rng)
        self.log = log or (lambda message: None)
        self.codes = languages.codes()
        self.new_question, self.new_answer, self.new_tagged = Blank(Question), Blank(Answer), Blank(TaggedQuestion)

    # -- what questions are filed under -------------------------------------------

    def categories(self):
        found = []
        for position, (names, descriptions) in enumerate(
            zip(words.CATEGORIES, words.CATEGORY_DESCRIPTIONS, strict=True), start=1
        ):
            category = Category.objects.filter(slug_en=make_slug(names["en"], 100)).first()
            if category is None:
                category = Category(position=position)
                for code in self.codes:
                    setattr(category, column("name", code), names[code])
                    setattr(category, column("description", code), descriptions[code])
                category.save()
            found.append(category)
        return found

    def tag_names(self, count):
        """Up to count tag names per language: sports, skills, then "skill (sport)"."""
        candidates = [*words.SPORTS, *words.SKILLS]
        pairs = list(itertools.product(range(len(words.SKILLS)), range(len(words.SPORTS))))
        random.Random(0).shuffle(pairs)
        candidates += [
            {code: f"{words.SKILLS[skill][code]} ({words.SPORTS[sport][code]})" for code in self.codes}
            for skill, sport in pairs
        ]
        seen = {code: set() for code in self.codes}
        names = []
        for candidate in candidates:
            slugs = {code: make_slug(candidate[code], 100) for code in self.codes}
            if any(not slugs[code] or slugs[code] in seen[code] for code in self.codes):
                continue
            for code in self.codes:
                seen[code].add(slugs[code])
            names.append(candidate)
            if len(names) == count:
                break
        return names

    def tags(self, count):
        names = self.tag_names(count)
        existing = {
            tag.slug_en: tag for tag in Tag.objects.filter(slug_en__in=[make_slug(n["en"], 100) for n in names])
        }
        new = []
        for name in names:
            if make_slug(name["en"], 100) in existing:
                continue
            tag = Tag()
            for code in self.codes:
                setattr(tag, column("name", code), name[code])
                setattr(tag, column("slug", code), make_slug(name[code], 100))
            new.append(tag)
        Tag.objects.bulk_create(new, batch_size=500)
        return list(Tag.objects.filter(slug_en__in=[make_slug(n["en"], 100) for n in names]).order_by("pk"))

    def askers(self, count):
        pairs = list(itertools.product(words.FIRST_NAMES, words.LAST_NAMES))
        self.rng.shuffle(pairs)
        names = [f"{first} {last}" for first, last in pairs[:count]]
        slugs = {make_slug(name, 100): name for name in names}
        existing = set(Asker.objects.filter(slug__in=slugs).values_list("slug", flat=True))
        Asker.objects.bulk_create(
            [Asker(name=name, slug=slug) for slug, name in slugs.items() if slug not in existing], batch_size=1000
        )
        return list(Asker.objects.filter(slug__in=slugs).order_by("pk"))

    # -- texts ----------------------------------------------------------------------

    def block(self, with_list):
        """A paragraph of 2-5 sentences, or an introducing sentence with a list."""
        if with_list:
            intro = self.fill.pick(words.LIST_INTROS)
            items = [self.fill.pick(words.LIST_ITEM_TEMPLATES) for _ in range(self.rng.randint(3, 6))]
            ordered = self.rng.random() < 0.3

            def markdown(code):
                lines = [
                    f"{n}. {self.fill.text(words.LIST_ITEM_TEMPLATES, item, code)}"
                    if ordered
                    else f"- {self.fill.text(words.LIST_ITEM_TEMPLATES, item, code)}"
                    for n, item in enumerate(items, start=1)
                ]
                return self.fill.text(words.LIST_INTROS, intro, code) + "\n\n" + "\n".join(lines)

        else:
            sentences = [self.fill.pick(words.SENTENCE_TEMPLATES) for _ in range(self.rng.randint(2, 5))]

            def markdown(code):
                return " ".join(self.fill.text(words.SENTENCE_TEMPLATES, s, code) for s in sentences)

        texts = {code: markdown(code) for code in self.codes}
        html = {code: render(text) for code, text in texts.items()}
        return Block(texts, html, {code: count_words(html_to_text(html[code])) for code in self.codes})

    def block_pools(self, questions):
        paragraphs = min(PARAGRAPH_POOL, 20 + 2 * questions)
        lists = min(LIST_POOL, 5 + questions // 2)
        self.log(f"Rendering {paragraphs} paragraphs and {lists} lists in {len(self.codes)} languages")
        return (
            [self.block(with_list=False) for _ in range(paragraphs)],
            [self.block(with_list=True) for _ in range(lists)],
        )

    def body(self, paragraphs, lists):
        """An answer body: a paragraph, sometimes a list after it, sometimes another paragraph."""
        blocks = [self.rng.choice(paragraphs)]
        if self.rng.random() < 0.35:
            blocks.append(self.rng.choice(lists))
        if self.rng.random() < 0.4:
            blocks.append(self.rng.choice(paragraphs))
        return blocks

    # -- questions ------------------------------------------------------------------

    def languages_of(self):
        """(complete languages, incomplete languages) of one question."""
        missing = {code for code, share in MISSING_LANGUAGE.items() if self.rng.random() < share}
        if len(missing) == len(self.codes):
            missing.discard("en")
        present = [code for code in self.codes if code not in missing]
        incomplete = {self.rng.choice(present)} if len(present) > 1 and self.rng.random() < INCOMPLETE else set()
        return present, incomplete

    def status_and_date(self, now):
        """(state of its languages, date): a few drafts and scheduled questions."""
        roll = self.rng.random()
        if roll < SCHEDULED:
            return Question.State.PUBLISHED, now + timedelta(minutes=self.rng.randint(10, 60 * 24 * 30))
        status = Question.State.DRAFT if roll < SCHEDULED + DRAFT else Question.State.PUBLISHED
        return status, now - timedelta(seconds=self.rng.randint(60, YEARS_OF_HISTORY * 365 * 24 * 3600))

    def question(self, number, now, pools, categories, tags, askers):
        """One unsaved question with its unsaved answers and chosen tags."""
        present, incomplete = self.languages_of()
        status, published_at = self.status_and_date(now)
        question = self.new_question(
            published_at=published_at,
            category_id=self.rng.choices(categories, weights=range(len(categories), 0, -1))[0].pk,
            asker_id=self.rng.choice(askers).pk,
        )
        title, summary = self.fill.pick(words.TITLE_TEMPLATES), self.fill.pick(words.SUMMARY_TEMPLATES)
        headings = [self.fill.pick(words.HEADING_TEMPLATES) for _ in range(self.rng.randint(3, 10))]
        bodies = [self.body(*pools) for _ in headings]
        untranslated = self.rng.randrange(len(headings))
        answers = [self.new_answer(position=position) for position in range(1, len(headings) + 1)]
        for code in self.codes:
            if code not in present:
                continue
            text = self.fill.text(words.TITLE_TEMPLATES, title, code)
            suffix = f"-{number}"
            setattr(question, column("title", code), text)
            setattr(question, column("slug", code), make_slug(text, 200 - len(suffix)) + suffix)
            setattr(question, column("summary", code), self.fill.text(words.SUMMARY_TEMPLATES, summary, code))
            total = count_words(text)
            pairs = []
            for n, (answer, heading, blocks) in enumerate(zip(answers, headings, bodies, strict=True)):
                if code in incomplete and n == untranslated:
                    pairs.append(("", ""))
                    continue
                heading_text = self.fill.text(words.HEADING_TEMPLATES, heading, code)
                setattr(answer, column("heading", code), heading_text)
                setattr(answer, column("body", code), "\n\n".join(block.markdown[code] for block in blocks))
                setattr(answer, column("body_html", code), "\n".join(block.html[code] for block in blocks))
                total += count_words(heading_text) + sum(block.words[code] for block in blocks)
                pairs.append((heading_text, getattr(answer, column("body", code))))
            complete = question.is_complete_in(code, pairs)
            setattr(question, column("read_time", code), minutes_for(code, total))
            setattr(question, column("state", code), status)
            setattr(question, column("publish_at", code), published_at if status == Question.State.PUBLISHED else None)
            setattr(question, column("is_complete", code), complete)
            setattr(question, column("is_available", code), complete and status == Question.State.PUBLISHED)
        chosen = self.rng.sample(tags, k=min(len(tags), self.rng.randint(1, 5)))
        return question, answers, chosen

    def run(self, count, batch_size=1000):
        """Create count questions (and what they need); returns a Report."""
        report = Report()
        # The base columns (title, ...) mirror the default language, as after a save.
        with translation.override(settings.LANGUAGE_CODE):
            categories = self.categories()
            tags = self.tags(min(MAX_TAGS, max(20, count // 100)))
            askers = self.askers(min(MAX_ASKERS, max(5, count // 50)))
            report.categories, report.tags, report.askers = len(categories), len(tags), len(askers)
            # Popular tags are used far more often than rare ones, as on a real site.
            weighted_tags = [tag for rank, tag in enumerate(tags, start=1) for _ in range(max(1, 30 // rank + 1))]
            pools = self.block_pools(count)
            now = timezone.now()
            offset = (Question.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
            for start in range(0, count, batch_size):
                size = min(batch_size, count - start)
                with transaction.atomic():
                    if connection.vendor == "postgresql":
                        # Load-test data: a crash may lose the last batches, never corrupt
                        # anything, and not waiting for each batch's WAL flush saves minutes.
                        with connection.cursor() as cursor:
                            cursor.execute("SET LOCAL synchronous_commit TO OFF")
                    built = [
                        self.question(offset + start + n, now, pools, categories, weighted_tags, askers)
                        for n in range(size)
                    ]
                    Question.objects.bulk_create([question for question, _answers, _tags in built])
                    answers, tagged = [], []
                    for question, question_answers, question_tags in built:
                        for answer in question_answers:
                            answer.question_id = question.pk
                        answers += question_answers
                        tagged += [
                            self.new_tagged(
                                content_object_id=question.pk, tag_id=tag.pk, published_at=question.published_at
                            )
                            for tag in dict.fromkeys(question_tags)
                        ]
                    Answer.objects.bulk_create(answers, batch_size=500)
                    TaggedQuestion.objects.bulk_create(tagged, batch_size=2000)
                    search.index([question.pk for question, _answers, _tags in built])  # as a save would
                report.questions += size
                report.answers += len(answers)
                self.log(f"{report.questions} of {count} questions")
            with transaction.atomic():
                refresh_all_counts()
                bump_content_version()
        return report
