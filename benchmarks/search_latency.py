"""Search latency in-process, over a fixed mix of queries per language, on whatever
database DATABASE_URL names (SQLite by default): what `qa.search.search()` costs
without HTTP, for the search budget of p95 ≤ 50 ms at 100,000 questions.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/projectsports_bench_100k \\
        SECRET_KEY=x .venv/bin/python benchmarks/search_latency.py --rounds 5

The mix has very broad queries (a word in most questions), specific words, phrases,
exclusions, `or`, a half-typed last word and a query that finds nothing. The full
results page (through gunicorn, with the page around it) is not measured here.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "projectsports.settings")

import django  # noqa: E402

django.setup()

from django.utils import translation  # noqa: E402

from qa.search import search  # noqa: E402

MIX = {
    "en": ["training", "the training", "best foods before training", '"before training"', "running -cycling",
           "swimming or cycling", "recov", "marathon shoes", "zzzqqq"],
    "nl": ["training", "beste voeding voor de training", '"voor de training"', "hardlopen -fietsen",
           "zwemmen or fietsen", "herst", "marathon schoenen", "zzzqqq"],
    "de": ["Training", "beste Lebensmittel vor dem Training", '"vor dem Training"', "Laufen -Radfahren",
           "Schwimmen or Radfahren", "Erhol", "Marathon Schuhe", "zzzqqq"],
    "tr": ["antrenman", "antrenmandan önce en iyi yiyecekler", '"antrenmandan önce"', "koşu -bisiklet",
           "yüzme or bisiklet", "toparl", "maraton ayakkabı", "zzzqqq"],
}  # fmt: skip


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    timings, per_query = [], {}
    for code, queries in MIX.items():
        with translation.override(code):
            for text in queries:
                search(code, text)  # warm: the first call of a query pays for the disk
                for _ in range(args.rounds):
                    started = time.perf_counter()
                    results = search(code, text)
                    elapsed = (time.perf_counter() - started) * 1000
                    timings.append(elapsed)
                    per_query.setdefault((code, text), []).append(elapsed)
                per_query[(code, text)].append(results.count)
    for (code, text), values in per_query.items():
        count, values = values[-1], values[:-1]
        print(f"{code}  {text[:40]:<40} {statistics.median(values):7.1f} ms  {count:>5} hits")
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    p50, worst = statistics.median(timings), timings[-1]
    print(f"\n{len(timings)} searches: p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {worst:.1f} ms")


if __name__ == "__main__":
    main()
