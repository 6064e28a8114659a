"""The notebook pages: each offers a download that runs in a plain Jupyter, and a failing cell fails the build."""

from __future__ import annotations

import ast
import asyncio
import html
import json
import os
import re
import shutil
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import jupytext
import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from conftest import OFFLINE, ROOT, build_site, offline_env
from support.browser import search_text

NOTEBOOKS = sorted((ROOT / "docs").glob("part-*/*.py"))
EXTERNAL = re.compile(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=[\"']?(?:https?:)?//", re.I)
MARKDOWN_LINK = re.compile(r"\]\(([^)\s]+)\)")
# and two that come with those: Pillow (PIL), which matplotlib requires, and IPython, which every Jupyter kernel runs
ALLOWED_IMPORTS = {"numpy", "matplotlib", "PIL", "IPython"} | set(sys.stdlib_module_names)

# the kernel's sitecustomize: no tinynet, no sitebuild, and no host but this one
BLOCKER = f'''
import importlib.util
import sys


class _Refuse:
    """Make `import tinynet` and `import sitebuild` fail, as on a machine without this repository."""

    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("tinynet", "sitebuild"):
            raise ImportError(f"{{name}} is not installed here")
        return None


sys.meta_path.insert(0, _Refuse())
_spec = importlib.util.spec_from_file_location("_offline", {str(OFFLINE / "sitecustomize.py")!r})
_spec.loader.exec_module(importlib.util.module_from_spec(_spec))
'''


def site_folder(site: Path, notebook: Path) -> Path:
    """The built page's folder for a notebook under docs/."""
    return site / notebook.relative_to(ROOT / "docs").with_suffix("")


def run_standalone(files: list[Path], tmp_path: Path) -> list[nbformat.NotebookNode | BaseException]:
    """Execute copies of the .ipynb files, all at once, each alone in an empty folder, in kernels that cannot
    import the project; give back each executed notebook, or the error that stopped it."""
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(BLOCKER, encoding="utf-8")
    env = offline_env()
    env["PYTHONPATH"] = str(blocker)
    env["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    clients = []
    for number, file in enumerate(files):
        work = tmp_path / f"empty-{number}"
        work.mkdir()
        shutil.copy(file, work / file.name)
        notebook = nbformat.read(work / file.name, as_version=4)
        clients.append(
            NotebookClient(notebook, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(work)}})
        )

    async def run_all() -> list[nbformat.NotebookNode | BaseException]:
        kernels = asyncio.Semaphore(os.cpu_count() or 2)  # more at once only share the same cores

        async def run(client: NotebookClient) -> nbformat.NotebookNode:
            async with kernels:
                return await client.async_execute(env=env)

        return await asyncio.gather(*(run(client) for client in clients), return_exceptions=True)

    # in a thread of its own, with its own event loop: the browser tests' Playwright holds this thread's
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, run_all()).result()


class Standalone:
    """Every download of a built site run on its own, in a thread of its own.

    Kernels take a minute of CPU; under pytest-xdist the other worker runs other tests meanwhile.
    """

    def __init__(self, site: Path) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="tinynet-standalone-"))
        self.files = [site_folder(site, notebook) / f"{notebook.stem}.ipynb" for notebook in NOTEBOOKS]
        self.results: list[nbformat.NotebookNode | BaseException] = []
        self.done = threading.Event()
        threading.Thread(target=self._run, name="standalone notebooks", daemon=True).start()

    def _run(self) -> None:
        try:
            self.results = run_standalone(self.files, self.folder)
        except Exception as problem:  # reported by every notebook's test
            self.results = [problem] * len(self.files)
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.done.set()


# the standalone runs of a built site's downloads, started once per site (on the first call)
start_standalone = cache(Standalone)


@pytest.fixture(scope="module")
def standalone_runs(built_site: Path) -> dict[str, object]:
    """Every downloadable notebook of the built site, executed on its own (the run started on first use)."""
    runs = start_standalone(built_site)
    assert runs.done.wait(timeout=900), "the standalone notebooks never finished"
    return {notebook.stem: result for notebook, result in zip(NOTEBOOKS, runs.results, strict=True)}


def foreign_imports(notebook: nbformat.NotebookNode) -> list[str]:
    """Modules the notebook's code imports beyond numpy, matplotlib, Pillow, IPython and the standard library."""
    found = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        for node in ast.walk(ast.parse(cell.source)):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or "."] if not node.level else ["."]
            else:
                continue
            found += [name for name in names if name.split(".")[0] not in ALLOWED_IMPORTS]
    return found


