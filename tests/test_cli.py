"""The command line: readable output on the happy paths, one line and status 2 on bad input.

Expected outputs come from yardsticks, never from the API the command line calls: the published
numbers (tests/support/published.py), the canonical scripts' own printout, or the 42-line script's
loop written out again below in plain numpy.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import tinynet
from support.by_hand import two_layer_steps
from support.published import PUBLISHED_ERRORS, PUBLISHED_L1, PUBLISHED_X1
from support.scripts import script_run
from tinynet.cli import MAX_ITERATIONS, MAX_ROWS, MAX_SEED, MAX_SHOWN, build_parser, main, parse_iterations, run

# the post's data, typed again here so that the yardstick shares nothing with src/
X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]])
X1_ROWS = ["0,1,1", "1,1,0", "1,0,1", "1,1,1"]


def sigmoid(x: np.ndarray) -> np.ndarray:
    """The logistic function, written as the scripts' nonlin."""
    return 1 / (1 + np.exp(-x))


def two_layer_by_hand(iterations: int, seed: int = 1, watch: tuple[int, ...] = ()) -> tuple[np.ndarray, dict]:
    """The 42-line script's loop (support.by_hand): the last l1 and {i: (scores, l1)} at the watched iterations."""
    l1 = next(two_layer_steps(1, seed))["l1"]  # what the untrained network gives, for 0 iterations
    seen = {}
    for i, step in enumerate(two_layer_steps(iterations, seed)):
        l1 = step["l1"]
        if i in watch:
            seen[i] = (step["scores"], l1)
    return l1, seen


def three_layer_by_hand(iterations: int, watch: tuple[int, ...] = ()) -> str:
    """What the 50-line script computes, printed as the command line shows it (error every 10000, --show)."""
    state = np.random.RandomState(1)
    syn0 = 2 * state.random_sample((3, 4)) - 1
    syn1 = 2 * state.random_sample((4, 1)) - 1
    y = np.array([[0, 1, 1, 0]]).T
    printed = []
    for j in range(iterations):
        l1 = sigmoid(np.dot(X, syn0))
        l2 = sigmoid(np.dot(l1, syn1))
        l2_error = y - l2
        if j % 10000 == 0:
            printed.append(f"Error:{np.mean(np.abs(l2_error))}\n")
        if j in watch:
            printed.append(f"np.dot(l1,syn1) at iteration {j}: {np.dot(l1, syn1)}\nl2 = {l2}\n")
        l2_delta = l2_error * (l2 * (1 - l2))
        l1_delta = l2_delta.dot(syn1.T) * (l1 * (1 - l1))
        syn1 += l1.T.dot(l2_delta)
        syn0 += X.T.dot(l1_delta)
    return "".join(printed) + f"Output After Training:\n{l2}\n"


def cli(*args: str) -> tuple[int, str, str]:
    """Run the command line in this process: its status, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = run(list(args))
    return status, out.getvalue(), err.getvalue()


def tinynet_process(*args: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m tinynet` with args, as a reader would, on the code this test imports."""
    src = str(Path(tinynet.__file__).resolve().parents[1])
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [src, os.environ.get("PYTHONPATH")])))
    return subprocess.run(
        [sys.executable, "-m", "tinynet", *args], capture_output=True, text=True, check=False, env=env
    )


def printed_column(text: str) -> list[float]:
    """The numbers of a printed column vector such as [[0.1]\\n [0.2]]."""
    return [float(line.strip(" []")) for line in text.strip().splitlines()]


def test_two_layer_default_prints_the_script_output() -> None:
    """With no options it prints exactly what two_layer.py prints, and that is the post's output."""
    status, out, err = cli("two-layer")
    assert status == 0 and err == ""
    assert out == script_run("two_layer.py")[0]
    heading, _, column = out.partition("\n")
    assert heading == "Output After Training:"
    # the post printed 8 decimals; allow one unit of the last, for rounding that falls the other way on another CPU
    for value, published in zip(printed_column(column), PUBLISHED_L1, strict=True):
        assert abs(value - float(published)) <= 1e-8 + 1e-12, (value, published)


def test_a_real_process_prints_the_script_output() -> None:
    """`python -m tinynet two-layer` in its own process prints what the script prints."""
    done = tinynet_process("two-layer")
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout == script_run("two_layer.py")[0]


