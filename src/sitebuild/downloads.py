"""MkDocs hook: the site serves the `tinynet` package, as a wheel and as a source archive, under downloads/.

Both are built from src/tinynet/, pyproject.toml and README.md alone (no sitebuild), dated by
SOURCE_DATE_EPOCH (src/sitebuild/reproducible.py), so the same commit gives the same bytes.
They are kept in .cache/downloads/ (sitebuild.store) and rebuilt only when those files change.
"""

from __future__ import annotations

import gzip
import io
import logging
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import tomllib
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from sitebuild import ROOT, store

FOLDER = "downloads"
log = logging.getLogger("mkdocs.hooks.downloads")


def package_files() -> list[Path]:
    """What the package is made of: the project description and the code under src/tinynet/."""
    code = [p for p in (ROOT / "src" / "tinynet").rglob("*.py") if "__pycache__" not in p.parts]
    return sorted([ROOT / "pyproject.toml", ROOT / "README.md", *code])


def names() -> tuple[str, str]:
    """The wheel's and the source archive's file names, from the version in pyproject.toml."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    stem = f"{project['name']}-{project['version']}"
    return f"{stem}-py3-none-any.whl", f"{stem}.tar.gz"


def source_archive(files: list[Path], top: str, epoch: int) -> bytes:
    """A .tar.gz of the files under one folder `top`, with fixed dates, owners and order."""
    packed = io.BytesIO()
    with gzip.GzipFile(fileobj=packed, mode="wb", mtime=epoch) as zipped, tarfile.open(fileobj=zipped, mode="w") as tar:
        for path in files:
            data = path.read_bytes()
            info = tarfile.TarInfo(f"{top}/{path.relative_to(ROOT).as_posix()}")
            info.size, info.mtime, info.mode = len(data), epoch, 0o644
            tar.addfile(info, io.BytesIO(data))
    return packed.getvalue()


def build(into: Path) -> dict[str, bytes]:
    """Build the wheel (setuptools, through pip, from a folder holding only the package) and the source archive;
    keep them in `into` and return them by name."""
    wheel, archive = names()
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
    files = package_files()
    with tempfile.TemporaryDirectory() as scratch:
        stage = Path(scratch) / "package"
        for path in files:
            target = stage / path.relative_to(ROOT)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
        command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation"]
        command += ["--no-index", "--disable-pip-version-check", "--wheel-dir", scratch, str(stage)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0 or not (Path(scratch) / wheel).is_file():
            raise PluginError(f"building the {wheel} download failed:\n{done.stdout}{done.stderr}")
        made = {wheel: (Path(scratch) / wheel).read_bytes()}
    made[archive] = source_archive(files, archive.removesuffix(".tar.gz"), epoch)
    for name, data in made.items():
        store.write(into / name, data)
    log.info("cache: downloads built")
    return made


def on_files(files, config):
    """Add the wheel and the source archive to the site's files, built now or kept from an earlier build."""
    key = store.key(store.files_digest(package_files()), os.environ.get("SOURCE_DATE_EPOCH", ""))
    kept = store.folder("downloads", key)
    try:  # read now: a build in this tree with another key may remove the folder before MkDocs copies them
        made = {name: (kept / name).read_bytes() for name in names()}
    except FileNotFoundError:
        made = build(kept)
    for name, data in made.items():
        files.append(File.generated(config, f"{FOLDER}/{name}", content=data))
    return files
