"""The built site driven as a reader drives it, in a real browser (Debian's Chromium, driven by Playwright).

The code beside the prose, the training explorer, search, the colour toggle, copy and download
buttons, the dark scheme's contrast and every internal link. The walk over every page is in
test_walk.py. `make test` installs Chromium and axe-core first.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from playwright.sync_api import expect

from support.browser import (
    DESKTOP,
    PHONE,
    assert_clean,
    axe_violations,
    check_links,
    nav_pages,
    serve,
    session,
    visit,
)

PAGES = nav_pages()
LINE_BY_LINE = ["part-1/line-by-line/", "part-2/three-layer-network/"]
EXPLORER = "part-1/watching-it-learn/"
LINE_ID = re.compile(r"^lines?-\d+(?:-\d+)?$")


@pytest.fixture(scope="module")
def desktop(browser):
    """A desktop-sized page (1280x800, light scheme) and what it asked for."""
    context, page, traffic = session(browser, viewport=DESKTOP, color_scheme="light")
    yield page, traffic
    context.close()


@pytest.fixture(scope="module")
def phone(browser):
    """A phone-sized page (390x844, touch) and what it asked for."""
    context, page, traffic = session(browser, viewport=PHONE, is_mobile=True, has_touch=True, color_scheme="light")
    yield page, traffic
    context.close()


@pytest.fixture(scope="module")
def dark(browser):
    """A desktop-sized page in the dark scheme."""
    context, page, traffic = session(browser, viewport=DESKTOP, color_scheme="dark")
    yield page, traffic
    context.close()


def test_the_page_checks_catch_what_they_should(tmp_path: Path, desktop) -> None:
    """Not vacuous: a request to another host, a script error and an image without alt text are all caught."""
    page, traffic = desktop
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><title>t</title><main><h1>t</h1><img src="http://192.0.2.1/x.png">'
        '<script>throw new Error("boom")</script></main></html>'
    )
    page.route("http://192.0.2.1/**", lambda route: route.abort())
    with serve(tmp_path) as url:
        with pytest.raises(AssertionError, match="asked another host"):
            visit(page, traffic, url)
        traffic.requests.clear()
        traffic.failures.clear()
        with pytest.raises(AssertionError, match="boom"):
            assert_clean(traffic, url)
        assert any(v.startswith("image-alt") for v in axe_violations(page))
    page.unroute("http://192.0.2.1/**")


@pytest.mark.parametrize("path", [*LINE_BY_LINE, EXPLORER, "part-1/sigmoid/"])
def test_dark_scheme_has_no_axe_violation(path: str, base_url: str, dark) -> None:
    """The dark scheme keeps every contrast, highlighted code lines and the explorer included."""
    page, traffic = dark
    visit(page, traffic, base_url + path)
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    if page.locator(".code-beside").count():
        page.evaluate("document.querySelector('article :is(h2, h3)[id^=\"line\"]').scrollIntoView()")
        page.wait_for_function("window.codeBeside && window.codeBeside.activeLines()")
    assert axe_violations(page) == []


def test_every_internal_link_and_anchor_resolves(built_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every <a href> inside the site names a file that exists, and an id that exists in it."""
    report = check_links(built_site)
    assert report.broken == []
    assert report.pages >= 15
    assert report.links > 200, f"only {report.links} internal links found: the walker is broken"
    assert report.anchors > 50, f"only {report.anchors} #anchors found: the walker is broken"
    with capsys.disabled():
        print(f"\nlinks: {report.links} internal links ({report.anchors} to #anchors) in {report.pages} pages resolve")


