"""The page checkers the tests run, installed by `make install` from package.json (npm,
locked): axe-core in the browser (accessibility, WCAG 2.2 A and AA and axe's best
practices), and the Nu HTML checker (vnu-jar, the W3C's validator, on Java) over saved
pages. Without them a test is skipped with the reason, except in CI (CI=true), where
.ci/run installs npm and Java and a missing checker is a failure."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def missing(reason):
    """Skip for reason, or fail in CI, where every checker must run."""
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def require(path, what):
    if not path.exists():
        missing(f"{what} is not installed ({path.relative_to(ROOT)}): run `make install` (needs npm)")


def axe_violations(page):
    """axe-core's violations on the page as it is now: ["rule (impact): target, …"]."""
    require(AXE, "axe-core")
    # evaluate() runs outside the page's Content-Security-Policy, which refuses inline scripts.
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text())
    violations = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(r => r.violations.map("
        "v => ({id: v.id, impact: v.impact, targets: v.nodes.slice(0, 5).map(n => n.target.join(' '))})))",
        AXE_TAGS,
    )
    return [f"{v['id']} ({v['impact']}): {', '.join(v['targets'])}" for v in violations]


def nu_errors(pages):
    """The Nu HTML checker's errors in pages ({name: HTML text}), one Java run for all:
    {name: ["line N: message", …]}, names without errors left out."""
    require(VNU, "The Nu HTML checker (vnu-jar)")
    java = shutil.which("java")
    if java is None:
        missing("the Nu HTML checker needs Java: apt-get install default-jre-headless")
    folder = ROOT / "test-artifacts" / "html"
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, html in pages.items():
        path = folder / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        paths[path.as_uri()] = name
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *[str(folder / f"{n}.html") for n in pages]],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(result.stderr or result.stdout or '{"messages": []}')
    errors = {}
    for message in report["messages"]:
        name = paths.get(message.get("url"), message.get("url"))
        errors.setdefault(name, []).append(f"line {message.get('lastLine')}: {message['message']}")
    return errors
