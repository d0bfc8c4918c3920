"""The translations that exist are taken as up to date (their units fingerprinted
against the source text as it is now) and every question's status is stored; the
groups get the permissions of the new models (qa.editorial.groups)."""

from django.db import migrations


def fill(apps, schema_editor):
    from qa.editorial.groups import sync_groups
    from qa.editorial.translation_status import refresh_all

    refresh_all(apps)
    sync_groups(apps)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0002_translation_status")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