class _Links(HTMLParser):
    """Collects the attributes and text of every <a> and the page's meta description."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[dict[str, str | None], str]] = []
        self.description: str | None = None
        self._open: dict[str, str | None] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._open, self._text = dict(attrs), []
        elif tag == "meta" and dict(attrs).get("name") == "description":
            self.description = dict(attrs).get("content")

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open is not None:
            self.links.append((self._open, " ".join("".join(self._text).split())))
            self._open = None


def read_page(path: Path) -> _Links:
    """The links and description of a built page."""
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_page_offers_its_notebook(built_site: Path, notebook: Path) -> None:
    """The page links, with the download attribute and a clear label, to a valid .ipynb beside it."""
    folder = site_folder(built_site, notebook)
    target = folder / f"{notebook.stem}.ipynb"
    assert target.is_file(), f"{target} was not written"
    download = nbformat.read(target, as_version=4)
    nbformat.validate(download)
    prose = "\n".join(cell.source for cell in download.cells if cell.cell_type == "markdown")
    assert [url for url in MARKDOWN_LINK.findall(prose) if not url.startswith("https://")] == [], "relative links"
    downloads = [(a, text) for a, text in read_page(folder / "index.html").links if "download" in a]
    assert downloads, f"{notebook.name}: no download link on the page"
    attrs, text = downloads[0]
    assert attrs["href"] == target.name
    assert attrs["download"] == target.name
    assert "notebook" in text.lower() and ".ipynb" in text


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_page_has_its_own_description(built_site: Path, notebook: Path) -> None:
    """A notebook page describes itself (from the notebook's metadata), not with the site's description."""
    description = read_page(site_folder(built_site, notebook) / "index.html").description
    site_description = read_page(built_site / "index.html").description
    assert description and description != site_description, (
        f"{notebook.name}: add `description:` under `jupyter:` in the notebook's jupytext header"
    )


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_page_loads_nothing_from_another_host(built_site: Path, notebook: Path) -> None:
    """nbconvert's MathJax and mermaid loaders are gone: no script or stylesheet comes from a CDN."""
    html = (site_folder(built_site, notebook) / "index.html").read_text(encoding="utf-8")
    assert [
        tag for tag in EXTERNAL.findall(html) if 'rel="canonical"' not in tag
    ] == []  # a canonical link loads nothing
    assert "mathjax" not in html.lower() and "cdnjs" not in html


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_search_holds_each_code_cell_once(built_site: Path, notebook: Path) -> None:
    """The search index holds a code cell's code once, as the page shows it: no hidden copy for the copy button."""
    text = search_text(built_site, site_folder(built_site, notebook).relative_to(built_site).as_posix() + "/")
    source = notebook.read_text(encoding="utf-8")
    cells = [cell.source for cell in jupytext.reads(source, fmt="py").cells if cell.cell_type == "code"]
    # each cell's longest line that appears nowhere else in the notebook
    lines = [max((x for x in c.splitlines() if source.count(x) == 1), key=len, default="") for c in cells]
    lines = [html.escape(line.strip(), quote=False) for line in lines if len(line.strip()) >= 20]
    assert len(lines) >= 2
    assert {line: text.count(line) for line in lines} == dict.fromkeys(lines, 1)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_search_quotes_no_prompt_copy_notice_or_link_sign(built_site: Path, notebook: Path) -> None:
    """What search shows of a notebook page is its words: no "In [1]:", no "Copied!", no ¶ after a heading."""
    page = site_folder(built_site, notebook).relative_to(built_site).as_posix() + "/"
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    sections = [doc for doc in index["docs"] if doc["location"].split("#")[0] == page]
    assert len(sections) >= 3
    for doc in sections:
        assert "\u00b6" not in doc["title"] + doc["text"], doc["location"]
        assert "Copied!" not in doc["text"] and not re.search(r"In(\s|&nbsp;)\[\d*\]:", doc["text"]), doc["location"]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_page_comes_out_clean(built_site: Path, notebook: Path) -> None:
    """A notebook page inlines no stylesheet and no loader, links the shared one, numbers its cells in order, and
    gives its code no "In [n]:" column (it took 114 px from the code on a desktop)."""
    html = (site_folder(built_site, notebook) / "index.html").read_text(encoding="utf-8")
    assert "<style" not in html and "mermaid" not in html.lower()
    assert "jp-InputPrompt" not in html and "jp-OutputPrompt" not in html
    assert "clipboard-copy" not in html, "mkdocs-jupyter's copy button or its script: the theme's is the one"
    assert html.count('href="../../assets/stylesheets/notebook.css"') == 1
    cells = re.findall(r'id="cell-id=([^"]*)"', html)
    assert cells and cells == [str(n) for n in range(1, len(cells) + 1)]


def test_mkdocs_jupyter_still_offers_what_the_build_uses() -> None:
    """The installed mkdocs-jupyter and nbconvert have the blocks templates/notebook.html.j2 replaces, and what cache.py
    calls.

    cache.py converts the notebooks itself and gives each notebook page its own `render`, in place of the one
    mkdocs-jupyter sets in `on_pre_page`; if a release renames or moves any of these, this test says which.
    """
    from jupyter_core.paths import jupyter_path
    from mkdocs_jupyter import convert
    from mkdocs_jupyter.config import settings
    from mkdocs_jupyter.plugin import Plugin

    ours = (ROOT / "src" / "sitebuild" / "templates" / "notebook.html.j2").read_text(encoding="utf-8")
    blocks = re.findall(r"\{%-? block (\w+)", ours)
    emptied = ["html_head_js", "notebook_css", "html_head_js_mathjax", "html_head_js_mermaidjs"]
    # a code cell, as cache.py highlights it; a plot's output type, in the block nbconvert keeps for types it does
    # not know (the prompts are left out by nbconvert's own options, in cache.py)
    assert blocks == [*emptied, "input", "data_other"]
    theirs = [Path(settings.templates_dir) / "mkdocs_html" / "notebook.html.j2"]
    for name in ("lab/base.html.j2", "base/display_priority.j2"):
        found = [Path(folder) / name for folder in jupyter_path("nbconvert", "templates")]
        theirs.append(next(path for path in found if path.is_file()))
    texts = [path.read_text(encoding="utf-8") for path in theirs]
    for block in blocks:
        pattern = r"\{%-? block " + block + r" -?%\}"
        assert any(re.search(pattern, text) for text in texts), f"no template of {theirs} has the block {block}"
    assert callable(convert.nb2md) and callable(Plugin.should_include) and callable(Plugin.on_pre_page)
    assert "toc_depth" in dict(Plugin.config_scheme) and "page.render = " in Path(convert.__file__).with_name(
        "plugin.py"
    ).read_text(encoding="utf-8")


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_downloaded_notebook_runs_on_its_own(built_site: Path, standalone_runs: dict, notebook: Path) -> None:
    """The .ipynb imports only numpy, matplotlib, Pillow, IPython and the standard library; it runs without the repo."""
    target = site_folder(built_site, notebook) / f"{notebook.stem}.ipynb"
    assert foreign_imports(nbformat.read(target, as_version=4)) == []
    executed = standalone_runs[notebook.stem]
    if isinstance(executed, BaseException):
        raise executed
    code = [cell for cell in executed.cells if cell.cell_type == "code"]
    assert code and all(cell.execution_count for cell in code)
    assert not [out for cell in code for out in cell.outputs if out.output_type == "error"]


def test_the_standalone_check_is_not_vacuous(tmp_path: Path) -> None:
    """A notebook that still imports tinynet fails both checks: the import scan and the run without the repo."""
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("import numpy as np\nfrom tinynet import nonlin\nprint(nonlin(0))")]
    path = tmp_path / "leaky.ipynb"
    nbformat.write(notebook, path)
    assert foreign_imports(notebook) == ["tinynet"]
    (result,) = run_standalone([path], tmp_path)
    assert isinstance(result, CellExecutionError)
    assert "tinynet is not installed here" in str(result)


