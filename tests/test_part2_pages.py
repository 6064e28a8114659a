"""The Part 2 chapters: their line anchors, and the numbers on the built pages against a fresh computation."""

from __future__ import annotations

import html
import itertools
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from conftest import ROOT
from sitebuild.includes import page_ranges
from support.guards import copy_src, include_refusal
from support.pages import anchor_ranges, uncovered_code
from support.published import PUBLISHED_ERRORS
from support.scripts import script_globals

PART2 = ROOT / "docs" / "part-2"
# the line sections of the three-layer chapter, read from its headings (as the build reads them)
THREE_LAYER = page_ranges("part-2/three-layer-network.md")
ELEVEN_IDS = [f"line-{n}" for n in range(1, 13)]


def built(site: Path, name: str) -> str:
    """A built page's HTML."""
    return (site / "part-2" / name / "index.html").read_text(encoding="utf-8")


def text_of(page: str) -> str:
    """A built page's visible text, tags removed."""
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def table_rows(page: str) -> list[list[str]]:
    """The cells of every table row of a built page, as text."""
    rows = re.findall(r"<tr>(.*?)</tr>", page, re.S)
    return [[text_of(c).strip() for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", r, re.S)] for r in rows]


def first_iteration() -> dict[str, np.ndarray]:
    """Iteration 0 of the three-layer script, computed here with plain numpy."""
    state = np.random.RandomState(1)
    syn0 = 2 * state.random_sample((3, 4)) - 1
    syn1 = 2 * state.random_sample((4, 1)) - 1
    l0 = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]])
    y = np.array([[0], [1], [1], [0]])
    l1 = 1 / (1 + np.exp(-(l0 @ syn0)))
    l2 = 1 / (1 + np.exp(-(l1 @ syn1)))
    l2_error = y - l2
    l2_delta = l2_error * l2 * (1 - l2)
    l1_error = l2_delta @ syn1.T
    l1_delta = l1_error * l1 * (1 - l1)
    names = ("l0", "syn0", "syn1", "l1", "l2", "l2_error", "l2_delta", "l1_error", "l1_delta")
    values = (l0, syn0, syn1, l1, l2, l2_error, l2_delta, l1_error, l1_delta)
    return dict(zip(names, values, strict=True))


def test_three_layer_page_has_every_line_section() -> None:
    """Every line of code of three_layer.py has its section {#line-N}/{#lines-A-B}; the sections run in order."""
    assert uncovered_code(ROOT / "src" / "tinynet" / "three_layer.py", THREE_LAYER) == []
    spans = list(THREE_LAYER.values())
    assert all(a[1] < b[0] for a, b in itertools.pairwise(spans)), spans


def test_eleven_lines_page_has_a_section_per_line() -> None:
    """Each line of eleven_lines.py has its own heading and listing."""
    markdown = (PART2 / "eleven-lines-decoded.md").read_text(encoding="utf-8")
    assert list(anchor_ranges(markdown)) == ELEVEN_IDS
    for n in range(1, 13):
        assert f'--8<-- "src/tinynet/eleven_lines.py:{n}:{n}"' in markdown


def test_whole_script_sits_beside_the_prose() -> None:
    """Right after the introduction comes the whole script, in the code-beside wrapper, from line 1."""
    markdown = (PART2 / "three-layer-network.md").read_text(encoding="utf-8")
    after_title = markdown.split("\n# ", 1)[1]
    assert after_title.index('<div class="code-beside" markdown>') < after_title.index("\n## ")
    block = '<div class="code-beside" markdown>\n```python linenums="1" title="src/tinynet/three_layer.py"\n'
    assert block + '--8<-- "src/tinynet/three_layer.py"\n```\n</div>' in markdown


def test_built_pages_have_the_anchors(built_site: Path) -> None:
    """The ids exist in the built HTML, where links land."""
    three = built(built_site, "three-layer-network")
    eleven = built(built_site, "eleven-lines-decoded")
    for anchor in THREE_LAYER:
        assert f'id="{anchor}"' in three
    for anchor in ELEVEN_IDS:
        assert f'id="{anchor}"' in eleven


