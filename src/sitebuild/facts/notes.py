"""Facts for "Checking the notes": each claim of the notes, recomputed, with a verdict decided here."""

from __future__ import annotations

import ast
import functools
import math
from dataclasses import dataclass
from itertools import islice

import numpy as np

from sitebuild.facts._common import SCRIPTS as SCRIPTS  # the scripts' folder, for the tests
from sitebuild.facts._common import listed, scores, source, table, trained, trained_longer, word
from tinynet import X1, X, nonlin, y

HOLDS = "holds"
PARTLY = "partly holds"
FAILS = "does not hold"

# the numbers as the notes print them
NOTES_L1_SECOND = [0.26, 0.36, 0.23, 0.32]
NOTES_DOT = [-4.98467345, -5.19108471, 5.39603866, 5.1896274]
NOTES_L1_FINAL = [0.00966449, 0.00786506, 0.99358898, 0.99211957]
NOTES_X1_PREDICTION = [0.00786466, 0.9999225, 0.99358931, 0.99211997]
NOTES_X1_ROUNDED = [0, 1, 1, 1]
NOTES_LONGER = (8, 4)  # lines longer; lines longer without blank lines and comments
NOTES_LOOP_LINES = 4
NOTES_ITERATIONS = 1 + 9999
NOTES_E = 2.718

# the claims the chapter discusses one by one: their verdicts, and the findings it quotes
DISCUSSED = ("l1_second", "dot_printout", "x1_new_rows", "exp_e", "sigmoid_four", "mean_zero", "loop_lines", "longer")
DISCUSSED += ("hidden_layer",)
QUOTED = ("exp_e", "mean_zero", "loop_lines")


@dataclass
class Claim:
    """One claim of the notes: their words, what the code gives, and the verdict."""

    key: str
    said: str
    found: str
    verdict: str


def verdict(holds: bool) -> str:
    """The verdict for a claim that either holds or not."""
    return HOLDS if holds else FAILS


def cut(values: np.ndarray, decimals: int = 2) -> np.ndarray:
    """Values cut off (truncated towards zero) after some decimals."""
    scale = 10**decimals
    return np.trunc(np.asarray(values) * scale) / scale


def line_counts(name: str) -> tuple[int, int]:
    """A script's lines: all of them, and those that are neither blank nor comments."""
    lines = source(name).splitlines()
    return len(lines), sum(1 for line in lines if line.strip() and not line.strip().startswith("#"))


def main_loop(name: str) -> ast.For:
    """The script's top-level for loop."""
    return next(node for node in ast.parse(source(name)).body if isinstance(node, ast.For))


def first_iterations() -> dict[int, np.ndarray]:
    """l1 of the two-layer script at iterations 0 to 3."""
    return {i: trained().snapshots[i].l1.ravel() for i in range(4)}


@functools.cache
def dot_scan(limit: int = 100_000) -> int | None:
    """The first iteration whose np.dot(l0,syn0) prints as the notes show, if any before `limit`."""
    found = (
        i
        for i, z in enumerate(islice(scores(trained().snapshots[0].syn0), limit))
        if np.array_equal(np.round(z.ravel(), 8), NOTES_DOT)
    )
    return next(found, None)


def sigmoid_one_at() -> int | None:
    """The first whole number at which the sigmoid gives exactly 1.0 in float64, if any below 100."""
    return next((x for x in range(100) if float(nonlin(x)) == 1.0), None)


def last_scores() -> np.ndarray:
    """np.dot(l0,syn0) at the script's last iteration."""
    last = trained().snapshots[9999]
    return np.dot(last.l0, last.syn0)


