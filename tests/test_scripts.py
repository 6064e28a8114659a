"""The canonical scripts print what the 2015 post published, on the lines it had them."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import numpy as np

from support.published import PUBLISHED_ERRORS, PUBLISHED_L1, PUBLISHED_X1
from support.scripts import script_globals

SRC = Path(__file__).resolve().parent.parent / "src" / "tinynet"


def run_script(name: str) -> str:
    """Run a canonical script as `python <file>` and return what it printed."""
    done = subprocess.run([sys.executable, str(SRC / name)], capture_output=True, text=True, check=True)
    assert done.stderr == ""
    return done.stdout


def within_half_unit(value: float, published: str) -> bool:
    """True when value rounds to the published text: within half a unit of its last digit."""
    exponent = Decimal(published).as_tuple().exponent
    assert isinstance(exponent, int)
    half_unit = Decimal(5).scaleb(exponent - 1)
    return abs(Decimal(repr(float(value))) - Decimal(published)) <= half_unit


def test_two_layer_prints_the_published_output() -> None:
    """python two_layer.py prints the heading and the four values the post shows."""
    lines = run_script("two_layer.py").splitlines()
    assert lines[0] == "Output After Training:"
    printed = [float(line.strip(" []")) for line in lines[1:]]
    assert len(printed) == 4
    for value, published in zip(printed, PUBLISHED_L1, strict=True):
        assert within_half_unit(value, published), (value, published)


def test_two_layer_full_precision_output_rounds_to_the_published_digits() -> None:
    """Not only the printout: the float64 values themselves round to the published digits."""
    namespace = _run_namespace("two_layer.py")
    for value, published in zip(namespace["l1"].ravel(), PUBLISHED_L1, strict=True):
        assert within_half_unit(value, published)


def test_the_notes_x1_prediction() -> None:
    """The notes' new rows X1, run through the trained syn0, give their published values."""
    namespace = _run_namespace("two_layer.py")
    X1 = np.array([[0, 1, 1], [1, 1, 0], [1, 0, 1], [1, 1, 1]])
    prediction = namespace["nonlin"](np.dot(X1, namespace["syn0"]))
    for value, published in zip(prediction.ravel(), PUBLISHED_X1, strict=True):
        assert within_half_unit(value, published), (value, published)


def test_three_layer_prints_the_six_published_errors() -> None:
    """python three_layer.py prints six error lines that agree with the post to every published digit."""
    lines = run_script("three_layer.py").splitlines()
    assert len(lines) == 6
    for line, published in zip(lines, PUBLISHED_ERRORS, strict=True):
        assert line.startswith("Error:")
        value = float(line.removeprefix("Error:"))
        # Python 2 printed str(float) with 12 significant digits
        assert f"{value:.12g}" == published


def test_eleven_lines_prints_nothing_and_matches_the_fifty() -> None:
    """The 11-line version prints nothing, and with the same seed ends on the 50-line script's weights."""
    assert run_script("eleven_lines.py") == ""
    eleven = _run_namespace("eleven_lines.py")
    fifty = _run_namespace("three_layer.py")
    assert np.array_equal(eleven["syn0"], fifty["syn0"])
    assert np.array_equal(eleven["syn1"], fifty["syn1"])


def test_the_facts_lines_the_issue_names() -> None:
    """The lines the post and the notes refer to by number are where they say."""
    two = (SRC / "two_layer.py").read_text().splitlines()
    three = (SRC / "three_layer.py").read_text().splitlines()
    assert two[22].startswith("syn0 = ")
    assert two[28].strip().startswith("l1 = ")
    assert two[35].strip().startswith("l1_delta = ")
    assert two[38].strip().startswith("syn0 += ")
    assert [two[40], two[41]] == ['print("Output After Training:")', "print(l1)"]
    assert three[42] == "    l1_error = l2_delta.dot(syn1.T)"
    eleven = (SRC / "eleven_lines.py").read_text().splitlines()
    assert "seed" in eleven[0] and "#" in eleven[0]
    assert len(eleven) - 1 == 11


def _run_namespace(name: str) -> dict:
    """The globals of a canonical script run in this process (once per session)."""
    return script_globals(name)
