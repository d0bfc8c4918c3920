"""gunicorn settings for Project Sports (`make serve`, or `gunicorn projectsports.wsgi`
from this folder, which reads this file). Each value can be set from the environment."""

import multiprocessing
import os

wsgi_app = "projectsports.wsgi:application"
bind = os.environ.get("BIND", "127.0.0.1:8000")
# The usual (2 x cores) + 1 synchronous workers; WEB_CONCURRENCY overrides.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# A worker is replaced now and then, so a slow leak can never grow without bound; not
# so often that replacing it (a second of start-up, a cold process) shows: at 2,000 a
# busy worker was replaced every few seconds under load (benchmarks/run.py counts it).
max_requests = 100_000
max_requests_jitter = 10_000
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# Trust X-Forwarded-Proto only from the reverse proxy's address.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
