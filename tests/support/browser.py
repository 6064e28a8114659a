"""Helpers for the browser tests: serve the built site locally, watch a page's requests, check links."""

from __future__ import annotations

import functools
import gzip
import json
import os
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[2]
# the browser: Debian's Chromium unless CHROMIUM names another Chromium or Chrome (as on macOS)
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "screenshots"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ipynb", ".py"}
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@functools.lru_cache(maxsize=512)
def _gzipped(path: str, modified: int, size: int) -> bytes:
    """A file gzip-compressed, once while it stays the same (every page load asks for the search index again)."""
    return gzip.compress(Path(path).read_bytes(), compresslevel=6)


class _QuietHandler(SimpleHTTPRequestHandler):
    """A static file handler that gzips text, as any real host does, and does not log every request."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if not (path.suffix in COMPRESSIBLE and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            super().do_GET()
            return
        stat = path.stat()
        body = _gzipped(str(path), stat.st_mtime_ns, stat.st_size)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve a folder over HTTP on 127.0.0.1 at a free port; yield the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def _nav_entries(items: list) -> Iterator[tuple[str, str]]:
    """Every (title, docs file) in a mkdocs.yml nav tree, in order."""
    for item in items:
        title, value = next(iter(item.items())) if isinstance(item, dict) else ("", item)
        if isinstance(value, list):
            yield from _nav_entries(value)
        else:
            yield title, value


def nav_pages() -> list[tuple[str, str, str]]:
    """Every page in mkdocs.yml's nav: (site path, nav title, docs file); the home page's path is ''."""

    class _Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml may hold !!python/name tags; the nav needs none of them
    _Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    pages = []
    for title, name in _nav_entries(config["nav"]):
        stem = name.rsplit(".", 1)[0].removesuffix("index").removesuffix("/")
        pages.append((f"{stem}/" if stem else "", title, name))
    return pages


def sitemap_pages(site: Path) -> list[str]:
    """The site path of every page listed in the built sitemap.xml."""
    base = site_url()
    tree = ET.parse(site / "sitemap.xml")
    locs = [el.text or "" for el in tree.iter() if el.tag.endswith("loc")]
    return [loc.removeprefix(base) for loc in locs]


def search_text(site: Path, page: str | None = None) -> str:
    """The text the built search index holds: of every page, or of one page (its site path) and its sections."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = [doc for doc in index["docs"] if page is None or doc["location"].split("#")[0] == page]
    return "\n".join(doc["text"] for doc in docs)


def site_url() -> str:
    """site_url from mkdocs.yml, ending in a slash."""
    for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("site_url:"):
            return line.split(":", 1)[1].strip().rstrip("/") + "/"
    raise LookupError("mkdocs.yml has no site_url")


@dataclass
class Traffic:
    """What the pages of one browser context asked for, and what went wrong."""

    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    pending: int = 0

    def watch(self, context) -> None:
        """Record every request (workers' too), failed request, error response and console error."""
        context.on("request", self._started)
        context.on("requestfinished", self._ended)
        context.on("requestfailed", lambda request: self.failures.append(f"{request.url}: {request.failure}"))
        context.on("requestfailed", self._ended)
        context.on("response", lambda r: r.status >= 400 and self.failures.append(f"{r.url}: HTTP {r.status}"))
        context.on("console", lambda m: m.type == "error" and self.console_errors.append(f"{m.text} at {m.location}"))
        context.on("weberror", lambda error: self.console_errors.append(str(error.error)))

    def _started(self, request) -> None:
        self.requests.append(request.url)
        self.pending += 1

    def _ended(self, request) -> None:
        self.pending -= 1

    def settle(self, page, quiet_ms: int = 100, limit_ms: int = 10000) -> None:
        """Wait until no request has been in flight for quiet_ms (cheaper than Playwright's 500 ms networkidle)."""
        quiet = waited = 0
        while quiet < quiet_ms and waited < limit_ms:
            page.wait_for_timeout(25)
            waited += 25
            quiet = quiet + 25 if self.pending <= 0 else 0

    def clear(self) -> None:
        """Forget what was recorded, before the next page."""
        self.requests.clear()
        self.failures.clear()
        self.console_errors.clear()


