"""MkDocs hook: notebook pages executed once, cached, never stale, and converted clean.

A notebook page shows its notebook executed and converted to HTML by `to_html`: mkdocs-jupyter's
page template without its head (templates/notebook.html.j2), cells numbered by position, printed
chunks merged, with the page's description and standalone .ipynb (`notebooks.py`). The result is
cached under .cache/notebooks, keyed on the notebook, every file under src/ it imports, transitively
(found by reading the code, never by importing it), this machinery, the lock and the platform. A
rebuild with nothing changed executes nothing; a changed notebook, or a change to code it imports,
re-executes that notebook alone. The theme's compiled templates are kept too (.cache/templates), so
that a rebuild does not compile them again.

The notebooks that need executing run in a pool of worker processes (one per core; a single one
runs in a thread) while the other pages build; each notebook page waits for
its own (`on_pre_page` gives it a `render` that reads the cache, in place of mkdocs-jupyter's,
which would convert the notebook again). This hook also makes the build, and everything it
starts, import this tree's src/ rather than another checkout's.
"""

from __future__ import annotations

import ast
import base64
import hashlib
import importlib
import json
import logging
import multiprocessing
import os
import re
import runpy
import sys
import time
import traceback
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path

import jupytext
import nbformat
from jinja2 import FileSystemBytecodeCache
from mkdocs.exceptions import PluginError
from mkdocs.structure.toc import get_toc

SRC = Path(__file__).resolve().parents[1]  # src/, known before sitebuild can be imported from it
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

from sitebuild import ROOT, module_file, notebooks, store  # noqa: E402  (this tree's, now that its src/ comes first)


@lru_cache(maxsize=512)
def spelled(source: bytes) -> tuple[frozenset[str], frozenset[str]]:
    """Module names code imports or spells out as text, and src/ paths it names (parsed once per text)."""
    names: set[str] = set()
    paths: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # src/ has none; one would make the notebook depend on all of src/
                raise ValueError("a relative import")
            names.add(str(node.module))
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value.strip()
            if MODULE_NAME.match(text):  # importlib.import_module("tinynet.x"), ["python", "-m", "tinynet"]
                names.update((text, f"{text}.__main__"))  # `python -m` runs a package's __main__
            elif text.startswith("src/"):  # runpy.run_path("src/tinynet/two_layer.py")
                paths.add(text)
    return frozenset(names), frozenset(paths)


def referenced(source: bytes) -> set[Path]:
    """The src/ files code can run: modules it imports, module names it spells out as text, src/ files it names."""
    names, paths = spelled(source)
    # each module's parent packages, whose __init__ runs first
    parents = {name.rsplit(".", depth)[0] for name in names for depth in range(name.count(".") + 1)}
    files = {ROOT / path for path in paths if (ROOT / path).is_file()}
    return files | set(filter(None, map(module_file, parents)))


def dependencies(notebook: Path) -> list[Path] | None:
    """Every file under src/ the notebook can run, transitively; None when some code cannot be read."""
    if notebook.suffix != ".py":  # mkdocs.yml takes part-*/*.py; a notebook in another form depends on all of src/
        return None
    seen: set[Path] = set()
    try:
        todo = referenced(notebook.read_bytes())
        while todo:
            path = todo.pop()
            seen.add(path)
            if path.suffix == ".py":
                todo |= referenced(path.read_bytes()) - seen
    except (SyntaxError, ValueError):
        return None
    return sorted(seen)


def on_config(config):
    """Workers, subprocesses and kernels will import this tree's src/ (mkdocs restored sys.path after loading)."""
    use_this_tree()
    return config


def on_env(env, config, files):
    """The theme's templates, compiled once and kept in .cache/templates (Jinja checks each against its source)."""
    env.bytecode_cache = FileSystemBytecodeCache(str(store.folder("templates", store.key())))
    return env


TEMPLATES = Path(__file__).parent / "templates"
# what changes how a notebook is executed and converted counts in every entry's key
MACHINERY = (Path(__file__), Path(__file__).with_name("notebooks.py"), *sorted(TEMPLATES.glob("*.j2")))


def entry_name(notebook: Path) -> str:
    """The cache file name of a notebook's page: its bytes and the code under src/ it imports (all of it, if unsure)."""
    found = dependencies(notebook)
    code = store.files_digest(store.source_files() if found is None else found)
    return store.key(store.files_digest([notebook]), code)[:24] + ".json"


