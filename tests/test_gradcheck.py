"""The scripts' updates are exactly minus the gradient of E = 1/2 * sum((y - output)**2)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from support.scripts import script_globals
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

SRC = Path(__file__).resolve().parent.parent / "src" / "tinynet"

# centred differences with this step agree with the exact gradient to about 1e-8 here;
# 1e-7 is the customary bar for a correct gradient in double precision
H = 1e-5
THRESHOLD = 1e-7


def two_layer_errors(syn0: np.ndarray) -> np.ndarray:
    """Relative error between the two-layer update and minus the numerical gradient, per weight."""
    numeric = numerical_gradient(lambda w: loss_two_layer(w, X, y), syn0.copy(), H)
    return relative_error(update_two_layer(syn0, X, y), -numeric)


def three_layer_errors(syn0: np.ndarray, syn1: np.ndarray) -> np.ndarray:
    """Relative errors for every weight of syn0, then syn1, of the three-layer network."""
    update0, update1 = update_three_layer(syn0, syn1, X, y_xor)
    numeric0 = numerical_gradient(lambda w: loss_three_layer(w, syn1, X, y_xor), syn0.copy(), H)
    numeric1 = numerical_gradient(lambda w: loss_three_layer(syn0, w, X, y_xor), syn1.copy(), H)
    return np.concatenate([relative_error(update0, -numeric0).ravel(), relative_error(update1, -numeric1).ravel()])


@pytest.mark.parametrize("iterations", [0, 5000])
def test_two_layer_update_is_minus_the_gradient(iterations: int) -> None:
    """At the initial weights and halfway through training, every weight's update matches."""
    errors = two_layer_errors(train_two_layer(iterations=iterations).syn0)
    assert errors.shape == (3, 1)
    assert errors.max() < THRESHOLD, errors


@pytest.mark.parametrize("iterations", [0, 30000])
def test_three_layer_update_is_minus_the_gradient(iterations: int) -> None:
    """All 16 weights of both matrices, at the start and halfway through the 60,000 iterations."""
    run = train_three_layer(iterations=iterations)
    errors = three_layer_errors(run.syn0, run.syn1)
    assert errors.shape == (16,)
    assert errors.max() < THRESHOLD, errors


def test_a_wrong_update_fails_the_check() -> None:
    """The slope taken at the score instead of the guess, or a flipped sign, gives an update the check refuses."""
    syn0 = train_two_layer(iterations=0).syn0
    wrong = update_slope_of_the_score(syn0, X, y)
    l1 = 1 / (1 + np.exp(-np.dot(X, syn0)))
    # the same sums in another order on another BLAS kernel: equal to the last few bits, not bit for bit
    np.testing.assert_allclose(wrong, np.dot(X.T, (y - l1) * np.dot(X, syn0) * (1 - np.dot(X, syn0))), rtol=1e-12)
    numeric = numerical_gradient(lambda w: loss_two_layer(w, X, y), syn0.copy(), H)
    assert relative_error(wrong, -numeric).max() > 0.5
    run = train_three_layer(iterations=0)
    _, update1 = update_three_layer(run.syn0, run.syn1, X, y_xor)
    numeric1 = numerical_gradient(lambda w: loss_three_layer(run.syn0, w, X, y_xor), run.syn1.copy(), H)
    assert relative_error(-update1, -numeric1).max() > THRESHOLD


@pytest.mark.parametrize("iterations", [0, 100])
def test_the_update_without_the_slope_is_the_cross_entropy_gradient(iterations: int) -> None:
    """np.dot(l0.T, l1_error) fails the check against E but passes it against the cross-entropy."""
    syn0 = train_two_layer(iterations=iterations).syn0
    l1 = 1 / (1 + np.exp(-np.dot(X, syn0)))
    update = update_without_slope(syn0, X, y)
    assert np.array_equal(update, np.dot(X.T, y - l1))

    def cross_entropy(w: np.ndarray) -> float:
        out = 1 / (1 + np.exp(-np.dot(X, w)))
        return -float(np.sum(np.where(y == 1, np.log(out), np.log(1 - out))))

    assert cross_entropy_two_layer(syn0, X, y) == pytest.approx(cross_entropy(syn0), rel=1e-12)
    numeric_c = numerical_gradient(cross_entropy, syn0.copy(), H)
    assert relative_error(update, -numeric_c).max() < THRESHOLD
    numeric_e = numerical_gradient(lambda w: loss_two_layer(w, X, y), syn0.copy(), H)
    assert relative_error(update, -numeric_e).max() > 0.5


def test_updates_are_the_scripts_own() -> None:
    """update_two_layer and update_three_layer repeat the scripts' last iteration bit for bit."""
    two = script_globals("two_layer.py")
    three = script_globals("three_layer.py")
    before = train_two_layer(iterations=9999).syn0
    assert np.array_equal(before + update_two_layer(before, X, y), two["syn0"])
    run = train_three_layer(iterations=59999)
    update0, update1 = update_three_layer(run.syn0, run.syn1, X, y_xor)
    assert np.array_equal(run.syn0 + update0, three["syn0"])
    assert np.array_equal(run.syn1 + update1, three["syn1"])


def test_numerical_gradient_and_relative_error() -> None:
    """Centred differences are exact for a quadratic, leave w unchanged; relative error is scale-free."""
    w = np.array([[1.0], [-2.0], [3.0]])
    grad = numerical_gradient(lambda v: float(np.sum(v**2)), w, 1e-3)
    assert np.allclose(grad, 2 * w, rtol=1e-10, atol=0)
    assert np.array_equal(w, [[1.0], [-2.0], [3.0]])
    assert relative_error(np.array([2.0, 0.0]), np.array([1.0, 0.0])).tolist() == [0.5, 0.0]


def test_default_step_is_small() -> None:
    """Without h, the step is small enough for a cubic's centred difference to be right to 1e-8."""
    w = np.array([[1.0], [-2.0], [0.5]])
    assert np.allclose(numerical_gradient(lambda v: float(np.sum(v**3)), w), 3 * w**2, rtol=1e-8, atol=0)


def test_relative_error_is_zero_where_both_are_zero() -> None:
    """Where a and b are both 0 the relative error is exactly 0, never what the memory held before."""
    zeros = np.zeros(1000)
    for _ in range(20):
        np.full(1000, 7.0).sum()  # leaves non-zero memory behind, for an uninitialised result to pick up
        assert not relative_error(zeros, zeros).any()
