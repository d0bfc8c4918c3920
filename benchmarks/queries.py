"""SQL queries per page, counted in-process with Django's test client against the
database the servers use. Run by benchmarks/run.py:

    DJANGO_SETTINGS_MODULE=projectsports.settings python -m benchmarks.queries USERNAME < paths.json

For every path (a JSON list on stdin), in a fresh process with a cache of its own (an
empty Redis database beside the servers', or local memory):
`miss`, an anonymous reader's first request (rendered, then stored in the page cache);
`hit`, the same request again (answered from the page cache); `staff`, the second
request of a logged-in staff user (force_login: the cache is bypassed, so every such
request is rendered; the first one is left out as a warm-up). Prints one JSON object
{path: {"miss": n, "hit": n, "staff": n, "status": [three status codes]}}.
"""

import json
import sys

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

HOST = "127.0.0.1"


def count(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, secure=True, HTTP_HOST=HOST)
    return len(captured), response.status_code


def main():
    paths = json.load(sys.stdin)
    staff = Client(raise_request_exception=False)
    staff.force_login(get_user_model().objects.get(username=sys.argv[1]))
    found = {}
    for path in paths:
        anonymous = Client(raise_request_exception=False)
        miss, miss_status = count(anonymous, path)
        hit, hit_status = count(anonymous, path)
        count(staff, path)
        rendered, staff_status = count(staff, path)
        found[path] = {"miss": miss, "hit": hit, "staff": rendered, "status": [miss_status, hit_status, staff_status]}
    print(json.dumps(found))


if __name__ == "__main__":
    main()
