"""MkDocs hooks: fill in build-time facts, refuse includes that no longer hold, run examples.

Listed under `hooks:` in mkdocs.yml. Every check raises PluginError, which fails
any build, strict or not.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

from sitebuild import store
from sitebuild.linemaps import LINE_MAPS

ROOT = Path(__file__).resolve().parents[2]
log = logging.getLogger("mkdocs.hooks.facts")

FACT = re.compile(r"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")
INCLUDE = re.compile(r'^\s*--8<--\s+"(src/[^":]+)(?::(\d+):(\d+))?"\s*$')
FENCE_LINENUMS = re.compile(r'linenums="(\d+)"')
LINE_ANCHOR = re.compile(r"\{#lines?-(\d+)(?:-(\d+))?\}")
HEADING = re.compile(r"^#{1,6}\s")


def load_facts() -> dict[str, str]:
    """The facts for the current src/ and platform, from the cache or computed in a fresh interpreter."""
    key = store.source_key()
    if key not in _facts:
        cached = store.folder("facts", key) / "facts.json"
        if not cached.exists():
            done = subprocess.run(
                [sys.executable, "-m", "sitebuild.facts"], cwd=ROOT, capture_output=True, text=True, check=False
            )
            if done.returncode != 0:
                raise PluginError(f"computing the facts failed:\n{done.stderr}")
            store.write(cached, done.stdout)
            log.info("cache: facts computed")
        _facts.clear()
        _facts[key] = json.loads(cached.read_text(encoding="utf-8"))
    return _facts[key]


_facts: dict[str, dict[str, str]] = {}


def check_examples(pages: dict[str, str]) -> None:
    """Run the examples of the pages (src_uri -> Markdown) that have not passed with this src/ and platform."""
    passed = store.folder("examples", store.source_key())
    record = {page: passed / hashlib.sha256(markdown.encode()).hexdigest()[:24] for page, markdown in pages.items()}
    todo = sorted(page for page, path in record.items() if not path.exists())
    if not todo:
        return
    done = subprocess.run(
        [sys.executable, "-m", "sitebuild.examples", *(str(ROOT / "docs" / page) for page in todo)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        report = json.loads(done.stdout)
    except ValueError:
        raise PluginError(f"running the pages' examples failed:\n{done.stdout}{done.stderr}") from None
    log.info("cache: examples run on %d page(s)", len(todo))
    failed = []
    for page, problems in zip(todo, report.values(), strict=True):
        if problems:
            failed.append(f"{page}: an example does not print what the page says:\n" + "\n".join(problems))
        else:
            store.write(record[page], page + "\n")
    if failed:
        raise PluginError("\n\n".join(failed))


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
    pages = {}
    for file in files.documentation_pages():
        if file.src_uri.endswith(".md"):
            markdown = Path(file.abs_src_path).read_text(encoding="utf-8")
            check_includes(markdown, file.src_uri)
            pages[file.src_uri] = markdown
    check_examples(pages)
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
