"""Translation status in the question admin (see translation_status.py)."""


class TranslationStatusAdminMixin:
    pass
