"""Layouts that hold on every page, measured in a real browser (Debian's Chromium, driven by Playwright).

At 1280, 1440 and 1920 px, no table, figure, listing or output reaches past the text column:
on the line-by-line chapters none reaches under the code beside the text; wide ones scroll inside
the column. At 390 px the page never scrolls sideways, notebook pages drop Jupyter's prompt column,
and figures take the text's full width. At every width, no listing or output splits a number.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

from support.browser import CHROMIUM, CHROMIUM_ARGS, nav_pages, serve
from support.layout import NOTEBOOK_WIDTHS, PROBE

PAGES = [path for path, _, _ in nav_pages()]
NOTEBOOKS = [path for path, _, source in nav_pages() if source.endswith(".py")]
WIDE = [1280, 1440, 1920]
PHONE = 390
# lay out every block (site.css lets the browser skip blocks far from the window), then wait two frames
LAY_OUT = "* { content-visibility: visible !important; }"
SETTLE = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100))))"


@pytest.fixture(scope="module")
def base_url(built_site: Path) -> Iterator[str]:
    """The built site, served over HTTP on 127.0.0.1."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def window() -> Iterator[Callable[[int], Page]]:
    """A page in a window of the given width (a touch phone below 600 px), one per width for the module."""
    assert CHROMIUM.exists(), "no /usr/bin/chromium: run `make chromium`"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        pages: dict[int, Page] = {}

        def open_at(width: int) -> Page:
            if width not in pages:
                phone = width < 600
                context = browser.new_context(
                    viewport={"width": width, "height": 844 if phone else 900}, is_mobile=phone, has_touch=phone
                )
                pages[width] = context.new_page()
            return pages[width]

        yield open_at
        browser.close()


def laid_out(page: Page, url: str) -> Page:
    """Open url with every block laid out, as a reader who has scrolled through it sees it."""
    page.goto(url, wait_until="load")
    page.add_style_tag(content=LAY_OUT)
    page.evaluate(SETTLE)
    return page


@pytest.mark.parametrize("width", [*WIDE, PHONE])
@pytest.mark.parametrize("path", PAGES, ids=[p or "home" for p in PAGES])
def test_every_block_stays_in_the_text_column(path: str, width: int, base_url: str, window) -> None:
    """Nothing reaches past the text column or under the code; the page never scrolls sideways; no number splits."""
    page = laid_out(window(width), base_url + path)
    assert page.evaluate(PROBE) == [], f"/{path} at {width} px"


@pytest.mark.parametrize("path", NOTEBOOKS)
def test_notebook_pages_use_a_phones_width(path: str, base_url: str, window) -> None:
    """At 390 px a notebook page shows no prompt column; code and figures take the text's full width."""
    page = laid_out(window(PHONE), base_url + path)
    widths = page.evaluate(NOTEBOOK_WIDTHS)
    assert widths["prompt"] == 0, f"an In [n]: or Out[n]: column {widths['prompt']} px wide"
    assert widths["code"] is not None and widths["code"] >= 0.95, f"code {widths['code']:.0%} of the column"
    for figure in widths["figures"]:
        full = min(figure["natural"], widths["column"])
        shown = f"a figure {figure['shown']:.0f} px wide in a {widths['column']} px column"
        assert figure["shown"] >= 0.95 * full, shown


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
    <table><tr><td style="width: 900px">a wide table that scrolls</td></tr></table>
  </div>
  <pre class="split">0.123456789012</pre>
  <figure style="width: 2000px; margin: 0">a figure wider than the window</figure>
</article></div></html>"""


def test_the_probe_catches_what_it_should(tmp_path: Path, window) -> None:
    """Not vacuous: a table under the code, a number split across lines and a page too wide are all caught."""
    (tmp_path / "index.html").write_text(CRAFTED)
    with serve(tmp_path) as url:
        problems = laid_out(window(PHONE), url).evaluate(PROBE)
    assert any(p.startswith("table under #top ends") for p in problems), problems
    assert any("the number 0.123456789012 is split across lines" in p for p in problems), problems
    assert any(p.startswith("the page scrolls sideways") for p in problems), problems
    assert any(p.startswith("figure under #top ends") for p in problems), problems
    # the table inside a box that scrolls is clipped by it, so it passes; nothing else is reported
    assert len(problems) == 4, problems
