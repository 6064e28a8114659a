"""Every guard of the build, proven: break exactly what it guards and see it refuse, naming the page."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

import sitebuild.facts as facts
from conftest import ROOT, build_site
from sitebuild.includes import CANONICAL, canonical_problems, check_includes

PAGE = "part-9/chapter.md"


def listing(spec: str, linenums: int | str, heading: str = "## Line 36: the slope {#line-36}") -> str:
    """A page with one listing under a heading: the fence states linenums, the include line is spec."""
    return f'# Chapter\n\n{heading}\n\nProse.\n\n```python linenums="{linenums}"\n{spec}\n```\n\nMore prose.\n'


def refused(markdown: str, root: Path = ROOT) -> str:
    """The guard's message for a page it must refuse; it names the page."""
    with pytest.raises(PluginError) as caught:
        check_includes(markdown, PAGE, root)
    message = str(caught.value)
    assert message.startswith(f"{PAGE}: "), message
    return message


def test_the_right_listing_passes() -> None:
    """The control: the form the guard reads, with the right fence and heading, builds."""
    check_includes(listing('--8<-- "src/tinynet/two_layer.py:36:36"', 36), PAGE)
    check_includes(listing('--8<-- "src/tinynet/two_layer.py"', 1, "## The whole script"), PAGE)


def test_every_page_of_the_site_passes() -> None:
    """The guard holds on the real chapters (so the refusals below are not the guard refusing everything)."""
    pages = sorted((ROOT / "docs").rglob("*.md"))
    shown = 0
    for page in pages:
        markdown = page.read_text(encoding="utf-8")
        check_includes(markdown, page.relative_to(ROOT / "docs").as_posix())
        shown += markdown.count("--8<--")
    assert shown >= 40


@pytest.mark.parametrize(("span", "size"), [("40:43", 42), ("0:1", 42), ("43:43", 42), ("7:5", 42)])
def test_a_range_leaving_the_file_is_refused(span: str, size: int) -> None:
    """Lines past the end (or before the start, or backwards) of the file fail."""
    first, last = span.split(":")
    message = refused(listing(f'--8<-- "src/tinynet/two_layer.py:{span}"', first, f"## Lines {span} {{#lines-x}}"))
    assert f"include of src/tinynet/two_layer.py:{span}: lines {first}-{last} are not in a file of {size} lines" in (
        message
    )


def test_a_wrong_linenums_is_refused() -> None:
    """The fence must number the listing from its range's first line."""
    message = refused(listing('--8<-- "src/tinynet/two_layer.py:36:36"', 35))
    assert 'include of src/tinynet/two_layer.py:36:36: the fence above must say linenums="36"' in message


def test_a_listing_outside_a_numbered_fence_is_refused() -> None:
    """An include in prose, or in a fence without linenums, has no line numbers to check."""
    bare = "## Line 36 {#line-36}\n\n" + '--8<-- "src/tinynet/two_layer.py:36:36"\n'
    assert 'the fence above must say linenums="36"' in refused(bare)
    plain = "## Line 36 {#line-36}\n\n```python\n" + '--8<-- "src/tinynet/two_layer.py:36:36"\n```\n'
    assert 'the fence above must say linenums="36"' in refused(plain)


def test_a_listing_under_the_heading_for_another_range_is_refused() -> None:
    """Line 32 shown (and numbered 32) under the heading of line 36 fails."""
    message = refused(listing('--8<-- "src/tinynet/two_layer.py:32:32"', 32))
    assert "include of src/tinynet/two_layer.py:32:32: shown under the heading {#line-36}, for lines 36-36" in message
    wider = refused(listing('--8<-- "src/tinynet/two_layer.py:34:36"', 34))
    assert "shown under the heading {#line-36}" in wider


def test_a_heading_without_its_listing_is_refused() -> None:
    """A line heading promises its lines: a section without the listing, or with two, fails."""
    empty = "## Line 36 {#line-36}\n\nProse only.\n\n## Line 39 {#line-39}\n\n" + listing(
        '--8<-- "src/tinynet/two_layer.py:39:39"', 39, "### Code"
    )
    assert "the heading {#line-36} shows no listing of its lines" in refused(empty)
    last = listing('--8<-- "src/tinynet/two_layer.py:36:36"', 36) + "\n## Line 39 {#line-39}\n\nNothing.\n"
    assert "the heading {#line-39} shows no listing" in refused(last)
    twice = listing('--8<-- "src/tinynet/two_layer.py:36:36"', 36)
    twice += '\n```python linenums="36"\n--8<-- "src/tinynet/two_layer.py:36:36"\n```\n'
    assert "shown under the heading {#line-36}" in refused(twice)


