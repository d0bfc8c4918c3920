"""The editorial workflow: what lets a team of editors and translators in four
languages work safely in the admin.

- states.py: each language's state (draft, in review, published, scheduled, missing)
  as editors see it, and changing it for many questions at once (admin actions);
  who may publish is the permission `qa.publish_question` (groups.py: Editor, Translator).
- preview.py: any question in any language as readers will see it, for staff, and
  signed, expiring links for reviewers without an account.
- history.py: django-reversion revisions of a question with its answers and tags in
  every language; comparison of two revisions and restore.
- translation_status.py: per language missing / incomplete / outdated / up to date,
  decided by fingerprints of the source text; dashboard.py lists them.

The core (qa) never imports this package: it hooks in through its app config
(reversion registration, signals), its URLs and its admin, which replaces qa's
question admin with one that has all of the above.
"""
