"""Every built page has the structure a reader and a search engine expect, and shows no build markup as text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT

HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
# what must never reach a reader as text: front matter, fact placeholders, snippet markers, unrendered math
LEFTOVERS = re.compile(r"^\s*description:|\{\{|\}\}|--8<--|\\\(|\\\)|\\\[|\\\]|\$\$", re.M)


def nav_titles() -> dict[str, str]:
    """Each page's title in the nav of mkdocs.yml, by its path under docs/."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    titles: dict[str, str] = {}

    def walk(entries: list) -> None:
        for entry in entries:
            for title, target in entry.items():
                if isinstance(target, list):
                    walk(target)
                else:
                    titles[target] = title

    walk(config["nav"])
    return titles


NAV = nav_titles()


def built_page(site: Path, source: str) -> BeautifulSoup:
    """The built HTML of a page, given its path under docs/."""
    stem = source.rsplit(".", 1)[0]
    html = site / ("index.html" if stem == "index" else f"{stem}/index.html")
    return BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")


def text_of(tag) -> str:
    """A heading's text without its permalink sign."""
    return tag.get_text(" ", strip=True).replace("¶", "").strip()


@pytest.mark.parametrize("source", sorted(NAV))
def test_one_h1_first_and_named_as_in_the_nav(built_site: Path, source: str) -> None:
    """Exactly one h1, it is the first heading, and the nav calls the page by the same name."""
    article = built_page(built_site, source).select_one("article.md-content__inner")
    assert article is not None
    headings = article.find_all(HEADINGS)
    assert [h.name for h in headings].count("h1") == 1, source
    assert headings[0].name == "h1", f"{source}: the first heading is a {headings[0].name}: {text_of(headings[0])!r}"
    if source != "index.md":  # the home page is "Home" in the nav
        assert text_of(headings[0]) == NAV[source]


@pytest.mark.parametrize("source", sorted(NAV))
def test_no_build_markup_shows_as_text(built_site: Path, source: str) -> None:
    """No front matter, {{ placeholder }}, --8<-- or unrendered math in what a reader sees."""
    page = built_page(built_site, source)
    article = page.select_one("article.md-content__inner")
    assert article is not None
    for hidden in article.select("annotation, script, style"):  # KaTeX keeps the TeX for screen readers here
        hidden.decompose()
    found = LEFTOVERS.findall(article.get_text("\n"))
    assert found == [], f"{source} shows {found}"


def test_every_page_has_its_own_description(built_site: Path) -> None:
    """Each page's meta description is its own: none repeats another's or falls back to the site's."""
    site_default = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    default = " ".join(site_default["site_description"].split())
    seen: dict[str, str] = {}
    for source in sorted(NAV):
        tag = built_page(built_site, source).find("meta", attrs={"name": "description"})
        assert tag is not None, source
        description = " ".join(tag["content"].split())
        assert description != default, f"{source} has the site's description"
        assert description not in seen, f"{source} repeats the description of {seen.get(description)}"
        seen[description] = source


def test_the_checks_see_a_broken_page() -> None:
    """The markup check finds front matter shown as text, a placeholder, a snippet marker and raw math."""
    shown = "description: Learn\n{{ fact }}\n--8<-- src/x.py\n\\(x\\)\n$$y$$"
    assert len(LEFTOVERS.findall(shown)) == 8