def test_headings_inside_fences_are_not_headings() -> None:
    """A `# comment` in a code block does not end the section above it (the guard still sees the heading)."""
    page = listing('--8<-- "src/tinynet/two_layer.py:32:32"', 32).replace(
        "Prose.\n", "```pycon\n# a comment, not a heading\n>>> 1\n1\n```\n"
    )
    assert "shown under the heading {#line-36}" in refused(page)


@pytest.mark.parametrize(
    "path", ["src/tinynet/no_such_script.py", "src/tinynet/no_such_script.py:1:1", "src/../tests/conftest.py:1:1"]
)
def test_a_missing_file_is_refused(path: str) -> None:
    """A listing of a file that does not exist under src/ fails, with its path."""
    assert f"include of {path}: no such file under src/" in refused(listing(f'--8<-- "{path}"', 1, "## Code"))


@pytest.mark.parametrize(
    "spec",
    [
        "--8<-- 'src/tinynet/two_layer.py:36:36'",  # single quotes
        "--8<-- 'src/tinynet/two_layer.py'",
        '--8<--  "src/tinynet/two_layer.py:36:36"',  # two spaces
        '--8<-- "src/tinynet/two_layer.py:36:36" ',  # a trailing space
        '  --8<-- "src/tinynet/two_layer.py:36:36"',  # indented
        '--8<--\t"src/tinynet/two_layer.py:36:36"',
        '--8<-- "tinynet/two_layer.py:36:36"',  # not under src/
        '--8<-- "two_layer.py"',
        '--8<-- "src/tinynet/two_layer.py:36"',  # one number
        '--8<-- "src/tinynet/two_layer.py:34:35,36:36"',  # several ranges
        '--8<-- "src/tinynet/two_layer.py:loop"',  # a named section
        '--8<-- "src/tinynet/two_layer.py" "src/tinynet/three_layer.py"',  # several files
        '--8<-- "src/tinynet/two_layer.py:36:36" "src/tinynet/two_layer.py:39:39"',
        "--8<-- src/tinynet/two_layer.py",  # no quotes
        "--8<--",  # the block form's first line
        ';--8<-- "src/tinynet/two_layer.py:36:36"',  # escaped
        '--8<-- "https://example.org/two_layer.py"',  # a URL
        '--8<-- "src/tinynet/data.txt"',  # not a Python file
        '-8<- "src/tinynet/two_layer.py:36:36"',  # the short mark would slip past: refused too
    ],
)
def test_include_syntax_the_guard_does_not_read_is_refused(spec: str) -> None:
    """Every other way of writing an include fails the build; none passes unchecked."""
    message = refused(listing(spec, 36))
    assert "the include guard reads only" in message and "line 8" in message


def test_the_published_single_quote_breakage_is_refused() -> None:
    """The audit's breakage: line 32 with single quotes, numbered 36, under the Line 36 heading."""
    message = refused(listing("--8<-- 'src/tinynet/two_layer.py:32:32'", 36))
    assert "--8<-- 'src/tinynet/two_layer.py:32:32'" in message


def test_an_included_file_that_includes_another_is_refused(tmp_path: Path) -> None:
    """Snippets would expand a --8<-- line inside the included file, unchecked: refused."""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "nested.py").write_text('x = 1\n--8<-- "src/other.py"\n', encoding="utf-8")
    message = refused(listing('--8<-- "src/nested.py"', 1, "## Code"), root=tmp_path)
    assert "include of src/nested.py: the file itself holds a snippet mark" in message


def test_the_canonical_scripts_have_their_published_hashes() -> None:
    """The three canonical scripts hold the pinned bytes: any edit to them is a deliberate act."""
    assert sorted(CANONICAL) == [
        f"src/tinynet/{name}" for name in ("eleven_lines.py", "three_layer.py", "two_layer.py")
    ]
    for name, expected in CANONICAL.items():
        assert hashlib.sha256((ROOT / name).read_bytes()).hexdigest() == expected, name
    assert canonical_problems() == []
    lengths = {name: len((ROOT / name).read_text(encoding="utf-8").splitlines()) for name in CANONICAL}
    assert lengths == {
        "src/tinynet/two_layer.py": 42,
        "src/tinynet/three_layer.py": 50,
        "src/tinynet/eleven_lines.py": 12,
    }


