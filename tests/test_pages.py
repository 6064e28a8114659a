"""Guards over every chapter's prose: line references resolve and hold, no number is typed in."""

from __future__ import annotations

import re

import pytest

from support.pages import (
    LINE_WORDS,
    LINK,
    TYPED_DECIMAL,
    Page,
    anchor_ranges,
    chapters,
    prose_only,
    resolve,
    source_text,
)

PAGES = chapters()


def line_references(page: Page) -> list[tuple[str, str]]:
    """Every linked line reference in the page's prose: (link text, target)."""
    return [(text, target) for text, target in LINK.findall(prose_only(page.prose)) if LINE_WORDS.search(text)]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_line_reference_is_a_link(page: Page) -> None:
    """'line 36' in prose must link to that line's explanation, so a test can check it."""
    prose = LINK.sub(lambda m: "" if LINE_WORDS.search(m[1]) else m[1], prose_only(page.prose))
    prose = "\n".join(line for line in prose.splitlines() if not line.lstrip().startswith("#"))
    assert LINE_WORDS.findall(prose) == []


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_line_references_land_on_their_lines(page: Page) -> None:
    """A link 'line 36' goes to a heading whose listing covers line 36."""
    for text, target in line_references(page):
        path, anchor = resolve(page, target)
        assert path is not None, f"{text!r} links to {target!r}, which is not a page"
        ranges = anchor_ranges(source_text(path))
        assert anchor in ranges, f"{text!r} links to #{anchor}, which {path.name} has no line heading for"
        first, last = ranges[anchor]
        for number in map(int, re.findall(r"\d+", text)):
            assert first <= number <= last, f"{text!r} links to #{anchor}, which covers lines {first}-{last}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_no_typed_decimal_numbers(page: Page) -> None:
    """Decimals and large counts in prose come from {{ facts }} or code output, never typed in."""
    found = TYPED_DECIMAL.findall(prose_only(page.prose))
    assert found == [], f"typed numbers in {page.name}: {found}; use a fact from src/sitebuild/facts/"


def test_the_guards_see_what_they_should() -> None:
    """The guards are not vacuous: each finds what it looks for in a made-up page."""
    made_up = "Line 36 has `l1 = 0.5` and 0.25 and 10,000 and [line 29](line-by-line.md#line-29) and {{ x }}."
    prose = prose_only(made_up)
    assert TYPED_DECIMAL.findall(prose) == ["0.25", "10,000"]
    assert [m[0] for m in LINK.findall(prose)] == ["line 29"]
    assert LINE_WORDS.findall(prose)[0] == "Line 36"
