"""Content in and out of the site, outside the admin's forms:

- text.py: a page of plain text, as a Q&A page reads on screen, parsed into a draft
  question (`manage.py import_text`, and the admin's "New question from text");
- content.py: the whole site as one JSON document (`export_content`; the format is
  FORMAT.md beside this file), byte-identical for the same content; content_read.py
  checks such a document, naming every problem by its JSON path, and content_write.py
  writes it into a database (`import_content`), all or nothing: lossless, the way to
  move a site between database engines;
- po.py: the translations of one language as a gettext PO file for translators' tools
  (`export_translations`, `import_translations`, and the translation dashboard).

It builds on the core (qa) and the editorial workflow (qa.editorial: source language,
translation fingerprints, per-language states); neither imports this package. Its admin
(admin.py) extends the editorial question admin with the pages above.
"""
