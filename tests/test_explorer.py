"""The training explorers (two-layer on "Watching it learn", three-layer on "The three-layer network
learning"), driven in Chromium by role and label, against the Python API.

Every number they show, at iterations 0, 1 and the last, equals tinynet's recorded snapshots to
1e-12 relative, and its visible text is the API's to the digits it writes, for three datasets each;
their state survives in the page's address; the view exported as Python, run with numpy, prints
what the page shows; axe finds nothing and no column is cut off, at phone and desktop widths.
(How fast a step and a jump answer is measured by `make bench`, not here.)
"""

from __future__ import annotations

import ast
import math
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from playwright.sync_api import expect

import tinynet
from support.browser import AXE, DESKTOP, EXPLORER_TIMING, PHONE, Traffic, axe_violations, visit

X_POST = tinynet.X.tolist()
# each network: its page, its mount, its hook, the digits it writes, and how the API trains it
NETWORKS = {
    "two-layer": {
        "path": "part-1/watching-it-learn/",
        "mount": "#training-explorer",
        "hook": "trainingExplorer",
        "digits": 6,
    },
    "three-layer": {
        "path": "part-2/three-layer-training/",
        "mount": "#three-layer-explorer",
        "hook": "threeLayerExplorer",
        "digits": 5,
    },
}
# (network, dataset): how the reader sets it up (controls: preset, seed, iterations, sizes; or a link)
DATASETS = {
    ("two-layer", "default"): {"X": X_POST, "y": [[0], [0], [1], [1]], "iterations": 10000, "seed": 1},
    ("two-layer", "exclusive or, seed 3"): {
        "preset": "exclusive or (targets 0, 1, 1, 0)",
        "X": X_POST,
        "y": [[0], [1], [1], [0]],
        "iterations": 2000,
        "seed": 3,
    },
    ("two-layer", "second column, from a link"): {
        "link": "preset=second&seed=7&iterations=2500",
        "X": X_POST,
        "y": [[0], [1], [0], [1]],
        "iterations": 2500,
        "seed": 7,
    },
    ("three-layer", "default"): {"X": X_POST, "y": [[0], [1], [1], [0]], "iterations": 60000, "seed": 1},
    ("three-layer", "post's data, 3 units, alpha 0.5"): {
        "preset": "the post's data (target: the first column)",
        "X": X_POST,
        "y": [[0], [0], [1], [1]],
        "iterations": 5000,
        "seed": 2,
        "hidden": 3,
        "alpha": 0.5,
    },
    ("three-layer", "own rows, from a link"): {
        "link": "X=110.011.100.001&y=1.1.0.0&seed=7&iterations=3000&hidden=6",
        "X": [[1, 1, 0], [0, 1, 1], [1, 0, 0], [0, 0, 1]],
        "y": [[1], [1], [0], [0]],
        "iterations": 3000,
        "seed": 7,
        "hidden": 6,
    },
}
# exclusive or on one layer of weights: every weight collapses to rounding noise (about 1e-16), where a
# relative gap means nothing; there values agree to 1e-12 relative or 1e-15 absolute, whichever is larger
FLOOR = {"exclusive or, seed 3": 1e-15}
# every number the explorer shows: a table with data-name is one variable; otherwise each column is one
READ = """(mount) => {
    const out = {};
    mount.querySelectorAll('.training-explorer__tables table').forEach((table) => {
        const rows = [...table.tBodies[0].rows].map((tr) => [...tr.cells].slice(1));
        const cell = (td) => ({text: td.innerText.trim(), value: td.dataset.value ?? null});
        if (table.dataset.name) {
            out[table.dataset.name] = rows.map((row) => row.map(cell));
            return;
        }
        const heads = [...table.tHead.rows[0].cells].slice(1).map((th) => th.innerText.trim());
        heads.forEach((head, k) => { out[head] = rows.map((row) => [cell(row[k])]); });
    });
    const text = (selector) => mount.querySelector(selector).innerText.trim();
    return {
        numbers: out,
        status: text('.training-explorer__status'),
        look: text('.training-explorer__look'),
        iteration: Number(mount.querySelector('input[type=number][id$="-iteration"]').value),
        of: text('.training-explorer__position'),
        url: location.search,
    };
}"""
STARTING_MS = 30_000


