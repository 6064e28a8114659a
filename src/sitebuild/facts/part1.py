"""Facts for the home page, the Part 1 chapters and the reference pages, computed from the tinynet API."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from itertools import islice

import numpy as np

from sitebuild.facts._common import (
    HISTORY,
    PLOTTED,
    figures,
    fixed,
    listed,
    num,
    run_script,
    scores,
    source,
    table,
    trained,
    trained_longer,
    trained_three,
    vector,
    word,
)
from tinynet import X1, X, nonlin, train_three_layer, y, y_xor

# the confidently wrong start of the slowdown example: the first weight far below zero, the others zero
SLOWDOWN_START = (-6.0, 0.0, 0.0)
# the post's one-example picture: the row [1, 0, 1]
ROW = 2
# both plots are 400 wide with 14 px text: a 390 px phone shows them 358 px wide, their text still 12.5 px
WIDTH, HEIGHT, LEFT, TOP = 400, 250, 52, 12


def shape(array: np.ndarray) -> str:
    """A shape written rows by columns, with a multiplication sign."""
    return " \u00d7 ".join(str(n) for n in np.shape(array))


def whole_script() -> dict[str, str]:
    """What `python src/tinynet/two_layer.py` prints, captured from the script itself; its l1 as numpy prints it."""
    return {
        "two_layer_printout": run_script("two_layer.py")[1].rstrip("\n"),
        "two_layer_l1": np.array2string(trained().l1.ravel(), separator=", "),
    }


def shapes() -> dict[str, str]:
    """The shape of every variable of both networks, read from a real iteration."""
    two = trained().snapshots[0]
    three = trained_three().snapshots[0]
    arrays = {"shape_X": X, "shape_y": y, "shape_l0_T": two.l0.T, "shape3_y": y_xor}
    arrays |= {"shape3_syn1_T": three.syn1.T, "shape3_l1_T": three.l1.T}
    arrays |= {f"shape_{name}": two.values[name] for name in ("l0", "l1", "syn0", "l1_error", "l1_delta")}
    for name in ("l0", "l1", "l2", "syn0", "syn1", "l2_error", "l2_delta", "l1_error", "l1_delta"):
        arrays[f"shape3_{name}"] = three.values[name]
    return {name: shape(array) for name, array in arrays.items()}


def sigmoid_slopes() -> dict[str, str]:
    """The sigmoid and its slope at the points the post picks, and the steepest slope."""
    facts = {}
    # the names say the point: m1 is -1
    for label, x in (("2", 2.0), ("m1", -1.0), ("0", 0.0)):
        out = nonlin(x)
        facts[f"sigmoid_at_{label}"] = num(out)
        facts[f"slope_at_{label}"] = num(nonlin(out, True))
    grid = nonlin(nonlin(np.linspace(-10, 10, 2001)), True)
    facts["slope_max"] = num(grid.max())
    return facts


def confidence() -> dict[str, str]:
    """Slopes at the first and the last iteration: confident outputs get small updates."""
    first, last = trained().snapshots[0], trained().snapshots[9999]
    rows = []
    for i in range(len(X)):
        a, b = first.l1[i, 0], last.l1[i, 0]
        # one precision for the whole table: three significant figures, near 0 and near 1 alike
        rows.append([f"`{X[i].tolist()}`", *(figures(v, 3) for v in (a, nonlin(a, True), b, nonlin(b, True)))])
    slopes_first = nonlin(first.l1, True)
    slopes_last = nonlin(last.l1, True)
    return {
        "confidence_table": table(["row of X", "l1, first iteration", "slope", "l1, last iteration", "slope"], rows),
        "first_iteration_slope_min": figures(slopes_first.min(), 3),
        "last_iteration_slope_max": figures(slopes_last.max(), 3),
        "slope_shrink_factor": str(int(slopes_first.min() // slopes_last.max())),
        "last_iteration_delta_max": num(np.abs(last.l1_delta).max(), 6),
        "first_iteration_delta_max": num(np.abs(first.l1_delta).max()),
    }


def worked_update() -> dict[str, str]:
    """The first iteration of line 39: each example's contribution, their sum, syn0 before and after."""
    snap = trained().snapshots[0]
    l0, delta = snap.l0, snap.l1_delta
    parts = [l0[i : i + 1].T * delta[i] for i in range(len(l0))]
    total = np.dot(l0.T, delta)
    rows = [[i, f"`{l0[i].tolist()}`", fixed(delta[i, 0]), vector(part)] for i, part in enumerate(parts)]
    rows += [["sum", "", "", vector(sum(parts))], ["`np.dot`", "", "", vector(total)]]
    header = ["example", "`l0[i]`", "`l1_delta[i]`", "`l0[i].T * l1_delta[i]`"]
    facts = {
        "first_iteration_update_table": table(header, rows),
        "first_iteration_l1": vector(snap.l1),
        "first_iteration_l1_error": vector(snap.l1_error),
        "first_iteration_syn0": vector(snap.syn0),
        "first_iteration_syn0_after": vector(snap.syn0_after),
    }
    facts |= {f"first_iteration_delta_{i}": num(d) for i, d in enumerate(delta.ravel())}
    facts |= {f"first_iteration_update_{j}": num(t) for j, t in enumerate(total.ravel())}
    # the post's one-example picture: the first weight, input 1, at the last iteration
    last = trained().snapshots[9999]
    facts["last_iteration_syn0_0"] = num(last.syn0[0, 0], 5)
    facts["last_iteration_delta_2"] = num(last.l1_delta[2, 0], 8)
    facts["last_iteration_nudge_2"] = num(1.0 * last.l1_delta[2, 0], 8)
    return facts


