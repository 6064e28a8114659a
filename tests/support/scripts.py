"""Run each canonical script once per test session; keep what it printed and its final variables."""

from __future__ import annotations

import contextlib
import io
import runpy
from functools import cache
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "tinynet"


@cache
def script_run(name: str) -> tuple[str, dict]:
    """Run src/tinynet/<name> in this process: its printed output and its globals (do not modify them)."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        namespace = runpy.run_path(str(SRC / name))
    return printed.getvalue(), namespace


def script_globals(name: str) -> dict:
    """The final variables of a canonical script's run."""
    return script_run(name)[1]