def test_show_reproduces_the_notes_printout() -> None:
    """--show prints np.dot(l0,syn0) and l1 at each chosen iteration, in order, as a plain loop computes them."""
    status, out, _ = cli("two-layer", "--show", "0-3,9998-9999")
    assert status == 0
    chosen = (0, 1, 2, 3, 9998, 9999)
    _, seen = two_layer_by_hand(10000, watch=chosen)
    expected = "".join(f"np.dot(l0,syn0) at iteration {i}: {seen[i][0]}\nl1 = {seen[i][1]}\n" for i in chosen)
    assert out.startswith(expected)
    assert out.removeprefix(expected) == script_run("two_layer.py")[0]


def test_predict_the_notes_new_rows() -> None:
    """--predict gives all four of the notes' published X1 values, to their 8 decimals."""
    status, out, err = cli("two-layer", *[arg for row in X1_ROWS for arg in ("--predict", row)])
    assert status == 0 and err == ""
    _, _, block = out.partition("Prediction for the new rows:\n")
    lines = block.splitlines()
    assert len(lines) == 4
    for line, row, published in zip(lines, X1_ROWS, PUBLISHED_X1, strict=True):
        shown, arrow, value = line.strip().partition(" -> ")
        assert arrow and shown == f"[{row.replace(',', ', ')}]"
        assert len(value.partition(".")[2]) == 8, line
        # one unit of the 8th decimal: the printed rounding may fall either way on another CPU
        assert abs(float(value) - float(published)) <= 1e-8 + 1e-12, (line, published)


def test_three_layer_prints_the_error_log_and_output() -> None:
    """three-layer prints the six published errors, then the trained output, as three_layer.py computes them."""
    status, out, _ = cli("three-layer")
    printed, script = script_run("three_layer.py")
    assert status == 0 and out == printed + f"Output After Training:\n{script['l2']}\n"
    errors = [float(line.removeprefix("Error:")) for line in out.splitlines()[:6]]
    # Python 2 printed 12 significant digits
    assert [f"{e:.12g}" for e in errors] == PUBLISHED_ERRORS


def test_three_layer_show_prints_the_hidden_layer() -> None:
    """three-layer --show prints np.dot(l1,syn1) and l2, after the error line of an iteration it logs."""
    status, out, _ = cli("three-layer", "--iterations", "3", "--show", "0-1")
    assert status == 0 and out == three_layer_by_hand(3, watch=(0, 1))
    assert out.count("Error:") == 1 and "np.dot(l0,syn0)" not in out


def test_iterations_and_seed_change_the_run() -> None:
    """--iterations and --seed reach the training: 50 iterations from seed 3, as a plain loop gives."""
    status, out, _ = cli("two-layer", "--iterations", "50", "--seed", "3")
    assert status == 0 and out == f"Output After Training:\n{two_layer_by_hand(50, seed=3)[0]}\n"
    assert cli("two-layer", "--iterations", "50", "--seed", "4")[1] != out


def test_zero_iterations_shows_the_untrained_output() -> None:
    """With 0 iterations there is no training; the untrained network's output is shown and labelled."""
    status, out, _ = cli("two-layer", "--iterations", "0")
    assert status == 0 and out == f"Output Without Training (0 iterations):\n{two_layer_by_hand(0)[0]}\n"


