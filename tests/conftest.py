"""Shared test set-up: one strict, offline build of the site, and copies of the tree to break."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from support import background
from support.browser import CHROMIUM, CHROMIUM_ARGS, DESKTOP, Traffic, serve

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ROOT = Path(__file__).resolve().parent.parent
OFFLINE = ROOT / "tests" / "support" / "offline"


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
    background.site_built(destination)
    return destination


@pytest.fixture(scope="session")
def base_url(built_site: Path) -> Iterator[str]:
    """The built site, served over HTTP on 127.0.0.1 for every browser test of the session."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the whole session, shared by every browser module; tests open their own contexts."""
    from playwright.sync_api import sync_playwright  # here, so that the tests without a browser never import it

    assert CHROMIUM.exists(), f"no {CHROMIUM}: run `make test`, which installs Chromium, or set CHROMIUM to a browser"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[tuple[Page, Traffic]]:
    """A desktop-sized tab (1280x800, light scheme) in a context of its own, and what it asked for."""
    context = browser.new_context(viewport=DESKTOP, color_scheme="light")
    traffic = Traffic()
    traffic.watch(context)
    yield context.new_page(), traffic
    context.close()


@pytest.fixture
def tree_copy(tmp_path: Path, built_site: Path) -> Path:
    """A copy of the project to break on purpose: no .venv or site, but the caches the first build left.

    Every cache is keyed on content (pages, notebooks, the src/ they use), so a copy's build reuses
    what still holds and recomputes what the test changed; a test that needs a cold build deletes .cache.
    """
    return copy_project(tmp_path / "project")


def copy_project(copy: Path) -> Path:
    """Copy the project to copy: no .venv, site, .git or node_modules, but the caches."""
    ignore = shutil.ignore_patterns(".venv", "site", ".git", "node_modules", "__pycache__", "screenshots")
    shutil.copytree(ROOT, copy, ignore=ignore)
    return copy


# A cold build (empty caches) of a copy of the tree, started in the background as soon as collection
# ends, so that it runs while the other tests do; the reproducibility test waits for it.
COLD: dict[str, object] = {}
COLD_TEST = "test_a_clean_build_equals_the_suite_build"
# run after the others, in this order: the build-cache tests, which build copies of the tree on both
# cores, once the browser walks (started in the background when the site is built) are mostly done;
# then the layout and browser tests, which read the walks' results
LAST = ["test_build_cache.py", "test_layout.py", "test_browser.py"]


def start_cold_build() -> None:
    """Copy the tree (with .git, for the same build date; without caches) and start building it."""
    copy = Path(tempfile.mkdtemp(prefix="tinynet-cold-")) / "project"
    ignore = shutil.ignore_patterns(".venv", "site", "node_modules", "__pycache__", ".cache", "screenshots")
    shutil.copytree(ROOT, copy, ignore=ignore)
    COLD["copy"] = copy
    COLD["process"] = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(copy / "site")],
        cwd=copy,
        env=offline_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


# the fixtures that build the site; `--no-site` leaves out every test that uses one (make mutate)
SITE_FIXTURES = {"built_site", "tree_copy", "cold_site"}


def pytest_addoption(parser: pytest.Parser) -> None:
    """--no-site: run only the tests that need no site build."""
    parser.addoption("--no-site", action="store_true", help="deselect the tests that build the site")


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave out the site's tests under --no-site; start the cold build early when a test will need it; run LAST last.

    The browser walk starts in the background once the site is built (tests/support/background.py):
    with its tests last, the rest of the suite runs meanwhile.
    """
    if config.getoption("no_site"):
        building = [item for item in items if SITE_FIXTURES & set(getattr(item, "fixturenames", ()))]
        if building:
            config.hook.pytest_deselected(items=building)
            items[:] = [item for item in items if item not in building]
    if any(item.name == COLD_TEST for item in items):
        start_cold_build()
    background.SELECTED.update(item.originalname for item in items if isinstance(item, pytest.Function))
    items.sort(key=lambda item: LAST.index(item.path.name) + 1 if item.path.name in LAST else 0)  # stable


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Stop the cold build if nobody waited for it, and remove its copy."""
    process = COLD.get("process")
    if isinstance(process, subprocess.Popen) and process.poll() is None:
        process.kill()
        process.wait()
    copy = COLD.get("copy")
    if isinstance(copy, Path):
        shutil.rmtree(copy.parent, ignore_errors=True)


@pytest.fixture(scope="session")
def cold_site() -> Path:
    """The site built from empty caches in a copy of the tree (the build started when collection ended)."""
    if not COLD:
        start_cold_build()
    process = COLD["process"]
    assert isinstance(process, subprocess.Popen)
    log = process.communicate()[0]
    assert process.returncode == 0, f"the cold build failed:\n{log}"
    copy = COLD["copy"]
    assert isinstance(copy, Path)
    return copy / "site"
