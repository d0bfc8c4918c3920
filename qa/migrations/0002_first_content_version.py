from django.db import migrations


def create_first_version(apps, schema_editor):
    apps.get_model("qa", "ContentVersion").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    """The one ContentVersion row that qa.page_cache reads on every cached request."""

    dependencies = [("qa", "0001_initial")]

    operations = [migrations.RunPython(create_first_version, migrations.RunPython.noop)]
