# ---
# jupyter:
#   description: "Where to go after the 50-line script: the learning rate and the size of the hidden layer, each swept over a range of values from several random starts."
# ---

# %% [markdown]
# # What next
#
# The three-layer script fixes some choices without comment.
# Every update is added at full size, and the hidden layer has a fixed number of units.
# Trask's next post makes both of them knobs: a learning rate, `alpha`, and a hidden size.
# This page turns each knob over a range of values and measures what happens.
#
# Source: `src/tinynet/network.py` (the `alpha` and `hidden` arguments of `train_three_layer`) and `src/tinynet/sweep.py`.

# %% [markdown]
# ## The knobs
#
# With a learning rate, the updates of [line 49](../three-layer-network/#line-49) and [line 50](../three-layer-network/#line-50) become
#
# ```python
# syn1 += alpha * l1.T.dot(l2_delta)
# syn0 += alpha * l0.T.dot(l1_delta)
# ```
#
# With `alpha` equal to 1 this is the script itself, bit for bit: multiplying a float by one changes none of its bits.
# The hidden size is the second dimension of `syn0` ([line 22](../three-layer-network/#line-22)) and the first of `syn1` ([line 23](../three-layer-network/#line-23)).

# %%
import numpy as np

from tinynet import X, nonlin, train_three_layer
from tinynet.plotting import draw, labelled
from tinynet.sweep import final_error, sweep

iterations = 10000
script = train_three_layer(iterations=iterations)
same = train_three_layer(iterations=iterations, alpha=1.0)
print(
    "alpha=1.0 gives the script's weights, bit for bit:",
    np.array_equal(script.syn0, same.syn0)
    and np.array_equal(script.syn1, same.syn1),
)

# %% [markdown]
# ## The experiment
#
# For each value, train the three-layer network on the exclusive-or answers from a few different random starts (seeds) and record its final error: the mean of `|y - l2|` over the rows, the number the script prints.
# To keep this page quick, each run is shorter than the script's.

# %%
seeds = (1, 2, 3)
alphas = [0.1, 0.3, 1, 3, 10, 30, 100]
sizes = [1, 2, 3, 4, 8, 16]
by_alpha = sweep("alpha", alphas, seeds, iterations)
by_size = sweep("hidden", sizes, seeds, iterations)
print(
    "iterations per run:",
    iterations,
    " seeds:",
    seeds,
    " runs:",
    by_alpha.size + by_size.size,
)
print(
    "same error as the script's log at this iteration (seed 1):",
    final_error(iterations, seed=1)
    == train_three_layer(iterations=iterations + 1).error_log[-1][1],
)


# %%
def table(name, values, errors):
    """Print the median, smallest and largest final error for each value."""
    print(f"{name:>7}   {'median':>9}   {'smallest':>9}   {'largest':>9}")
    for value, row in zip(values, errors, strict=True):
        print(
            f"{value:>7g}   {np.median(row):>9.5f}   {row.min():>9.5f}   "
            f"{row.max():>9.5f}"
        )


table("alpha", alphas, by_alpha)
print()
table("hidden", sizes, by_size)


# %%
def knobs(figure, ink):
    axes = figure.subplots(2, 1)
    ylabel = f"final mean |y - l2|\nafter {iterations:,} iterations"
    views = (
        (
            axes[0],
            alphas,
            by_alpha,
            "learning rate alpha (log scale)",
            ylabel,
            "Changing alpha (4 hidden units)",
        ),
        (
            axes[1],
            sizes,
            by_size,
            "hidden units (log scale)",
            ylabel,
            "Changing the hidden size (alpha = 1)",
        ),
    )
    for ax, values, errors, xlabel, ylabel, title in views:
        ax.fill_between(
            values,
            errors.min(axis=1),
            errors.max(axis=1),
            alpha=0.3,
            label="smallest to largest",
        )
        ax.plot(values, np.median(errors, axis=1), "o-", label="median")
        for column in errors.T:
            ax.plot(values, column, ".", color=ink.text, markersize=4)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xticks(values, [f"{v:g}" for v in values])
        labelled(ax, xlabel, ylabel, title)
    figure.legend(
        *axes[0].get_legend_handles_labels(),
        loc="outside lower center",
        ncol=2,
    )


draw(
    knobs,
    alt=(
        "The final error against the learning rate and against the hidden "
        "size, from each seed."
    ),
    size=(5.2, 8.4),
)

# %% [markdown]
# Each small dot is one seed; the band spans the seeds and the line joins their medians.

# %% [markdown]
# ## What the learning rate does
#
# Up to a point, a larger `alpha` simply gets further in the same number of iterations: each step is the same downhill direction, only longer.
# Past that point the steps overshoot.

# %%
medians = np.median(by_alpha, axis=1)
best = alphas[int(np.argmin(medians))]
print("alpha with the smallest median error:", best)
print(
    "alphas whose every run ended below 0.05:",
    [a for a, row in zip(alphas, by_alpha, strict=True) if row.max() < 0.05],
)
print(
    "alphas with a run stuck above 0.1:",
    [a for a, row in zip(alphas, by_alpha, strict=True) if row.max() > 0.1],
)

# %% [markdown]
# What goes wrong with the largest rate?
# Look inside one of its runs: the hidden values after training, one row of `X` per line.

