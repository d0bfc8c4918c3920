"""The Markdown the harness prints (and writes with --output): a header naming the
machine and the software, the table of rows (medians over the rounds), the URLs
measured, and the edit-stream phase."""

import platform
import statistics
from pathlib import Path


def cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def uname():
    u = platform.uname()
    return f"{u.system} {u.release} {u.machine}"


def number(value, digits=0):
    return "—" if value is None else f"{value:,.{digits}f}"


def median(results, key):
    values = [r[key] for r in results if r.get(key) is not None]
    return statistics.median(values) if values else None


def sql(row):
    counts = row.get("sql")
    if not counts:
        return "—"
    if row["mode"] == "cached":
        return f"{counts['hit']} (miss {counts['miss']})"
    return str(counts["staff"])


def errors(row):
    """Non-2xx/3xx responses and socket errors summed over the rounds; '' when none."""
    status = sum(r["status"] for r in row["results"])
    sockets = sum(r["socket_errors"] for r in row["results"])
    parts = []
    if status:
        parts.append(f"{status:,} non-2xx/3xx")
    if sockets:
        parts.append(f"{sockets:,} socket")
    if any(r["requests"] == 0 for r in row["results"]):
        parts.append("no response within a round")
    if row["probe"]["status"] != 200:
        parts.append(f"answers {row['probe']['status']}")
    return ", ".join(parts)


def had_errors(rows, stream):
    """Whether any row or the edit stream saw a failed request."""
    if any(errors(row) for row in rows):
        return True
    if stream is None:
        return False
    r = stream["result"]
    return bool(r["status"] or r["socket_errors"] or set(stream["statuses"]) - {"200"})


def table(rows):
    lines = [
        "| page | mode | req/s | × hello | p50 ms | p99 ms | requests | bytes | bytes gzip/br | X-Page-Cache | SQL "
        "| errors |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |",
    ]
    for row in rows:
        results, probe = row["results"], row["probe"]
        flagged = errors(row)
        name = f"⚠ {row['name']}" if flagged else row["name"]
        ratio = median(results, "ratio")
        lines.append(
            f"| {name} | {row['mode']} | {number(median(results, 'rps'))} | "
            f"{'—' if ratio is None else f'{ratio:.2f}'} | {number(median(results, 'p50'), 1)} | "
            f"{number(median(results, 'p99'), 1)} | {number(sum(r['requests'] for r in results))} | "
            f"{number(probe['bytes'])} | {number(probe['bytes_compressed'])}"
            f"{' ' + probe['encoding'] if probe['encoding'] else ''} | {probe['cache_header'] or '—'} | "
            f"{sql(row)} | {flagged} |"
        )
    return lines


def stream_section(stream):
    if stream is None:
        return []
    r = stream["result"]
    handled = r["hit"] + r["partial"] + r["render"]
    share = f"{(r['hit'] + r['partial']) / r['requests']:.1%}" if handled else "header not sent"
    statuses = ", ".join(f"{count} × {status}" for status, count in sorted(stream["statuses"].items()))
    edits = stream["edits"]
    lines = [
        "",
        "## Edit stream",
        "",
        f"wrk reads {len(stream['paths']):,} distinct URLs ({stream['questions']:,} question pages in "
        f"{stream['languages']} languages, {stream['lists']:,} list pages; checked once beforehand: {statuses}) "
        f"as an anonymous reader for {stream['seconds']} s, while `benchmarks/editor.py` saves one question "
        f"every {stream['every']} s through the ORM ({len(edits)} edit{'s' * (len(edits) != 1)}, "
        f"{number(statistics.median([e['ms'] for e in edits]) if edits else None, 1)} ms median save). "
        "The Lua response() hook that counts the X-Page-Cache header slows wrk itself.",
        "",
        "| req/s | p50 ms | p99 ms | hit | partial | render | no header | other | without full render | errors |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
        f"| {number(r['rps'])} | {number(r['p50'], 1)} | {number(r['p99'], 1)} | {r['hit']:,} | {r['partial']:,} | "
        f"{r['render']:,} | {r['absent']:,} | {r['other']:,} | {share} | "
        f"{r['status']:,} non-2xx/3xx, {r['socket_errors']:,} socket |",
    ]
    return lines


def document(title, header, rows, stream):
    lines = [f"# {title}", "", *[f"- {line}" for line in header], "", *table(rows), ""]
    urls = dict.fromkeys(f"- {row['name']}: `{row['path']}`" for row in rows)
    lines += ["URLs:", "", *urls, ""]
    lines += stream_section(stream)
    return "\n".join(lines).rstrip() + "\n"