def weight_history() -> dict[str, str]:
    """syn0 at the start of chosen iterations and after training: the first weight climbs."""
    run = trained()
    rows = [[f"{i:,}", *(fixed(w) for w in run.snapshots[i].syn0.ravel())] for i in HISTORY]
    rows.append(["after training", *(fixed(w) for w in run.syn0.ravel())])
    final = run.syn0.ravel()
    return {
        "syn0_history_table": table(["iteration", "`syn0[0]`", "`syn0[1]`", "`syn0[2]`"], rows),
        "trained_syn0_0": num(final[0], 5),
        "trained_syn0_2": num(final[2]),
        "two_layer_iterations": f"{run.iterations:,}",
    }


def notes_checks() -> dict[str, str]:
    """The notes' intermediate values, recomputed."""
    run = trained()
    first, last = run.snapshots[0], run.snapshots[9999]
    return {
        "first_iteration_scores": vector(np.dot(first.l0, first.syn0)),
        "last_iteration_scores": vector(np.dot(last.l0, last.syn0)),
        # as the notes print them (numpy drops trailing zeros)
        "x1_prediction": "[" + ", ".join(num(v, 8) for v in run.predict(X1).ravel()) + "]",
    }


def things_to_try() -> dict[str, str]:
    """Numbers for the exercises: the error shrinking, and longer training."""
    errors = [[f"{i:,}", figures(trained().errors[i])] for i in HISTORY]
    # a run of n iterations ends with the l1 of iteration n - 1 of a longer run
    longer = [[f"{n:,}", f"[{listed(trained_longer().snapshots[n - 1].l1, 5)}]"] for n in (1000, 10000, 100000)]
    return {
        "error_table": table(["iteration", "mean of abs(l1_error)"], errors),
        "longer_table": table(["iterations", "l1 after training"], longer),
    }


def command_line() -> dict[str, str]:
    """The command line's defaults, read from its parser, and the bounds it sets on its arguments."""
    from tinynet.cli import MAX_ITERATIONS, MAX_ROWS, MAX_SHOWN, build_parser

    parser = build_parser()
    two, three = parser.parse_args(["two-layer"]), parser.parse_args(["three-layer"])
    return {
        "cli_two_iterations": f"{two.iterations:,}",
        "cli_three_iterations": f"{three.iterations:,}",
        "cli_seed": str(two.seed),
        "cli_seed_max": f"{np.iinfo(np.uint32).max:,}",
        "cli_max_iterations": f"{MAX_ITERATIONS:,}",
        "cli_max_shown": f"{MAX_SHOWN:,}",
        "cli_max_rows": str(MAX_ROWS),
        "cli_log_every": f"{inspect.signature(train_three_layer).parameters['log_every'].default:,}",
    }


def axis(first: float, last: float, start: float, end: float) -> Callable[[float], float]:
    """The pixel place of a value on an axis that puts `first` at pixel `start` and `last` at pixel `end`."""
    return lambda value: start + (end - start) * (value - first) / (last - first)


def svg(name: str, title: str, text: list[str], faint: list[str], bold: list[str]) -> str:
    """A plot WIDTH by HEIGHT named `name`: its title, then its text, its faint lines and its bold lines."""
    return "".join(
        [
            f'<svg class="weight-plot" role="img" aria-labelledby="{name}-title" viewBox="0 0 {WIDTH} {HEIGHT}" '
            f'width="{WIDTH}" height="{HEIGHT}" xmlns="http://www.w3.org/2000/svg">',
            f'<title id="{name}-title">{title}</title>',
            '<g fill="currentColor" font-family="sans-serif" font-size="14">',
            *text,
            '</g><g fill="none" stroke="currentColor" stroke-opacity="0.3">',
            *faint,
            '</g><g fill="none" stroke="currentColor" stroke-width="2">',
            *bold,
            "</g></svg>",
        ]
    )


