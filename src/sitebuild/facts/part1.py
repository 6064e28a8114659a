"""Facts for the Part 1 chapters and the reference pages, computed from the tinynet API."""

from __future__ import annotations

import contextlib
import inspect
import io
import runpy
from functools import cache
from pathlib import Path

import numpy as np

from tinynet import X1, X, nonlin, train_three_layer, train_two_layer, y, y_xor

SCRIPTS = Path(__file__).resolve().parents[2] / "tinynet"

# iterations whose syn0 the line-by-line takeaway shows
HISTORY = (0, 1, 2, 3, 10, 100, 1000, 9999)


def num(value: float, digits: int = 4) -> str:
    """A number rounded to `digits` decimals, without trailing zeros or a negative zero."""
    text = np.format_float_positional(round(float(value), digits), precision=digits, trim="-")
    return "0" if text == "-0" else text


def fixed(value: float, digits: int = 4) -> str:
    """A number to `digits` decimals, trailing zeros kept (for a table's column), no negative zero."""
    text = f"{float(value):.{digits}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def figures(value: float, count: int = 4) -> str:
    """A number to `count` significant figures, trailing zeros kept (0.220, not 0.22)."""
    value = float(value)
    if value == 0:
        return "0"
    places = max(0, count - 1 - int(np.floor(np.log10(abs(value)))))
    return f"{value:.{places}f}"


def vector(values, digits: int = 4) -> str:
    """A column of numbers as a bracketed list, each to `digits` decimals but an exact 0: [-0.1660, 0, 0.4406]."""
    return "[" + ", ".join("0" if v == 0 else fixed(v, digits) for v in np.ravel(values)) + "]"


def shape(array: np.ndarray) -> str:
    """A shape written rows by columns, with a multiplication sign."""
    return " \u00d7 ".join(str(n) for n in np.shape(array))


def row(cells) -> str:
    """One Markdown table row."""
    return "| " + " | ".join(str(c) for c in cells) + " |"


@cache
def trained():
    """The two-layer network trained as the script does, with the iterations the pages show."""
    return train_two_layer(record=HISTORY)


@cache
def trained_three():
    """The three-layer network trained as the script does, first iteration recorded."""
    return train_three_layer(record=[0])