def region(tab, network: str):
    """The explorer's region, once it has loaded its data and trained."""
    net = NETWORKS[network]
    tab.evaluate(f"window.{net['hook']}.ready.then(() => true)")
    found = tab.locator(net["mount"])
    expect(found.get_by_role("button", name="Play")).to_be_visible(timeout=STARTING_MS)
    return found


def choose(mount, label: str, value: str) -> None:
    """Type a value into a number box, as a reader would, and leave it."""
    box = mount.get_by_role("spinbutton", name=label, exact=True)
    box.fill(value)
    box.press("Tab")


def open_dataset(tab, traffic, base_url: str, network: str, dataset: str):
    """Open the page and set the dataset up with the explorer's controls, or open it from a link."""
    net = NETWORKS[network]
    case = DATASETS[(network, dataset)]
    visit(tab, traffic, base_url + net["path"] + ("?" + case["link"] if "link" in case else ""))
    mount = region(tab, network)
    if "preset" in case:
        mount.get_by_role("combobox", name="Data").select_option(label=case["preset"])
        mount.get_by_role("combobox", name="Seed").select_option(str(case["seed"]))
        choose(mount, "Iterations", str(case["iterations"]))
        if "hidden" in case:
            mount.get_by_role("combobox", name="Hidden units").select_option(str(case["hidden"]))
            choose(mount, "Learning rate (alpha)", str(case["alpha"]))
    return mount, case


def api_run(network: str, case: dict, record: set[int]):
    """The Python API's run of the case, with snapshots at the iterations in `record`."""
    X, y = np.array(case["X"]), np.array(case["y"])
    if network == "two-layer":
        return tinynet.train_two_layer(X, y, case["iterations"], case["seed"], record=record, track_error=True)
    return tinynet.train_three_layer(
        X,
        y,
        case["iterations"],
        case["seed"],
        record=record,
        track_error=True,
        hidden=case.get("hidden", 4),
        alpha=case.get("alpha", 1.0),
    )


def expected(network: str, snap) -> dict[str, np.ndarray]:
    """What the explorer shows at one iteration, from the API's snapshot, by the page's names."""
    if network == "three-layer":
        return dict(snap.values) | {"l0": None}
    return {
        "np.dot(l0,syn0)": np.dot(snap.l0, snap.syn0),
        "l1": snap.l1,
        "l1_error": snap.l1_error,
        "l1_delta": snap.l1_delta,
        "syn0 before": snap.syn0,
        "np.dot(l0.T,l1_delta)": np.dot(snap.l0.T, snap.l1_delta),
        "syn0 after": snap.syn0_after,
    }


def written(text: str, value: float, digits: int, floor: float = 0.0) -> bool:
    """Whether a number shown as text (with a minus sign) is value to the digits the page writes."""
    shown = float(text.replace("\u2212", "-"))
    if abs(value) <= floor:
        return abs(shown - value) <= floor
    half_unit = 0.5 * 10.0 ** (math.floor(math.log10(abs(value))) - digits + 1)
    return abs(shown - value) <= half_unit * (1 + 1e-9)


def compare(shown: dict, want: dict, digits: int, label: str, floor: float = 0.0) -> float:
    """Every variable's data-values to 1e-12 relative and its texts to the page's digits; the worst gap."""
    worst = 0.0
    for name, value in want.items():
        if value is None:
            continue
        assert name in shown, f"{label}: the page shows no {name}"
        value = np.asarray(value, dtype=float)
        cells = shown[name]
        held = np.array([[float(c["value"]) for c in row] for row in cells])
        assert held.shape == value.shape, f"{label}: {name} has shape {held.shape}, not {value.shape}"
        np.testing.assert_allclose(held, value, rtol=1e-12, atol=floor, err_msg=f"{label}: {name}")
        for r, row in enumerate(cells):
            for c, cell in enumerate(row):
                assert written(cell["text"], float(value[r, c]), digits, floor), (
                    f"{label}: {name}[{r}, {c}] reads {cell['text']!r}, not {float(value[r, c]):.{digits}g}"
                )
        big = np.abs(value) > floor
        if big.any():
            worst = max(worst, float(np.max(np.abs(held[big] - value[big]) / np.abs(value[big]))))
    return worst


