"""Run the commands of ```console blocks in docs/ and compare what they print."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

from sybil import Example, Region
from sybil.parsers.markdown.lexers import FencedCodeBlockLexer

# a page may show only these programs; `python` means the project's interpreter
ALLOWED = ("python -m tinynet", "python src/tinynet/")


class ConsoleParser:
    """Sybil parser for ```console fences: `$ command` lines, each followed by its output."""

    def __init__(self, cwd: Path) -> None:
        self.cwd = cwd
        self.lexer = FencedCodeBlockLexer(language="console")

    def __call__(self, document) -> list[Region]:
        return [
            Region(lexed.start, lexed.end, lexed.lexemes["source"], self.evaluate) for lexed in self.lexer(document)
        ]

    def evaluate(self, example: Example) -> str | None:
        """Run each command and return a description of the first difference, if any."""
        for command, expected in _sessions(str(example.parsed)):
            if not command.startswith(ALLOWED):
                return f"a console block may only run {ALLOWED}, not {command!r}"
            argv = shlex.split(command)
            argv[0] = sys.executable
            done = subprocess.run(argv, cwd=self.cwd, capture_output=True, text=True, check=False)
            got = (done.stdout + done.stderr).rstrip("\n")
            if got != expected:
                return f"$ {command}\nExpected:\n{expected}\nGot:\n{got}"
        return None


def _sessions(text: str) -> list[tuple[str, str]]:
    """Split a console block into (command, expected output) pairs."""
    pairs: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        if line.startswith("$ "):
            pairs.append((line[2:], []))
        elif pairs:
            pairs[-1][1].append(line)
    return [(command, "\n".join(output).rstrip("\n")) for command, output in pairs]
