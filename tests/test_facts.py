"""Every fact a page uses, recomputed without its provider: from plain numpy or from the published numbers.

Each check compares at the precision the fact prints. Where a recomputation would only repeat the provider,
the check tests a property the fact must have instead (a sum, an order, a sign, a count).
"""

from __future__ import annotations

import ast
import os
import re
import tokenize
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import numpy as np
import pytest

from sitebuild.facts import compute_all
from support import by_hand
from support.by_hand import Y_FIRST_COLUMN, Y_XOR, X, sigmoid
from support.pages import DOCS, anchor_ranges, chapters
from support.published import (
    NOTES_DOT,
    NOTES_E,
    NOTES_L1_SECOND,
    NOTES_LONGER,
    NOTES_X1,
    PUBLISHED_ERRORS,
    PUBLISHED_L1,
    PUBLISHED_LOG_EVERY,
    PUBLISHED_POST_LINES,
    PUBLISHED_SEED,
    PUBLISHED_THREE_LAYER_ITERATIONS,
    PUBLISHED_TWO_LAYER_ITERATIONS,
    PUBLISHED_X1,
)
from support.scripts import SRC, script_globals, script_run

Facts = dict[str, str]
COVERED: set[str] = set()
HOLDS, PARTLY, FAILS = "holds", "partly holds", "does not hold"


def covers(*names: str) -> Callable[[Callable[[Facts], None]], Callable[[Facts], None]]:
    """Record which facts a test checks, so that a fact no test checks fails the suite."""

    def mark(test: Callable[[Facts], None]) -> Callable[[Facts], None]:
        COVERED.update(names)
        return test

    return mark


@pytest.fixture(scope="module")
def all_facts() -> Facts:
    """Every fact, computed once in this process as the build computes them."""
    return compute_all()


@pytest.fixture
def facts(all_facts: Facts) -> Facts:
    """Every fact; computed afresh for each test in mutmut's coverage pass, so that it ties every test to the providers.

    mutmut runs, for each mutant, the tests it saw calling the mutated function; a module-wide
    computation would be seen by the module's first test alone.
    """
    return compute_all() if os.environ.get("MUTANT_UNDER_TEST") == "stats" else all_facts


def used_facts() -> set[str]:
    """The facts named by some page: Markdown pages and notebooks alike."""
    return {m for page in DOCS.rglob("*") if page.suffix in (".md", ".py") for m in FACT_NAME.findall(read(page))}


FACT_NAME = re.compile(r"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")


def read(path: Path) -> str:
    """A file's text."""
    return path.read_text(encoding="utf-8")


# small counts as the pages write them
WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


def close(text: str, value: float, digits: int) -> None:
    """The fact's text is value to `digits` decimals: within half a unit of that place, and no more digits."""
    assert re.fullmatch(r"-?\d+(\.\d+)?", text.strip()), f"{text!r} is not a plain number"
    shown = text.strip().partition(".")[2]
    assert len(shown) <= digits, f"{text!r} shows more than {digits} decimals"
    assert abs(float(text) - float(value)) <= 0.5 * 10**-digits * (1 + 1e-9), f"{text!r} is not {value!r}"


def close_figures(text: str, value: float, figures: int) -> None:
    """The fact's text is value to `figures` significant figures: that many digits from the first non-zero one."""
    assert re.fullmatch(r"-?\d+\.\d+", text.strip()), f"{text!r} is not a plain decimal"
    digits = text.strip().lstrip("-").replace(".", "").lstrip("0")
    assert len(digits) == figures, f"{text!r} does not show {figures} significant figures"
    place = len(text.strip().partition(".")[2])
    assert abs(float(text) - float(value)) <= 0.5 * 10**-place * (1 + 1e-9), f"{text!r} is not {value!r}"


def count(text: str) -> int:
    """A whole number as the pages write it: thousands separated by commas (9,999), never 9999."""
    assert re.fullmatch(r"\d{1,3}(,\d{3})*", text.strip()), f"{text!r} is not a count written with separators"
    return int(text.replace(",", ""))


def close_all(text: str, values, digits: int) -> None:
    """A bracketed or comma-separated list of numbers, each checked with close()."""
    parts = [p for p in re.split(r"[\[\],\s]+", text) if p]
    flat = np.ravel(values)
    assert len(parts) == len(flat), f"{text!r} has {len(parts)} numbers, not {len(flat)}"
    for part, value in zip(parts, flat, strict=True):
        close(part, value, digits)


def table(text: str) -> list[list[str]]:
    """The body rows of a Markdown table fact, as cells (header and separator dropped)."""
    rows = [[c.strip() for c in line.strip().strip("|").split("|")] for line in text.splitlines()]
    assert len(rows) >= 3 and set("".join(rows[1])) <= set("-: "), f"not a table: {text[:80]!r}"
    return rows[2:]


def header(text: str) -> list[str]:
    """The header cells of a Markdown table fact."""
    return [c.strip() for c in text.splitlines()[0].strip().strip("|").split("|")]


def row_label(row) -> str:
    """A row of X as the tables label it."""
    return f"`{[int(v) for v in row]}`"


# --- the whole set ---------------------------------------------------------------------------------------


def test_every_fact_is_used_by_a_page(facts: Facts) -> None:
    """A fact no page names is dead weight: delete it (or use it)."""
    assert sorted(set(facts) - used_facts()) == []


def test_every_used_fact_is_checked_here(facts: Facts) -> None:
    """Each fact a page names has a check in this module (and exists)."""
    used = used_facts()
    assert sorted(used - set(facts)) == [], "a page names a fact that no provider gives"
    assert sorted(used - COVERED) == [], "add a check for these facts to tests/test_facts.py"


# --- Part 1: the two-layer network ------------------------------------------------------------------------


@covers("two_layer_l1", "two_layer_printout")
def test_trained_output_is_the_post_s(facts: Facts) -> None:
    """The outputs on the home page and the printout are the post's numbers, to their 8 decimals."""
    assert re.findall(r"-?\d\.\d+", facts["two_layer_l1"]) == PUBLISHED_L1
    assert facts["two_layer_l1"] == "[" + ", ".join(re.findall(r"\d\.\d+", facts["two_layer_l1"])) + "]"
    lines = facts["two_layer_printout"].splitlines()
    assert lines[0] == "Output After Training:"
    assert [re.sub(r"[\[\] ]", "", line) for line in lines[1:]] == PUBLISHED_L1


@covers("count_examples", "count_inputs", "count_hidden_units", "count_two_layer_lines")
@covers("two_layer_targets")
def test_counts_and_targets(facts: Facts) -> None:
    """The counts in words are the data's and the scripts'; the targets are the first column of X."""
    words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    assert facts["count_examples"] == words[len(X)] and facts["count_inputs"] == words[X.shape[1]]
    assert facts["count_hidden_units"] == words[by_hand.three_layer_shared().snapshots[0]["l1"].shape[1]]
    assert facts["count_two_layer_lines"] == str(len(read(SRC / "two_layer.py").splitlines()))
    assert facts["two_layer_targets"] == ", ".join(str(v) for v in Y_FIRST_COLUMN.ravel())
    assert Y_FIRST_COLUMN.ravel().tolist() == X[:, 0].tolist()


@covers("two_layer_iterations", "cli_two_iterations", "cli_three_iterations", "cli_seed", "cli_log_every")
@covers("cli_seed_max")
def test_counts_are_the_post_s(facts: Facts) -> None:
    """Iterations, seed and logging interval are those of the post's code."""
    assert facts["two_layer_iterations"] == facts["cli_two_iterations"] == f"{PUBLISHED_TWO_LAYER_ITERATIONS:,}"
    assert facts["cli_three_iterations"] == f"{PUBLISHED_THREE_LAYER_ITERATIONS:,}"
    assert facts["cli_seed"] == str(PUBLISHED_SEED)
    assert facts["cli_log_every"] == f"{PUBLISHED_LOG_EVERY:,}"
    assert re.fullmatch(r"\d{1,3}(,\d{3})+", facts["cli_seed_max"]), "a long number is written with separators"
    largest = int(facts["cli_seed_max"].replace(",", ""))
    np.random.RandomState(largest)  # numpy takes seeds up to 2**32 - 1 ...
    with pytest.raises(ValueError):
        np.random.RandomState(largest + 1)  # ... and no larger


