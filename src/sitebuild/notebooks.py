"""What a notebook page shows beside its cells: its description, and a standalone .ipynb to download.

`cache.py` calls these in the worker that executes the notebook and keeps the results in the page's cache entry:

- the page's description comes from the notebook's metadata (`description:` under
  `jupyter:` in the jupytext header), or else from the first sentence of its prose;
- a `<name>.ipynb` is written beside the page, with every `from tinynet... import`
  replaced by the source of the tinynet modules it needs, so it runs in a plain
  Jupyter with numpy and matplotlib only. Its outputs are left empty: a reader runs it.
  Its links to the site are made absolute (`linked`) when the page is written, for
  the address the site has then (`mkdocs serve` gives it another).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from urllib.parse import urljoin

import nbformat

from sitebuild import ROOT, module_file

# Markdown to plain text for a description: links keep their text; emphasis and code marks go
MARKUP = re.compile(r"\[(?P<text>[^\]]*)\]\([^)]*\)|[*_`]")
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
# a Markdown link to a page of this site, by a relative address
RELATIVE_LINK = re.compile(r"\]\((?![a-z][a-z0-9+.-]*:|/)([^)\s]+)\)")
INLINED_NOTE = (
    "The next cells hold the code of the site's `tinynet` package that this notebook uses,"
    " copied from its source when the site was built, so that the notebook runs on its own."
)
KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}


def description(notebook: nbformat.NotebookNode) -> str | None:
    """The notebook's `description` metadata, else the first sentence of its prose (not a heading or Source line)."""
    if notebook.metadata.get("description"):
        return str(notebook.metadata["description"])
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        for paragraph in cell.source.split("\n\n"):
            text = " ".join(paragraph.split())
            if text and not text.startswith(("#", "Source:", "<", "$$", "-", "|", "```")):
                text = MARKUP.sub(lambda m: m["text"] or "", text)
                return SENTENCE.split(text, maxsplit=1)[0]
    return None


# ---------------------------------------------------------------------------
# inlining tinynet
# ---------------------------------------------------------------------------


def module_path(module: str) -> Path:
    """The file of a tinynet module name such as 'tinynet.network'."""
    path = module_file(module)
    if path is None:
        raise ValueError(f"no module {module} under src/")
    return path


def tinynet_imports(tree: ast.Module) -> list[ast.stmt]:
    """The top-level statements of a parsed cell or module that import from tinynet."""
    found = []
    for node in tree.body:
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "tinynet" for a in node.names):
            raise ValueError(f"line {node.lineno}: write `from tinynet... import name`, not `import tinynet...`")
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "tinynet":
            if node.level:
                raise ValueError(f"line {node.lineno}: relative imports cannot be inlined")
            found.append(node)
    return found


def _package_exports() -> dict[str, str]:
    """Which module each name that tinynet/__init__.py re-exports comes from."""
    tree = ast.parse(module_path("tinynet").read_text(encoding="utf-8"))
    return {alias.name: node.module for node in tinynet_imports(tree) for alias in node.names if node.module}


def without_lines(source: str, nodes: list[ast.stmt]) -> str:
    """The source with the lines of the given statements removed."""
    drop = {n for node in nodes for n in range(node.lineno, (node.end_lineno or node.lineno) + 1)}
    return "\n".join(line for number, line in enumerate(source.splitlines(), 1) if number not in drop)


def public_names(tree: ast.Module) -> list[str]:
    """The public names a module defines at top level."""
    names = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef) and not node.name.startswith("_"):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name) and not t.id.startswith("_"))
    return sorted(names)


def inline(node: ast.ImportFrom, done: set[str], namespaces: set[str]) -> list[str]:
    """Cells that define what one import statement would have brought in."""
    cells: list[str] = []
    for alias in node.names:
        if alias.name == "*":
            raise ValueError(f"line {node.lineno}: `import *` cannot be inlined")
        if alias.asname and alias.asname != alias.name:
            raise ValueError(f"line {node.lineno}: `as {alias.asname}` cannot be inlined")
        needed, bound = str(node.module), None  # the module to inline, and the name bound to it whole
        if node.module == "tinynet" and module_file(f"tinynet.{alias.name}"):
            needed, bound = f"tinynet.{alias.name}", alias.name
        elif node.module == "tinynet":
            needed = _package_exports().get(alias.name, "")
            if not needed:
                raise ValueError(f"line {node.lineno}: tinynet has no {alias.name!r}")
        cells += module_cells(needed, done, namespaces)
        if bound and bound not in namespaces:
            namespaces.add(bound)
            tree = ast.parse(module_path(needed).read_text(encoding="utf-8"))
            names = ", ".join(f"{n}={n}" for n in public_names(tree))
            cells.append(f"# the module {needed} as one name\nimport types\n\n{bound} = types.SimpleNamespace({names})")
    return cells


def module_cells(module: str, done: set[str], namespaces: set[str]) -> list[str]:
    """Sources of the module and of every tinynet module it needs, dependencies first."""
    if module in done:
        return []
    done.add(module)
    path = module_path(module)
    text = path.read_text(encoding="utf-8")
    tree = ast.parse(text)
    imports = tinynet_imports(tree)
    cells = [cell for node in imports for cell in inline(node, done, namespaces)]
    body = without_lines(text, imports).strip("\n")
    relative = path.relative_to(ROOT).as_posix()
    cells.append(f"# {relative}, inlined so that this notebook runs without the tinynet package\n{body}")
    return cells


def linked(notebook: nbformat.NotebookNode, page_url: str | None) -> nbformat.NotebookNode:
    """The notebook with the relative links of its prose pointing at its page's address, so they work in a download."""
    for cell in notebook.cells if page_url else []:
        if cell.cell_type == "markdown":
            cell.source = RELATIVE_LINK.sub(lambda m: f"]({urljoin(page_url, m[1])})", cell.source)
    return notebook


def standalone_notebook(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A notebook as jupytext read it (left unchanged) as a new .ipynb, tinynet's source in place of its imports."""
    cells: list[tuple[str, str]] = []  # (the cell's type, its source)
    note = [("markdown", INLINED_NOTE)]  # once, before the first inlined module
    done: set[str] = set()
    namespaces: set[str] = set()
    for cell in notebook.cells:
        source = cell.source
        if cell.cell_type == "code" and (imports := tinynet_imports(ast.parse(source))):
            inlined = [("code", s) for node in imports for s in inline(node, done, namespaces)]
            if inlined:
                cells += note + inlined
                note = []
            source = re.sub(r"\n{3,}", "\n\n", without_lines(source, imports)).strip("\n")
            if not source:
                continue
        cells.append((cell.cell_type, source))
    fresh = nbformat.v4.new_notebook()
    # new cells, without outputs; a cell's id is its position, so builds repeat
    new = {"markdown": nbformat.v4.new_markdown_cell}
    fresh.cells = [
        new.get(kind, nbformat.v4.new_code_cell)(text, id=f"cell-{n}") for n, (kind, text) in enumerate(cells, 1)
    ]
    fresh.metadata = {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}}
    if notebook.metadata.get("description"):
        fresh.metadata["description"] = notebook.metadata["description"]
    nbformat.validate(fresh)
    return fresh
