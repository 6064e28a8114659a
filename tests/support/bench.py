"""Measure the build, the tests, the pages and the training code; print a Markdown table (`make bench`).

Builds run in a temporary copy of the tree, so the real caches are left alone.
Each figure is the median of several runs; the table says how many.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sitebuild.serve import POLLING
from support import LEFT_OUT
from support.browser import CHROMIUM, CHROMIUM_ARGS, EXPLORER_TIMING, STEPPER_TIMING, serve

ROOT = Path(__file__).resolve().parents[2]
IGNORE = shutil.ignore_patterns(*LEFT_OUT, ".git", ".cache")
# what `make` exports for every build and `make serve`
QUIET = {"NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", "NBCONVERT_DISABLE_CONFIG_EXPORTERS": "1"}
MARKDOWN_CHAPTER = "docs/part-1/line-by-line.md"
NOTEBOOK_CHAPTER = "docs/part-1/sigmoid.py"
SRC_FILE = "src/tinynet/network.py"
KB = 1024


def median_of(runs: int, measure: Callable[[int], float]) -> tuple[float, list[float]]:
    """The median of `runs` measurements, and all of them."""
    values = [measure(run) for run in range(runs)]
    return statistics.median(values), values


def build(tree: Path) -> float:
    """Seconds for one strict build of the tree into tree/site."""
    env = dict(os.environ, **QUIET)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tree / "site")],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"the build failed:\n{done.stdout}{done.stderr}")
    return took


def append(tree: Path, name: str, line: str) -> None:
    """Change a file of the tree by adding a line at its end."""
    path = tree / name
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + f"\n{line}\n", encoding="utf-8")


def build_times(tree: Path, runs: int) -> dict[str, tuple[float, list[float]]]:
    """Cold, warm, one-chapter and src/ rebuild times, each a median of runs."""

    def cold(_: int) -> float:
        shutil.rmtree(tree / ".cache", ignore_errors=True)
        return build(tree)

    def edited(name: str, comment: str) -> Callable[[int], float]:
        def measure(run: int) -> float:
            append(tree, name, comment.format(run=run, stamp=time.time_ns()))
            return build(tree)

        return measure

    results = {"cold": median_of(runs, cold)}
    results["warm"] = median_of(runs + 2, lambda _: build(tree))
    results["markdown"] = median_of(runs + 2, edited(MARKDOWN_CHAPTER, "<!-- bench edit {stamp} -->"))
    results["notebook"] = median_of(runs, edited(NOTEBOOK_CHAPTER, "# bench edit {stamp}"))
    results["src"] = median_of(runs, edited(SRC_FILE, "# bench edit {stamp}"))
    return results


def serve_rebuild_times(tree: Path, runs: int) -> tuple[float, list[float]]:
    """Seconds from saving an edit of a Markdown chapter until `mkdocs serve` serves the page with it."""
    port = free_port()
    env = dict(os.environ, **QUIET)
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"]
    server = subprocess.Popen(command, cwd=tree, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    page = f"http://127.0.0.1:{port}/{Path(MARKDOWN_CHAPTER).relative_to('docs').with_suffix('')}/"

    def served() -> str:
        try:
            with urllib.request.urlopen(page, timeout=5) as answer:
                return answer.read().decode("utf-8")
        except OSError:
            return ""

    def measure(run: int) -> float:
        # `make serve` looks for changes every POLLING seconds (sitebuild.serve); a run right after the last rebuild
        # would always save at the same moment of that cycle, so the runs' saves are spread evenly over the cycle,
        # as an author's are
        time.sleep(POLLING * run / runs)
        marker = f"bench edit {time.time_ns()}"
        start = time.perf_counter()
        append(tree, MARKDOWN_CHAPTER, f"<!-- {marker} -->")
        while marker not in served():
            if time.perf_counter() - start > 120:
                raise SystemExit("mkdocs serve did not rebuild within 120 s")
            time.sleep(0.02)
        return time.perf_counter() - start

    try:
        deadline = time.perf_counter() + 300
        while "<title>" not in served():  # the first build, before any edit
            if time.perf_counter() > deadline or server.poll() is not None:
                raise SystemExit("mkdocs serve did not start")
            time.sleep(0.2)
        time.sleep(1)  # past the first build's settling, so the first edit is not folded into it
        return median_of(runs, measure)
    finally:
        server.terminate()
        server.wait(timeout=30)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def make_test(runs: int) -> tuple[float, list[float], list[str]]:
    """Seconds for `make test` in the real tree once set up, and pytest's summary line of each run."""
    summaries: list[str] = []

    def once(_: int) -> float:
        start = time.perf_counter()
        done = subprocess.run(["make", "test"], cwd=ROOT, capture_output=True, text=True, check=False)
        took = time.perf_counter() - start
        found = re.findall(r"^=+ (.*) in [\d.]+s.*=+$", done.stdout, re.M)
        summaries.append(found[-1] if found else f"exit status {done.returncode}")
        return took

    subprocess.run(["make", "setup"], cwd=ROOT, capture_output=True, check=True)
    return *median_of(runs, once), summaries


