"""Train the two- and three-layer networks exactly as the canonical scripts do."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from tinynet import data


def nonlin(x, deriv=False):
    """Sigmoid of x; deriv=True: its slope, given the sigmoid's output x."""
    if deriv:
        return x * (1 - x)
    return 1 / (1 + np.exp(-x))


def initial_weights(shapes: Iterable[tuple[int, int]], seed: int = 1) -> list[np.ndarray]:
    """Draw weight matrices as the scripts do: seed, then 2*random - 1 per shape."""
    state = np.random.RandomState(seed)
    return [2 * state.random_sample(shape) - 1 for shape in shapes]


@dataclass
class Snapshot:
    """Copies of every variable of one iteration; weights as they were when it began."""

    iteration: int
    values: dict[str, np.ndarray]

    def __getattr__(self, name: str) -> np.ndarray:
        try:
            return self.values[name]
        except KeyError:
            raise AttributeError(name) from None


@dataclass
class TwoLayerRun:
    """The outcome of training the two-layer network."""

    syn0: np.ndarray
    l1: np.ndarray
    iterations: int
    seed: int
    snapshots: dict[int, Snapshot] = field(default_factory=dict)
    errors: np.ndarray | None = None

    def predict(self, rows) -> np.ndarray:
        """Outputs of the trained network for new rows."""
        return predict(rows, self.syn0)


@dataclass
class ThreeLayerRun:
    """The outcome of training the three-layer network."""

    syn0: np.ndarray
    syn1: np.ndarray
    l2: np.ndarray
    iterations: int
    seed: int
    error_log: list[tuple[int, float]]
    snapshots: dict[int, Snapshot] = field(default_factory=dict)
    errors: np.ndarray | None = None

    def predict(self, rows) -> np.ndarray:
        """Outputs of the trained network for new rows."""
        return predict(rows, self.syn0, self.syn1)


def predict(rows, syn0: np.ndarray, syn1: np.ndarray | None = None) -> np.ndarray:
    """Run rows forward through trained weights (one matrix or two)."""
    out = nonlin(np.dot(np.asarray(rows), syn0))
    if syn1 is not None:
        out = nonlin(np.dot(out, syn1))
    return out


def _start(
    X, y, iterations: int, record: Iterable[int], track_error: bool
) -> tuple[np.ndarray, np.ndarray, set[int], np.ndarray | None]:
    """The data as arrays, the iterations to record, and room for each iteration's error when tracked.

    Refuses data and counts the scripts could not run with.
    """
    if iterations < 0:
        raise ValueError(f"iterations must be 0 or more, not {iterations}")
    if np.ndim(X) != 2 or np.ndim(y) != 2 or len(X) != len(y):
        raise ValueError("X must be rows x columns and y one column with a row per row of X")
    return np.asarray(X), np.asarray(y), set(record), np.empty(iterations) if track_error else None


def _copies(**arrays: np.ndarray) -> dict[str, np.ndarray]:
    """A copy of each array, by name: a snapshot that later updates leave alone."""
    return {name: array.copy() for name, array in arrays.items()}


def train_two_layer(
    X=data.X,
    y=data.y,
    iterations: int = 10000,
    seed: int = 1,
    record: Iterable[int] = (),
    track_error: bool = False,
    alpha: float = 1.0,
) -> TwoLayerRun:
    """Train as two_layer.py does; copy the variables at the iterations in `record`.

    With track_error, also keep the mean absolute error of every iteration.
    alpha scales each update (the learning rate); 1.0 is the script, bit for bit.
    """
    X, y, wanted, errors = _start(X, y, iterations, record, track_error)
    snapshots: dict[int, Snapshot] = {}
    (syn0,) = initial_weights([(X.shape[1], 1)], seed)
    l1 = None
    for i in range(iterations):
        l0 = X
        l1 = nonlin(np.dot(l0, syn0))
        l1_error = y - l1
        l1_delta = l1_error * nonlin(l1, True)
        if errors is not None:
            errors[i] = np.mean(np.abs(l1_error))
        if i in wanted:
            before = syn0.copy()
        syn0 += np.dot(l0.T, l1_delta) if alpha == 1 else alpha * np.dot(l0.T, l1_delta)
        if i in wanted:
            state = _copies(l0=l0, l1=l1, l1_error=l1_error, l1_delta=l1_delta)
            snapshots[i] = Snapshot(i, {**state, "syn0": before, **_copies(syn0_after=syn0)})
    return TwoLayerRun(syn0, l1, iterations, seed, snapshots, errors)


def train_three_layer(
    X=data.X,
    y=data.y_xor,
    iterations: int = 60000,
    seed: int = 1,
    record: Iterable[int] = (),
    track_error: bool = False,
    hidden: int = 4,
    log_every: int = 10000,
    alpha: float = 1.0,
) -> ThreeLayerRun:
    """Train as three_layer.py does; copy the variables at the iterations in `record`.

    The error log holds what the script prints every `log_every` iterations.
    alpha scales each update (the learning rate); 1.0 is the script, bit for bit.
    """
    X, y, wanted, errors = _start(X, y, iterations, record, track_error)
    snapshots: dict[int, Snapshot] = {}
    error_log: list[tuple[int, float]] = []
    syn0, syn1 = initial_weights([(X.shape[1], hidden), (hidden, 1)], seed)
    l2 = None
    for j in range(iterations):
        l0 = X
        l1 = nonlin(np.dot(l0, syn0))
        l2 = nonlin(np.dot(l1, syn1))
        l2_error = y - l2
        if (j % log_every) == 0:
            error_log.append((j, float(np.mean(np.abs(l2_error)))))
        if errors is not None:
            errors[j] = np.mean(np.abs(l2_error))
        l2_delta = l2_error * nonlin(l2, deriv=True)
        l1_error = l2_delta.dot(syn1.T)
        l1_delta = l1_error * nonlin(l1, deriv=True)
        if j in wanted:
            before = (syn0.copy(), syn1.copy())
        syn1 += l1.T.dot(l2_delta) if alpha == 1 else alpha * l1.T.dot(l2_delta)
        syn0 += l0.T.dot(l1_delta) if alpha == 1 else alpha * l0.T.dot(l1_delta)
        if j in wanted:
            state = _copies(
                l0=l0, l1=l1, l2=l2, l2_error=l2_error, l2_delta=l2_delta, l1_error=l1_error, l1_delta=l1_delta
            )
            after = _copies(syn0_after=syn0, syn1_after=syn1)
            snapshots[j] = Snapshot(j, {**state, "syn0": before[0], "syn1": before[1], **after})
    return ThreeLayerRun(syn0, syn1, l2, iterations, seed, error_log, snapshots, errors)
