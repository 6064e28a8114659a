"""Layouts that hold on every page, measured in a real browser (Debian's Chromium, driven by Playwright).

At 1280, 1440 and 1920 px (and at 390 and 320 px), no table, figure, listing or output reaches past the text column:
on the line-by-line chapters none reaches under the code beside the text; wide ones scroll inside
the column; at 1280 px and wider no line of a notebook cell's code or output needs scrolling sideways.
At 390 and 320 px the page never scrolls sideways; at 390 px notebook pages show no prompt column,
figures take the text's full width, and their smallest text is at least 11 px (at most 20 px at 1280);
no copy button covers the first line of its code. At every width, no listing or output splits a number,
and no block holds more than it shows without a way to scroll to the rest (a formula cut off at its end);
no heading's permalink sits on a line of its own.
Each page is loaded once per device and measured at each width, in a background thread that starts
as soon as the site is built, while other tests run.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from support.browser import CHROMIUM, CHROMIUM_ARGS, EVERY_BLOCK, SETTLE, nav_pages, serve
from support.layout import COPY_BUTTONS, FIGURES, NOTEBOOK_WIDTHS, PROBE

PAGES = [path for path, _, _ in nav_pages()]
NOTEBOOKS = [path for path, _, source in nav_pages() if source.endswith(".py")]
WIDE = [1280, 1440, 1920]
PHONE = 390
# the narrowest width a page must still read at without sideways scrolling (WCAG's reflow: a small
# phone, or a desktop window zoomed to 400 %)
SMALL_PHONE = 320
# the smallest text of a plot, in CSS px as shown: at least this on a phone, at most that on a desktop
# (Material's body text is 16 px there)
LEGIBLE = 11.0
HUGE = 20.0


def laid_out(page: Page, url: str) -> Page:
    """Open url with every block laid out, as a reader who has scrolled through it sees it."""
    page.goto(url, wait_until="load")
    page.add_style_tag(content=EVERY_BLOCK)
    page.evaluate(SETTLE)
    return page


@dataclass
class Layout:
    """What the probe found on one page: its problems at each width, and a notebook page's widths on a phone."""

    problems: dict[int, list[str]] = field(default_factory=dict)
    notebook: dict | None = None
    figures: dict[int, list[dict]] = field(default_factory=dict)
    failed: str = ""


def measure(base: str, path: str, desktop: Page, phone: Page) -> Layout:
    """Load the page once on a desktop, probe it at each wide width in turn, then once on a phone."""
    layout = Layout()
    laid_out(desktop, base + path)
    for width in WIDE:
        desktop.set_viewport_size({"width": width, "height": 900})
        desktop.evaluate(SETTLE)
        layout.problems[width] = desktop.evaluate(PROBE)
        if width == WIDE[0]:
            layout.figures[width] = desktop.evaluate(FIGURES)
    laid_out(phone, base + path)
    layout.problems[PHONE] = phone.evaluate(PROBE)
    layout.figures[PHONE] = phone.evaluate(FIGURES)
    if path in NOTEBOOKS:
        layout.notebook = phone.evaluate(NOTEBOOK_WIDTHS)
    phone.set_viewport_size({"width": SMALL_PHONE, "height": 844})
    phone.evaluate(SETTLE)
    layout.problems[SMALL_PHONE] = phone.evaluate(PROBE)
    phone.set_viewport_size({"width": PHONE, "height": 844})
    return layout


class Walk:
    """Every page measured in a thread of its own, while the tests read the pages done so far."""

    def __init__(self, site: Path) -> None:
        self.layouts: dict[str, Layout] = {}
        self.ready = {path: threading.Event() for path in PAGES}
        threading.Thread(target=self._run, args=(site,), name="layout walk", daemon=True).start()

    def _run(self, site: Path) -> None:
        try:
            with serve(site) as base, sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
                desktop = browser.new_context(viewport={"width": WIDE[0], "height": 900}).new_page()
                phone = browser.new_context(
                    viewport={"width": PHONE, "height": 844}, is_mobile=True, has_touch=True
                ).new_page()
                for path in PAGES:
                    try:
                        self.layouts[path] = measure(base, path, desktop, phone)
                    except Exception as problem:  # reported by the page's tests
                        self.layouts[path] = Layout(failed=f"{type(problem).__name__}: {problem}")
                    self.ready[path].set()
                browser.close()
        except Exception as problem:
            for path in PAGES:
                self.layouts.setdefault(path, Layout(failed=f"the walk stopped: {problem!r}"))
        finally:
            for event in self.ready.values():
                event.set()

    def layout(self, path: str) -> Layout:
        """The page's measurements, once the walk has been there."""
        assert self.ready[path].wait(timeout=900), f"the layout walk never reached /{path}"
        found = self.layouts[path]
        assert not found.failed, f"/{path}: {found.failed}"
        return found


