"""The build's caches: one folder per kind under .cache/, and one way to key an entry.

An entry is keyed on what can change it: the code under src/ it depends on, the lock file, the
Python version and the numeric platform (numpy's version, the BLAS library with the kernel it picked,
numpy's enabled CPU features). Outputs computed by another numpy, another CPU or another Python are
never served as fresh. Each kind keeps the entries of the newest key only.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import platform
import shutil
import subprocess
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from mkdocs.exceptions import PluginError

from sitebuild import ROOT, SRC

log = logging.getLogger("mkdocs.hooks.store")
CACHE = ROOT / ".cache"
LOCK = ROOT / "requirements.lock"


def platform_signature() -> dict[str, object]:
    """What decides the last bits of numpy's results on this machine (tests replace this function)."""
    import numpy
    import threadpoolctl

    try:
        from numpy._core._multiarray_umath import __cpu_features__
    except ImportError:  # numpy 1.x
        from numpy.core._multiarray_umath import __cpu_features__  # type: ignore[no-redef]
    blas = [
        {name: library.get(name) for name in ("internal_api", "version", "architecture", "threading_layer")}
        for library in threadpoolctl.threadpool_info()
        if library.get("user_api") == "blas"
    ]
    return {
        "numpy": numpy.__version__,
        "blas": blas,
        "cpu_features": sorted(name for name, enabled in __cpu_features__.items() if enabled),
        "machine": platform.machine(),
    }


@cache
def _environment() -> str:
    """The lock file, the Python version and the numeric platform, as one digest (fixed for a process)."""
    fields = {
        "lock": hashlib.sha256(LOCK.read_bytes()).hexdigest() if LOCK.is_file() else "",
        "python": sys.version,
        "platform": platform_signature(),
    }
    return hashlib.sha256(json.dumps(fields, sort_keys=True).encode()).hexdigest()


def files_digest(paths: Iterable[Path]) -> str:
    """A digest of files' names (relative to the project, where they are in it) and contents."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        name = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def source_files() -> list[Path]:
    """Every file under src/ (bytecode and the editable install's metadata aside)."""
    made = [p for p in SRC.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return sorted(p for p in made if not any(part.endswith(".egg-info") for part in p.parts))


def key(*parts: str) -> str:
    """A cache key: the given parts (digests of what the entry depends on) plus the environment."""
    return hashlib.sha256("\0".join([_environment(), *parts]).encode()).hexdigest()[:24]


def source_key() -> str:
    """The key of an entry that may depend on anything under src/."""
    return key(files_digest(source_files()))


def folder(kind: str, entry_key: str) -> Path:
    """The folder for one key's entries of a kind; other keys' folders of that kind are removed.

    Another build in this tree may be removing the same folders, or this one: both are fine (see `write`).
    """
    place = CACHE / kind
    if place.is_dir():
        for other in place.iterdir():
            if other.name != entry_key:
                shutil.rmtree(other, ignore_errors=True) if other.is_dir() else other.unlink(missing_ok=True)
    path = place / entry_key
    path.mkdir(parents=True, exist_ok=True)
    return path


def write(path: Path, text: str | bytes) -> None:
    """Write a cache file whole or not at all (a build stopped half-way leaves no torn entry).

    The folder is made again if a build with another key has just removed it; the file written first
    is this process's own, so two builds writing one entry at once do not take each other's.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    partial.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    partial.replace(path)


def fresh(module: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m module args` in a fresh interpreter, which imports src/ as it is now (`mkdocs serve` too)."""
    return subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, capture_output=True, text=True, check=False)


def computed(kind: str, entry_key: str, module: str, what: str) -> str:
    """The JSON `python -m module` prints, kept in the cache under a kind: read back, or computed now (`fresh`)."""
    path = folder(kind, entry_key) / f"{kind}.json"
    with contextlib.suppress(FileNotFoundError):  # not there yet, or just removed by a build with another key
        return path.read_text(encoding="utf-8")
    done = fresh(module)
    if done.returncode != 0:
        raise PluginError(f"computing the {what} failed:\n{done.stderr}")
    json.loads(done.stdout)  # JSON, or the build fails here
    write(path, done.stdout)
    log.info("cache: %s computed", what)
    return done.stdout
