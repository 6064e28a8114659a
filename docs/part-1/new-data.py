# ---
# jupyter:
#   description: The trained two-layer network tried on rows it never saw, why it answers the way it does, and what its training data could not teach it.
# ---

# %% [markdown]
# # New data
#
# Source: `src/tinynet/data.py` (the rows `X1`) and `predict` in `src/tinynet/network.py`, after training as in `src/tinynet/two_layer.py`.
#
# The post says that all of the learning is stored in `syn0`.
# [The notes](../../#the-notes) took that at its word: they trained the network, then fed the trained weights new rows.
# This page repeats the experiment, explains the answers from the weights, and shows where the weights know nothing.

# %%
import itertools

import numpy as np

from matplotlib.patches import Patch

from tinynet import X, nonlin, train_two_layer, y
from tinynet.plotting import draw, labelled

run = train_two_layer()
syn0 = run.syn0

# %% [markdown]
# ## The notes' experiment
#
# The cell above trained the network as the script does and kept its weights in `syn0`.
# After the loop, the notes ran the forward pass of [line 29](../line-by-line/#line-29) once more, on new rows `X1` and with the trained `syn0`.
# Here are their lines, as they wrote them:

# %%
X1 = np.array([[0, 1, 1], [1, 1, 0], [1, 0, 1], [1, 1, 1]])
x1prediction = nonlin(np.dot(X1, syn0))

print(x1prediction)

published = np.array([[0.00786466], [0.9999225], [0.99358931], [0.99211997]])
print(
    "same as the notes, to the eight decimals they show:",
    np.array_equal(np.round(x1prediction, 8), published),
)

# %% [markdown]
# The notes' numbers come out exactly.
# Rounded, the answers are 0, 1, 1, 1: the first column of each row, which is the rule the training data follows.
#
# ### Only one of the rows is new
#
# Check each row of `X1` against the training rows `X`:

# %%
for row in X1:
    seen = any(np.array_equal(row, trained) for trained in X)
    print(row, "is a training row" if seen else "is NEW")

# %% [markdown]
# Only `[1, 1, 0]` is new, although [the notes count the first row as new too](../checking-the-notes/#new-rows).
# `[0, 1, 1]` is the second training row, and the rows of `X1` after the new one are training rows too.
#
# The answer for `[0, 1, 1]` is still not quite the one printed at the end of training.
# `l1` is computed on [line 29](../line-by-line/#line-29), *before* [line 39](../line-by-line/#line-39) updates the weights one last time; the new forward pass uses the updated weights:

# %%
print("l1 of the last iteration, row [0, 1, 1]:", run.l1[1, 0])
print("forward pass with the final syn0:       ", x1prediction[0, 0])

# %% [markdown]
# ## What the weights learned
#
# One weight per input column:

# %%
print("syn0 =", syn0.ravel())

# %% [markdown]
# The first weight is large and positive, the second is small, and the third is negative.
# The forward pass adds up the weights of the columns that hold a 1, then takes the sigmoid.
# Here is that sum, weight by weight, for every row of `X1`:

# %%
for row, total in zip(X1, np.dot(X1, syn0).ravel(), strict=True):
    parts = " + ".join(
        f"{x} * {w:.4f}" for x, w in zip(row, syn0.ravel(), strict=True)
    )
    print(f"{row}: {parts} = {total:8.4f} -> sigmoid {nonlin(total):.8f}")

# %% [markdown]
# Any row with a 1 in the first column gets the big positive weight, and its sum comes out well above 0.
# Any row with a 0 there misses it, and the third weight pulls its sum below 0.
# That is how the network answers "copy the first column".
#
# `[1, 1, 0]` comes out *more* confident than any training row.
# It has the big first weight, and it lacks the negative third one, which every training row carried.
# That extra confidence was not earned: the network has never seen a row like it.
#
# ## What the network cannot know
#
# In every training row the third column is 1.
# So the third weight is added to every sum the network ever computed during training: the data cannot tell whether it belongs to the third column or is just a constant offset that every row gets.
# Rows with a 0 in the third column lose that offset, and nothing in training said what should happen then.
#
# Every possible row of bits shows it:

# %%
rows = np.array(list(itertools.product([0, 1], repeat=3)))
outputs = nonlin(np.dot(rows, syn0)).ravel()
trained = [any(np.array_equal(r, t) for t in X) for r in rows]
for r, out, seen in zip(rows, outputs, trained, strict=True):
    print(f"{r}: {out:.8f}   {'training row' if seen else 'never seen'}")


def bars(figure, ink):
    axes = labelled(figure.subplots(), "input row", "network output")
    labels = ["".join(map(str, r)) for r in rows]
    colours = [ink.blue if seen else ink.orange for seen in trained]
    axes.bar(labels, outputs, color=colours)
    axes.axhline(0.5, color=ink.text, linestyle=":", linewidth=1)
    axes.set_ylim(0, 1.05)
    axes.legend(
        handles=[
            Patch(color=ink.blue, label="training row"),
            Patch(color=ink.orange, label="never seen"),
        ]
    )


draw(
    bars,
    alt=(
        "The network's output for every row of bits, training rows and rows "
        "never seen."
    ),
)

# %% [markdown]
# Some cases stand out:
#
# - `[0, 0, 0]` gives exactly the middle value.
#   Its sum is 0 whatever the weights are, and the sigmoid of 0 is the middle: the network can only shrug.
# - `[0, 1, 0]` gives a value close to the middle, the sigmoid of the small second weight alone.
#   By the rule the answer should be 0, but the network is barely leaning that way.
# - `[1, 0, 0]` and `[1, 1, 0]` come out right, and more confident than the training rows, for the reason above.
#
# The same happens from other starting points.
# Training from other seeds ends with almost the same weights, and the same shrug:

# %%
probe = np.array([[0, 0, 0], [0, 1, 0], [1, 1, 0]])
print(f"outputs for {probe.tolist()}:")
lines = []
for seed in range(1, 6):
    other = train_two_layer(seed=seed)
    weights = np.array2string(other.syn0.ravel(), precision=4)
    answers = np.array2string(other.predict(probe).ravel(), precision=6)
    lines.append(f"seed {seed}: syn0 = {weights}, outputs = {answers}")
print("\n".join(lines))

# %% [markdown]
# A network only knows the patterns its training data varied.
# Here the data varied the first and the second column and held the third one fixed, so the third column's effect on its own was never measured.
#
# ## Things to try
#
# - Add the row `[0, 1, 0]` with target 0 to `X` and `y` (both are read-only arrays: build new ones with `np.vstack`), pass them to `train_two_layer(X=..., y=...)`, and see what happens to the third weight and to `[0, 0, 0]`.
# - Train on all the rows but one and predict the one left out: which row can the network do without?
# - Change the targets to the *second* column, `[0, 1, 0, 1]`, and try `X1` again.
# - Give the network a fourth input column that is always 1 and leave the third column as it is.
#   How do the constant columns share the offset?
