"""Every page of the site in a real browser, as readers meet it: the walk.

Each page loads with no console error, no failed request and no request to another host, at
desktop and phone widths; it passes axe-core; it has a title and a description; in the dark
scheme its background is dark and each plot shows its dark picture. Each view is photographed
top to bottom into screenshots/, for people to look at.

The walk is the slowest part of the suite, so it runs in two threads of its own (the light views,
the dark views), each with its own server and browser, while this module's tests read it page by page.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from support.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    DESKTOP,
    EVERY_BLOCK,
    PHONE,
    SCREENSHOTS,
    axe_violations,
    nav_pages,
    serve,
    session,
    sitemap_pages,
    visit,
)

PAGES = nav_pages()
SITE_NAME = "Eleven Lines, Line by Line"
SCHEMES = ("light", "dark")
# each width as a browser context: the page's size, and a phone's touch screen
WIDTHS = {"desktop": {"viewport": DESKTOP}, "phone": {"viewport": PHONE, "is_mobile": True, "has_touch": True}}

# what the walk saw, reported by the last test of this module
SEEN = {"pages": 0, "requests": 0, "screenshots": 0}


def slug(path: str) -> str:
    """A file name for a page's screenshots."""
    return path.strip("/").replace("/", "--") or "home"


def test_the_walk_covers_every_built_page(built_site: Path) -> None:
    """The pages walked below (the nav) are exactly the pages of the sitemap: none is skipped."""
    assert sorted(p for p, _, _ in PAGES) == sorted(sitemap_pages(built_site))
    assert len(PAGES) >= 15


@dataclass
class PageReport:
    """What the walk found on one page, in each of its four views (desktop and phone, light and dark)."""

    title: str = ""
    description: str = ""
    article: str = ""
    desktop_axe: list[str] = field(default_factory=list)
    phone_axe: list[str] = field(default_factory=list)
    # the requests of each view, by name ("desktop-light", ...): each thread writes its own views
    requests: dict[str, int] = field(default_factory=dict)
    screenshots: list[str] = field(default_factory=list)
    # in the dark scheme, at each width: the scheme Material chose, the page's background, what each plot shows
    dark: dict[str, dict] = field(default_factory=dict)
    # a failed check of a visit (requests, console), or why the walk stopped
    failed: list[str] = field(default_factory=list)


# what a page shows in the dark scheme: Material's scheme, the body's background, and for each plot the images shown
IN_THE_DARK = """() => {
    const shown = (e) => {
        for (let at = e; at; at = at.parentElement) if (getComputedStyle(at).display === 'none') return false;
        return true;
    };
    return {
        scheme: document.body.getAttribute('data-md-color-scheme'),
        ground: getComputedStyle(document.body).backgroundColor,
        plots: [...document.querySelectorAll('article .plots')]
            .map((p) => [...p.querySelectorAll('img')].filter(shown).map((i) => i.className)),
    };
}"""

# a plot's image loads when the reader scrolls near it; a full-page picture needs them all
LOAD_EVERY_IMAGE = """async () => {
    const lazy = [...document.querySelectorAll('img[loading=lazy]')];
    lazy.forEach((image) => { image.loading = 'eager'; });
    await Promise.all(lazy.map((image) => image.decode().catch(() => null)));
}"""


def full_page_screenshot(page, name: str) -> str:
    """The whole page, top to bottom, as the reader's scheme shows it, with every image loaded and every block drawn.

    site.css lets the browser skip drawing blocks far from the window (content-visibility); a reader
    who scrolls sees each one drawn, so the picture draws them all (they were blank in it before).
    """
    page.add_style_tag(content=EVERY_BLOCK)
    page.evaluate(LOAD_EVERY_IMAGE)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)
    return name


def look_at(base_url: str, path: str, scheme: str, views: dict, report: PageReport) -> None:
    """Visit a page at both widths in one scheme: what test_page_in_the_browser checks, and its screenshots."""
    for width, (page, traffic) in views.items():
        visit(page, traffic, base_url + path)
        report.requests[f"{width}-{scheme}"] = len(traffic.requests)
        if scheme == "dark":
            report.dark[width] = page.evaluate(IN_THE_DARK)
        elif width == "desktop":
            report.title = page.title()
            report.description = page.locator('meta[name="description"]').get_attribute("content") or ""
            report.article = page.inner_text("article")
            report.desktop_axe = axe_violations(page)
        else:  # as a phone has just loaded it, blocks far from the window not laid out: what Lighthouse's audit sees
            report.phone_axe = axe_violations(page, every_block=False)
        report.screenshots.append(full_page_screenshot(page, f"{slug(path)}-{width}-{scheme}"))


