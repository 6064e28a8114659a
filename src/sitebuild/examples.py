"""The pages' examples: one Sybil set-up, used by the build and by the tests, that compares numbers as numbers.

A page's ```pycon sessions are checked line by line, its ```python blocks run, and its ```console
blocks' commands run and must print what follows them; a page's examples share one namespace.

Printed output matches the page (`matches`) when the text around the numbers is the same (a run of
white space counts as one space, `...` stands for anything) and every number agrees with the printed
one to the precision the page writes it with, at most 12 significant digits, as the 2015 post printed.
Past that, CPUs and BLAS kernels differ in the last bits, so a page never claims those digits.

The build runs `python -m sitebuild.examples PAGE ...` in a fresh interpreter, so that the code under
src/ is always the current one, also under `mkdocs serve`; tests/test_docs_examples.py runs the same
examples one test each.
"""

from __future__ import annotations

import contextlib
import doctest
import io
import json
import re
import runpy
import shlex
import sys
from decimal import Decimal
from pathlib import Path

from sybil import Example, Sybil
from sybil.evaluators.python import PythonEvaluator
from sybil.parsers.markdown import ClearNamespaceParser, CodeBlockParser, PythonCodeBlockParser, SkipParser

from sitebuild import ROOT

DOCS = ROOT / "docs"
FLAGS = doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS
# the precision of the 2015 post's printed numbers, and the most any machine is held to
SIGNIFICANT = 12
# a number standing on its own: not part of a name (syn0, l1_delta) or a version (3.11.7)
NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?(?![\w.]?\d)(?!\w)")
PIECES = re.compile(rf"(\.\.\.|\s+|{NUMBER.pattern})")


def tolerance(written: str) -> Decimal | None:
    """How far a printed number may be from this one: half a unit of its last digit, at most 12 significant digits.

    None for an integer, which must be printed exactly as written (a count, a shape, an index).
    """
    if not re.search(r"[.eE]", written):
        return None
    _, digits, exponent = Decimal(written).as_tuple()
    assert isinstance(exponent, int)
    significant = len(str(int("".join(map(str, digits)))))  # leading zeros of 0.00351 do not count
    return Decimal(5).scaleb(exponent + max(0, significant - SIGNIFICANT) - 1)


def numbers_agree(written: str, printed: str) -> bool:
    """Whether a printed number is the one the page writes, to the precision the page writes it with."""
    allowed = tolerance(written)
    if allowed is None:
        return printed == written
    return abs(Decimal(printed) - Decimal(written)) <= allowed


def _pattern(want: str) -> tuple[re.Pattern[str], list[str]]:
    """A regular expression for printed output like `want`, and the numbers `want` writes, in order."""
    pieces = [piece for piece in PIECES.split(want.strip()) if piece]
    numbers = [piece for piece in pieces if NUMBER.fullmatch(piece)]
    parts: list[str] = []
    for at, piece in enumerate(pieces):
        if piece == "...":
            parts.append(r"(?:.*?)")
        elif piece in numbers:
            parts.append(rf"\s*({NUMBER.pattern})\s*")  # numpy pads numbers to line up its columns
        elif piece.isspace():
            beside_number = any(p in numbers for p in pieces[max(0, at - 1) : at + 2 : 2])
            parts.append(r"\s*" if beside_number else r"\s+")
        else:
            parts.append(re.escape(piece))
    return re.compile("".join(parts), re.S), numbers


def matches(want: str, got: str) -> bool:
    """Whether printed output `got` is what a page shows as `want` (see the module's docstring)."""
    want = want.replace("<BLANKLINE>", "")
    pattern, numbers = _pattern(want)
    found = pattern.fullmatch(got.strip())
    return found is not None and all(map(numbers_agree, numbers, found.groups()))


class NumberChecker(doctest.OutputChecker):
    """doctest's checker with numbers compared by `matches`."""

    def check_output(self, want: str, got: str, optionflags: int) -> bool:
        return matches(want, got)


def session_parser(language: str) -> PythonCodeBlockParser:
    """Sybil's ```python parser, for `language`: a block that starts with `>>>` is a session, checked by `matches`."""
    parser = PythonCodeBlockParser(doctest_optionflags=FLAGS)
    parser.doctest_parser.evaluator.runner._checker = NumberChecker()  # doctest's runner keeps its checker here
    parser.codeblock_parser = CodeBlockParser(language, PythonEvaluator())
    return parser


def run_console(source: str) -> list[str]:
    """Run each `$ python -m tinynet ...` or `$ python src/tinynet/<script>` of a block; describe each mismatch."""
    from tinynet.cli import run

    problems = []
    pairs: list[tuple[str, list[str]]] = []
    for text in source.splitlines():
        if text.startswith("$ "):
            pairs.append((text[2:], []))
        elif pairs:
            pairs[-1][1].append(text)
    for command, lines in pairs:
        expected = "\n".join(lines)
        argv = shlex.split(command)
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            if argv[:3] == ["python", "-m", "tinynet"]:
                run(argv[3:])
            elif argv[0] == "python" and len(argv) == 2 and argv[1].startswith("src/tinynet/"):
                runpy.run_path(str(ROOT / argv[1]), run_name="__main__")
            else:
                problems.append(f"$ {command}: only `python -m tinynet` and `python src/tinynet/...` may run here")
                continue
        if not matches(expected, out.getvalue()):
            problems.append(f"$ {command}\nExpected:\n{expected.rstrip()}\nGot:\n{out.getvalue().rstrip()}")
    return problems


def check_console(example: Example) -> str | None:
    """Every difference in a ```console block, described (Sybil reports it), or None."""
    return "\n".join(run_console(str(example.parsed))) or None


SYBIL = Sybil(
    parsers=[
        session_parser("python"),
        session_parser("pycon"),  # an interpreter session, the way pages show one
        CodeBlockParser("console", check_console),
        SkipParser(),
        ClearNamespaceParser(),
    ],
    path=str(DOCS),
    patterns=["*.md"],
)


def examples(page: Path) -> list[Example]:
    """A page's examples, in page order."""
    return list(SYBIL.parse(page).examples())


def problems(page: Path) -> list[str]:
    """Run a page's examples in order; describe every one that fails."""
    name = page.relative_to(DOCS).as_posix() if page.is_relative_to(DOCS) else page.name
    found = []
    for example in examples(page):
        try:
            example.evaluate()
        except Exception as error:  # a failed comparison, or an error raised by the page's own code
            found.append(f"{name}, line {example.line}: {type(error).__name__}: {error}")
    return found


def main(pages: list[str]) -> None:
    """Print {page: [problems]} as JSON for the pages named on the command line."""
    with contextlib.redirect_stdout(io.StringIO()):  # what a ```python block prints is not part of the answer
        report = {page: problems(Path(page).resolve()) for page in pages}
    json.dump(report, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