@pytest.mark.parametrize(("network", "dataset"), list(DATASETS), ids=[f"{n}, {d}" for n, d in DATASETS])
def test_every_number_is_numpys(network: str, dataset: str, base_url: str, page, capsys) -> None:
    """At iterations 0, 1 and the last, typed into the Iteration box: every number and its text is the API's."""
    tab, traffic = page
    mount, case = open_dataset(tab, traffic, base_url, network, dataset)
    last = case["iterations"] - 1
    run = api_run(network, case, {0, 1, last})
    digits, floor = NETWORKS[network]["digits"], FLOOR.get(dataset, 0.0)
    worst = 0.0
    for it in (0, 1, last):
        choose(mount, "Iteration", str(it))
        state = mount.evaluate(READ)
        assert state["iteration"] == it
        assert state["of"] == f"of 0 to {last:,}"
        want = expected(network, run.snapshots[it])
        worst = max(worst, compare(state["numbers"], want, digits, f"{dataset}, {it}", floor))
        if network == "two-layer":
            # the data columns: each example's row and target, written as the code writes them
            assert [row[0]["text"] for row in state["numbers"]["l0"]] == [str(r).replace("'", "") for r in case["X"]]
            assert [row[0]["text"] for row in state["numbers"]["y"]] == [str(t[0]) for t in case["y"]]
    # the status line: the trained weights (two layers) or the last iteration's error (three)
    final = run.syn0[:, 0] if network == "two-layer" else [run.errors[-1]]
    numbers = re.findall(r"[\u2212-]?\d+(?:\.\d+)?(?:e[\u2212-]?\d+)?", state["status"].split(":", 1)[1])
    assert all(written(t, float(v), digits, floor) for t, v in zip(numbers, final, strict=True)), state["status"]
    assert state["status"].startswith(f"Trained {case['iterations']:,} iterations in ")
    assert traffic.console_errors == []
    with capsys.disabled():
        print(f"\nexplorer, {network}, {dataset}: worst relative gap to numpy {worst:.1e}")


@pytest.mark.parametrize("network", list(NETWORKS))
def test_the_address_holds_the_view(network: str, base_url: str, page, browser) -> None:
    """After the reader changes data, seed, sizes and iteration, opening the page's address shows the same view."""
    tab, traffic = page
    dataset = "exclusive or, seed 3" if network == "two-layer" else "post's data, 3 units, alpha 0.5"
    mount, _ = open_dataset(tab, traffic, base_url, network, dataset)
    mount.get_by_role("button", name="Example 2, input 1").click()  # own rows now: X[2] becomes [1, 1, 1]
    choose(mount, "Iteration", "123")
    state = mount.evaluate(READ)
    assert state["iteration"] == 123
    for key in ("iteration=123", "seed=", "iterations=", "X=", "y="):
        assert key in state["url"], f"{key} not in {state['url']}"
    other = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        again = other.new_page()
        again.goto(base_url + NETWORKS[network]["path"] + state["url"], wait_until="load")
        copy = region(again, network).evaluate(READ)
        assert copy["numbers"] == state["numbers"]
        assert copy["status"].split(" in ")[0] == state["status"].split(" in ")[0]
        assert copy["iteration"] == 123 and copy["look"] == state["look"]
        controls = region(again, network)
        assert controls.get_by_role("combobox", name="Data").input_value() == "own"
        assert controls.get_by_role("button", name="Example 2, input 1").get_attribute("aria-pressed") == "true"
    finally:
        other.close()


