"""Numbers the prose states, computed from src/ when the site is built.

A page writes `{{ name }}` and the build puts the value there. Each module in
this package registers providers with `@provides`; a provider returns a dict of
names to the exact text to show. `python -m sitebuild.facts` prints them all as JSON.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable

Provider = Callable[[], dict[str, str]]
# pages whose headings some facts read (section anchors): a change to them recomputes the facts
PAGES_READ = ("docs/part-2/three-layer-network.md",)
PROVIDERS: list[Provider] = []


def provides(func: Provider) -> Provider:
    """Register a function whose dict of name -> text becomes facts the pages can use."""
    PROVIDERS.append(func)
    return func


def compute_all() -> dict[str, str]:
    """Import every facts module, run every provider, and refuse a name given twice."""
    for module in pkgutil.iter_modules(__path__):
        if not module.name.startswith("_"):
            importlib.import_module(f"{__name__}.{module.name}")
    facts: dict[str, str] = {}
    for provider in PROVIDERS:
        for name, value in provider().items():
            if name in facts:
                raise ValueError(f"fact {name!r} is provided twice (again by {provider.__name__})")
            if not isinstance(value, str):
                raise TypeError(f"fact {name!r} must be text, not {type(value).__name__}")
            facts[name] = value
    return facts
