"""`make audit`: Lighthouse (pinned in package.json) over every page in mkdocs.yml's nav.

Builds the site strictly into a temporary folder, serves it on 127.0.0.1, runs Lighthouse's
mobile preset against Debian's Chromium, prints each score and every audit that cost points,
and exits non-zero when a page misses a target: performance 0.95, the other three 1.0.
Every page is audited (AUDIT_PAGES names a few instead).
Performance varies from run to run (more so on a busy machine), so each page is audited
RUNS times and the run with the median performance score counts, as Lighthouse's docs advise.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from support.browser import CHROMIUM, ROOT, nav_pages, serve

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
TARGETS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-dev-shm-usage"
RUNS = int(os.environ.get("AUDIT_RUNS", "3"))
# AUDIT_PAGES="part-1/sigmoid/ reference/notation/" audits only those (site paths; the home page is "/")
PAGES = os.environ.get("AUDIT_PAGES", "").split()


def build(destination: Path) -> None:
    """A strict build of the site into destination; stop with its output when it fails."""
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(destination)],
        cwd=ROOT,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"mkdocs build --strict failed:\n{done.stdout}\n{done.stderr}")


def lighthouse(url: str, report: Path) -> dict:
    """Run Lighthouse on url (mobile preset, the four categories); return its JSON report."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--only-categories=" + ",".join(TARGETS),
    ]
    subprocess.run(command, env=dict(os.environ, CHROME_PATH=str(CHROMIUM)), check=True)
    return json.loads(report.read_text(encoding="utf-8"))


def shortfalls(result: dict) -> list[str]:
    """Every audit of the four categories that scored below 1, with its title and score."""
    found = []
    for category in TARGETS:
        for ref in result["categories"][category]["auditRefs"]:
            audit = result["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                found.append(f"    {category}: {audit['id']} ({audit['score']}): {audit['title']}")
    return found


def main() -> int:
    """Audit each page, print the scores, and return 1 when any target is missed."""
    if not LIGHTHOUSE.exists():
        sys.exit("no node_modules/.bin/lighthouse: run `npm ci` (make audit does)")
    missed = 0
    with tempfile.TemporaryDirectory(prefix="tinynet-audit-") as tmp:
        site = Path(tmp) / "site"
        build(site)
        with serve(site) as base:
            for path in [p.strip("/") and p for p in PAGES] or [path for path, _, _ in nav_pages()]:
                runs = [lighthouse(base + path, Path(tmp) / "report.json") for _ in range(RUNS)]
                runs.sort(key=lambda r: r["categories"]["performance"]["score"])
                result = runs[len(runs) // 2]
                scores = {name: result["categories"][name]["score"] for name in TARGETS}
                each = ", ".join(f"{r['categories']['performance']['score']:.2f}" for r in runs)
                print(f"/{path}: " + ", ".join(f"{name} {score:.2f}" for name, score in scores.items()))
                print(f"    performance of each run: {each}")
                for line in shortfalls(result):
                    print(line)
                misses = [name for name, score in scores.items() if score < TARGETS[name]]
                if misses:
                    print(f"    below target: {', '.join(misses)}")
                    missed += 1
    print("all targets met" if not missed else f"{missed} page(s) below target")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
