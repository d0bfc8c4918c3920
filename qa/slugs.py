"""Slugs from titles and names, in every language.

Django's slugify drops letters that have no ASCII decomposition, so the Turkish
dotless ı and the German ß would vanish ("Nasıl" -> "nasl"). They are mapped first.
"""

from django.utils.text import slugify

_SPELLED_OUT = str.maketrans({"ı": "i", "İ": "I", "ß": "ss", "ẞ": "SS", "ø": "o", "Ø": "O", "æ": "ae"})


def make_slug(text, max_length=200):
    """An ASCII slug for text in any of the site's languages, at most max_length long."""
    slug = slugify((text or "").translate(_SPELLED_OUT))
    return slug[:max_length].strip("-")


def unique_slug(base, queryset, field, max_length):
    """base, or else base-2, base-3, …: the first that no row of queryset has in field
    (the caller leaves out the row being saved); None for an empty base. One query."""
    if not base:
        return None
    stem = base[: max_length - 8]  # room for a suffix of up to seven characters
    taken = set(queryset.filter(**{f"{field}__startswith": stem}).values_list(field, flat=True))
    slug, n = base, 1
    while slug in taken:
        n += 1
        suffix = f"-{n}"
        slug = base[: max_length - len(suffix)].rstrip("-") + suffix
    return slug


def anchor_ids(headings, prefix="q"):
    """Unique, readable HTML ids for a page's sub-question headings, in order. They
    never contain "_", and every id of the page layout does (`main_content`,
    `related_title`, …), so a sub-question titled "Content" cannot take one."""
    seen = set()
    ids = []
    for position, heading in enumerate(headings, start=1):
        base = make_slug(heading, max_length=60).replace("_", "-") or f"{prefix}{position}"
        anchor, n = base, 2
        while anchor in seen:
            anchor, n = f"{base}-{n}", n + 1
        seen.add(anchor)
        ids.append(anchor)
    return ids