def test_zero_iterations_three_layer() -> None:
    """The three-layer network untrained: no error line, the output of its starting weights."""
    status, out, _ = cli("three-layer", "--iterations", "0", "--predict", "1,1,1")
    state = np.random.RandomState(1)
    syn0, syn1 = 2 * state.random_sample((3, 4)) - 1, 2 * state.random_sample((4, 1)) - 1
    l2 = sigmoid(np.dot(sigmoid(np.dot(X, syn0)), syn1))
    new = sigmoid(np.dot(sigmoid(np.dot([1, 1, 1], syn0)), syn1))[0]
    expected = (
        f"Output Without Training (0 iterations):\n{l2}\nPrediction for the new rows:\n  [1, 1, 1] -> {new:.8f}\n"
    )
    assert status == 0 and out == expected


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["two-layer", "--predict", "1,1"], "each row needs 3"),
        (["two-layer", "--predict", "1,1,0,1"], "each row needs 3"),
        (["two-layer", "--predict", "1,2,0"], "only 0 and 1"),
        (["two-layer", "--predict", "a,b,c"], "only 0 and 1"),
        (["two-layer", *["--predict", "1,1,0"] * (MAX_ROWS + 1)], f"at most {MAX_ROWS} --predict rows"),
        (["two-layer", "--iterations", "-5"], "negative"),
        (["two-layer", "--iterations", "ten"], "not a whole number"),
        (["two-layer", "--iterations", str(MAX_ITERATIONS + 1)], f"must be 0 to {MAX_ITERATIONS}"),
        (["three-layer", "--iterations", "9" * 5000], "not a whole number"),
        (["two-layer", "--show", "3-x"], "cannot read iterations"),
        (["two-layer", "--show", "5-2"], "cannot read iterations"),
        (["two-layer", "--show", "-3"], "cannot read iterations"),
        (["two-layer", "--show", "20000"], "is not run: iterations go from 0 to 9999"),
        (["two-layer", "--iterations", "1", "--show", "3"], "is not run: only iteration 0 runs"),
        (["two-layer", "--iterations", "0", "--show", "0"], "is not run: no iteration runs"),
        (["two-layer", "--show", "0-99999999999"], f"no run goes past iteration {MAX_ITERATIONS - 1}"),
        (["two-layer", "--show", f"{MAX_ITERATIONS}"], f"no run goes past iteration {MAX_ITERATIONS - 1}"),
        (["two-layer", "--show", f"0-{MAX_SHOWN}"], f"at most {MAX_SHOWN} iterations"),
        (["two-layer", "--show", f"0-{MAX_SHOWN - 1},5000"], f"at most {MAX_SHOWN} iterations"),
        (["two-layer", "--seed", "abc"], "not an integer"),
        (["two-layer", "--seed", "1.5"], "not an integer"),
        (["two-layer", "--seed", "-1"], f"outside 0 to {MAX_SEED}"),
        (["two-layer", "--seed", str(2**32)], "outside 0 to 4294967295"),
        (["four-layer"], "invalid choice"),
        ([], "required"),
        (["three-layer", "--predict", "0,1"], "each row needs 3"),
        (["two-layer", "--bogus"], "unrecognized"),
        (["two-layer", "x\ny\x0c"], "unrecognized arguments: x\\ny\\x0c"),
        (["two-layer", "a\\b'é"], "unrecognized arguments: a\\b'é"),
    ],
)
def test_bad_input_gets_one_line_and_status_2(args: list[str], says: str) -> None:
    """Every kind of bad input: exit status 2, nothing on stdout, one line on stderr, no traceback."""
    status, out, err = cli(*args)
    assert status == 2
    assert out == ""
    assert len(err.splitlines()) == 1, err
    assert err.startswith("error: ") and says in err, err


def test_the_bounds_are_inclusive() -> None:
    """The largest accepted values parse: MAX_ITERATIONS, MAX_SEED, MAX_SHOWN iterations up to the last."""
    args = build_parser().parse_args(["three-layer", "--iterations", str(MAX_ITERATIONS), "--seed", str(MAX_SEED)])
    assert (args.iterations, args.seed) == (MAX_ITERATIONS, MAX_SEED)
    assert build_parser().parse_args(["two-layer", "--iterations", "0", "--seed", "0"]).seed == 0
    last = MAX_ITERATIONS - 1
    assert parse_iterations(f"{last - MAX_SHOWN + 1}-{last}") == list(range(last - MAX_SHOWN + 1, MAX_ITERATIONS))
    status, out, _ = cli("two-layer", "--iterations", "2", *["--predict", "1,0,0"] * MAX_ROWS)
    assert status == 0 and out.count("[1, 0, 0] -> ") == MAX_ROWS


@pytest.mark.parametrize(("network", "lines", "script"), [("two-layer", 42, 1), ("three-layer", 50, 2)])
def test_help_states_the_bounds(network: str, lines: int, script: int) -> None:
    """--help names the command and its script, prints the options with their bounds, and exits with status 0."""
    status, out, err = cli(network, "--help")
    assert status == 0 and err == ""
    text = " ".join(out.split())
    assert text.startswith(f"usage: python -m tinynet {network} [-h]")
    assert f"Train the {lines}-line network of Part {script} (src/tinynet/{network.replace('-', '_')}.py)." in text
    assert "--show RANGES" in text and "--predict ROW" in text
    for bound in (f"0 to {MAX_ITERATIONS}", f"0 to {MAX_SEED}", f"at most {MAX_SHOWN}", f"at most {MAX_ROWS} rows"):
        assert bound in text, bound


