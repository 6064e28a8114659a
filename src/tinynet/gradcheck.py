"""Check that the scripts' weight updates are minus the gradient of the squared error."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from tinynet.network import nonlin


def loss_two_layer(syn0: np.ndarray, X: np.ndarray, y: np.ndarray) -> float:
    """E = 1/2 * sum((y - l1)**2) for the two-layer network with weights syn0."""
    l1 = nonlin(np.dot(X, syn0))
    return 0.5 * float(np.sum((y - l1) ** 2))


def loss_three_layer(syn0: np.ndarray, syn1: np.ndarray, X: np.ndarray, y: np.ndarray) -> float:
    """E = 1/2 * sum((y - l2)**2) for the three-layer network with weights syn0, syn1."""
    l2 = nonlin(np.dot(nonlin(np.dot(X, syn0)), syn1))
    return 0.5 * float(np.sum((y - l2) ** 2))


def update_two_layer(syn0: np.ndarray, X: np.ndarray, y: np.ndarray) -> np.ndarray:
    """What two_layer.py adds to syn0 in one iteration (its lines 28-39, same operations)."""
    l0 = X
    l1 = nonlin(np.dot(l0, syn0))
    l1_error = y - l1
    l1_delta = l1_error * nonlin(l1, True)
    return np.dot(l0.T, l1_delta)


def cross_entropy_two_layer(syn0: np.ndarray, X: np.ndarray, y: np.ndarray) -> float:
    """C = -sum(y * ln(l1) + (1 - y) * ln(1 - l1)) for the two-layer network with weights syn0."""
    l1 = nonlin(np.dot(X, syn0))
    return -float(np.sum(y * np.log(l1) + (1 - y) * np.log(1 - l1)))


def update_without_slope(syn0: np.ndarray, X: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The two-layer update without line 36's slope, np.dot(l0.T, l1_error): minus the cross-entropy's gradient."""
    l1 = nonlin(np.dot(X, syn0))
    return np.dot(X.T, y - l1)


def update_slope_of_the_score(syn0: np.ndarray, X: np.ndarray, y: np.ndarray) -> np.ndarray:
    """A wrong two-layer update: line 36's slope taken at the score np.dot(l0,syn0) instead of the guess."""
    l1 = nonlin(np.dot(X, syn0))
    return np.dot(X.T, (y - l1) * nonlin(np.dot(X, syn0), True))


def update_three_layer(
    syn0: np.ndarray, syn1: np.ndarray, X: np.ndarray, y: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """What three_layer.py adds to syn0 and syn1 in one iteration (its lines 28-50, same operations)."""
    l0 = X
    l1 = nonlin(np.dot(l0, syn0))
    l2 = nonlin(np.dot(l1, syn1))
    l2_error = y - l2
    l2_delta = l2_error * nonlin(l2, deriv=True)
    l1_error = l2_delta.dot(syn1.T)
    l1_delta = l1_error * nonlin(l1, deriv=True)
    return l0.T.dot(l1_delta), l1.T.dot(l2_delta)


def numerical_gradient(f: Callable[[np.ndarray], float], w: np.ndarray, h: float = 1e-5) -> np.ndarray:
    """Centred differences (f(w + h) - f(w - h)) / 2h, one weight at a time; w is left as it was."""
    grad = np.zeros_like(w, dtype=float)
    for index in np.ndindex(w.shape):
        kept = w[index]
        w[index] = kept + h
        above = f(w)
        w[index] = kept - h
        below = f(w)
        w[index] = kept
        grad[index] = (above - below) / (2 * h)
    return grad


def relative_error(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """|a - b| / max(|a|, |b|) elementwise; 0 where both are 0."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    scale = np.maximum(np.abs(a), np.abs(b))
    return np.divide(np.abs(a - b), scale, out=np.zeros_like(scale), where=scale > 0)
