"""Admin login throttling (django-axes, settings "Login throttling"): wrong passwords
for one user name from one address are answered until the limit, then that pair is
locked out, the right password included, until the pause ends or someone lifts it."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from qa.login_throttle import client_ip

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-and-right-password"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True, is_superuser=True)


def log_in(client, password, username="editor", address="192.0.2.10"):
    return client.post(
        reverse("admin:login"), {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=address
    )


def test_the_right_password_logs_in(client, editor):
    assert log_in(client, PASSWORD).status_code == 302


def test_after_five_wrong_passwords_even_the_right_one_is_refused(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "wrong").status_code == 200  # the form again, with its error
    locked = log_in(client, "wrong")
    assert locked.status_code == 429 and "Too many failed logins" in locked.content.decode()
    assert log_in(client, PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lockout_is_per_user_name_and_address(client, editor, django_user_model, settings):
    django_user_model.objects.create_user("translator", password=PASSWORD, is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "wrong")
    assert log_in(client, PASSWORD, address="198.51.100.7").status_code == 302  # another address
    client.logout()
    assert log_in(client, PASSWORD, username="translator").status_code == 302  # another user


def test_the_pause_ends_by_itself(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "wrong")
    # Time passes: the attempts are as old as the pause and a second.
    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1))
    assert log_in(client, PASSWORD).status_code == 302


def test_an_administrator_lifts_a_lockout_with_a_command(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "wrong")
    call_command("axes_reset_username", "editor")
    assert log_in(client, PASSWORD).status_code == 302


def test_the_client_address_behind_proxies_is_the_one_the_outermost_proxy_saw(rf, settings):
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")
    settings.PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.2"  # no proxy: what the client sends is ignored
    settings.PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.9"  # the entry our proxy added, not the forged one


def test_the_admin_can_move_and_robots_txt_then_does_not_name_it(client, settings):
    assert "Disallow: /admin/" in client.get("/robots.txt").content.decode()
    settings.ADMIN_URL = "editors-only/"  # a restart with ADMIN_URL set: a new release (qa.release)
    cache.clear()
    assert "admin" not in client.get("/robots.txt").content.decode().lower()