def site_size(site: Path) -> int:
    """Bytes of every file of the built site."""
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file())


def page_weights(site: Path) -> dict[str, dict]:
    """For every page: the bytes a first visit loads (measured in Chromium), gzipped too, and whether KaTeX came."""
    from playwright.sync_api import sync_playwright

    pages = sorted(p.relative_to(site).parent.as_posix() for p in site.rglob("index.html"))
    found: dict[str, dict] = {}
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for name in pages:
            context = browser.new_context()  # an empty cache: a first visit
            urls: list[str] = []
            context.on("requestfinished", lambda request, urls=urls: urls.append(request.url))
            page = context.new_page()
            page.goto(base + ("" if name == "." else name + "/"), wait_until="networkidle")
            files = [site / url.removeprefix(base).split("#")[0].split("?")[0] for url in urls if url.startswith(base)]
            files = [f / "index.html" if f.is_dir() else f for f in files]
            loaded = sorted({f for f in files if f.is_file()}, key=lambda f: -f.stat().st_size)
            found[name] = {
                "bytes": sum(f.stat().st_size for f in loaded),
                "gzip": sum(len(gzip.compress(f.read_bytes(), 6, mtime=0)) for f in loaded),
                "requests": len(urls),
                "files": [(f.relative_to(site).as_posix(), f.stat().st_size) for f in loaded],
                "math": page.evaluate("document.querySelectorAll('.katex').length") > 0,  # math typeset at build time
                "katex": any(url.endswith("katex.min.css") for url in urls),
                "script": any("katex" in url and url.endswith(".js") for url in urls),
            }
            context.close()
        browser.close()
    return found


def explorer_time(site: Path, runs: int) -> tuple[float, list[float]] | None:
    """Milliseconds for window.trainingExplorer.train(X, y, 10000) in Chromium, or None without the explorer."""
    from playwright.sync_api import sync_playwright

    mounted = [p for p in site.rglob("index.html") if 'id="training-explorer"' in p.read_text(encoding="utf-8")]
    target = (mounted[0] if mounted else site / "index.html").parent.relative_to(site).as_posix()
    script = """async (runs) => {
        const explorer = window.trainingExplorer;
        if (!explorer) return null;
        await explorer.ready;
        if (!explorer.data) explorer.data = await (await fetch('%sassets/explorer-data.json')).json();
        const X = [[0,0,1],[0,1,1],[1,0,1],[1,1,1]], y = [[0],[0],[1],[1]];
        const times = [];
        for (let i = 0; i < runs; i++) {
            const start = performance.now();
            explorer.train(X, y, 10000);
            times.push(performance.now() - start);
        }
        return times;
    }"""
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(base + ("" if target == "." else target + "/"), wait_until="networkidle")
        times = page.evaluate(script % base, runs)
        browser.close()
    return (statistics.median(times), times) if times else None


def stepper_times(site: Path, runs: int) -> dict[str, list[float]] | None:
    """Milliseconds for a step and for a jump to the last iteration, drawn, in the 50-line script's stepper."""
    from playwright.sync_api import sync_playwright

    target = site / "part-2" / "three-layer-network" / "index.html"
    if 'class="stepper"' not in target.read_text(encoding="utf-8"):
        return None
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(base + "part-2/three-layer-network/", wait_until="networkidle")
        times = page.evaluate(STEPPER_TIMING, runs)
        browser.close()
    return times


