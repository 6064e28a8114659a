"""Read the chapters as a reader sees them: prose apart from code, line references, numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

FENCE = re.compile(r"^(\s*)(```|~~~)")
INLINE_CODE = re.compile(r"`[^`\n]*`")
FACT = re.compile(r"\{\{\s*[A-Za-z0-9_]+\s*\}\}")
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
COMMENT = re.compile(r"<!--.*?-->", re.S)
MATH = re.compile(r"\$\$.*?\$\$|\$[^$\n]+\$|\\\(.*?\\\)|\\\[.*?\\\]", re.S)
HEADING_ANCHOR = re.compile(r"^#{1,6} .*\{#(lines?-\d+(?:-\d+)?)\}\s*$")
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
LINE_WORDS = re.compile(r"\b[Ll]ines?\s+\d+")
# decimals (0.25, -4.6), counts with thousands separators (10,000) and exponents (1e-7)
TYPED_DECIMAL = re.compile(
    r"(?<![\w.])[-+\u2212]?\d+\.\d+(?:e[-+]?\d+)?"
    r"|(?<![\w,])\d{1,3}(?:,\d{3})+(?![\d])"
    r"|\b\d+e-?\d+\b"
)


@dataclass
class Page:
    """One chapter: its path and its prose (Markdown, or a notebook's Markdown cells)."""

    path: Path
    prose: str

    @property
    def name(self) -> str:
        return self.path.relative_to(DOCS).as_posix()


def chapters() -> list[Page]:
    """Every Markdown page and jupytext notebook under docs/ (vendored files left out)."""
    pages = []
    for path in sorted(DOCS.rglob("*")):
        if "assets" in path.parts or not path.is_file():
            continue
        if path.suffix == ".md":
            pages.append(Page(path, path.read_text(encoding="utf-8")))
        elif path.suffix == ".py":
            pages.append(Page(path, notebook_markdown(path.read_text(encoding="utf-8"))))
    return pages


def notebook_markdown(source: str) -> str:
    """The Markdown cells of a jupytext percent-format notebook, comment marks removed."""
    out: list[str] = []
    in_markdown = False
    for line in source.splitlines():
        if line.startswith("# %%"):
            in_markdown = "[markdown]" in line
            continue
        if in_markdown:
            out.append(line[2:] if line.startswith("# ") else line.lstrip("#"))
    return "\n".join(out)


def prose_only(markdown: str) -> str:
    """Drop front matter, comments, fenced code, inline code, math and {{ facts }}: what remains is prose."""
    return FACT.sub(" ", INLINE_CODE.sub(" ", MATH.sub(" ", without_fences(markdown))))


def without_fences(markdown: str) -> str:
    """Drop front matter, comments and fenced code blocks."""
    text = COMMENT.sub(" ", FRONT_MATTER.sub("", markdown))
    kept: list[str] = []
    fence: str | None = None
    for line in text.splitlines():
        match = FENCE.match(line)
        if fence is None and match:
            fence = match[2]
            continue
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            continue
        kept.append(line)
    return "\n".join(kept)


def anchor_ranges(markdown: str) -> dict[str, tuple[int, int]]:
    """Headings with {#line-N} or {#lines-A-B} ids, and the range each stands for."""
    found = {}
    for line in markdown.splitlines():
        match = HEADING_ANCHOR.match(line)
        if match:
            numbers = [int(n) for n in re.findall(r"\d+", match[1])]
            found[match[1]] = (numbers[0], numbers[-1])
    return found


def resolve(page: Page, target: str) -> tuple[Path | None, str]:
    """The source file and anchor a link points at (Markdown paths or built-site URLs)."""
    path_part, _, anchor = target.partition("#")
    if not path_part:
        return page.path, anchor
    if path_part.startswith(("http:", "https:", "mailto:")):
        return None, anchor
    base = page.path.parent
    if page.path.suffix == ".py" or not path_part.endswith((".md", ".py")):
        # a notebook's links, and directory URLs, are relative to the built page's own folder
        base = page.path.parent / page.path.stem if page.path.stem != "index" else page.path.parent
    candidate = (base / path_part).resolve()
    for option in (candidate, candidate.with_suffix(".md"), candidate.with_suffix(".py"), candidate / "index.md"):
        if option.is_file():
            return option, anchor
    return None, anchor


def source_text(path: Path) -> str:
    """A page's Markdown: the file itself, or a notebook's Markdown cells."""
    text = path.read_text(encoding="utf-8")
    return notebook_markdown(text) if path.suffix == ".py" else text
