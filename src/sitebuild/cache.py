"""MkDocs hook: executed notebooks stay cached, but never stale.

mkdocs-jupyter keys its cache on a notebook's bytes and its own options only, so
a change under src/ would leave old outputs on the page. This hook folds into
that key a hash of every file under src/ the notebook imports, transitively
(found by reading the code, never by importing it). A rebuild with nothing
changed executes nothing; a changed notebook, or a change to code it imports,
re-executes that notebook alone.

The notebooks that need executing run in worker processes (`python -m
sitebuild.cache`, one per core; a single one runs in a thread) while the
other pages build; each notebook page waits for its own. This hook also makes the build, and everything it
starts, import this tree's src/ rather than another checkout's.
"""

from __future__ import annotations

import ast
import hashlib
import importlib
import json
import logging
import os
import re
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path

import jupytext
from mkdocs.exceptions import PluginError
from mkdocs_jupyter import plugin as jupyter_plugin

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"
PACKAGES = frozenset(p.name for p in SRC.iterdir() if (p / "__init__.py").is_file())
MODULE_NAME = re.compile(r"^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$")

log = logging.getLogger("mkdocs.hooks.cache")


def use_this_tree() -> None:
    """Make this build, its workers, subprocesses and kernels import this tree's src/ before another checkout's."""
    if sys.path[:1] != [str(SRC)]:
        sys.path.insert(0, str(SRC))
    paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p and p != str(SRC)]
    os.environ["PYTHONPATH"] = os.pathsep.join([str(SRC), *paths])
    importlib.import_module("sitebuild")  # the hooks loaded after this one import sitebuild's modules from here


# at load time, before the next hooks import sitebuild (mkdocs then restores sys.path; on_config puts src/ back)
use_this_tree()

from sitebuild import store  # noqa: E402  (this tree's, now that its src/ comes first)


def module_file(name: str) -> Path | None:
    """The file under src/ that defines module `name`, or None when it is not ours."""
    if name.split(".")[0] not in PACKAGES:
        return None
    base = SRC.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def module_of(path: Path) -> tuple[str, bool]:
    """The dotted name of a file under src/, and whether it is a package's __init__."""
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    return ".".join(parts[:-1] if is_package else parts), is_package