def highlighter() -> Callable[..., str]:
    """A code cell highlighted as the theme's code blocks are (`.highlight` > `pre` > `code`): their colours, and the
    theme's copy button, which copies the code alone (search indexes each cell's code once)."""
    from pygments import highlight
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import PythonLexer

    lexer, formatter = PythonLexer(stripall=True), HtmlFormatter(cssclass="highlight", wrapcode=True)
    return lambda source, metadata=None: highlight(source, lexer, formatter)


def to_html(path: str, toc_depth: int) -> dict:
    """The notebook executed and converted to the page's HTML, its headings, description and download (`notebooks`)."""
    import markdown
    import nbclient
    from markdown.extensions.toc import TocExtension
    from mkdocs_jupyter import convert  # importing it gives headings the lower-case ids the contents link to
    from mkdocs_jupyter.config import settings
    from nbconvert.exporters.html import HTMLExporter
    from nbconvert.preprocessors import CoalesceStreamsPreprocessor
    from traitlets.config import Config

    # read afresh, not imported: a long `make serve` would keep the first copy (and importing tinynet.plotting
    # would load matplotlib, half a second, for two names)
    plots = runpy.run_path(str(module_file("tinynet.plot_html")))
    notebook = jupytext.read(path)
    # the download first: a notebook it cannot be made of fails before it runs
    found = {
        "description": notebooks.description(notebook),
        "download": nbformat.writes(notebooks.standalone_notebook(notebook)),
    }
    for number, cell in enumerate(notebook.cells, 1):
        cell.id = str(number)  # nbformat's ids are random
    nbclient.NotebookClient(notebook, allow_errors=False).execute()
    # how a kernel splits a cell's prints into chunks depends on timing
    notebook, _ = CoalesceStreamsPreprocessor().preprocess(notebook, {})
    images: dict[str, str] = {}  # a plot's image file beside the page -> its PNG, in base64

    def plot_file(png: str) -> str:
        """The name of the image's file beside the page; its PNG is kept for it."""
        name = f"plot-{hashlib.sha256(png.encode()).hexdigest()[:16]}.png"
        images[name] = png
        return name

    priority = [plots["PLOT_MIME"], *HTMLExporter().default_config.NbConvertBase.display_data_priority]
    exporter = HTMLExporter(
        # no stylesheet inlined in the page (the site has its own); no "In [n]:" or "Out[n]:" column, which took
        # 114 px from the code and its output on a desktop; a plot shown by its own template; each heading's link
        # sign left out of the search index (search results showed it after each title)
        config=Config(
            {
                "CSSHTMLHeaderPreprocessor": {"enabled": False},
                "TemplateExporter": {"exclude_input_prompt": True, "exclude_output_prompt": True},
                "NbConvertBase": {"display_data_priority": priority},
                "HTMLExporter": {"anchor_link_text": '<span data-search-exclude="">\u00b6</span>'},
            }
        ),
        template_file="notebook.html.j2",
        extra_template_paths=[str(TEMPLATES), settings.templates_dir],
        # outputs' HTML as it is, as mkdocs-jupyter has it (nbconvert's default would sanitise it)
        filters={
            "highlight_code": highlighter(),
            "clean_html": lambda html: html if isinstance(html, str) else html.decode(),
            "plot_html": lambda fields: plots["images_html"](fields, plot_file, lazy=True),
        },
    )
    resources = {"mkdocs": {"include_requirejs": False}, "plot_mime": plots["PLOT_MIME"]}
    content, _ = exporter.from_notebook_node(notebook, resources=resources)
    toc = markdown.Markdown(extensions=[TocExtension(toc_depth=toc_depth)])
    toc.convert(convert.nb2md(path))
    return {"content": content, "toc_tokens": toc.toc_tokens, "images": images, **found}


def run(path: str, toc_depth: int, entry: str) -> float:
    """Execute and convert one notebook (in a worker process or a thread), write its cache entry whole; its seconds."""
    start = time.perf_counter()
    store.write(Path(entry), json.dumps(to_html(path, toc_depth)))
    return time.perf_counter() - start


_entries: dict[str, Path] = {}  # notebook path -> its cache entry, for this build
_running: dict[str, Future[float]] = {}  # notebook path -> its run, for this build
_pools: list[Executor] = []


