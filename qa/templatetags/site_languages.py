"""`{% site_languages as pairs %}`: (code, name) of each of the site's languages in tab
order, each by its own name as the language tabs write it (qa.languages). Django's
`get_available_languages` translates the names: "İngilizce" on a Turkish page."""

from django import template

from qa import languages

register = template.Library()


@register.simple_tag
def site_languages():
    return [(code, languages.name(code)) for code in languages.codes()]
