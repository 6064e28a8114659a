"""The stepper on the line-by-line chapters, driven in Chromium as a reader would, against the Python API.

Every variable the values pane shows, at every line of iterations 0, 1 and the last, equals
tinynet's recorded snapshots to 1e-12 relative, for both networks and three datasets; its state
survives in the page's address; the view exported as Python, run with numpy, prints what the
page shows; axe finds nothing. (How fast a step and a jump answer is measured by `make bench`, not here.)
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlencode

import numpy as np
import pytest
from playwright.sync_api import expect

import tinynet
from support.browser import AXE, DESKTOP, PHONE, Traffic, axe_violations, visit

# each network: its page, its loop's lines, the line assigning each variable, the updates' lines
NETWORKS = {
    "two-layer": {
        "path": "part-1/line-by-line/",
        "train": tinynet.train_two_layer,
        "iterations": 10000,
        "counter": "iter",
        "steps": [28, 29, 32, 36, 39],
        "assigns": {"l0": 28, "l1": 29, "l1_error": 32, "l1_delta": 36},
        "updates": {"syn0": 39},
        "default_y": tinynet.y.tolist(),
        "other": ("the second column as target", [[0], [1], [0], [1]]),
    },
    "three-layer": {
        "path": "part-2/three-layer-network/",
        "train": tinynet.train_three_layer,
        "iterations": 60000,
        "counter": "j",
        "steps": [28, 29, 30, 33, 35, 36, 40, 43, 47, 49, 50],
        "assigns": {"l0": 28, "l1": 29, "l2": 30, "l2_error": 33, "l2_delta": 40, "l1_error": 43, "l1_delta": 47},
        "updates": {"syn1": 49, "syn0": 50},
        "default_y": tinynet.y_xor.tolist(),
        "other": ("the post's data (target: the first column)", tinynet.y.tolist()),
    },
}
# the page's data; another preset chosen in the Data list with seed 2 typed in; rows and targets from a link, seed 7
DATASETS = ["default", "preset, seed 2", "link, seed 7"]
CASES = [(network, dataset) for network in NETWORKS for dataset in DATASETS]
# exclusive or on the two-layer network: every weight collapses to rounding noise (about 1e-16), where a
# relative gap means nothing; there the values are compared to 1e-12 relative or 1e-15 absolute, whichever is larger
CASES.append(("two-layer", "exclusive or"))
FLOOR = {"exclusive or": 1e-15}
LINK_X = [[1, 1, 0], [0, 1, 1], [1, 0, 0], [0, 0, 1]]
LINK_Y = [[1], [1], [0], [0]]
READ = """(region) => {
    const values = {};
    region.querySelectorAll('[data-name]').forEach(node => {
        values[node.dataset.name] = node.tagName === 'TABLE'
            ? [...node.tBodies[0].rows].map(row => [...row.cells].slice(1).map(cell => Number(cell.dataset.value)))
            : Number(node.dataset.value);
    });
    const printed = region.querySelector('.stepper__printed');
    const where = region.querySelector('.stepper__where').textContent;
    return {where, values, printed: printed.hidden ? null : Number(printed.dataset.value), url: location.search};
}"""
# every line of one iteration in one call: press Next line (the button found by its role and name) until the
# iteration's last line, reading the values pane after each press (a press updates the pane before it returns)
STEP_THROUGH = (
    """([region, forward, last, lines]) => {
    const read = """
    + READ
    + """;
    const states = [read(region)];
    while (states.length < lines && !states[states.length - 1].where.endsWith(", line " + last)) {
        forward.click();
        states.push(read(region));
    }
    return states;
}"""
)
WORST: dict[str, float] = {}
# how long the stepper may take to load and train before it answers (a correctness test, not a speed one)
STARTING_MS = 30_000


def stepper(page):
    """The stepper's region, once its Start button is pressed, as a reader would."""
    # pressed with the keyboard: a click can miss while the blocks around the button are still being laid out
    page.get_by_role("button", name="Start the stepper").press("Enter")
    region = page.get_by_role("region", name=re.compile("^Stepper"))
    # the stepper's script loads and trains once on the first press: on a busy machine that takes seconds
    expect(region.get_by_role("button", name="Next line")).to_be_focused(timeout=STARTING_MS)
    return region


