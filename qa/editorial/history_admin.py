"""The history pages of the question admin (see history.py)."""


class HistoryAdminMixin:
    pass