# %%
wild = train_three_layer(iterations=iterations, alpha=alphas[-1])
np.set_printoptions(precision=4, suppress=True)
hidden_values = nonlin(np.dot(X, wild.syn0))
print("l1 after training with alpha =", alphas[-1])
print(hidden_values)
print("output l2:", wild.predict(X).ravel())
dead = np.all(hidden_values < 1e-3, axis=1)
print(
    "rows whose every hidden value is below 0.001:",
    [str(row) for row in X[dead]],
)

# %% [markdown]
# The big steps pushed the weights so far that, for one row, every hidden unit sits at the flat end of its sigmoid.
# There the slope is almost zero, so [line 47](../three-layer-network/#line-47) gives that row an `l1_delta` of almost zero, and its hidden values, almost zero too, add almost nothing to the update of [line 49](../three-layer-network/#line-49).
# The row has dropped out of learning.
# Its hidden layer hands the output layer nothing to weigh, so its output stays near the middle.
# Too large a rate does not just learn faster: it can stop learning altogether, which is why the learning rate is usually the first thing to tune.

# %% [markdown]
# ## What the hidden size does
#
# The hidden layer is where the network builds the new columns that make the exclusive or separable ([The three-layer network learning](../three-layer-training/) shows them).

# %%
for size, row in zip(sizes, by_size, strict=True):
    solved = int((row < 0.05).sum())
    print(
        f"{size:>2} hidden units: {solved} of {len(seeds)} seeds end below "
        "0.05"
    )

# %% [markdown]
# One hidden unit cannot succeed from any start.
# The output is then a sigmoid of one number times a sigmoid of one weighted sum of the inputs, so it rises or falls with that one sum: the single-layer situation of [Why one layer of weights is not enough](../one-layer-is-not-enough/) again.
# With a few more units most of these runs still stall within this budget.
# With more units than that every seed here succeeds, and more units change the final error little.

# %% [markdown]
# ## Where to read on
#
# Trask continued the series with more posts built on this network:
#
# - ["A Neural Network in 13 lines of Python (Part 2 - Gradient Descent)"](https://iamtrask.github.io/2015/07/27/python-network-part2/) (27 July 2015) explains gradient descent, adds `alpha` and a hidden size, and renames the variables (`synapse_0`, `layer_1`).
#   Its updates read `synapse_1 -= alpha * ...` with the error written as `layer_2 - y`: the sign flipped in both places, so the same step as here.
# - ["Hinton's Dropout in 3 Lines of Python"](https://iamtrask.github.io/2015/07/28/dropout/) (28 July 2015) switches off a random share of the hidden units on every iteration, so that no unit can rely on any other.
#
# [Checking the gradient](../gradient-check/) on this site shows why the updates are gradient descent in the first place.
#
# The same ideas, taught by others:
#
# - Michael Nielsen's free book [Neural Networks and Deep Learning](https://neuralnetworksanddeeplearning.com/) (2015) derives backpropagation in [its second chapter](https://neuralnetworksanddeeplearning.com/chap2.html) and treats the learning slowdown and the cross-entropy in [the third](https://neuralnetworksanddeeplearning.com/chap3.html); mind his sign of the delta (see [Notation](../../reference/notation/#standard-names-and-signs)).
# - Stanford's course CS231n has notes on [backpropagation as a computation graph](https://cs231n.github.io/optimization-2/), the picture on [The three-layer network](../three-layer-network/#the-backward-pass-in-one-picture).
# - Andrej Karpathy's [micrograd](https://github.com/karpathy/micrograd) (2020) builds that graph automatically in a few short Python files, so that no delta is written by hand.
# - 3Blue1Brown's video series [Neural networks](https://www.3blue1brown.com/topics/neural-networks) (2017) animates gradient descent and the chain rule of backpropagation.
# - Trask went on to recurrent networks in ["Anyone Can Learn To Code an LSTM-RNN in Python"](https://iamtrask.github.io/2015/11/15/anyone-can-code-lstm/) (2015), and to a whole book in the same style, *Grokking Deep Learning* (2019).
#
# ## Where this network comes from
#
# [The notes](../../#the-notes) point to the history behind these scripts:
#
# - Frank Rosenblatt's [perceptron](https://en.wikipedia.org/wiki/Perceptron) (1958), built as a machine, the Mark I Perceptron, learned weights for a single layer of units: Part 1's kind of network.
# - Marvin Minsky and Seymour Papert's book [*Perceptrons*](https://en.wikipedia.org/wiki/Perceptrons_(book)) (1969) proved what a single layer cannot do; the exclusive or of [Why one layer of weights is not enough](../one-layer-is-not-enough/) is the best-known case, and interest in such networks faded for years.
# - Rumelhart, Hinton and Williams, ["Learning representations by back-propagating errors"](https://www.nature.com/articles/323533a0) (1986), made backpropagation known: the rule that trains the hidden layer of Part 2.
# - Andrey Kurenkov's ["A 'Brief' History of Neural Nets and Deep Learning"](https://www.andreykurenkov.com/writing/ai/a-brief-history-of-neural-nets-and-deep-learning/) (2015) tells the whole story, from the perceptron to deep learning.

# %% [markdown]
# ## Things to try
#
# - Run the sweep for as many iterations as the script (`sweep("alpha", alphas, seeds, 6 * iterations)`): does the best `alpha` change?
# - Find the largest `alpha` at which every seed still succeeds, by halving the interval between the last good value and the first bad one.
# - Combine the knobs: with few hidden units, does a smaller or a larger `alpha` rescue the seeds that stall?
# - Add a sweep over the number of iterations and plot the error against `alpha * iterations`: how well does it line up?