# the walk over a built site, started once per site (on the first call)
start_walk = cache(Walk)


@pytest.fixture(scope="module")
def walk(built_site: Path) -> Walk:
    """The walk over the built site, running in a thread of its own while the tests read it page by page."""
    assert CHROMIUM.exists(), f"no {CHROMIUM}: run `make chromium`, or set CHROMIUM to a browser"
    return start_walk(built_site)


@pytest.mark.parametrize("width", [*WIDE, PHONE, SMALL_PHONE])
@pytest.mark.parametrize("path", PAGES, ids=[p or "home" for p in PAGES])
def test_every_block_stays_in_the_text_column(path: str, width: int, walk: Walk) -> None:
    """Nothing reaches past the text column or under the code; the page never scrolls sideways; no number splits."""
    assert walk.layout(path).problems[width] == [], f"/{path} at {width} px"


@pytest.mark.parametrize("path", NOTEBOOKS)
def test_notebook_pages_use_a_phones_width(path: str, walk: Walk) -> None:
    """At 390 px a notebook page shows no prompt column; code and figures take the text's full width."""
    widths = walk.layout(path).notebook
    assert widths is not None
    assert widths["prompt"] == 0, f"an In [n]: or Out[n]: column {widths['prompt']} px wide"
    assert widths["code"] is not None and widths["code"] >= 0.95, f"code {widths['code']:.0%} of the column"
    for figure in walk.layout(path).figures[PHONE]:
        full = min(figure["natural"], widths["column"])
        shown = f"a figure {figure['shown']:.0f} px wide in a {widths['column']} px column"
        assert figure["shown"] >= 0.95 * full, shown


@pytest.mark.parametrize("path", PAGES, ids=[p or "home" for p in PAGES])
def test_plot_text_reads_on_a_phone_and_is_not_huge_on_a_desktop(path: str, walk: Walk) -> None:
    """A plot or chart: its smallest text, scaled to its shown width, is 11 px or more, and 20 or less on a desktop."""
    for width, figures in walk.layout(path).figures.items():
        for n, figure in enumerate(figures):
            assert figure["text"] > 0, f"plot {n} does not say how small its text is"
            seen = figure["text"] * figure["shown"] / figure["natural"]
            where = f"/{path}, plot {n} at {width} px: its smallest text is {seen:.1f} px"
            assert LEGIBLE <= seen, where
            assert width == PHONE or seen <= HUGE, where


# a notebook page and Markdown pages whose first lines are long on a phone
COPY_PAGES = ["part-1/sigmoid/", "reference/command-line/", "part-1/numpy-review/", "part-1/line-by-line/"]
# Material's own top padding for code (notebook cells' too): the layout before the fix
UNDONE = """@media screen { .md-typeset .highlight pre > code { padding-top: 0.7720588235em !important; } }"""


@pytest.fixture(scope="module")
def phone_page(base_url: str, browser: Browser):
    """A 390 px phone page on the built site, and the site's address."""
    context = browser.new_context(viewport={"width": PHONE, "height": 844}, is_mobile=True, has_touch=True)
    yield context.new_page(), base_url
    context.close()


@pytest.mark.parametrize("path", COPY_PAGES)
def test_no_copy_button_covers_a_first_line_on_a_phone(path: str, phone_page) -> None:
    """At 390 px, the copy button of each code block keeps clear of the text of the block's first line."""
    page, base = phone_page
    page.goto(base + path, wait_until="load")
    blocks = page.evaluate(COPY_BUTTONS)
    assert blocks and all(block["button"] for block in blocks), blocks
    assert [block["line"] for block in blocks if block["covered"]] == []


def test_the_copy_button_check_catches_a_covered_line(phone_page) -> None:
    """Not vacuous: with the room above the first line taken away, the long first lines are found covered."""
    page, base = phone_page
    for path in ("part-1/sigmoid/", "reference/command-line/"):
        page.goto(base + path, wait_until="load")
        page.add_style_tag(content=UNDONE)
        assert any(block["covered"] for block in page.evaluate(COPY_BUTTONS)), path


CRAFTED = """<!doctype html><html lang="en"><meta name="viewport" content="width=device-width">
<style>
  body { margin: 0; } .md-content { width: 300px; } article { width: 260px; padding: 0 20px; }
  .code-beside { position: absolute; left: 220px; top: 0; width: 80px; height: 50px; }
  .split { width: 60px; white-space: pre-wrap; word-break: break-all; font: 16px monospace; }
</style>
<div class="md-content"><article class="md-content__inner">
  <div class="code-beside">code</div>
  <table><tr><td style="width: 230px">a table under the code</td></tr></table>
  <div style="overflow-x: auto; width: 180px">
    <table><tr><td><div style="width: 900px">a wide table that scrolls</div></td></tr></table>
  </div>
  <div style="overflow: hidden; width: 180px">
    <table><tr><td><div style="width: 600px">a wide table cut off</div></td></tr></table>
  </div>
  <div style="overflow: hidden; width: 180px">
    <div class="katex-display" style="white-space: nowrap">a formula too long for its box, its end cut off</div>
  </div>
  <pre class="split">0.123456789012</pre>
  <p class="split"><code>range(10000)</code></p>
  <figure style="width: 2000px; margin: 0">a figure wider than the window</figure>
</article></div></html>"""


