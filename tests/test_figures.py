"""Every figure is drawn for the colour scheme it is shown in, in a real browser (Debian's Chromium, via Playwright).

A plot of a notebook page comes as two images, one drawn for each scheme (`tinynet.plotting`); an SVG chart
takes the page's own colours. On every page, in the light and in the dark scheme, each plot shows exactly one
image, drawn on the page's own background, and a different one in each scheme; every SVG chart's text reads
against the background; and nothing in the article is filtered (the site used to invert plots with a CSS filter).
"""

from __future__ import annotations

import base64
import io
import re
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Browser

from support.browser import nav_pages, serve

PAGES = [path for path, _, _ in nav_pages()]
DESKTOP = {"width": 1280, "height": 800}
# what the page shows of its figures: read in the browser, with the styles as computed
FIGURES = """() => {
    const article = document.querySelector("article");
    const shown = e => {
        for (let at = e; at && at !== article; at = at.parentElement) {
            const style = getComputedStyle(at);
            if (style.display === "none" || style.visibility === "hidden") return false;
        }
        return true;
    };
    const ground = getComputedStyle(document.body).backgroundColor;
    const images = [...article.querySelectorAll("img")];
    return {
        scheme: document.body.getAttribute("data-md-color-scheme"),
        ground,
        text: getComputedStyle(article).color,
        filtered: [...article.querySelectorAll("*")].filter(e => getComputedStyle(e).filter !== "none")
            .map(e => e.tagName.toLowerCase() + "." + e.getAttribute("class")),
        plots: [...article.querySelectorAll(".plots")].map(p => [...p.querySelectorAll("img")].filter(shown)
            .map(i => ({kind: i.getAttribute("class"), src: i.src, alt: i.alt}))),
        loose: images.filter(i => !i.closest(".plots")).map(i => ({src: i.getAttribute("src"), shown: shown(i)})),
        charts: [...article.querySelectorAll("svg[role=img]")].filter(shown).map(s =>
            [...s.querySelectorAll("text")].map(t => getComputedStyle(t).fill)),
    };
}"""


@pytest.fixture(scope="module")
def schemes(browser: Browser) -> Iterator[dict[str, object]]:
    """One desktop page per scheme, as a reader's browser preference chooses it."""
    contexts = {scheme: browser.new_context(viewport=DESKTOP, color_scheme=scheme) for scheme in ("light", "dark")}
    yield {scheme: context.new_page() for scheme, context in contexts.items()}
    for context in contexts.values():
        context.close()


def rgb(css: str, ground: tuple[float, ...] = (255, 255, 255)) -> tuple[float, ...]:
    """A CSS rgb()/rgba() colour as three channels, blended over the ground when it is translucent."""
    values = [float(v) for v in re.findall(r"[\d.]+", css)]
    alpha = values[3] if len(values) > 3 else 1.0
    return tuple(alpha * c + (1 - alpha) * g for c, g in zip(values[:3], ground, strict=True))


