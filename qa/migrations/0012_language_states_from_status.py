"""One status for all languages becomes one state per language: a published question
is published in each language it was available (complete) in, on its publication
date; every other language is a draft. `is_complete_<code>` takes the old
availability, and `is_available_<code>` stays true only where the language is now
published (that is, where it was available and the question published)."""

from django.db import migrations
from django.db.models import F

CODES = ("nl", "en", "de", "tr")


def forwards(apps, schema_editor):
    Question = apps.get_model("qa", "Question")
    for code in CODES:
        available = f"is_available_{code}"
        Question.objects.update(**{f"is_complete_{code}": F(available)})
        Question.objects.filter(status="published", **{available: True}).update(
            **{f"state_{code}": "published", f"publish_at_{code}": F("published_at")}
        )
        Question.objects.exclude(status="published").update(**{available: False})


def backwards(apps, schema_editor):
    """The question is published when any language is (a lossy way back)."""
    Question = apps.get_model("qa", "Question")
    for code in CODES:
        Question.objects.filter(**{f"state_{code}": "published"}).update(status="published")
        Question.objects.update(**{f"is_available_{code}": F(f"is_complete_{code}")})


class Migration(migrations.Migration):
    dependencies = [("qa", "0011_language_states")]

    operations = [migrations.RunPython(forwards, backwards)]
