"""The verdicts on the notes: recomputed here with plain numpy, then compared with the facts and the page."""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import numpy as np
import pytest

from sitebuild.facts import notes
from support.by_hand import sigmoid, two_layer_steps
from support.published import PUBLISHED_L1, PUBLISHED_X1

# the notes' numbers, as they print them (yardsticks, not results)
NOTES_L1 = [0.26, 0.36, 0.23, 0.32]
NOTES_DOT = [-4.98467345, -5.19108471, 5.39603866, 5.1896274]
NOTES_FINAL = [float(v) for v in PUBLISHED_L1]
NOTES_X1 = [float(v) for v in PUBLISHED_X1]

X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]])
X1 = np.array([[0, 1, 1], [1, 1, 0], [1, 0, 1], [1, 1, 1]])


@pytest.fixture(scope="module")
def all_verdicts() -> dict[str, str]:
    """The verdict the build computes for each claim, by key, computed once in this module."""
    return {c.key: c.verdict for c in notes.claims()}


@pytest.fixture
def verdicts(all_verdicts: dict[str, str]) -> dict[str, str]:
    """The verdicts; computed afresh for each test in mutmut's coverage pass, so that it ties every test to claims().

    mutmut runs, for each mutant, the tests it saw calling the mutated function; a module-wide
    computation would be seen by the module's first test alone.
    """
    if os.environ.get("MUTANT_UNDER_TEST") == "stats":
        return {c.key: c.verdict for c in notes.claims()}
    return all_verdicts


def test_l1_numbers_are_the_first_iteration_cut_off(verdicts: dict[str, str]) -> None:
    """0.26, 0.36, 0.23, 0.32 is iteration 0's l1 truncated; rounding, or iteration 1, gives other numbers."""
    early = {i: step["l1"].ravel() for i, step in enumerate(two_layer_steps(2))}
    assert np.allclose(np.floor(early[0] * 100) / 100, NOTES_L1)
    assert not np.allclose(np.round(early[0], 2), NOTES_L1)
    assert not np.allclose(np.round(early[1], 2), NOTES_L1)
    assert not np.allclose(np.floor(early[1] * 100) / 100, NOTES_L1)
    assert verdicts["l1_second"] == notes.FAILS


def test_dot_printout_comes_from_a_longer_run(verdicts: dict[str, str]) -> None:
    """The notes' np.dot(l0,syn0) is no iteration of the 10,000; the scan finds the same later iteration."""
    found = None
    for i, step in enumerate(two_layer_steps(30_000)):
        if np.array_equal(np.round(step["scores"].ravel(), 8), NOTES_DOT):
            found = i
            break
    assert found is not None and found >= 10_000
    assert notes.notes_facts()["notes_dot_iteration"] == f"{found:,}"
    assert verdicts["dot_printout"] == notes.FAILS


def test_final_output_and_prediction_hold(verdicts: dict[str, str]) -> None:
    """The notes' final l1 and their X1 prediction are what 10,000 iterations really give."""
    *_, last = two_layer_steps(10_000)
    l1, prediction = last["l1"], sigmoid(np.dot(X1, last["syn0_after"])).ravel()
    assert np.array_equal(np.round(l1.ravel(), 8), NOTES_FINAL)
    assert np.array_equal(np.round(prediction, 8), NOTES_X1)
    assert np.round(prediction).tolist() == X1[:, 0].tolist()
    assert verdicts["l1_final"] == verdicts["x1_prediction"] == verdicts["x1_rounded"] == notes.HOLDS


def test_only_one_row_of_x1_is_new(verdicts: dict[str, str]) -> None:
    """Three rows of X1 are training rows, including the first: the notes call the first two new."""
    seen = [row.tolist() in X.tolist() for row in X1]
    assert seen == [True, False, True, True]
    assert verdicts["x1_new_rows"] == notes.FAILS


def test_sigmoid_claims(verdicts: dict[str, str]) -> None:
    """sigmoid(0) is a half; sigmoid(4) is near 1 but not within a thousandth; e is right but misnamed."""
    assert sigmoid(0.0) == 0.5 and verdicts["sigmoid_zero"] == notes.HOLDS
    assert 0.001 < 1 - sigmoid(4.0) < 0.05 and sigmoid(-4.0) == pytest.approx(1 - sigmoid(4.0))
    assert verdicts["sigmoid_four"] == notes.PARTLY
    assert sigmoid(40.0) == 1.0 and verdicts["sigmoid_range"] == notes.PARTLY
    assert round(float(np.exp(1)), 3) == 2.718 and float(np.log(np.exp(1))) == 1.0
    assert verdicts["exp_e"] == notes.PARTLY