def on_files(files, config):
    """Start executing every notebook whose cache entry is missing, several at once, the largest first."""
    nb_plugin = config.plugins["mkdocs-jupyter"]
    folder = store.folder("notebooks", store.key(store.files_digest(MACHINERY)))
    _entries.clear()
    _running.clear()
    for file in files.documentation_pages():
        if nb_plugin.should_include(file):
            _entries[file.abs_src_path] = folder / entry_name(Path(file.abs_src_path))
    for old in set(folder.iterdir()) - set(_entries.values()):
        if not old.name.endswith(".partial"):  # another build's entry being written (store.write)
            old.unlink(missing_ok=True)
    # the largest first: a large notebook tends to run long, and one started last keeps the build waiting while
    # the other workers idle (a cold build here, three runs of each in turn: median 22.4 s in page order, 22.0 s so)
    todo = sorted((p for p, entry in _entries.items() if not entry.exists()), key=lambda p: -Path(p).stat().st_size)
    if not todo:
        log.info("cache: every notebook is up to date; none executed")
        return files
    log.info("cache: executing %d notebook(s): %s", len(todo), ", ".join(sorted(Path(p).name for p in todo)))
    # one per core (or TINYNET_NOTEBOOK_WORKERS); spawned, a fresh interpreter: no copy of the build's threads
    count = min(len(todo), max(1, int(os.environ.get("TINYNET_NOTEBOOK_WORKERS", "0")) or os.cpu_count() or 1))
    spawned = multiprocessing.get_context("spawn")
    pool = ThreadPoolExecutor(1) if len(todo) == 1 else ProcessPoolExecutor(count, mp_context=spawned)
    _pools.append(pool)
    # a worker finds `run` by its module's name: mkdocs names a hook's module by its path
    work = importlib.import_module("sitebuild.cache").run
    toc_depth = nb_plugin.config["toc_depth"]
    _running.update({path: pool.submit(work, path, toc_depth, str(_entries[path])) for path in todo})
    return files


def wait(*paths: str) -> dict[str, float]:
    """Wait for these notebooks and return their seconds; fail the build if executing one failed."""
    seconds = {}
    for path in paths:
        try:
            seconds[path] = _running[path].result()
        except Exception as error:  # the notebook's own error, with the worker's traceback
            on_build_error(error)
            shown = "".join(traceback.format_exception(error))
            raise PluginError(f"executing or converting a notebook failed: {path}:\n{shown}") from None
    return seconds


def on_pre_page(page, config, files):
    """A notebook page renders from its cache entry, once its notebook has run (mkdocs-jupyter's render set aside).

    The entry also gives the page its description and the standalone .ipynb written beside it (`notebooks`).
    """
    path = page.file.abs_src_path
    if path not in _entries:
        return page

    def render(config, files) -> None:
        if path in _running:
            wait(path)
        try:
            cached = json.loads(_entries[path].read_text(encoding="utf-8"))
        except FileNotFoundError:  # removed meanwhile by a build in this tree with other machinery: run it here
            log.info("cache: %s runs again: another build removed its entry", Path(path).name)
            cached = to_html(path, config.plugins["mkdocs-jupyter"].config["toc_depth"])
            store.write(_entries[path], json.dumps(cached))
        page.content = cached["content"]
        page.toc = get_toc(cached["toc_tokens"])
        if cached["description"]:
            page.meta["description"] = cached["description"]
        folder = Path(page.file.abs_dest_path).parent
        folder.mkdir(parents=True, exist_ok=True)
        download = nbformat.reads(cached["download"], as_version=4)
        nbformat.write(notebooks.linked(download, page.canonical_url), folder / f"{Path(path).stem}.ipynb")
        for name, png in cached["images"].items():
            (folder / name).write_bytes(base64.b64decode(png))
        log.info("cache: %s shown from the cache", Path(path).name)

    page.render = render
    return page


def on_post_build(config) -> None:
    """Every notebook has run (or the build fails); say how long each took. The workers end (`mkdocs serve`)."""
    times = sorted(wait(*_running).items(), key=lambda item: -item[1])
    while _pools:
        _pools.pop().shutdown()
    if times:
        log.info("cache: seconds per notebook: %s", ", ".join(f"{Path(p).name} {t:.1f}" for p, t in times))


def on_build_error(error) -> None:
    """Start no other notebook when the build fails."""
    while _pools:
        _pools.pop().shutdown(wait=False, cancel_futures=True)
