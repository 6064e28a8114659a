"""Command line: train either network, watch chosen iterations, try new rows."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import numpy as np

from tinynet.data import X
from tinynet.network import Snapshot, train_three_layer, train_two_layer

# bounds on every argument, checked before any training: generous for a learner, and the
# largest accepted run (three-layer, 100000 iterations, 1000 shown) still ends in seconds
MAX_ITERATIONS = 100_000
MAX_SHOWN = 1_000
MAX_ROWS = 8
MAX_SEED = 2**32 - 1


class UsageError(Exception):
    """Bad input on the command line: reported in one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """An argument parser that reports bad input in one line instead of a usage block."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def parse_iterations(text: str) -> list[int]:
    """Read '0-3,9998-9999' into [0, 1, 2, 3, 9998, 9999]; refuse more than MAX_SHOWN iterations."""
    chosen: list[int] = []
    for part in text.split(","):
        first, dash, last = part.strip().partition("-")
        try:
            start = int(first)
            stop = int(last) if dash else start
        except ValueError:
            raise UsageError(f"cannot read iterations {text!r}: use numbers and ranges like 0-3,9998-9999") from None
        if start < 0 or stop < start:
            raise UsageError(f"cannot read iterations {text!r}: a range runs from a smaller to a larger number, from 0")
        if stop >= MAX_ITERATIONS:
            raise UsageError(f"cannot show iteration {stop}: no run goes past iteration {MAX_ITERATIONS - 1}")
        if len(chosen) + stop - start + 1 > MAX_SHOWN:
            raise UsageError(f"cannot show iterations {text!r}: at most {MAX_SHOWN} iterations can be shown")
        chosen.extend(range(start, stop + 1))
    return chosen


def parse_row(text: str, width: int = 3) -> list[int]:
    """Read '1,1,0' into [1, 1, 0]: exactly `width` values, each 0 or 1."""
    values = [v.strip() for v in text.split(",")]
    if len(values) != width:
        raise UsageError(f"row {text!r} has {len(values)} values; each row needs {width}, like 1,1,0")
    if any(v not in ("0", "1") for v in values):
        raise UsageError(f"row {text!r} must hold only 0 and 1")
    return [int(v) for v in values]


def parse_rows(texts: Sequence[str]) -> list[list[int]]:
    """Read every --predict row; refuse more than MAX_ROWS."""
    if len(texts) > MAX_ROWS:
        raise UsageError(f"{len(texts)} rows given: at most {MAX_ROWS} --predict rows")
    return [parse_row(text) for text in texts]


def _count(text: str) -> int:
    """Read an iteration count: a whole number from 0 to MAX_ITERATIONS."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} is negative: the count must be 0 to {MAX_ITERATIONS}")
    if value > MAX_ITERATIONS:
        raise argparse.ArgumentTypeError(f"{value} is too many: the count must be 0 to {MAX_ITERATIONS}")
    return value


def _seed(text: str) -> int:
    """Read a seed: a whole number from 0 to 2**32 - 1, as numpy accepts."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an integer") from None
    if not 0 <= value <= MAX_SEED:
        raise argparse.ArgumentTypeError(f"{value} is outside 0 to {MAX_SEED}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The parser with one subcommand per network."""
    parser = _Parser(prog="python -m tinynet", description=__doc__)
    networks = parser.add_subparsers(dest="network", required=True, metavar="{two-layer,three-layer}")
    for name, iterations, about in (
        ("two-layer", 10000, "the 42-line network of Part 1 (src/tinynet/two_layer.py)"),
        ("three-layer", 60000, "the 50-line network of Part 2 (src/tinynet/three_layer.py)"),
    ):
        sub = networks.add_parser(name, help=about, description=f"Train {about}.")
        sub.error = parser.error  # type: ignore[method-assign]
        sub.add_argument(
            "--iterations",
            type=_count,
            default=iterations,
            help=f"training iterations, 0 to {MAX_ITERATIONS} (default {iterations})",
        )
        sub.add_argument(
            "--seed", type=_seed, default=1, help=f"seed for the initial weights, 0 to {MAX_SEED} (default 1)"
        )
        sub.add_argument(
            "--show",
            metavar="RANGES",
            help=f"iterations to print, such as 0-3,9998-9999 (at most {MAX_SHOWN}, each below the count)",
        )
        sub.add_argument(
            "--predict",
            action="append",
            default=[],
            metavar="ROW",
            help=f"a new row to try, like 1,1,0 (repeatable, at most {MAX_ROWS} rows)",
        )
    return parser


def _one_line(text: str) -> str:
    """Text with every unprintable character (a newline, a form feed) escaped, so that it fills one line."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _show(snapshot: Snapshot, hidden: bool) -> None:
    """Print one iteration as the extra print lines of "A modern neural network in 11 lines of Python" did."""
    i = snapshot.iteration
    if hidden:
        print(f"np.dot(l1,syn1) at iteration {i}: {np.dot(snapshot.l1, snapshot.syn1)}")
        print(f"l2 = {snapshot.l2}")
    else:
        print(f"np.dot(l0,syn0) at iteration {i}: {np.dot(snapshot.l0, snapshot.syn0)}")
        print(f"l1 = {snapshot.l1}")


def run(argv: Sequence[str] | None = None) -> int:
    """Parse argv, train, print; return the exit status."""
    try:
        args = build_parser().parse_args(argv)
        show = parse_iterations(args.show) if args.show else []
        rows = parse_rows(args.predict)
        beyond = [i for i in show if i >= args.iterations]
        if beyond:
            runs = {0: "no iteration runs", 1: "only iteration 0 runs"}
            ran = runs.get(args.iterations, f"iterations go from 0 to {args.iterations - 1}")
            raise UsageError(f"iteration {beyond[0]} is not run: {ran}")
    except UsageError as problem:
        print(f"error: {_one_line(str(problem))}", file=sys.stderr)
        return 2
    except SystemExit:  # argparse exits only after printing --help (its errors raise UsageError)
        return 0
    three = args.network == "three-layer"
    train = train_three_layer if three else train_two_layer
    result = train(iterations=args.iterations, seed=args.seed, record=show)
    logged = dict(result.error_log) if three else {}
    for i in sorted(set(show) | set(logged)):
        if i in logged:
            print(f"Error:{logged[i]}")
        if i in result.snapshots:
            _show(result.snapshots[i], three)
    final = result.l2 if three else result.l1
    if final is None:
        print("Output Without Training (0 iterations):")
        final = result.predict(X)
    else:
        print("Output After Training:")
    print(final)
    if rows:
        print("Prediction for the new rows:")
        values = result.predict(np.array(rows))[:, 0]
        for i, row in enumerate(rows):
            print(f"  {row} -> {values[i]:.8f}")
    return 0


def main() -> None:
    """Entry point for `python -m tinynet`."""
    sys.exit(run())
