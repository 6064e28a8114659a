# ---
# jupyter:
#   description: "Why the scripts' weight updates are exactly minus the gradient of the squared error, derived with the chain rule and confirmed weight by weight with finite differences."
# ---

# %% [markdown]
# # Checking the gradient
#
# Both scripts change their weights by a rule that looks made up: the miss, times the sigmoid's slope, times the input.
# This page shows that the rule is exactly the downhill direction of one error measure, and then checks it numerically, weight by weight.
#
# Source: the updates of `src/tinynet/two_layer.py` and `src/tinynet/three_layer.py`, repeated operation for operation by `src/tinynet/gradcheck.py`, which also holds the checking code.

# %% [markdown]
# ## The error being lowered
#
# Take the squared error of the outputs, summed over the rows and halved:
#
# $$E = \frac{1}{2} \sum_i \left(y_i - \text{out}_i\right)^2$$
#
# where $\text{out}$ is `l1` for the two-layer network and `l2` for the three-layer one.
# The claim is that each script's update equals $-\partial E / \partial w$ for every weight $w$: a step of size one straight downhill.
#
# ## The two-layer network
#
# Write $w$ for the column `syn0`, $z_i = \sum_k X_{ik} w_k$ for row $i$'s weighted sum and $l_i = \sigma(z_i)$ for its output.
# Only $l_i$ depends on $w$, so the chain rule gives
#
# $$\frac{\partial E}{\partial w_k} = \sum_i -\left(y_i - l_i\right) \sigma'(z_i) X_{ik}.$$
#
# The sigmoid's slope can be written with its own output: $\sigma'(z) = \sigma(z)(1 - \sigma(z)) = l(1 - l)$.
# That is what `nonlin(l1, True)` computes ([lines 4-7](../../part-1/line-by-line/#lines-4-7)).
# So, with $\delta_i = (y_i - l_i)\, l_i (1 - l_i)$,
#
# $$-\frac{\partial E}{\partial w_k} = \sum_i X_{ik} \delta_i = \left(X^T \delta\right)_k.$$
#
# Here $y - l$ is `l1_error` ([line 32](../../part-1/line-by-line/#line-32)), $\delta$ is `l1_delta` ([line 36](../../part-1/line-by-line/#line-36)), and $X^T \delta$ is `np.dot(l0.T, l1_delta)`, exactly what [line 39](../../part-1/line-by-line/#line-39) adds to `syn0`.
#
# ## The three-layer network
#
# Now $l_1 = \sigma(X W_0)$ and $l_2 = \sigma(l_1 W_1)$, where $W_0$ is `syn0` (from the inputs to the hidden units) and $W_1$ is `syn1` (from the hidden units to the output).
# The last layer is the two-layer case again, with $l_1$ in the place of $X$.
# With $\delta_2 = (y - l_2) \odot l_2 (1 - l_2)$, which is `l2_delta` ([line 40](../three-layer-network/#line-40)),
#
# $$-\frac{\partial E}{\partial W_1} = l_1^T \delta_2,$$
#
# the update of [line 49](../three-layer-network/#line-49).
# For $W_0$ the chain rule goes one layer further back.
# A weight $(W_0)_{kj}$ reaches the error only through hidden unit $j$, whose value $(l_1)_{ij}$ feeds the output through the weight $(W_1)_j$:
#
# $$-\frac{\partial E}{\partial (W_0)_{kj}} = \sum_i X_{ik}\, (\delta_1)_{ij},$$
#
# where $(\delta_1)_{ij}$ is what reaches hidden unit $j$ from row $i$, times that unit's slope:
#
# $$(\delta_1)_{ij} = (l_1)_{ij} \left(1 - (l_1)_{ij}\right) (\delta_2)_i (W_1)_j.$$
#
# The product $(\delta_2)_i (W_1)_j$, for every row $i$ and unit $j$, is the matrix $\delta_2 W_1^T$: that is `l2_delta.dot(syn1.T)`, the `l1_error` of [line 43](../three-layer-network/#line-43).
# Times the hidden slope, it is `l1_delta` ([line 47](../three-layer-network/#line-47)), and the sum over rows is $X^T \delta_1$, the update of [line 50](../three-layer-network/#line-50).
# "Backpropagation" is this chain rule, organised so that each layer's delta is computed once from the layer above it.

