# ---
# jupyter:
#   description: The sigmoid that squashes every sum into a value between 0 and 1, its slope, why the script computes that slope from the sigmoid's output, and why confident predictions get small updates.
# ---

# %% [markdown]
# # The sigmoid and its slope
#
# Source: `src/tinynet/two_layer.py` ([lines 4–7](../line-by-line/#lines-4-7)), run through `nonlin` in `src/tinynet/network.py`.
#
# Every value the network produces passes through one small function, `nonlin`.
# Called plainly, it is the sigmoid.
# Called with `deriv=True`, it gives the sigmoid's slope.
# This page plots both, derives the slope, and shows why the slope makes confident predictions change slowly.
#
# Here is `nonlin` as the site's code defines it (the same lines as the script):

# %%
import inspect

import numpy as np

from tinynet import nonlin, train_two_layer
from tinynet.plotting import draw, labelled

print(inspect.getsource(nonlin))

# %% [markdown]
# ## The sigmoid
#
# [Line 7](../line-by-line/#lines-4-7) computes
#
# $$\sigma(x) = \frac{1}{1 + e^{-x}}$$
#
# For a large positive $x$, $e^{-x}$ is tiny and $\sigma(x)$ is close to 1.
# For a large negative $x$, $e^{-x}$ is huge and $\sigma(x)$ is close to 0.
# At $x = 0$, $e^{0} = 1$ and $\sigma(0) = \tfrac12$ exactly.
# So any number, however large, comes out between 0 and 1: the post reads the result as a probability.
#
# How close does it get? Here are the real values:

# %%
for x in [-10, -6, -4, -2, 0, 2, 4, 6, 10]:
    print(f"sigmoid({x:>3}) = {nonlin(x):.6f}")
print()
for x in (4, 6, 10):
    print(
        f"sigmoid({x:>2}) is {1 - nonlin(x):.4%} short of 1; sigmoid({-x:>3}) "
        f"is {nonlin(-x):.4%} above 0"
    )
within = next(x for x in range(100) if 1 - nonlin(x) < 0.01)
print(f"the first whole number whose sigmoid is within 1% of 1: {within}")

# %% [markdown]
# [The notes](../../#the-notes) call the sigmoid ["very close" to 1 from 4 up](../checking-the-notes/#very-close); the gaps above say how close.
# The gap keeps shrinking fast: each step of 2 in $x$ divides it by about $e^2$, as the lines above show.

# %% [markdown]
# ## The curve and its slope
#
# The blue curve is the sigmoid; the orange one is its slope at each point.
# The dots mark the points the post looks at: $x = 2$, $x = -1$ and $x = 0$.

# %%
x = np.linspace(-8, 8, 401)


def curves(figure, ink):
    axes = labelled(figure.subplots(), "x (the input of the sigmoid)", "value")
    axes.plot(x, nonlin(x), label="sigmoid σ(x)")
    axes.plot(x, nonlin(nonlin(x), True), label="slope σ′(x) = σ(x)(1 − σ(x))")
    for point in (2.0, -1.0, 0.0):
        axes.plot(point, nonlin(point), "o", color=ink.text)
    figure.legend(loc="outside lower center")


draw(
    curves,
    alt=(
        "The sigmoid climbs from 0 to 1; its slope is a bump, highest in the "
        "middle."
    ),
    size=(5.2, 4.2),
)

# %% [markdown]
# The slope is largest in the middle, where the curve climbs fastest, and falls towards 0 on both sides, where the curve is flat.
#
# ## Where σ′ = σ(1 − σ) comes from
#
# Write $u = e^{-x}$, so $\sigma = \frac{1}{1+u}$ and $\frac{du}{dx} = -u$.
# By the chain rule,
#
# $$\begin{aligned} \sigma'(x) &= -\frac{1}{(1+u)^2}\cdot(-u) \\ &= \frac{u}{(1+u)^2} \\ &= \frac{1}{1+u}\cdot\frac{u}{1+u}. \end{aligned}$$
#
# The first factor is $\sigma(x)$.
# The second is $\frac{u}{1+u} = 1 - \frac{1}{1+u} = 1 - \sigma(x)$.
# So
#
# $$\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr).$$
#
# A numerical check: the slope of a tiny chord of the curve against the formula, at a few points.