def weight_plot() -> dict[str, str]:
    """An inline SVG of the three weights of syn0 over the iterations of a real run, on a log iteration axis."""
    count = trained().iterations
    weights = np.array([trained().snapshots[i].syn0.ravel() for i in PLOTTED])
    right, bottom = 74, 46
    low, high = np.floor(weights.min()), np.ceil(weights.max())
    # iterations 0 to 1 take a quarter of a decade, linearly, so that iteration 0 has a place
    across = axis(0, 0.25 + np.log10(count), LEFT, WIDTH - right)

    def x(i: int) -> float:
        return across(0.25 * i if i <= 1 else 0.25 + np.log10(i))

    y = axis(high, low, TOP, HEIGHT - bottom)
    middle = (TOP + HEIGHT - bottom) / 2
    levels = np.arange(low, high + 1, 5 if high - low > 10 else 1)
    ticks = [0, *(10**k for k in range(int(np.log10(count)) + 1))]
    text = [f'<text class="y-tick" x="{LEFT - 8}" y="{y(t) + 4:.1f}" text-anchor="end">{t:g}</text>' for t in levels]
    text += [f'<text class="x-tick" x="{x(t):.1f}" y="{HEIGHT - 24}" text-anchor="middle">{t:,}</text>' for t in ticks]
    text.append(
        f'<text x="{(LEFT + WIDTH - right) / 2:.0f}" y="{HEIGHT - 4}" text-anchor="middle">iteration (log scale)</text>'
    )
    text.append(
        f'<text x="14" y="{middle:.0f}" text-anchor="middle" transform="rotate(-90 14 {middle:.0f})">weight</text>'
    )
    text += [f'<text x="{WIDTH - right + 6}" y="{y(w) + 4:.1f}">syn0[{j}]</text>' for j, w in enumerate(weights[-1])]
    faint = [f'<line x1="{LEFT}" x2="{WIDTH - right}" y1="{y(w):.1f}" y2="{y(w):.1f}"/>' for w in levels]
    faint += [f'<line x1="{x(t):.1f}" x2="{x(t):.1f}" y1="{TOP}" y2="{HEIGHT - bottom}"/>' for t in ticks]
    bold = []
    for dashes, line in zip(("none", "6 4", "2 3"), weights.T, strict=True):
        points = " ".join(f"{x(i):.1f},{y(w):.1f}" for i, w in zip(PLOTTED, line, strict=True))
        bold.append(f'<polyline stroke-dasharray="{dashes}" points="{points}"/>')
    title = "The three weights of syn0 over the training iterations, on a log scale"
    return {"weight_plot_svg": svg("weight-plot", title, text, faint, bold)}


def counts() -> dict[str, str]:
    """How many examples, inputs and hidden units there are, the targets, and the two-layer script's length."""
    return {
        "count_examples": word(len(X)),
        "count_inputs": word(X.shape[1]),
        "count_hidden_units": word(trained_three().snapshots[0].syn0.shape[1]),
        "count_two_layer_lines": str(len(source("two_layer.py").splitlines())),
        "two_layer_targets": ", ".join(str(int(t)) for t in y.ravel()),
    }


def first_all_right(syn0: np.ndarray, with_slope: bool, limit: int = 100000) -> int:
    """The first iteration at which every guess rounds to its target, training from syn0 with or without the slope."""
    for i, score in enumerate(islice(scores(syn0, with_slope), limit)):
        if np.array_equal(np.round(nonlin(score)), y):
            return i
    raise ValueError(f"not every guess is right after {limit} iterations")


def bridge() -> tuple[dict[str, float], Callable[[np.ndarray], np.ndarray]]:
    """The row [1, 0, 1] at the first iteration through the first weight alone: its numbers, and its error."""
    syn0 = trained().snapshots[0].syn0
    x, target = X[ROW].astype(float), float(y[ROW, 0])
    others = float(np.dot(x[1:], syn0[1:, 0]))

    def error(w0: np.ndarray) -> np.ndarray:
        return 0.5 * (target - nonlin(w0 * x[0] + others)) ** 2

    w = syn0[0, 0]
    guess = float(nonlin(w * x[0] + others))
    miss, sigmoid_slope = target - guess, guess * (1 - guess)
    numbers = {"weight": w, "score": w * x[0] + others, "guess": guess, "miss": miss, "sigmoid_slope": sigmoid_slope}
    return numbers | {"slope": -miss * sigmoid_slope * x[0]}, error