def whole_script() -> dict[str, str]:
    """What `python src/tinynet/two_layer.py` prints, captured from the script itself."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        runpy.run_path(str(SCRIPTS / "two_layer.py"), run_name="__main__")
    return {"two_layer_printout": out.getvalue().rstrip("\n")}


def shapes() -> dict[str, str]:
    """The shape of every variable of both networks, read from a real iteration."""
    two = trained().snapshots[0]
    three = trained_three().snapshots[0]
    facts = {f"shape_{name}": shape(two.values[name]) for name in ("l0", "l1", "syn0", "l1_error", "l1_delta")}
    facts["shape_X"] = shape(X)
    facts["shape_y"] = shape(y)
    facts["shape_l0_T"] = shape(two.l0.T)
    for name in ("l1", "l2", "syn0", "syn1", "l2_error", "l2_delta", "l1_error", "l1_delta"):
        facts[f"shape3_{name}"] = shape(three.values[name])
    facts["shape3_l0"] = shape(three.l0)
    facts["shape3_y"] = shape(y_xor)
    facts["shape3_syn1_T"] = shape(three.syn1.T)
    facts["shape3_l1_T"] = shape(three.l1.T)
    return facts


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
    run = trained()
    first, last = run.snapshots[0], run.snapshots[9999]
    lines = [
        row(["row of X", "l1, first iteration", "slope", "l1, last iteration", "slope"]),
        row(["---"] * 5),
    ]
    for i in range(len(X)):
        a, b = first.l1[i, 0], last.l1[i, 0]
        # one precision for the whole table: three significant figures, near 0 and near 1 alike
        cells = [figures(v, 3) for v in (a, nonlin(a, True), b, nonlin(b, True))]
        lines.append(row([f"`{X[i].tolist()}`", *cells]))
    slopes_first = nonlin(first.l1, True)
    slopes_last = nonlin(last.l1, True)
    return {
        "confidence_table": "\n".join(lines),
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
    lines = [
        row(["example", "`l0[i]`", "`l1_delta[i]`", "`l0[i].T * l1_delta[i]`"]),
        row(["---"] * 4),
    ]
    for i, part in enumerate(parts):
        lines.append(row([i, f"`{l0[i].tolist()}`", fixed(delta[i, 0]), vector(part)]))
    lines.append(row(["sum", "", "", vector(sum(parts))]))
    lines.append(row(["`np.dot(l0.T, l1_delta)`", "", "", vector(total)]))
    facts = {
        "first_iteration_update_table": "\n".join(lines),
        "first_iteration_l1": vector(snap.l1),
        "first_iteration_l1_error": vector(snap.l1_error),
        "first_iteration_syn0": vector(snap.syn0),
        "first_iteration_syn0_after": vector(snap.syn0_after),
    }
    for i in range(len(l0)):
        facts[f"first_iteration_delta_{i}"] = num(delta[i, 0])
    for j in range(total.shape[0]):
        facts[f"first_iteration_update_{j}"] = num(total[j, 0])
    # the post's one-example picture: the first weight, input 1, at the last iteration
    last = trained().snapshots[9999]
    facts["last_iteration_syn0_0"] = num(last.syn0[0, 0], 5)
    facts["last_iteration_delta_2"] = num(last.l1_delta[2, 0], 8)
    facts["last_iteration_nudge_2"] = num(1.0 * last.l1_delta[2, 0], 8)
    return facts


def weight_history() -> dict[str, str]:
    """syn0 at the start of chosen iterations and after training: the first weight climbs."""
    run = trained()
    lines = [row(["iteration", "`syn0[0]`", "`syn0[1]`", "`syn0[2]`"]), row(["---"] * 4)]
    for i in HISTORY:
        lines.append(row([f"{i:,}", *(fixed(w) for w in run.snapshots[i].syn0.ravel())]))
    lines.append(row(["after training", *(fixed(w) for w in run.syn0.ravel())]))
    final = run.syn0.ravel()
    return {
        "syn0_history_table": "\n".join(lines),
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
    run = train_two_layer(track_error=True)
    errors = run.errors
    lines = [row(["iteration", "mean of abs(l1_error)"]), row(["---"] * 2)]
    for i in (0, 1, 2, 3, 10, 100, 1000, 9999):
        lines.append(row([f"{i:,}", figures(errors[i])]))
    longer = [(n, train_two_layer(iterations=n).l1) for n in (1000, 10000, 100000)]
    out = [row(["iterations", "l1 after training"]), row(["---"] * 2)]
    out += [row([f"{n:,}", "[" + ", ".join(fixed(v, 5) for v in l1.ravel()) + "]"]) for n, l1 in longer]
    return {
        "error_table": "\n".join(lines),
        "longer_table": "\n".join(out),
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


def weight_plot() -> dict[str, str]:
    """An inline SVG of the three weights of syn0 over the iterations of a real run, on a log iteration axis."""
    count = trained().iterations
    # every early iteration, then steps evenly spread on the log scale
    steps = sorted({*range(10), *(int(i) for i in np.geomspace(10, count - 1, 120))})
    run = train_two_layer(record=steps)
    weights = np.array([run.snapshots[i].syn0.ravel() for i in steps])
    # 400 wide with 14 px text: a 390 px phone shows it 358 px wide, its text still 12.5 px
    width, height, left, right, top, bottom = 400, 250, 52, 74, 12, 46
    low, high = np.floor(weights.min()), np.ceil(weights.max())
    # iterations 0 to 1 take a quarter of a decade, linearly, so that iteration 0 has a place
    span = 0.25 + np.log10(count)

    def x(i: int) -> float:
        scaled = 0.25 * i if i <= 1 else 0.25 + np.log10(i)
        return left + (width - left - right) * scaled / span

    def y(w: float) -> float:
        return top + (height - top - bottom) * (high - w) / (high - low)

    dashes = ("none", "6 4", "2 3")
    middle = (top + height - bottom) / 2
    parts = [
        f'<svg class="weight-plot" role="img" aria-labelledby="weight-plot-title" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
        '<title id="weight-plot-title">The three weights of syn0 over the training iterations, on a log scale</title>',
        '<g fill="currentColor" font-family="sans-serif" font-size="14">',
    ]
    levels = np.arange(low, high + 1, 5 if high - low > 10 else 1)
    for tick in levels:
        parts.append(f'<text class="y-tick" x="{left - 8}" y="{y(tick) + 4:.1f}" text-anchor="end">{tick:g}</text>')
    ticks = [0, *(10**k for k in range(int(np.log10(count)) + 1))]
    for tick in ticks:
        parts.append(f'<text class="x-tick" x="{x(tick):.1f}" y="{height - 24}" text-anchor="middle">{tick:,}</text>')
    parts.append(
        f'<text x="{(left + width - right) / 2:.0f}" y="{height - 4}" text-anchor="middle">iteration (log scale)</text>'
    )
    parts.append(
        f'<text x="14" y="{middle:.0f}" text-anchor="middle" transform="rotate(-90 14 {middle:.0f})">weight</text>'
    )
    for j in range(3):
        parts.append(f'<text x="{width - right + 6}" y="{y(weights[-1, j]) + 4:.1f}">syn0[{j}]</text>')
    parts.append("</g>")
    parts.append('<g fill="none" stroke="currentColor" stroke-opacity="0.3">')
    parts += [f'<line x1="{left}" x2="{width - right}" y1="{y(w):.1f}" y2="{y(w):.1f}"/>' for w in levels]
    parts += [f'<line x1="{x(t):.1f}" x2="{x(t):.1f}" y1="{top}" y2="{height - bottom}"/>' for t in ticks]
    parts.append("</g>")
    parts.append('<g fill="none" stroke="currentColor" stroke-width="2">')
    for j in range(3):
        points = " ".join(f"{x(i):.1f},{y(w):.1f}" for i, w in zip(steps, weights[:, j], strict=True))
        parts.append(f'<polyline stroke-dasharray="{dashes[j]}" points="{points}"/>')
    parts.append("</g></svg>")
    return {"weight_plot_svg": "".join(parts)}


WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


def word(count: int) -> str:
    """A small count as prose writes it ("four"), larger ones in digits."""
    return WORDS[count] if count < len(WORDS) else str(count)


def counts() -> dict[str, str]:
    """How many examples, inputs and hidden units there are, the targets, and the two-layer script's length."""
    hidden = trained_three().snapshots[0].syn0.shape[1]
    return {
        "count_examples": word(len(X)),
        "count_inputs": word(X.shape[1]),
        "count_hidden_units": word(hidden),
        "count_two_layer_lines": str(len((SCRIPTS / "two_layer.py").read_text(encoding="utf-8").splitlines())),
        "two_layer_targets": ", ".join(str(int(t)) for t in y.ravel()),
    }


# the confidently wrong start of the slowdown example: the first weight far below zero, the others zero
SLOWDOWN_START = (-6.0, 0.0, 0.0)


def first_all_right(syn0: np.ndarray, with_slope: bool, limit: int = 100000) -> int:
    """The first iteration at which every guess rounds to its target, training from syn0 with or without the slope."""
    syn0 = syn0.copy()
    for i in range(limit):
        l1 = nonlin(np.dot(X, syn0))
        if np.array_equal(np.round(l1), y):
            return i
        l1_error = y - l1
        syn0 += np.dot(X.T, l1_error * nonlin(l1, True) if with_slope else l1_error)
    raise ValueError(f"not every guess is right after {limit} iterations")


def downhill() -> dict[str, str]:
    """One weight and one example (the first weight, the row [1, 0, 1]) as a step down the slope of its error."""
    snap = trained().snapshots[0]
    row, w = 2, snap.syn0[0, 0]
    x, target = X[row].astype(float), float(y[row, 0])
    others = float(np.dot(x[1:], snap.syn0[1:, 0]))

    def error(w0: float) -> float:
        return 0.5 * (target - float(nonlin(w0 * x[0] + others))) ** 2

    guess = float(nonlin(w * x[0] + others))
    miss, sigmoid_slope = target - guess, guess * (1 - guess)
    slope = -miss * sigmoid_slope * x[0]
    start = np.array(SLOWDOWN_START).reshape(3, 1)
    misses = {}
    for with_slope in (True, False):
        weights = snap.syn0.copy()
        for _ in range(trained().iterations):
            l1 = nonlin(np.dot(X, weights))
            weights += np.dot(X.T, (y - l1) * nonlin(l1, True) if with_slope else y - l1)
        misses[with_slope] = float(np.abs(y - nonlin(np.dot(X, weights))).max())
    wrong = float(nonlin(np.dot(X[row], start)[0]))
    return {
        # six decimals each, trailing zeros kept: the numbers of one worked example read alike
        "bridge_weight": fixed(w, 6),
        "bridge_score": fixed(w * x[0] + others, 6),
        "bridge_guess": fixed(guess, 6),
        "bridge_error": fixed(error(w), 6),
        "bridge_miss": fixed(miss, 6),
        "bridge_sigmoid_slope": fixed(sigmoid_slope, 6),
        "bridge_slope": fixed(slope, 6),
        "bridge_step": fixed(-slope, 6),
        "bridge_error_tangent": fixed(error(w) + slope * -slope, 6),
        "bridge_error_after": fixed(error(w - slope), 6),
        "slowdown_weight": num(SLOWDOWN_START[0]),
        "slowdown_guess": num(wrong, 6),
        "slowdown_miss": num(target - wrong, 6),
        "slowdown_delta": num((target - wrong) * wrong * (1 - wrong), 6),
        "slowdown_all_right_with_slope": f"{first_all_right(start, True):,}",
        "slowdown_all_right_without_slope": f"{first_all_right(start, False):,}",
        "trained_largest_miss_with_slope": f"{misses[True]:.2g}",
        "trained_largest_miss_without_slope": f"{misses[False]:.2g}",
    }


def downhill_plot() -> dict[str, str]:
    """An inline SVG: the row [1, 0, 1]'s error as a curve of the first weight, its tangent, the start and one step."""
    syn0 = trained().snapshots[0].syn0
    x, target = X[2].astype(float), float(y[2, 0])
    w0 = syn0[0, 0]
    others = float(np.dot(x[1:], syn0[1:, 0]))

    def error(w: np.ndarray) -> np.ndarray:
        return 0.5 * (target - nonlin(w * x[0] + others)) ** 2

    guess = float(nonlin(w0 * x[0] + others))
    slope = -(target - guess) * guess * (1 - guess) * x[0]
    weights = np.linspace(-4.0, 6.0, 201)
    # 400 wide with 14 px text, as the weight plot
    width, height, left, right, top, bottom = 400, 250, 52, 16, 12, 48
    low, high = 0.0, 0.5

    def px(w: float) -> float:
        return left + (width - left - right) * (w - weights[0]) / (weights[-1] - weights[0])

    def py(e: float) -> float:
        return top + (height - top - bottom) * (high - e) / (high - low)

    curve = " ".join(f"{px(w):.1f},{py(e):.1f}" for w, e in zip(weights, error(weights), strict=True))
    near = np.array([w0 - 1.2, w0 + 1.2])
    tangent = [(px(w), py(float(error(w0)) + slope * (w - w0))) for w in near]
    step = w0 - slope
    parts = [
        f'<svg class="weight-plot" role="img" aria-labelledby="downhill-plot-title" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
        '<title id="downhill-plot-title">The error of the row [1, 0, 1] as the first weight changes: a curve falling '
        "from left to right, its tangent at the starting weight, and the weight after one step</title>",
        '<g fill="currentColor" font-family="sans-serif" font-size="14">',
    ]
    for tick in np.arange(low, high + 0.01, 0.1):
        parts.append(f'<text x="{left - 8}" y="{py(tick) + 4:.1f}" text-anchor="end">{tick:.1f}</text>')
    for tick in range(-4, 7, 2):
        parts.append(f'<text x="{px(tick):.1f}" y="{height - 28}" text-anchor="middle">{tick}</text>')
    parts.append(
        f'<text x="{(left + width - right) / 2:.0f}" y="{height - 6}" text-anchor="middle">'
        "the first weight, syn0[0]</text>"
    )
    parts.append(
        f'<text transform="translate(14 {(top + height - bottom) / 2:.0f}) rotate(-90)" '
        'text-anchor="middle">error E</text>'
    )
    parts.append(f'<circle class="start" cx="{px(w0):.1f}" cy="{py(float(error(w0))):.1f}" r="5"/>')
    parts.append(
        f'<rect class="step" x="{px(step) - 4:.1f}" y="{py(float(error(step))) - 4:.1f}" width="8" height="8"/>'
    )
    parts.append(f'<text x="{px(w0) - 10:.1f}" y="{py(float(error(w0))) - 8:.1f}" text-anchor="end">start</text>')
    parts.append(f'<text x="{px(step) + 10:.1f}" y="{py(float(error(step))) + 4:.1f}">after one step</text>')
    parts.append("</g>")
    parts.append(
        f'<g fill="none" stroke="currentColor" stroke-opacity="0.3"><line x1="{left}" x2="{width - right}" '
        f'y1="{py(0):.1f}" y2="{py(0):.1f}"/><line x1="{left}" x2="{left}" y1="{top}" y2="{py(0):.1f}"/></g>'
    )
    parts.append('<g fill="none" stroke="currentColor" stroke-width="2">')
    parts.append(f'<polyline class="curve" points="{curve}"/>')
    (ax, ay), (bx, by) = tangent
    parts.append(
        f'<line class="tangent" stroke-dasharray="6 4" x1="{ax:.1f}" y1="{ay:.1f}" x2="{bx:.1f}" y2="{by:.1f}"/>'
    )
    parts.append("</g></svg>")
    return {"downhill_plot_svg": "".join(parts)}


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
