# ---
# jupyter:
#   description: The two-layer network's training loop run for real, with its four outputs and its error printed and plotted over every iteration, and how close it gets with more iterations.
# ---

# %% [markdown]
# # Watching it learn
#
# Source: `src/tinynet/two_layer.py` ([line 25](../line-by-line/#line-25) to [line 39](../line-by-line/#line-39)), run through `train_two_layer` in `src/tinynet/network.py`.
#
# The loop that starts on [line 25](../line-by-line/#line-25) runs its body once per iteration, as many times as it says.
# Each pass does the same things:
#
# 1. **Predict.** [Line 29](../line-by-line/#line-29) multiplies the inputs by the weights and squashes the sums with the sigmoid: `l1` holds one guess per row.
# 2. **Measure.** [Line 32](../line-by-line/#line-32) subtracts the guesses from the targets: `l1_error` says how far off each guess is, and in which direction.
# 3. **Update.** [Line 36](../line-by-line/#line-36) scales each miss by the sigmoid's slope, and [line 39](../line-by-line/#line-39) turns the result into a change of the weights.
#
# This page watches those passes: a few at the start, the last ones, and all of them in a plot.
# `train_two_layer` does exactly what the script does, bit for bit, and can keep a copy of every variable at the iterations you ask for.

# %%
import numpy as np

from tinynet import X, train_two_layer, y
from tinynet.plotting import draw, log_iterations

# %% [markdown]
# ## The notes' printout
#
# [The notes](../../#the-notes) added print lines inside the loop, right after [line 29](../line-by-line/#line-29), for the first few iterations and the last ones.
# Here is what they print, made by the real code:

# %%
shown = [0, 1, 2, 3, 9998, 9999]
run = train_two_layer(record=shown)
for i in shown:
    step = run.snapshots[i]
    print(f"np.dot(l0,syn0) at iteration {i}:")
    print(np.dot(step.l0, step.syn0).ravel())
    print(f"l1 = {step.l1.ravel()}")

# %% [markdown]
# At iteration 0 the weights are still the random ones from [line 23](../line-by-line/#line-23), and every guess sits between the targets.
# By iteration 9,999 the sums are large and negative for the rows with target 0 and large and positive for the others, so the sigmoid pushes the guesses close to 0 and 1.
#
# The notes quote some of these numbers with slips: their guesses "after the second iteration" are [the first iteration's, cut off](../checking-the-notes/#second-iteration), and the sums they quote come [from a longer run](../checking-the-notes/#the-printout).
# The sums can be any number; only the sigmoid's output is squeezed between 0 and 1.
#
# ## The guesses, iteration by iteration
#
# Now keep every iteration.
# The horizontal axis is logarithmic, so the first few iterations, where most of the change happens, get as much room as the long tail (iteration 0 sits at its left edge).
# The dashed lines mark the targets in `y`; the legend says each row's target.

# %%
everything = train_two_layer(record=range(10000), track_error=True)
iterations = np.arange(10000)
history = np.array([everything.snapshots[i].l1.ravel() for i in iterations])


def guesses(figure, ink):
    axes = log_iterations(
        figure.subplots(), len(iterations), "l1, the network's guess"
    )
    for row in range(4):
        axes.plot(
            iterations,
            history[:, row],
            label=f"row {row}: {X[row].tolist()}, target {y[row, 0]}",
        )
    # the two targets, shared by two rows each
    for target in (0, 1):
        axes.axhline(target, color=ink.text, linestyle="--", linewidth=1)
    axes.set_ylim(-0.05, 1.05)
    figure.legend(loc="outside lower center")


draw(
    guesses,
    alt=(
        "The four guesses over the iterations: the guesses with target 1 "
        "climb, the others fall."
    ),
    size=(5.2, 4.6),
)

# %% [markdown]
# The rows whose target is 1 climb.
# The rows whose target is 0 rise too for the first few iterations, while the weight that every row shares is still growing, and then they fall.
# After a fast start, progress slows: each guess creeps towards its target but never reaches it, because the sigmoid only touches 0 and 1 at infinity.
#
# ## The error
#
# The script follows the slope of one error and prints nothing; the post's three-layer script prints another.
# They are not the same number:
#
# - the error the update lowers ([Line by line](../line-by-line/#which-way-is-downhill) shows why) is the sum of the squared misses, halved, $E = \tfrac12 \sum_i (y_i - l_i)^2$;
# - the error the three-layer script prints, and most people watch, is the mean of the misses' sizes, `np.mean(np.abs(l1_error))`.
#
# Both are zero only when every guess is on its target, and both fall when every miss shrinks, so either one tells whether training works.
# Squaring makes small misses count for much less than large ones, so the squared error falls faster once the misses are small.
# Here are both, once per iteration; both axes are logarithmic.

# %%
errors = everything.errors  # np.mean(np.abs(l1_error)) at every iteration
squared = 0.5 * np.sum(
    (y.ravel() - history) ** 2, axis=1
)  # E = 1/2 sum((y - l1)**2) at every iteration
for i in (0, 9, 99, 999, 9999):
    print(
        f"iteration {i:>4}: mean absolute error {errors[i]:.6f}, squared "
        f"error E {squared[i]:.8f}"
    )


def error_curves(figure, ink):
    axes = log_iterations(
        figure.subplots(), len(iterations), "error (log scale)"
    )
    axes.set_yscale("log")
    axes.plot(
        iterations,
        errors,
        label="mean absolute error (what the 50-line script prints)",
    )
    axes.plot(
        iterations,
        squared,
        linestyle="--",
        label="E = ½ Σ (y − l1)² (what the update lowers)",
    )
    figure.legend(loc="outside lower center")


draw(
    error_curves,
    alt=(
        "Both errors over the iterations, falling all the way; the squared "
        "error falls faster."
    ),
    size=(5.2, 4.0),
)

# %% [markdown]
# Late in training both curves are close to straight lines on these axes: each tenfold increase in iterations cuts each error by a similar factor, as the printed values show.
# The dashed line is steeper: when every miss is small, squaring them makes their sum smaller still.
#
# ## Try it yourself
#
# Step through the training below: it runs the same arithmetic in your browser.
# Pick a preset and read what to look for, or change any 0 or 1 of the data and watch the network train again.
# The slider and Play move on a log scale, so the first iterations, where most of the change happens, get their share.

# %% [markdown]
# <div id="training-explorer" class="training-explorer"></div>

# %% [markdown]
# ## More iterations, closer guesses
#
# The notes ask how to get even closer to `[0, 0, 1, 1]`, and answer: run more iterations.
# Here is how close the guesses get, measured as the largest distance of a guess from its target:

# %%
table = [f"{'iterations':>10} | {'l1 (the guesses)':^45} | largest miss"]
for n in (100, 1000, 10000, 60000):
    guesses = train_two_layer(iterations=n).l1
    table.append(
        f"{n:>10,} | {np.array2string(guesses.ravel(), precision=8):^45} | "
        f"{np.abs(y - guesses).max():.8f}"
    )
print("\n".join(table))

# %% [markdown]
# The notes are right: each row of the table is closer than the one before.
# But the gains shrink: going from 10,000 to 60,000 iterations does much less than going from 100 to 1,000 did.
#
# ## Things to try
#
# - Print `l1_error` instead of `l1` in the printout above (ask the snapshot for `step.l1_error`) and watch the misses shrink.
# - Plot `syn0`, the weights, over the iterations (each snapshot keeps it as `step.syn0`).
#   Which weight grows, and which ones stay small?
# - Train with `seed=2` or `seed=3`: do the guesses end up in the same place?
# - Count how many iterations it takes before every guess rounds to its target.