class Walk:
    """Every page of the nav in both schemes, each scheme in a thread of its own with its own server and browser."""

    def __init__(self, site: Path) -> None:
        self.reports = {path: PageReport() for path, _, _ in PAGES}
        self.ready = {(path, scheme): threading.Event() for path, _, _ in PAGES for scheme in SCHEMES}
        SCREENSHOTS.mkdir(exist_ok=True)
        for old in SCREENSHOTS.glob("*.png"):  # the folder holds this walk's pictures only, none of a page gone
            old.unlink()
        for scheme in SCHEMES:
            threading.Thread(target=self._run, args=(site, scheme), name=f"{scheme} walk", daemon=True).start()

    def _run(self, site: Path, scheme: str) -> None:
        try:
            with serve(site) as base, sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
                # Material follows the reader's preferred scheme while no choice is stored: fresh contexts
                views = {w: session(browser, color_scheme=scheme, **o)[1:] for w, o in WIDTHS.items()}
                for path, _, _ in PAGES:
                    try:
                        look_at(base, path, scheme, views, self.reports[path])
                    except Exception as problem:  # reported by the page's test
                        self.reports[path].failed.append(f"{scheme}: {type(problem).__name__}: {problem}")
                    self.ready[path, scheme].set()
                browser.close()
        except Exception as problem:
            for path, _, _ in PAGES:
                if not self.ready[path, scheme].is_set():
                    self.reports[path].failed.append(f"the {scheme} walk stopped: {problem!r}")
        finally:
            for (_, each), event in self.ready.items():
                if each == scheme:
                    event.set()

    def report(self, path: str) -> PageReport:
        """The page's report, once the walk has been there in both schemes."""
        for scheme in SCHEMES:
            assert self.ready[path, scheme].wait(timeout=900), f"the {scheme} walk never reached /{path}"
        return self.reports[path]


# the walk over a built site, started once per site (on the first call)
start_walk = cache(Walk)


@pytest.fixture(scope="module")
def walk(built_site: Path) -> Walk:
    """The walk over the built site, running in threads of its own while the tests read it page by page."""
    return start_walk(built_site)


@pytest.mark.parametrize(("path", "title", "source"), PAGES, ids=[p or "home" for p, _, _ in PAGES])
def test_page_in_the_browser(path: str, title: str, source: str, walk: Walk) -> None:
    """The page loads cleanly and offline at both widths, has no axe violation, a title and a description;
    in the dark scheme its background is dark and every plot shows its dark rendering, at both widths."""
    report = walk.report(path)
    assert not report.failed, f"/{path}: {report.failed}"
    SEEN["pages"] += 1
    SEEN["requests"] += sum(report.requests.values())
    SEEN["screenshots"] += len(report.screenshots)

    expected = SITE_NAME if path == "" else f"{title} - {SITE_NAME}"
    assert report.title == expected
    assert len(report.description.split()) >= 6, f"{path}: meta description {report.description!r}"
    assert "placeholder" not in report.description.lower()
    assert "STUB:" not in report.article, f"{source} is still a stub"
    assert report.desktop_axe == [], "axe-core at desktop width, every block laid out"
    assert report.phone_axe == [], "axe-core at phone width, as the page loaded"
    assert sorted(report.dark) == ["desktop", "phone"]
    for width, seen in report.dark.items():
        assert seen["scheme"] == "slate", f"{width}: the scheme is {seen['scheme']}"
        assert max(float(c) for c in re.findall(r"[\d.]+", seen["ground"])[:3]) < 64, f"{width}: {seen['ground']}"
        assert all(shown == ["plot plot--dark"] for shown in seen["plots"]), f"{width}: {seen['plots']}"


def test_what_the_walk_saw(capsys: pytest.CaptureFixture[str]) -> None:
    """Report the walk: how many pages and requests were checked, and where the screenshots are."""
    with capsys.disabled():
        print(
            f"\nbrowser walk: {SEEN['pages']} pages, {SEEN['requests']} requests (all to 127.0.0.1), "
            f"{SEEN['screenshots']} screenshots in {SCREENSHOTS}"
        )
    if SEEN["pages"]:
        assert SEEN["screenshots"] == 4 * SEEN["pages"]  # desktop and phone, light and dark