def referenced(tree: ast.AST, module: str = "", is_package: bool = False) -> tuple[set[str], set[str], set[Path]]:
    """What code can run: modules it imports, module names it spells out as text, src/ files it names."""
    imports: set[str] = set()
    spelled: set[str] = set()
    files: set[Path] = set()
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imports.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1] if package else []
                base = ".".join([*parent, base] if base else parent)
            imports.add(base)
            imports.update(f"{base}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value.strip()
            if MODULE_NAME.match(text):  # importlib.import_module("tinynet.x"), ["python", "-m", "tinynet"]
                spelled.add(text)
            elif text.startswith("src/") and (ROOT / text).is_file():  # runpy.run_path("src/tinynet/two_layer.py")
                files.add(ROOT / text)
    return imports, spelled, files


def _with_parents(names: Iterable[str]) -> set[str]:
    """Each module name and its parent packages, whose __init__ runs first."""
    out: set[str] = set()
    for name in names:
        parts = name.split(".")
        out.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
    return out


def notebook_code(path: Path) -> str:
    """A notebook's code: a percent-format .py file is Python as it stands; others go through jupytext."""
    if path.suffix == ".py":
        return path.read_text(encoding="utf-8")
    cells = jupytext.read(path).cells
    lines = (line for c in cells if c.cell_type == "code" for line in c.source.splitlines())
    return "\n".join(line for line in lines if not line.lstrip().startswith(("%", "!")))  # no magics


def dependencies(notebook: Path) -> list[Path] | None:
    """Every file under src/ the notebook can run, transitively; None when some code cannot be read."""
    seen: set[Path] = set()
    try:
        todo = [referenced(ast.parse(notebook_code(notebook)))]
        while todo:
            imports, spelled, files = todo.pop()
            paths = [module_file(name) for name in _with_parents(imports | spelled)]
            # a package spelled out as text may be run with `python -m`, which runs its __main__
            paths += [module_file(f"{name}.__main__") for name in spelled if name in PACKAGES]
            for path in [*filter(None, paths), *files]:
                if path not in seen:
                    seen.add(path)
                    if path.suffix == ".py":
                        module, is_package = module_of(path)
                        todo.append(referenced(ast.parse(path.read_bytes()), module, is_package))
    except (SyntaxError, ValueError):
        return None
    return sorted(seen)


_digests: dict[Path, str] = {}  # for one build: on_files and mkdocs-jupyter both ask


def dependency_digest(notebook: Path) -> str:
    """A hash of the src/ files the notebook depends on (all of src/ when that cannot be told)."""
    if notebook not in _digests:
        _digests[notebook] = _digest(notebook)
    return _digests[notebook]


def _digest(notebook: Path) -> str:
    """dependency_digest, computed."""
    found = dependencies(notebook)
    return store.files_digest(store.source_files() if found is None else found)


def _original_key() -> Callable[..., str]:
    """mkdocs-jupyter's own key function, kept aside once (hooks load once per process)."""
    if not hasattr(jupyter_plugin, "_notebook_only_cache_key"):
        jupyter_plugin._notebook_only_cache_key = jupyter_plugin._compute_cache_key
    return jupyter_plugin._notebook_only_cache_key


def cache_key(nb_path: str, config, exec_nb: bool) -> str:
    """mkdocs-jupyter's key, plus the code under src/ an executed notebook imports, the lock and the platform."""
    key = _original_key()(nb_path, config, exec_nb)
    if not exec_nb:
        return key
    # the hooks that change how a notebook is executed count too
    machinery = store.files_digest(SRC / "sitebuild" / name for name in ("cache.py", "reproducible.py"))
    return hashlib.sha256(f"{key}\0{store.key(dependency_digest(Path(nb_path)), machinery)}".encode()).hexdigest()


def on_config(config):
    """Put the dependency-aware key in place of mkdocs-jupyter's; workers will import this tree's src/."""
    use_this_tree()
    _digests.clear()  # each build (each rebuild under `mkdocs serve`) reads the files again
    _original_key()
    jupyter_plugin._compute_cache_key = cache_key
    return config


# --- executing the notebooks that need it, in parallel ----------------------------------------------


def _options(nb_plugin, path: str) -> tuple[bool, dict]:
    """Whether the plugin executes this notebook, and the options it passes to nb2html (as in on_pre_page)."""
    cfg = nb_plugin.config
    execute = cfg["execute"] and not any(Path(path).match(p) for p in cfg["execute_ignore"])
    names = ["kernel_name", "theme", "allow_errors", "show_input", "no_input", "no_prompt", "remove_tag_config"]
    names += ["highlight_extra_classes", "include_requirejs", "custom_mathjax_url"]
    return execute, {name: cfg[name] for name in names} | {"execute": execute}


def render(path: str, options: dict, toc_depth: int, cache_path: str) -> None:
    """Convert one notebook and write the cache entry mkdocs-jupyter reads."""
    from mkdocs_jupyter import convert

    from sitebuild.reproducible import merge_printed_chunks

    merge_printed_chunks()
    body = convert.nb2html(path, **options)
    toc_tokens, title = jupyter_plugin._get_nb_toc_tokens(path, toc_depth)
    entry = json.dumps({"content": body, "toc_tokens": toc_tokens, "title": title})
    target = Path(cache_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    partial.write_text(entry, encoding="utf-8")
    partial.replace(target)


def serve_jobs() -> None:
    """A worker (`python -m sitebuild.cache`): render each job read as a JSON line; answer one line for each."""
    answer = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # whatever the conversion or a kernel prints goes to stderr, not into the answers
    for line in sys.stdin:
        try:
            render(**json.loads(line))
            answer.write("{}\n")
        except Exception:  # the build reports the notebook's own error
            answer.write(json.dumps({"error": traceback.format_exc()}) + "\n")
        answer.flush()


def workers() -> int:
    """How many notebooks run at once: TINYNET_NOTEBOOK_WORKERS, else one per core."""
    return max(1, int(os.environ.get("TINYNET_NOTEBOOK_WORKERS", "0")) or os.cpu_count() or 1)


class Runner:
    """Notebooks executing in the background, in a few worker processes, while the build goes on."""

    def __init__(self, jobs: list[dict], count: int) -> None:
        self.queue = list(reversed(jobs))  # popped from the end: in page order
        self.done = {job["path"]: threading.Event() for job in jobs}
        self.seconds: dict[str, float] = {}
        self.errors: dict[str, str] = {}
        self.lock = threading.Lock()
        self.processes: list[subprocess.Popen[str]] = []
        # one notebook runs in this process (no interpreter to start); several, in worker processes
        target = self.work_here if len(jobs) == 1 else self.work
        self.threads = [threading.Thread(target=target, daemon=True) for _ in range(count)]
        for thread in self.threads:
            thread.start()

    def work_here(self) -> None:
        """Render the only job in this process, beside the build (no other conversion runs meanwhile)."""
        job = self.queue.pop()
        start = time.perf_counter()
        try:
            render(**job)
        except Exception:  # the build reports the notebook's own error
            self.errors[job["path"]] = traceback.format_exc()
        self.seconds[job["path"]] = time.perf_counter() - start
        self.done[job["path"]].set()

    def work(self) -> None:
        """One worker process: take the next job while there is one, answer whoever waits for it."""
        worker = subprocess.Popen(
            [sys.executable, "-m", "sitebuild.cache"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        with self.lock:
            self.processes.append(worker)
        assert worker.stdin and worker.stdout
        with worker:
            while True:
                with self.lock:
                    if not self.queue or self.errors:
                        break
                    job = self.queue.pop()
                start = time.perf_counter()
                try:
                    worker.stdin.write(json.dumps(job) + "\n")
                    worker.stdin.flush()
                    reply = json.loads(worker.stdout.readline() or '{"error": "the worker stopped"}')
                except OSError as problem:
                    reply = {"error": f"the worker stopped: {problem}"}
                if "error" in reply:
                    self.errors[job["path"]] = reply["error"]
                self.seconds[job["path"]] = time.perf_counter() - start
                self.done[job["path"]].set()
            worker.stdin.close()

    def wait(self, path: str | None = None) -> None:
        """Wait for one notebook (or all of them); fail the build if executing any failed."""
        if path is None:
            for thread in self.threads:
                thread.join()
        elif path in self.done:
            while not self.done[path].wait(0.2) and any(thread.is_alive() for thread in self.threads):
                pass
        if self.errors:
            shown = "\n".join(f"{p}:\n{e}" for p, e in self.errors.items())
            raise PluginError(f"executing a notebook failed: {shown}")
        if path in self.done and not self.done[path].is_set():
            raise PluginError(f"{path}: the workers stopped before executing it")

    def stop(self) -> None:
        """Stop the workers at once (the build failed elsewhere)."""
        with self.lock:
            self.queue.clear()
            for process in self.processes:
                process.kill()


_running: list[Runner] = []


def on_files(files, config):
    """Start executing every notebook whose cache entry is missing, several at once, in page order."""
    nb_plugin = config.plugins.get("mkdocs-jupyter")
    if nb_plugin is None or not nb_plugin.config["cache"]:
        return files
    jobs = []
    for file in files.documentation_pages():
        if file.abs_src_path is None or not nb_plugin.should_include(file):
            continue
        execute, options = _options(nb_plugin, file.abs_src_path)
        key = jupyter_plugin._compute_cache_key(file.abs_src_path, nb_plugin.config, execute)
        cache_path = jupyter_plugin._get_cache_path(nb_plugin.config["cache_dir"], key)
        if not cache_path.exists():
            job = {"path": file.abs_src_path, "options": options, "toc_depth": nb_plugin.config["toc_depth"]}
            jobs.append(job | {"cache_path": str(cache_path)})
    if not jobs:
        log.info("cache: every notebook is up to date; none executed")
        return files
    log.info("cache: executing %d notebook(s): %s", len(jobs), ", ".join(sorted(Path(j["path"]).name for j in jobs)))
    _running.append(Runner(jobs, min(workers(), len(jobs))))
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Before a notebook page is rendered from the cache, wait until its notebook has run."""
    for runner in _running:
        runner.wait(page.file.abs_src_path)
    return markdown


def on_post_build(config) -> None:
    """Every notebook has run (or the build fails); say how long each took."""
    while _running:
        runner = _running.pop()
        runner.wait()
        times = sorted(runner.seconds.items(), key=lambda item: -item[1])
        log.info("cache: seconds per notebook: %s", ", ".join(f"{Path(p).name} {t:.1f}" for p, t in times))


def on_build_error(error) -> None:
    """Stop the workers when the build fails for another reason."""
    while _running:
        _running.pop().stop()


if __name__ == "__main__":
    serve_jobs()
