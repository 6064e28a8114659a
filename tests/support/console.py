"""Sybil parser for ```console blocks in docs/: the commands run and must print what follows them."""

from __future__ import annotations

from sybil import Example, Region
from sybil.parsers.markdown.lexers import FencedCodeBlockLexer

from sitebuild.examples import run_console


class ConsoleParser:
    """One test per ```console fence: `$ command` lines, each followed by its exact output."""

    def __init__(self) -> None:
        self.lexer = FencedCodeBlockLexer(language="console")

    def __call__(self, document) -> list[Region]:
        return [
            Region(lexed.start, lexed.end, lexed.lexemes["source"], self.evaluate) for lexed in self.lexer(document)
        ]

    def evaluate(self, example: Example) -> str | None:
        """Return a description of every difference (Sybil reports it), or None."""
        problems = run_console(str(example.parsed))
        return "\n".join(problems) or None
