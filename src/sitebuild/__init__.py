"""What builds the site from src/: build-time facts, include guards and MkDocs hooks."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def is_notebook(page) -> bool:
    """True for the pages mkdocs-jupyter renders (it sets `page.nb_url`)."""
    return bool(getattr(page, "nb_url", None))