def three_layer_explorer_times(site: Path, runs: int) -> dict[str, list[float]] | None:
    """Milliseconds for a step and for a jump to the last iteration, drawn, in the three-layer explorer."""
    from playwright.sync_api import sync_playwright

    target = site / "part-2" / "three-layer-training" / "index.html"
    if 'id="three-layer-explorer"' not in target.read_text(encoding="utf-8"):
        return None
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(base + "part-2/three-layer-training/", wait_until="networkidle")
        page.evaluate("window.threeLayerExplorer.ready.then(() => true)")
        times = page.evaluate(EXPLORER_TIMING, runs)
        browser.close()
    return times


def nonlin(x, deriv=False):
    """The script's sigmoid, for the inline copy below."""
    if deriv:
        return x * (1 - x)
    return 1 / (1 + np.exp(-x))


def inline_two_layer(X, y, iterations: int = 10000) -> np.ndarray:
    """two_layer.py's training loop, copied inline: the yardstick for tinynet.train_two_layer."""
    np.random.seed(1)
    syn0 = 2 * np.random.random((3, 1)) - 1
    l1 = None
    for _ in range(iterations):
        l0 = X
        l1 = nonlin(np.dot(l0, syn0))
        l1_error = y - l1
        l1_delta = l1_error * nonlin(l1, True)
        syn0 += np.dot(l0.T, l1_delta)
    return l1


def training_ratio(rounds: int) -> tuple[float, list[float]]:
    """Median over interleaved rounds of (train_two_layer time) / (inline copy time), 10,000 iterations each."""
    from tinynet import X, train_two_layer, y

    assert np.array_equal(train_two_layer().l1, inline_two_layer(X, y)), "the inline copy must compute the same"
    ratios = []
    for round_ in range(rounds):
        pair = []
        for run in (train_two_layer, lambda: inline_two_layer(X, y))[:: 1 if round_ % 2 else -1]:
            start = time.perf_counter()
            run()
            pair.append(time.perf_counter() - start)
        api, inline = pair if round_ % 2 else pair[::-1]
        ratios.append(api / inline)
    return statistics.median(ratios), ratios


def row(what: str, value: str, target: str, met: bool | None, runs: str) -> str:
    """One line of the Markdown table."""
    verdict = "" if met is None else ("yes" if met else "**no**")
    return f"| {what} | {value} | {target} | {verdict} | {runs} |"


