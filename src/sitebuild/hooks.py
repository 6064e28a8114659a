"""MkDocs hooks: fill in build-time facts, refuse includes that no longer hold, run examples.

Listed under `hooks:` in mkdocs.yml. Every check raises PluginError, which fails
any build, strict or not.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

from sitebuild import examples
from sitebuild.linemaps import LINE_MAPS

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"
CACHE = ROOT / ".cache" / "facts"

FACT = re.compile(r"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")
INCLUDE = re.compile(r'^\s*--8<--\s+"(src/[^":]+)(?::(\d+):(\d+))?"\s*$')
FENCE_LINENUMS = re.compile(r'linenums="(\d+)"')
LINE_ANCHOR = re.compile(r"\{#lines?-(\d+)(?:-(\d+))?\}")
HEADING = re.compile(r"^#{1,6}\s")


def source_digest() -> str:
    """A hash of every file under src/ that can change a computed value."""
    digest = hashlib.sha256()
    for path in sorted(SRC.rglob("*.py")):
        digest.update(str(path.relative_to(SRC)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


_facts: dict[str, dict[str, str]] = {}


def load_facts() -> dict[str, str]:
    """The facts for the current src/, from the cache or computed in a fresh interpreter."""
    key = source_digest()
    if key not in _facts:
        cached = CACHE / f"{key}.json"
        if not cached.exists():
            done = subprocess.run(
                [sys.executable, "-m", "sitebuild.facts"], cwd=ROOT, capture_output=True, text=True, check=False
            )
            if done.returncode != 0:
                raise PluginError(f"computing the facts failed:\n{done.stderr}")
            CACHE.mkdir(parents=True, exist_ok=True)
            for old in CACHE.glob("*.json"):
                old.unlink()
            cached.write_text(done.stdout, encoding="utf-8")
        _facts.clear()
        _facts[key] = json.loads(cached.read_text(encoding="utf-8"))
    return _facts[key]


def check_examples(markdown: str, page: str) -> None:
    """Run the page's examples in a fresh interpreter, unless this page and src/ passed before."""
    sent = examples.request(markdown, page)
    if sent is None:
        return
    digest = source_digest()
    passed = ROOT / ".cache" / "examples" / digest / hashlib.sha256(sent.encode()).hexdigest()[:24]
    if passed.exists():
        return
    for stale in passed.parent.parent.glob("*"):  # passes recorded against another src/ no longer count
        if stale.name != digest and stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)
        elif stale.name != digest:
            stale.unlink()
    done = subprocess.run(
        [sys.executable, "-m", "sitebuild.examples"], input=sent, cwd=ROOT, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise PluginError(f"{page}: an example does not print what the page says:\n{done.stdout}{done.stderr}")
    passed.parent.mkdir(parents=True, exist_ok=True)
    passed.write_text(page + "\n", encoding="utf-8")


def check_includes(markdown: str, page: str) -> None:
    """Refuse a listing whose line numbers, range or content no longer match its file."""
    lines = markdown.splitlines()
    anchor: tuple[int, int] | None = None
    for index, line in enumerate(lines):
        if HEADING.match(line):
            found = LINE_ANCHOR.search(line)
            anchor = (int(found[1]), int(found[2] or found[1])) if found else None
        match = INCLUDE.match(line)
        if not match:
            continue
        path, first, last = match[1], match[2], match[3]
        where = f"{page}: include of {path}" + (f":{first}:{last}" if first else "")
        target = ROOT / path
        if not target.is_file():
            raise PluginError(f"{where}: no such file")
        file_lines = target.read_text(encoding="utf-8").splitlines()
        start, stop = (int(first), int(last)) if first else (1, len(file_lines))
        if not 1 <= start <= stop <= len(file_lines):
            raise PluginError(f"{where}: lines {start}-{stop} are not in a file of {len(file_lines)} lines")
        fence = lines[index - 1] if index else ""
        numbers = FENCE_LINENUMS.search(fence)
        if numbers is None or int(numbers[1]) != start:
            raise PluginError(f'{where}: the fence above must say linenums="{start}"')
        if anchor is not None and anchor != (start, stop):
            raise PluginError(f"{where}: shown under the heading for lines {anchor[0]}-{anchor[1]}")
        expected = LINE_MAPS.get(Path(path).name, {})
        for number in range(start, stop + 1):
            if number in expected and file_lines[number - 1].strip() != expected[number]:
                raise PluginError(
                    f"{where}: line {number} should hold {expected[number]!r} "
                    f"but holds {file_lines[number - 1].strip()!r}"
                )


def on_files(files, config):
    """Before any page is rendered, check every Markdown page's includes and examples: fail early."""
    for file in files.documentation_pages():
        if file.src_uri.endswith(".md"):
            markdown = Path(file.abs_src_path).read_text(encoding="utf-8")
            check_includes(markdown, file.src_uri)
            check_examples(markdown, file.src_uri)
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Put each fact's value where the page names it."""
    name = page.file.src_uri
    if "{{" not in markdown:
        return markdown
    facts = load_facts()

    def fill(match: re.Match[str]) -> str:
        if match[1] not in facts:
            raise PluginError(f"{name}: unknown fact {match[1]!r} (add it under src/sitebuild/facts/)")
        return facts[match[1]]

    return FACT.sub(fill, markdown)
