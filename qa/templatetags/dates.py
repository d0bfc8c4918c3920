"""`machine_time`: a date and time for a `<time datetime>` attribute, in UTC to the
second ("2026-09-08T10:00:00+00:00"). Django's `date:'c'` writes the microseconds (six
decimal places), which the HTML standard does not allow (at most three)."""

from datetime import UTC, datetime

from django import template

register = template.Library()


@register.filter
def machine_time(value):
    if not isinstance(value, datetime):
        return ""
    return value.astimezone(UTC).isoformat(timespec="seconds")
