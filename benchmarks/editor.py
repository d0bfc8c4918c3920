"""The editor of the edit-stream phase: while wrk reads, change one question every few
seconds through the ORM, in a transaction, as an editor saving in the admin would.
Run by benchmarks/run.py with the servers' environment:

    DJANGO_SETTINGS_MODULE=projectsports.settings python -m benchmarks.editor \\
        --start-at EPOCH --seconds 60 --every 10 PK [PK ...]

From EPOCH on, every EVERY seconds until SECONDS have passed, the next question of
the list (a different one each time) gets its summary changed in every language it
is shown in (the summary is on the question page and in the lists). One JSON line per
edit on stdout. At the end, and on Ctrl-C or SIGTERM, the summaries are put back (one
more save each), so a database reused with --keep-database stays as it was generated.
"""

import argparse
import json
import signal
import sys
import time

import django

django.setup()

from django.db import transaction  # noqa: E402

from qa.languages import column  # noqa: E402
from qa.models import Question  # noqa: E402


def save_summaries(pk, summaries):
    with transaction.atomic():
        question = Question.objects.get(pk=pk)
        for code, summary in summaries.items():
            setattr(question, column("summary", code), summary)
        question.save()


def edit(pk, n):
    """Change the question's summaries; return the old ones."""
    with transaction.atomic():
        question = Question.objects.get(pk=pk)
        old = {code: getattr(question, column("summary", code)) for code in question.available_languages()}
        for code, summary in old.items():
            setattr(question, column("summary", code), f"{summary or ''} (edit {n} at {time.strftime('%H:%M:%S')})")
        question.save()
    return old


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pks", nargs="+", type=int)
    parser.add_argument("--start-at", type=float, required=True)
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--every", type=float, default=10)
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))

    originals = {}
    try:
        n = 0
        while (n + 1) * args.every < args.seconds:
            due = args.start_at + (n + 1) * args.every
            time.sleep(max(0.0, due - time.time()))
            pk = args.pks[n % len(args.pks)]
            started = time.perf_counter()
            old = edit(pk, n + 1)
            originals.setdefault(pk, old)
            ms = (time.perf_counter() - started) * 1000
            print(json.dumps({"at": round(time.time() - args.start_at, 1), "pk": pk, "ms": round(ms, 1)}), flush=True)
            n += 1
    finally:
        for pk, summaries in originals.items():
            save_summaries(pk, summaries)


if __name__ == "__main__":
    main()
