"""Every example on every Markdown page runs and prints what the page says: one test per example.

The examples are parsed and compared by `sitebuild.examples`, the same code the build runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sybil import Example

from sitebuild.examples import DOCS, SYBIL, examples, matches, problems


def each_example() -> Iterator[object]:
    """Each example of each page, in page order (a page's examples share one namespace)."""
    for path in sorted(DOCS.rglob("*.md")):
        for example in examples(path):
            yield pytest.param(example, id=f"{path.relative_to(DOCS)}:{example.line}")


EXAMPLES = list(each_example())


@pytest.mark.parametrize("example", EXAMPLES)
def test_example(example: Example) -> None:
    """The example runs; a session's or a command's output is what the page shows."""
    example.evaluate()


def test_examples_are_found() -> None:
    """The collection is not vacuous: the pages hold sessions, blocks and commands."""
    kinds = {type(param.values[0].region.evaluator).__name__ for param in EXAMPLES}  # type: ignore[attr-defined]
    assert len(EXAMPLES) > 50, len(EXAMPLES)
    assert len(kinds) >= 2, kinds


# what one machine prints, what another prints, and whether a page showing the first passes on the second
LAST_BITS = [
    # the 50-line script's last error: SkylakeX kernels, and Haswell or generic ones, differ in the last digits
    ("Error:0.0035101225678616783", "Error:0.003510122567861677"),
    ("Error:0.0035101225678616783", "Error:0.003510122567861676"),
    # a page that writes twelve significant digits, as the 2015 post printed
    ("Error:0.00351012256786", "Error:0.0035101225678616783"),
    # numpy pads numbers to line up columns; how wide depends on the numbers
    ("[[0.5]\n [1. ]]", "[[0.5]\n [1.0]]"),
    ("[1. 0.]", "[ 1.  0.]"),
    # a number the page cuts short is compared to the digits it writes
    ("0.3", "0.30000000000000004"),
]
WRONG = [
    # a digit within the written precision changed (the 12th significant digit, the 8th decimal, the sign)
    ("Error:0.0035101225678616783", "Error:0.003510122567871677"),
    ("Error:0.00351012256786", "Error:0.00351012256787"),
    ("[[0.00966449]]", "[[0.00966448]]"),
    ("-0.25", "0.25"),
    # integers are exact: counts, shapes, indices
    ("(4, 1)", "(4, 2)"),
    ("10000", "10001"),
    # the text around the numbers must be the same
    ("Error:0.5", "error:0.5"),
    ("syn0 = 0.5", "syn1 = 0.5"),
    ("Python 3.11.7", "Python 3.11.8"),
    ("[0.5]", "(0.5)"),
]


@pytest.mark.parametrize(("want", "got"), LAST_BITS)
def test_last_bits_may_differ(want: str, got: str) -> None:
    """A number that agrees to the precision the page writes (at most 12 significant digits) matches."""
    assert matches(want, got)
    assert want != got  # so an exact comparison, the build's rule before, would have failed here


@pytest.mark.parametrize(("want", "got"), WRONG)
def test_a_wrong_digit_fails(want: str, got: str) -> None:
    """A digit within the precision the page writes, an integer, or the text around the numbers differs: no match."""
    assert not matches(want, got)


def test_ellipsis_stands_for_anything() -> None:
    """`...` skips lines or the rest of a line; the numbers after it are still compared."""
    assert matches("Error:...\nError:0.00351012256786", "Error:0.5\nError:0.1\nError:0.0035101225678616783")
    assert not matches("Error:...\nError:0.00351012256786", "Error:0.5\nError:0.00351012256800")
    assert matches("Output:\n...", "Output:\n[[0.5]]")


def page(tmp_path: Path, text: str) -> Path:
    """A scratch page with the given Markdown."""
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_sessions_and_commands_use_the_rule(tmp_path: Path) -> None:
    """In a ```pycon session and a ```console block alike, last bits pass and a changed digit fails."""
    good = page(
        tmp_path,
        "```pycon\n>>> 0.1 + 0.2\n0.3\n>>> print(2 / 3)\n0.666666666667\n```\n\n"
        "```console\n$ python -m tinynet three-layer --iterations 1\nError:0.496410031903\n...\n```\n",
    )
    assert problems(good) == []
    bad = page(
        tmp_path,
        "```pycon\n>>> print(2 / 3)\n0.666666666668\n```\n\n"
        "```console\n$ python -m tinynet three-layer --iterations 1\nError:0.496410031904\n...\n```\n",
    )
    found = problems(bad)
    assert len(found) == 2, found
    assert "Expected:\n    0.666666666668\nGot:\n    0.6666666666666666" in found[0]
    assert "Error:0.496410031904" in found[1] and "Got:\nError:0.4964100319" in found[1]


def test_a_wrong_output_fails(tmp_path: Path) -> None:
    """An example whose printed output is wrong fails with what was expected and what came out."""
    (example,) = SYBIL.parse(page(tmp_path, "```pycon\n>>> 1 + 1\n3\n```\n")).examples()
    with pytest.raises(Exception, match=r"Expected:\s+3\s+Got:\s+2"):
        example.evaluate()