def test_the_link_checker_catches_a_broken_link(tmp_path: Path) -> None:
    """The checker is not vacuous: a missing page and a missing anchor are both reported."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h1 id="top">A</h1><a href="../b/">b</a><a href="#nowhere">x</a>')
    (tmp_path / "index.html").write_text('<a href="a/#top">a</a><a href="a/#gone">a</a>')
    report = check_links(tmp_path)
    assert report.links == 4
    assert len(report.broken) == 3, report.broken


# --- code beside the prose ----------------------------------------------------------------------


def line_spans(page) -> list[int]:
    """The line numbers of the whole-script listing beside the text."""
    return page.evaluate(
        "[...document.querySelectorAll('.code-beside code > span[data-line]')].map(s => Number(s.dataset.line))"
    )


@pytest.mark.parametrize("path", LINE_BY_LINE)
def test_code_beside_follows_the_reader(path: str, base_url: str, desktop) -> None:
    """Wide screen: the whole script stays in view, and lights up the lines of the section being read."""
    page, traffic = desktop
    visit(page, traffic, base_url + path)
    box = page.locator(".code-beside")
    assert box.is_visible()
    assert not page.locator(".md-sidebar--secondary").is_visible(), "the script takes the table of contents' place"
    assert line_spans(page)[0] == 1

    ids = page.evaluate("[...document.querySelectorAll('article [id]')].map(e => e.id)")
    headings = [h for h in ids if LINE_ID.match(h)]
    assert len(headings) >= 5
    for heading in [headings[1], headings[len(headings) // 2], headings[-3]]:
        # bring the heading just above the reading line (35% down the window, 280 pixels)
        page.evaluate("id => scrollBy(0, document.getElementById(id).getBoundingClientRect().top - 240)", heading)
        first, last = re.findall(r"\d+", heading) * (2 if heading.startswith("line-") else 1)
        page.wait_for_function(f"window.codeBeside.activeLines() === '{first}-{last}'")
        lit = page.evaluate(
            "[...document.querySelectorAll('.code-beside .code-beside__line--active')].map(s => Number(s.dataset.line))"
        )
        assert lit == list(range(int(first), int(last) + 1))
        # the box stays in the window, and so does the first lit line
        frame = box.bounding_box()
        line = page.locator(f".code-beside span[data-line='{first}']").bounding_box()
        assert frame and line and 0 <= frame["y"] and frame["y"] + frame["height"] <= DESKTOP["height"] + 1
        assert frame["y"] <= line["y"] <= frame["y"] + frame["height"]


@pytest.mark.parametrize("path", LINE_BY_LINE)
def test_a_line_beside_the_text_leads_to_its_explanation(path: str, base_url: str, desktop) -> None:
    """Clicking a line, or pressing Enter on it, goes to the section that explains it."""
    page, traffic = desktop
    visit(page, traffic, base_url + path)
    links = page.locator(".code-beside a.code-beside__link")
    assert links.count() >= 10
    explained = page.evaluate(
        "[...document.querySelectorAll('.code-beside a.code-beside__link')].map(a => a.getAttribute('href'))"
    )
    ids = set(page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)"))
    assert {href.lstrip("#") for href in explained} <= ids

    target = links.nth(links.count() // 2)
    href = target.get_attribute("href")
    assert target.get_attribute("aria-label", timeout=1000).startswith("Line ")
    target.click()
    page.wait_for_function(f"location.hash === '{href}'")
    page.wait_for_function("window.codeBeside.activeLines() !== ''")

    keyed = links.nth(1)
    keyed.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(f"location.hash === '{keyed.get_attribute('href')}'")
    heading = page.locator(keyed.get_attribute("href") or "").bounding_box()
    assert heading and 0 <= heading["y"] < DESKTOP["height"] / 2, "the explanation is scrolled into view"


@pytest.mark.parametrize("path", LINE_BY_LINE)
def test_narrow_screens_show_the_sections_own_listings(path: str, base_url: str, phone) -> None:
    """Phone: the whole-script box is hidden; each section shows its own lines."""
    page, traffic = phone
    visit(page, traffic, base_url + path)
    assert page.locator(".code-beside").count() == 1
    assert not page.locator(".code-beside").is_visible()
    first = page.locator("article :is(h2,h3)[id^='line'] + .highlight").first
    assert first.is_visible()


def test_highlight_is_visible_in_both_schemes(base_url: str, desktop, dark) -> None:
    """The frame around the lit lines stands out from the code's background (3:1) in light and dark."""
    for page, traffic in (desktop, dark):
        visit(page, traffic, base_url + LINE_BY_LINE[0])
        page.evaluate("document.querySelector('article :is(h2, h3)[id^=\"line\"]').scrollIntoView()")
        page.wait_for_function("window.codeBeside.activeLines() !== ''")
        frame, ground = page.evaluate(
            """() => {
                const lit = document.querySelector('.code-beside .code-beside__line--active');
                const style = getComputedStyle(lit);
                const color = style.boxShadow.match(/rgba?\\([^)]*\\)/)[0];
                return [color, getComputedStyle(lit.closest('pre')).backgroundColor];
            }"""
        )
        assert contrast(frame, ground) >= 3, (page.get_attribute("body", "data-md-color-scheme"), frame, ground)


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two CSS rgb()/rgba() colours (alpha ignored)."""

    def luminance(css: str) -> float:
        channels = [float(v) / 255 for v in re.findall(r"[\d.]+", css)[:3]]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted([luminance(first), luminance(second)], reverse=True)
    return (high + 0.05) / (low + 0.05)


# --- the training explorer ----------------------------------------------------------------------

DATASETS = [
    ("the post's data", None, None, 10000, 1),
    ("the second column as target, seed 2", None, [[0], [1], [0], [1]], 3000, 2),
    ("other rows, other seed", [[1, 1, 0], [0, 1, 1], [1, 0, 0], [0, 0, 1]], [[1], [1], [0], [0]], 2500, 7),
]


@pytest.fixture
def explorer(base_url: str, desktop):
    """The watching-it-learn page with its explorer mounted."""
    page, traffic = desktop
    visit(page, traffic, base_url + EXPLORER)
    assert page.locator("#training-explorer").count() == 1, "the page has no <div id='training-explorer'>"
    page.evaluate("window.trainingExplorer.ready")
    return page


@pytest.mark.parametrize(("name", "X", "y", "iterations", "seed"), DATASETS, ids=[d[0] for d in DATASETS])
def test_explorer_trains_as_the_python_api_does(name, X, y, iterations, seed, explorer, capsys) -> None:
    """The browser's float64 training ends on the weights of tinynet.train_two_layer, to 1e-12 relative."""
    import tinynet

    X = tinynet.X.tolist() if X is None else X
    y = tinynet.y.tolist() if y is None else y
    result = explorer.evaluate(
        """([X, y, n, seed]) => {
            const started = performance.now();
            const out = window.trainingExplorer.train(X, y, n, seed);
            out.ms = performance.now() - started;
            return out;
        }""",
        [X, y, iterations, seed],
    )
    run = tinynet.train_two_layer(np.array(X), np.array(y), iterations, seed)
    browser_syn0 = np.array(result["syn0"])
    assert browser_syn0.shape == run.syn0.shape
    np.testing.assert_allclose(browser_syn0, run.syn0, rtol=1e-12, atol=0)
    np.testing.assert_allclose(np.array(result["l1"]), run.l1, rtol=1e-12, atol=0)
    worst = float(np.max(np.abs(browser_syn0 - run.syn0) / np.abs(run.syn0)))
    with capsys.disabled():
        print(f"\nexplorer, {name}: {iterations} iterations in {result['ms']:.1f} ms, worst relative gap {worst:.1e}")


