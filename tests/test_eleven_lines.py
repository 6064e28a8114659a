"""The 11-line script learns exactly what the 50-line one does, and the page's mapping between them holds."""

from __future__ import annotations

import re

import numpy as np
import pytest

from sitebuild.facts.part2 import ELEVEN_TO_FIFTY, SCRIPTS, section_anchor
from support.scripts import script_globals

ELEVEN = (SCRIPTS / "eleven_lines.py").read_text(encoding="utf-8").splitlines()
ASSIGNMENT = re.compile(r"^\s*([A-Za-z_]\w*)\s*\+?=(?!=)")
FIFTY = (SCRIPTS / "three_layer.py").read_text(encoding="utf-8").splitlines()


def assigned(line: str) -> set[str]:
    """The name a line of a script assigns to (`x = ...` or `x += ...`), if any."""
    match = ASSIGNMENT.match(line)
    return {match[1]} if match else set()


def test_same_seed_same_weights_bit_for_bit(capsys: pytest.CaptureFixture[str]) -> None:
    """Run as programs, both scripts end with the very same bytes in syn0 and syn1."""
    eleven = script_globals("eleven_lines.py")
    fifty = script_globals("three_layer.py")
    for name in ("syn0", "syn1", "l2"):
        assert eleven[name].tobytes() == fifty[name].tobytes(), name


def test_the_comparison_can_fail() -> None:
    """Regrouping one product ((y-l2)*l2*(1-l2)) changes the last bits: bit for bit is a strict test."""
    source = "\n".join(ELEVEN)
    regrouped = source.replace("(y - l2)*(l2*(1-l2))", "(y - l2)*l2*(1-l2)")
    assert regrouped != source
    original: dict = {}
    changed: dict = {}
    exec(compile(source, "eleven_lines.py", "exec"), original)
    exec(compile(regrouped, "eleven_lines.py (regrouped)", "exec"), changed)
    assert np.allclose(changed["syn0"], original["syn0"])
    assert changed["syn0"].tobytes() != original["syn0"].tobytes()


def test_the_mapping_covers_every_line() -> None:
    """Every line of eleven_lines.py has a row in the table, and nothing else does."""
    assert sorted(ELEVEN_TO_FIFTY) == list(range(1, len(ELEVEN) + 1))


@pytest.mark.parametrize("short", sorted(ELEVEN_TO_FIFTY))
def test_each_mapping_matches_the_scripts(short: int) -> None:
    """Each row's shared text stands on both lines, and the long lines assign what the short line assigns."""
    long_lines = ELEVEN_TO_FIFTY[short]
    for number, shared in long_lines:
        assert shared in ELEVEN[short - 1], (short, shared)
        assert shared in FIFTY[number - 1], (number, shared)
        section_anchor(number)  # a section of the three-layer page shows the line
    made_long = set().union(*(assigned(FIFTY[n - 1]) for n, _ in long_lines))
    assert assigned(ELEVEN[short - 1]) <= made_long, short


def test_a_wrong_mapping_is_caught() -> None:
    """A row pointing at the wrong long line fails the text check used above."""
    number, shared = ELEVEN_TO_FIFTY[11][0]
    assert shared in FIFTY[number - 1]
    assert shared not in FIFTY[number]  # line 50, one below, does something else
