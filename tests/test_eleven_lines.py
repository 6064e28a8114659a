"""The 11-line script learns exactly what the 50-line one does, and the page's mapping between them holds."""

from __future__ import annotations

import ast
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


def statements(source: str) -> dict[int, ast.stmt]:
    """Each line of code -> its statement (for a compound statement, its header line alone)."""
    found: dict[int, ast.stmt] = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.stmt):
            last = node.lineno if hasattr(node, "body") else node.end_lineno
            found.update(dict.fromkeys(range(node.lineno, (last or node.lineno) + 1), node))
    return found


NODES = statements("\n".join(FIFTY))
STATEMENTS = {number: (node.lineno, node.lineno if hasattr(node, "body") else node.end_lineno or 0)
              for number, node in NODES.items()}  # fmt: skip


def statement_text(span: tuple[int, int]) -> str:
    """The text of a statement of the 50-line script, its lines joined."""
    return "\n".join(FIFTY[span[0] - 1 : span[1]])


def uses(text: str, name: str) -> bool:
    """Whether code uses a name as a whole word."""
    return re.search(rf"\b{re.escape(name)}\b", text) is not None


def alias(span: tuple[int, int]) -> tuple[str, str] | None:
    """(a, b) when a statement is `a = b` between two names, else None."""
    node = NODES[span[0]]
    if isinstance(node, ast.Assign) and isinstance(node.value, ast.Name) and isinstance(node.targets[0], ast.Name):
        return node.targets[0].id, node.value.id
    return None


def mapping_problems(mapping: dict[int, list[tuple[int, str]]]) -> list[str]:
    """What is wrong with a map from 11-line script lines to 50-line script lines (empty when it holds).

    Each row names lines of the 50-line script, each with a piece of text on both lines. A row must name
    whole statements, and each statement it names must be pinned down: by a piece found in no statement
    the row does not name, by assigning the very name the short line assigns (and no other statement
    does), or, for an alias `l0 = X`, by the short line using X where the row's other lines use l0.
    """
    problems = []
    for short, targets in mapping.items():
        line = ELEVEN[short - 1]
        numbers = [number for number, _ in targets]
        if len(set(numbers)) != len(numbers):
            problems.append(f"line {short}: a long line named twice")
        named: dict[tuple[int, int], list[str]] = {}
        for number, piece in targets:
            if not 1 <= number <= len(FIFTY) or number not in STATEMENTS:
                problems.append(f"line {short}: long line {number} holds no code")
                continue
            if piece not in line or piece not in FIFTY[number - 1]:
                problems.append(f"line {short}: {piece!r} is not on both line {short} and long line {number}")
            named.setdefault(STATEMENTS[number], []).append(piece)
        others = [span for span in set(STATEMENTS.values()) if span not in named]
        for span, pieces in named.items():
            if set(range(span[0], span[1] + 1)) - set(numbers):
                problems.append(f"line {short}: names part of the statement on long lines {span[0]}-{span[1]}")
            distinct = any(all(p not in statement_text(o) for o in others) for p in pieces)
            same_name = assigned(line) and assigned(line) == assigned(statement_text(span).strip())
            same_name = same_name and not any(assigned(line) & assigned(statement_text(o).strip()) for o in others)
            pair = alias(span)
            rest = [statement_text(o) for o in named if o != span]
            aliased = pair is not None and uses(line, pair[1]) and not uses(line, pair[0])
            aliased = aliased and any(uses(text, pair[0]) for text in rest)
            if not (distinct or same_name or aliased):
                problems.append(f"line {short}: nothing ties it to long lines {span[0]}-{span[1]} rather than others")
        made_long = set().union(*(assigned(FIFTY[n - 1]) for n in numbers if 1 <= n <= len(FIFTY)))
        if not assigned(line) <= made_long:
            problems.append(f"line {short}: the long lines do not assign {assigned(line)}")
    return problems


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
    original = script_globals("eleven_lines.py")  # the script's own run, shared with the test above
    changed: dict = {}
    exec(compile(regrouped, "eleven_lines.py (regrouped)", "exec"), changed)
    assert np.allclose(changed["syn0"], original["syn0"])
    assert changed["syn0"].tobytes() != original["syn0"].tobytes()


def test_the_mapping_covers_every_line() -> None:
    """Every line of eleven_lines.py has a row in the table, and nothing else does."""
    assert sorted(ELEVEN_TO_FIFTY) == list(range(1, len(ELEVEN) + 1))


def test_the_mapping_holds() -> None:
    """Every row names whole statements of the 50-line script, each tied to the short line by what it holds."""
    assert mapping_problems(ELEVEN_TO_FIFTY) == []
    for targets in ELEVEN_TO_FIFTY.values():
        for number, _ in targets:
            section_anchor(number)  # a section of the three-layer page shows the line


def test_every_wrong_long_line_is_caught() -> None:
    """Point any one entry of the map at any other line of the 50-line script: the check above fails."""
    escaped = []
    for short, targets in ELEVEN_TO_FIFTY.items():
        for index, (number, piece) in enumerate(targets):
            for wrong in range(1, len(FIFTY) + 1):
                if wrong == number:
                    continue
                changed = dict(ELEVEN_TO_FIFTY)
                changed[short] = [*targets[:index], (wrong, piece), *targets[index + 1 :]]
                if not mapping_problems(changed):
                    escaped.append((short, number, wrong))
    assert escaped == []


def test_one_character_pieces_alone_prove_nothing() -> None:
    """The audit's breakage: line 15's piece "1" moved to line 19 (which holds a 1 too) is caught."""
    changed = dict(ELEVEN_TO_FIFTY)
    changed[3] = [(19, p) if n == 15 else (n, p) for n, p in ELEVEN_TO_FIFTY[3]]
    assert "1" in FIFTY[18]
    problems = mapping_problems(changed)
    assert "line 3: names part of the statement on long lines 14-17" in problems
    assert "line 3: nothing ties it to long lines 19-19 rather than others" in problems
