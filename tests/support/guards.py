"""The include guard as the build's hook runs it on every page, over a tree a test changed: a build's check, sooner."""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError

from sitebuild.includes import check_includes

ROOT = Path(__file__).resolve().parents[2]


def copy_src(destination: Path) -> Path:
    """A tree holding a copy of src/ alone (what the include guard reads), to break."""
    shutil.copytree(ROOT / "src", destination / "src", ignore=shutil.ignore_patterns("__pycache__"))
    return destination


def include_refusal(root: Path) -> str:
    """The refusal `hooks.on_files` raises, before any page renders, when the pages' includes read root's src/."""
    docs = ROOT / "docs"
    for page in sorted(docs.rglob("*.md")):
        try:
            check_includes(page.read_text(encoding="utf-8"), page.relative_to(docs).as_posix(), root)
        except PluginError as refusal:
            return str(refusal)
    raise AssertionError("every page passed the include guard")
