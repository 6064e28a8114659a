"""The Part 1 chapters show what the code really does, and the build refuses listings that drift."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from mkdocs.exceptions import PluginError

from conftest import ROOT
from sitebuild.includes import check_includes, page_ranges
from support.by_hand import two_layer_steps
from support.guards import copy_src, include_refusal
from support.pages import uncovered_code

# the sections of the line-by-line chapter, read from its headings (as the build reads them)
EXPLAINED = page_ranges("part-1/line-by-line.md")


def shown(value: float, digits: int = 4) -> str:
    """A number as the pages print it: rounded, trailing zeros dropped."""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def listed(values) -> str:
    """A list of numbers as the pages print it: four decimals each, trailing zeros kept, an exact 0 as 0."""
    return "[" + ", ".join("0" if v == 0 else f"{v:.4f}" for v in np.ravel(values)) + "]"


def page_text(site: Path, page: str) -> str:
    """The visible text of a built page, tags removed."""
    raw = (site / page / "index.html").read_text(encoding="utf-8")
    return html.unescape(re.sub(r"<[^>]+>", "", raw))


def section(text: str, start: str, stop: str) -> str:
    """The part of a page's text from one heading to the next one named."""
    return text[text.index(start) : text.index(stop)]


@pytest.fixture(scope="module")
def by_hand() -> list[dict[str, np.ndarray]]:
    """One independent training run, shared by the tests below."""
    return list(two_layer_steps())


def test_every_explained_line_has_its_anchor() -> None:
    """Every line of code of two_layer.py has a section {#line-N}/{#lines-A-B} in line-by-line.md, in order."""
    assert uncovered_code(ROOT / "src" / "tinynet" / "two_layer.py", EXPLAINED) == []
    firsts = [first for first, _ in EXPLAINED.values()]
    assert firsts == sorted(firsts)


def test_built_page_keeps_the_anchors_and_the_code_beside(built_site: Path) -> None:
    """The built chapter has the same ids, and the whole script sits once in the code-beside box."""
    raw = (built_site / "part-1" / "line-by-line" / "index.html").read_text(encoding="utf-8")
    ids = set(re.findall(r'id="(lines?-[\d-]+)"', raw))
    assert set(EXPLAINED) <= ids
    beside = raw[raw.index('class="code-beside"') :]
    assert "l1_delta = l1_error * nonlin(l1,True)" in html.unescape(re.sub(r"<[^>]+>", "", beside[:20000]))


def test_line_39_worked_example_matches_a_recomputation(built_site: Path, by_hand) -> None:
    """The per-example updates, their sum and syn0 before and after on the page are the first iteration's."""
    first = by_hand[0]
    text = section(
        page_text(built_site, "part-1/line-by-line"),
        "Line 39: updating the weights\u00b6",
        "Lines 41\u201342: the output\u00b6",
    )
    for i in range(4):
        part = first["l0"][i] * first["l1_delta"][i, 0]
        assert listed(part) in text, f"example {i}"
    total = np.dot(first["l0"].T, first["l1_delta"]).ravel()
    assert text.count(listed(total)) >= 2, "the sum row and the np.dot row both show the update"
    for name in ("syn0", "syn0_after"):
        assert listed(first[name]) in text
    assert shown(by_hand[-1]["syn0"][0, 0], 5) in text
    assert shown(by_hand[-1]["syn0_after"][0, 0], 5) in text


def test_slopes_and_weights_on_the_page_match(built_site: Path, by_hand) -> None:
    """The sigmoid slopes at 2, -1 and 0 and the final weights are what numpy computes."""
    text = page_text(built_site, "part-1/line-by-line")
    for x in (2.0, -1.0, 0.0):
        s = 1 / (1 + np.exp(-x))
        assert shown(s * (1 - s)) in text
    takeaway = section(text, "The takeaway\u00b6", "Things to try\u00b6")
    for w in by_hand[-1]["syn0_after"].ravel():
        assert shown(w) in takeaway


def test_whole_script_page_shows_what_the_script_prints(built_site: Path) -> None:
    """Every line the script prints is on the whole-script page."""
    done = subprocess.run(
        [sys.executable, "src/tinynet/two_layer.py"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    text = page_text(built_site, "part-1/whole-script")
    for line in done.stdout.splitlines():
        assert line in text


def test_variable_chart_shapes_are_the_arrays_shapes(built_site: Path, by_hand) -> None:
    """Each name's row in the chart states the shape the array really has."""
    text = page_text(built_site, "part-1/variable-chart")
    first = by_hand[0]
    for name in ("l0", "l1", "syn0", "l1_delta"):
        rows, cols = first[name].shape
        assert f"\n{name}\n{rows} \u00d7 {cols}\n" in text, name


def test_notes_dot_values_come_from_a_longer_run(built_site: Path) -> None:
    """The page names the iteration at which the notes' np.dot(l0,syn0) really appears."""
    at = next(
        (i for i, step in enumerate(two_layer_steps(25000)) if round(float(step["scores"][0, 0]), 8) == -4.98467345),
        None,
    )
    assert at is not None and at >= 10000
    assert f"at iteration {at:,}" in page_text(built_site, "part-1/checking-the-notes")


def test_shifted_script_fails_the_build(tmp_path: Path) -> None:
    """A blank line added at the top of two_layer.py moves every line, and the build names the include.

    Checked by the include guard the build's hook runs on every page before any renders; that its refusal
    fails a real strict build is proven once, in tests/test_guards.py.
    """
    root = copy_src(tmp_path)
    script = root / "src" / "tinynet" / "two_layer.py"
    script.write_text("\n" + script.read_text(encoding="utf-8"), encoding="utf-8")
    assert "include of src/tinynet/two_layer.py" in include_refusal(root)


def test_wrong_linenums_fails_the_build() -> None:
    """A listing whose fence states another first line than its range does not build (the hook's guard, as above)."""
    text = (ROOT / "docs" / "part-1" / "line-by-line.md").read_text(encoding="utf-8")
    assert text.count('```python linenums="39"') == 1
    with pytest.raises(PluginError) as refused:
        check_includes(text.replace('```python linenums="39"', '```python linenums="38"'), "part-1/line-by-line.md")
    expected = 'include of src/tinynet/two_layer.py:39:39: the fence above must say linenums="39"'
    assert str(refused.value).startswith("part-1/line-by-line.md: ") and expected in str(refused.value)
