"""MkDocs hook: one small stylesheet shared by the notebook pages, instead of 600 KB of CSS inlined in each.

The notebook pages' HTML comes without the stylesheets nbconvert would inline (cache.py's
template), and links `assets/stylesheets/jupyter.css` (overrides/main.html). This hook writes that
file from the same sources, mkdocs-jupyter's JupyterLab CSS and pygments' colours for notebook
code, with only the rules whose classes some notebook page uses (and the `--jp-*` variables those
rules read). The result is cached under .cache/notebook-css, keyed on the CSS and the classes, so
a rebuild does not parse it again.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import tinycss2

from sitebuild import ROOT, is_notebook

CACHE = ROOT / ".cache" / "notebook-css"
TARGET = "assets/stylesheets/jupyter.css"

CLASS_ATTR = re.compile(r'class="([^"]*)"')
CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
VAR = re.compile(r"var\(\s*(--[\w-]+)")

_classes: set[str] = set()


def jupyter_css() -> str:
    """The CSS nbconvert would inline in a notebook page: its colours for code, then mkdocs-jupyter's light theme."""
    from mkdocs_jupyter.config import settings
    from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
    from pygments.formatters import HtmlFormatter

    assets = Path(settings.templates_dir) / "mkdocs_html" / "assets"
    own = [(assets / name).read_text(encoding="utf-8") for name in ("index.css", "theme-light.css")]
    return "\n".join([HtmlFormatter(style=CSSHTMLHeaderPreprocessor().style).get_style_defs(".highlight-ipynb"), *own])


def on_pre_build(config) -> None:
    """Start each build (also each rebuild under `mkdocs serve`) with nothing collected."""
    _classes.clear()


def on_page_content(html: str, page, config, files) -> str:
    """Note the classes a notebook page uses."""
    if is_notebook(page):
        for names in CLASS_ATTR.findall(html):
            _classes.update(names.split())
    return html


def on_post_build(config) -> None:
    """Write the shared stylesheet: from the cache, or pruned now and cached."""
    if not _classes:
        return
    raw = jupyter_css()
    # variables the site's own stylesheets read must stay defined too
    own = "".join(p.read_text(encoding="utf-8") for p in sorted(Path(config.docs_dir).rglob("stylesheets/*.css")))
    key = hashlib.sha256("\0".join([raw, own, *sorted(_classes)]).encode()).hexdigest()[:20]
    cached = CACHE / f"{key}.css"
    if not cached.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        for old in CACHE.glob("*.css"):
            old.unlink()
        cached.write_text(prune(raw, _classes, set(VAR.findall(own))), encoding="utf-8")
    target = Path(config.site_dir) / TARGET
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(cached.read_bytes())


def split_selectors(prelude: str) -> list[str]:
    """The selectors of a rule, split at the commas that are not inside brackets."""
    parts, depth, current = [], 0, []
    for char in prelude:
        depth += (char in "([") - (char in ")]")
        if char == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    return [*parts, "".join(current).strip()]


def _rules(text_or_tokens) -> list:
    """Parsed rules, without comments and white space."""
    if isinstance(text_or_tokens, str):
        return tinycss2.parse_stylesheet(text_or_tokens, skip_comments=True, skip_whitespace=True)
    return tinycss2.parse_rule_list(text_or_tokens, skip_comments=True, skip_whitespace=True)


@dataclass
class Rule:
    """A style rule: its selectors and its declarations as (property, value) pairs."""

    selectors: str
    declarations: list[tuple[str, str]]


@dataclass
class Group:
    """An @media or @supports block and what it holds."""

    header: str
    items: list[Rule | Group | str]


def used_rules(rules: Iterable, used: set[str]) -> list[Rule | Group | str]:
    """The rules, in order, with only the selectors whose classes all occur in `used` (other at-rules as text)."""
    out: list[Rule | Group | str] = []
    for rule in rules:
        if rule.type == "qualified-rule":
            kept = [s for s in split_selectors(tinycss2.serialize(rule.prelude)) if set(CLASS.findall(s)) <= used]
            if kept:
                found = tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
                pairs = [
                    (d.name, tinycss2.serialize(d.value).strip() + (" !important" if d.important else ""))
                    for d in found
                    if d.type == "declaration"
                ]
                out.append(Rule(", ".join(kept), pairs))
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content:
            inner = used_rules(_rules(rule.content), used)
            if inner:
                out.append(Group(f"@{rule.at_keyword} {tinycss2.serialize(rule.prelude).strip()}", inner))
        elif rule.type == "at-rule" and rule.lower_at_keyword != "charset":
            out.append(tinycss2.serialize([rule]))
    return out


def declarations(items: list[Rule | Group | str]) -> Iterable[tuple[str, str]]:
    """Every (property, value) in the items, nested ones too; other at-rules count as one value."""
    for item in items:
        if isinstance(item, Rule):
            yield from item.declarations
        elif isinstance(item, Group):
            yield from declarations(item.items)
        else:
            yield "", item


def read_variables(items: list[Rule | Group | str], read_elsewhere: set[str]) -> set[str]:
    """The `--jp-*` variables something reads: a kept property, a variable that is read, or the site's own CSS."""
    values: dict[str, list[str]] = {}
    read = set(read_elsewhere)
    for name, value in declarations(items):
        if name.startswith("--jp-"):
            values.setdefault(name, []).append(value)
        else:
            read.update(VAR.findall(value))
    todo = list(read)
    while todo:
        for value in values.get(todo.pop(), []):
            new = set(VAR.findall(value)) - read
            read |= new
            todo += new
    return read


def serialize(items: list[Rule | Group | str], read: set[str]) -> list[str]:
    """The items as CSS, without declarations of `--jp-*` variables nothing reads, nor rules left empty."""
    out = []
    for item in items:
        if isinstance(item, Rule):
            kept = [
                f"{name}: {value}" for name, value in item.declarations if not name.startswith("--jp-") or name in read
            ]
            if kept:
                out.append(f"{item.selectors} {{{'; '.join(kept)}}}")
        elif isinstance(item, Group):
            inner = serialize(item.items, read)
            if inner:
                out.append(f"{item.header} {{\n{chr(10).join(inner)}\n}}")
        else:
            out.append(item)
    return out


def prune(css: str, used: set[str], read_elsewhere: set[str] = frozenset()) -> str:
    """The CSS the notebook pages can use: rules for classes in `used`, and the variables they read."""
    items = used_rules(_rules(css), used)
    return "\n".join(serialize(items, read_variables(items, read_elsewhere))) + "\n"