@pytest.mark.parametrize(
    ("code", "refusal"),
    [
        ("import tinynet.network", "not `import tinynet...`"),
        ("from tinynet import nonlin as squash", "`as squash` cannot be inlined"),
        ("from tinynet.network import *", "`import *` cannot be inlined"),
        ("from tinynet import no_such_name", "tinynet has no 'no_such_name'"),
    ],
)
def test_a_download_refuses_imports_it_cannot_inline(tmp_path: Path, code: str, refusal: str) -> None:
    """A notebook whose tinynet import cannot be replaced by tinynet's source has no download: the build says why."""
    from sitebuild.notebooks import standalone_notebook

    path = tmp_path / "page.py"
    path.write_text(f"# %% [markdown]\n# # A page\n\n# %%\n{code}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(refusal)):
        standalone_notebook(jupytext.read(path))


def test_inlined_modules_come_dependencies_first(built_site: Path) -> None:
    """In a download, data.py comes before network.py, which needs it, and no tinynet import is left."""
    notebook = nbformat.read(built_site / "part-1" / "sigmoid" / "sigmoid.ipynb", as_version=4)
    sources = [cell.source for cell in notebook.cells if cell.cell_type == "code"]

    def position(name: str) -> int:
        return next(i for i, source in enumerate(sources) if f"src/tinynet/{name}, inlined" in source)

    assert position("data.py") < position("network.py") < position("plotting.py")
    assert not any("tinynet import" in s or "import tinynet" in s for s in sources)


def test_a_failing_cell_fails_the_build(built_site: Path, tree_copy: Path, tmp_path: Path) -> None:
    """A notebook cell that raises stops the strict build with the error, instead of publishing a traceback."""
    # the other notebooks come from the cache that tree_copy carries over; only the broken one runs
    notebook = tree_copy / "docs" / "part-1" / "sigmoid.py"
    notebook.write_text(
        notebook.read_text(encoding="utf-8") + '\n# %%\nraise RuntimeError("this cell fails on purpose")\n',
        encoding="utf-8",
    )
    done = build_site(tmp_path / "site", root=tree_copy)
    assert done.returncode != 0
    assert "this cell fails on purpose" in done.stdout + done.stderr


def test_a_notebook_without_description_metadata_describes_itself_with_its_first_sentence() -> None:
    """Without `description` metadata, the page's description is the first sentence of its prose."""
    from sitebuild.notebooks import description

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# Title\n\nSource: `src/x.py`\n\nThe [first](a.md) *one*. The second."),
    ]
    assert description(notebook) == "The first one."
    notebook.metadata["description"] = "Given."
    assert description(notebook) == "Given."
