"""MkDocs hook: two builds of the same commit give the same bytes.

- The build date (the sitemap's `lastmod`, the gzip header of sitemap.xml.gz,
  matplotlib's SVG and PDF dates in the notebooks' kernels) is the last commit's
  time, through SOURCE_DATE_EPOCH, unless it is set already.
- nbformat gives notebook cells random ids, which nbconvert writes into the
  page; they become the cell's position instead.
- Plots carry no version or date: matplotlib's text chunks leave the PNGs and
  its metadata block leaves inline SVGs.
- How a kernel splits a cell's printed output into chunks depends on timing;
  the chunks are merged right after each cell runs (nbconvert merges them only
  before execution).
"""

from __future__ import annotations

import base64
import os
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CELL_ID = re.compile(r'id="cell-id=[0-9a-f]{8}"')
PNG = re.compile(r"(data:image/png;base64,)([A-Za-z0-9+/=\s]+)")
SVG_METADATA = re.compile(r"<metadata>\s*<rdf:RDF.*?</metadata>\s*", re.S)
STAMPS = (b"tEXt", b"zTXt", b"iTXt", b"tIME")


def source_date() -> int:
    """The last commit's time; outside git, the newest modification time under docs/ and src/."""
    done = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode == 0 and done.stdout.strip().isdigit():
        return int(done.stdout.strip())
    files = [p for folder in ("docs", "src") for p in (ROOT / folder).rglob("*") if p.is_file()]
    return int(max(p.stat().st_mtime for p in files))


def merge_printed_chunks() -> None:
    """Make nbconvert merge consecutive prints of a cell once it has run (the workers call this too)."""
    from nbconvert.preprocessors import CoalesceStreamsPreprocessor, ExecutePreprocessor

    if getattr(ExecutePreprocessor, "merges_printed_chunks", False):
        return
    run_cell = ExecutePreprocessor.preprocess_cell
    merge = CoalesceStreamsPreprocessor()

    def preprocess_cell(self, cell, resources, index):
        cell, resources = run_cell(self, cell, resources, index)
        return merge.preprocess_cell(cell, resources, index)

    ExecutePreprocessor.preprocess_cell = preprocess_cell
    ExecutePreprocessor.merges_printed_chunks = True


def on_config(config):
    """Fix the build date before any page is made (mkdocs and matplotlib read SOURCE_DATE_EPOCH)."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(source_date()))
    merge_printed_chunks()
    return config


def unstamped_png(png: bytes) -> bytes:
    """The PNG without its text and time chunks (matplotlib writes its version there)."""
    kept, at = [png[:8]], 8
    while at < len(png):
        end = at + 12 + int.from_bytes(png[at : at + 4], "big")
        if png[at + 4 : at + 8] not in STAMPS:
            kept.append(png[at:end])
        at = end
    return b"".join(kept)


def on_page_content(html: str, page, config, files) -> str:
    """On a notebook page: cells numbered in order instead of by random ids; plots without stamps."""
    if not getattr(page, "nb_url", None):
        return html
    count = iter(range(1, 1_000_000))
    html = CELL_ID.sub(lambda _: f'id="cell-id={next(count)}"', html)
    html = PNG.sub(lambda m: m[1] + base64.b64encode(unstamped_png(base64.b64decode(m[2]))).decode(), html)
    return SVG_METADATA.sub("", html)
