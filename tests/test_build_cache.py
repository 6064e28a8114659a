"""Cached builds are never stale: a change under src/ reaches every page whose output depends on it.

Each test builds a small copy of the project (two probe notebooks, a page with a
fact) so that it can change the code under src/ without touching the real tree.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, build_site, copy_project, offline_env

PROBE_NOTEBOOK = """\
# %% [markdown]
# # Probe
#
# Prints a value from `tinynet.network`, as [the fact page](../../fact-probe/) does.

# %%
from tinynet import network

print("network says", network.PROBE)
"""

EXTRA_NOTEBOOK = """\
# %% [markdown]
# # Extra probe
#
# Prints a value from a module that only this notebook imports.

# %%
from tinynet import probe_extra

print("extra says", probe_extra.VALUE)
"""

FACT_PAGE = """\
---
description: A page with a fact computed from tinynet.network, an example and a formula.
---

# Fact probe

The network module says {{ probe_value }}.

```pycon
>>> from tinynet import nonlin
>>> print(nonlin(0.0))
0.5
```

The slope is \\(s(1 - s)\\).
"""

FACT_PROVIDER = '''\
"""The probe fact."""



def probe() -> dict[str, str]:
    """What tinynet.network.PROBE holds."""
    from tinynet import network

    return {"probe_value": network.PROBE}


PROVIDERS = (probe,)
'''

NAV = """nav:
  - Home: index.md
  - Fact: fact-probe.md
  - Probe: part-1/probe.py
  - Extra: part-1/extra-probe.py
"""


def small_site(root: Path) -> Path:
    """Turn a copy of the project into a site of a home page, a fact page and two probe notebooks."""
    docs = root / "docs"
    for folder in docs.iterdir():
        if folder.is_dir() and folder.name != "assets":
            subprocess.run(["rm", "-rf", str(folder)], check=True)
    (docs / "index.md").write_text("---\ndescription: Home of the probe site.\n---\n\n# Home\n\nProbes.\n")
    (docs / "fact-probe.md").write_text(FACT_PAGE)
    (docs / "part-1").mkdir()
    (docs / "part-1" / "probe.py").write_text(PROBE_NOTEBOOK)
    (docs / "part-1" / "extra-probe.py").write_text(EXTRA_NOTEBOOK)
    facts = root / "src" / "sitebuild" / "facts"
    for provider in facts.glob("*.py"):
        if not provider.name.startswith("_"):
            provider.unlink()
    (facts / "probe.py").write_text(FACT_PROVIDER)
    tinynet = root / "src" / "tinynet"
    (tinynet / "probe_extra.py").write_text('VALUE = "extra-one"\n')
    with (tinynet / "network.py").open("a") as network:
        network.write('\n\nPROBE = "first"\n')
    config = root / "mkdocs.yml"
    text = config.read_text()
    config.write_text(text[: text.index("\nnav:")] + "\n" + NAV)
    return root


def set_probe(root: Path, old: str, new: str) -> None:
    """Change the string a module under src/tinynet holds."""
    for name in ("network.py", "probe_extra.py"):
        path = root / "src" / "tinynet" / name
        text = path.read_text()
        if f'"{old}"' in text:
            path.write_text(text.replace(f'"{old}"', f'"{new}"'))
            return
    raise AssertionError(f"{old!r} is in no probe module")


def probe_value(root: Path) -> str:
    """What the copy's tinynet.network.PROBE holds now."""
    found = re.search(r'^PROBE = "(\w+)"$', (root / "src" / "tinynet" / "network.py").read_text(), re.M)
    assert found, "the copy's network.py has no PROBE"
    return found[1]


