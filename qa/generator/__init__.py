"""Synthetic content at real size, for load tests and the benchmark harness.

`python manage.py generate_content --questions 100000 --seed 1` fills the database with
questions in the four languages (qa.generator.build), written with bulk inserts but
holding the same derived data a save would give them: slugs, rendered Markdown, read
times, availability per language and the stored list counts. The texts are put together
from the parallel word lists in vocabulary.py, so a question says the same thing in
every language it has. The core never imports this package.
"""
