"""Shared test set-up: one strict, offline build of the site, and copies of the tree to break."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from support import LEFT_OUT
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
    """The site built once per run, strictly and offline, for every test (and every worker) that reads it."""
    return finished("site", tmp_path_factory)


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
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(*LEFT_OUT, ".git"))
    return copy


# The run's two builds of the site, each made once however many workers pytest-xdist runs: the suite's
# build of this tree (`built_site`) and a cold build (empty caches) of a copy of it (`cold_site`).
# The first worker to claim one starts it in a child process as soon as its session starts, so that
# both run while the tests that need no site do; a worker that needs one waits for its `.rc` file.
BUILDS = pytest.StashKey[set[str]]()
WAITERS: list[threading.Thread] = []


def shared_folder(factory: pytest.TempPathFactory) -> Path:
    """A folder every worker of this run sees: the run's temporary folder (its parent, under pytest-xdist)."""
    base = factory.getbasetemp()
    return base.parent if "PYTEST_XDIST_WORKER" in os.environ else base


def start(name: str, shared: Path) -> None:
    """Start the build `name` ("site" or "cold") unless a worker of this run has already claimed it."""
    try:
        (shared / f"{name}.claimed").open("x").close()
    except FileExistsError:
        return
    root, command = ROOT, [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(shared / name)]
    if name == "cold":  # a copy with .git (the same build date) and without caches
        root = shared / "cold-tree"
        shutil.copytree(ROOT, root, ignore=shutil.ignore_patterns(*LEFT_OUT, ".cache"))
        # at a lower priority: the tests wait for the other build, and this one only at the end
        command = ["nice", "-n", "10", *command] if shutil.which("nice") else command
    with (shared / f"{name}.log").open("w") as log:
        process = subprocess.Popen(
            command,
            cwd=root,
            env=offline_env(),
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    def record() -> None:
        (shared / f"{name}.rc.part").write_text(str(process.wait()))
        (shared / f"{name}.rc.part").rename(shared / f"{name}.rc")

    WAITERS.append(threading.Thread(target=record, name=f"{name} build"))
    WAITERS[-1].start()


def finished(name: str, factory: pytest.TempPathFactory) -> Path:
    """The built site `name`, once its build has passed (started now if no worker has started it)."""
    shared = shared_folder(factory)
    start(name, shared)
    rc, deadline = shared / f"{name}.rc", time.monotonic() + 900
    while not rc.exists():
        assert time.monotonic() < deadline, f"the {name} build did not end within 900 s"
        time.sleep(0.2)
    log = (shared / f"{name}.log").read_text(encoding="utf-8")
    assert rc.read_text() == "0", f"mkdocs build --strict ({name}) failed:\n{log}"
    return shared / name


@pytest.fixture(scope="session", autouse=True)
def _start_builds(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Start the builds the selected tests need, before the first test runs."""
    for name in ("site", "cold"):
        if name in request.config.stash.get(BUILDS, set()):
            start(name, shared_folder(tmp_path_factory))


# the fixtures that build the site; `--no-site` leaves out every test that uses one (make mutate)
SITE_FIXTURES = {"built_site", "tree_copy", "cold_site"}


def pytest_addoption(parser: pytest.Parser) -> None:
    """--no-site: run only the tests that need no site build."""
    parser.addoption("--no-site", action="store_true", help="deselect the tests that build the site")


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave out the site's tests under --no-site; note which builds the others need."""
    if config.getoption("no_site"):
        building = [item for item in items if SITE_FIXTURES & set(getattr(item, "fixturenames", ()))]
        if building:
            config.hook.pytest_deselected(items=building)
            items[:] = [item for item in items if item not in building]
    used = {name for item in items for name in getattr(item, "fixturenames", ())}
    config.stash[BUILDS] = ({"site"} if SITE_FIXTURES & used else set()) | ({"cold"} if "cold_site" in used else set())


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Wait for the builds this worker started: another worker may still be waiting for them."""
    for waiter in WAITERS:
        waiter.join()


@pytest.fixture(scope="session")
def cold_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from empty caches in a copy of the tree (started when the session started)."""
    return finished("cold", tmp_path_factory)
