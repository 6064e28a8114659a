# ---
# jupyter:
#   description: "Why the update is error times slope times input: the squared error of one example drawn as a curve of one weight, its tangent, the chain rule in three factors, the slowdown where the sigmoid is flat, and the update without the slope that learns faster."
# ---

# %% [markdown]
# # Following the slope
#
# Source: `src/tinynet/two_layer.py` ([line 29](../line-by-line/#line-29) to [line 39](../line-by-line/#line-39)), with the sigmoid `nonlin` of `src/tinynet/network.py`.
#
# [Line 36](../line-by-line/#line-36) and [line 39](../line-by-line/#line-39) change each weight by the miss, times the sigmoid's slope, times the input.
# This page shows where that rule comes from: it moves each weight downhill on a curve of the error.
# It needs one idea from calculus, the slope of a curve, and this page teaches it as it goes.
# Then it names the price of the rule, and a cheaper rule that learns faster.

# %%
import numpy as np

from tinynet import X, nonlin, train_two_layer, y
from tinynet.plotting import draw, labelled, log_iterations

# %% [markdown]
# ## The slope of a curve
#
# A straight line $f(w) = a w + b$ climbs by $a$ for every step of one to the right: $a$ is its slope.
# A curve has a slope at every point: the slope of the straight line that touches it there, its *tangent*.
# Close to the point the curve and its tangent are hard to tell apart.
# So for a small step $\Delta w$ the curve changes by about
#
# $$\Delta f \approx \text{slope} \times \Delta w.$$
#
# That is all the calculus this page uses, with one more rule: when one quantity drives a second and the second drives a third, their slopes multiply.
# If $z$ grows by $a$ per unit of $w$, and $l$ grows by $b$ per unit of $z$, then $l$ grows by $a \times b$ per unit of $w$.
# This is the *chain rule*.
#
# ## One weight, one example
#
# Take the row `[1, 0, 1]`, whose target is 1, and look at the first weight `syn0[0]` alone, with the other weights held at their random starting values from [line 23](../line-by-line/#line-23).
# The error of this one row is its miss squared, then halved:
#
# $$E = \tfrac12 (y - l)^2.$$
#
# Squaring makes a miss in either direction count, and halving it only tidies the slope below.

# %%
syn0 = train_two_layer(iterations=0).syn0  # the starting weights of line 23
x, target = (
    X[2].astype(float),
    float(y[2, 0]),
)  # the row [1, 0, 1] and its target


def error(w0: float) -> float:
    """E = 1/2 (y - l)^2 of the row, with the first weight set to w0."""
    l = nonlin(w0 * x[0] + syn0[1, 0] * x[1] + syn0[2, 0] * x[2])
    return 0.5 * (target - l) ** 2


w = syn0[0, 0]
z = np.dot(x, syn0)[0]  # line 29, this row: the score ...
l = nonlin(z)  # ... and the guess
print(f"weight w = {w:.6f}, score z = {z:.6f}")
print(f"guess l = {l:.6f}, error E = {error(w):.6f}")

# %% [markdown]
# ## The chain rule, factor by factor
#
# The weight drives the score, the score drives the guess, and the guess drives the error.
# Each link has a slope, and each slope is something the script already computes:
#
# 1. **Weight to score.** $z = x_0 w + \dots$, so the score grows by the input $x_0$ per unit of $w$. That is `l0`, the input that [line 39](../line-by-line/#line-39) multiplies by.
# 2. **Score to guess.** The sigmoid's slope at the guess, $l(1 - l)$. That is `nonlin(l1,True)` on [line 36](../line-by-line/#line-36).
# 3. **Guess to error.** $E = \tfrac12 (y - l)^2$ has slope $-(y - l)$ in $l$: the miss, with its sign flipped. The miss is `l1_error` on [line 32](../line-by-line/#line-32).
#
# Multiplied, they give the slope of the error as the weight changes:
#
# $$\frac{\Delta E}{\Delta w} \approx -(y - l) \times l(1 - l) \times x_0.$$

# %%
miss = target - l  # line 32
slope_of_sigmoid = l * (1 - l)  # line 36's nonlin(l1,True)
slope = -miss * slope_of_sigmoid * x[0]
print(f"miss y - l = {miss:.6f}")
print(f"sigmoid's slope l(1 - l) = {slope_of_sigmoid:.6f}")
print(f"input x0 = {x[0]:g}")
print(
    f"slope of E in w: -({miss:.6f}) x {slope_of_sigmoid:.6f} x {x[0]:g} = "
    f"{slope:.6f}"
)
h = 1e-6
print(
    "measured on the curve, (E(w + h) - E(w - h)) / 2h = "
    f"{(error(w + h) - error(w - h)) / (2 * h):.6f}"
)

