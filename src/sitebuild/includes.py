"""The include guard: every `--8<--` listing on a page shows the lines its fence and heading promise.

A page includes code in one form only, inside a fence that states the first line's number:

    ```python linenums="36"
    --8<-- "src/tinynet/two_layer.py:36:36"
    ```

Any other line holding `--8<--` (single quotes, other spacing, named sections, several files,
block form) is refused, so no include passes unchecked. The canonical scripts, whose line numbers
the pages teach, must hold exactly the published text: their SHA-256 is pinned below.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from sitebuild import ROOT

MARK = re.compile(r"-+8<-+")  # what pymdownx.snippets reads as a snippet mark
INCLUDE = re.compile(r'^--8<-- "(src/[\w./-]+\.py)(?::(\d+):(\d+))?"$')
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
FENCE_LINENUMS = re.compile(r'^```\w+ linenums="(\d+)"')
HEADING = re.compile(r"^#{1,6}\s")
HEADING_ID = re.compile(r"\{#(lines?-(\d+)(?:-(\d+))?)\}\s*$")

# the published scripts: SHA-256 of each file's bytes (LF line endings). Change a script only on
# purpose: its line numbers are the ones the pages explain; then record its new hash here.
CANONICAL: dict[str, str] = {
    "src/tinynet/two_layer.py": "fa5d78f2ee3208d6371d72b34e0683ac2bf8b89df229a0846f793b8f440c560e",
    "src/tinynet/three_layer.py": "7bef1aec98e8301a48af6dca841309aef314f19cd17483efe7ca16f24aa3b229",
    "src/tinynet/eleven_lines.py": "14793f31494f1be56bae34c6b62c614a3a9bb1c8bd15812a02ac1f9b5d83bfff",
}


def heading_ranges(markdown: str) -> dict[str, tuple[int, int]]:
    """Headings with an id {#line-N} or {#lines-A-B}, in page order, and the lines each stands for."""
    return {found[0]: found[1] for found in _headings(markdown.splitlines()).values() if found}


def page_ranges(page: str) -> dict[str, tuple[int, int]]:
    """The line sections of a page under docs/ (e.g. 'part-2/three-layer-network.md')."""
    return heading_ranges((ROOT / "docs" / page).read_text(encoding="utf-8"))


def _headings(lines: list[str]) -> dict[int, tuple[str, tuple[int, int]] | None]:
    """Every heading outside fenced blocks, by index: its line id and range, or None without one."""
    found: dict[int, tuple[str, tuple[int, int]] | None] = {}
    fence: str | None = None
    for index, line in enumerate(lines):
        if opened := FENCE.match(line):
            if fence is None:
                fence = opened[1]
            elif line.strip() == fence:
                fence = None
        elif fence is None and HEADING.match(line):
            match = HEADING_ID.search(line)
            first = int(match[2]) if match else 0
            found[index] = (match[1], (first, int(match[3] or first))) if match else None
    return found


def sha256(path: Path) -> str:
    """The SHA-256 of a text file's bytes with LF line endings."""
    return hashlib.sha256(path.read_bytes().replace(b"\r\n", b"\n")).hexdigest()


def canonical_problems(root: Path = ROOT) -> list[str]:
    """Every canonical script that is missing or no longer holds its published text."""
    problems = []
    for name, expected in CANONICAL.items():
        path = root / name
        if not path.is_file():
            problems.append(f"{name} is missing")
        elif (found := sha256(path)) != expected:
            problems.append(
                f"{name} should hold the published script (sha256 {expected[:12]}...) but its sha256 is "
                f"{found[:12]}...: its line numbers no longer match the pages "
                "(if the edit is deliberate, record the new hash in src/sitebuild/includes.py)"
            )
    return problems


def check_includes(markdown: str, page: str, root: Path = ROOT) -> None:
    """Refuse a listing whose form, file, range, fence or heading does not hold; name the page."""
    lines = markdown.splitlines()
    headings = _headings(lines)
    current: tuple[str, tuple[int, int]] | None = None
    shown = False
    for index, line in enumerate(lines):
        if index in headings:
            _require_listing(page, current, shown)
            current, shown = headings[index], False
        if not MARK.search(line):
            continue
        match = INCLUDE.match(line)
        if not match:
            raise PluginError(
                f"{page}: line {index + 1}: the include guard reads only "
                f'--8<-- "src/<file>.py" or --8<-- "src/<file>.py:A:B" on a line of its own, not {line.strip()!r}'
            )
        path, first, last = match[1], match[2], match[3]
        where = f"{page}: include of {path}" + (f":{first}:{last}" if first else "")
        target = (root / path).resolve()
        if not target.is_relative_to((root / "src").resolve()) or not target.is_file():
            raise PluginError(f"{where}: no such file under src/")
        if path in CANONICAL and (problems := [p for p in canonical_problems(root) if p.startswith(path)]):
            raise PluginError(f"{where}: {problems[0]}")
        file_lines = target.read_text(encoding="utf-8").splitlines()
        if any(MARK.search(text) for text in file_lines):
            raise PluginError(f"{where}: the file itself holds a snippet mark (--8<--), which the guard cannot check")
        start, stop = (int(first), int(last)) if first else (1, len(file_lines))
        if not 1 <= start <= stop <= len(file_lines):
            raise PluginError(f"{where}: lines {start}-{stop} are not in a file of {len(file_lines)} lines")
        numbers = FENCE_LINENUMS.match(lines[index - 1]) if index else None
        if numbers is None or int(numbers[1]) != start:
            raise PluginError(f'{where}: the fence above must say linenums="{start}"')
        if current is not None:
            if current[1] != (start, stop) or shown:
                low, high = current[1]
                raise PluginError(f"{where}: shown under the heading {{#{current[0]}}}, for lines {low}-{high}")
            shown = True
    _require_listing(page, current, shown)


def _require_listing(page: str, heading: tuple[str, tuple[int, int]] | None, shown: bool) -> None:
    """Refuse a line heading whose section ended without its listing."""
    if heading is not None and not shown:
        raise PluginError(f"{page}: the heading {{#{heading[0]}}} shows no listing of its lines")
