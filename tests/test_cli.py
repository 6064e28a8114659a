"""The command line: readable output on the happy paths, one line and status 2 on bad input."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from tinynet import X1, train_three_layer, train_two_layer
from tinynet.cli import parse_iterations, run


def tinynet(*args: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m tinynet` with args, as a reader would."""
    return subprocess.run([sys.executable, "-m", "tinynet", *args], capture_output=True, text=True, check=False)


def test_two_layer_default_prints_the_script_output() -> None:
    """With no options it prints exactly what two_layer.py prints."""
    done = tinynet("two-layer")
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout == f"Output After Training:\n{train_two_layer().l1}\n"


def test_show_reproduces_the_notes_printout() -> None:
    """--show prints np.dot(l0,syn0) and l1 at each chosen iteration, as the notes' extra prints did."""
    done = tinynet("two-layer", "--show", "0-3,9998-9999")
    assert done.returncode == 0
    run = train_two_layer(record=[0, 1, 2, 3, 9998, 9999])
    lines = done.stdout
    for i, snap in run.snapshots.items():
        assert f"np.dot(l0,syn0) at iteration {i}: {np.dot(snap.l0, snap.syn0)}\nl1 = {snap.l1}\n" in lines
    assert lines.index("iteration 3:") < lines.index("iteration 9998:")


def test_predict_the_notes_new_rows() -> None:
    """--predict gives the X1 prediction of the notes, row by row, to 8 decimals."""
    args = [arg for row in X1 for arg in ("--predict", ",".join(map(str, row)))]
    done = tinynet("two-layer", *args)
    assert done.returncode == 0
    expected = train_two_layer().predict(X1).ravel()
    for row, value in zip(X1.tolist(), expected, strict=True):
        assert f"{row} -> {value:.8f}" in done.stdout
    assert "[1, 1, 0] -> 0.99992250" in done.stdout


def test_three_layer_prints_the_error_log_and_output() -> None:
    """three-layer prints the six error lines, then the trained output."""
    done = tinynet("three-layer")
    run = train_three_layer()
    expected = "".join(f"Error:{e}\n" for _, e in run.error_log) + f"Output After Training:\n{run.l2}\n"
    assert done.returncode == 0 and done.stdout == expected


def test_iterations_and_seed_change_the_run() -> None:
    """--iterations and --seed reach the training."""
    done = tinynet("two-layer", "--iterations", "50", "--seed", "3")
    assert done.stdout == f"Output After Training:\n{train_two_layer(iterations=50, seed=3).l1}\n"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["two-layer", "--predict", "1,1"], "each row needs 3"),
        (["two-layer", "--predict", "1,1,0,1"], "each row needs 3"),
        (["two-layer", "--predict", "1,2,0"], "only 0 and 1"),
        (["two-layer", "--predict", "a,b,c"], "only 0 and 1"),
        (["two-layer", "--iterations", "-5"], "negative"),
        (["two-layer", "--iterations", "ten"], "not a whole number"),
        (["two-layer", "--show", "3-x"], "cannot read iterations"),
        (["two-layer", "--show", "5-2"], "cannot read iterations"),
        (["two-layer", "--show", "20000"], "is not run: iterations go from 0 to 9999"),
        (["two-layer", "--iterations", "1", "--show", "3"], "is not run: only iteration 0 runs"),
        (["two-layer", "--iterations", "0", "--show", "0"], "is not run: no iteration runs"),
        (["two-layer", "--seed", "abc"], "not an integer"),
        (["two-layer", "--seed", "1.5"], "not an integer"),
        (["two-layer", "--seed", "-1"], "outside"),
        (["four-layer"], "invalid choice"),
        ([], "required"),
        (["three-layer", "--predict", "0,1"], "each row needs 3"),
        (["two-layer", "--bogus"], "unrecognized"),
    ],
)
def test_bad_input_gets_one_line_and_status_2(args: list[str], says: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Every kind of bad input: exit status 2, nothing on stdout, one line on stderr, no traceback."""
    status = run(args)
    out, err = capsys.readouterr()
    assert status == 2
    assert out == ""
    assert len(err.splitlines()) == 1, err
    assert err.startswith("error: ") and says in err


@pytest.mark.parametrize("args", [["two-layer", "--predict", "1,2"], ["four-layer"], ["two-layer", "--seed", "x"]])
def test_bad_input_in_a_real_process(args: list[str]) -> None:
    """The same holds for `python -m tinynet` itself: status 2, one line, never a traceback."""
    done = tinynet(*args)
    assert done.returncode == 2 and done.stdout == ""
    assert len(done.stderr.splitlines()) == 1 and "Traceback" not in done.stderr


def test_zero_iterations_shows_the_untrained_output() -> None:
    """With 0 iterations there is no training; the untrained network's output is shown and labelled."""
    done = tinynet("two-layer", "--iterations", "0")
    assert done.returncode == 0 and "Without Training" in done.stdout


def test_parse_iterations() -> None:
    """Ranges and single numbers, comma-separated."""
    assert parse_iterations("0-3,9998-9999") == [0, 1, 2, 3, 9998, 9999]
    assert parse_iterations("7") == [7]