class _LinkParser(HTMLParser):
    """Collect every href of <a> and every id (and <a name>) of one HTML file."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"] or "")
        if tag == "a" and values.get("href") is not None:
            self.hrefs.append(values["href"] or "")


@dataclass
class LinkReport:
    """The outcome of checking every internal link of a built site."""

    pages: int = 0
    links: int = 0
    anchors: int = 0
    broken: list[str] = field(default_factory=list)


def check_links(site: Path) -> LinkReport:
    """Follow every internal <a href> of every built page: the file must exist, and so must the #anchor."""
    parsed: dict[Path, _LinkParser] = {}

    def parse(path: Path) -> _LinkParser:
        if path not in parsed:
            parser = _LinkParser()
            parser.feed(path.read_text(encoding="utf-8"))
            parsed[path] = parser
        return parsed[path]

    report = LinkReport()
    base = "http://site.invalid/"
    for page in sorted(site.rglob("*.html")):
        report.pages += 1
        here = base + page.relative_to(site).as_posix()
        for href in parse(page).hrefs:
            target = urlsplit(urljoin(here, href))
            if target.scheme in ("mailto", "javascript") or href == "":
                continue
            if target.netloc != "site.invalid":
                if href.startswith(site_url()):
                    report.broken.append(f"{page.relative_to(site)}: absolute link to this site {href}")
                continue
            report.links += 1
            path = site / unquote(target.path.lstrip("/"))
            if path.is_dir() or target.path.endswith("/"):
                path = path / "index.html"
            if not path.is_file():
                report.broken.append(f"{page.relative_to(site)}: {href} -> no file {path.relative_to(site)}")
                continue
            if target.fragment and path.suffix == ".html":
                report.anchors += 1
                if unquote(target.fragment) not in parse(path).ids:
                    report.broken.append(f"{page.relative_to(site)}: {href} -> no id {target.fragment!r}")
    return report


# the 50-line stepper timed from a call to the moment the browser has laid out what it drew (ms per run)
STEPPER_TIMING = """(runs) => {
    const s = window.stepper.open();
    const last = s.net.iterations - 1;
    const out = {step: [], jump: []};
    for (let i = 0; i < runs; i++) {
        s.go(1 + i, 0);
        let t = performance.now();
        s.move(1);
        document.body.offsetHeight;
        out.step.push(performance.now() - t);
        t = performance.now();
        s.go(i % 2 ? 0 : last, s.net.steps.length - 1);
        document.body.offsetHeight;
        out.jump.push(performance.now() - t);
    }
    return out;
}"""


# the three-layer explorer timed the same way: a step to the next iteration, and a jump to the last
# (the farthest from a kept checkpoint: 99 iterations replayed) or back to the first, each drawn
EXPLORER_TIMING = """(runs) => {
    const e = window.threeLayerExplorer.explorer;
    const last = e.run.iterations - 1;
    const out = {step: [], jump: []};
    for (let i = 0; i < runs; i++) {
        e.show(1 + i);
        let t = performance.now();
        e.show(2 + i);
        document.body.offsetHeight;
        out.step.push(performance.now() - t);
        t = performance.now();
        e.show(i % 2 ? 0 : last);
        document.body.offsetHeight;
        out.jump.push(performance.now() - t);
    }
    return out;
}"""


# --- one page at a time, as the browser tests visit it ---------------------------------------

# site.css lets the browser skip laying out blocks far from the window; this style lays out (and draws) them all
EVERY_BLOCK = "* { content-visibility: visible !important; }"
# two frames and a little more: the page's own timers and observers have had their turn
SETTLE = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 150))))"


def session(browser, **options):
    """A browser context with one page, and the traffic of both recorded."""
    context = browser.new_context(**options)
    traffic = Traffic()
    traffic.watch(context)
    page = context.new_page()
    return context, page, traffic


def visit(page, traffic: Traffic, url: str) -> None:
    """Open url, wait until the network is quiet, and fail on any error it caused."""
    traffic.clear()
    page.goto(url, wait_until="load")
    traffic.settle(page)
    assert_clean(traffic, url)


def assert_clean(traffic: Traffic, url: str) -> None:
    """No failed request, no console error, and no request to any host but the local server."""
    here = urlsplit(url).netloc
    fetched = [urlsplit(r) for r in traffic.requests]
    elsewhere = [r.geturl() for r in fetched if r.scheme not in ("data", "blob") and r.netloc != here]
    assert elsewhere == [], f"{url} asked another host for: {elsewhere}"
    assert traffic.failures == [], f"{url}: failed requests {traffic.failures}"
    assert traffic.console_errors == [], f"{url}: console errors {traffic.console_errors}"


def axe_violations(page, every_block: bool = True) -> list[str]:
    """axe-core's violations on the page, one line each: with every block rendered, or just as it loaded."""
    assert AXE.exists(), "no node_modules/axe-core: run `make test`, which runs `npm ci`"
    if every_block:
        page.add_style_tag(content=EVERY_BLOCK)  # axe must see every block
        # the page's own checks (overrides/main.html) look at each block once it has a size
        page.evaluate(SETTLE)
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        """() => axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v =>
            v.id + " (" + v.impact + "): " + v.nodes.slice(0, 5).map(n => n.target.join(" ")).join(" | ")))"""
    )
    return list(found)