# %% [markdown]
# The slope is negative: raising the weight lowers the error.
# To go downhill, step *against* the slope, by minus the slope:
#
# $$\Delta w = -\frac{\Delta E}{\Delta w} = (y - l) \times l(1 - l) \times x_0.$$
#
# The miss times the slope is this row's `l1_delta` ([line 36](../line-by-line/#line-36)), and times the input it is this row's share of [line 39](../line-by-line/#line-39).
# The script's rule *is* a step downhill.
# The tangent says how far the error should fall: by about the slope times the step.

# %%
step = -slope
l1_delta = miss * nonlin(l, True)  # line 36, this row
print(f"step = {step:.6f}")
print(f"this row's l1_delta times its input = {l1_delta * x[0]:.6f}")
print(f"error before the step:                {error(w):.6f}")
print(f"error the tangent predicts after it:  {error(w) + slope * step:.6f}")
print(f"error after the step, on the curve:   {error(w + step):.6f}")

weights = np.linspace(w - 4, w + 6, 201)
near = np.linspace(w - 1.5, w + 1.5, 3)


def downhill(figure, ink):
    axes = labelled(
        figure.subplots(),
        "the first weight, syn0[0]",
        "error E of the row [1, 0, 1]",
    )
    axes.plot(
        weights, [error(v) for v in weights], label="E as the weight changes"
    )
    axes.plot(
        near,
        error(w) + slope * (near - w),
        linestyle="--",
        label="tangent at the starting weight",
    )
    # the step is short: a ring for the start, a small square inside or
    # beside it for where the step lands, so that both show
    axes.plot(w, error(w), "o", ms=11, mfc="none", label="starting weight")
    axes.plot(w + step, error(w + step), "s", ms=5, label="after one step")
    figure.legend(loc="outside lower center", ncol=2)


draw(
    downhill,
    alt=(
        "The error of one row as a curve of the first weight, its tangent, "
        "and where one step lands."
    ),
    size=(5.2, 4.4),
)

# %% [markdown]
# The curve falls to the right, towards a target of 1, and the tangent follows it closely near the starting weight.
# The step lands close to where the tangent said: the curve bends a little over the length of the step.
# The real iteration moves all the weights at once, and adds up the steps that every row asks for: that sum is the dot product of [line 39](../line-by-line/#line-39).
# The error of the whole batch is the sum of the rows' errors, so its slope is the sum of their slopes: the script follows the slope of
#
# $$E = \tfrac12 \sum_i (y_i - l_i)^2.$$
#
# [Checking the gradient](../../part-2/gradient-check/) measures that slope for every weight and finds the script's update to be exactly minus it.

# %% [markdown]
# ## Where the sigmoid is flat, learning is slow
#
# The sigmoid's slope is the middle factor of every step, and far from a score of 0 it is nearly zero.
# [Line by line](../line-by-line/#line-36-confident-guesses-move-little) shows the good side: a guess that is confidently *right* is left alone.
# The same factor holds back a guess that is confidently *wrong*.
# Start the network with a first weight far below zero, so that the rows whose target is 1 get guesses near 0:

# %%
wrong_start = np.array([[-6.0], [0.0], [0.0]])
l1 = nonlin(np.dot(X, wrong_start))
l1_error = y - l1
for row in (2, 3):
    print(
        f"row {X[row].tolist()}: guess {l1[row, 0]:.6f}, miss "
        f"{l1_error[row, 0]:.6f}, slope {nonlin(l1[row, 0], True):.6f}"
    )
print("l1_delta of those rows:", (l1_error * nonlin(l1, True))[2:].ravel())

# %% [markdown]
# The misses are almost as large as misses can be, and the deltas are tiny: the slope has throttled them.
# This is called the *learning slowdown* of the sigmoid with the squared error.
# Training from there, the script's rule takes a long time to get going (the printed counts are the iterations before every guess is on the right side of the middle):


# %%
def train(syn0, iterations, with_slope=True):
    """Lines 29-39 from the given starting weights.

    Also the first iteration at which every guess rounds right.
    """
    syn0 = syn0.copy()
    right_at = None
    for i in range(iterations):
        l1 = nonlin(np.dot(X, syn0))
        l1_error = y - l1
        if right_at is None and np.array_equal(np.round(l1), y):
            right_at = i
        l1_delta = l1_error * nonlin(l1, True) if with_slope else l1_error
        syn0 += np.dot(X.T, l1_delta)
    return syn0, right_at


_, right_at = train(wrong_start, 30000)
print("with the slope: every guess right at iteration", right_at)