def built(root: Path, out: Path) -> str:
    """Build the copy strictly; return the build's log."""
    done = build_site(out, root=root)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def built_in_process(root: Path, out: Path) -> str:
    """Build the copy inside one Python process; return its log and the tinynet modules that process imported."""
    code = (
        "import logging, sys\nfrom mkdocs.commands.build import build\nfrom mkdocs.config import load_config\n"
        "logging.basicConfig(level=logging.INFO, format='%(message)s')\n"
        f"build(load_config('mkdocs.yml', site_dir={str(out)!r}, strict=True))\n"
        "print('tinynet modules imported:', sorted(m for m in sys.modules if m.split('.')[0] == 'tinynet'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, env=offline_env(), capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def executed(log: str) -> list[str]:
    """The notebooks the cache hook executed during a build, by file name."""
    found = re.search(r"cache: executing \d+ notebook\(s\): (.*)", log)
    return sorted(found[1].split(", ")) if found else []


def page(out: Path, name: str) -> str:
    """A built page's HTML."""
    return (out / name / "index.html").read_text(encoding="utf-8")


def download(out: Path) -> str:
    """The text of every cell of the probe page's standalone notebook."""
    cells = json.loads((out / "part-1" / "probe" / "probe.ipynb").read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(cell["source"]) for cell in cells)


@pytest.fixture(scope="module")
def small(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """One small copy of the project for the module's tests, built once from the start: its root, site and log.

    The tests use it in turn (each leaves it built, its caches full, for the next): the platform test
    starts from the caches the other two filled, and `mkdocs serve` from a built copy, as an author's does.
    """
    folder = tmp_path_factory.mktemp("small")
    root = small_site(copy_project(folder / "project"))
    out = folder / "out"
    return root, out, built(root, out)


def test_changes_under_src_reach_notebooks_and_facts(small: tuple[Path, Path, str]) -> None:
    """Nothing changed: nothing runs. A change re-runs only what imports it, pages show it, and a revert restores."""
    root, out, log = small
    # the first build of the copy: the probe notebooks were never run
    assert executed(log) == ["extra-probe.py", "probe.py"]
    # the workers ran both; the pages show their cache entries, and mkdocs-jupyter converts nothing itself
    assert log.count("shown from the cache") == 2 and "Converting notebook" not in log
    assert "network says first" in page(out, "part-1/probe")
    assert "The network module says first." in page(out, "fact-probe")
    assert 'PROBE = "first"' in download(out)  # the download inlines the module it imports
    assert "(https://tinynet.example.org/fact-probe/)" in download(out)

    # unchanged: nothing runs; built in-process to see that the build itself never imports tinynet
    # (it leaves that to subprocesses and kernels, so a long-lived `mkdocs serve` never runs old code)
    log = built_in_process(root, out)
    assert executed(log) == [] and "none executed" in log
    assert log.count("shown from the cache") == 2 and "Converting notebook" not in log
    assert "tinynet modules imported: []" in log

    set_probe(root, "extra-one", "extra-two")
    log = built(root, out)
    assert executed(log) == ["extra-probe.py"]
    assert "extra says extra-two" in page(out, "part-1/extra-probe")

    set_probe(root, "first", "second")
    log = built(root, out)
    assert executed(log) == ["extra-probe.py", "probe.py"]  # both import tinynet, whose __init__ imports network
    assert "network says second" in page(out, "part-1/probe")
    assert "The network module says second." in page(out, "fact-probe")
    assert 'PROBE = "second"' in download(out)

    set_probe(root, "second", "first")
    built(root, out)
    assert "network says first" in page(out, "part-1/probe")
    assert "The network module says first." in page(out, "fact-probe")

    # the site moves (as under `mkdocs serve`): each download's links follow it, and no notebook runs again
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace("https://tinynet.example.org/", "https://elsewhere.example.org/"))
    log = built(root, out)
    assert executed(log) == []
    assert "(https://elsewhere.example.org/fact-probe/)" in download(out)


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch_until(url: str, wanted: str, seconds: float) -> str:
    """The page at url once it contains `wanted` (or whatever it last was, after `seconds`)."""
    deadline = time.monotonic() + seconds
    text = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                text = response.read().decode("utf-8")
        except OSError:
            text = ""
        if wanted in text:
            return text
        time.sleep(0.5)
    return text


def test_serve_shows_a_change_under_src(small: tuple[Path, Path, str]) -> None:
    """Under `mkdocs serve`, editing src/ rebuilds the notebook page and the fact page with the new value."""
    root, _, _ = small
    set_probe(root, probe_value(root), "first")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
        cwd=root,
        env=offline_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        assert "network says first" in fetch_until(base + "part-1/probe/", "network says first", 90)
        set_probe(root, "first", "second")
        assert "network says second" in fetch_until(base + "part-1/probe/", "network says second", 90)
        assert "says second." in fetch_until(base + "fact-probe/", "says second.", 30)
        with (root / "docs" / "fact-probe.md").open("a") as page:  # a page of docs/, watched by serve.py's server
            page.write("\nEdited while served.\n")
        assert "Edited while served." in fetch_until(base + "fact-probe/", "Edited while served.", 30)
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)


