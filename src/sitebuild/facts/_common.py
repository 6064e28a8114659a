"""What the facts modules share: the trained runs, the scripts, and how numbers and tables are written."""

from __future__ import annotations

import contextlib
import io
import runpy
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

import numpy as np

from tinynet import ThreeLayerRun, TwoLayerRun, X, nonlin, train_three_layer, train_two_layer, y

SCRIPTS = Path(__file__).resolve().parents[2] / "tinynet"

# iterations whose variables the pages show: syn0 in the line-by-line takeaway, the error shrinking, l1 early on
HISTORY = (0, 1, 2, 3, 10, 100, 1000, 9999)
# iterations the weight plot draws: every early one, then steps evenly spread on a log scale up to the last
PLOTTED = sorted({*range(10), *(int(i) for i in np.geomspace(10, 9999, 120))})

WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


@cache
def trained() -> TwoLayerRun:
    """The two-layer network trained as the script does, with every iteration's error and the iterations shown."""
    return train_two_layer(record={*HISTORY, *PLOTTED}, track_error=True)


@cache
def trained_three() -> ThreeLayerRun:
    """The three-layer network trained as the script does, first iteration recorded."""
    return train_three_layer(record=[0])


@cache
def trained_longer() -> TwoLayerRun:
    """The two-layer network trained ten times as long, recording the iterations where shorter runs would end."""
    return train_two_layer(iterations=100_000, record=(999, 9_999, 19_999, 99_999))


def scores(syn0: np.ndarray, with_slope: bool = True) -> Iterator[np.ndarray]:
    """np.dot(l0, syn0) at each iteration of the two-layer loop from syn0, without end; update with the slope or not."""
    syn0 = syn0.copy()
    while True:
        score = np.dot(X, syn0)
        yield score
        l1 = nonlin(score)
        syn0 += np.dot(X.T, (y - l1) * nonlin(l1, True) if with_slope else y - l1)


def source(name: str) -> str:
    """The text of a script of src/tinynet."""
    return (SCRIPTS / name).read_text(encoding="utf-8")


@cache
def run_script(name: str) -> tuple[dict, str]:
    """Run a script of src/tinynet as a program: its globals and what it printed."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        namespace = runpy.run_path(str(SCRIPTS / name), run_name="__main__")
    return namespace, out.getvalue()


def num(value: float, digits: int = 4) -> str:
    """A number rounded to `digits` decimals, without trailing zeros or a negative zero."""
    text = np.format_float_positional(round(float(value), digits), precision=digits, trim="-")
    return "0" if text == "-0" else text


def fixed(value: float, digits: int = 4) -> str:
    """A number to `digits` decimals, trailing zeros kept (for a table's column), no negative zero."""
    text = f"{float(value):.{digits}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def figures(value: float, count: int = 4) -> str:
    """A number to `count` significant figures, trailing zeros kept (0.220, not 0.22)."""
    value = float(value)
    if value == 0:
        return "0"
    places = max(0, count - 1 - int(np.floor(np.log10(abs(value)))))
    return f"{value:.{places}f}"


def listed(values, digits: int = 2) -> str:
    """Numbers as a comma-separated list, each to `digits` decimals: 0.26, 0.36."""
    return ", ".join(fixed(v, digits) for v in np.ravel(values))


def vector(values, digits: int = 4) -> str:
    """A column of numbers as a bracketed list, each to `digits` decimals but an exact 0: [-0.1660, 0, 0.4406]."""
    return "[" + ", ".join("0" if v == 0 else fixed(v, digits) for v in np.ravel(values)) + "]"


def word(count: int) -> str:
    """A small count as prose writes it ("four"), larger ones in digits."""
    return WORDS[count] if count < len(WORDS) else str(count)


def row(cells: Iterable[object]) -> str:
    """One Markdown table row."""
    return "| " + " | ".join(str(c) for c in cells) + " |"


def table(header: list[str], rows: Iterable[Iterable[object]], rule: str = "") -> str:
    """A Markdown table: the header, the rule under it (`| --- |` for each column unless given), a line a row."""
    return "\n".join([row(header), rule or row(["---"] * len(header)), *map(row, rows)])
