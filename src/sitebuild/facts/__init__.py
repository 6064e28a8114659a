"""Numbers the prose states, computed from src/ when the site is built.

A page writes `{{ name }}` and the build puts the value there. Each module in this
package ends with `PROVIDERS`, a tuple of plain functions (no decorator, so that
`make mutate` mutates them too); a provider returns a dict of names to the exact
text to show. `_common.py` (skipped for its leading underscore) holds what they share.
`python -m sitebuild.facts` prints them all as JSON.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable

Provider = Callable[[], dict[str, str]]
# pages whose headings some facts read (section anchors): a change to them recomputes the facts
PAGES_READ = ("docs/part-2/three-layer-network.md",)


def providers() -> list[Provider]:
    """Every facts module's `PROVIDERS`, module by module."""
    found: list[Provider] = []
    for module in pkgutil.iter_modules(__path__):
        if not module.name.startswith("_"):
            found.extend(importlib.import_module(f"{__name__}.{module.name}").PROVIDERS)
    return found


def compute_all(given: Iterable[Provider] | None = None) -> dict[str, str]:
    """Run every provider (or those given), refusing a name given twice and a value that is not text."""
    facts: dict[str, str] = {}
    for provider in providers() if given is None else given:
        for name, value in provider().items():
            if name in facts:
                raise ValueError(f"fact {name!r} is provided twice (again by {provider.__name__})")
            if not isinstance(value, str):
                raise TypeError(f"fact {name!r} must be text, not {type(value).__name__}")
            facts[name] = value
    return facts