def test_serve_looks_for_saved_files_often(tmp_path: Path) -> None:
    """`make serve` swaps MkDocs's server for one that looks every 0.1 s, at docs/ and mkdocs.yml as MkDocs's did,
    and waits less for further changes before it rebuilds."""
    from types import SimpleNamespace

    from mkdocs.livereload import LiveReloadServer

    from sitebuild import serve

    docs, config_file = str(ROOT / "docs"), str(ROOT / "mkdocs.yml")
    config = SimpleNamespace(dev_addr=("127.0.0.1", 0), docs_dir=docs, config_file_path=config_file)
    made = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path), mount_path="/site/")
    made.watch(docs)  # what `mkdocs serve` watches before it calls on_serve
    made.watch(config_file)
    faster = serve.on_serve(made, config=config, builder=made.builder)
    try:
        assert faster is not made and made.observer.timeout == 0.5
        assert faster.observer.timeout == serve.POLLING <= 0.1
        assert faster.build_delay == serve.SETTLE < min(made.build_delay, serve.POLLING)
        watched = [{(e.watch.path, e.watch.is_recursive) for e in s.observer.emitters} for s in (made, faster)]
        assert watched[0] == watched[1] and len(watched[1]) == 2
        assert (faster.root, faster.mount_path, faster.builder) == (made.root, made.mount_path, made.builder)
        assert faster.error_handler is made.error_handler
    finally:
        faster.server_close()


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("from tinynet import nonlin", {"tinynet/__init__.py", "tinynet/data.py", "tinynet/network.py"}),
        ("import tinynet.cli", {"tinynet/__init__.py", "tinynet/network.py", "tinynet/cli.py"}),
        ("import runpy\nrunpy.run_path('src/tinynet/two_layer.py')", {"tinynet/two_layer.py"}),
        ("import subprocess\nsubprocess.run(['python', '-m', 'tinynet'])", {"tinynet/__main__.py", "tinynet/cli.py"}),
        ("import numpy as np\nprint(np.ones(2))", set()),
    ],
)
def test_notebook_dependencies(tmp_path: Path, code: str, expected: set[str]) -> None:
    """A notebook depends on the src/ files it imports, runs or names, and on what those import in turn."""
    notebook = tmp_path / "deps.py"
    notebook.write_text(f"# %%\n{code}\n")
    show = f"from sitebuild import cache\nfor p in cache.dependencies(cache.Path({str(notebook)!r})): print(p)"
    done = subprocess.run([sys.executable, "-c", show], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    found = {Path(line).relative_to(ROOT / "src").as_posix() for line in done.stdout.split()}
    assert expected <= found, found
    if not expected:
        assert found == set()
    if code.startswith("from tinynet import"):  # modules the package does not import are left out
        assert "tinynet/cli.py" not in found and "tinynet/two_layer.py" not in found, found


# what each cache says when it computes an entry instead of reusing one
RECOMPUTED = {
    "notebooks": "cache: executing 2 notebook(s)",
    "facts": "cache: facts computed",
    "examples": "cache: examples run on",
    "math": "formula(s) typeset",
    "explorer": "cache: explorer data computed",
}


def built_on_platform(root: Path, out: Path, signature: dict[str, str]) -> str:
    """Build the copy in one process whose numeric platform signature is `signature`; return the log."""
    code = (
        "import logging, sys\n"
        f"sys.path.insert(0, {str(root / 'src')!r})\n"
        "from sitebuild import store\n"
        f"store.platform_signature = lambda: {signature!r}\n"
        "from mkdocs.commands.build import build\nfrom mkdocs.config import load_config\n"
        "logging.basicConfig(level=logging.INFO, format='%(message)s')\n"
        f"build(load_config('mkdocs.yml', site_dir={str(out)!r}, strict=True))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, env=offline_env(), capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def recomputed(log: str) -> set[str]:
    """The caches that computed something during a build."""
    return {kind for kind, said in RECOMPUTED.items() if said in log}


def test_another_platform_recomputes_every_entry(small: tuple[Path, Path, str]) -> None:
    """A build on another numeric platform reuses no notebook, fact, example, formula or explorer data.

    The signature is injected into the build's own process (never through environment variables,
    which would change how numpy computes); the lock, Python and src/ stay the same. The copy's
    caches start full for this machine's platform (the module's first build, and the tests before).
    """
    root, out, _ = small
    value = probe_value(root)
    built(root, out)  # every entry there for this platform (a no-op after the tests above)
    other = {"numpy": "1.0", "blas": "kernel A", "cpu_features": "X"}

    keys = {kind: sorted(p.name for p in (root / ".cache" / kind).iterdir()) for kind in ("facts", "examples")}
    assert recomputed(built_on_platform(root, out, other)) == set(RECOMPUTED)
    for kind, before in keys.items():  # one key per kind is kept: the newest
        now = sorted(p.name for p in (root / ".cache" / kind).iterdir())
        assert len(now) == 1 and now != before, (kind, before, now)
    # the injected signature is what made the difference: the same one again reuses every entry
    assert recomputed(built_on_platform(root, out, other)) == set()
    assert f"The network module says {value}." in page(out, "fact-probe")


EVICT_HOOK = """\
import shutil

from sitebuild import store


def on_files(files, config):
    \"\"\"What a build in this tree with other machinery does: remove the notebooks' entries.\"\"\"
    shutil.rmtree(store.CACHE / "notebooks")
    return files
"""


def test_a_notebook_entry_removed_during_the_build_is_made_again(small: tuple[Path, Path, str]) -> None:
    """Another build in the tree removes the notebooks' entries after this build found them all: the pages
    are still made, each notebook run again, and their entries written back for the next build."""
    root, out, _ = small
    built(root, out)  # every entry made for this platform (the test before may have built for another)
    config = root / "mkdocs.yml"
    text = config.read_text()
    (root / "evict.py").write_text(EVICT_HOOK)
    config.write_text(text.replace("  - src/sitebuild/cache.py\n", "  - src/sitebuild/cache.py\n  - evict.py\n", 1))
    try:
        log = built(root, out)
    finally:
        config.write_text(text)
        (root / "evict.py").unlink()
    assert executed(log) == [], "every entry was there when the build looked"
    assert sorted(re.findall(r"cache: (\S+) runs again", log)) == ["extra-probe.py", "probe.py"]
    assert f"network says {probe_value(root)}" in page(out, "part-1/probe")
    assert "cache: every notebook is up to date" in built(root, out)


def test_the_platform_signature_names_numpy_blas_and_cpu() -> None:
    """The real signature holds numpy's version, the BLAS library with the kernel it picked, and CPU features."""
    import numpy

    from sitebuild import store

    signature = store.platform_signature()
    assert signature["numpy"] == numpy.__version__
    assert signature["blas"], "no BLAS library found behind numpy"
    assert all(library["architecture"] for library in signature["blas"])  # type: ignore[index,union-attr]
    assert isinstance(signature["cpu_features"], list)


def test_a_build_with_another_key_may_remove_this_ones_entries(tmp_path: Path, monkeypatch) -> None:
    """Two builds in one tree with different keys (say `make serve` and a build after an edit under src/):
    each removes the other's folder, and neither fails for it; the entry is written, or computed again."""
    from sitebuild import store

    monkeypatch.setattr(store, "CACHE", tmp_path)
    runs: list[str] = []

    def fresh(module: str) -> subprocess.CompletedProcess[str]:
        runs.append(module)
        return subprocess.CompletedProcess([module], 0, stdout=json.dumps({"n": len(runs)}), stderr="")

    monkeypatch.setattr(store, "fresh", fresh)
    mine = store.folder("facts", "mine")
    store.folder("facts", "theirs")  # the other build's key: this build's folder is gone
    assert not mine.exists()
    store.write(mine / "entry.json", "kept")
    assert (mine / "entry.json").read_text(encoding="utf-8") == "kept"
    assert [p.name for p in mine.iterdir()] == ["entry.json"], "a partial file was left"

    assert store.computed("facts", "mine", "probe", "probe") == '{"n": 1}'
    assert store.computed("facts", "mine", "probe", "probe") == '{"n": 1}', "kept: not computed again"
    store.folder("facts", "theirs")
    assert store.computed("facts", "mine", "probe", "probe") == '{"n": 2}', "removed: computed again"
    assert runs == ["probe", "probe"]