@pytest.mark.parametrize("network", list(NETWORKS))
def test_the_exported_script_prints_what_the_page_shows(network: str, base_url: str, page, tmp_path: Path) -> None:
    """ "This view as a Python script", run with numpy, prints every number the page shows, to its digits."""
    tab, traffic = page
    dataset = "second column, from a link" if network == "two-layer" else "own rows, from a link"
    mount, case = open_dataset(tab, traffic, base_url, network, dataset)
    if network == "three-layer":
        choose(mount, "Learning rate (alpha)", "0.75")
    choose(mount, "Iteration", "7")
    mount.get_by_text("This view as a Python script").click()
    script_box = mount.locator(".training-explorer__script")
    expect(script_box).to_contain_text(f"np.random.seed({case['seed']})")
    script = script_box.inner_text()
    assert f"range({case['iterations']})" in script
    state = mount.evaluate(READ)
    (tmp_path / "view.py").write_text(script, encoding="utf-8")
    done = subprocess.run([sys.executable, "view.py"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    printed = {}
    for text in done.stdout.splitlines():
        if " = " in text and not text.startswith("Error:"):
            name, value = text.split(" = ", 1)
            printed[name.replace(" ", "_") if network == "three-layer" else name] = ast.literal_eval(value)
    digits = NETWORKS[network]["digits"]
    shown = state["numbers"]
    status_name = "final syn0" if network == "two-layer" else "last_error"
    assert sorted(set(printed) - {status_name}) == sorted(set(shown) - {"l0", "y"})
    for name, value in printed.items():
        flat = np.ravel(value)
        if name == status_name:
            numbers = re.findall(r"[\u2212-]?\d+(?:\.\d+)?(?:e[\u2212-]?\d+)?", state["status"].split(":", 1)[1])
            assert all(written(t, float(v), digits) for t, v in zip(numbers, flat, strict=True)), state["status"]
            continue
        cells = [cell for row in shown[name] for cell in row]
        assert len(cells) == len(flat), name
        for cell, v in zip(cells, flat, strict=True):
            assert written(cell["text"], float(v), digits), f"{name}: page {cell['text']!r}, script {v!r}"
            assert float(cell["value"]) == pytest.approx(float(v), rel=1e-12, abs=0), name


# the shortest and the tallest row of the explorer's tables
ROW_HEIGHTS = """(m) => {
    const rows = [...m.querySelectorAll('.training-explorer__tables tbody tr')]
        .map((r) => r.getBoundingClientRect().height);
    return [Math.min(...rows), Math.max(...rows)];
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("network", list(NETWORKS))
def test_no_axe_violation_and_no_column_cut_off(network: str, scheme: str, base_url: str, browser) -> None:
    """axe-core finds nothing at desktop and phone widths; every table's columns fit the text column, and its rows
    are as tall as any other table's."""
    assert AXE.exists(), "no node_modules/axe-core: run `npm ci`"
    net = NETWORKS[network]
    for viewport, phone in ((DESKTOP, False), (PHONE, True)):
        context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone, color_scheme=scheme)
        try:
            traffic = Traffic()
            traffic.watch(context)
            tab = context.new_page()
            visit(tab, traffic, base_url + net["path"] + "?iteration=30")
            mount = region(tab, network)
            mount.get_by_text("This view as a Python script").click()
            assert axe_violations(tab) == [], f"{network}, {scheme}, {viewport['width']} px"
            width = tab.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"], f"the page scrolls sideways at {viewport['width']} px"
            cut = mount.evaluate(
                """(m) => [...m.querySelectorAll('.training-explorer__tables, fieldset, .training-explorer__timeline')]
                    .filter((box) => box.scrollWidth > box.clientWidth + 1)
                    .map((box) => box.className || box.tagName)"""
            )
            assert cut == [], f"{network}, {viewport['width']} px: cut off in {cut}"
            # a table beside a taller one keeps its own height: stretched, its rows spread apart (38 px, not 28)
            low, high = mount.evaluate(ROW_HEIGHTS)
            assert high - low < 1, f"{network}, {viewport['width']} px: table rows from {low} to {high} px tall"
        finally:
            context.close()


# the id of the first section heading after the explorer, and where the page's header ends
BELOW = """(mount) => {
    const after = [...document.querySelectorAll('article h2[id]')]
        .filter((h) => document.querySelector(mount).compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING);
    return after[0].id;
}"""
LANDED = """(id) => [document.getElementById(id).getBoundingClientRect().top,
    document.querySelector('.md-header').getBoundingClientRect().bottom]"""


@pytest.mark.parametrize("network", list(NETWORKS))
def test_a_link_to_a_heading_below_lands_on_it(network: str, base_url: str, browser) -> None:
    """A reader who follows a link to a section below the explorer finds its heading at the top of the window,
    at both widths: the explorer grows to its full height only once its data has loaded, and used to push the
    heading 1,900 px down."""
    net = NETWORKS[network]
    for viewport, phone in ((DESKTOP, False), (PHONE, True)):
        context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone)
        try:
            tab = context.new_page()
            tab.goto(base_url + net["path"], wait_until="load")
            heading = tab.evaluate(BELOW, net["mount"])
            tab = context.new_page()  # a fresh load, as from a link on another page
            tab.goto(base_url + net["path"] + "#" + heading, wait_until="load")
            tab.evaluate(f"() => window.{net['hook']}.ready")
            top, header = tab.evaluate(LANDED, heading)
            where = f"{viewport['width']} px: #{heading} at {top}, the header ends at {header}"
            assert header - 2 <= top <= header + 40, where
        finally:
            context.close()