def test_the_probe_catches_what_it_should(tmp_path: Path, browser: Browser) -> None:
    """Not vacuous: a table under the code or cut off, a formula cut off, split numbers and a page too wide are
    all caught."""
    (tmp_path / "index.html").write_text(CRAFTED)
    with serve(tmp_path) as url:
        context = browser.new_context(viewport={"width": PHONE, "height": 844}, is_mobile=True, has_touch=True)
        problems = laid_out(context.new_page(), url).evaluate(PROBE)
        context.close()
    # the table under the code, and the one cut off by a box that hides instead of scrolling
    assert sum(p.startswith("table under #top ends") for p in problems) == 2, problems
    assert any("the number 0.123456789012 is split across lines" in p for p in problems), problems
    assert any(p.startswith("code under #top: the number 10000 is split") for p in problems), problems
    assert any(p.startswith("the page scrolls sideways") for p in problems), problems
    assert any(p.startswith("figure under #top ends") for p in problems), problems
    assert any(p.startswith("div.katex-display under #top holds") for p in problems), problems
    # the table inside a box that scrolls is clipped by it, so it passes; nothing else is reported
    assert len(problems) == 7, problems


# two headings as wide as the column, each with a permalink after its words: the first link takes room and wraps
# onto a line of its own, the second takes none (as site.css has it) and stays on the heading's line
HEADINGS = """<!doctype html><html lang="en"><meta name="viewport" content="width=device-width">
<style> h2 { font: 20px/1.5 monospace; } .headerlink { display: inline-block; } </style>
<div class="md-content"><article class="md-content__inner">
  <h2 id="wraps">A heading as wide as this<a class="headerlink" href="#wraps" style="margin-left: 8px">#</a></h2>
  <h2 id="stays">A heading as wide as this<a class="headerlink" href="#stays" style="width: 0">#</a></h2>
</article></div></html>"""
# each heading made exactly as wide as its words
FIT_HEADINGS = """() => { for (const h of document.querySelectorAll('h2')) {
  const words = document.createRange();
  words.setStart(h.firstChild, 0);
  words.setEnd(h.firstChild, h.firstChild.length);
  h.style.width = words.getBoundingClientRect().width + 'px';
} }"""


def test_the_probe_finds_a_permalink_on_a_line_of_its_own(tmp_path: Path, browser: Browser) -> None:
    """Not vacuous: a heading whose permalink wraps below its words is caught; one whose link takes no room is not."""
    (tmp_path / "index.html").write_text(HEADINGS)
    with serve(tmp_path) as url:
        context = browser.new_context(viewport={"width": 600, "height": 900})
        page = context.new_page()
        page.goto(url)
        page.evaluate(FIT_HEADINGS)
        found = page.evaluate(PROBE)
        context.close()
    assert [p for p in found if "permalink" in p] == ["the permalink of #wraps sits on a line of its own"], found


# a notebook cell whose code and printed output are wider than the column; both scroll, as the theme's code does
CELL = """<!doctype html><html lang="en"><meta name="viewport" content="width=device-width">
<style> article { max-width: 600px; } code { display: block; white-space: pre; }
  code, .jp-RenderedText { overflow-x: auto; } </style>
<div class="md-content"><article class="md-content__inner"><div class="jp-Cell">
  <div class="highlight"><pre><code>print("a line of code longer than the column:", 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9)
</code></pre></div>
  <div class="jp-RenderedText"><pre>what it printed, longer than the column: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16
</pre></div>
</div></article></div></html>"""


@pytest.mark.parametrize("width", [WIDE[0], PHONE])
def test_the_probe_wants_notebook_cells_whole_on_a_desktop(width: int, tmp_path: Path, browser: Browser) -> None:
    """Not vacuous: on a desktop a notebook cell's code or output that scrolls sideways is caught; on a phone it may
    scroll."""
    (tmp_path / "index.html").write_text(CELL)
    with serve(tmp_path) as url:
        context = browser.new_context(viewport={"width": width, "height": 900})
        problems = context.new_page()
        problems.goto(url)
        found = problems.evaluate(PROBE)
        context.close()
    scrolled = [p for p in found if " scrolls " in p]
    if width == PHONE:
        assert scrolled == [], found
    else:
        assert [p.split(" under ")[0] for p in scrolled] == ["code", "div.jp-RenderedText"], found
