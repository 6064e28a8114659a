"""Slow work that needs only the built site runs in the background, beside the other tests.

A test module registers a starter when it is imported (`after_build`), naming the test that reads
the results. conftest.py's `built_site` fixture calls the starters of the selected tests as soon as
the site is built, so that the work overlaps with the rest of the suite; the test waits for it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

STARTERS: dict[str, Callable[[Path], None]] = {}
SELECTED: set[str] = set()


def after_build(test: str, start: Callable[[Path], None]) -> None:
    """Call start(site) once the site is built, when the test named `test` is among those selected."""
    STARTERS[test] = start


def site_built(site: Path) -> None:
    """Start the background work of every selected test (conftest.py calls this)."""
    for test, start in STARTERS.items():
        if test in SELECTED:
            start(site)