def test_random_weights(verdicts: dict[str, str]) -> None:
    """Draws lie in [0, 1); the three starting weights do not average 0 although the drawing does."""
    draws = np.random.RandomState(3).random_sample(100_000)
    assert draws.min() >= 0 and draws.max() < 1 and verdicts["random_range"] == notes.HOLDS
    syn0 = next(two_layer_steps(1))["syn0"]
    assert abs(syn0.mean()) > 0.1 and abs(draws.mean() - 0.5) < 0.01
    assert verdicts["mean_zero"] == notes.PARTLY


def test_line_counts(verdicts: dict[str, str]) -> None:
    """The Part 2 script is 8 lines longer, and 8 (not 4) without blanks and comments; the loop has 5 lines."""
    scripts = Path(notes.SCRIPTS)
    two = (scripts / "two_layer.py").read_text().splitlines()
    three = (scripts / "three_layer.py").read_text().splitlines()

    def code(lines: list[str]) -> int:
        return sum(1 for line in lines if line.strip() and not line.lstrip().startswith("#"))

    assert len(three) - len(two) == 8
    assert code(three) - code(two) == 8
    assert verdicts["longer"] == notes.PARTLY
    loop = two[two.index("for iter in range(10000):") + 1 : two.index('print("Output After Training:")')]
    assert code(loop) == 5 and verdicts["loop_lines"] == notes.FAILS
    assert verdicts["iterations"] == notes.HOLDS


def test_small_numpy_examples(verdicts: dict[str, str]) -> None:
    """The subtraction and matrix product examples give what the notes say."""
    assert (np.array([[5], [4], [3]]) - 1).tolist() == [[4], [3], [2]]
    assert (np.array([[1, 2, 3], [4, 5, 6]]) @ np.array([[7, 8], [9, 10], [11, 12]])).tolist() == [
        [58, 64],
        [139, 154],
    ]
    assert verdicts["subtraction"] == verdicts["matrix_product"] == verdicts["dot_shape"] == notes.HOLDS


def test_l1_is_the_output_layer(verdicts: dict[str, str]) -> None:
    """In the 42-line script nothing is computed from l1 and it is printed last: not a hidden layer."""
    source = (Path(notes.SCRIPTS) / "two_layer.py").read_text()
    assert "np.dot(l1" not in source and source.rstrip().endswith("print(l1)")
    assert verdicts["hidden_layer"] == notes.FAILS


def test_verdicts_follow_the_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    """The verdicts are decided by comparison: give the notes the right numbers and they hold."""
    second = [step["l1"].ravel() for step in two_layer_steps(2)][1]
    monkeypatch.setattr(notes, "NOTES_L1_SECOND", np.round(second, 2).tolist())
    monkeypatch.setattr(notes, "NOTES_LOOP_LINES", 5)
    checked = {c.key: c.verdict for c in notes.claims()}
    assert checked["l1_second"] == checked["loop_lines"] == notes.HOLDS


@pytest.mark.parametrize(("steepness", "expected"), [(3.0, notes.HOLDS), (1.0, notes.PARTLY), (1 / 3, notes.FAILS)])
def test_sigmoid_four_verdict_follows_the_gap(monkeypatch: pytest.MonkeyPatch, steepness: float, expected: str) -> None:
    """A steeper sigmoid is within a thousandth of its ends at ±4, a flatter one not within a twentieth."""
    notes.dot_scan()  # cached with the real sigmoid before it is swapped
    gap = 1 - sigmoid(4.0 * steepness)
    assert (gap < 0.001, gap < 0.05) == {notes.HOLDS: (True, True), notes.PARTLY: (False, True)}.get(
        expected, (False, False)
    )
    real = notes.nonlin
    monkeypatch.setattr(notes, "nonlin", lambda x, deriv=False: real(x, True) if deriv else sigmoid(steepness * x))
    (row,) = [c for c in notes.claims() if c.key == "sigmoid_four"]
    assert row.verdict == expected


def test_page_shows_every_verdict(built_site: Path) -> None:
    """The built page has a table row for every claim, with the verdict computed for it."""
    page = (built_site / "part-1" / "checking-the-notes" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr>(.*?)</tr>", page, re.S)
    cells = [
        [html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<td>(.*?)</td>", r, re.S)] for r in rows
    ]
    table = {row[0]: row[2] for row in cells if len(row) == 3}
    claims = notes.claims()
    assert len(table) == len(claims)
    for claim in claims:
        assert table[html.unescape(re.sub(r"<[^>]+>|`", "", claim.said))] == claim.verdict
    assert f"iteration {notes.notes_facts()['notes_dot_iteration']}" in html.unescape(page)
