"""MkDocs hooks: fill in build-time facts, refuse includes that no longer hold, run examples.

Listed under `hooks:` in mkdocs.yml. Every check raises PluginError, which fails
any build, strict or not.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from sitebuild import ROOT, includes, store
from sitebuild.facts import PAGES_READ

log = logging.getLogger("mkdocs.hooks.facts")

FACT = re.compile(r"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")


def load_facts() -> dict[str, str]:
    """The facts for this src/, the pages they read and this platform: kept, or computed in a fresh interpreter."""
    read = [ROOT / page for page in PAGES_READ if (ROOT / page).is_file()]
    key = store.key(store.files_digest(store.source_files() + read))
    return json.loads(store.computed("facts", key, "sitebuild.facts", "facts"))


_facts: dict[str, str] = {}  # this build's, read when a page first names one


def check_examples(pages: dict[str, str]) -> None:
    """Run the examples of the pages (src_uri -> Markdown) that have not passed with this src/ and platform."""
    passed = store.folder("examples", store.source_key())
    record = {page: passed / hashlib.sha256(markdown.encode()).hexdigest()[:24] for page, markdown in pages.items()}
    todo = sorted(page for page, path in record.items() if not path.exists())
    if not todo:
        return
    done = store.fresh("sitebuild.examples", *(str(ROOT / "docs" / page) for page in todo))
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


def on_files(files, config):
    """Before any page is rendered, check every Markdown page's includes and examples: fail early."""
    _facts.clear()
    pages = {}
    for file in files.documentation_pages():
        if file.src_uri.endswith(".md"):
            markdown = Path(file.abs_src_path).read_text(encoding="utf-8")
            includes.check_includes(markdown, file.src_uri)
            pages[file.src_uri] = markdown
    check_examples(pages)
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Put each fact's value where the page names it."""
    name = page.file.src_uri
    if "{{" not in markdown:
        return markdown
    if not _facts:
        _facts.update(load_facts())

    def fill(match: re.Match[str]) -> str:
        if match[1] not in _facts:
            raise PluginError(f"{name}: unknown fact {match[1]!r} (add it under src/sitebuild/facts/)")
        return _facts[match[1]]

    return FACT.sub(fill, markdown)
