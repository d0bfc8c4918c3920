"""Answer bodies with a table are rendered again, as qa.markdown now renders tables: in
a box that scrolls sideways on its own, cells that are numbers marked to be
right-aligned, a "Table: …" line below a table as its caption. Only a body with a "|"
can hold a table; the others are left as they are. The content version moves, the
labels' number with it, so that no cached page or article keeps the old HTML."""

from django.db import migrations
from django.db.models import F, Q

BATCH = 500


def rerender_tables(apps, schema_editor):
    from qa import languages
    from qa.markdown import render

    answer_model = apps.get_model("qa", "Answer")
    codes = languages.codes()
    bodies = [f"body_{code}" for code in codes]
    has_table = Q()
    for name in bodies:
        has_table |= Q(**{f"{name}__contains": "|"})
    changed = []
    rows = answer_model.objects.filter(has_table).only("pk", *bodies).order_by("pk")
    for answer in rows.iterator(chunk_size=BATCH):
        for code in codes:
            body = getattr(answer, f"body_{code}")
            setattr(answer, f"body_html_{code}", render(body) if body else None)
        changed.append(answer)
        if len(changed) == BATCH:
            answer_model.objects.bulk_update(changed, [f"body_html_{code}" for code in codes])
            changed = []
    answer_model.objects.bulk_update(changed, [f"body_html_{code}" for code in codes])
    apps.get_model("qa", "ContentVersion").objects.update(number=F("number") + 1, labels_number=F("labels_number") + 1)


class Migration(migrations.Migration):
    dependencies = [("qa", "0013_language_state_indexes")]

    operations = [migrations.RunPython(rerender_tables, migrations.RunPython.noop, elidable=True)]