def main() -> None:
    """Run every measurement and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per build figure (warm and Markdown: 2 more)")
    parser.add_argument("--test-runs", type=int, default=1, help="runs of `make test` (0 to skip)")
    parser.add_argument("--rounds", type=int, default=41, help="interleaved rounds for the training ratio")
    args = parser.parse_args()

    lines = ["| measure | median | target | met | runs |", "|---|---|---|---|---|"]
    heaviest: list[tuple[str, int]] = []
    with tempfile.TemporaryDirectory(prefix="tinynet-bench-") as folder:
        tree = Path(folder) / "tree"
        shutil.copytree(ROOT, tree, ignore=IGNORE)
        times = build_times(tree, args.runs)
        times["serve"] = serve_rebuild_times(tree, 3 * args.runs)  # each takes a second: more runs
        shutil.rmtree(tree / ".cache", ignore_errors=True)
        build(tree)  # a clean site to weigh
        site = tree / "site"

        def seconds(key: str, what: str, limit: float | None) -> None:
            value, values = times[key]
            met = None if limit is None else value <= limit
            target = "" if limit is None else f"≤ {limit:g} s"
            shown = f"{value:.2f} s" if value < 2 else f"{value:.1f} s"  # a second's target needs its hundredths
            lines.append(row(what, shown, target, met, f"{len(values)}"))

        seconds("cold", "cold build (empty cache)", 20)
        seconds("warm", "warm rebuild (nothing changed)", 1.5)
        seconds("markdown", f"rebuild after a Markdown chapter changes ({Path(MARKDOWN_CHAPTER).name})", 4)
        seconds("serve", f"`make serve`: an edit of {Path(MARKDOWN_CHAPTER).name} saved until the page is served", 1)
        seconds("notebook", f"rebuild after a notebook chapter changes ({Path(NOTEBOOK_CHAPTER).name})", 4)
        seconds("src", f"rebuild after src/ changes ({Path(SRC_FILE).name}: every notebook re-runs)", None)

        if args.test_runs:
            value, values, summaries = make_test(args.test_runs)
            what = f"`make test` once set up ({'; '.join(summaries)})"
            lines.append(row(what, f"{value:.0f} s", "≤ 90 s", value <= 90, f"{len(values)}"))

        if CHROMIUM.exists():
            weights = page_weights(site)
            name, largest = max(weights.items(), key=lambda item: item[1]["bytes"])
            heaviest = largest["files"]
            gzipped = largest["gzip"] / KB
            # the weight of a page is what crosses the wire (as Lighthouse's total-byte-weight counts it):
            # static hosts such as GitHub Pages send text gzip-compressed; the raw size is shown beside it
            what = f"largest first load, transferred (gzip): `{name}/`, {largest['requests']} requests"
            lines.append(row(what, f"{gzipped:.0f} KB", "≤ 600 KB", gzipped <= 600, "1"))
            raw = f"{largest['bytes'] / KB:.0f} KB"
            lines.append(row("the same, uncompressed", raw, "", None, "1"))
            math_pages = sorted(n for n, w in weights.items() if w["math"])
            katex_pages = sorted(n for n, w in weights.items() if w["katex"])
            scripts = sum(w["script"] for w in weights.values())
            lines.append(
                row(
                    "KaTeX's stylesheet loaded only on pages with math (no page loads a KaTeX script)",
                    f"{len(katex_pages)} of {len(weights)} pages load it; {len(math_pages)} show math; "
                    f"{scripts} scripts",
                    "the same pages; 0 scripts",
                    math_pages == katex_pages and scripts == 0,
                    "1",
                )
            )
            explorer = explorer_time(site, 9)
            if explorer:
                value, values = explorer
                lines.append(row("browser explorer, 10,000 iterations", f"{value:.0f} ms", "", None, f"{len(values)}"))
            else:
                lines.append(row("browser explorer, 10,000 iterations", "not measured (no explorer)", "", None, "0"))
            stepper = stepper_times(site, 9)
            for key, what in (("step", "a step"), ("jump", "a jump to the last iteration")):
                label = f"browser stepper, 50-line script: {what}, drawn"
                if stepper:
                    value = statistics.median(stepper[key])
                    lines.append(row(label, f"{value:.1f} ms", "≤ 50 ms", value <= 50, f"{len(stepper[key])}"))
                else:
                    lines.append(row(label, "not measured (no stepper)", "≤ 50 ms", None, "0"))
            three = three_layer_explorer_times(site, 9)
            for key, what in (("step", "a step"), ("jump", "a jump to the last iteration")):
                label = f"browser three-layer explorer: {what}, drawn"
                if three:
                    value = statistics.median(three[key])
                    lines.append(row(label, f"{value:.1f} ms", "≤ 50 ms", value <= 50, f"{len(three[key])}"))
                else:
                    lines.append(row(label, "not measured (no explorer)", "≤ 50 ms", None, "0"))
        else:
            lines.append(row("page weights", f"not measured ({CHROMIUM} missing)", "≤ 600 KB", None, "0"))
        lines.append(row("whole site", f"{site_size(site) / KB / KB:.1f} MB", "", None, "1"))

    value, ratios = training_ratio(args.rounds)
    lines.append(row("`train_two_layer` / inline copy", f"{value:.3f}", "≤ 1.05", value <= 1.05, f"{len(ratios)}"))
    print("\n".join(lines))
    if heaviest:
        print("\nWhat the largest first load is made of (bytes):\n")
        print("\n".join(f"- `{path}`: {size:,}" for path, size in heaviest))


if __name__ == "__main__":
    main()