def test_error_log_is_what_the_script_prints(built_site: Path) -> None:
    """The six lines on the page are the script's output, run here, and agree with the post to 12 digits."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "src" / "tinynet" / "three_layer.py")], capture_output=True, text=True, check=True
    )
    printed = done.stdout.splitlines()
    page = text_of(built(built_site, "three-layer-network"))
    where = [page.index(line) for line in printed]
    assert where == sorted(where) and len(printed) == len(PUBLISHED_ERRORS)
    ours = [f"{float(line.removeprefix('Error:')):.12g}" for line in printed]
    assert ours == PUBLISHED_ERRORS
    assert ", ".join(PUBLISHED_ERRORS) in page


def test_variable_chart_shapes(built_site: Path) -> None:
    """Each row of the chart gives the shape the variable really has."""
    values = first_iteration()
    chart = {row[0]: row[1] for row in table_rows(built(built_site, "three-layer-network")) if len(row) == 4}
    for name, value in values.items():
        assert chart[name] == " \u00d7 ".join(map(str, value.shape)), name


def test_line_43_numbers(built_site: Path) -> None:
    """The l2_delta, syn1.T and l1_error tables and the worked entry match iteration 0 computed here."""
    values = first_iteration()
    page = text_of(built(built_site, "three-layer-network"))
    for name in ("l2_delta", "syn1", "l1_error", "l1"):
        for number in values[name].ravel():
            assert f"{number:.8f}" in page, (name, number)
    row, col = np.unravel_index(np.argmax(np.abs(values["l1_error"])), (4, 4))
    delta, weight = values["l2_delta"][row, 0], values["syn1"][col, 0]
    worked = (
        f"Their product is {delta * weight:.8f}, which is the entry in the table, {values['l1_error'][row, col]:.8f}"
    )
    assert f"example's l2_delta is {delta:.8f}" in page
    assert f"weight in syn1 is {weight:.8f}" in page
    assert worked in page


def test_final_guesses(built_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The trained outputs on both pages are the script's own, and they round to exclusive or."""
    l2 = script_globals("three_layer.py")["l2"].ravel()
    assert np.round(l2).tolist() == [0, 1, 1, 0]
    for name in ("three-layer-network", "eleven-lines-decoded"):
        page = text_of(built(built_site, name))
        assert all(f"{v:.8f}" in page for v in l2), name
    assert "the same, bit for bit" in text_of(built(built_site, "eleven-lines-decoded"))


def test_mapping_links_land_on_their_lines(built_site: Path) -> None:
    """Every line link on the 11-line page reaches a heading whose range covers the number it names."""
    page = built(built_site, "eleven-lines-decoded")
    sections = THREE_LAYER
    links = re.findall(r'<a href="([^"]*#(lines?-[\d-]+))">lines? ([\d\u2013]+)</a>', page)
    assert len(links) > 30
    for href, anchor, numbers in links:
        first, *rest = (int(n) for n in numbers.split("\u2013"))
        last = rest[0] if rest else first
        if href.startswith("../three-layer-network/"):
            low, high = sections[anchor]
        else:
            assert href == f"#{anchor}" and anchor in ELEVEN_IDS
            low = high = int(anchor.removeprefix("line-"))
        assert low <= first <= last <= high, (href, numbers)


def test_a_shifted_script_fails_the_build(tmp_path: Path) -> None:
    """A line added at the top of three_layer.py moves every line: the build refuses the listings.

    Checked by the include guard the build's hook runs on every page before any renders; that its refusal
    fails a real strict build is proven once, in tests/test_guards.py.
    """
    root = copy_src(tmp_path)
    script = root / "src" / "tinynet" / "three_layer.py"
    script.write_text("# one line more\n" + script.read_text(encoding="utf-8"), encoding="utf-8")
    message = include_refusal(root)
    assert "include of src/tinynet/three_layer.py" in message and "should hold" in message
