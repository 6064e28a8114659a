"""MkDocs hook: two builds of the same commit give the same bytes.

The build date (the sitemap's `lastmod`, the gzip header of sitemap.xml.gz) is the last commit's
time, through SOURCE_DATE_EPOCH, unless it is set already. The rest needs nothing undone: notebook
cells are numbered and their printed chunks merged where they are converted (cache.py), and plots
carry no version or date (tinynet.plotting).
"""

from __future__ import annotations

import os
import subprocess

from sitebuild import ROOT


def source_date() -> int:
    """The last commit's time; outside git, the newest modification time under docs/ and src/."""
    done = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode == 0 and done.stdout.strip().isdigit():
        return int(done.stdout.strip())
    files = [p for folder in ("docs", "src") for p in (ROOT / folder).rglob("*") if p.is_file()]
    return int(max(p.stat().st_mtime for p in files))


def on_config(config):
    """Fix the build date before any page is made (mkdocs reads SOURCE_DATE_EPOCH)."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(source_date()))
    return config