def test_explorer_is_fast(explorer) -> None:
    """10,000 iterations take well under a second in the browser (here: under 200 ms, best of three)."""
    best = explorer.evaluate(
        """() => Math.min(...[0, 1, 2].map(() => {
            const started = performance.now();
            window.trainingExplorer.train([[0,0,1],[0,1,1],[1,0,1],[1,1,1]], [0,0,1,1], 10000, 1);
            return performance.now() - started;
        }))"""
    )
    assert best < 200


def test_explorer_starts_from_the_weights_src_computes(built_site: Path) -> None:
    """The exported data is the post's X and y, and each seed's initial syn0 drawn here with plain numpy."""
    data = json.loads((built_site / "assets" / "explorer-data.json").read_text())
    assert data["X"] == [[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]] and data["y"] == [[0], [0], [1], [1]]
    assert data["iterations"] == 10000 and data["seed"] == 1
    assert len(data["syn0"]) >= 5
    for seed, syn0 in data["syn0"].items():
        np.random.seed(int(seed))  # as two_layer.py draws its weights (lines 20 and 23)
        assert syn0 == (2 * np.random.random((3, 1)) - 1).tolist(), seed


def test_explorer_data_follows_src(tree_copy: Path, tmp_path: Path) -> None:
    """The build's hook exports what the tree's own src/ computes: change the data there, and the export follows."""
    data = tree_copy / "src" / "tinynet" / "data.py"
    before = "X = _frozen([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]])"
    assert before in data.read_text()
    data.write_text(data.read_text().replace(before, before.replace("[1, 1, 1]]", "[1, 1, 0]]")))
    # the copy's hook in a fresh interpreter that imports the copy's sitebuild (and its cache) alone
    env = dict(os.environ, PYTHONPATH=str(tree_copy / "src"))
    call = f"from sitebuild import explorer; explorer.on_post_build({{'site_dir': {str(tmp_path)!r}}})"
    done = subprocess.run(
        [sys.executable, "-c", call], cwd=tree_copy, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    exported = json.loads((tmp_path / "assets" / "explorer-data.json").read_text())
    assert exported["X"][3] == [1, 1, 0]


NUMBERS = ["example", "l0", "y", "np.dot(l0,syn0)", "l1", "l1_error", "l1_delta"]
WEIGHTS = ["weight", "syn0 before", "np.dot(l0.T,l1_delta)", "syn0 after"]
# the explorer's tables, one row per example (the numbers, in two tables that fit a phone) or per weight
READ_TABLES = """() => {
    const mount = document.querySelector('#training-explorer');
    const read = (tables) => {
        const head = [], rows = [];
        tables.forEach((table, k) => {
            const heads = [...table.querySelectorAll('thead th')].map((th) => th.innerText.trim());
            head.push(...(k ? heads.slice(1) : heads));
            [...table.querySelectorAll('tbody tr')].forEach((tr, r) => {
                const cells = [...tr.children].map((cell) =>
                    ({ text: cell.innerText.trim(), value: cell.dataset.value ?? null }));
                rows[r] = (rows[r] || []).concat(k ? cells.slice(1) : cells);
            });
        });
        return { head, rows };
    };
    return {
        numbers: read([...mount.querySelectorAll('.training-explorer__numbers')]),
        weights: read([...mount.querySelectorAll('.training-explorer__weights')]),
        position: mount.querySelector('input[type=number][id$="-iteration"]').value + " " +
            mount.querySelector('.training-explorer__position').innerText.trim(),
        status: mount.querySelector('.training-explorer__status').innerText.trim(),
    };
}"""


def six_digits(text: str, expected: float) -> bool:
    """Whether a number shown as text (with a minus sign) is expected to its 6 significant digits."""
    shown = float(text.replace("\u2212", "-"))
    half_unit = 0.5 * 10.0 ** (np.floor(np.log10(abs(expected))) - 5)
    return abs(shown - expected) <= half_unit * (1 + 1e-9)


def explorer_mismatches(page, X, y, iterations: int, seed: int, iteration: int) -> list[str]:
    """Every cell of the explorer's tables, visible text and data-value, against tinynet at one iteration."""
    import tinynet

    run = tinynet.train_two_layer(np.array(X), np.array(y), iterations, seed, record=[iteration])
    snap = run.snapshots[iteration]
    expected_numbers = {
        "np.dot(l0,syn0)": np.dot(snap.l0, snap.syn0)[:, 0],
        "l1": snap.l1[:, 0],
        "l1_error": snap.l1_error[:, 0],
        "l1_delta": snap.l1_delta[:, 0],
    }
    expected_weights = {
        "syn0 before": snap.syn0[:, 0],
        "np.dot(l0.T,l1_delta)": np.dot(snap.l0.T, snap.l1_delta)[:, 0],
        "syn0 after": snap.syn0_after[:, 0],
    }
    shown = page.evaluate(READ_TABLES)
    wrong = []
    if shown["position"] != f"{iteration} of 0 to {iterations - 1:,}":
        wrong.append(f"position {shown['position']!r}")
    for table, head, labels, expected in (
        ("numbers", NUMBERS, {"l0": [f"[{', '.join(map(str, row))}]" for row in X], "y": [str(t[0]) for t in y]},
         expected_numbers),
        ("weights", WEIGHTS, {}, expected_weights),
    ):  # fmt: skip
        if shown[table]["head"] != head:
            wrong.append(f"{table} headings {shown[table]['head']}")
            continue
        rows = shown[table]["rows"]
        if len(rows) != len(next(iter(expected.values()))):
            wrong.append(f"{table}: {len(rows)} rows")
            continue
        for r, row in enumerate(rows):
            cells = dict(zip(head, row, strict=True))
            if cells[head[0]]["text"] != str(r):
                wrong.append(f"{table} row {r} labelled {cells[head[0]]['text']!r}")
            for column, texts in labels.items():
                if cells[column]["text"] != texts[r]:
                    wrong.append(f"{column} row {r} shows {cells[column]['text']!r}, not {texts[r]!r}")
            for column, values in expected.items():
                cell, value = cells[column], float(values[r])
                if not six_digits(cell["text"], value):
                    wrong.append(f"{column} row {r} shows {cell['text']!r}, not {value:.6g}")
                if cell["value"] is None or not np.isclose(float(cell["value"]), value, rtol=1e-12, atol=0):
                    wrong.append(f"{column} row {r} holds data-value {cell['value']}, not {value!r}")
    final = re.search(r"final syn0: (.*)\.$", shown["status"])
    if final is None or not all(
        six_digits(t, float(v)) for t, v in zip(final[1].split(", "), run.syn0[:, 0], strict=True)
    ):
        wrong.append(f"status {shown['status']!r}")
    return wrong


def test_explorer_shows_every_column_as_the_api_computes(explorer) -> None:
    """At the first, second and last iteration of the post's run, every cell's visible text is tinynet's."""
    import tinynet

    X, y = tinynet.X.tolist(), tinynet.y.tolist()
    slider = explorer.locator("#training-explorer").get_by_role("slider", name="Iteration")
    slider.focus()
    explorer.keyboard.press("Home")
    assert explorer_mismatches(explorer, X, y, 10000, 1, 0) == []
    explorer.keyboard.press("ArrowRight")
    assert explorer_mismatches(explorer, X, y, 10000, 1, 1) == []
    explorer.keyboard.press("End")
    assert explorer_mismatches(explorer, X, y, 10000, 1, 9999) == []


def test_the_explorer_check_catches_a_wrong_column(base_url: str, browser, built_site: Path) -> None:
    """The check is not vacuous: an explorer that shows l1_error in its l1_delta column is caught."""
    import tinynet

    script = (built_site / "assets" / "javascripts" / "explorer.js").read_text(encoding="utf-8")
    right = "setNumber(cells.l1_delta, s.l1_delta[r]);"
    assert script.count(right) == 1
    broken = script.replace(right, "setNumber(cells.l1_delta, s.l1_error[r]);")
    context = browser.new_context(viewport=DESKTOP)
    try:
        context.route("**/explorer.js*", lambda route: route.fulfill(body=broken, content_type="text/javascript"))
        page = context.new_page()
        page.goto(base_url + EXPLORER, wait_until="load")
        page.evaluate("window.trainingExplorer.ready")
        wrong = explorer_mismatches(page, tinynet.X.tolist(), tinynet.y.tolist(), 10000, 1, 0)
    finally:
        context.close()
    assert len(wrong) == 8 and all(w.startswith("l1_delta row ") for w in wrong), wrong


def test_explorer_by_hand(explorer) -> None:
    """A reader edits the data, seed and iterations with mouse and keyboard, and every number shown is the API's."""
    page = explorer
    mount = page.locator("#training-explorer")
    target1 = mount.get_by_role("button", name="Example 1, target")
    assert target1.get_attribute("aria-pressed") == "false"
    target1.click()  # y becomes [0, 1, 1, 1]
    assert target1.get_attribute("aria-pressed") == "true"
    flip = mount.get_by_role("button", name="Example 3, input 2")
    flip.focus()
    page.keyboard.press("Space")  # X[3] becomes [1, 1, 0]
    assert flip.inner_text() == "0"
    mount.get_by_label("Seed").select_option("4")
    iterations = mount.get_by_label("Iterations")
    iterations.fill("1500")
    iterations.dispatch_event("change")

    slider = mount.get_by_role("slider", name="Iteration")
    slider.focus()
    page.keyboard.press("End")
    assert slider.input_value() == "1000"  # the slider's last position: the last iteration
    X, y = [[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 0]], [[0], [1], [1], [1]]
    assert explorer_mismatches(page, X, y, 1500, 4, 1499) == []

    # play from the start: the iteration moves on by itself
    slider.press("Home")
    assert explorer_mismatches(page, X, y, 1500, 4, 0) == []
    mount.get_by_role("button", name="Play").click()
    page.wait_for_function("Number(document.querySelector('#training-explorer input[id$=\"-iteration\"]').value) > 100")
    mount.get_by_role("button", name="Pause").click()
    mount.get_by_role("combobox", name="Data").select_option(label="the post's data (target: the first column)")
    assert target1.get_attribute("aria-pressed") == "false"
    assert axe_violations(page) == []


# --- what readers expect ------------------------------------------------------------------------


def test_search_finds_a_term(base_url: str, desktop) -> None:
    """Typing l1_delta into the search box lists results, among them the line-by-line chapter."""
    page, traffic = desktop
    visit(page, traffic, base_url)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("l1_delta", delay=30)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="visible")
    hrefs = page.evaluate("[...document.querySelectorAll('.md-search-result__link')].map(a => a.getAttribute('href'))")
    assert any("line-by-line" in href for href in hrefs), hrefs
    assert_clean(traffic, base_url)


