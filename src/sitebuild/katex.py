"""MkDocs hook: typeset every formula with KaTeX when the site is built, so no page runs a script for math.

Markdown pages mark math with pymdownx.arithmatex (generic mode): `<span class="arithmatex">\\(...\\)</span>`
and `<div class="arithmatex">\\[...\\]</div>`. Notebook pages keep `$...$` and `$$...$$` in the text of
their Markdown cells. Both become KaTeX's HTML, with MathML beside it for screen readers, made by the
vendored `vendor/katex.min.js` running in QuickJS. A formula KaTeX cannot read fails the build and
names the page. Pages with math get KaTeX's stylesheet (`page.meta["katex"]`, see overrides/main.html).
What a build typeset is kept in .cache/katex/, keyed on the KaTeX script, its options and the platform
(sitebuild.store), so that the next build runs KaTeX only for formulas it has not seen.
"""

from __future__ import annotations

import html
import json
import logging
import re
from functools import cache
from pathlib import Path

import quickjs
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from sitebuild import is_notebook, store

log = logging.getLogger("mkdocs.hooks.katex")
KATEX_JS = Path(__file__).resolve().parent / "vendor" / "katex.min.js"
RENDER = """function render(tex, display) {
  return katex.renderToString(tex, {displayMode: display, throwOnError: true});
}"""

# what pymdownx.arithmatex writes for \( inline \) and \[ display \] math; an inline formula with the punctuation
# right after it, which the browser would otherwise let wrap onto the next line alone
MARKED = re.compile(
    r'<span class="arithmatex">\\\((?P<inline>.+?)\\\)</span>(?P<after>[.,;:!?)]*)'
    r'|<div class="arithmatex">\\\[(?P<display>.+?)\\\]</div>',
    re.S,
)
# math in the text of a notebook's Markdown cell: $$display$$ or $inline$ (and the punctuation after it)
DOLLARS = re.compile(r"\$\$(?P<display>.+?)\$\$|\$(?P<inline>[^$\n]+?)\$(?P<after>[.,;:!?)]*)", re.S)
# a rendered Markdown cell of mkdocs-jupyter's page, up to the next cell
NOTEBOOK_CELL = re.compile(r'(<div class="[^"]*jp-RenderedMarkdown[^"]*"[^>]*>)(.*?)(?=<div class="jp-Cell |\Z)', re.S)
TAG = re.compile(r"(<[^>]+>)")
# an element whose text is never math: code, pre, script or style (an opening or a closing tag)
VERBATIM = re.compile(r"<(?P<close>/?)(?:code|pre|script|style)\b", re.I)

# formulas as KaTeX typeset them, keyed "<1 if displayed, else 0>:<TeX>": from earlier builds, and this one's
STORED: dict[str, str] = {}
USED: dict[str, str] = {}


@cache
def _engine() -> quickjs.Function:
    """KaTeX loaded once into a QuickJS context; returns its render(tex, display) function."""
    context = quickjs.Context()
    context.eval(KATEX_JS.read_text(encoding="utf-8"))
    context.eval(RENDER)
    return context.get("render")


def _render(tex: str, display: bool) -> str:
    """Run KaTeX on one formula; ValueError with KaTeX's message when it cannot parse it."""
    try:
        return _engine()(tex, display)
    except quickjs.JSException as problem:
        raise ValueError(str(problem).splitlines()[0]) from None  # KaTeX's message, not its stack


def typeset(tex: str, display: bool) -> str:
    """KaTeX's HTML for one formula (tex as the author wrote it): kept from an earlier build, or rendered now."""
    key = f"{int(display)}:{tex}"
    if key not in USED:
        USED[key] = STORED[key] if key in STORED else _render(tex, display)
    return USED[key]


def formulas_file() -> Path:
    """The file of formulas typeset by this very katex.min.js, called with these very options, on this platform."""
    key = store.key(store.files_digest([KATEX_JS]), RENDER)
    return store.folder("katex", key) / "formulas.json"


def on_pre_build(config) -> None:
    """Read what earlier builds typeset with this KaTeX."""
    STORED.clear()
    USED.clear()
    try:
        STORED.update(json.loads(formulas_file().read_text(encoding="utf-8")))
    except (OSError, ValueError):
        pass


def on_post_build(config) -> None:
    """Keep this build's formulas for the next build: only these, so nothing stale piles up."""
    if USED == STORED:
        return
    store.write(formulas_file(), json.dumps(USED, sort_keys=True))
    log.info("cache: %d formula(s) typeset", len(USED.keys() - STORED.keys()))


def _formula(match: re.Match[str]) -> str:
    """KaTeX's HTML for a match with a `display` or an `inline` group (HTML-escaped TeX).

    An inline formula that cannot break anyway (one `katex-base` box: KaTeX lets a line break only between them) is
    kept on one line with the punctuation after it (site.css: `.katex-and-after`); a longer one keeps its breaks.
    """
    if match["display"] is not None:
        return typeset(html.unescape(match["display"]), True)
    formula = typeset(html.unescape(match["inline"]), False)
    if match["after"] and formula.count('class="katex-base"') == 1:
        return f'<span class="katex-and-after">{formula}{match["after"]}</span>'
    return formula + match["after"]


def typeset_notebook(content: str) -> str:
    """Replace the dollar math in the text of a notebook page's Markdown cells, never inside code."""

    def cell(match: re.Match[str]) -> str:
        parts = TAG.split(match[2])
        verbatim = 0  # how many verbatim elements are open here
        for index, part in enumerate(parts):
            if index % 2:  # a tag
                tag = VERBATIM.match(part)
                if tag:
                    verbatim = max(0, verbatim - 1) if tag["close"] else verbatim + 1
            elif not verbatim and "$" in part:
                parts[index] = DOLLARS.sub(_formula, part)
        return match[1] + "".join(parts)

    return NOTEBOOK_CELL.sub(cell, content)


def typeset_page(content: str, page) -> str:
    """The page's HTML with its math typeset; a page that has any (whose HTML changed) gets KaTeX's stylesheet."""
    try:
        typeset_html = typeset_notebook(content) if is_notebook(page) else MARKED.sub(_formula, content)
    except ValueError as problem:
        raise PluginError(f"{page.file.src_uri}: KaTeX cannot typeset a formula: {problem}") from None
    if typeset_html != content:
        page.meta["katex"] = True
    return typeset_html


# after Material's search has indexed the page: it takes each formula once, as the TeX the author wrote,
# not KaTeX's drawing flattened to text ("E=21(y-l)2" for a half of (y - l) squared) and its MathML besides
@event_priority(-50)
def on_page_context(context, page, config, nav):
    """Typeset the page's math, once search has indexed it."""
    page.content = typeset_page(page.content, page)
    return context