def copy_scripts(tmp_path: Path) -> Path:
    """A tree holding only src/tinynet's canonical scripts, to edit."""
    for name in CANONICAL:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / name, tmp_path / name)
    return tmp_path


def test_an_edit_that_keeps_every_line_in_place_is_caught(tmp_path: Path) -> None:
    """One changed character on line 36 (no line moves) fails every listing of that script, naming it."""
    root = copy_scripts(tmp_path)
    script = root / "src" / "tinynet" / "two_layer.py"
    lines = script.read_text(encoding="utf-8").splitlines(keepends=True)
    assert "nonlin(l1,True)" in lines[35]
    lines[35] = lines[35].replace("nonlin(l1,True)", "nonlin(l1,False)")
    script.write_text("".join(lines), encoding="utf-8")
    assert [p.split(" ")[0] for p in canonical_problems(root)] == ["src/tinynet/two_layer.py"]
    message = refused(listing('--8<-- "src/tinynet/two_layer.py:39:39"', 39, "## Line 39 {#line-39}"), root)
    assert "include of src/tinynet/two_layer.py:39:39: src/tinynet/two_layer.py should hold the published script" in (
        message
    )
    check_includes(listing('--8<-- "src/tinynet/three_layer.py:43:43"', 43, "## Line 43 {#line-43}"), PAGE, root)


def test_a_shifted_script_is_caught(tmp_path: Path) -> None:
    """A blank line inserted at the top moves every line: the hash no longer matches."""
    root = copy_scripts(tmp_path)
    script = root / "src" / "tinynet" / "three_layer.py"
    script.write_text("\n" + script.read_text(encoding="utf-8"), encoding="utf-8")
    assert "src/tinynet/three_layer.py should hold the published script" in canonical_problems(root)[0]
    (root / "src" / "tinynet" / "eleven_lines.py").unlink()
    assert canonical_problems(root)[-1] == "src/tinynet/eleven_lines.py is missing"


def test_windows_line_endings_keep_the_hash(tmp_path: Path) -> None:
    """A checkout with CRLF line endings holds the same script: it passes."""
    root = copy_scripts(tmp_path)
    for name in CANONICAL:
        (root / name).write_bytes((ROOT / name).read_bytes().replace(b"\n", b"\r\n"))
    assert canonical_problems(root) == []


def test_a_fact_provided_twice_is_refused() -> None:
    """Two providers giving the same name stop the facts (and so the build), naming the fact and the provider."""

    def first() -> dict[str, str]:
        return {"slope_at_0": "0.25"}

    def again() -> dict[str, str]:
        return {"other": "1", "slope_at_0": "0.5"}

    with pytest.raises(ValueError, match=r"fact 'slope_at_0' is provided twice \(again by again\)"):
        facts.compute_all([first, again])
    assert facts.compute_all([first]) == {"slope_at_0": "0.25"}


def test_a_fact_that_is_not_text_is_refused() -> None:
    """A provider must give the exact text to show, not a number."""
    with pytest.raises(TypeError, match="fact 'slope_at_0' must be text, not float"):
        facts.compute_all([lambda: {"slope_at_0": 0.25}])


def test_a_single_quoted_listing_fails_the_real_build(tree_copy: Path, tmp_path: Path) -> None:
    """End to end: the audit's breakage in a copy of the tree, and `mkdocs build --strict` stops, naming the page."""
    page = tree_copy / "docs" / "part-1" / "line-by-line.md"
    text = page.read_text(encoding="utf-8")
    right = '```python linenums="36"\n--8<-- "src/tinynet/two_layer.py:36:36"\n```'
    assert text.count(right) == 1
    page.write_text(
        text.replace(right, right.replace('"src/tinynet/two_layer.py:36:36"', "'src/tinynet/two_layer.py:32:32'"))
    )
    done = build_site(tmp_path / "out", root=tree_copy)
    output = done.stdout + done.stderr
    assert done.returncode != 0
    assert "part-1/line-by-line.md: line " in output and "the include guard reads only" in output
    assert not (tmp_path / "out" / "part-1" / "line-by-line" / "index.html").exists()