@covers("cli_max_iterations", "cli_max_shown", "cli_max_rows")
def test_cli_bounds_are_where_the_command_line_refuses(facts: Facts) -> None:
    """Each bound the page states is the largest value the command line accepts: one more is refused."""
    from tinynet.cli import UsageError, build_parser, parse_iterations, parse_rows

    most = int(facts["cli_max_iterations"].replace(",", ""))
    assert build_parser().parse_args(["two-layer", "--iterations", str(most)]).iterations == most
    with pytest.raises(UsageError, match="must be 0 to"):
        build_parser().parse_args(["two-layer", "--iterations", str(most + 1)])
    shown = int(facts["cli_max_shown"].replace(",", ""))
    assert len(parse_iterations(f"0-{shown - 1}")) == shown
    with pytest.raises(UsageError, match="at most"):
        parse_iterations(f"0-{shown}")
    rows = int(facts["cli_max_rows"])
    assert len(parse_rows(["1,0,1"] * rows)) == rows
    with pytest.raises(UsageError, match="at most"):
        parse_rows(["1,0,1"] * (rows + 1))


@covers("shape_X", "shape_y", "shape_l0", "shape_l1", "shape_syn0", "shape_l1_error", "shape_l1_delta", "shape_l0_T")
def test_two_layer_shapes(facts: Facts) -> None:
    """Each shape is the shape of the array of a real iteration, rows by columns."""
    first = by_hand.two_layer_shared().snapshots[0]

    def shape(a: np.ndarray) -> str:
        return " \u00d7 ".join(map(str, a.shape))

    assert facts["shape_X"] == shape(X) and facts["shape_y"] == shape(Y_FIRST_COLUMN)
    for name in ("l0", "l1", "syn0", "l1_error", "l1_delta"):
        assert facts[f"shape_{name}"] == shape(first[name]), name
    assert facts["shape_l0_T"] == shape(first["l0"].T)


@covers("sigmoid_at_2", "sigmoid_at_m1", "sigmoid_at_0", "slope_at_2", "slope_at_m1", "slope_at_0", "slope_max")
def test_sigmoid_table(facts: Facts) -> None:
    """The sigmoid and its slope at 2, -1 and 0; the steepest slope is a quarter, at 0."""
    for label, x in (("2", 2.0), ("m1", -1.0), ("0", 0.0)):
        s = sigmoid(x)
        close(facts[f"sigmoid_at_{label}"], s, 4)
        close(facts[f"slope_at_{label}"], s * (1 - s), 4)
    close(facts["slope_max"], 0.5 * (1 - 0.5), 4)  # s(1-s) is largest at s = 1/2
    assert facts["slope_max"] == facts["slope_at_0"]


@covers("first_iteration_scores", "last_iteration_scores", "first_iteration_l1", "first_iteration_l1_error")
def test_first_and_last_iteration(facts: Facts) -> None:
    """Scores, guesses and misses of the first iteration, and the scores of the last."""
    run = by_hand.two_layer_shared()
    first, last = run.snapshots[0], run.snapshots[9999]
    close_all(facts["first_iteration_scores"], np.dot(first["l0"], first["syn0"]), 4)
    close_all(facts["last_iteration_scores"], np.dot(last["l0"], last["syn0"]), 4)
    close_all(facts["first_iteration_l1"], first["l1"], 4)
    close_all(facts["first_iteration_l1_error"], first["l1_error"], 4)
    for name in ("first_iteration_scores", "last_iteration_scores", "first_iteration_l1", "first_iteration_l1_error"):
        assert {len(d) for d in re.findall(r"\.(\d+)", facts[name])} == {4}, f"{name}: one precision in a list"