def test_colour_scheme_toggle(base_url: str, desktop) -> None:
    """The toggle in the header switches between the light and the dark scheme, and back; the choice is kept.

    One button shows at a time, the one leading to the other scheme; from the keyboard, the focus moves to the
    button shown in place of the one pressed. A reader's choice outlasts a reload and holds on other pages.
    """
    page, traffic = desktop
    visit(page, traffic, base_url)
    shown = "[...document.querySelectorAll('.md-palette-toggle')].filter(b => b.offsetWidth > 0).map(b => b.title)"
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    assert page.evaluate(shown) == ["Switch to the dark scheme"]
    page.get_by_title("Switch to the dark scheme").click()
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    assert page.evaluate(shown) == ["Switch to the light scheme"]
    page.reload()
    traffic.settle(page)  # its search worker loaded: the next visit would otherwise cut it off, a failed request
    assert page.get_attribute("body", "data-md-color-scheme") == "slate", "the choice outlasts a reload"
    page.get_by_title("Switch to the light scheme").focus()
    page.keyboard.press("Enter")
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    assert page.evaluate("document.activeElement.title") == "Switch to the dark scheme"
    visit(page, traffic, base_url + "part-1/sigmoid/")
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    assert_clean(traffic, base_url)


@pytest.mark.parametrize("path", [*LINE_BY_LINE, "reference/command-line/"])
def test_code_has_copy_buttons(path: str, base_url: str, desktop) -> None:
    """Every visible code block has a copy button once it comes into view, and the button copies the code."""
    page, traffic = desktop
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    visit(page, traffic, base_url + path)
    blocks = page.locator("article pre:visible:has(> code)")
    assert blocks.count() >= 1
    # Material adds the buttons as blocks come into view (content.lazy): scroll to each, as a reader does
    for n in range(blocks.count()):
        blocks.nth(n).scroll_into_view_if_needed()
        expect(blocks.nth(n).locator(".md-code__button[data-md-type='copy']")).to_have_count(1)
    last = blocks.nth(blocks.count() - 1)
    last.locator(".md-code__button[data-md-type='copy']").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.strip() and copied.strip().splitlines()[0] in last.inner_text()


