"""Every formula is typeset by KaTeX when the site is built (src/sitebuild/katex.py): pages run no script for math."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from sitebuild import katex
from support.browser import search_text
from support.pages import INLINE_CODE, chapters, without_fences

ROOT = Path(__file__).resolve().parent.parent
STYLESHEET = ROOT / "docs" / "assets" / "vendor" / "katex" / "katex.min.css"
MARKDOWN_MATH = re.compile(r"\\\(.+?\\\)|\\\[.+?\\\]", re.S)
NOTEBOOK_MATH = re.compile(r"\$\$.+?\$\$|\$[^$\n]+?\$", re.S)
TYPESET = re.compile(r'<span class="katex">')
KATEX_CSS = re.compile(r'<link rel="stylesheet" href="[^"]*assets/vendor/katex/katex\.min\.css">')
PAGES = chapters()


def built_page(site: Path, source: Path) -> Path:
    """The built HTML of a docs/ source file."""
    stem = source.relative_to(ROOT / "docs").with_suffix("").as_posix()
    return site / ("index.html" if stem == "index" else f"{stem}/index.html")


def formulas_in(source: Path, prose: str) -> int:
    """How many formulas the page's author wrote: \\(...\\) and \\[...\\] in Markdown, $ and $$ in notebooks."""
    pattern = NOTEBOOK_MATH if source.suffix == ".py" else MARKDOWN_MATH
    return len(pattern.findall(INLINE_CODE.sub(" ", without_fences(prose))))


def fake_page(name: str, notebook: bool) -> SimpleNamespace:
    """Enough of an MkDocs page for the hook: its source name, its meta, and nb_url for a notebook."""
    return SimpleNamespace(file=SimpleNamespace(src_uri=name), meta={}, nb_url="x.ipynb" if notebook else None)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_formula_is_typeset(built_site: Path, page) -> None:
    """Each formula of the source is one KaTeX formula on the built page, and no raw TeX is left for a script."""
    html = built_page(built_site, page.path).read_text(encoding="utf-8")
    expected = formulas_in(page.path, page.prose)
    assert len(TYPESET.findall(html)) == expected
    assert 'class="arithmatex"' not in html
    assert bool(KATEX_CSS.search(html)) == (expected > 0), "KaTeX's stylesheet goes with math, and only with it"


def test_search_takes_each_formula_once_as_tex(built_site: Path) -> None:
    """The search index holds each formula once, as the TeX its author wrote: not KaTeX's drawing flattened to text
    (which reads a half as "21", and puts a zero-width space after each subscript), nor its MathML's text."""
    text = search_text(built_site)
    assert "\u200b" not in text
    sigmoid = "\\(\\sigma(x) = 1 / (1 + e^{-x})\\)"  # part-1/line-by-line.md, lines 4-7
    assert sigmoid in (ROOT / "docs" / "part-1" / "line-by-line.md").read_text(encoding="utf-8")
    chapter = search_text(built_site, "part-1/line-by-line/")
    assert chapter.count(sigmoid) == 1 and "\u03c3(x)=1/(1+e\u2212x)" not in chapter
    assert "$$E = \\tfrac12 (y - l)^2.$$" in text, "a notebook's formula, as its Markdown cell has it"


def test_the_count_sees_math() -> None:
    """The pages above do hold math: the count is not zero everywhere."""
    counts = {page.name: formulas_in(page.path, page.prose) for page in PAGES}
    assert counts["part-1/line-by-line.md"] >= 5 and counts["part-1/sigmoid.py"] >= 10
    assert sum(1 for n in counts.values() if n) >= 5


def test_no_page_runs_a_script_for_math(built_site: Path) -> None:
    """No built file is a KaTeX, MathJax or math.js script, and no page asks for one."""
    assert not [p for p in built_site.rglob("*.js") if re.search(r"katex|mathjax|math\.js", p.name, re.I)]
    for html in built_site.rglob("*.html"):
        assert not re.search(r"<script[^>]+(katex|mathjax|math\.js)", html.read_text(encoding="utf-8"), re.I), html


def test_stylesheet_and_script_are_the_same_katex() -> None:
    """The vendored stylesheet the pages load matches the script the build runs, version for version."""
    script = re.search(r'version:"([\d.]+)"', katex.KATEX_JS.read_text(encoding="utf-8"))
    sheet = re.search(r'katex-version:after\{content:"([\d.]+)"\}', STYLESHEET.read_text(encoding="utf-8"))
    assert script and sheet and script[1] == sheet[1]


def test_markdown_math_becomes_katex() -> None:
    """Inline and displayed math of a Markdown page, HTML-escaped as arithmatex leaves it."""
    page = fake_page("page.md", notebook=False)
    html = katex.typeset_page(
        '<p>If <span class="arithmatex">\\(a &lt; b\\)</span> then</p>\n<div class="arithmatex">\\[a^2\\]</div>', page
    )
    assert html.count('<span class="katex">') == 2 and html.count('class="katex-display"') == 1
    assert "<mo>&lt;</mo>" in html, "the formula KaTeX saw is a < b, unescaped"
    assert page.meta["katex"] is True


