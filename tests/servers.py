"""Real processes for the production tests: gunicorn (through `make serve` or
directly), a private redis-server, and a tiny HTTP client. Everything listens on
loopback ports chosen free at start, and every process started here is stopped again."""

import contextlib
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from html import unescape
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent


def require_services():
    """Skip unless PostgreSQL and Redis are configured; with REQUIRE_SERVICES (CI's
    `make test-services`) a missing service fails the test instead."""
    missing = []
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        missing.append("DATABASE_URL=postgres://...")
    if not os.environ.get("REDIS_URL"):
        missing.append("REDIS_URL")
    if not shutil.which("redis-server"):
        missing.append("redis-server")
    if missing:
        reason = f"needs PostgreSQL and Redis ({', '.join(missing)}): run `make test-services`"
        if os.environ.get("REQUIRE_SERVICES"):
            pytest.fail(reason)
        pytest.skip(reason)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(**extra):
    """Production settings: DEBUG off, HTTPS on behind a proxy, a real secret."""
    env = {
        "PATH": os.environ["PATH"],
        "SECRET_KEY": "integration-tests-only-9b1f0c7e2d4a6b8c0e1f3a5b7c9d1e3f5a7b9c1d3e5f",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WEB_CONCURRENCY": "2",
        "LOG_LEVEL": "info",
    }
    env.update({key: str(value) for key, value in extra.items()})
    return env


@contextlib.contextmanager
def own_database(prefix):
    """The URL of a new, empty PostgreSQL database on DATABASE_URL's server, dropped
    (connections and all) afterwards."""
    import uuid

    import psycopg

    base = urlsplit(os.environ["DATABASE_URL"])
    name = f"projectsports_{prefix}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(urlunsplit(base), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(base._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(urlunsplit(base), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def set_up_site(env, *extra_commands):
    """What an operator runs before starting gunicorn: the tables, the demo content (and
    any extra_commands, each a tuple of arguments), a superuser from env's
    DJANGO_SUPERUSER_* and the static files."""
    manage("migrate", "--noinput", "--verbosity", "0", env=env)
    manage("load_demo", env=env)
    for command in extra_commands:
        manage(*command, env=env)
    manage("createsuperuser", "--noinput", env=env)
    manage("collectstatic", "--noinput", "--verbosity", "0", env=env)


def manage(*args, env):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