@covers(
    "confidence_table",
    "first_iteration_slope_min",
    "last_iteration_slope_max",
    "slope_shrink_factor",
    "first_iteration_delta_max",
    "last_iteration_delta_max",
)
def test_confidence(facts: Facts) -> None:
    """Guesses and slopes at the first and the last iteration; every slope shrinks by the stated factor."""
    run = by_hand.two_layer_shared()
    first, last = run.snapshots[0], run.snapshots[9999]
    slope_first, slope_last = first["l1"] * (1 - first["l1"]), last["l1"] * (1 - last["l1"])
    assert header(facts["confidence_table"]) == [
        "row of X",
        "l1, first iteration",
        "slope",
        "l1, last iteration",
        "slope",
    ]
    rows = table(facts["confidence_table"])
    assert [r[0] for r in rows] == [row_label(r) for r in X]
    for i, cells in enumerate(rows):
        # one precision in the whole table: three significant figures in every cell
        close_figures(cells[1], first["l1"][i, 0], 3)
        close_figures(cells[2], slope_first[i, 0], 3)
        close_figures(cells[3], last["l1"][i, 0], 3)
        close_figures(cells[4], slope_last[i, 0], 3)
        assert float(cells[4]) < float(cells[2]), "a confident guess has a smaller slope"
    close_figures(facts["first_iteration_slope_min"], slope_first.min(), 3)
    close_figures(facts["last_iteration_slope_max"], slope_last.max(), 3)
    factor = int(facts["slope_shrink_factor"])
    assert factor == int(slope_first.min() // slope_last.max())
    assert factor * float(facts["last_iteration_slope_max"]) <= float(facts["first_iteration_slope_min"])
    close(facts["first_iteration_delta_max"], np.abs(first["l1_delta"]).max(), 4)
    close(facts["last_iteration_delta_max"], np.abs(last["l1_delta"]).max(), 6)


@covers(
    "first_iteration_update_table",
    "first_iteration_syn0",
    "first_iteration_syn0_after",
    *(f"first_iteration_delta_{i}" for i in range(4)),
    *(f"first_iteration_update_{j}" for j in range(3)),
)
def test_first_update(facts: Facts) -> None:
    """Line 39 in the first iteration: one contribution per example, their sum, and syn0 before and after."""
    first = by_hand.two_layer_shared().snapshots[0]
    assert header(facts["first_iteration_update_table"]) == [
        "example",
        "`l0[i]`",
        "`l1_delta[i]`",
        "`l0[i].T * l1_delta[i]`",
    ]
    rows = table(facts["first_iteration_update_table"])
    update = np.dot(first["l0"].T, first["l1_delta"])
    for i, cells in enumerate(rows[:4]):
        assert cells[0] == str(i) and cells[1] == row_label(first["l0"][i])
        close(cells[2], first["l1_delta"][i, 0], 4)
        close_all(cells[3], first["l0"][i] * first["l1_delta"][i, 0], 4)
        close(facts[f"first_iteration_delta_{i}"], first["l1_delta"][i, 0], 4)
    assert [r[0] for r in rows[4:]] == ["sum", "`np.dot`"]
    assert rows[4][3] == rows[5][3], "the sum of the contributions is the dot product"
    close_all(rows[5][3], update, 4)
    for j in range(3):
        close(facts[f"first_iteration_update_{j}"], update[j, 0], 4)
    close_all(facts["first_iteration_syn0"], first["syn0"], 4)
    close_all(facts["first_iteration_syn0_after"], first["syn0_after"], 4)
    assert np.allclose(first["syn0"] + update, first["syn0_after"])


@covers("last_iteration_syn0_0", "last_iteration_delta_2", "last_iteration_nudge_2", "trained_syn0_0", "trained_syn0_2")
def test_one_example_at_the_end(facts: Facts) -> None:
    """The first weight at the start of the last iteration and after training; the row [1, 0, 1]'s nudge."""
    run = by_hand.two_layer_shared()
    last = run.snapshots[9999]
    assert last["l0"][2].tolist() == [1, 0, 1]
    close(facts["last_iteration_syn0_0"], last["syn0"][0, 0], 5)
    close(facts["last_iteration_delta_2"], last["l1_delta"][2, 0], 8)
    close(facts["last_iteration_nudge_2"], 1 * last["l1_delta"][2, 0], 8)
    close(facts["trained_syn0_0"], run.weights["syn0"][0, 0], 5)
    close(facts["trained_syn0_2"], run.weights["syn0"][2, 0], 4)


@covers("syn0_history_table")
def test_weight_history(facts: Facts) -> None:
    """syn0 at the start of the listed iterations, then after training; the first weight only climbs."""
    run = by_hand.two_layer_shared()
    assert header(facts["syn0_history_table"]) == ["iteration", "`syn0[0]`", "`syn0[1]`", "`syn0[2]`"]
    rows = table(facts["syn0_history_table"])
    assert rows[-1][0] == "after training"
    for cells in rows[:-1]:
        close_all(" ".join(cells[1:]), run.snapshots[count(cells[0])]["syn0"], 4)
    close_all(" ".join(rows[-1][1:]), run.weights["syn0"], 4)
    first_weight = [float(r[1]) for r in rows]
    assert first_weight == sorted(first_weight)
    assert [count(r[0]) for r in rows[:-1]] == sorted(count(r[0]) for r in rows[:-1])
    assert {len(c.partition(".")[2]) for r in rows for c in r[1:]} == {4}, "every weight to four decimals"


def svg_problems(svg: str) -> list[str]:
    """What is wrong with an inline SVG figure: not well-formed, text outside its labels, or a mark off the canvas."""
    root = ElementTree.fromstring(svg)
    width, height = (float(v) for v in root.get("viewBox", "").split()[2:])
    problems = []
    for element in root.iter():
        kind = element.tag.rpartition("}")[2]
        if kind not in ("text", "title") and (element.text or "").strip():
            problems.append(f"stray text in <{kind}>: {element.text!r}")
        if (element.tail or "").strip():
            problems.append(f"stray text after <{kind}>: {element.tail!r}")
        xs = [float(element.get(a)) for a in ("x", "x1", "x2", "cx") if element.get(a) is not None]
        ys = [float(element.get(a)) for a in ("y", "y1", "y2", "cy") if element.get(a) is not None]
        for pair in (element.get("points") or "").split():
            x, y = pair.split(",")
            xs.append(float(x))
            ys.append(float(y))
        if any(not 0 <= x <= width for x in xs) or any(not 0 <= y <= height for y in ys):
            problems.append(f"<{kind}> reaches off the {width:g} x {height:g} canvas")
    return problems


def test_svg_problems_are_found() -> None:
    """The SVG check is not vacuous: bad nesting, stray text and a mark off the canvas are each found."""
    good = '<svg viewBox="0 0 10 10"><g><text x="1" y="9">a</text><line x1="0" x2="10" y1="5" y2="5"/></g></svg>'
    assert svg_problems(good) == []
    with pytest.raises(ElementTree.ParseError):
        svg_problems(good.replace("</g>", "</G>"))
    assert svg_problems(good.replace("<g>", "XX<g>")) == ["stray text in <svg>: 'XX'"]
    assert svg_problems(good.replace('x2="10"', 'x2="11"')) == ["<line> reaches off the 10 x 10 canvas"]


@covers("weight_plot_svg")
def test_weight_plot(facts: Facts) -> None:
    """Read back through its own ticks, each line is a weight of a run by hand, on a labelled log iteration axis."""
    svg = facts["weight_plot_svg"]
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert svg_problems(svg) == []
    assert ">iteration (log scale)</text>" in svg and ">weight</text>" in svg, "both axes are labelled"
    assert re.search(r"<title[^>]*>([^<]+)</title>", svg)[1][0].isupper(), "the title reads as a sentence"
    xticks = {t: float(x) for x, t in re.findall(r'class="x-tick" x="([-\d.]+)"[^>]*>([\d,]+)<', svg)}
    yticks = {
        float(t): float(y) - 4 for y, t in re.findall(r'class="y-tick" x="[-\d.]+" y="([-\d.]+)"[^>]*>([-\d.]+)<', svg)
    }
    decades = [xticks[f"{10**k:,}"] for k in range(5)]
    assert np.allclose(np.diff(decades), np.diff(decades)[0], atol=0.15), "1, 10, ..., 10,000 equally spaced"
    assert xticks["0"] < decades[0]
    (w0, y0), (w1, y1) = sorted(yticks.items())[:2]
    lines = re.findall(r'<polyline[^>]*points="([^"]+)"', svg)
    assert len(lines) == 3
    points = [np.array([p.split(",") for p in line.split()], dtype=float) for line in lines]
    xs = points[0][:, 0]
    assert all(np.array_equal(p[:, 0], xs) for p in points) and np.all(np.diff(xs) > 0)
    assert xs[0] == xticks["0"], "the lines start at iteration 0"
    # iterations read back from the axis: exact for the first ones, to a tenth of a pixel for the rest
    reading = np.zeros(len(xs))
    later = xs > decades[0]
    reading[later] = 10 ** ((xs[later] - decades[0]) / np.diff(decades).mean())
    reading[xs == decades[0]] = 1
    last = PUBLISHED_TWO_LAYER_ITERATIONS - 1
    assert abs(reading[-1] - last) < 0.01 * last, "the lines end at the last iteration"
    iterations = np.minimum(np.rint(reading), last).astype(int)
    assert iterations[:10].tolist() == list(range(10)), "every one of the first iterations is drawn"
    run = by_hand.two_layer(record=iterations.tolist())
    for j, line in enumerate(points):
        drawn = w0 + (line[:, 1] - y0) * (w1 - w0) / (y1 - y0)
        expected = [run.snapshots[int(i)]["syn0"][j, 0] for i in iterations]
        assert np.allclose(drawn, expected, atol=0.02), f"syn0[{j}] as drawn"
    heights = points[0][:, 1]
    assert np.all(np.diff(heights) < 0), "syn0[0] climbs (smaller y is higher on the plot)"
    third = points[2][:, 1]
    turn = int(np.argmin(third))
    assert 0 < iterations[turn] < 10 < iterations[-1], "the third weight's early rise and fall are both on the plot"


@covers("x1_prediction")
def test_new_rows(facts: Facts) -> None:
    """The prediction for the notes' new rows is theirs."""
    assert re.findall(r"\d\.\d+", facts["x1_prediction"]) == PUBLISHED_X1
    run = by_hand.two_layer_shared()
    close_all(facts["x1_prediction"], sigmoid(np.dot(np.array(NOTES_X1), run.weights["syn0"])), 8)


@covers("error_table")
def test_error_table(facts: Facts) -> None:
    """The mean absolute error at the listed iterations, falling all the way."""
    errors = by_hand.two_layer_shared().errors
    assert header(facts["error_table"]) == ["iteration", "mean of abs(l1_error)"]
    rows = table(facts["error_table"])
    for cells in rows:
        close_figures(cells[1], errors[count(cells[0])], 4)
    shown = [float(r[1]) for r in rows]
    assert shown == sorted(shown, reverse=True)
    assert rows[-1][0] == f"{PUBLISHED_TWO_LAYER_ITERATIONS - 1:,}"


@covers("longer_table")
def test_longer_training(facts: Facts) -> None:
    """l1 after 1,000, 10,000 and 100,000 iterations, each closer to the targets than the one before."""
    assert header(facts["longer_table"]) == ["iterations", "l1 after training"]
    rows = table(facts["longer_table"])
    counts = [count(r[0]) for r in rows]
    run = by_hand.two_layer(iterations=max(counts), record=[n - 1 for n in counts])
    for n, cells in zip(counts, rows, strict=True):
        close_all(cells[1], run.snapshots[n - 1]["l1"], 5)
    misses = [
        max(abs(float(v) - t) for v, t in zip(re.findall(r"[\d.]+", r[1]), [0, 0, 1, 1], strict=True)) for r in rows
    ]
    assert counts == sorted(counts) and misses == sorted(misses, reverse=True)
    assert f"{PUBLISHED_TWO_LAYER_ITERATIONS:,}" in [r[0] for r in rows]


@covers(
    "bridge_weight",
    "bridge_score",
    "bridge_guess",
    "bridge_error",
    "bridge_miss",
    "bridge_sigmoid_slope",
    "bridge_slope",
    "bridge_step",
    "bridge_error_tangent",
    "bridge_error_after",
)
def test_one_weight_one_example(facts: Facts) -> None:
    """The row [1, 0, 1]'s error as a curve of the first weight: its slope, measured on the curve, and the step."""
    syn0 = by_hand.two_layer_shared().snapshots[0]["syn0"]
    w = syn0[0, 0]

    def error(w0: float) -> float:
        weights = syn0.copy()
        weights[0, 0] = w0
        return 0.5 * float(1 - sigmoid(np.dot(X[2], weights))[0]) ** 2

    guess = float(sigmoid(np.dot(X[2], syn0))[0])
    h = 1e-6
    measured = (error(w + h) - error(w - h)) / (2 * h)  # the slope read off the curve, not from the chain rule
    close(facts["bridge_weight"], w, 6)
    close(facts["bridge_score"], float(np.dot(X[2], syn0)[0]), 6)
    close(facts["bridge_guess"], guess, 6)
    close(facts["bridge_error"], error(w), 6)
    close(facts["bridge_miss"], 1 - guess, 6)
    close(facts["bridge_sigmoid_slope"], (sigmoid(w - 1e-7 + syn0[2, 0]) - sigmoid(w + 1e-7 + syn0[2, 0])) / -2e-7, 6)
    close(facts["bridge_slope"], measured, 6)
    close(facts["bridge_step"], -measured, 6)
    assert float(facts["bridge_slope"]) == pytest.approx(
        -float(facts["bridge_miss"]) * float(facts["bridge_sigmoid_slope"]), abs=2e-6
    ), "the slope is the product of the three factors"
    close(facts["bridge_step"], by_hand.two_layer_shared().snapshots[0]["l1_delta"][2, 0], 6)
    close(facts["bridge_error_tangent"], error(w) - measured**2, 6)
    close(facts["bridge_error_after"], error(w - measured), 6)
    assert float(facts["bridge_error_after"]) < float(facts["bridge_error"]), "the step goes downhill"
    bridge = [name for name in facts if name.startswith("bridge_")]
    assert {len(facts[name].partition(".")[2]) for name in bridge} == {6}, "the worked example: six decimals each"


@covers("downhill_plot_svg")
def test_downhill_plot(facts: Facts) -> None:
    """The curve falls from left to right; the start sits on it, the tangent falls through it, the step lands lower."""
    svg = facts["downhill_plot_svg"]
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert svg_problems(svg) == []
    curve = [tuple(map(float, p.split(","))) for p in re.search(r'class="curve" points="([^"]+)"', svg)[1].split()]
    # the axes' numbers: weights every 2 from the curve's left end (-4) to its right end (6), errors every 0.1 from 0
    xticks = [
        (float(x), int(t)) for x, t in re.findall(r'<text x="([\d.]+)" y="[\d.]+" text-anchor="middle">(-?\d+)<', svg)
    ]
    assert [t for _, t in xticks] == list(range(-4, 7, 2))
    assert np.isclose(xticks[0][0], curve[0][0], atol=0.1) and np.isclose(xticks[-1][0], curve[-1][0], atol=0.1)
    yticks = [(float(y), float(t)) for y, t in re.findall(r'y="([\d.]+)" text-anchor="end">(\d\.\d)<', svg)]
    assert [t for _, t in yticks] == [0.0, 0.1, 0.2, 0.3, 0.4, 0.5]
    assert np.allclose(np.diff([y for y, _ in yticks]), np.diff([y for y, _ in yticks])[0], atol=0.15)
    label = float(re.search(r"translate\(14 ([\d.]+)\) rotate\(-90\)", svg)[1])
    assert yticks[-1][0] < label < yticks[0][0], "the error axis's name sits beside the axis"
    assert re.search(r"<title[^>]*>([^<]+)</title>", svg)[1][0].isupper(), "the title reads as a sentence"
    axis = re.search(r'<line x1="([\d.]+)" x2="([\d.]+)" y1="([\d.]+)" y2="\3"/>', svg)
    name = float(re.search(r'<text x="([\d.]+)"[^>]*>the first weight, syn0\[0\]</text>', svg)[1])
    assert abs(name - (float(axis[1]) + float(axis[2])) / 2) <= 0.5, "the weight axis's name is centred under it"
    heights = [y for _, y in curve]
    assert heights == sorted(heights), "the error only falls as the first weight grows (larger y is lower)"
    start = re.search(r'class="start" cx="([\d.]+)" cy="([\d.]+)"', svg)
    sx, sy = float(start[1]), float(start[2])
    nearest = min(curve, key=lambda p: abs(p[0] - sx))
    assert abs(nearest[1] - sy) < 2, "the start lies on the curve"
    x1, y1, x2, y2 = map(
        float, re.search(r'class="tangent"[^>]*x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)"', svg).groups()
    )
    assert y2 > y1 and abs((y1 + y2) / 2 - sy) < 0.5 and abs((x1 + x2) / 2 - sx) < 0.5, (
        "the tangent falls through the start"
    )
    step = re.search(r'class="step" x="([\d.]+)" y="([\d.]+)"', svg)
    assert float(step[1]) + 4 > sx and float(step[2]) + 4 > sy, "one step lands right of the start and lower"
    # the tangent's slope in pixels matches the slope of the error measured on the curve, in the plot's scale
    syn0 = by_hand.two_layer_shared().snapshots[0]["syn0"]

    def error(w0: float) -> float:
        return 0.5 * float(1 - sigmoid(w0 + syn0[2, 0])) ** 2

    w = syn0[0, 0]
    measured = (error(w + 1e-6) - error(w - 1e-6)) / 2e-6
    xs, ys = [p[0] for p in curve], heights
    per_weight = (xs[-1] - xs[0]) / 10.0
    per_error = (ys[-1] - ys[0]) / (error(6.0) - error(-4.0))
    assert (y2 - y1) / (x2 - x1) == pytest.approx(measured * per_error / per_weight, rel=0.02)


def all_right_at(syn0: np.ndarray, with_slope: bool) -> int:
    """The first iteration at which every guess of the two-layer loop rounds to its target."""
    syn0 = syn0.copy()
    for i in range(100000):
        l1 = sigmoid(np.dot(X, syn0))
        if (np.abs(Y_FIRST_COLUMN - l1) < 0.5).all():
            return i
        miss = Y_FIRST_COLUMN - l1
        syn0 += np.dot(X.T, miss * l1 * (1 - l1) if with_slope else miss)
    raise AssertionError("never right")


@covers(
    "slowdown_weight",
    "slowdown_guess",
    "slowdown_miss",
    "slowdown_delta",
    "slowdown_all_right_with_slope",
    "slowdown_all_right_without_slope",
    "trained_largest_miss_with_slope",
    "trained_largest_miss_without_slope",
)
def test_slowdown_and_cross_entropy(facts: Facts) -> None:
    """A confidently wrong start crawls with the slope and recovers at once without it, which also ends closer."""
    start = np.array([[float(facts["slowdown_weight"])], [0.0], [0.0]])
    assert start[0, 0] < -3, "the start is confidently wrong"
    guess = float(sigmoid(np.dot(X[2], start))[0])
    close(facts["slowdown_guess"], guess, 6)
    close(facts["slowdown_miss"], 1 - guess, 6)
    close(facts["slowdown_delta"], (1 - guess) * guess * (1 - guess), 6)
    with_slope, without = all_right_at(start, True), all_right_at(start, False)
    assert facts["slowdown_all_right_with_slope"] == f"{with_slope:,}"
    assert facts["slowdown_all_right_without_slope"] == f"{without:,}"
    assert without * 100 < with_slope
    misses = {}
    for rule in (True, False):
        syn0 = by_hand.two_layer_shared().snapshots[0]["syn0"].copy()
        for _ in range(PUBLISHED_TWO_LAYER_ITERATIONS):
            l1 = sigmoid(np.dot(X, syn0))
            miss = Y_FIRST_COLUMN - l1
            syn0 += np.dot(X.T, miss * l1 * (1 - l1) if rule else miss)
        misses[rule] = np.abs(Y_FIRST_COLUMN - sigmoid(np.dot(X, syn0))).max()
    assert float(facts["trained_largest_miss_with_slope"]) == pytest.approx(misses[True], rel=0.01)
    assert float(facts["trained_largest_miss_without_slope"]) == pytest.approx(misses[False], rel=0.01)
    assert misses[False] * 10 < misses[True], "the cross-entropy's rule ends far closer"


# --- Part 2: the three-layer network and the 11 lines -------------------------------------------------------


@covers(
    "three_layer_iterations",
    "three_layer_log_every",
    "three_layer_log_lines",
    "three_layer_error_log",
    "three_layer_error_first",
    "three_layer_error_last",
    "three_layer_error_log_rounded",
)
def test_three_layer_error_log(facts: Facts) -> None:
    """The error log is the post's, to the 12 significant digits it printed."""
    assert facts["three_layer_iterations"] == f"{PUBLISHED_THREE_LAYER_ITERATIONS:,}"
    assert facts["three_layer_log_every"] == f"{PUBLISHED_LOG_EVERY:,}"
    assert facts["three_layer_log_lines"] == str(len(PUBLISHED_ERRORS))
    assert re.fullmatch(r"```text\n(Error:\S+\n)+```", facts["three_layer_error_log"]), "a plain-text block of the log"
    logged = re.findall(r"^Error:(\S+)$", facts["three_layer_error_log"], re.M)
    assert [f"{float(v):.12g}" for v in logged] == PUBLISHED_ERRORS
    assert facts["three_layer_error_log_rounded"] == ", ".join(PUBLISHED_ERRORS)
    close(facts["three_layer_error_first"], float(PUBLISHED_ERRORS[0]), 8)
    close(facts["three_layer_error_last"], float(PUBLISHED_ERRORS[-1]), 8)
    assert by_hand.three_layer_shared().errors == pytest.approx([float(e) for e in PUBLISHED_ERRORS], rel=1e-10)


THREE_SHAPES = ("l0", "syn0", "syn1", "l1", "l2", "l2_error", "l2_delta", "l1_error", "l1_delta")


@covers(*(f"shape3_{n}" for n in THREE_SHAPES), "shape3_y", "shape3_syn1_T", "shape3_l1_T")
def test_three_layer_shapes(facts: Facts) -> None:
    """The shapes (rows, a multiplication sign, columns) are those of a real iteration."""
    first = by_hand.three_layer_shared().snapshots[0]
    for name in THREE_SHAPES:
        rows, cols = first[name].shape
        assert facts[f"shape3_{name}"] == f"{rows} \u00d7 {cols}", name
    assert facts["shape3_y"] == " \u00d7 ".join(map(str, Y_XOR.shape))
    assert facts["shape3_syn1_T"] == " \u00d7 ".join(map(str, first["syn1"].T.shape))
    assert facts["shape3_l1_T"] == " \u00d7 ".join(map(str, first["l1"].T.shape))


def matrix_cells(text: str, rows: list[str]) -> np.ndarray:
    """The numbers of a matrix table fact, after checking its row labels."""
    body = table(text)
    assert [r[0] for r in body] == rows
    return np.array([[float(c) for c in r[1:]] for r in body])


def close_matrix(text: str, heading: list[str], rows: list[str], values: np.ndarray, digits: int = 8) -> None:
    """A matrix table fact's header row, row labels, and every entry to the digits it prints."""
    assert header(text) == heading
    cells = [c for r in table(text) for c in r[1:]]
    matrix_cells(text, rows)
    assert len(cells) == np.size(values)
    for cell, value in zip(cells, np.ravel(values), strict=True):
        close(cell, value, digits)


@covers(
    "three_layer_starting_syn0_table",
    "three_layer_starting_syn1_table",
    "three_layer_starting_syn1_t_table",
    "three_layer_first_iteration_l1_table",
    "three_layer_first_iteration_l2_table",
    "three_layer_first_iteration_l2_delta_table",
    "three_layer_first_iteration_l1_error_table",
    "three_layer_first_iteration_syn1_change_table",
)
def test_three_layer_first_iteration_tables(facts: Facts) -> None:
    """The starting weights and every array of the first iteration, to 8 decimals."""
    first = by_hand.three_layer_shared().snapshots[0]
    examples = [row_label(r) for r in X]
    units = [f"unit {i}" for i in range(4)]
    close_matrix(
        facts["three_layer_starting_syn0_table"], ["input", *units], ["column 0", "column 1", "column 2"], first["syn0"]
    )
    close_matrix(facts["three_layer_starting_syn1_table"], ["from", "syn1"], units, first["syn1"])
    close_matrix(facts["three_layer_starting_syn1_t_table"], ["matrix", *units], ["syn1.T"], first["syn1"].T)
    close_matrix(facts["three_layer_first_iteration_l1_table"], ["example", *units], examples, first["l1"])
    l2_table = facts["three_layer_first_iteration_l2_table"]
    close_matrix(
        l2_table, ["example", "l2", "y", "l2_error"], examples, np.hstack([first["l2"], Y_XOR, first["l2_error"]])
    )
    close_matrix(
        facts["three_layer_first_iteration_l2_delta_table"], ["example", "l2_delta"], examples, first["l2_delta"]
    )
    close_matrix(facts["three_layer_first_iteration_l1_error_table"], ["example", *units], examples, first["l1_error"])
    change = first["syn1_after"] - first["syn1"]
    close_matrix(facts["three_layer_first_iteration_syn1_change_table"], ["to", "change"], units, change)
    assert np.allclose(change, first["l1"].T.dot(first["l2_delta"]))


@covers(
    "three_layer_worked_row",
    "three_layer_worked_col",
    "three_layer_worked_input",
    "three_layer_worked_l2_delta",
    "three_layer_worked_syn1_weight",
    "three_layer_worked_product",
    "three_layer_worked_l1_error_entry",
    "three_layer_worked_l1",
    "three_layer_worked_slope",
    "three_layer_worked_l1_delta",
)
def test_three_layer_worked_entry(facts: Facts) -> None:
    """The largest entry of l1_error, taken apart: delta times weight, then the slope and the hidden delta."""
    first = by_hand.three_layer_shared().snapshots[0]
    row, col = np.unravel_index(np.argmax(np.abs(first["l1_error"])), first["l1_error"].shape)
    assert (facts["three_layer_worked_row"], facts["three_layer_worked_col"]) == (str(row), str(col))
    assert facts["three_layer_worked_input"] == row_label(X[row])
    close(facts["three_layer_worked_l2_delta"], first["l2_delta"][row, 0], 8)
    close(facts["three_layer_worked_syn1_weight"], first["syn1"][col, 0], 8)
    close(facts["three_layer_worked_product"], first["l2_delta"][row, 0] * first["syn1"][col, 0], 8)
    close(facts["three_layer_worked_l1_error_entry"], first["l1_error"][row, col], 8)
    hidden = first["l1"][row, col]
    close(facts["three_layer_worked_l1"], hidden, 8)
    close(facts["three_layer_worked_slope"], hidden * (1 - hidden), 8)
    close(facts["three_layer_worked_l1_delta"], first["l1_delta"][row, col], 8)


@covers(
    "three_layer_first_iteration_last_row_input",
    "three_layer_first_iteration_last_row_l1_error",
    "three_layer_first_iteration_last_row_sum",
    "three_layer_first_iteration_last_row_l2_delta",
    "three_layer_first_iteration_last_row_measured",
)
def test_line_43_is_sensitivities(facts: Facts) -> None:
    """Line 43's last row: minus the slope of the row's error in each hidden value, not pieces of the output's delta."""
    first = by_hand.three_layer_shared().snapshots[0]
    assert facts["three_layer_first_iteration_last_row_input"] == row_label(X[-1])
    products = first["l2_delta"][-1, 0] * first["syn1"][:, 0]
    close_all(facts["three_layer_first_iteration_last_row_l1_error"], products, 4)
    close(facts["three_layer_first_iteration_last_row_sum"], products.sum(), 4)
    close(facts["three_layer_first_iteration_last_row_l2_delta"], first["l2_delta"][-1, 0], 4)
    # the sensitivities by the chain rule: dE/dl2 = -(y - l2), dl2/dscore = l2(1 - l2), dscore/dl1_j = syn1_j
    l2 = first["l2"][-1, 0]
    sensitivities = (Y_XOR[-1, 0] - l2) * l2 * (1 - l2) * first["syn1"][:, 0]
    close_all(facts["three_layer_first_iteration_last_row_measured"], sensitivities, 4)
    assert abs(products.sum() - first["l2_delta"][-1, 0]) > 0.1, "the entries do not add up to the output's delta"


@covers("three_layer_trained_l2_table", "three_layer_trained_max_miss", "eleven_lines_trained_l2_table")
def test_three_layer_trained(facts: Facts) -> None:
    """After training both scripts guess exclusive or; the largest miss is the one stated."""
    l2 = by_hand.three_layer_shared().last["l2"]
    examples = [row_label(r) for r in X]
    close_matrix(facts["three_layer_trained_l2_table"], ["example", "l2", "rounded"], examples, np.hstack([l2, Y_XOR]))
    close_matrix(facts["eleven_lines_trained_l2_table"], ["example", "l2"], examples, l2)
    close(facts["three_layer_trained_max_miss"], np.abs(Y_XOR - l2).max(), 8)


@covers("eleven_lines_same_weights", "eleven_lines_printout", "eleven_lines_post_lines", "eleven_lines_mapping_table")
def test_eleven_lines(facts: Facts) -> None:
    """The 11-line script ends with the 50-line script's weights, prints nothing, and maps line by line."""
    eleven, fifty = script_globals("eleven_lines.py"), script_globals("three_layer.py")
    same = all(np.array_equal(eleven[n], fifty[n]) for n in ("syn0", "syn1"))
    assert same and facts["eleven_lines_same_weights"] == "the same, bit for bit"
    printed = len(script_run("eleven_lines.py")[0].splitlines())
    assert facts["eleven_lines_printout"] == {0: "nothing", 1: "one line"}.get(printed, f"{printed:,} lines")
    assert facts["eleven_lines_post_lines"] == str(PUBLISHED_POST_LINES)
    assert header(facts["eleven_lines_mapping_table"]) == ["11-line script", "what changed", "50-line script"]
    rows = table(facts["eleven_lines_mapping_table"])
    count = len(read(SRC / "eleven_lines.py").splitlines())
    assert [r[0] for r in rows] == [f"[line {n}](#line-{n})" for n in range(1, count + 1)]
    sections = anchor_ranges(read(DOCS / "part-2" / "three-layer-network.md"))
    for cells in rows:
        assert cells[2] == ", ".join(re.findall(r"\[lines? [\d\u2013]+\]\([^)]*\)", cells[2])), cells[2]
        for words, anchor in re.findall(r"\[(lines? [\d\u2013]+)\]\([^)#]*#([\w-]+)\)", cells[2]):
            first, last = sections[anchor]
            assert all(first <= int(n) <= last for n in re.findall(r"\d+", words)), (words, anchor)


# --- checking the notes -------------------------------------------------------------------------------------


def scores_scan(limit: int = 30000) -> int | None:
    """The first iteration whose np.dot(l0,syn0), to 8 decimals, is the notes' quote."""
    quoted = [float(v) for v in NOTES_DOT]
    steps = by_hand.two_layer_steps(limit, PUBLISHED_SEED)
    found = (i for i, step in enumerate(steps) if np.array_equal(np.round(step["scores"].ravel(), 8), quoted))
    return next(found, None)


@covers("notes_dot_iteration", "notes_dot_last", "notes_dot_printout_verdict", "notes_said_scores")
def test_notes_scores(facts: Facts) -> None:
    """The notes' np.dot(l0,syn0) appears only in a longer run, at the iteration stated."""
    at = scores_scan()
    assert at is not None and at >= PUBLISHED_TWO_LAYER_ITERATIONS
    assert facts["notes_dot_iteration"] == f"{at:,}"
    last = by_hand.two_layer_shared().snapshots[9999]
    close_all(facts["notes_dot_last"], np.dot(last["l0"], last["syn0"]), 8)
    assert facts["notes_dot_printout_verdict"] == FAILS
    assert facts["notes_said_scores"] == ", ".join(NOTES_DOT)


@covers(
    "notes_l1_first",
    "notes_l1_first_cut",
    "notes_l1_first_rounded",
    "notes_l1_second",
    "notes_l1_second_rounded",
    "notes_said_l1_second",
    "notes_l1_second_verdict",
)
def test_notes_early_guesses(facts: Facts) -> None:
    """The notes' 'second iteration' numbers are the first iteration's, cut off: the claim does not hold."""
    run = by_hand.two_layer_shared()
    first, second = run.snapshots[0]["l1"].ravel(), run.snapshots[1]["l1"].ravel()
    close_all(facts["notes_l1_first"], first, 8)
    close_all(facts["notes_l1_second"], second, 8)
    close_all(facts["notes_l1_first_rounded"], first, 2)
    close_all(facts["notes_l1_second_rounded"], second, 2)
    assert facts["notes_said_l1_second"] == ", ".join(NOTES_L1_SECOND)
    assert facts["notes_l1_first_cut"] == ", ".join(f"{np.floor(v * 100) / 100:.2f}" for v in first)
    assert facts["notes_l1_first_cut"] == facts["notes_said_l1_second"]
    assert facts["notes_l1_second_rounded"] != facts["notes_said_l1_second"]
    assert facts["notes_l1_second_verdict"] == FAILS


@covers("notes_x1_new_rows_verdict", "two_layer_trained_max_miss")
def test_notes_new_rows(facts: Facts) -> None:
    """The first of the notes' 'new' rows is a training row; the trained outputs miss by at most the stated amount."""
    assert NOTES_X1[0] in X.tolist() and facts["notes_x1_new_rows_verdict"] == FAILS
    l1 = by_hand.two_layer_shared().last["l1"]
    close(facts["two_layer_trained_max_miss"], np.abs(Y_FIRST_COLUMN - l1).max(), 4)


@covers(
    "notes_said_e",
    "notes_exp_e_verdict",
    "notes_exp_e_found",
    "notes_sigmoid_four",
    "notes_sigmoid_minus_four",
    "notes_sigmoid_four_gap",
    "notes_sigmoid_four_verdict",
    "notes_sigmoid_one_at",
)
def test_notes_sigmoid(facts: Facts) -> None:
    """e is right but misnamed; the sigmoid at ±4 is close to its ends but not within a thousandth; it reaches 1.0."""
    assert facts["notes_said_e"] == NOTES_E and f"{np.e:.3f}" == NOTES_E
    assert f"{np.e:.6f}" in facts["notes_exp_e_found"] and facts["notes_exp_e_verdict"] == PARTLY
    close(facts["notes_sigmoid_four"], sigmoid(4.0), 8)
    close(facts["notes_sigmoid_minus_four"], sigmoid(-4.0), 8)
    close(facts["notes_sigmoid_four_gap"], 1 - sigmoid(4.0), 4)
    assert float(facts["notes_sigmoid_four_gap"]) > 0.001 and facts["notes_sigmoid_four_verdict"] == PARTLY
    at = int(facts["notes_sigmoid_one_at"])
    assert sigmoid(float(at)) == 1.0 and sigmoid(float(at - 1)) < 1.0


@covers("notes_mean_zero_verdict", "notes_mean_zero_found")
def test_notes_mean_zero(facts: Facts) -> None:
    """The drawing has mean 0, but the script's starting weights do not average 0."""
    start = by_hand.two_layer_shared().snapshots[0]["syn0"]
    draws = 2 * np.random.RandomState(PUBLISHED_SEED).random_sample(1_000_000) - 1
    found = facts["notes_mean_zero_found"]
    assert (
        f"{draws.mean():.4f}" in found
        and f"{start.mean():.4f}" in found
        and f"{WORDS[start.size]} starting weights" in found
    )
    assert abs(start.mean()) > 0.05 and facts["notes_mean_zero_verdict"] == PARTLY


def code_lines(path: Path) -> set[int]:
    """The lines that hold a Python token other than a comment or a line break, found by the tokenizer."""
    skip = {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER}
    with path.open("rb") as source:
        tokens = [t for t in tokenize.tokenize(source.readline) if t.type not in skip | {tokenize.ENCODING}]
    return {line for t in tokens for line in range(t.start[0], t.end[0] + 1)}


@covers(
    "notes_loop_lines_verdict",
    "notes_loop_lines_found",
    "notes_longer_verdict",
    "notes_code_lines_two",
    "notes_code_lines_three",
    "notes_other_lines_two",
    "notes_other_lines_three",
    "notes_hidden_layer_verdict",
    "notes_said_longer",
    "notes_said_longer_code",
    "notes_code_lines_more",
)
def test_notes_line_counts(facts: Facts) -> None:
    """Code and other lines add up to each script's length; the loop has five statements, not four."""
    for name, word in (("two_layer.py", "two"), ("three_layer.py", "three")):
        lines = read(SRC / name).splitlines()
        code, other = int(facts[f"notes_code_lines_{word}"]), int(facts[f"notes_other_lines_{word}"])
        assert code + other == len(lines)
        assert code == len(code_lines(SRC / name)), name
    loop = next(n for n in ast.parse(read(SRC / "two_layer.py")).body if isinstance(n, ast.For))
    assert f"has {WORDS[len(loop.body)]} statements" in facts["notes_loop_lines_found"]
    assert len(loop.body) != 4 and facts["notes_loop_lines_verdict"] == FAILS
    three, two = (len(read(SRC / n).splitlines()) for n in ("three_layer.py", "two_layer.py"))
    code_more = int(facts["notes_code_lines_three"]) - int(facts["notes_code_lines_two"])
    assert facts["notes_code_lines_more"] == str(code_more) and (three - two, code_more) != NOTES_LONGER
    assert facts["notes_said_longer"] == str(three - two) == str(NOTES_LONGER[0])
    assert facts["notes_said_longer_code"] == str(NOTES_LONGER[1]) and facts["notes_longer_verdict"] == PARTLY
    assert "np.dot(l1" not in read(SRC / "two_layer.py") and facts["notes_hidden_layer_verdict"] == FAILS


@covers("notes_table", "notes_claims", "notes_count_holds", "notes_count_partly_holds", "notes_count_does_not_hold")
def test_notes_table(facts: Facts) -> None:
    """One row per claim; the counts add up and match the verdicts in the table."""
    assert header(facts["notes_table"]) == ["claim in the notes", "what the code gives", "verdict"]
    verdicts = [r[2].strip("*") for r in table(facts["notes_table"])]
    assert len(verdicts) == int(facts["notes_claims"]) and set(verdicts) <= {HOLDS, PARTLY, FAILS}
    for word in (HOLDS, PARTLY, FAILS):
        assert verdicts.count(word) == int(facts[f"notes_count_{word.replace(' ', '_')}"]), word
    for key in ("l1_second", "dot_printout", "x1_new_rows", "exp_e", "sigmoid_four", "mean_zero", "loop_lines"):
        assert facts[f"notes_{key}_verdict"] in verdicts


def test_notes_table_rows(facts: Facts) -> None:
    """The rows with numbers: the notes' own numbers in the claim, what plain numpy gives beside them."""
    cells = [(said, found) for said, found, _ in table(facts["notes_table"])]

    def row(start: str) -> tuple[str, str]:
        (only,) = [(said, found) for said, found in cells if said.startswith(start)]
        return only

    def listed(values: list[str]) -> str:
        return ", ".join(values)

    said, found = row("after the second iteration")
    assert said.endswith(listed(NOTES_L1_SECOND))
    early = by_hand.two_layer(iterations=2, record=[0, 1]).snapshots
    assert f"that l1 reads {listed([f'{v:.2f}' for v in early[0]['l1'].ravel()])};" in found
    assert found.endswith(f"the second iteration (1) gives {listed([f'{v:.4f}' for v in early[1]['l1'].ravel()])}")
    assert row("np.dot(l0,syn0) is a 4x1 matrix like")[0].endswith(listed(NOTES_DOT))
    said, found = row("at the end, l1 is")
    assert said.endswith(listed(PUBLISHED_L1)) and found == listed(PUBLISHED_L1)
    said, found = row("the new rows X1 give")
    assert said.endswith(listed(PUBLISHED_X1))
    assert np.allclose([float(v) for v in found.split(", ")], [float(v) for v in PUBLISHED_X1], rtol=0, atol=1e-8)
    assert row("np.exp(1)")[1].startswith(f"`np.exp(1)` is {np.e:.6f}")
    assert NOTES_E in row("np.exp(1)")[0]
    assert row("nonlin(0)")[1] == f"nonlin(0) is {sigmoid(0.0)}"
    draws = re.search(r"smallest is (\S+) and the largest 1 - (\S+):", row("np.random.random gives")[1])
    assert draws and all(0 < float(v) < 1e-4 for v in draws.groups()), "a million draws come near both ends"
    starting = 2 * np.random.RandomState(PUBLISHED_SEED).random_sample((3, 1)) - 1
    assert row("the weights start random")[1].endswith(f"average {starting.mean():.4f}")


NUMBER = re.compile(r"(?<![\w.])-?\d[\d,]*(?:\.\d+)?(?:e[-+]\d+)?")


def reads_as(text: str, expected: str) -> None:
    """The same words; each number the same, integers exactly and decimals to a unit of the expected last digit."""
    assert NUMBER.split(text) == NUMBER.split(expected), f"{text!r} is not worded as {expected!r}"
    for got, want in zip(NUMBER.findall(text), NUMBER.findall(expected), strict=True):
        if not re.search(r"[.e]", want):
            assert got == want, f"{got} is not {want} in {text!r}"
            continue
        assert re.sub(r"\d", "0", got) == re.sub(r"\d", "0", want), f"{got} is not written as {want}"
        mantissa = want.partition("e")[0].partition(".")[2]
        unit = 10.0 ** (-len(mantissa)) * (abs(float(want)) / abs(float(want.partition("e")[0])) if "e" in want else 1)
        assert abs(float(got) - float(want)) <= unit * (1 + 1e-9), f"{got} is not {want} in {text!r}"


def listed(values, digits: int) -> str:
    """Numbers to some decimals, comma-separated."""
    return ", ".join(f"{float(v):.{digits}f}" for v in np.ravel(values))


def notes_rows() -> list[tuple[str, str, str]]:
    """Every row the notes table must hold, in order: the notes' claim, what plain numpy gives, the verdict it earns."""
    rows = []
    early = by_hand.two_layer(iterations=4, record=range(4)).snapshots
    quoted = [float(v) for v in NOTES_L1_SECOND]
    matches = [
        (i, how)
        for i in range(4)
        for how, shown in (
            ("rounded", np.round(early[i]["l1"].ravel(), 2)),
            ("cut off", np.floor(early[i]["l1"].ravel() * 100) / 100),
        )
        if np.allclose(shown, quoted, rtol=0, atol=1e-9)
    ]
    assert matches == [(0, "cut off")], "the notes' early numbers are iteration 0's, cut off"
    rows.append(
        (
            f"after the second iteration, l1 rounded to two decimals is {', '.join(NOTES_L1_SECOND)}",
            f"these four are l1 cut off at iteration 0; rounded, that l1 reads {listed(early[0]['l1'], 2)}; "
            f"the second iteration (1) gives {listed(early[1]['l1'], 4)}",
            HOLDS if (1, "rounded") in matches else FAILS,
        )
    )
    shared = by_hand.two_layer_shared()
    at = scores_scan()
    assert at is not None
    last_scores = np.dot(shared.snapshots[9999]["l0"], shared.snapshots[9999]["syn0"])
    rows.append(
        (
            f"np.dot(l0,syn0) is a 4x1 matrix like {', '.join(NOTES_DOT)}",
            f"the last of the script's iterations (9,999) gives {listed(last_scores, 4)}; "
            f"the notes' values appear at iteration {at:,}, in a longer run",
            HOLDS if at < PUBLISHED_TWO_LAYER_ITERATIONS else FAILS,
        )
    )
    l1 = shared.last["l1"].ravel()
    published = np.array([float(v) for v in PUBLISHED_L1])
    rows.append(
        (
            f"at the end, l1 is {', '.join(PUBLISHED_L1)}",
            listed(l1, 8),
            HOLDS if np.all(np.abs(l1 - published) < 0.5e-8) else FAILS,
        )
    )
    new_rows = np.array(NOTES_X1)
    prediction = sigmoid(np.dot(new_rows, shared.weights["syn0"])).ravel()
    published_x1 = np.array([float(v) for v in PUBLISHED_X1])
    rows.append(
        (
            f"the new rows X1 give {', '.join(PUBLISHED_X1)}",
            listed(prediction, 8),
            HOLDS if np.all(np.abs(prediction - published_x1) < 0.5e-8) else FAILS,
        )
    )
    rounded = [int(v >= 0.5) for v in prediction]
    firsts = [row[0] for row in NOTES_X1]
    rows.append(
        (
            "rounded, these are 0, 1, 1 and 1: the first value of each row",
            f"rounded: {', '.join(map(str, rounded))}; first values of the rows: {', '.join(map(str, firsts))}",
            HOLDS if rounded == firsts == [0, 1, 1, 1] else FAILS,
        )
    )
    known = [row for row in NOTES_X1 if row in X.tolist()]
    rows.append(
        (
            "the first two rows of X1 differ from the training data",
            "rows of X1 also in X: " + ", ".join(f"`{row}`" for row in known),
            FAILS if NOTES_X1[0] in known or NOTES_X1[1] in known else HOLDS,
        )
    )
    # e is right to the notes' digits, but it is the logarithm's base, not a logarithm: partly
    rows.append(
        (
            f"np.exp(1) returns the natural logarithm e, about {NOTES_E}",
            f"`np.exp(1)` is {np.e:.6f}, the number e, the base of the natural logarithm; "
            "the logarithm of e, `np.log(np.exp(1))`, is 1",
            PARTLY if f"{np.e:.3f}" == NOTES_E else FAILS,
        )
    )
    gap = max(1 - sigmoid(4.0), sigmoid(-4.0))
    low, high = 0.0, 20.0  # bisect for where 1 - sigmoid(x) falls to a thousandth
    for _ in range(60):
        low, high = (low, (low + high) / 2) if 1 - sigmoid((low + high) / 2) < 0.001 else ((low + high) / 2, high)
    rows.append(
        (
            "from 4 up the sigmoid is very close to 1, from -4 down very close to 0",
            f"nonlin(4) is {sigmoid(4.0):.4f} and nonlin(-4) is {sigmoid(-4.0):.4f}; "
            f"within a thousandth of 1 only from {high:.1f} up",
            HOLDS if gap < 0.001 else PARTLY if gap < 0.05 else FAILS,
        )
    )
    rows.append(("nonlin(0) returns .5", f"nonlin(0) is {sigmoid(0.0)}", HOLDS if sigmoid(0.0) == 0.5 else FAILS))
    ones = next(x for x in range(100) if sigmoid(float(x)) == 1.0)
    rows.append(
        (
            "nonlin() takes any number and returns a number between 0 and 1",
            f"true of the formula; in float64, nonlin({ones}) already gives exactly 1.0",
            PARTLY,
        )
    )
    draws = np.random.RandomState(PUBLISHED_SEED).random_sample(1_000_000)
    rows.append(
        (
            "np.random.random gives numbers between 0 and 1; 2*...-1 between -1 and 1",
            f"of a million draws the smallest is {draws.min():.1e} and the largest 1 - {1 - draws.max():.1e}: "
            "the range is [0, 1), so 2*...-1 gives [-1, 1)",
            HOLDS if 0 <= draws.min() and draws.max() < 1 else FAILS,
        )
    )
    start = shared.snapshots[0]["syn0"]
    drawing = 2 * draws.mean() - 1
    rows.append(
        (
            "the weights start random with a mean of 0",
            f"the drawing has mean 0 (a million draws: {drawing:.4f}); "
            f"the script's {WORDS[start.size]} starting weights average {start.mean():.4f}",
            HOLDS if abs(start.mean()) < 0.05 else PARTLY if abs(drawing) < 0.01 else FAILS,
        )
    )
    source = read(SRC / "two_layer.py")
    loop = next(n for n in ast.parse(source).body if isinstance(n, ast.For))
    assert ast.unparse(loop.iter) == f"range({PUBLISHED_TWO_LAYER_ITERATIONS})"
    rows.append(
        ("after the first iteration, 9,999 more", f"the loop runs `range({PUBLISHED_TWO_LAYER_ITERATIONS})`", HOLDS)
    )
    assert ast.unparse(loop.body[0]) == "l0 = X"
    rows.append(
        (
            "the four lines of code in the main loop",
            f"the loop body has {WORDS[len(loop.body)]} statements, `l0 = X` among them",
            HOLDS if len(loop.body) == 4 else FAILS,
        )
    )
    lines = {name: len(read(SRC / name).splitlines()) for name in ("two_layer.py", "three_layer.py")}
    code = {name: len(code_lines(SRC / name)) for name in lines}
    more, code_more = (d["three_layer.py"] - d["two_layer.py"] for d in (lines, code))
    rows.append(
        (
            "Part 2's script is eight lines longer, four without blank lines and comments",
            f"{lines['three_layer.py']} against {lines['two_layer.py']} lines ({more} more); "
            f"{code['three_layer.py']} against {code['two_layer.py']} code lines ({code_more} more)",
            FAILS if more != NOTES_LONGER[0] else HOLDS if code_more == NOTES_LONGER[1] else PARTLY,
        )
    )
    shapes = (np.dot(X, start).shape, start.shape)
    rows.append(
        (
            "np.dot(l0,syn0) is a 4 x 1 matrix; np.random.random((3,1)) gives 3 rows of 1 number",
            f"shapes {shapes[0]} and {shapes[1]}",
            HOLDS if shapes == ((4, 1), (3, 1)) else FAILS,
        )
    )
    longer_run = by_hand.two_layer(iterations=20_000)
    misses = [np.abs(Y_FIRST_COLUMN - run.last["l1"]).max() for run in (shared, longer_run)]
    rows.append(
        (
            "more than 10,000 iterations bring l1 even closer to the targets",
            f"largest miss: {misses[0]:.5f} after 10,000; {misses[1]:.5f} after 20,000",
            HOLDS if misses[1] < misses[0] else FAILS,
        )
    )
    difference = [[a - b] for a, b in zip((5, 4, 3), (1, 1, 1), strict=True)]
    rows.append(
        (
            "[[5],[4],[3]] - [[1],[1],[1]] = [[4],[3],[2]]",
            str(difference),
            HOLDS if difference == [[4], [3], [2]] else FAILS,
        )
    )
    left, right = [[1, 2, 3], [4, 5, 6]], [[7, 8], [9, 10], [11, 12]]
    product = [
        [sum(a * b for a, b in zip(row, column, strict=True)) for column in zip(*right, strict=True)] for row in left
    ]
    rows.append(
        (
            "np.dot of matrix1 and matrix2 reproduces the worked example (58, 64; 139, 154)",
            str(product),
            HOLDS if product == [[58, 64], [139, 154]] else FAILS,
        )
    )
    # a hidden layer is one another layer is computed from: l2 = nonlin(np.dot(l1, ...)) in the 50-line script
    layers = [
        n
        for n in ast.walk(ast.parse(source))
        if isinstance(n, ast.Assign) and re.fullmatch(r"l\d", ast.unparse(n.targets[0]))
    ]
    from_l1 = [n for n in layers if "l1" in {m.id for m in ast.walk(n.value) if isinstance(m, ast.Name)}]
    prints_l1 = ast.unparse(ast.parse(source).body[-1]) == "print(l1)"
    rows.append(
        (
            "l1 is the second layer, otherwise known as the hidden layer",
            "no layer is computed from l1; the script prints l1 as its output",
            FAILS if not from_l1 and prints_l1 else HOLDS,
        )
    )
    return rows


def test_notes_table_every_row(facts: Facts) -> None:
    """Each row of the notes table, in order: the notes' claim word for word, what plain numpy gives, its verdict."""
    rows = table(facts["notes_table"])
    expected = notes_rows()
    assert [said for said, _, _ in rows] == [said for said, _, _ in expected]
    for (said, found, verdict), (_, want_found, want_verdict) in zip(rows, expected, strict=True):
        reads_as(found, want_found)
        assert verdict == f"**{want_verdict}**", said
    counts = {word: sum(v == word for _, _, v in expected) for word in (HOLDS, PARTLY, FAILS)}
    assert facts["notes_claims"] == str(len(expected))
    for word, count in counts.items():
        assert facts[f"notes_count_{word.replace(' ', '_')}"] == str(count), word


def test_pages_are_read() -> None:
    """The page reader finds the chapters this module checks facts for."""
    names = {p.name for p in chapters()}
    assert {"part-1/line-by-line.md", "part-2/three-layer-network.md", "part-1/checking-the-notes.md"} <= names
