"""The site serves the tinynet package; installed offline into a fresh environment, it runs the README's examples."""

from __future__ import annotations

import io
import re
import shlex
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import numpy

from conftest import ROOT
from sitebuild.examples import matches

WHEEL = "tinynet-0.1.0-py3-none-any.whl"
ARCHIVE = "tinynet-0.1.0.tar.gz"


def readme_commands() -> tuple[list[str], str]:
    """The README's command-line examples, and the output it shows for the last of them."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## The command line") :]
    commands = re.search(r"```bash\n(.*?)```", section, re.S)
    shown = re.search(r"```text\n(.*?)```", section, re.S)
    assert commands and shown
    return commands[1].splitlines(), shown[1]


def test_the_wheel_holds_the_package_and_nothing_of_the_build(built_site: Path) -> None:
    """The wheel holds tinynet's modules and its metadata; the source archive holds what builds it."""
    with zipfile.ZipFile(built_site / "downloads" / WHEEL) as wheel:
        names = wheel.namelist()
    modules = sorted(p.name for p in (ROOT / "src" / "tinynet").glob("*.py"))
    assert sorted(n.split("/")[1] for n in names if n.startswith("tinynet/")) == modules
    assert not [n for n in names if "sitebuild" in n]
    assert any(n.endswith("entry_points.txt") for n in names)
    with tarfile.open(built_site / "downloads" / ARCHIVE) as archive:
        packed = archive.getnames()
    assert "tinynet-0.1.0/pyproject.toml" in packed and "tinynet-0.1.0/src/tinynet/two_layer.py" in packed
    assert not [n for n in packed if "sitebuild" in n]


def test_the_served_wheel_runs_the_readme_examples_offline(built_site: Path, tmp_path: Path) -> None:
    """pip installs the served wheel with no index; its `python -m tinynet` prints what the README shows."""
    env_dir = tmp_path / "reader"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    # numpy, which the reader would get from the registry, comes from this environment's folder, by path
    # (only numpy's folder: this checkout's own tinynet, installed for development, stays out of reach)
    site = next((env_dir / "lib").glob("python3.*/site-packages"))
    (site / "numpy-from-tests.pth").write_text(str(Path(numpy.__file__).parents[1]) + "\n", encoding="utf-8")
    install = [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-index", "--no-deps", "--quiet"]
    served = built_site / "downloads" / WHEEL
    done = subprocess.run([*install, str(served)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr

    where = subprocess.run([python, "-c", "import tinynet; print(tinynet.__file__)"], capture_output=True, text=True)
    assert where.stdout.startswith(str(env_dir)), where.stdout + where.stderr

    commands, shown = readme_commands()
    assert len(commands) == 3
    printed = {}
    for line in commands:
        argv = shlex.split(line)
        assert argv[:3] == [".venv/bin/python", "-m", "tinynet"], line
        run = subprocess.run([python, *argv[1:]], capture_output=True, text=True, cwd=tmp_path, check=False)
        assert run.returncode == 0 and run.stderr == "", line + run.stderr
        printed[line] = run.stdout
    predicting = next(line for line in commands if "--predict" in line)
    assert matches("...\n" + shown, printed[predicting]), printed[predicting]


def test_the_downloads_outlast_their_cache_folder(tmp_path: Path, monkeypatch, caplog) -> None:
    """The build hands MkDocs the wheel and the archive themselves: a build in this tree with another key
    may remove their cache folder before MkDocs copies them into the site, and the copy still works."""
    import shutil

    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    from sitebuild import store

    monkeypatch.setattr(store, "CACHE", tmp_path)
    caplog.set_level("INFO", logger="mkdocs.hooks.downloads")
    hook = ROOT / "src" / "sitebuild" / "downloads.py"
    site = f"site_name: probe\ndocs_dir: {ROOT / 'docs'}\nsite_dir: {tmp_path / 'site'}\nhooks: [{hook}]\n"
    config = load_config(io.StringIO(site))
    built = config.plugins.run_event("files", Files([]), config=config)
    kept = config.plugins.run_event("files", Files([]), config=config)  # read back from the cache
    assert [r.getMessage() for r in caplog.records].count("cache: downloads built") == 1
    shutil.rmtree(tmp_path / "downloads")  # what a build with another key does
    served = [{Path(f.src_uri).name: f.content_bytes for f in files} for files in (built, kept)]
    assert served[0] == served[1] and sorted(served[0]) == sorted([WHEEL, ARCHIVE])
    assert zipfile.is_zipfile(io.BytesIO(served[0][WHEEL]))
    with tarfile.open(fileobj=io.BytesIO(served[0][ARCHIVE])) as archive:
        assert "tinynet-0.1.0/src/tinynet/network.py" in archive.getnames()
