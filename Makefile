# `make run`: set up everything and serve the site with demo content on SQLite.
# `make test`: set up everything, then checks, lint and the whole test suite.

VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

# The first Python 3.12 or newer on PATH (a .python-version file makes pyenv's python3 3.13).
PYTHON := $(shell for p in python3 python3.13 python3.12; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
	&& { echo $$p; break; }; done)

# Tests run without DEBUG, so the settings want a SECRET_KEY (this one is for tests only)
# and would redirect to HTTPS; tests of those production settings set their own.
TEST_ENV := SECRET_KEY=tests-only-not-a-secret HTTPS=0

.PHONY: install run serve test test-services bench lint format messages clean

$(PY):
	@if [ -z "$(PYTHON)" ]; then \
		echo "Project Sports needs Python 3.12 or newer; found: $$(python3 --version 2>&1)." >&2; \
		echo "Install Python 3.12+ (or pyenv with 3.13: see README) and run make again." >&2; \
		exit 1; fi
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(INSTALLED)

# The page checks of the browser tests (package.json, locked in package-lock.json):
# axe-core and the Nu HTML checker, which runs on Java. Without npm they are skipped
# (in CI, where .ci/run installs npm and Java, they fail instead).
NODE_INSTALLED := node_modules/.installed
$(NODE_INSTALLED): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --ignore-scripts --loglevel=error && touch $(NODE_INSTALLED); \
	else echo "npm not found: the page checks (axe, Nu HTML checker) are skipped; apt-get install npm" >&2; fi

install: $(INSTALLED) $(NODE_INSTALLED)

# .env (git-ignored, read by manage.py only) makes every later `manage.py` command a
# laptop one too: `shell`, `createsuperuser`, ... need no DEBUG=1 in front.
run: install
	@test -f .env || printf '# Written by make run: settings for manage.py on this laptop (never used by gunicorn).\nDEBUG=1\n' > .env
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py load_demo --if-empty
	@echo
	@echo "Project Sports is served at http://127.0.0.1:8000/  (admin: http://127.0.0.1:8000/admin/)"
	@echo
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

# Production: gunicorn with gunicorn.conf.py, static files collected for WhiteNoise.
# Reads its settings from the environment (README, "Deploying").
serve: install
	DEBUG=$${DEBUG:-0} $(PY) manage.py check --deploy
	DEBUG=$${DEBUG:-0} $(PY) manage.py migrate --noinput
	DEBUG=$${DEBUG:-0} $(PY) manage.py collectstatic --noinput --verbosity 0
	$(VENV)/bin/gunicorn --config gunicorn.conf.py

test: install
	$(TEST_ENV) $(PY) manage.py check
	$(TEST_ENV) $(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(TEST_ENV) $(VENV)/bin/pytest

# The suite again on PostgreSQL and Redis, with the tests that need both (CI runs it).
SERVICES_ENV := DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres} \
	REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/15} REQUIRE_SERVICES=1
test-services: install
	$(TEST_ENV) $(SERVICES_ENV) $(VENV)/bin/pytest

# Two gunicorns on PostgreSQL and Redis saturated by wrk for LOAD_SECONDS (60) while an
# editor saves a question every 5 s (tests/test_load.py). Marked `load`, which pyproject.toml
# deselects by default, so `make test` and `make test-services` never run it. Redis
# database 13 is only the test process's own cache (the servers get a private redis-server).
.PHONY: test-load
test-load: install
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(TEST_ENV) DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres} \
		REDIS_URL=$${LOAD_REDIS_URL:-redis://127.0.0.1:6379/13} REQUIRE_SERVICES=1 \
		$(VENV)/bin/pytest -m load -s tests/test_load.py

# Throughput and latency of reader pages under gunicorn, measured with wrk against a
# Django hello world (benchmarks/run.py; BENCH_ARGS passes options, e.g. --rounds 1).
.PHONY: bench-scale
bench: install
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(PY) benchmarks/run.py $(BENCH_ARGS)

# The same on PostgreSQL and Redis with 100,000 generated questions (a database of its
# own, dropped at the end; BENCH_DATABASE_URL names another server).
bench-scale: install
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(PY) benchmarks/run.py --scale $(BENCH_ARGS)

lint:
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Re-extract and compile the interface translations (needs gettext: apt-get install gettext).
messages: install
	DEBUG=1 $(PY) manage.py makemessages --locale nl --locale de --locale tr --no-obsolete --ignore '.venv/*' --ignore 'staticfiles/*' --ignore 'tests/*' --ignore 'benchmarks/*'
	cd qa && DEBUG=1 ../$(PY) ../manage.py compilemessages

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