def set_iteration(region, it: int) -> None:
    """Type an iteration into the box, as a reader would, and leave it."""
    box = region.get_by_role("spinbutton", name="Iteration", exact=True)
    box.fill(str(it))
    box.press("Tab")


def where(state: dict) -> tuple[int, int]:
    """The iteration and line the stepper says it shows."""
    found = re.fullmatch(r"Iteration (\d+), line (\d+)", state["where"])
    assert found, state["where"]
    return int(found[1]), int(found[2])


def expected(net: dict, run, X, y, it: int, line: int) -> dict:
    """Every variable numpy holds after `line` of iteration `it`, from the API's snapshots."""
    now = run.snapshots[it]
    before = run.snapshots.get(it - 1)
    out = {"X": np.asarray(X), "y": np.asarray(y), net["counter"]: it}
    for name, at in net["updates"].items():
        out[name] = now.values[name + "_after"] if line >= at else now.values[name]
    for name, at in net["assigns"].items():
        if line >= at:
            out[name] = now.values[name]
        elif before is not None:
            out[name] = before.values[name]
    return out


def compare(state: dict, want: dict, label: str, floor: float = 0.0) -> float:
    """Assert the pane holds exactly the expected variables, each to 1e-12 relative; return the worst gap."""
    assert sorted(state["values"]) == sorted(want), f"{label}: shows {sorted(state['values'])}"
    worst = 0.0
    for name, value in want.items():
        shown = np.asarray(state["values"][name], dtype=float)
        value = np.asarray(value, dtype=float)
        assert shown.shape == value.shape, f"{label}: {name} has shape {shown.shape}, not {value.shape}"
        np.testing.assert_allclose(shown, value, rtol=1e-12, atol=floor, err_msg=f"{label}: {name}")
        nonzero = np.abs(value) > floor
        if nonzero.any():
            worst = max(worst, float(np.max(np.abs(shown[nonzero] - value[nonzero]) / np.abs(value[nonzero]))))
    return worst


def open_dataset(page, traffic, base_url: str, net: dict, dataset: str):
    """Open the page with the stepper on one dataset: the default, a preset and a seed typed in, or a link."""
    if dataset == "link, seed 7":
        X, y, seed = LINK_X, LINK_Y, 7
        query = urlencode(
            {"iteration": 0, "line": net["steps"][0], "seed": 7, "X": ".".join("".join(map(str, r)) for r in X)}
        )
        query += "&y=" + ".".join(str(t[0]) for t in y)
        visit(page, traffic, base_url + net["path"] + "?" + query + "#stepper")
        region = page.get_by_role("region", name=re.compile("^Stepper"))
        expect(region.get_by_role("combobox", name="Data")).to_have_value("custom")
        return region, X, y, seed
    visit(page, traffic, base_url + net["path"])
    region = stepper(page)
    X = tinynet.X.tolist()
    if dataset == "default":
        return region, X, net["default_y"], 1
    name, y = (
        net["other"]
        if dataset == "preset, seed 2"
        else ("exclusive or (the 50-line script's target)", [[0], [1], [1], [0]])
    )
    region.get_by_role("combobox", name="Data").select_option(label=name)
    if dataset == "exclusive or":
        return region, X, y, 1
    seed = region.get_by_role("spinbutton", name="Seed")
    seed.fill("2")
    seed.press("Tab")
    return region, X, y, 2


