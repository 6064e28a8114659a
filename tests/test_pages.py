"""Guards over every chapter's prose: line references resolve and hold, no number is typed in."""

from __future__ import annotations

import re

import pytest

from support.pages import (
    DOCS,
    LINE_WORDS,
    LINK,
    ROOT,
    Page,
    anchor_ranges,
    chapters,
    example_literals,
    misordered_families,
    misplaced_cells,
    misplaced_moments,
    notebook_typed_numbers,
    prose_only,
    resolve,
    source_text,
    typed_numbers,
    without_fences,
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


SCRIPTS = "\n".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "src" / "tinynet").glob("*.py")))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_no_typed_numbers(page: Page) -> None:
    """Prose states a quantity only through a {{ fact }}, a number its checked examples hold, or its code beside it."""
    source = page.path.read_text(encoding="utf-8")
    if page.path.suffix == ".py":
        found = notebook_typed_numbers(source, SCRIPTS)
    else:
        found = typed_numbers(page.prose, example_literals(source), SCRIPTS)
    assert found == [], f"typed numbers in {page.name}: {found}; use a fact from src/sitebuild/facts/ or reword"


def test_the_number_guard_catches_every_form() -> None:
    """Digits, decimals, number words, fractions, percentages and quoted values are caught; the exceptions pass."""
    caught = {
        "within about one ten-thousandth": ["ten", "thousandth"],
        "within one percent of it": ["percent"],
        "at iteration 999 the scores": ["iteration 999"],
        "the first iteration (iteration 0) and iteration 1,000": ["iteration 0", "iteration 1,000"],
        "all four rows, ten thousand times": ["four", "ten", "thousand"],
        "roughly a fifth of each error, and twice the weight": ["a fifth of", "twice"],
        "a weight of 9.5, a delta of 1e-5, and 0.25": ["9.5", "1e-5", "0.25"],
        "every 10000th iteration": ["10000th"],
        "the notes quote `[[0.26] [0.36]]` and `range(20006)`": ["0.26", "0.36", "20006"],
        "rows 2 and 3": ["2", "3"],
    }
    for prose, numbers in caught.items():
        assert typed_numbers(prose) == numbers, prose
    allowed = [
        "The two-layer and three-layer networks: the 42-line, 50-line and 11-line scripts.",
        "Trask's post (2015), and the notes of 22 December 2016, in Part 1 and Part 2 under Python 3.",
        "[tinynet-0.1.0-py3-none-any.whl](downloads/tinynet-0.1.0-py3-none-any.whl), the package.",
        "From 0 up to 1, the range from -1 up to 1, an input of 1 and a target of 0; layer 2 is the output.",
        "[line 36](line-by-line.md#line-36) and [lines 10\u201313](line-by-line.md#lines-10-13), one row each.",
        '## Line 39: updating the weights {#line-39}\n\nThe notes say "rounded to two decimal places".',
        "Run `python -m tinynet two-layer --iterations 100000`, print `l1_error` and `syn0[2]`; {{ shape_l1 }}.",
    ]
    for prose in allowed:
        assert typed_numbers(prose) == [], prose
    assert typed_numbers("a tenth of a second at iteration 3", {"3"}) == ["tenth"]
    assert typed_numbers("`0.8808` from `nonlin(2.0)`", code="nonlin(2.0)") == ["0.8808"]
    near = "# %%\nshown = [0, 9999]\n\n# %% [markdown]\n# By iteration 9999 the sums are large.\n"
    far = near + "\n# %%\nx = 1\n\n# %% [markdown]\n# At iteration 999 they are not.\n\n# %%\nprint((99, 999))\n"
    assert notebook_typed_numbers(near) == []
    assert notebook_typed_numbers(far.replace("(99, 999)", "(99,)")) == ["iteration 999"]
    assert notebook_typed_numbers(far) == [], "999 is written by the code cell right after the sentence"


def test_the_guards_see_what_they_should() -> None:
    """The guards are not vacuous: each finds what it looks for in a made-up page."""
    made_up = "Line 36 has `l1 = 0.5` and 0.25 and 10,000 and [line 29](line-by-line.md#line-29) and {{ x }}."
    prose = prose_only(made_up)
    assert typed_numbers(made_up) == ["0.5", "36", "0.25", "10,000"]
    assert [m[0] for m in LINK.findall(prose)] == ["line 29"]
    assert LINE_WORDS.findall(prose)[0] == "Line 36"


MARKDOWN_PAGES = [p for p in PAGES if p.path.suffix == ".md"]


@pytest.mark.parametrize("page", MARKDOWN_PAGES, ids=lambda p: p.name)
def test_facts_stay_in_their_sentences(page: Page) -> None:
    """A fact of one iteration sits under words naming that iteration; table cells fit their row and column."""
    markdown = without_fences(page.prose)
    assert misplaced_moments(markdown) == []
    assert misordered_families(markdown) == []
    assert misplaced_cells(markdown) == []


def test_the_sentence_guards_see_a_swap() -> None:
    """Swapping two facts of the same kind fails: first and last iteration, two sigmoid points, two indices."""
    line_by_line = (DOCS / "part-1" / "line-by-line.md").read_text(encoding="utf-8")
    assert misplaced_moments(without_fences(line_by_line)) == []
    swaps = [
        ("first_iteration_scores", "last_iteration_scores"),
        ("first_iteration_slope_min", "last_iteration_slope_max"),
        ("slope_at_0", "slope_at_2"),
        ("slope_at_0", "sigmoid_at_0"),
        ("first_iteration_update_0", "first_iteration_update_1"),
    ]
    for a, b in swaps:
        swapped = line_by_line.replace(a, "\0").replace(b, a).replace("\0", b)
        markdown = without_fences(swapped)
        found = misplaced_moments(markdown) + misordered_families(markdown) + misplaced_cells(markdown)
        assert found, f"swapping {a} and {b} went unnoticed"