# %% [markdown]
# ## Checking it with numbers
#
# The derivation can be checked without trusting any algebra.
# Nudge one weight up by a small step $h$, then down by $h$, and compute $E$ both times.
# The centred difference $\left(E(w + h) - E(w - h)\right) / 2h$ approximates $\partial E / \partial w$ with an error that shrinks like $h^2$.
# Compare it with the script's update through the relative error $|a - b| / \max(|a|, |b|)$.

# %%
import numpy as np
from tinynet import X, train_three_layer, train_two_layer, y, y_xor
from tinynet.gradcheck import (
    cross_entropy_two_layer,
    loss_three_layer,
    loss_two_layer,
    numerical_gradient,
    relative_error,
    update_slope_of_the_score,
    update_three_layer,
    update_two_layer,
    update_without_slope,
)
from tinynet.plotting import draw, labelled

h = 1e-5
threshold = 1e-7
print("step h:", h)
print("threshold for the relative error:", threshold)

# %% [markdown]
# A relative error below the threshold is the customary sign of a correct gradient in float64; a wrong gradient shows up as an error many orders of magnitude larger.
#
# The two-layer network is checked on Part 1's answers, the data its script trains on, at its random starting weights and halfway through its run.


# %%
def check_two_layer(syn0):
    """Rows: weight, update, minus the numerical gradient, relative error."""
    update = update_two_layer(syn0, X, y)
    numeric = -numerical_gradient(
        lambda w: loss_two_layer(w, X, y), syn0.copy(), h
    )
    errors = relative_error(update, numeric)
    return [
        (f"syn0[{k},0]", update[k, 0], numeric[k, 0], errors[k, 0])
        for k in range(3)
    ]


def show(rows):
    """Print a check's rows as a table; return the largest relative error."""
    print(
        f"{'weight':<10} {'update':>13} {'-dE/dw (numerical)':>19} "
        f"{'relative error':>15}"
    )
    for name, update, numeric, error in rows:
        print(f"{name:<10} {update:>13.6e} {numeric:>19.6e} {error:>15.2e}")
    largest = max(row[3] for row in rows)
    print(
        "largest relative error:",
        f"{largest:.2e}",
        " below the threshold:",
        largest < threshold,
    )
    return largest


largest = {}
for iterations in (0, 5000):
    print(f"two-layer network after {iterations} iterations")
    largest["two-layer", iterations] = show(
        check_two_layer(train_two_layer(iterations=iterations).syn0)
    )
    print()

# %% [markdown]
# The three-layer network is checked on the exclusive-or answers, at its starting weights and halfway through its run: every weight of `syn0` and of `syn1`.


# %%
def check_three_layer(syn0, syn1):
    """Rows: weight, update, minus the numerical gradient, relative error.

    For syn0, then syn1.
    """
    update0, update1 = update_three_layer(syn0, syn1, X, y_xor)
    numeric0 = -numerical_gradient(
        lambda w: loss_three_layer(w, syn1, X, y_xor), syn0.copy(), h
    )
    numeric1 = -numerical_gradient(
        lambda w: loss_three_layer(syn0, w, X, y_xor), syn1.copy(), h
    )
    rows = []
    for name, update, numeric in (
        ("syn0", update0, numeric0),
        ("syn1", update1, numeric1),
    ):
        errors = relative_error(update, numeric)
        for index in np.ndindex(update.shape):
            rows.append(
                (
                    f"{name}[{index[0]},{index[1]}]",
                    update[index],
                    numeric[index],
                    errors[index],
                )
            )
    return rows


for iterations in (0, 30000):
    run = train_three_layer(iterations=iterations)
    print(f"three-layer network after {iterations} iterations")
    largest["three-layer", iterations] = show(
        check_three_layer(run.syn0, run.syn1)
    )
    print()

# %% [markdown]
# Every weight agrees, in both networks and both states.
# The largest relative errors, per network and state:

# %%
for (network, iterations), value in largest.items():
    print(f"{network:<12} after {iterations:>5} iterations: {value:.2e}")
print(
    "all below",
    threshold,
    ":",
    all(value < threshold for value in largest.values()),
)

# %% [markdown]
# ## Does the check catch a mistake?
#
# A check that passes everything proves nothing.
# Here is a real mistake, the trap of [The sigmoid and its slope](../../part-1/sigmoid/#why-line-6-takes-the-sigmoids-output): [line 36](../../part-1/line-by-line/#line-36) given the score `np.dot(l0,syn0)` instead of the guess `l1`, so that `nonlin(..., True)` computes $z(1 - z)$, which is no slope of anything here.