@pytest.mark.parametrize("network", list(NETWORKS))
def test_presets_say_what_to_look_for(network: str, base_url: str, page) -> None:
    """Each preset has its sentence; one iteration is "1 iteration"; on one layer exclusive or collapses the weights."""
    tab, traffic = page
    visit(tab, traffic, base_url + NETWORKS[network]["path"])
    mount = region(tab, network)
    data = mount.get_by_role("combobox", name="Data")
    options = data.evaluate("(s) => [...s.options].map((o) => o.textContent)")
    assert len(options) == 3
    looks = set()
    for option in options:
        data.select_option(label=option)
        look = mount.evaluate(READ)["look"]
        assert look.startswith("What to look for: ") and look.endswith(".")
        looks.add(look)
    assert len(looks) == 3
    if network == "two-layer":
        data.select_option(label="exclusive or (targets 0, 1, 1, 0)")
        assert "Watch it fail" in mount.evaluate(READ)["look"]
        choose(mount, "Iteration", "9999")
        weights = mount.evaluate(READ)["numbers"]["syn0 after"]
        assert max(abs(float(row[0]["value"])) for row in weights) < 1e-12
    choose(mount, "Iterations", "1")
    state = mount.evaluate(READ)
    assert state["status"].startswith("Trained 1 iteration in ")
    assert state["of"] == "of 0 to 0"


def test_the_time_line_is_logarithmic(base_url: str, page) -> None:
    """The slider's middle is near iteration 100 of 10,000; the arrow keys step one iteration; Play starts slowly."""
    tab, traffic = page
    visit(tab, traffic, base_url + NETWORKS["two-layer"]["path"])
    mount = region(tab, "two-layer")
    slider = mount.get_by_role("slider", name="Iteration, on a log scale")
    slider.focus()
    tab.keyboard.press("End")
    assert mount.evaluate(READ)["iteration"] == 9999
    tab.keyboard.press("Home")
    assert mount.evaluate(READ)["iteration"] == 0
    for expected_it in (1, 2, 3):
        tab.keyboard.press("ArrowRight")
        assert mount.evaluate(READ)["iteration"] == expected_it
    tab.keyboard.press("ArrowLeft")
    assert mount.evaluate(READ)["iteration"] == 2
    slider.fill("500")
    assert 90 <= mount.evaluate(READ)["iteration"] <= 110
    tab.keyboard.press("Home")
    # Play: a whole sweep takes seconds, and after the first second it is still among the first iterations
    mount.get_by_role("button", name="Play").click()
    tab.wait_for_timeout(1000)
    early = mount.evaluate(READ)["iteration"]
    assert early <= 100, f"after a second of Play, iteration {early}"
    tab.wait_for_function(
        f"document.querySelector('{NETWORKS['two-layer']['mount']} input[id$=\"-iteration\"]').value > 1000",
        timeout=STARTING_MS,
    )
    mount.get_by_role("button", name="Pause").click()


def test_the_bench_timing_runs(base_url: str, page) -> None:
    """The step and jump timing `make bench` reports runs on the three-layer explorer (no time asserted)."""
    tab, traffic = page
    visit(tab, traffic, base_url + NETWORKS["three-layer"]["path"])
    region(tab, "three-layer")
    times = tab.evaluate(EXPLORER_TIMING, 2)
    assert len(times["step"]) == len(times["jump"]) == 2
    assert all(t >= 0 for t in times["step"] + times["jump"])