@pytest.mark.parametrize(("network", "dataset"), CASES)
def test_every_value_at_every_line_is_numpys(network: str, dataset: str, base_url: str, page, capsys) -> None:
    """Iterations 0, 1 and the last, every line stepped with the buttons: every variable as the API recorded it."""
    net = NETWORKS[network]
    tab, traffic = page
    region, X, y, seed = open_dataset(tab, traffic, base_url, net, dataset)
    last = net["iterations"] - 1
    run = net["train"](np.array(X), np.array(y), iterations=net["iterations"], seed=seed, record={0, 1, last - 1, last})
    forward = region.get_by_role("button", name="Next line")
    worst = 0.0
    for it in (0, 1, last):
        set_iteration(region, it)
        state = region.evaluate(READ)
        while where(state) != (it, net["steps"][0]):
            region.get_by_role("button", name="Previous line").click()
            state = region.evaluate(READ)
        seen = []
        pane = [region.element_handle(), forward.element_handle(), net["steps"][-1], len(net["steps"])]
        for state in tab.evaluate(STEP_THROUGH, pane):
            at, line = where(state)
            assert at == it
            seen.append(line)
            want = expected(net, run, X, y, it, line)
            worst = max(worst, compare(state, want, f"{network}, {dataset}, {at}:{line}", FLOOR.get(dataset, 0.0)))
            if line == 36 and network == "three-layer":
                assert state["printed"] == pytest.approx(dict(run.error_log)[it], rel=1e-12, abs=0)
        assert seen[-1] == net["steps"][-1]
        prints = network == "three-layer" and it % 10000 == 0
        assert seen == [n for n in net["steps"] if n != 36 or prints or network == "two-layer"]
    expect(forward).to_be_disabled()
    assert traffic.console_errors == []
    WORST[f"{network}, {dataset}"] = worst
    with capsys.disabled():
        print(f"\nstepper, {network}, {dataset}: worst relative gap to numpy {worst:.1e}")


@pytest.mark.parametrize("network", list(NETWORKS))
def test_the_address_holds_the_view(network: str, base_url: str, page, browser) -> None:
    """After stepping, the page's address holds the state; opening it elsewhere shows the same view."""
    net = NETWORKS[network]
    tab, traffic = page
    region, *_ = open_dataset(tab, traffic, base_url, net, "preset, seed 2")
    set_iteration(region, 123)
    for _ in range(3):
        region.get_by_role("button", name="Next line").click()
    state = region.evaluate(READ)
    assert where(state) == (123, net["steps"][3])
    assert "iteration=123" in state["url"] and f"line={net['steps'][3]}" in state["url"] and "seed=2" in state["url"]
    other = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        again = other.new_page()
        again.goto(base_url + net["path"] + state["url"] + "#stepper", wait_until="load")
        copy = again.get_by_role("region", name=re.compile("^Stepper")).evaluate(READ)
        assert copy["where"] == state["where"]
        assert copy["values"] == state["values"]
    finally:
        other.close()


@pytest.mark.parametrize("network", list(NETWORKS))
def test_the_explanations_link_into_it(network: str, base_url: str, page) -> None:
    """Each explained line of the loop has a link that opens the stepper there, at iteration 0."""
    net = NETWORKS[network]
    tab, traffic = page
    visit(tab, traffic, base_url + net["path"])
    line = net["steps"][-1]
    tab.get_by_role("link", name=f"Step through line {line} at iteration 0").click()
    region = tab.get_by_role("region", name=re.compile("^Stepper"))
    assert where(region.evaluate(READ)) == (0, line)
    assert f"line={line}" in tab.url
    expect(region.get_by_role("button", name="Next line")).to_be_focused(timeout=STARTING_MS)
    links = tab.locator(".stepper-jump a").evaluate_all("links => links.map(a => a.textContent)")
    assert {int(n) for n in re.findall(r"line (\d+)", " ".join(links))} >= set(net["steps"]) - {36}


def test_keyboard_and_screen_reader(base_url: str, page) -> None:
    """Buttons and the log slider answer the keyboard; the live region says the line and its values."""
    net = NETWORKS["two-layer"]
    tab, traffic = page
    visit(tab, traffic, base_url + net["path"])
    region = stepper(tab)
    region.get_by_role("button", name="Next line").focus()
    tab.keyboard.press("Enter")
    tab.keyboard.press("Space")
    said = region.get_by_role("status")
    expect(said).to_contain_text("Iteration 0, line 32: l1_error = y - l1. l1_error is now")
    slider = region.get_by_role("slider", name="Iteration, on a log scale")
    slider.focus()
    tab.keyboard.press("End")
    assert where(region.evaluate(READ)) == (net["iterations"] - 1, 32)
    tab.keyboard.press("Home")
    assert where(region.evaluate(READ)) == (0, 32)
    # the log scale: the middle of the slider is near iteration 100 of 10,000, not 5,000
    for _ in range(5):
        tab.keyboard.press("PageUp")  # a tenth of the slider each
    assert where(region.evaluate(READ))[0] == 99


