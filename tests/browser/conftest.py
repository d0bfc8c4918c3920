"""Real-browser tests: Playwright for Python driving Debian's chromium (apt package).

No browser is ever downloaded. Without a chromium on PATH these tests are skipped
with that reason, except in CI (CI=true), where a missing browser is a failure.
"""

import os
import shutil

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",  # CI and the dev machines run as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # This machine has no network but loopback: keep Chromium from calling home.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def find_chromium():
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    executable = find_chromium()
    if not executable:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but no chromium was found: .ci/run installs Debian's chromium package")
        pytest.skip("no Chromium found: install Debian's chromium package (apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; Django's ORM, used by
    # the test's own set-up and the live server, is synchronous and safe here.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


def watch_problems(page):
    """The page's console errors and uncaught exceptions (CSP refusals among them), as they come."""
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


def log_in(page, live_server, username, password):
    """Through the admin's login form, as a person would."""
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.click("input[type=submit]")