def contrast(first: tuple[float, ...], second: tuple[float, ...]) -> float:
    """The WCAG contrast ratio of two colours."""

    def luminance(colour: tuple[float, ...]) -> float:
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (v / 255 for v in colour)]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted([luminance(first), luminance(second)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def corner(src: str) -> tuple[int, ...]:
    """The top left pixel of an image (its address, or a data: URI): a plot's background."""
    with urllib.request.urlopen(src) as response:
        return Image.open(io.BytesIO(response.read())).convert("RGB").getpixel((0, 0))


def what_shows(page, url: str) -> dict:
    """The page's figures as the browser shows them."""
    page.goto(url, wait_until="load")
    return page.evaluate(FIGURES)


def problems(seen: dict, scheme: str) -> list[str]:
    """What is wrong with the figures of one page in one scheme."""
    found = [f"filtered: {name}" for name in seen["filtered"]]
    ground = rgb(seen["ground"])
    for n, shown in enumerate(seen["plots"]):
        kinds = [image["kind"] for image in shown]
        if kinds != [f"plot plot--{scheme}"]:
            found.append(f"plot {n} shows {kinds}, not the {scheme} one")
            continue
        if not shown[0]["alt"]:
            found.append(f"plot {n} has no alt text")
        if max(abs(a - b) for a, b in zip(corner(shown[0]["src"]), ground, strict=True)) > 3:
            found.append(f"plot {n} is drawn on {corner(shown[0]['src'])}, the page on {seen['ground']}")
    for image in seen["loose"]:
        wanted = {"light": "#only-light", "dark": "#only-dark"}
        if not image["src"].endswith(tuple(wanted.values())):
            found.append(f"an image drawn for one scheme only: {image['src'][:60]}")
        elif image["shown"] != image["src"].endswith(wanted[scheme]):
            found.append(f"{image['src'][-60:]} shown: {image['shown']}")
    for n, fills in enumerate(seen["charts"]):
        faint = [fill for fill in fills if contrast(rgb(fill, ground), ground) < 4.5]
        if faint:
            found.append(f"chart {n}: text of colour {faint[0]} is hard to read on {seen['ground']}")
    return found


@pytest.mark.parametrize("path", PAGES)
def test_figures_are_drawn_for_each_scheme(path: str, base_url: str, schemes: dict) -> None:
    """Each plot shows the image drawn for the page's scheme, a different one in each; nothing is filtered."""
    seen = {scheme: what_shows(page, base_url + path) for scheme, page in schemes.items()}
    assert seen["light"]["scheme"] == "default" and seen["dark"]["scheme"] == "slate"
    assert problems(seen["light"], "light") == []
    assert problems(seen["dark"], "dark") == []
    light, dark = ([shown[0]["src"] for shown in seen[s]["plots"]] for s in ("light", "dark"))
    assert len(light) == len(dark) and all(a != b for a, b in zip(light, dark, strict=True))
    assert len(set(light)) == len(light), "no plot repeats another"
    assert seen["light"]["charts"] == [] or seen["light"]["charts"] != seen["dark"]["charts"], "charts restyled"


def test_every_notebook_page_has_plots(base_url: str, schemes: dict) -> None:
    """The check above is not vacuous: the pages that plot have their plots, and the weight chart its text."""
    page = schemes["light"]
    counts = {}
    for path in ("part-1/sigmoid/", "part-1/watching-it-learn/", "part-2/three-layer-training/"):
        counts[path] = len(what_shows(page, base_url + path)["plots"])
    assert all(count > 0 for count in counts.values()), counts
    assert what_shows(page, base_url + "part-1/line-by-line/")["charts"], "the weight chart is found"


def test_the_toggle_swaps_each_plot(base_url: str, schemes: dict) -> None:
    """Switching the scheme with the header's toggle swaps the image a reader sees, and back."""
    page = schemes["light"]
    url = base_url + "part-1/sigmoid/"
    before = what_shows(page, url)["plots"]
    page.get_by_title("Switch to the dark scheme").click()
    after = page.evaluate(FIGURES)
    assert after["scheme"] == "slate" and problems(after, "dark") == []
    assert [p[0]["src"] for p in after["plots"]] != [p[0]["src"] for p in before]
    page.get_by_title("Switch to the light scheme").click()
    assert page.evaluate(FIGURES)["plots"] == before


def test_the_figure_checks_catch_what_they_should(tmp_path: Path, schemes: dict) -> None:
    """Not vacuous: a filter, the other scheme's image, a plot drawn on the wrong ground, a lone image, faint text."""
    white = Image.new("RGB", (4, 4), "white")
    raw = io.BytesIO()
    white.save(raw, format="png")
    src = "data:image/png;base64," + base64.b64encode(raw.getvalue()).decode()
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><title>t</title><body style="background:#1e2029">'
        '<article style="color:#888"><style>img{filter:invert(0.88)}</style>'
        f'<div class="plots"><img class="plot plot--light" alt="a" src="{src}">'
        f'<img class="plot plot--dark" alt="a" style="display:none" src="{src}"></div>'
        f'<div class="plots"><img class="plot plot--light" alt="a" style="display:none" src="{src}">'
        f'<img class="plot plot--dark" alt="a" src="{src}"></div><img alt="b" src="{src}">'
        '<svg role="img"><text fill="#333">faint</text></svg></article></body></html>'
    )
    with serve(tmp_path) as url:
        found = problems(what_shows(schemes["dark"], url), "dark")
    assert any(p.startswith("filtered: img") for p in found), found
    assert any(p.startswith("plot 0 shows ['plot plot--light']") for p in found), found
    assert any(p.startswith("plot 1 is drawn on (255, 255, 255)") for p in found), found
    assert any(p.startswith("an image drawn for one scheme only") for p in found), found
    assert any(p.startswith("chart 0: text") for p in found), found
