"""Same machine, same lock: a cold build and the suite's build of the same sources give the same bytes."""

from __future__ import annotations

import gzip
import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from conftest import ROOT


def files(site: Path) -> dict[str, bytes]:
    """Every file of a built site, by its path inside the site."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_a_clean_build_equals_the_suite_build(cold_site: Path, built_site: Path) -> None:
    """Pages, plots, notebooks, search index and sitemap come out byte for byte the same from a cold build.

    The suite's own build (`built_site`) is cold on a fresh clone and reuses the cache in a work tree,
    so this also shows that cached notebook output is the output a cold build gives.
    """
    a, b = files(built_site), files(cold_site)
    assert len(a) > 50 and any(name.endswith(".ipynb") for name in a)
    differ = sorted(name for name in a.keys() & b.keys() if a[name] != b[name])
    assert not differ, f"these files differ between two builds: {differ}"
    assert a.keys() == b.keys(), f"only in one build: {sorted(a.keys() ^ b.keys())}"


def test_build_date_is_the_last_commit(built_site: Path) -> None:
    """The sitemap's dates and its gzip header come from the last commit, not from the clock."""
    done = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True)
    commit = int(done.stdout)
    day = datetime.fromtimestamp(commit, UTC).strftime("%Y-%m-%d")
    dates = set(re.findall(r"<lastmod>([^<]+)</lastmod>", (built_site / "sitemap.xml").read_text(encoding="utf-8")))
    assert dates == {day}
    with gzip.open(built_site / "sitemap.xml.gz") as packed:
        packed.read()
        assert packed.mtime == int(datetime.strptime(day, "%Y-%m-%d").replace(tzinfo=UTC).timestamp())


def test_plots_carry_no_version_or_date(built_site: Path) -> None:
    """The plots on the notebook pages hold pixels only: no matplotlib version, no date."""
    plots = [image.read_bytes() for image in built_site.rglob("plot-*.png")]
    assert plots, "no plot found on any page"
    stamped = [png[:40] for png in plots if b"Matplotlib" in png or b"tEXt" in png or b"tIME" in png]
    assert not stamped