# %% [markdown]
# ## Leaving out the slope
#
# [The sigmoid and its slope](../sigmoid/#things-to-try) asks what happens if [line 36](../line-by-line/#line-36) drops the slope, `l1_delta = l1_error`.
# That update is not a mistake: it is the downhill step of another error, the *cross-entropy*
#
# $$C = -\sum_i \bigl(y_i \ln l_i + (1 - y_i) \ln (1 - l_i)\bigr).$$
#
# With a target of 1 a row costs $-\ln l$, which grows without bound as the guess goes to 0; with a target of 0 it costs $-\ln(1 - l)$.
# The slope of $\ln u$ is $1/u$, so for one row the third factor of the chain becomes
#
# $$\frac{\Delta C}{\Delta l} = -\frac{y}{l} + \frac{1 - y}{1 - l} = -\frac{y - l}{l(1 - l)}.$$
#
# Times the sigmoid's slope $l(1 - l)$ the slope cancels, and minus the product is just $(y - l) \times x$: the update `np.dot(l0.T, l1_error)`.
# A numerical check, at the starting weights, of every weight:


# %%
def cross_entropy(syn0):
    """C = -sum(y ln l + (1 - y) ln(1 - l)) over the rows."""
    l1 = nonlin(np.dot(X, syn0))
    return -float(np.sum(y * np.log(l1) + (1 - y) * np.log(1 - l1)))


without_slope = np.dot(X.T, y - nonlin(np.dot(X, syn0)))
measured = np.zeros_like(syn0)
for k in range(3):
    bump = np.zeros_like(syn0)
    bump[k] = h
    measured[k] = -(
        cross_entropy(syn0 + bump) - cross_entropy(syn0 - bump)
    ) / (2 * h)
print("update without the slope:      ", without_slope.ravel())
print("minus the slope of C, measured:", measured.ravel())

# %% [markdown]
# So each rule goes downhill on its own error: the script's on the squared error, the one without the slope on the cross-entropy.
# The cross-entropy punishes a confident miss hard enough to cancel the flat slope, and the slowdown is gone:

# %%
_, right_at_without = train(wrong_start, 30000, with_slope=False)
print("without the slope: every guess right at iteration", right_at_without)

iterations = 10000
for with_slope in (True, False):
    final, _ = train(syn0, iterations, with_slope)
    largest = np.abs(y - nonlin(np.dot(X, final))).max()
    name = (
        "with the slope (squared error)"
        if with_slope
        else "without the slope (cross-entropy)"
    )
    print(
        f"{name:<34} largest miss after {iterations} iterations: {largest:.2g}"
    )

# %% [markdown]
# From the script's own random start (the last lines above), after as many iterations as the script runs, the rule without the slope misses by far less.
# The plot follows the largest miss of both rules over the iterations, on logarithmic axes.


# %%
def largest_misses(with_slope, iterations=10000):
    """The largest |y - l1| at every iteration, from the script's start."""
    weights, out = syn0.copy(), []
    for _ in range(iterations):
        l1 = nonlin(np.dot(X, weights))
        l1_error = y - l1
        out.append(np.abs(l1_error).max())
        weights += np.dot(
            X.T, l1_error * nonlin(l1, True) if with_slope else l1_error
        )
    return np.array(out)


with_slope, without_slope = largest_misses(True), largest_misses(False)


def race(figure, ink):
    axes = log_iterations(
        figure.subplots(), iterations, "largest miss (log scale)"
    )
    axes.set_yscale("log")
    axes.plot(with_slope, label="with the slope: squared error")
    axes.plot(
        without_slope, linestyle="--", label="without the slope: cross-entropy"
    )
    figure.legend(loc="outside lower center")


draw(
    race,
    alt=(
        "The largest miss over the iterations, with and without the slope: "
        "without it, the miss falls faster."
    ),
    size=(5.2, 4.0),
)

# %% [markdown]
# Both rules start alike, while every guess is unsure and every slope is near its top.
# Once the guesses grow confident, the slope shrinks the script's steps and the dashed line pulls ahead.
# That is why most networks that end in a sigmoid today train on the cross-entropy.
# Part 1's network is, in today's names, *logistic regression*: a single sigmoid neuron, usually trained exactly this way.
#
# The script keeps the squared error, and this site keeps the script.
# Its slope has the good side shown on [Line by line](../line-by-line/#line-36-confident-guesses-move-little) and the cost shown here.
#
# ## Things to try
#
# - Move the starting weight of the figure to a value far below zero and redraw it: how steep is the tangent there?
# - Give the row a target of 0 instead and check that the slope changes sign.
# - Start the three-layer network ([The three-layer network](../../part-2/three-layer-network/)) with the slope left out of [line 36](../line-by-line/#line-36)'s counterpart only, at the output, and compare its error log with the script's.
# - Halve every step of the rule without the slope: does it still beat the script's rule after as many iterations?