# %%
h = 1e-6
for x0 in [-3.0, -1.0, 0.0, 0.5, 2.0]:
    chord = (nonlin(x0 + h) - nonlin(x0 - h)) / (2 * h)
    formula = nonlin(x0) * (1 - nonlin(x0))
    print(
        f"x = {x0:>4}: chord slope {chord:.8f}, sigma*(1 - sigma) "
        f"{formula:.8f}"
    )

# %% [markdown]
# ## Why line 6 takes the sigmoid's output
#
# [Line 6](../line-by-line/#lines-4-7) returns `x*(1-x)`.
# That is $\sigma(1-\sigma)$ only if `x` already *is* a sigmoid output.
# And it is: the script calls `nonlin(l1,True)` on [line 36](../line-by-line/#line-36), and `l1` holds the sigmoid's outputs from [line 29](../line-by-line/#line-29).
# The formula never needs the input again, so the script saves computing a second exponential.
#
# The price is a trap: give `nonlin(..., True)` the sigmoid's *input* and it returns nonsense.

# %%
z = 2.0
print("right: nonlin(nonlin(z), True) =", nonlin(nonlin(z), True))
print("wrong: nonlin(z, True)         =", nonlin(z, True))

# %% [markdown]
# The wrong call even gives a negative slope, which the sigmoid never has: it only ever climbs.
#
# ## The slopes at 2, −1 and 0
#
# The post's points, with the slope computed the way the script does (sigmoid first, then `nonlin(..., True)`):

# %%
for x0 in (2.0, -1.0, 0.0):
    out = nonlin(x0)
    print(f"x = {x0:>4}: sigmoid {out:.6f}, slope {nonlin(out, True):.6f}")

grid = np.linspace(-20, 20, 400001)
slopes = nonlin(nonlin(grid), True)
print()
print(
    f"largest slope on a fine grid from -20 to 20: {slopes.max()} at x = "
    f"{grid[slopes.argmax()]:g}"
)
print(
    f"smallest: {slopes.min():.3g}; every slope is above 0 and at most "
    f"{slopes.max()}"
)

# %% [markdown]
# The steepest point is $x = 0$, where $\sigma = \tfrac12$ and the slope is $\tfrac12 \cdot \tfrac12 = \tfrac14$, the largest value printed above.
# No slope is bigger: the product $s(1-s)$ of numbers that add up to 1 is largest when they are equal.
#
# ## Confident predictions get small updates
#
# [Line 36](../line-by-line/#line-36) multiplies each miss by the slope at that row's output.
# A confident output sits near 0 or 1, on a flat part of the curve, so its slope is small and its update is small too.
# Here are the rows at the first iteration, when nothing is certain, and after training:

# %%
first = train_two_layer(record=[0]).snapshots[0]
trained = train_two_layer()
for name, l1 in (("iteration 0", first.l1), ("after training", trained.l1)):
    print(name)
    for row, out in enumerate(l1.ravel()):
        print(
            f"  row {row}: l1 = {out:.8f}, slope = {nonlin(out, True):.8f}, "
            f"0.25 / slope = {0.25 / nonlin(out, True):.1f}"
        )

# %% [markdown]
# At the start no output is near 0 or 1, and every slope is close to the largest one.
# After training the outputs sit near 0 or 1, and the last column shows how many times their slopes now fall short of the largest.
# The same miss now moves the weights far less, so a network that is already right stays put.
#
# The notes put it as "putting more faith" in confident predictions.
# In the numbers, that faith means the confident rows barely change the weights.
# The same flat slope has a cost: a guess that is confidently *wrong* barely moves either.
# [Following the slope](../following-the-slope/#where-the-sigmoid-is-flat-learning-is-slow) shows it, and the update that avoids it.
#
# ## Things to try
#
# - Plot the slope against the sigmoid's *output* (from 0 to 1) instead of its input: you get a parabola with its top in the middle.
# - Find how large $x$ must be before $\sigma(x)$ prints as exactly `1.0` in float64.
# - Write your own training loop, copying [line 29](../line-by-line/#line-29) to [line 39](../line-by-line/#line-39), but leave out the slope on [line 36](../line-by-line/#line-36) (use `l1_delta = l1_error`).
#   Does it still learn?
#   How fast?
#   (Answer: it learns, and faster; that update is the downhill step of the cross-entropy, as [Following the slope](../following-the-slope/#leaving-out-the-slope) shows with both runs side by side.)
# - Scale the slope so that it peaks at 1, and see whether training gets faster.