NOTEBOOKS = [(path, source) for path, _, source in PAGES if source.endswith(".py")]


@pytest.mark.parametrize(("path", "source"), NOTEBOOKS, ids=[p for p, _ in NOTEBOOKS])
def test_notebook_pages_offer_a_download(path: str, source: str, base_url: str, desktop) -> None:
    """A notebook page has a download button whose file is a Jupyter notebook."""
    page, traffic = desktop
    visit(page, traffic, base_url + path)
    button = page.locator("a.notebook-download")
    assert button.count() == 1 and button.is_visible()
    response = page.request.get(base_url + path + (button.get_attribute("href") or ""))
    assert response.ok
    notebook = response.json()
    assert notebook["nbformat"] == 4 and notebook["cells"]


def test_a_notebook_cell_copies_its_code(base_url: str, desktop) -> None:
    """A notebook code cell's copy button copies the code the cell shows."""
    page, traffic = desktop
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    visit(page, traffic, base_url + NOTEBOOKS[0][0])
    cell = page.locator(".jp-CodeCell .jp-InputArea").nth(1)
    cell.scroll_into_view_if_needed()
    cell.hover()
    cell.locator(".md-code__button[data-md-type='copy']").click()  # the theme's, as on every code block
    copied = page.evaluate("navigator.clipboard.readText()")
    shown = cell.locator("pre").inner_text()
    assert len(shown.strip().splitlines()) >= 2
    assert copied.strip() == shown.strip()
