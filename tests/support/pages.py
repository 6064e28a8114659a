"""Read the chapters as a reader sees them: prose apart from code, line references, numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sitebuild.includes import heading_ranges

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

FENCE = re.compile(r"^(\s*)(```|~~~)")
INLINE_CODE = re.compile(r"`[^`\n]*`")
FACT = re.compile(r"\{\{\s*[A-Za-z0-9_]+\s*\}\}")
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
COMMENT = re.compile(r"<!--.*?-->", re.S)
MATH = re.compile(r"\$\$.*?\$\$|\$[^$\n]+\$|\\\(.*?\\\)|\\\[.*?\\\]", re.S)
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
LINE_WORDS = re.compile(r"\b[Ll]ines?\s+\d+")


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
    """Headings with {#line-N} or {#lines-A-B} ids, and the range each stands for (the build's own reading)."""
    return heading_ranges(markdown)


def uncovered_code(script: Path, ranges: dict[str, tuple[int, int]]) -> list[int]:
    """The lines of a script holding code (not blank, not a comment) that no section's range covers."""
    lines = script.read_text(encoding="utf-8").splitlines()
    covered = {n for first, last in ranges.values() for n in range(first, last + 1)}
    code = [n for n, text in enumerate(lines, 1) if text.strip() and not text.strip().startswith("#")]
    return [n for n in code if n not in covered]


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
SHAPE_FACT = re.compile(r"^shape3?_(\w+)$")
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


# --- typed numbers -----------------------------------------------------------------------------------------

# numbers written as words: counts, fractions, percentages ("one" alone reads as "a" and is left alone,
# ordinals such as "first" name a position; "one percent", "a fifth of" and "ten-thousandth" are caught)
NUMBER_WORDS = (
    r"zero|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?"
    r"|millions?|billions?|dozens?|half|halves|quarters?|tenths?|hundredths?|thousandths?|millionths?"
    r"|percent|per cent|twice|thrice|double|triple|a (?:third|fourth|fifth|sixth|seventh|eighth|ninth) of"
)
TYPED_NUMBER = re.compile(
    r"(?<![\w.])[-+\u2212]?\d+(?:,\d{3})*(?:\.\d+)?(?:e[-+]?\d+|st|nd|rd|th)?(?![\w])|%|\b(?:" + NUMBER_WORDS + r")\b",
    re.I,
)
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# the only quantities prose may type: each is a name, a version, a date or the data's own alphabet
ALLOWED = re.compile(
    "|".join(
        [
            r"\b(?:two|three)-layer\b",  # the two networks' names
            r"\b(?:42|50|11)-line\b",  # the scripts' names: the 42-line, 50-line and 11-line scripts
            r"\b11 lines\b|\bEleven lines\b",  # the post's title, and the site's
            r"\bPart [12]\b|\blayers? [012]\b",  # the chapters' names; the layers' names (l0, l1, l2)
            r"\bPython [23](?:\.\d+)?\b|(?<![\d.])\d+\.\d+\.\d+\b",  # language and package versions (0.1.0)
            rf"\b(?:\d{{1,2}} (?:{MONTHS}) )?(?:19|20)\d\d\b",  # years and dates of the works cited
            r"(?<![\w.,])[-\u2212]?[01](?![\w%]|[.,]\d)|\bzero\b",  # 0, 1 (and -1): the data's values, the ranges' ends
        ]
    ),
    re.I,
)
# a quotation of the post's or the notes' own words ("rounded to two decimal places") is theirs, not ours
QUOTATION = re.compile(r'"[^"\n]{1,80}"')
# a number right after "iteration" is an iteration's number, never the data's 0 or 1
ITERATION_NUMBER = re.compile(r"\biterations?\s+[-\u2212]?\d+(?:,\d{3})*", re.I)
HTML = re.compile(r"<svg\b.*?</svg>|<[^>]+>|\{[#.:][^}\n]*\}", re.S)  # tags, drawings, {#id .class} lists
LINK_TARGET = re.compile(r"\]\([^)]*\)")
LIST_MARKER = re.compile(r"^\s*\d+\.\s", re.M)
HEADING_LINE_WORDS = re.compile(r"^(#{1,6} .*?)\b[Ll]ines? \d+(?:\u2013\d+)?", re.M)
# a command line or an option quoted inline: its numbers are its input (the pages' console examples are run)
COMMAND = re.compile(r"`(?:python -m tinynet|--)")
# in inline code, a decimal (other than 0.0 and 1.0) or a count of four digits or more is a value quoted, not code
QUOTED_VALUE = re.compile(r"(?<![\w.])[-\u2212]?(?![01]\.0+\b)\d+\.\d+|(?<![\w.])\d{4,}(?![\w])|\d{1,3}(?:,\d{3})+")


def typed_numbers(markdown: str, allowed_literals: set[str] = frozenset(), code: str = "") -> list[str]:
    """Every number typed into a page's prose or quoted in its inline code, other than the allowed ones.

    Line references inside links and headings are left to the line guards; a notebook passes
    its code cells' literals (the numbers its own code uses and prints) as allowed_literals, and inline
    code found verbatim in `code` (the scripts) quotes the code, not a value.
    """
    text = FACT.sub(" ", MATH.sub(" ", without_fences(markdown)))
    text = HTML.sub(" ", HEADING_LINE_WORDS.sub(r"\1", text))
    text = LINK.sub(lambda m: "" if LINE_WORDS.search(m[1]) else m[1], text)
    found = []
    for span in INLINE_CODE.findall(text):
        if span.strip("`") not in code and not COMMAND.match(span):
            found += [v for v in QUOTED_VALUE.findall(span) if v not in allowed_literals]
    prose = QUOTATION.sub(" ", LIST_MARKER.sub(" ", LINK_TARGET.sub("]", INLINE_CODE.sub(" ", text))))
    for line in prose.splitlines():
        iterations = ITERATION_NUMBER.findall(line)
        found += [m for m in iterations if m.split()[-1] not in allowed_literals]
        line = ALLOWED.sub(" ", ITERATION_NUMBER.sub(" ", line))
        found += [m for m in TYPED_NUMBER.findall(line) if literal(m) not in allowed_literals]
    return found


def literal(number: str) -> str:
    """A typed number as code would write it: an ASCII minus, no ordinal suffix (100th is 100)."""
    return re.sub(r"(?<=\d)(?:st|nd|rd|th)$", "", number.replace("\u2212", "-"))


def notebook_cells(source: str) -> list[tuple[str, str]]:
    """A jupytext notebook's cells in order, as (kind, text): kind is "markdown" or "code"; comment marks kept."""
    cells: list[tuple[str, list[str]]] = []
    for line in source.splitlines():
        if line.startswith("# %%"):
            cells.append(("markdown" if "[markdown]" in line else "code", []))
        elif cells:
            cells[-1][1].append(line)
    return [(kind, "\n".join(lines)) for kind, lines in cells]


def notebook_typed_numbers(source: str, code: str = "") -> list[str]:
    """Numbers typed into a notebook's Markdown cells that the code cell just before or after does not write.

    A number in a notebook's prose must be one the neighbouring code uses, and so prints beside its result.
    """
    cells = notebook_cells(source)
    found = []
    for i, (kind, text) in enumerate(cells):
        if kind != "markdown":
            continue
        before = next((t for k, t in reversed(cells[:i]) if k == "code"), "")
        after = next((t for k, t in cells[i + 1 :] if k == "code"), "")
        found += typed_numbers(
            notebook_markdown("# %% [markdown]\n" + text), number_literals(before + "\n" + after), code
        )
    return found


RUN_FENCE = re.compile(r"^(```+|~~~+)\s*(pycon|console|python)\s*$")


def example_literals(markdown: str) -> set[str]:
    """The numbers a page's run examples (pycon, console and python blocks, all checked by the tests) contain."""
    code: list[str] = []
    fence: str | None = None
    for line in markdown.splitlines():
        if fence is None:
            match = RUN_FENCE.match(line.strip())
            fence = match[1] if match else None
        elif line.strip().startswith(fence):
            fence = None
        else:
            code.append(line)
    return number_literals("\n".join(code))


def number_literals(code: str) -> set[str]:
    """The numbers written in some code, as written (a minus sign kept, with and without thousands commas)."""
    literals = set(re.findall(r"(?<![\w.])-?\d+(?:\.\d+)?", code.replace("_", "")))
    literals |= {v.lstrip("-") for v in literals}
    literals |= {v.split(".")[0] for v in literals if re.fullmatch(r"-?\d+\.0+", v)}  # 2.0 is 2
    return literals | {f"{int(v):,}" for v in literals if v.isdigit()}
