"""What builds the site from src/: build-time facts, include guards and MkDocs hooks."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"


def is_notebook(page) -> bool:
    """True for the pages mkdocs-jupyter renders (it sets `page.nb_url`)."""
    return bool(getattr(page, "nb_url", None))


def module_file(name: str) -> Path | None:
    """The file under src/ that defines module `name` (dotted), or None when src/ has none."""
    base = SRC.joinpath(*name.split("."))
    return next((p for p in (base.with_suffix(".py"), base / "__init__.py") if p.is_file()), None)
