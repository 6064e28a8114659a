"""The site builds strictly and offline, and the build refuses what must not pass."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from conftest import OFFLINE, ROOT, build_site, offline_env
from sitebuild.examples import problems
from support.published import PUBLISHED_L1


def test_strict_offline_build(built_site: Path) -> None:
    """mkdocs build --strict succeeded with every connection off this machine refused; it has a home page."""
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "<title>" in home and "Eleven lines" in home


def test_every_script_file_waits_for_the_page(built_site: Path) -> None:
    """Material's bundle and the site's scripts are deferred on every page (overrides/main.html), so a phone
    draws the page before it runs them; a change in Material's template would silently undo that."""
    pages = list(built_site.rglob("*.html"))
    scripts = [tag for page in pages for tag in re.findall(r"<script\b[^>]*\bsrc=[^>]*>", page.read_text("utf-8"))]
    assert len(scripts) >= 2 * len(pages), "the bundle and the site's own script on every page"
    assert [tag for tag in scripts if not re.search(r"\bdefer\b", tag)] == []


def test_stepper_and_explorer_code_loads_only_where_it_is_used(built_site: Path) -> None:
    """stepper.js where a stepper is, explorer.js where an explorer is, share.js on both, none elsewhere."""
    seen = {"stepper.js": [], "explorer.js": [], "share.js": []}
    for page in sorted(built_site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        stepper = 'class="stepper" data-net=' in text
        explorer = 'id="training-explorer"' in text or 'id="three-layer-explorer"' in text
        wanted = {"stepper.js": stepper, "explorer.js": explorer, "share.js": stepper or explorer}
        for script, used in wanted.items():
            loaded = re.search(rf'<script\b[^>]*\bsrc="[^"]*/{re.escape(script)}"', text) is not None
            assert loaded == used, f"{page.relative_to(built_site)}: {script} {'missing' if used else 'loaded'}"
            if loaded:
                seen[script].append(page.parent.name)
    assert seen == {
        "stepper.js": ["line-by-line", "three-layer-network"],
        "explorer.js": ["watching-it-learn", "three-layer-training"],
        "share.js": ["line-by-line", "watching-it-learn", "three-layer-network", "three-layer-training"],
    }


def test_offline_guard_really_refuses() -> None:
    """The guard used by the build refuses a connection to another host (so the build above proves something)."""
    code = (
        "import socket\ntry:\n socket.create_connection(('192.0.2.1', 80), timeout=1)\nexcept OSError as e:\n print(e)"
    )
    done = subprocess.run([sys.executable, "-c", code], env=offline_env(), capture_output=True, text=True, check=False)
    assert "offline guard" in done.stdout, (OFFLINE, done.stdout, done.stderr)


def test_home_page_shows_the_published_output(built_site: Path) -> None:
    """The home page's four outputs of the trained network are the post's, to its last printed digit."""
    home = html.unescape(re.sub(r"<[^>]+>", "", (built_site / "index.html").read_text(encoding="utf-8")))
    found = re.search(r"network prints \[([^\]]*)\] for its four training rows", home)
    assert found, "no trained output in the home page's sentence"
    shown = [Decimal(v) for v in found[1].split(",")]
    assert len(shown) == len(PUBLISHED_L1)
    for value, published in zip(shown, PUBLISHED_L1, strict=True):
        unit = Decimal(1).scaleb(Decimal(published).as_tuple().exponent)  # the last digit the post printed
        assert value.as_tuple().exponent <= Decimal(published).as_tuple().exponent, (value, published)
        assert abs(value - Decimal(published)) <= unit, (value, published)
    assert "{{" not in home


def test_unknown_fact_fails_the_build(tree_copy: Path, tmp_path: Path) -> None:
    """A page naming a fact nobody computes does not build."""
    page = tree_copy / "docs" / "index.md"
    page.write_text(page.read_text() + "\nThe answer is {{ no_such_fact }}.\n")
    done = build_site(tmp_path / "out", root=tree_copy)
    assert done.returncode != 0
    assert "index.md: unknown fact 'no_such_fact'" in done.stdout + done.stderr


def test_wrong_example_output_fails_the_build(tree_copy: Path, tmp_path: Path) -> None:
    """A ```pycon example whose printed output is wrong stops the build, naming the page."""
    page = tree_copy / "docs" / "index.md"
    page.write_text(page.read_text() + "\n```pycon\n>>> from tinynet import nonlin\n>>> nonlin(0)\n0.25\n```\n")
    done = build_site(tmp_path / "out", root=tree_copy)
    assert done.returncode != 0
    assert "index.md" in done.stdout + done.stderr and "0.25" in done.stdout + done.stderr


def test_wrong_console_output_fails_the_build(tmp_path: Path) -> None:
    """A ```console block whose command prints something else stops the build.

    Checked by the examples guard the build's hook runs on every page before any renders (`examples.problems`,
    in the build's subprocess); that a problem it finds fails a real strict build is proven just above.
    """
    page = tmp_path / "index.md"
    block = "\n```console\n$ python -m tinynet two-layer --iterations 1\nOutput After Training:\n[[0.5]]\n```\n"
    page.write_text((ROOT / "docs" / "index.md").read_text(encoding="utf-8") + block, encoding="utf-8")
    found = problems(page)
    assert len(found) == 1 and found[0].startswith("index.md, line ") and "[[0.5]]" in found[0], found
