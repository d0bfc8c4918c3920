"""Running wrk: one row (one URL, wrk's own loop) or the edit stream (a list of URLs),
with the headers a browser behind the TLS-terminating proxy sends, and reading back the
JSON line the Lua scripts in benchmarks/lua/ print at the end.
"""

import json
import shutil
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests import servers

LUA = Path(__file__).resolve().parent / "lua"
HOST = "127.0.0.1"
# What every wrk request carries: the proxy's header (the production settings redirect
# plain HTTP), the Host a browser would send, and a browser's Accept-Encoding.
HEADERS = {"Host": HOST, "X-Forwarded-Proto": "https", "Accept-Encoding": "gzip, br"}


def wrk_path():
    return shutil.which("wrk")


def version():
    result = subprocess.run(["wrk", "--version"], capture_output=True, text=True)
    return (result.stdout + result.stderr).split("[")[0].strip().removeprefix("wrk ") or "?"


def run(port, path, *, seconds, connections, threads, cookie=None, script="row.lua", script_args=()):
    """One wrk run; returns the numbers of the Lua done() hook, latencies in ms."""
    headers = dict(HEADERS)
    if cookie:
        headers["Cookie"] = cookie
    args = ["wrk", f"--threads={threads}", f"--connections={connections}", f"--duration={seconds}s"]
    args += ["--timeout=30s", "--script", str(LUA / script)]
    for name, value in headers.items():
        args += ["--header", f"{name}: {value}"]
    args.append(f"http://{HOST}:{port}{path}")
    if script_args:
        args += ["--", *script_args]
    result = subprocess.run(args, capture_output=True, text=True, timeout=seconds + 60)
    line = next((line for line in result.stdout.splitlines() if line.startswith("BENCH_JSON ")), None)
    if result.returncode != 0 or line is None:
        raise RuntimeError(f"wrk failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    numbers = json.loads(line.removeprefix("BENCH_JSON "))
    seconds_run = numbers["duration_us"] / 1e6
    answered = numbers["requests"] > 0  # else wrk's percentiles are 0, not a latency
    numbers.update(
        rps=numbers["requests"] / seconds_run if seconds_run else 0.0,
        p50=numbers.pop("p50_us") / 1000 if answered else None,
        p99=numbers.pop("p99_us") / 1000 if answered else None,
        max=numbers.pop("max_us") / 1000 if answered else None,
        socket_errors=sum(numbers[name] for name in ("connect", "read", "write", "timeout")),
    )
    return numbers


def settle(port, path, workers, seconds=120):
    """Wait until the server has worked off what wrk left queued when it stopped (slow
    pages leave up to --connections requests behind): one request per worker, all at
    once, queue behind them; when they are answered, the next row starts on an idle server."""
    deadline = time.monotonic() + seconds

    def one(_):
        while time.monotonic() < deadline:
            try:
                servers.request("GET", port, path, headers={"Host": HOST})
                return
            except OSError:  # timed out behind a long queue: ask again
                time.sleep(0.1)

    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(one, range(workers)))