def claims() -> list[Claim]:
    """Every claim the notes make about the script's behaviour, checked."""
    out: list[Claim] = []

    def claim(key: str, said: str, found: str, decided: str) -> None:
        out.append(Claim(key, said, found, decided))

    # l1 early on
    early = first_iterations()
    matches = [
        (i, how)
        for i, values in early.items()
        for how, shown in (("rounded", np.round(values, 2)), ("cut off", cut(values)))
        if np.allclose(shown, NOTES_L1_SECOND)
    ]
    found = "; ".join(f"{how} at iteration {i}" for i, how in matches) or "no iteration from 0 to 3"
    claim(
        "l1_second",
        "after the second iteration, l1 rounded to two decimals is 0.26, 0.36, 0.23, 0.32",
        f"these four are l1 {found}; rounded, that l1 reads {listed(np.round(early[0], 2))}; "
        f"the second iteration (1) gives {listed(early[1], 4)}",
        verdict(any(i == 1 and how == "rounded" for i, how in matches)),
    )

    # np.dot(l0,syn0)
    at = dot_scan()
    claim(
        "dot_printout",
        "np.dot(l0,syn0) is a 4x1 matrix like " + ", ".join(map(str, NOTES_DOT)),
        f"the last of the script's iterations (9,999) gives {listed(last_scores(), 4)}; "
        + (f"the notes' values appear at iteration {at:,}, in a longer run" if at is not None else "never"),
        verdict(at is not None and at < 10_000),
    )

    # the trained output and the new rows
    run = trained()
    final = np.round(run.l1.ravel(), 8)
    claim(
        "l1_final",
        "at the end, l1 is " + ", ".join(map(str, NOTES_L1_FINAL)),
        listed(final, 8),
        verdict(np.array_equal(final, NOTES_L1_FINAL)),
    )
    prediction = run.predict(X1).ravel()
    claim(
        "x1_prediction",
        "the new rows X1 give " + ", ".join(map(str, NOTES_X1_PREDICTION)),
        listed(np.round(prediction, 8), 8),
        verdict(np.array_equal(np.round(prediction, 8), NOTES_X1_PREDICTION)),
    )
    rounded = np.round(prediction).astype(int)
    claim(
        "x1_rounded",
        "rounded, these are 0, 1, 1 and 1: the first value of each row",
        f"rounded: {', '.join(map(str, rounded))}; first values of the rows: " + ", ".join(str(r[0]) for r in X1),
        verdict(rounded.tolist() == NOTES_X1_ROUNDED == [int(r[0]) for r in X1]),
    )
    seen = [any(np.array_equal(row, t) for t in X) for row in X1]
    claim(
        "x1_new_rows",
        "the first two rows of X1 differ from the training data",
        "rows of X1 also in X: " + ", ".join(f"`{list(map(int, r))}`" for r, s in zip(X1, seen, strict=True) if s),
        verdict(not seen[0] and not seen[1]),
    )

    # the sigmoid and numpy
    e = float(np.exp(1))
    claim(
        "exp_e",
        f"np.exp(1) returns the natural logarithm e, about {NOTES_E}",
        f"`np.exp(1)` is {e:.6f}, the number e, the base of the natural logarithm; "
        f"the logarithm of e, `np.log(np.exp(1))`, is {float(np.log(e)):g}",
        PARTLY if round(e, 3) == NOTES_E else FAILS,
    )
    top, bottom = float(nonlin(4)), float(nonlin(-4))
    gap = max(1 - top, bottom)
    claim(
        "sigmoid_four",
        "from 4 up the sigmoid is very close to 1, from -4 down very close to 0",
        f"nonlin(4) is {top:.4f} and nonlin(-4) is {bottom:.4f}; within a thousandth of 1 only from "
        f"{math.log(999):.1f} up",
        HOLDS if gap < 0.001 else PARTLY if gap < 0.05 else FAILS,
    )
    claim(
        "sigmoid_zero",
        "nonlin(0) returns .5",
        f"nonlin(0) is {float(nonlin(0))}",
        verdict(float(nonlin(0)) == 0.5),
    )
    ones = sigmoid_one_at()
    claim(
        "sigmoid_range",
        "nonlin() takes any number and returns a number between 0 and 1",
        f"true of the formula; in float64, nonlin({ones}) already gives exactly 1.0"
        if ones is not None
        else "true for every number tried",
        HOLDS if ones is None else PARTLY,
    )
    draws = np.random.RandomState(1).random_sample(1_000_000)
    weights = trained().snapshots[0].syn0.ravel()
    claim(
        "random_range",
        "np.random.random gives numbers between 0 and 1; 2*...-1 between -1 and 1",
        f"of a million draws the smallest is {draws.min():.1e} and the largest 1 - {1 - draws.max():.1e}: "
        "the range is [0, 1), so 2*...-1 gives [-1, 1)",
        verdict(0 <= draws.min() and draws.max() < 1),
    )
    claim(
        "mean_zero",
        "the weights start random with a mean of 0",
        f"the drawing has mean 0 (a million draws: {2 * draws.mean() - 1:.4f}); "
        f"the script's {word(weights.size)} starting weights average {weights.mean():.4f}",
        HOLDS if abs(weights.mean()) < 0.05 else PARTLY if abs(2 * draws.mean() - 1) < 0.01 else FAILS,
    )

    # the script's shape
    loop = main_loop("two_layer.py")
    iterations = ast.literal_eval(loop.iter.args[0])
    claim(
        "iterations",
        "after the first iteration, 9,999 more",
        f"the loop runs `range({iterations})`",
        verdict(iterations == NOTES_ITERATIONS),
    )
    claim(
        "loop_lines",
        "the four lines of code in the main loop",
        f"the loop body has {word(len(loop.body))} statements, `l0 = X` among them",
        verdict(len(loop.body) == NOTES_LOOP_LINES),
    )
    (two, two_code), (three, three_code) = line_counts("two_layer.py"), line_counts("three_layer.py")
    claim(
        "longer",
        "Part 2's script is eight lines longer, four without blank lines and comments",
        f"{three} against {two} lines ({three - two} more); "
        f"{three_code} against {two_code} code lines ({three_code - two_code} more)",
        FAILS if three - two != NOTES_LONGER[0] else HOLDS if three_code - two_code == NOTES_LONGER[1] else PARTLY,
    )
    start = trained().snapshots[0]
    claim(
        "dot_shape",
        "np.dot(l0,syn0) is a 4 x 1 matrix; np.random.random((3,1)) gives 3 rows of 1 number",
        f"shapes {np.dot(start.l0, start.syn0).shape} and {start.syn0.shape}",
        verdict(np.dot(start.l0, start.syn0).shape == (4, 1) and start.syn0.shape == (3, 1)),
    )
    # a run of n iterations ends with the l1 of iteration n - 1 of a longer run
    misses = {n: float(np.max(np.abs(y - trained_longer().snapshots[n - 1].l1))) for n in (10_000, 20_000)}
    claim(
        "more_iterations",
        "more than 10,000 iterations bring l1 even closer to the targets",
        "largest miss: " + "; ".join(f"{m:.5f} after {n:,}" for n, m in misses.items()),
        verdict(misses[20_000] < misses[10_000]),
    )
    difference = np.array([[5], [4], [3]]) - np.array([[1], [1], [1]])
    claim(
        "subtraction",
        "[[5],[4],[3]] - [[1],[1],[1]] = [[4],[3],[2]]",
        f"{difference.tolist()}",
        verdict(difference.tolist() == [[4], [3], [2]]),
    )
    product = np.dot(np.array([[1, 2, 3], [4, 5, 6]]), np.array([[7, 8], [9, 10], [11, 12]]))
    claim(
        "matrix_product",
        "np.dot of matrix1 and matrix2 reproduces the worked example (58, 64; 139, 154)",
        f"{product.tolist()}",
        verdict(product.tolist() == [[58, 64], [139, 154]]),
    )
    script = source("two_layer.py")
    output_is_l1 = "np.dot(l1" not in script and script.rstrip().endswith("print(l1)")
    claim(
        "hidden_layer",
        "l1 is the second layer, otherwise known as the hidden layer",
        "no layer is computed from l1; the script prints l1 as its output"
        if output_is_l1
        else "a layer is computed from l1",
        verdict(not output_is_l1),
    )
    return out