def downhill() -> dict[str, str]:
    """One weight and one example (the first weight, the row [1, 0, 1]) as a step down the slope of its error."""
    numbers, error = bridge()
    w, slope, target = numbers["weight"], numbers["slope"], float(y[ROW, 0])
    start = np.array(SLOWDOWN_START).reshape(3, 1)
    without = nonlin(next(islice(scores(trained().snapshots[0].syn0, False), trained().iterations, None)))
    wrong = float(nonlin(np.dot(X[ROW], start)[0]))
    # six decimals each, trailing zeros kept: the numbers of one worked example read alike
    facts = {f"bridge_{name}": fixed(value, 6) for name, value in numbers.items()}
    return facts | {
        "bridge_step": fixed(-slope, 6),
        "bridge_error": fixed(float(error(w)), 6),
        "bridge_error_tangent": fixed(float(error(w)) + slope * -slope, 6),
        "bridge_error_after": fixed(float(error(w - slope)), 6),
        "slowdown_weight": num(SLOWDOWN_START[0]),
        "slowdown_guess": num(wrong, 6),
        "slowdown_miss": num(target - wrong, 6),
        "slowdown_delta": num((target - wrong) * wrong * (1 - wrong), 6),
        "slowdown_all_right_with_slope": f"{first_all_right(start, True):,}",
        "slowdown_all_right_without_slope": f"{first_all_right(start, False):,}",
        "trained_largest_miss_with_slope": f"{float(np.abs(y - trained().predict(X)).max()):.2g}",
        "trained_largest_miss_without_slope": f"{float(np.abs(y - without).max()):.2g}",
    }


def downhill_plot() -> dict[str, str]:
    """An inline SVG: the row [1, 0, 1]'s error as a curve of the first weight, its tangent, the start and one step."""
    numbers, error = bridge()
    w0, slope = numbers["weight"], numbers["slope"]
    weights = np.linspace(-4.0, 6.0, 201)
    right, bottom = 16, 48
    px = axis(weights[0], weights[-1], LEFT, WIDTH - right)
    py = axis(0.5, 0.0, TOP, HEIGHT - bottom)
    curve = " ".join(f"{px(w):.1f},{py(e):.1f}" for w, e in zip(weights, error(weights), strict=True))
    (ax, ay), (bx, by) = [(px(w), py(float(error(w0)) + slope * (w - w0))) for w in np.array([w0 - 1.2, w0 + 1.2])]
    step = w0 - slope
    start_y, step_y = py(float(error(w0))), py(float(error(step)))
    text = [
        f'<text x="{LEFT - 8}" y="{py(t) + 4:.1f}" text-anchor="end">{t:.1f}</text>' for t in np.arange(0.0, 0.51, 0.1)
    ]
    text += [f'<text x="{px(t):.1f}" y="{HEIGHT - 28}" text-anchor="middle">{t}</text>' for t in range(-4, 7, 2)]
    text += [
        f'<text x="{(LEFT + WIDTH - right) / 2:.0f}" y="{HEIGHT - 6}" text-anchor="middle">'
        "the first weight, syn0[0]</text>",
        f'<text transform="translate(14 {(TOP + HEIGHT - bottom) / 2:.0f}) rotate(-90)" text-anchor="middle">'
        "error E</text>",
        f'<circle class="start" cx="{px(w0):.1f}" cy="{start_y:.1f}" r="5"/>',
        f'<rect class="step" x="{px(step) - 4:.1f}" y="{step_y - 4:.1f}" width="8" height="8"/>',
        f'<text x="{px(w0) - 10:.1f}" y="{start_y - 8:.1f}" text-anchor="end">start</text>',
        f'<text x="{px(step) + 10:.1f}" y="{step_y + 4:.1f}">after one step</text>',
    ]
    faint = [
        f'<line x1="{LEFT}" x2="{WIDTH - right}" y1="{py(0):.1f}" y2="{py(0):.1f}"/>',
        f'<line x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{py(0):.1f}"/>',
    ]
    bold = [
        f'<polyline class="curve" points="{curve}"/>',
        f'<line class="tangent" stroke-dasharray="6 4" x1="{ax:.1f}" y1="{ay:.1f}" x2="{bx:.1f}" y2="{by:.1f}"/>',
    ]
    title = (
        "The error of the row [1, 0, 1] as the first weight changes: a curve falling from left to right, "
        "its tangent at the starting weight, and the weight after one step"
    )
    return {"downhill_plot_svg": svg("downhill-plot", title, text, faint, bold)}


# the functions whose dicts of name -> text become facts (sitebuild.facts.compute_all)
PROVIDERS = (
    whole_script,
    shapes,
    sigmoid_slopes,
    confidence,
    worked_update,
    weight_history,
    notes_checks,
    things_to_try,
    command_line,
    weight_plot,
    counts,
    downhill,
    downhill_plot,
)
