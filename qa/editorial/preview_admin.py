"""Preview links in the question admin (see preview.py)."""


class PreviewAdminMixin:
    pass