class Process:
    """A child process in its own process group, stopped with everything it started."""

    def __init__(self, args, env, log_path):
        self.log_path = log_path
        self.log = open(log_path, "wb")  # noqa: SIM115 (closed in stop())
        self.popen = subprocess.Popen(
            args, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def stop(self):
        if self.popen.poll() is None:
            os.killpg(self.popen.pid, signal.SIGTERM)
            try:
                self.popen.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait(timeout=10)
        self.log.close()

    def output(self):
        self.log.flush()
        return Path(self.log_path).read_text(errors="replace")


def wait_for_http(port, process, path="/healthz", seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.popen.poll() is not None:
            raise AssertionError(f"server exited:\n{process.output()}")
        try:
            request("GET", port, path)
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"server on port {port} did not answer in {seconds}s:\n{process.output()}")


def start_gunicorn(port, env, log_path):
    process = Process(
        [str(VENV_BIN / "gunicorn"), "--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"], env, log_path
    )
    wait_for_http(port, process)
    return process


def start_redis(port, log_path):
    process = Process(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        dict(os.environ),
        log_path,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return process
        except OSError:
            time.sleep(0.1)
    process.stop()
    raise AssertionError("redis-server did not start")


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def header(self, name):
        return self.headers.get(name.lower())

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")


def request(method, port, path, headers=None, body=None, https_proxy=False):
    """One HTTP request to 127.0.0.1:port; https_proxy=True adds the header a TLS
    terminating reverse proxy sends."""
    headers = dict(headers or {})
    if https_proxy:
        headers["X-Forwarded-Proto"] = "https"
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        # Several Set-Cookie headers are folded here on purpose: cookies() splits them.
        folded = {}
        for name, value in response.getheaders():
            folded.setdefault(name.lower(), []).append(value)
        return Response(response.status, {k: "\n".join(v) for k, v in folded.items()}, response.read())
    finally:
        connection.close()


def get(port, path, cookie_jar=None, host="127.0.0.1"):
    """A GET as the TLS-terminating proxy passes it on, with the Host the proxy keeps
    (the same for every app server behind it, so they share the page cache's keys)."""
    headers = {"Host": host}
    if cookie_jar:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookie_jar.items())
    return request("GET", port, path, headers=headers, https_proxy=True)


def post_form(port, path, fields, cookie_jar, host="127.0.0.1"):
    """A form POST through the proxy, with the Origin and Referer Django's CSRF check wants."""
    headers = {
        "Host": host,
        "Cookie": "; ".join(f"{k}={v}" for k, v in cookie_jar.items()),
        "Content-Type": "application/x-www-form-urlencoded",
        "Origin": f"https://{host}",
        "Referer": f"https://{host}{path}",
    }
    return request("POST", port, path, headers=headers, body=urlencode(fields, doseq=True), https_proxy=True)


def admin_log_in(port, username, password):
    """The cookies of a session logged in through /admin/login/ on that server."""
    jar = {}
    page = get(port, "/admin/login/")
    jar.update(cookies(page))
    fields = {"username": username, "password": password, "csrfmiddlewaretoken": csrf_token(page.text)}
    response = post_form(port, "/admin/login/", fields, jar)
    assert response.status == 302, response.text[:500]
    jar.update(cookies(response))
    return jar


def csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def admin_form_fields(html):
    """What a browser would submit from a Django admin change form as it stands: inputs
    (checked checkboxes only), textareas and the selected options of every select,
    without the inline formsets' empty __prefix__ forms. {name: value or [values]}."""
    fields = {}
    for tag in re.findall(r"<input[^>]*>", html):
        name, value = re.search(r'name="([^"]+)"', tag), re.search(r'value="([^"]*)"', tag)
        if not name or "__prefix__" in name.group(1) or 'type="submit"' in tag:
            continue
        if 'type="checkbox"' in tag and " checked" not in tag:
            continue
        fields[name.group(1)] = unescape(value.group(1)) if value else ("on" if 'type="checkbox"' in tag else "")
    for name, value in re.findall(r'<textarea name="([^"]+)"[^>]*>\n?(.*?)</textarea>', html, re.S):
        if "__prefix__" not in name:
            fields[name] = unescape(value)
    for name, options in re.findall(r'<select name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        if "__prefix__" not in name:
            fields[name] = [unescape(v) for v in re.findall(r'<option value="([^"]*)"[^>]*\sselected', options)]
    return fields


def cookies(response):
    """{name: value} from a response's Set-Cookie headers."""
    found = {}
    for line in (response.header("set-cookie") or "").split("\n"):
        if "=" in line:
            name, value = line.split(";", 1)[0].split("=", 1)
            found[name.strip()] = value.strip()
    return found


def eventually(condition, seconds=10):
    """True as soon as condition() is; False if it never is within seconds."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


class TcpProxy:
    """A loopback TCP forwarder to a service, which a test can cut (the service "goes
    away" for the app: open connections drop, new ones are refused) and restore."""

    def __init__(self, target_port):
        self.target_port = target_port
        self.port = free_port()
        self.connections = []
        self.listener = None
        self.start()

    def start(self):
        self.listener = socket.create_server(("127.0.0.1", self.port), reuse_port=False)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def stop(self):
        # shutdown() wakes the thread blocked in accept(); close() alone would not.
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        for sock in self.connections:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
                sock.close()
        self.connections = []

    def _accept(self, listener):
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:
                client.close()
                continue
            self.connections += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source, sink):
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_WR)