# each label of the stepper's bars that is not on the line of its control (a bar that wrapped between them)
LABELS_APART = """(region) => [...region.querySelectorAll('.stepper__options label, .stepper__iteration label')]
  .filter((label) => {
    const [a, b] = [label, document.getElementById(label.htmlFor)].map((e) => e.getBoundingClientRect());
    return !(a.top < b.bottom && b.top < a.bottom && a.right <= b.left + 1 && a.height < 2 * b.height);
  }).map((label) => label.textContent)"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("network", list(NETWORKS))
def test_no_axe_violation_and_nothing_clipped(network: str, scheme: str, base_url: str, browser) -> None:
    """axe-core finds nothing with the stepper open, at desktop and phone widths; a phone never scrolls sideways;
    every label of the stepper's bars sits on one line just before its control."""
    assert AXE.exists(), "no node_modules/axe-core: run `npm ci`"
    net = NETWORKS[network]
    for viewport, phone in ((DESKTOP, False), (PHONE, True)):
        context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone, color_scheme=scheme)
        try:
            traffic = Traffic()
            traffic.watch(context)
            tab = context.new_page()
            line = net["steps"][-1]
            visit(tab, traffic, base_url + net["path"] + f"?iteration=1&line={line}#stepper")
            region = tab.get_by_role("region", name=re.compile("^Stepper"))
            assert where(region.evaluate(READ)) == (1, line)
            assert axe_violations(tab) == [], f"{network}, {scheme}, {viewport['width']} px"
            assert region.evaluate(LABELS_APART) == [], f"labels apart from their controls at {viewport['width']} px"
            width = tab.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"], f"the page scrolls sideways at {viewport['width']} px"
        finally:
            context.close()


def test_the_check_catches_a_wrong_value(base_url: str, browser) -> None:
    """Not vacuous: a stepper whose l1_delta leaves out the slope is caught by the comparison."""
    net = NETWORKS["two-layer"]
    context = browser.new_context(viewport=DESKTOP)
    try:
        script = (Path(__file__).parents[1] / "docs" / "assets" / "javascripts" / "stepper.js").read_text()
        broken = script.replace("f.l1_delta = weighted(f.l1_error, f.l1);", "f.l1_delta = f.l1_error;", 1)
        assert broken != script
        context.route("**/stepper.js*", lambda route: route.fulfill(body=broken, content_type="text/javascript"))
        tab = context.new_page()
        tab.goto(base_url + net["path"] + "?iteration=0&line=36#stepper", wait_until="load")
        state = tab.get_by_role("region", name=re.compile("^Stepper")).evaluate(READ)
        run = tinynet.train_two_layer(record={0})
        with pytest.raises(AssertionError, match="l1_delta"):
            compare(state, expected(net, run, tinynet.X, tinynet.y, 0, 36), "broken")
    finally:
        context.close()


@pytest.mark.parametrize("network", list(NETWORKS))
def test_the_exported_script_prints_what_the_page_shows(network: str, base_url: str, page, tmp_path: Path) -> None:
    """ "This view as a Python script", run with numpy, prints every value the pane shows, to 1e-12 relative."""
    net = NETWORKS[network]
    tab, traffic = page
    line = net["steps"][-3]
    query = f"iteration=1&line={line}&seed=7&X=110.011.100.001&y=1.1.0.0"
    visit(tab, traffic, base_url + net["path"] + "?" + query + "#stepper")
    region = tab.get_by_role("region", name=re.compile("^Stepper"))
    region.get_by_text("This view as a Python script").click()
    # the details fill their script when they open (the toggle event comes a moment after the click)
    expect(region.locator(".stepper__script")).to_contain_text("np.random.seed(7)")
    script = region.locator(".stepper__script").inner_text()
    assert "np.random.seed(7)" in script and "[1,1,0]" in script
    state = region.evaluate(READ)
    assert where(state) == (1, line)
    (tmp_path / "view.py").write_text(script, encoding="utf-8")
    done = subprocess.run([sys.executable, "view.py"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    printed = {}
    for text in done.stdout.splitlines():
        if text.startswith("stepper "):
            _, name, value = text.split(" ", 2)
            printed[name] = ast.literal_eval(value)
    assert sorted(printed) == sorted(state["values"])
    for name, value in printed.items():
        np.testing.assert_allclose(state["values"][name], value, rtol=1e-12, atol=0, err_msg=name)
