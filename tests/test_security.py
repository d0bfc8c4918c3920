"""Security headers, HTTPS behaviour and the production settings' own checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings

from tests.factories import url

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "SECRET_KEY": "kq3vN9-production-like-secret-8hYt2LmR0pXw5sZcB1uJ7eGdFaVi4oQn6TyKlMjHgE",
    "ALLOWED_HOSTS": "sports.example.org",
    "PATH": os.environ["PATH"],
}


def manage(*args, env):
    """manage.py with exactly env: a laptop's own .env (make run) is not read unless
    env names one in PROJECTSPORTS_DOTENV."""
    env = {"PROJECTSPORTS_DOTENV": str(ROOT / "tests" / "no-such-dotenv"), **env}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def test_reader_pages_send_the_security_headers(client, content):
    for page in ["/en/", url(content["first"], "tr")]:
        response = client.get(page)
        csp = response["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["X-Frame-Options"] == "DENY"
        assert "camera=()" in response["Permissions-Policy"]


def test_cached_pages_get_the_headers_too(client, content):
    page = url(content["first"], "en")
    client.get(page)
    cached = client.get(page)
    assert cached["Content-Security-Policy"] and cached["X-Frame-Options"] == "DENY"


def test_the_admin_scripts_carry_the_csp_nonce(admin_client, content):
    response = admin_client.get(f"/admin/qa/question/{content['first'].pk}/change/")
    nonce = response["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in response.content.decode()


@override_settings(SECURE_SSL_REDIRECT=True, SECURE_HSTS_SECONDS=31536000, SESSION_COOKIE_SECURE=True)
def test_https_redirect_behind_a_proxy_and_hsts(client, content):
    plain = client.get("/en/")
    assert plain.status_code == 301 and plain["Location"] == "https://testserver/en/"
    proxied = client.get("/en/", HTTP_X_FORWARDED_PROTO="https")
    assert proxied.status_code == 200
    assert proxied["Strict-Transport-Security"].startswith("max-age=31536000")
    health = client.get("/healthz")  # load balancers ask over plain HTTP
    assert health.status_code == 200


def test_check_deploy_is_clean_under_production_settings():
    result = manage("check", "--deploy", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout + result.stderr


def test_without_debug_and_secret_key_start_up_stops_naming_the_variable():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "SECRET_KEY"}
    for command in (["check"], ["shell", "-c", "print(1)"], ["createsuperuser", "--noinput"]):
        result = manage(*command, env=env)
        assert result.returncode != 0, command
        assert "SECRET_KEY" in result.stderr and "set DEBUG=1" in result.stderr, command
        assert "AppRegistryNotReady" not in result.stderr and "Traceback" not in result.stderr, command
    assert manage("help", env=env).returncode == 0


def test_after_make_run_every_command_works_without_extra_variables(tmp_path):
    """make run writes .env with DEBUG=1; manage.py reads it (the environment wins), so
    `shell` needs nothing in front; gunicorn and the tests never read it."""
    dotenv = tmp_path / ".env"
    dotenv.write_text("# Written by make run\n\nDEBUG=1\nLOG_LEVEL='WARNING'\n", encoding="utf-8")
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "SECRET_KEY"}
    env["PROJECTSPORTS_DOTENV"] = str(dotenv)
    result = manage("shell", "-c", "from django.conf import settings; print(settings.DEBUG)", env=env)
    assert result.returncode == 0 and result.stdout.split()[-1] == "True", result.stderr
    # What the environment says wins over the file: production without a key still stops.
    result = manage("check", env={**env, "DEBUG": "0"})
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


def test_the_makefile_writes_the_laptop_dotenv_and_git_ignores_it():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    run = makefile.split("\nrun: install\n")[1].split("\n\n")[0]
    assert "test -f .env ||" in run and "DEBUG=1" in run
    assert ".env" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()
