"""Every example on every Markdown page runs and prints what the page says: one test per example."""

from __future__ import annotations

from collections.abc import Iterator
from doctest import ELLIPSIS, NORMALIZE_WHITESPACE
from pathlib import Path

import pytest
from sybil import Example, Sybil
from sybil.evaluators.python import PythonEvaluator
from sybil.parsers.markdown import ClearNamespaceParser, PythonCodeBlockParser, SkipParser

from support.console import ConsoleParser

DOCS = Path(__file__).resolve().parent.parent / "docs"
FLAGS = NORMALIZE_WHITESPACE | ELLIPSIS


class PyconParser(PythonCodeBlockParser):
    """Doctest sessions in ```pycon fences: the way pages show an interpreter session."""

    def __init__(self, doctest_optionflags: int = 0) -> None:
        super().__init__(doctest_optionflags=doctest_optionflags)
        self.codeblock_parser = self.codeblock_parser_class("pycon", PythonEvaluator())


# every ```python block runs, every ```pycon session is checked line by line, and every
# ```console block's commands run and must print what the page shows
SYBIL = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=FLAGS),
        PyconParser(doctest_optionflags=FLAGS),
        ConsoleParser(),
        SkipParser(),
        ClearNamespaceParser(),
    ],
    path=str(DOCS),
    patterns=["*.md"],
)


def examples() -> Iterator[object]:
    """Each example of each page, in page order (a page's examples share one namespace)."""
    for path in sorted(DOCS.rglob("*.md")):
        document = SYBIL.parse(path)
        for example in document.examples():
            yield pytest.param(example, id=f"{path.relative_to(DOCS)}:{example.line}")


EXAMPLES = list(examples())


@pytest.mark.parametrize("example", EXAMPLES)
def test_example(example: Example) -> None:
    """The example runs; a session's or a command's output is exactly what the page shows."""
    example.evaluate()


def test_examples_are_found() -> None:
    """The collection is not vacuous: the pages hold examples of all three kinds."""
    kinds = {type(param.values[0].region.evaluator).__name__ for param in EXAMPLES}  # type: ignore[attr-defined]
    assert len(EXAMPLES) > 50, len(EXAMPLES)
    assert len(kinds) >= 2, kinds


def test_a_wrong_output_fails(tmp_path: Path) -> None:
    """An example whose printed output is wrong fails with what was expected and what came out."""
    page = tmp_path / "page.md"
    page.write_text("```pycon\n>>> 1 + 1\n3\n```\n")
    (example,) = SYBIL.parse(page).examples()
    with pytest.raises(Exception, match=r"Expected:\s+3\s+Got:\s+2"):
        example.evaluate()
