"""Shared test set-up: every example in docs/ as a test, and one strict build of the site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from doctest import ELLIPSIS, NORMALIZE_WHITESPACE
from pathlib import Path

import pytest
from sybil import Sybil
from sybil.evaluators.python import PythonEvaluator
from sybil.parsers.markdown import ClearNamespaceParser, PythonCodeBlockParser, SkipParser

from support.console import ConsoleParser

ROOT = Path(__file__).resolve().parent.parent
OFFLINE = ROOT / "tests" / "support" / "offline"


class PyconParser(PythonCodeBlockParser):
    """Doctest sessions in ```pycon fences: the way pages show an interpreter session."""

    def __init__(self, doctest_optionflags: int = 0) -> None:
        super().__init__(doctest_optionflags=doctest_optionflags)
        self.codeblock_parser = self.codeblock_parser_class("pycon", PythonEvaluator())


# every ```python block runs, every ```pycon session is checked line by line, and every
# ```console block's commands run and must print what the page shows
pytest_collect_file = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=NORMALIZE_WHITESPACE | ELLIPSIS),
        PyconParser(doctest_optionflags=NORMALIZE_WHITESPACE | ELLIPSIS),
        ConsoleParser(),
        SkipParser(),
        ClearNamespaceParser(),
    ],
    path=str(ROOT / "docs"),
    patterns=["*.md"],
).pytest()


def offline_env() -> dict[str, str]:
    """The environment for a child process that may not reach any host but this one."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(OFFLINE), env.get("PYTHONPATH", "")]))
    return env


def build_site(destination: Path, root: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run a strict, offline `mkdocs build` of the tree at root into destination."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(destination)],
        cwd=root,
        env=offline_env(),
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built once, strictly and offline, for every test that reads it."""
    destination = tmp_path_factory.mktemp("site")
    done = build_site(destination)
    assert done.returncode == 0, f"mkdocs build --strict failed:\n{done.stdout}\n{done.stderr}"
    return destination


@pytest.fixture
def tree_copy(tmp_path: Path) -> Path:
    """A copy of the project (no .venv, site or caches) to break on purpose."""
    copy = tmp_path / "project"
    ignore = shutil.ignore_patterns(".venv", "site", ".git", "node_modules", "__pycache__", ".cache")
    shutil.copytree(ROOT, copy, ignore=ignore)
    return copy
