"""The baseline: the smallest Django project that answers a request, in one file.

Settings, one URL and one view returning "Hello, world"; DEBUG off, no apps, no
middleware, no database. The harness serves it with the project's gunicorn.conf.py
(same workers, same sync worker class) by naming it on gunicorn's command line, which
overrides the config's `wsgi_app`:

    gunicorn --config gunicorn.conf.py --bind 127.0.0.1:8001 benchmarks.hello_world:application

Every other row of the benchmark is reported as a ratio to this one's req/s: what
Django and gunicorn cost on this machine before the project adds anything.
"""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="hello-world-baseline-only",
        ALLOWED_HOSTS=["127.0.0.1", "localhost"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=[],
        INSTALLED_APPS=[],
    )


def hello(request):
    return HttpResponse("Hello, world")


urlpatterns = [path("", hello)]

application = get_wsgi_application()
