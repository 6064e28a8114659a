"""Run a page's examples while the site is built, so a wrong printed output fails the build.

The build hands each page's ```pycon, ```python and ```console blocks to a fresh
interpreter (`python -m sitebuild.examples`, blocks as JSON on stdin) so that
the code under src/ is always the current one, also under `mkdocs serve`.
The tests run the same blocks again with Sybil, one test per example.
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
from dataclasses import asdict, dataclass
from pathlib import Path

BLOCK = re.compile(r"^```(pycon|python|console)[ \t]*\n(.*?)^```[ \t]*$", re.S | re.M)
FLAGS = doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS
ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Block:
    """One example block of a page: its language, its text and the line it starts on."""

    kind: str
    source: str
    line: int


def collect(markdown: str) -> list[Block]:
    """The example blocks of a page (fences with attributes, like listings, are not examples)."""
    return [
        Block(m[1], m[2], markdown.count("\n", 0, m.start()) + 1)
        for m in BLOCK.finditer(markdown)
        if not _skipped(markdown, m.start())
    ]


def _skipped(markdown: str, start: int) -> bool:
    """True when the block follows Sybil's `<!-- skip: next -->` marker."""
    before = markdown[:start].rstrip().rsplit("\n", 1)[-1]
    return before.strip() == "<!-- skip: next -->"


def run_console(source: str) -> list[str]:
    """Run each `$ python -m tinynet ...` or `$ python src/tinynet/<script>` and compare its output."""
    from tinynet.cli import run

    problems = []
    pairs: list[tuple[str, list[str]]] = []
    for text in source.splitlines():
        if text.startswith("$ "):
            pairs.append((text[2:], []))
        elif pairs:
            pairs[-1][1].append(text)
    for command, lines in pairs:
        expected = "\n".join(lines).rstrip("\n")
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
        got = out.getvalue().rstrip("\n")
        if got != expected:
            problems.append(f"$ {command}\nExpected:\n{expected}\nGot:\n{got}")
    return problems


def run_blocks(blocks: list[Block], name: str) -> list[str]:
    """Run the blocks in order in one namespace, as Sybil does; describe every failure."""
    namespace: dict[str, object] = {"__name__": "__main__"}
    problems: list[str] = []
    for block in blocks:
        where = f"{name}:{block.line}"
        if block.kind == "console":
            problems += [f"{where}: {p}" for p in run_console(block.source)]
        elif block.kind == "python":
            try:
                with contextlib.redirect_stdout(io.StringIO()):
                    exec(compile(block.source, where, "exec"), namespace)
            except Exception as error:  # report any failure of the page's own code
                problems.append(f"{where}: {type(error).__name__}: {error}")
        else:
            test = doctest.DocTestParser().get_doctest(block.source, namespace, where, name, block.line)
            report = io.StringIO()
            runner = doctest.DocTestRunner(optionflags=FLAGS)
            runner.run(test, out=report.write, clear_globs=False)
            namespace.update(test.globs)  # DocTest ran on a copy: keep its names for the next block
            if runner.failures:
                problems.append(report.getvalue())
    return problems


def main() -> None:
    """Read {"name": ..., "blocks": [...]} on stdin; print failures; exit 1 if any."""
    request = json.load(sys.stdin)
    blocks = [Block(**b) for b in request["blocks"]]
    problems = run_blocks(blocks, request["name"])
    print("\n".join(problems))
    sys.exit(1 if problems else 0)


def request(markdown: str, name: str) -> str | None:
    """The JSON to send to the runner for a page, or None when the page has no examples."""
    blocks = collect(markdown)
    return json.dumps({"name": name, "blocks": [asdict(b) for b in blocks]}) if blocks else None


if __name__ == "__main__":
    main()