def test_help_lists_both_networks() -> None:
    """The top-level --help says what the command does and what each network is."""
    status, out, _ = cli("--help")
    text = " ".join(out.split())
    assert status == 0 and text.startswith("usage: python -m tinynet [-h] {two-layer,three-layer}")
    assert "Command line: train either network, watch chosen iterations, try new rows." in text
    assert "two-layer the 42-line network of Part 1 (src/tinynet/two_layer.py)" in text
    assert "three-layer the 50-line network of Part 2 (src/tinynet/three_layer.py)" in text


@pytest.mark.parametrize("args", [["two-layer", "--predict", "1,2"], ["four-layer"], ["two-layer", "--seed", "x"]])
def test_bad_input_in_a_real_process(args: list[str]) -> None:
    """The same holds for `python -m tinynet` itself: status 2, one line, never a traceback."""
    done = tinynet_process(*args)
    assert done.returncode == 2 and done.stdout == ""
    assert len(done.stderr.splitlines()) == 1 and "Traceback" not in done.stderr


def test_parse_iterations() -> None:
    """Ranges and single numbers, comma-separated, in the order given."""
    assert parse_iterations("0-3,9998-9999") == [0, 1, 2, 3, 9998, 9999]
    assert parse_iterations("7") == [7]
    assert parse_iterations(" 5 , 2-3") == [5, 2, 3]


# random command lines: options with values in and out of bounds, ranges, rows and garbage, in any order
BOUNDS = [MAX_ITERATIONS, MAX_ITERATIONS + 1, MAX_SEED, MAX_SEED + 1, MAX_SHOWN]
NUMBERS = st.one_of(st.integers(-3, 40), st.sampled_from(BOUNDS), st.integers(-(10**30), 10**30)).map(str)
SMALL = st.one_of(st.integers(-5, 40), st.integers(-5, 10**12))
RANGES = st.lists(st.builds("{}-{}".format, SMALL, SMALL) | NUMBERS, min_size=1, max_size=3).map(",".join)
ROWS = st.one_of(
    st.lists(st.sampled_from("01"), min_size=3, max_size=3).map(",".join),
    st.lists(st.sampled_from(["0", "1", "2", " 1", "x", ""]), max_size=5).map(",".join),
)
NETWORKS = st.sampled_from(["two-layer", "three-layer"])
WORDS = st.sampled_from(["two-layer", "three-layer", "--iterations", "--seed", "--show", "--predict", "--it", "-h"])
PAIRS = st.one_of(
    st.tuples(st.just("--iterations"), NUMBERS),
    st.tuples(st.just("--seed"), NUMBERS),
    st.tuples(st.just("--show"), RANGES),
    st.tuples(st.just("--predict"), ROWS),
).map(list)
LOOSE = st.one_of(WORDS, NUMBERS, RANGES, ROWS, st.text(max_size=12)).map(lambda token: [token])
REST = st.lists(st.one_of(PAIRS, PAIRS, LOOSE), max_size=6).map(lambda groups: [t for group in groups for t in group])


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=st.one_of(NETWORKS, WORDS, st.text(max_size=12)), rest=REST, count=st.integers(0, 30))
def test_random_command_lines_end_in_status_0_or_2(first: str, rest: list[str], count: int) -> None:
    """Whatever the arguments, the command line exits 0 or 2, never with a traceback.

    A small --iterations closes each command line (unless garbage before it swallows it), so accepted runs are quick.
    """
    status, out, err = cli(first, *rest, "--iterations", str(count))
    event(f"status {status}")
    assert status in (0, 2)
    assert "Traceback" not in out + err
    if status == 2:
        assert out == "" and err.startswith("error: ") and len(err.splitlines()) == 1, err
    else:
        assert err == ""


def test_main_exits_with_the_status(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """main() reads sys.argv and exits with run()'s status."""
    monkeypatch.setattr(sys, "argv", ["tinynet", "two-layer", "--iterations", "1"])
    with pytest.raises(SystemExit) as done:
        main()
    assert done.value.code == 0 and capsys.readouterr().out.startswith("Output After Training:")
    monkeypatch.setattr(sys, "argv", ["tinynet", "four-layer"])
    with pytest.raises(SystemExit) as done:
        main()
    assert done.value.code == 2
