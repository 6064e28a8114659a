# ---
# jupyter:
#   description: "Part 1's single-layer network trained on the exclusive or: it settles on one half for every row, and a short proof shows that no single weight vector could do better."
# ---

# %% [markdown]
# # Why one layer of weights is not enough
#
# Part 2 keeps the input rows of Part 1 and changes only the answers.
# The output is now 1 when exactly one of the first and the second column is 1: the "exclusive or" of those columns.
# This page trains Part 1's network, the one with a single weight matrix, on those new answers and watches it fail.
# Then it shows why no single weight matrix can ever succeed.
#
# Source: `src/tinynet/two_layer.py` (through `tinynet.train_two_layer`) and the data in `src/tinynet/data.py`.

# %%
import numpy as np
from tinynet import X, nonlin, train_two_layer, y, y_xor
from tinynet.plotting import draw, labelled

print("  X row   Part 1 y   Part 2 y")
for row, old, new in zip(X, y.ravel(), y_xor.ravel(), strict=True):
    print(f"{row}      {old}          {new}")

# %% [markdown]
# The first column still matters, but no longer on its own.
# The middle rows have different first columns and the same answer; the first and the last row too.

# %% [markdown]
# ## Training on the new answers
#
# `train_two_layer` runs the loop of the 42-line script with any data we give it.
# Here it gets the same `X` and the new targets `y_xor`, for as many iterations as the script runs.

# %%
run = train_two_layer(X, y_xor)
print("Output after training (l1):")
print(run.l1)
print(
    "largest distance of any output from one half:", np.abs(run.l1 - 0.5).max()
)

# %% [markdown]
# Every output is exactly 0.5, as far as a float can tell.
# The network answers "I don't know" for every row.
# Its weights tell the same story:

# %%
print("syn0 after training:")
print(run.syn0)
print("largest weight, in size:", np.abs(run.syn0).max())

# %% [markdown]
# All the weights are zero apart from rounding noise, and a weighted sum of zero gives the sigmoid's middle value, 0.5.
#
# Zero is where the update of [line 39](../../part-1/line-by-line/#line-39) stops moving.
# At zero weights every output is 0.5, so every slope is the same and the update is that slope times `X.T` times the misses `y_xor - 0.5`.
# Each column of `X` has a 1 on as many rows with answer 1 as rows with answer 0, so each column's sum of misses is zero:

# %%
misses = y_xor - 0.5
print("X.T dot (y_xor - 0.5) =", np.dot(X.T, misses).ravel())
print(
    "update at zero weights =",
    np.dot(X.T, misses * nonlin(np.full((4, 1), 0.5), True)).ravel(),
)

# %% [markdown]
# The pull towards zero is fast.
# The plot follows the size of each weight through the first iterations (log scale): each shrinks by a steady factor per iteration until it reaches the floor of rounding noise.
# After the first iterations the lines nearly lie on one another: the weights keep about the same size and shrink together.

# %%
first = 1500
watched = train_two_layer(X, y_xor, iterations=first, record=range(first))
weights = np.array([watched.snapshots[i].syn0.ravel() for i in range(first)])


def shrinking(figure, ink):
    axes = labelled(
        figure.subplots(),
        "iteration",
        "size of the weight (log scale)",
        "The two-layer network\ntrained on the exclusive or",
    )
    axes.set_yscale("log")
    axes.xaxis.set_major_formatter("{x:,.0f}")
    for k in range(3):
        axes.plot(
            np.abs(weights[:, k]),
            label=f"|syn0[{k}]| (weight of column {k + 1})",
        )
    figure.legend(loc="outside lower center")


draw(
    shrinking,
    alt=(
        "The sizes of the weights fall steadily on a log scale to the floor "
        "of rounding noise."
    ),
    size=(5.2, 4.4),
)

floor = int(np.argmax(np.abs(weights).max(axis=1) < 1e-15))
print("first iteration where every weight is below 1e-15 in size:", floor)

# %% [markdown]
# ## Why no weight vector can do it
#
# The two-layer network computes $l_1 = \sigma(w_1 x_1 + w_2 x_2 + b)$, where $w_1, w_2, b$ are the entries of `syn0`.
# The third column of `X` is always 1, so its weight $b$ acts as a bias.
# The sigmoid grows with its input and $\sigma(0)$ is 0.5, so the output is above 0.5 exactly when the weighted sum is above 0.
#
# To get every row on the right side of 0.5, the rows demand:
#
# - row $[0, 0, 1]$, answer 0: $b < 0$
# - row $[0, 1, 1]$, answer 1: $w_2 + b > 0$
# - row $[1, 0, 1]$, answer 1: $w_1 + b > 0$
# - row $[1, 1, 1]$, answer 0: $w_1 + w_2 + b < 0$
#
# Add the middle conditions: $w_1 + w_2 + 2b > 0$, so $w_1 + w_2 + b > -b$.
# The first condition makes $-b$ positive, so $w_1 + w_2 + b > 0$, and the last condition says the opposite.
# No choice of weights meets all these demands.
# In the picture below, no straight line puts the orange points on one side and the blue points on the other.
#
# A brute-force check agrees: draw many random weight vectors and count, for each, how many rows land on the right side of 0.5.

# %%
rng = np.random.default_rng(0)
candidates = rng.uniform(-10, 10, size=(3, 100_000))
right = ((np.dot(X, candidates) > 0) == (y_xor == 1)).sum(axis=0)
print("weight vectors tried:", candidates.shape[1])
print("most rows right by any of them:", right.max(), "of", len(X))
print("vectors that get that many right:", (right == right.max()).sum())
# of the vectors with the most rows right, the one whose line keeps
# furthest from every row
margin = np.abs(np.dot(X, candidates)).min(axis=0) / np.hypot(
    candidates[0], candidates[1]
)
best = candidates[:, np.argmax(np.where(right == right.max(), margin, -1))]
wrong_row = (np.dot(X, best) > 0) != (y_xor.ravel() == 1)
print("the row that vector gets wrong:", X[wrong_row][0])


