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


# --- facts stay in their sentences -------------------------------------------------------------------------

# a fact whose name carries one of these tags states a number of that moment of training; the nearest phrase
# naming a moment, before it in its section, must name the same one
MOMENTS = {
    "first_iteration": r"first iteration|iteration 0\b|starting weights",
    "second_iteration": r"second iteration|iteration 1\b",
    "last_iteration": r"last iteration",
    "trained": r"after training|trained|final|after \{\{",
}
MOMENT_PHRASE = re.compile("|".join(f"(?P<{tag}>{phrase})" for tag, phrase in MOMENTS.items()), re.I)
HEADING = re.compile(r"^#{1,6} ", re.M)
PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")
# the variable a table row names in its first cell, and the shape facts that may stand in it
SHAPE_FACT = re.compile(r"^(?:shape3?|three_layer_shape)_(\w+)$")
ALIASES = {"X": "l0"}


def moment_of(name: str) -> str | None:
    """The moment of training a fact's name says it holds, if any."""
    if "starting" in name:
        return "first_iteration"
    return next((tag for tag in MOMENTS if tag in name), None)


def misplaced_moments(markdown: str) -> list[str]:
    """Facts of one moment (first iteration, last...) under a sentence that names another, or none."""
    problems = []
    for match in PLACEHOLDER.finditer(markdown):
        tag = moment_of(match[1])
        if tag is None:
            continue
        before = markdown[: match.start()]
        starts = [m.end() for m in HEADING.finditer(before)]
        section = before[starts[-1] if starts else 0 :]
        named = [m.lastgroup for m in MOMENT_PHRASE.finditer(PLACEHOLDER.sub("{{}}", section))]
        if not named or named[-1] != tag:
            problems.append(f"{match[1]} follows {named[-1] if named else 'no'} moment phrase, not {tag}")
    return problems


def misordered_families(markdown: str) -> list[str]:
    """Indexed facts (update_0, update_1...) whose first appearances are out of order (sigmoid_at_2 is no index)."""
    seen: dict[str, list[int]] = {}
    for name in PLACEHOLDER.findall(markdown):
        stem, _, index = name.rpartition("_")
        if index.isdigit() and not stem.endswith("_at") and int(index) not in seen.setdefault(stem, []):
            seen[stem].append(int(index))
    return [f"{stem}_N appear in the order {order}" for stem, order in seen.items() if order != sorted(order)]


def misplaced_cells(markdown: str) -> list[str]:
    """Table cells whose fact does not fit its row's label or its column's header."""
    problems = []
    header: list[str] = []
    for line in markdown.splitlines():
        if not line.startswith("|"):
            header = []
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not header:
            header = cells
            continue
        for column, cell in enumerate(cells):
            for name in PLACEHOLDER.findall(cell):
                problems += cell_problems(name, cells[0], header[column] if column < len(header) else "")
    return problems


def cell_problems(name: str, label: str, column: str) -> list[str]:
    """What is wrong with a fact in a table cell, given its row label and column header."""
    problems = []
    point = re.fullmatch(r"(sigmoid|slope)_at_(m?\d+)", name)
    if point:
        value = point[2].replace("m", "-")
        if point[1] not in column.lower() or label != f"\\({value}\\)":
            problems.append(f"{name} in the column {column!r} of the row {label!r}")
    shape = SHAPE_FACT.match(name)
    variable = re.fullmatch(r"`(\w+)(?: \+=)?`", label)
    if shape and variable:
        named = ALIASES.get(variable[1], variable[1])
        if shape[1] not in (variable[1], named):
            problems.append(f"{name} in the row of {label}")
    return problems
