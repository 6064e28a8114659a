"""`make test-pythons`: the non-browser tests under every Python 3.11 to 3.14 on this machine.

Each interpreter gets its own .venv-3.X, installed from requirements.lock with hashes, and runs
the suite in a temporary copy of the tree (the package installed from it, editable) with no caches
and no site: the suite's own build is then a strict build from empty caches, and this tree's
caches stay as they were. The modules that import Playwright are left out (`--ignore`), so no
background browser walk starts. Prints a table and exits non-zero when any interpreter fails.
Arguments name the versions to try (default: all four). Uses only the standard library.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for `support` (run as a script)

from support import LEFT_OUT

ROOT = Path(__file__).resolve().parents[2]
VERSIONS = ["3.11", "3.12", "3.13", "3.14"]
# the oldest Python the lock installs on (pymdown-extensions and soupsieve require 3.11.5)
OLDEST = (3, 11, 5)
PIP = ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps"]


def runs(python: str) -> str | None:
    """The full version python reports, or None when it does not run (a pyenv shim for another version)."""
    try:
        done = subprocess.run(
            [python, "-c", "import sys; print('.'.join(map(str, sys.version_info[:3])))"],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
    except OSError:
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def find(version: str) -> tuple[str, str] | None:
    """The first python3.X (3.11.5 or later) on PATH that runs, else pyenv's newest: (path, full version)."""
    name = f"python{version}"
    on_path = [Path(folder) / name for folder in os.environ.get("PATH", "").split(os.pathsep) if folder]
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    installed = pyenv.glob(f"{version}.*/bin/{name}")
    newest_first = sorted(installed, key=lambda p: [int(n) for n in re.findall(r"\d+", p.parts[-3])], reverse=True)
    for candidate in [*on_path, *newest_first]:
        full = runs(str(candidate)) if candidate.is_file() else None
        if full is not None and full.startswith(version + ".") and tuple(map(int, full.split("."))) >= OLDEST:
            return str(candidate), full
    return None


def venv(version: str, python: str) -> Path:
    """.venv-3.X with the locked dependencies, (re)installed when the lock or pyproject.toml is newer."""
    folder = ROOT / f".venv-{version}"
    stamp = folder / ".installed"
    newest = max((ROOT / name).stat().st_mtime for name in ("requirements.lock", "pyproject.toml"))
    if stamp.exists() and stamp.stat().st_mtime >= newest:
        return folder
    bin_python = folder / "bin" / "python"
    if not bin_python.exists():
        subprocess.run([python, "-m", "venv", str(folder)], check=True)
    subprocess.run([bin_python, *PIP, "--require-hashes", "-r", ROOT / "requirements.lock"], check=True)
    stamp.touch()
    return folder


def copy_tree(destination: Path) -> Path:
    """A copy of the tree without virtual environments, caches or built files; its path."""

    copy = destination / "project"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(*LEFT_OUT, ".cache", "build"))
    return copy


# as `make test` runs the suite: on every core
XDIST = ("-n", "auto", "--dist", "loadfile")


def browser_tests(tree: Path) -> list[str]:
    """The test modules that drive a browser (they import Playwright), relative to the tree."""
    modules = sorted((tree / "tests").glob("test_*.py"))
    return [str(m.relative_to(tree)) for m in modules if "playwright" in m.read_text(encoding="utf-8")]


def test(folder: Path, log: Path) -> tuple[bool, str]:
    """Run the non-browser tests with the venv's python in a fresh copy of the tree: (passed, pytest's summary)."""
    python = folder / "bin" / "python"
    with tempfile.TemporaryDirectory(prefix="tinynet-pythons-") as tmp:
        copy = copy_tree(Path(tmp))
        # the package installed from the copy (editable), as `make setup` installs it from a checkout
        subprocess.run([python, *PIP, "--no-build-isolation", "--editable", copy], check=True)
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", NO_MKDOCS_2_WARNING="1")
        with log.open("w", encoding="utf-8") as out:
            done = subprocess.run(
                [python, "-m", "pytest", "-q", *XDIST, *[f"--ignore={module}" for module in browser_tests(copy)]],
                cwd=copy,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                check=False,
            )
    lines = log.read_text(encoding="utf-8").splitlines()
    summary = next((line.strip("= ") for line in reversed(lines) if re.search(r"\d+ (passed|failed|error)", line)), "")
    passed = re.search(r"(\d+) passed", summary)
    # pytest exits 5 when it collected nothing; a run that passed nothing fails here too
    return done.returncode == 0 and passed is not None and int(passed.group(1)) > 0, summary or "no summary"


def main() -> int:
    """Set up and test every interpreter found; print the table; 1 when any failed or none was found."""
    rows, failed = [], 0
    for version in sys.argv[1:] or VERSIONS:
        found = find(version)
        if found is None:
            print(f"python{version}: not on this machine", flush=True)
            continue
        python, full = found
        print(f"python{version} ({python}, {full}): setting up .venv-{version}, then testing", flush=True)
        start = time.monotonic()
        folder = venv(version, python)
        set_up = time.monotonic() - start
        log = folder / "pytest.log"
        ok, summary = test(folder, log)
        seconds = time.monotonic() - start - set_up
        if not ok:
            failed += 1
            print("\n".join(log.read_text(encoding="utf-8").splitlines()[-40:]))
            print(f"(the whole log: {log})")
        result = "passed" if ok else "FAILED"
        rows.append(f"| {python} | {full} | {set_up:.0f} s | {seconds:.0f} s | {result} | {summary} |")
    print("\n| interpreter | version | set-up | tests | result | pytest |\n|---|---|---|---|---|---|")
    print("\n".join(rows))
    if not rows:
        print("no Python 3.11 to 3.14 found")
    return 1 if failed or not rows else 0


if __name__ == "__main__":
    sys.exit(main())