def test_notebook_math_becomes_katex_but_code_keeps_its_dollars() -> None:
    """In a notebook's Markdown cells, $ and $$ are math; inside code, and in code cells, they stay."""
    cell = '<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown jp-MarkdownOutput">'
    html = (
        f"{cell}<p>Price $x$, not <code>$y$</code>:</p><pre>$z$</pre><p>$$w^2$$</p></div></div>"
        '<div class="jp-Cell jp-CodeCell"><pre>print("$5 and $6")</pre></div>'
    )
    page = fake_page("notebook.py", notebook=True)
    out = katex.typeset_page(html, page)
    assert out.count('<span class="katex">') == 2
    assert "<code>$y$</code>" in out and "<pre>$z$</pre>" in out and 'print("$5 and $6")' in out
    assert page.meta["katex"] is True


@pytest.mark.parametrize("notebook", [False, True], ids=["markdown", "notebook"])
def test_a_short_formula_keeps_its_full_stop(notebook: bool) -> None:
    """A formula that cannot break is kept on one line with the punctuation after it, so that a phone never starts a
    line with the full stop alone; a formula that can break keeps its breaks, and its punctuation stays as written."""
    short, long = (
        ("$1/h$", "$a = b + c$")
        if notebook
        else (
            '<span class="arithmatex">\\(1/h\\)</span>',
            '<span class="arithmatex">\\(a = b + c\\)</span>',
        )
    )
    cell = '<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown jp-MarkdownOutput">' if notebook else ""
    out = katex.typeset_page(f"{cell}<p>like {short}. Then {long}, and {short} again</p>", fake_page("p", notebook))
    assert out.count('<span class="katex">') == 3
    assert out.count('<span class="katex-and-after"><span class="katex">') == 1, out
    assert re.search(r"</span></span></span>\.</span> Then", out), "the full stop inside the glued span"
    assert re.search(r"</span></span></span>, and", out), "the breakable formula's comma left as written"


def test_a_page_without_math_gets_no_stylesheet() -> None:
    """A dollar sign in plain Markdown prose is no formula, and no math means no KaTeX stylesheet."""
    page = fake_page("page.md", notebook=False)
    assert katex.typeset_page("<p>It costs $5, or $6.</p>", page) == "<p>It costs $5, or $6.</p>"
    assert "katex" not in page.meta


@pytest.mark.parametrize("notebook", [False, True], ids=["markdown", "notebook"])
def test_a_formula_katex_cannot_read_fails_the_build(notebook: bool) -> None:
    """A broken formula stops the build with KaTeX's message and the page's name."""
    broken = (
        '<div class="jp-RenderedMarkdown"><p>$\\frac{1}{$</p></div>'
        if notebook
        else '<span class="arithmatex">\\(\\frac{1}{\\)</span>'
    )
    with pytest.raises(PluginError, match=r"chapter\.\w+: KaTeX cannot typeset a formula: .*parse error"):
        katex.typeset_page(broken, fake_page("chapter.py" if notebook else "chapter.md", notebook))


def test_a_later_build_reuses_what_katex_typeset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What one build typeset is kept, and the next build serves it without running KaTeX again."""
    monkeypatch.setattr(katex.store, "CACHE", tmp_path)
    katex.on_pre_build({})
    first = katex.typeset("x^2", False)
    katex.on_post_build({})
    assert json.loads(katex.formulas_file().read_text(encoding="utf-8")) == {"0:x^2": first}

    monkeypatch.setattr(katex, "_render", lambda tex, display: pytest.fail(f"KaTeX ran again for {tex}"))
    katex.on_pre_build({})
    assert katex.typeset("x^2", False) == first
    with pytest.raises(pytest.fail.Exception, match="ran again for x"):
        katex.typeset("x", True)  # a formula not seen before still goes to KaTeX


def test_the_kept_formulas_belong_to_one_katex_and_its_options(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another katex.min.js, or other options, mean another store: what they typeset otherwise is never served."""
    monkeypatch.setattr(katex.store, "CACHE", tmp_path)
    before = katex.formulas_file()
    script = tmp_path / "katex.min.js"
    script.write_bytes(katex.KATEX_JS.read_bytes() + b"\n// another release\n")
    monkeypatch.setattr(katex, "KATEX_JS", script)
    assert katex.formulas_file() != before and katex.formulas_file().parent.parent == before.parent.parent
    monkeypatch.undo()
    monkeypatch.setattr(katex.store, "CACHE", tmp_path)
    monkeypatch.setattr(katex, "RENDER", katex.RENDER.replace("throwOnError: true", "throwOnError: true, fleqn: true"))
    assert katex.formulas_file() != before, "other options typeset otherwise: another store"
