"""A stable identifier (UUID) for categories, tags, askers and questions: added empty,
filled with a new UUID per existing row, then made unique (the usual three steps for a
unique field on a table that already has rows)."""

import uuid

from django.db import migrations, models

MODELS = ("category", "tag", "asker", "question")


def fill_identifiers(apps, schema_editor):
    for name in MODELS:
        model = apps.get_model("qa", name)
        pks = list(model.objects.filter(uuid__isnull=True).values_list("pk", flat=True))
        for start in range(0, len(pks), 2000):
            rows = [model(pk=pk, uuid=uuid.uuid4()) for pk in pks[start : start + 2000]]
            model.objects.bulk_update(rows, ["uuid"])


class Migration(migrations.Migration):
    dependencies = [
        ("qa", "0005_labels_number"),
    ]

    operations = [
        *[
            migrations.AddField(
                model_name=name,
                name="uuid",
                field=models.UUIDField(null=True, editable=False, verbose_name="identifier"),
            )
            for name in MODELS
        ],
        migrations.RunPython(fill_identifiers, migrations.RunPython.noop, elidable=True),
        *[
            migrations.AlterField(
                model_name=name,
                name="uuid",
                field=models.UUIDField(default=uuid.uuid4, unique=True, editable=False, verbose_name="identifier"),
            )
            for name in MODELS
        ],
    ]
