from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "qa.editorial"
    label = "editorial"
    verbose_name = _("Editorial workflow")

    def ready(self):
        from . import history, signals  # noqa: F401  (reversion registration, translation status)