def squared_error(weights):
    """E = 1/2 * sum((y_xor - l1)**2) for each column of weights."""
    return 0.5 * ((y_xor - nonlin(np.dot(X, weights))) ** 2).sum(axis=0)


print("squared error of the trained network:", squared_error(run.syn0)[0])
print(
    "smallest squared error of all the random vectors:",
    squared_error(candidates).min(),
)
print(
    "squared error of the best line's vector:", squared_error(best[:, None])[0]
)

# %% [markdown]
# The best any weight vector manages is every row but one.
# Training does not aim for one of those.
# It lowers the squared error (see [Checking the gradient](../gradient-check/)), and by that measure answering 0.5 everywhere does better than every random vector tried, including the ones that miss only one row.
#
# The picture shows the rows by their first and second inputs, coloured by their answer, over the output the trained network gives at each point of the plane (third input 1).
# At the top, Part 1's answers and the network trained on them; at the bottom, Part 2's answers and the network trained on those, with the line of one of the best random weight vectors above and the row it gets wrong.

# %%
grid = np.linspace(-0.25, 1.25, 121)
g1, g2 = np.meshgrid(grid, grid)
plane = np.column_stack([g1.ravel(), g2.ravel(), np.ones(g1.size)])
part1 = train_two_layer(X, y)


def planes(figure, ink):
    axes = figure.subplots(2, 1, sharex=True)
    panels = [
        (axes[0], part1, y, "Part 1: y is the first column"),
        (axes[1], run, y_xor, "Part 2: y is the exclusive or"),
    ]
    for ax, trained, target, title in panels:
        out = trained.predict(plane).reshape(g1.shape)
        shade = ax.pcolormesh(
            g1, g2, out, cmap=ink.shades(), vmin=0, vmax=1, shading="auto"
        )
        for answer, colour in ((0, ink.blue), (1, ink.orange)):
            rows = target.ravel() == answer
            ax.scatter(
                X[rows, 0],
                X[rows, 1],
                s=160,
                c=colour,
                edgecolors=ink.text,
                label=f"answer {answer}",
                zorder=3,
            )
        labelled(
            ax, "first input" if ax is axes[1] else "", "second input", title
        )
        ax.set_aspect("equal")
        ax.grid(False)
        ax.set_xlim(grid[0], grid[-1])
        ax.set_ylim(grid[0], grid[-1])
    w1, w2, b = best
    axes[1].plot(
        grid,
        -(w1 * grid + b) / w2,
        "--",
        color=ink.text,
        label="a best line: 3 of 4",
    )
    axes[1].scatter(
        X[wrong_row, 0],
        X[wrong_row, 1],
        s=420,
        facecolors="none",
        edgecolors=ink.red,
        linewidths=2,
        label="on the wrong side",
        zorder=4,
    )
    axes[1].set_ylim(grid[0], grid[-1])
    figure.legend(
        *axes[1].get_legend_handles_labels(),
        loc="outside lower center",
        ncol=2,
    )
    figure.colorbar(
        shade, ax=axes, label="trained network's output", shrink=0.6
    )


draw(
    planes,
    alt=(
        "The input plane shaded by the trained output: graded for Part 1, one "
        "flat shade for Part 2."
    ),
    size=(5.2, 9.4),
)

# %% [markdown]
# The shading is faintest where the output is near 0 and strongest where it is near 1, as the bar beside the panels shows.
# At the top, it grows stronger as the first input goes from 0 to 1.
# At the bottom, the trained output is the same middle shade everywhere.

# %% [markdown]
# ## What made Part 1 easy
#
# In Part 1 the answer was simply the first column.
# A quick measure of how much one column says about the answers is their correlation: 1 means they rise and fall together, 0 means no straight-line relation.
# The third column never changes, so it has no correlation with anything (its spread is zero); it only supplies the bias.

# %%
print("column   corr. with Part 1 y   corr. with Part 2 y")
for k in range(2):
    with_y = np.corrcoef(X[:, k], y.ravel())[0, 1]
    with_xor = np.corrcoef(X[:, k], y_xor.ravel())[0, 1]
    print(f"{k + 1:>6}   {with_y:>19.3f}   {with_xor:>19.3f}")
print("spread (standard deviation) of column 3:", X[:, 2].std())

# %% [markdown]
# In Part 1 the first column matches the answers perfectly, so one weight can carry the whole decision.
# In Part 2 neither input column, taken alone, says anything about the answer.
# The answer depends on both inputs together.
# That is the job of a hidden layer, which [the three-layer network](../three-layer-network/) adds: it builds new columns out of combinations of the inputs, and then a single layer can separate the rows.
# [The three-layer network learning](../three-layer-training/) shows those new columns.

# %% [markdown]
# ## Things to try
#
# - Train on the exclusive or with another seed (`train_two_layer(X, y_xor, seed=7)`): do the weights still go to zero?
# - Replace `y_xor` with the "or" of the first and the second column, `[[0], [1], [1], [1]]`, and check that a single layer learns it.
# - Change the answers to the "and", `[[0], [0], [0], [1]]`: write down the conditions as above and find weights that meet them.
# - Start from one of the best random weight vectors (set `syn0` to `best` and run the loop yourself): does the update of [line 39](../../part-1/line-by-line/#line-39) keep it, or drag it to zero?