def notes_facts() -> dict[str, str]:
    """The table of claims and verdicts, and the numbers the chapter discusses."""
    checked = claims()
    rows = [[c.said, c.found, f"**{c.verdict}**"] for c in checked]
    facts = {"notes_table": table(["claim in the notes", "what the code gives", "verdict"], rows, "|---|---|---|")}
    facts |= {f"notes_{c.key}_verdict": c.verdict for c in checked if c.key in DISCUSSED}
    facts |= {f"notes_{c.key}_found": c.found for c in checked if c.key in QUOTED}
    facts["notes_claims"] = str(len(checked))
    for said in (HOLDS, PARTLY, FAILS):
        facts[f"notes_count_{said.replace(' ', '_')}"] = str(sum(c.verdict == said for c in checked))
    at = dot_scan()
    facts["notes_dot_iteration"] = f"{at:,}" if at is not None else "none"
    facts["notes_dot_last"] = listed(last_scores(), 8)
    early = first_iterations()
    facts["notes_l1_first"] = listed(early[0], 8)
    facts["notes_l1_first_rounded"] = listed(np.round(early[0], 2))
    facts["notes_l1_first_cut"] = listed(cut(early[0]))
    facts["notes_l1_second"] = listed(early[1], 8)
    facts["notes_l1_second_rounded"] = listed(np.round(early[1], 2))
    facts["notes_sigmoid_four"] = f"{float(nonlin(4)):.8f}"
    facts["notes_sigmoid_minus_four"] = f"{float(nonlin(-4)):.8f}"
    (two, two_code), (three, three_code) = line_counts("two_layer.py"), line_counts("three_layer.py")
    facts["notes_code_lines_two"] = str(two_code)
    facts["notes_code_lines_three"] = str(three_code)
    facts["notes_said_l1_second"] = listed(NOTES_L1_SECOND)
    facts["notes_said_e"] = str(NOTES_E)
    facts["notes_said_scores"] = ", ".join(map(str, NOTES_DOT))
    facts["notes_said_longer"] = str(NOTES_LONGER[0])
    facts["notes_said_longer_code"] = str(NOTES_LONGER[1])
    facts["notes_code_lines_more"] = str(three_code - two_code)
    facts["notes_other_lines_two"] = str(two - two_code)
    facts["notes_other_lines_three"] = str(three - three_code)
    facts["notes_sigmoid_four_gap"] = f"{1 - float(nonlin(4)):.4f}"
    facts["notes_sigmoid_one_at"] = str(sigmoid_one_at())
    facts["two_layer_trained_max_miss"] = f"{float(np.max(np.abs(y - trained().l1))):.4f}"
    return facts


# the functions whose dicts of name -> text become facts (sitebuild.facts.compute_all)
PROVIDERS = (notes_facts,)
