"""`{{ minutes|read_time }}`: "6 min read" in the page's language, marked up. A filter
rather than an included template: lists show it on every row, and an include costs
a template context per row."""

from django import template
from django.utils.html import format_html

from qa.readtime import read_time_text

register = template.Library()


@register.filter
def read_time(minutes):
    return format_html('<span class="read-time">{}</span>', read_time_text(minutes))
