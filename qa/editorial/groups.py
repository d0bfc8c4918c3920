"""The two kinds of people in the admin, as groups with their permissions:

- **Editor**: everything on the site's content, publishing and deleting included
  (`qa.publish_question`), the history and restore, the translation dashboard;
- **Translator**: reads everything, edits the texts of questions and answers, submits
  a language for review and marks translations checked; cannot publish, unpublish,
  delete, or add and remove answers (the structure of a question is the editors').

Created by the data migrations of this app (which call sync_groups with the
historical models), so that every database has them; an operator adds people to them
in the admin (Users → Groups). Re-running sync_groups adds what is missing and never
removes a permission an operator gave.
"""

EDITOR = "Editor"
TRANSLATOR = "Translator"

EDITOR_APPS = ("qa", "editorial", "taggit")
TRANSLATOR_PERMISSIONS = {
    "qa": [
        "view_question",
        "change_question",
        "view_answer",
        "change_answer",
        "view_category",
        "view_tag",
        "view_asker",
        "view_taggedquestion",
    ],
    "editorial": ["view_translationcheck", "change_translationcheck", "add_translationcheck"],
}


def sync_groups(apps):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():  # permissions are otherwise made after all migrations
        # create_permissions skips an app without a models module, which a migration's
        # historical app configs have not; the real ones (a test's) keep theirs.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module
    group, permission = apps.get_model("auth", "Group"), apps.get_model("auth", "Permission")
    editor, _created = group.objects.get_or_create(name=EDITOR)
    editor.permissions.add(*permission.objects.filter(content_type__app_label__in=EDITOR_APPS))
    translator, _created = group.objects.get_or_create(name=TRANSLATOR)
    for app_label, codenames in TRANSLATOR_PERMISSIONS.items():
        translator.permissions.add(
            *permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )
