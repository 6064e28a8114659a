# ---
# jupyter:
#   description: "The three-layer network training on the exclusive or: its printed error log, the error and the hidden units over every iteration, and how the hidden layer makes the rows separable."
# ---

# %% [markdown]
# # The three-layer network learning
#
# The three-layer network gets the exclusive-or answers that defeated a single layer in [Why one layer of weights is not enough](../one-layer-is-not-enough/).
# This page runs it and looks inside: the error it prints, the error at every iteration, and what its hidden units do.
#
# Source: `src/tinynet/three_layer.py`, run through `tinynet.train_three_layer`, which repeats its operations exactly.

# %%
import itertools

import numpy as np
from tinynet import X, nonlin, train_three_layer, train_two_layer, y_xor
from tinynet.plotting import draw, labelled, log_iterations

# iterations whose variables the run keeps: close together at the start,
# further apart later
kept = np.unique(np.geomspace(1, 60000, 300).astype(int) - 1)
run = train_three_layer(track_error=True, record=kept)
print(
    "iterations:",
    run.iterations,
    " hidden units:",
    run.syn1.shape[0],
    " snapshots kept:",
    len(run.snapshots),
)

# %% [markdown]
# ## What the script prints
#
# At a fixed interval, [lines 35-36](../three-layer-network/#lines-35-36) print the mean size of `l2_error`.
# These are the lines the script prints, made by the real code:

# %%
for j, error in run.error_log:
    print("Error:" + str(error))

# %% [markdown]
# The post ran the script under Python 2, whose `str` shows 12 significant digits.
# Rounded the same way, the numbers above are the published ones:

# %%
published = [
    "0.496410031903",
    "0.00858452565325",
    "0.00578945986251",
    "0.00462917677677",
    "0.00395876528027",
    "0.00351012256786",
]
print("iteration   ours, 12 digits      published            same?")
for (j, error), theirs in zip(run.error_log, published, strict=True):
    print(
        f"{j:>9}   {error:<18.12g}   {theirs:<18}   "
        f"{f'{error:.12g}' == theirs}"
    )

# %% [markdown]
# ## The error at every iteration
#
# The log shows only a few of them.
# With `track_error=True` the run kept the same mean error for every iteration; on log scales it looks like this.

# %%
logged = np.array(run.error_log)


def error_curve(figure, ink):
    title = "Training the three-layer network\non the exclusive or"
    axes = log_iterations(
        figure.subplots(), run.iterations, "mean |l2_error| (log scale)", title
    )
    axes.set_yscale("log")
    axes.plot(run.errors, label="mean |l2_error| at each iteration")
    axes.plot(
        logged[:, 0],
        logged[:, 1],
        "o",
        color=ink.text,
        label="what the script prints",
    )
    figure.legend(loc="outside lower center")


draw(
    error_curve,
    alt=(
        "The three-layer network's error over the iterations, with the "
        "printed values on the curve."
    ),
    size=(5.2, 4.4),
)

for bar in (0.4, 0.1, 0.01):
    print(
        f"first iteration with an error below {bar}:",
        int(np.argmax(run.errors < bar)),
    )
print("error at the first iteration:", run.errors[0])
print("error at the last iteration: ", run.errors[-1])

# %% [markdown]
# On the logarithmic axis the run shows its stages.
# At first the error hardly moves from the middle.
# Then it falls steeply, within a short stretch of iterations: compare the first iterations below 0.4 and below 0.1, printed above.
# After that it creeps down for the rest of the run.
# The slow tail is the sigmoid's doing: outputs near 0 or 1 have a tiny slope, so [line 40](../three-layer-network/#line-40) makes their corrections tiny too.

# %% [markdown]
# ## The hidden units
#
# [Line 29](../three-layer-network/#line-29) computes `l1`, one hidden value per unit for each row.
# The run kept a copy of every variable at the iterations in `kept` (set in the first cell): close together at the start, where the values change fast, and further apart later.
# Each panel below is one row of `X`; its thin lines are that row's hidden values, and the thick dashed line is the network's output `l2` for the row.
# The iteration axes are logarithmic, so the early iterations, where the hidden units find their patterns, get as much room as the long tail.

# %%
hidden = np.array(
    [run.snapshots[j].l1 for j in kept]
)  # iterations x rows x units
output = np.array([run.snapshots[j].l2 for j in kept])[:, :, 0]


def panels(figure, ink):
    axes = figure.subplots(2, 2, sharex=True, sharey=True)
    for row, ax in enumerate(axes.flat):
        for unit in range(hidden.shape[2]):
            ax.plot(
                kept,
                hidden[:, row, unit],
                linewidth=1.6,
                label=f"hidden unit {unit + 1}",
            )
        ax.plot(
            kept,
            output[:, row],
            "--",
            color=ink.text,
            linewidth=2.8,
            label="output l2",
        )
        log_iterations(
            ax,
            run.iterations,
            "value",
            f"row {X[row]}, answer {y_xor[row, 0]}",
        )
        ax.set_xticks([0, 10, 1000])
        ax.set_ylim(-0.05, 1.05)
        ax.label_outer()
    figure.legend(
        *axes[0, 0].get_legend_handles_labels(),
        loc="outside lower center",
        ncol=2,
    )
    figure.suptitle("Hidden values l1 and output l2 for each row")


draw(
    panels,
    alt=(
        "One panel per row: the hidden values and the output move mostly "
        "early, then settle."
    ),
    size=(5.2, 7.2),
)

# %% [markdown]
# Little happens at first.
# The hidden values swing in the same stretch of iterations where the error falls fastest, and each unit settles on a pattern of its own.
# After that they drift slowly and the output keeps creeping towards its answer.

# %% [markdown]
# ## Before and after
#
# Here are the hidden values for the rows with the random starting weights and with the trained ones (one row of `X` per line, one hidden unit per column).

# %%
np.set_printoptions(precision=3, suppress=True)
first = run.snapshots[0]
l1_before = first.l1
l1_after = nonlin(np.dot(X, run.syn0))
print("l1 before training:")
print(l1_before)
print("l1 after training:")
print(l1_after)

# %% [markdown]
# Before training the units answer every row with middling values.
# After training most hidden values have moved towards 0 or 1, and each unit answers the rows with a pattern of its own: high on some rows, low on the others.
# The last layer only has to weigh those patterns.
# [Line 30](../three-layer-network/#line-30) feeds the weighted sum `np.dot(l1, syn1)` to the sigmoid, so the output is above the middle exactly when that sum is positive:

# %%
sums_before = np.dot(l1_before, first.syn1).ravel()
sums_after = np.dot(l1_after, run.syn1).ravel()
print("row        answer   sum before   right?   sum after   right?")
for k in range(4):
    answer = y_xor[k, 0]
    print(
        f"{X[k]}   {answer:>6}   {sums_before[k]:>10.3f}   "
        f"{(sums_before[k] > 0) == answer!s:>6}"
        f"   {sums_after[k]:>9.3f}   {(sums_after[k] > 0) == answer!s:>6}"
    )
print(
    "rows on the right side before:",
    int(((sums_before > 0) == y_xor.ravel()).sum()),
    "of 4",
)
print(
    "rows on the right side after: ",
    int(((sums_after > 0) == y_xor.ravel()).sum()),
    "of 4",
)

# %% [markdown]
# ## One layer is enough, once the hidden layer has done its work
#
# The trained hidden values are a new table of inputs, one column per unit.
# Give that table to the *two-layer* network, the single layer that could not learn the exclusive or from `X`, and it learns it at once:

# %%
single = train_two_layer(l1_after, y_xor)
print("two-layer network trained on the hidden values: output after training")
print(single.l1)

# %% [markdown]
# To draw it, take a pair of hidden units at a time, plus a column of ones as a bias, and train a single layer on each pair.
# Some pairs are enough on their own:

# %%
ones = np.ones((4, 1))
results = {}
for a, b in itertools.combinations(range(4), 2):
    features = np.hstack([l1_after[:, [a, b]], ones])
    layer = train_two_layer(features, y_xor)
    results[(a, b)] = (layer, features)
    right = int(((layer.l1 > 0.5) == (y_xor == 1)).sum())
    print(f"hidden units {a + 1} and {b + 1}: {right} of 4 rows right")
pair = min(results, key=lambda p: np.abs(y_xor - results[p][0].l1).max())
print("the pair drawn below: units", pair[0] + 1, "and", pair[1] + 1)

# %%
layer, features = results[pair]
w1, w2, b = layer.syn0.ravel()
line = np.linspace(-0.2, 1.35, 50)


def planes(figure, ink):
    axes = figure.subplots(2, 1)
    views = [
        (
            axes[0],
            X[:, :2],
            "inputs: first and second column",
            "first input",
            "second input",
        )
    ]
    views.append(
        (
            axes[1],
            features[:, :2],
            "hidden units after training",
            f"hidden unit {pair[0] + 1}",
            f"hidden unit {pair[1] + 1}",
        )
    )
    for ax, points, title, xlabel, ylabel in views:
        for answer, colour in ((0, ink.blue), (1, ink.orange)):
            rows = y_xor.ravel() == answer
            ax.scatter(
                points[rows, 0],
                points[rows, 1],
                s=160,
                c=colour,
                edgecolors=ink.text,
                label=f"answer {answer}",
                zorder=3,
            )
        for k in range(4):
            # on a patch of the page's colour, above the grid and the line
            ax.annotate(
                str(X[k]),
                points[k],
                textcoords="offset points",
                xytext=(-8, -18) if k == 2 else (10, 8),
                bbox={
                    "boxstyle": "square,pad=0.1",
                    "fc": ink.background,
                    "ec": "none",
                },
                zorder=4,
            )
        labelled(ax, xlabel, ylabel, title)
        ax.set_xlim(-0.2, 1.35)
        ax.set_ylim(-0.2, 1.35)
        ax.set_aspect("equal")
    axes[1].plot(
        line,
        -(w1 * line + b) / w2,
        "--",
        color=ink.text,
        label="where the single layer's sum is 0",
    )
    figure.legend(
        *axes[1].get_legend_handles_labels(), loc="outside lower center"
    )


draw(
    planes,
    alt=(
        "The rows in the input plane and in the plane of two trained hidden "
        "units, with a line splitting them."
    ),
    size=(5.2, 10.6),
)

# %% [markdown]
# At the top, in the inputs' own plane, the orange and blue rows sit on opposite corners and no straight line splits them.
# At the bottom, the same rows placed by a pair of the trained hidden units: now a straight line does.
# That is what the hidden layer learned: to move the rows to places where one layer can tell them apart.
# The backward step of [line 43](../three-layer-network/#line-43) is what let the error at the output reach `syn0` and move them.

# %% [markdown]
# ## The answer over the whole plane
#
# The trained network answers any input, not only the training rows.
# Feed it every point of the plane of the first and second inputs (the third input kept at 1), and shade each point by its output.
# At the top is the single layer of [Why one layer of weights is not enough](../one-layer-is-not-enough/) trained on the same answers; at the bottom, the three-layer network.
# Circles mark the rows whose answer is 0, squares the rows whose answer is 1.

# %%
grid = np.linspace(-0.25, 1.25, 121)
g1, g2 = np.meshgrid(grid, grid)
plane = np.column_stack([g1.ravel(), g2.ravel(), np.ones(g1.size)])
one_layer = train_two_layer(X, y_xor)


def answers(figure, ink):
    figure.set_layout_engine("compressed")
    panels = figure.subplots(2, 1, sharex=True)
    for axes, trained, title in (
        (panels[0], one_layer, "one layer of weights"),
        (panels[1], run, "three-layer network"),
    ):
        out = trained.predict(plane).reshape(g1.shape)
        shade = axes.pcolormesh(g1, g2, out, cmap=ink.shades(), vmin=0, vmax=1)
        for answer, marker in ((0, "o"), (1, "s")):
            rows = y_xor.ravel() == answer
            axes.scatter(
                X[rows, 0],
                X[rows, 1],
                s=140,
                marker=marker,
                edgecolors=ink.text,
                label=f"answer {answer}",
                zorder=3,
            )
        labelled(
            axes,
            "first input" if axes is panels[1] else "",
            "second input",
            title,
        )
        axes.set_aspect("equal")
        axes.grid(False)
    panels[1].contour(
        g1,
        g2,
        run.predict(plane).reshape(g1.shape),
        levels=[0.5],
        colors=ink.text,
        linestyles="--",
    )
    figure.colorbar(shade, ax=panels, label="output", shrink=0.6)


draw(
    answers,
    alt=(
        "The input plane shaded by the output: flat for one layer, a band "
        "holding both answer-1 rows for three."
    ),
    size=(5.2, 8.0),
)
print("one layer, output at the four rows:  ", one_layer.l1.ravel())
print("three layers, output at the four rows:", run.l2.ravel())

# %% [markdown]
# The single layer gives the same middle value everywhere: no straight line can put the circles on one side and the squares on the other, so it does not draw one.
# The three-layer network's output is high on a band across the plane that holds both squares, and low towards both circles; the dashed lines, where its output crosses the middle, bend around them.
# That bent boundary is what the hidden layer buys.
#
# ## Train it yourself
#
# Train the network below, in your browser, with the same arithmetic as the script.
# Press Play and watch the error fall, the hidden units find their patterns and the answer over the plane bend around the examples.
# Then try other targets, another seed, fewer or more hidden units, or another learning rate.

# %% [markdown]
# <div id="three-layer-explorer" class="training-explorer"></div>

# %% [markdown]
# ## Why the weights start random
#
# [Line 22](../three-layer-network/#line-22) and [line 23](../three-layer-network/#line-23) start the weights at random.
# Start them all at zero instead, and every hidden unit computes the same value for every row.
# Then every unit gets the same delta on [line 47](../three-layer-network/#line-47) and the same update on [line 50](../three-layer-network/#line-50), so the units stay copies of each other for ever.
# Here, on the exclusive or, it is worse: nothing moves at all.


# %%
def train_from(syn0, syn1, iterations=60000):
    """The loop of the 50-line script (lines 28-50) from given weights."""
    syn0, syn1 = syn0.copy(), syn1.copy()
    for j in range(iterations):
        l0 = X
        l1 = nonlin(np.dot(l0, syn0))
        l2 = nonlin(np.dot(l1, syn1))
        l2_delta = (y_xor - l2) * nonlin(l2, deriv=True)
        l1_delta = l2_delta.dot(syn1.T) * nonlin(l1, deriv=True)
        syn1 += l1.T.dot(l2_delta)
        syn0 += l0.T.dot(l1_delta)
    return syn0, syn1, l1, l2


syn0, syn1, l1, l2 = train_from(np.zeros((3, 4)), np.zeros((4, 1)))
print("after training from zero weights")
print("hidden values l1, one row of X per line:")
print(l1)
print("output l2:", l2.ravel())
print("largest weight:", max(np.abs(syn0).max(), np.abs(syn1).max()))

# %% [markdown]
# Every hidden value and every output sits at the sigmoid's middle value, and every weight is still zero.
# With every output in the middle, the misses of the exclusive or cancel in every column of the update, so the update is zero.
#
# Zero is only the plainest symmetric start.
# Give every hidden unit the same random weights (the script's first unit, copied into each) and they move, but together:

# %%
start = train_three_layer(iterations=0)
copied0 = np.repeat(start.syn0[:, :1], 4, axis=1)
copied1 = np.repeat(start.syn1[:1], 4, axis=0)
syn0, syn1, l1, l2 = train_from(copied0, copied1)
print(
    "largest difference between two hidden units, over the rows:",
    np.ptp(l1, axis=1).max(),
)
print("output l2:", l2.ravel(), " target:", y_xor.ravel())

# %% [markdown]
# The units never differ, so the network has in effect one hidden unit, and one hidden unit cannot learn the exclusive or ([What next](../what-next/#what-the-hidden-size-does) shows it for any start).
# Random starting weights break the symmetry: each unit starts somewhere else, gets its own deltas, and can learn a pattern of its own.

# %% [markdown]
# ## Things to try
#
# - Draw the hidden units' panels with a linear iteration axis (`ax.set_xscale("linear")`): where do the early iterations go?
# - Train with another seed (`train_three_layer(seed=2, track_error=True)`): do the hidden units learn the same patterns, in the same units?
# - Train with `hidden=2`: draw the rows in the plane of the hidden units, before and after.
# - Shuffle the order of the hidden units in `syn0` and `syn1` together and check that the outputs do not change.
# - In the explorer above, give the network a single hidden unit on the exclusive or: does its error ever fall?
