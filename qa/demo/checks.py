"""Checks of single values in the demo files, each problem named by file and field.

The checks collect problems instead of stopping at the first, so that one run of
load_demo names everything there is to fix ("02-x.toml: answers[3].body.de: ...").
Each returns the value it checked (None when there is nothing usable), so that the
reader can go on and check the rest of the file. Lengths come from the model fields'
max_length, so that a text the admin would refuse is refused here too.
"""

import datetime
import json
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from qa import languages, markdown
from qa.languages import column
from qa.slugs import make_slug

KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Where:
    """A place in a demo file: the file's name and the path of a field in it,
    counting the blocks of an array of tables from 1, as a reader of the file does."""

    file: str
    path: str = ""

    def field(self, name):
        return Where(self.file, f"{self.path}.{name}" if self.path else name)

    def item(self, number):
        return Where(self.file, f"{self.path}[{number}]")

    @property
    def name(self):
        """The last field of the path: "body" for answers[2].body."""
        return self.path.rsplit(".", 1)[-1]

    def __str__(self):
        return f"{self.file}: {self.path}" if self.path else self.file

    def in_words(self):
        """For naming the other record in a message: "categories[1] in site.toml"."""
        return f"{self.path} in {self.file}" if self.path else self.file


class Problems(list):
    """What is wrong with the demo files so far, each as "<file>: <field>: <problem>"."""

    def add(self, where, message):
        self.append(f"{where}: {message}")


def shown(value):
    """A value as the file spells it, kept short: "first", 3, true, an array, a table."""
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return json.dumps(value if len(value) <= 40 else value[:40] + "…", ensure_ascii=False)
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def max_length(model, name):
    """The admin's limit for a column, e.g. max_length(Question, "title_de") == 200;
    None for a text field, which has none."""
    return model._meta.get_field(name).max_length


def known_fields(problems, where, table, allowed):
    """Name every field of table that is not one of allowed: a typo such as `titel`
    would otherwise be ignored and show up later as a missing title."""
    for name in table:
        if name not in allowed:
            problems.add(where.field(name), f"unknown field; the fields here are {', '.join(allowed)}")


def text(problems, where, value, limit=None):
    """A string with text in it (surrounding white space dropped), at most limit long."""
    if value is None:
        problems.add(where, "missing")
        return None
    if not isinstance(value, str):
        problems.add(where, f"must be a string, not {shown(value)}")
        return None
    value = value.strip()
    if not value:
        problems.add(where, "is empty")
        return None
    if limit and len(value) > limit:
        problems.add(where, f"{len(value)} characters, more than the {limit} allowed")
    return value


def key(problems, where, value):
    """A record's key: lower-case letters, digits and hyphens, so that two keys never
    differ only in case or white space."""
    value = text(problems, where, value)
    if value is not None and not KEY.fullmatch(value):
        problems.add(
            where, f'must be lower-case letters, digits and hyphens, like "first-marathon", not {shown(value)}'
        )
        return None
    return value


def whole_number(problems, where, value, model, name):
    """An integer the model field accepts (its validators: the admin's range)."""
    if isinstance(value, bool) or not isinstance(value, int):
        problems.add(where, f"must be a whole number, not {shown(value)}")
        return None
    try:
        model._meta.get_field(name).run_validators(value)
    except ValidationError as error:
        for message in error.messages:
            problems.add(where, message)
        return None
    return value


def moment(problems, where, value):
    """A TOML date and time with a zone: a local time would mean another moment on
    every server."""
    if value is None:
        problems.add(where, "missing")
        return None
    if not isinstance(value, datetime.datetime) or value.tzinfo is None:
        problems.add(where, f"must be a date and time with a zone, like 2026-03-14T09:00:00Z, not {shown(value)}")
        return None
    return value


def tables(problems, where, value):
    """An array of tables ([[answers]] blocks); [] when missing or not one."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        problems.add(where, f"must be an array of tables ([[{where.name}]] blocks), not {shown(value)}")
        return []
    return value


def reference(problems, where, value, known, kind):
    """The key of a record in site.toml; known is None when site.toml could not be
    read (then nothing can be said about the key but its type)."""
    if value is None:
        problems.add(where, "missing")
        return None
    if not isinstance(value, str):
        problems.add(where, f"must be the key of a {kind} in site.toml, not {shown(value)}")
        return None
    if known is not None and value not in known:
        problems.add(where, f"unknown {kind} {shown(value)}; site.toml has {', '.join(known)}")
        return None
    return value


def references(problems, where, value, known, kind):
    """An array of keys of records in site.toml, like tags = ["marathon", "beginners"]."""
    if value is None:
        return []
    if not isinstance(value, list):
        problems.add(where, f'must be an array of keys, like ["marathon", "beginners"], not {shown(value)}')
        return []
    found = [reference(problems, where.item(number), item, known, kind) for number, item in enumerate(value, 1)]
    return [item for item in found if item is not None]


def translations(problems, where, value, model, field, required=(), need="", allowed=None, addressed=False):
    """{language: text} from a table like title.en = "...": only the site's languages,
    of those only `allowed` ones (None: any), each `required` one present (need says
    why), each text within the model column's max_length. An `addressed` text (a
    title, a name) gives the page's slug in its language, so it must have something to
    make one from: the admin refuses "⚽" as a title too. The slug itself is made by
    the model's save(), not here."""
    if value is None:
        if required:
            problems.add(where, f"missing ({need})")
        return {}
    if not isinstance(value, dict):
        problems.add(where, f'must be a table of languages, like {where.name}.en = "...", not {shown(value)}')
        return {}
    found = {}
    for code, item in value.items():
        here = where.field(code)
        if code not in languages.codes():
            problems.add(here, f"unknown language; the site's are {', '.join(languages.codes())}")
        elif allowed is not None and code not in allowed:
            problems.add(here, f"the title has no {code}: leave {code} out here too, or add title.{code}")
        else:
            found[code] = text(problems, here, item, max_length(model, column(field, code)))
            if addressed and found[code] and not make_slug(found[code]):
                problems.add(here, "nothing in it can make the page's address (slug); use letters or digits")
    for code in required:
        if code not in value:
            problems.add(where.field(code), f"missing ({need})")
    return found


def body_problems(body):
    """What qa.markdown.validate_body, the admin's check of an answer body (its length,
    lines, nesting, ...), says about body: its messages, [] for a good body."""
    try:
        markdown.validate_body(body)
    except ValidationError as error:
        return error.messages
    return []
