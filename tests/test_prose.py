"""The prose a reader sees: filled-in sentences that read as English, one number style, no build talk in chapters."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from support.pages import DOCS, chapters

# where a page keeps things other than its prose: listings, outputs, formulas, drawings
NOT_PROSE = (
    "pre, .highlight, .katex, .katex-display, svg, script, style, .jp-OutputArea, .jp-InputArea, .md-source-file"
)
PROSE = ["p", "li", "td", "th", "h1", "h2", "h3", "h4", "summary", "figcaption"]
# the nouns the pages count, none of which reads as a verb or as "times" does after a number:
# "1 iterations" and "0 lines" are the slips of a filled-in template
NOUNS = ("iteration", "line", "row", "column", "weight", "statement", "unit", "example", "layer")
PLURALS = "|".join(f"{noun}s" for noun in NOUNS)
SLIPS = {
    "a plural after 1": re.compile(rf"(?<![\w.,\u2212-])1 (?:{PLURALS})\b"),
    "a count of 0": re.compile(rf"(?<![\w.,\u2212-])0 (?:{'|'.join(NOUNS)}|{PLURALS})\b"),
    "digits next to a number word": re.compile(
        r"(?<![\w.,])\d+ of the (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b(?!-)"
    ),
    "a number of five digits or more without separators": re.compile(r"(?<![\w.,\u2212-])\d{5,}(?![\w.,]?\d)"),
}
# a sentence that chains two clauses with colons ("Verdict: partly holds: the ...") reads as a filled-in template
SENTENCE = re.compile(r"(?<=[.!?])\s+")
CLAUSE_COLON = re.compile(r":\s")
# chapters say nothing of how the site is made; that is said once, on its own page
HOW_IT_IS_MADE = "reference/how-this-site-is-made.md"
BUILD_TALK = re.compile(
    r"src/sitebuild|\btests/|when the site is built|\bthe build\b|\btest suite\b|\bthe tests\b", re.I
)


def prose_of(html: str, keep_code: bool) -> list[tuple[str, str]]:
    """(element name, text) of every prose element of a built page's article; inline code kept or blanked."""
    article = BeautifulSoup(html, "html.parser").select_one("article")
    if article is None:
        return []
    for tag in article.select(NOT_PROSE):
        tag.decompose()
    if not keep_code:
        for tag in article.select("code"):
            tag.replace_with(" ")
    return [(el.name, " ".join(el.get_text(" ").split())) for el in article.find_all(PROSE)]


def slips(html: str) -> list[str]:
    """Every templated-sentence slip in a built page: counts that read badly, unseparated numbers, colon chains."""
    found = []
    for _, text in prose_of(html, keep_code=False):
        found += [f"{what}: {m[0]!r} in {text[:90]!r}" for what, rule in SLIPS.items() for m in rule.finditer(text)]
    for name, text in prose_of(html, keep_code=True):
        if name in ("p", "li"):
            found += [f"two colons in {s[:90]!r}" for s in SENTENCE.split(text) if len(CLAUSE_COLON.findall(s)) > 1]
    return found


def built_pages(site: Path) -> list[Path]:
    """Every page of the built site but the 404 page."""
    return sorted(p for p in site.rglob("index.html") if "assets" not in p.parts)


def test_built_pages_have_no_template_slips(built_site: Path) -> None:
    """Filled-in sentences read as English, and long numbers carry thousands separators, on every built page."""
    pages = built_pages(built_site)
    assert len(pages) > 10
    found = [f"{p.relative_to(built_site)}: {s}" for p in pages for s in slips(p.read_text(encoding="utf-8"))]
    assert not found, "\n".join(found)


def test_the_slip_check_sees_each_slip() -> None:
    """Each slip named in the rules is caught in a crafted page, and the same sentences written well pass."""
    bad = [
        "<p>Trained 1 iterations in 3 ms.</p>",
        "<p>The short one prints 0 lines.</p>",
        "<li>3 of the four rows are training rows.</li>",
        "<td>10000</td>",
        "<p>Everything under this line runs 60000 times.</p>",
        "<td>4294967295</td>",
        "<p>Verdict: <strong>partly holds</strong>: the drawing has mean 0.</p>",
        "<p>The value is right, as the code shows: <code>np.exp(1)</code> is 2.718282: e is the base.</p>",
    ]
    good = [
        "<p>Trained 1 iteration in 3 ms; 10,000 iterations in 9 ms.</p>",
        "<p>The short one prints nothing, and <code>range(10000)</code> is code.</p>",
        "<li>Three of the four rows are training rows, and 1 - 0.99992250 is small.</li>",
        "<p>Lines 4\u20137 of the two-layer script: 4 \u00d7 1 times 1 \u00d7 4.</p>",
        "<td>10,000</td><td>0.00004084</td><td>4,294,967,295</td>",
        "<p>Verdict: <strong>partly holds</strong>. In numbers, the drawing has mean 0.</p>",
        "<pre>Trained 1 iterations: 10000: 0 lines</pre>",
    ]
    for html in bad:
        assert slips(f"<article>{html}</article>"), html
    for html in good:
        assert not slips(f"<article>{html}</article>"), html


def test_no_chapter_talks_about_the_build() -> None:
    """No reader's page names the build code, the tests or the build itself; the page on how the site is made does."""
    found = [
        f"{page.name}: {m[0]!r}"
        for page in chapters()
        if page.name not in (HOW_IT_IS_MADE, "index.md")
        for m in BUILD_TALK.finditer(page.prose)
    ]
    assert not found, "\n".join(found)
    home = (DOCS / "index.md").read_text(encoding="utf-8")
    assert not re.search(r"src/sitebuild|\btests/", home), "the home page names no build code or tests"
    made = (DOCS / HOW_IT_IS_MADE).read_text(encoding="utf-8")
    assert BUILD_TALK.search(made) and "how-this-site-is-made.md" in home


def test_the_build_talk_check_sees_build_talk() -> None:
    """The phrases it looks for are found in the sentences the chapters used to write."""
    for sentence in (
        "Source: `src/tinynet/two_layer.py`, checked by `src/sitebuild/facts/notes.py`.",
        "`tests/test_gradcheck.py` runs the same check every time the test suite runs.",
        "Every number below comes from running the code when the site is built.",
        "The shapes are not typed in: the build runs one training iteration.",
        "Every session below is run by the tests, so the outputs are the real ones.",
    ):
        assert BUILD_TALK.search(sentence), sentence
    assert not BUILD_TALK.search("Source: `src/tinynet/two_layer.py`, run through `tinynet.train_two_layer`.")