# %%
syn0 = train_two_layer(iterations=0).syn0
numeric = -numerical_gradient(
    lambda w: loss_two_layer(w, X, y), syn0.copy(), h
)
wrong = update_slope_of_the_score(syn0, X, y)
print("update with the slope of the score:", wrong.ravel())
print("minus the gradient of E:           ", numeric.ravel())
print("relative errors:", relative_error(wrong, numeric).ravel())
print(
    "below the threshold:",
    bool(relative_error(wrong, numeric).max() < threshold),
)

# %% [markdown]
# The check refuses it at once: the entries do not even share the gradient's signs.
#
# ## Leaving out the slope is another error's gradient
#
# Drop the slope from [line 36](../../part-1/line-by-line/#line-36) instead, so the update is `np.dot(l0.T, l1_error)`.
# Checked against $E$, it fails: every slope of the sigmoid is well below 1, so each entry comes out several times too large.
# But it is not a mistake.
# It is exactly minus the gradient of the cross-entropy $C = -\sum_i \bigl(y_i \ln l_i + (1 - y_i) \ln(1 - l_i)\bigr)$, as [Following the slope](../../part-1/following-the-slope/#leaving-out-the-slope) derives, and the same check says so:

# %%
no_slope = update_without_slope(syn0, X, y)
numeric_c = -numerical_gradient(
    lambda w: cross_entropy_two_layer(w, X, y), syn0.copy(), h
)
print("against E: relative errors", relative_error(no_slope, numeric).ravel())
print(
    "against E: update over minus the gradient", (no_slope / numeric).ravel()
)
print(
    "against C: relative errors", relative_error(no_slope, numeric_c).ravel()
)
print(
    "below the threshold against C:",
    bool(relative_error(no_slope, numeric_c).max() < threshold),
)

# %% [markdown]
# So the check answers a precise question: is this update minus the gradient of *this* error?
# The script's update is, for $E$; the update without the slope is, for $C$, and in Part 1 it learns faster.

# %% [markdown]
# ## Choosing the step
#
# The step $h$ cannot be too large (the difference then measures the curve, not its slope) nor too small (the values of $E$ on either side then agree in almost all their digits and rounding takes over).
# The plot shows the relative error for one weight of the three-layer network as $h$ changes.

# %%
start = train_three_layer(iterations=0)
exact = update_three_layer(start.syn0, start.syn1, X, y_xor)[0][0, 0]
steps = np.logspace(-12, -1, 45)


def one_weight(w00):
    """E as a function of syn0[0,0] alone."""
    weights = start.syn0.copy()
    weights[0, 0] = w00
    return loss_three_layer(weights, start.syn1, X, y_xor)


curve = [
    relative_error(
        exact,
        -numerical_gradient(
            lambda w: one_weight(w[0]), np.array([start.syn0[0, 0]]), s
        )[0],
    )
    for s in steps
]


def valley(figure, ink):
    axes = labelled(
        figure.subplots(),
        "step h (log scale)",
        "relative error (log scale)",
        "Centred differences:\ntoo large a step, or too small",
    )
    axes.loglog(
        steps,
        curve,
        "o-",
        markersize=3,
        label="syn0[0,0] of the three-layer network",
    )
    axes.axvline(
        h, color=ink.text, linestyle="--", label=f"h used above ({h:g})"
    )
    axes.axhline(
        threshold,
        color=ink.red,
        linestyle=":",
        label=f"threshold ({threshold:g})",
    )
    figure.legend(loc="outside lower center")


draw(
    valley,
    alt=(
        "The relative error against the step h: a valley, high for large "
        "steps and for tiny ones."
    ),
    size=(5.2, 4.6),
)
print(
    "best step on this grid:",
    f"{steps[int(np.argmin(curve))]:.1e}",
    " relative error there:",
    f"{min(curve):.1e}",
)

# %% [markdown]
# On the right, the error falls as $h$ shrinks, like $h^2$; on the left, rounding makes it grow again, like $1/h$.
# The step used above sits in the valley.

# %% [markdown]
# ## Things to try
#
# - Flip the sign of the update (`-update_two_layer(...)`) and see what the check reports.
# - Check the gradient after the full run: many updates are tiny by then; do the relative errors stay small?
# - Replace the squared error by the mean squared error (divide by the number of rows) and find which factor the check now finds in the update.
# - Check the two-layer network on the exclusive-or answers after training: its update is zero apart from rounding, so what does the relative error measure there?
