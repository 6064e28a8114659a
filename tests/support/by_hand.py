"""The scripts' training loops written out again with plain numpy, without tinynet: the tests' yardstick."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

import numpy as np

X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]])
Y_FIRST_COLUMN = np.array([[0, 0, 1, 1]]).T
Y_XOR = np.array([[0, 1, 1, 0]]).T


def sigmoid(x):
    """The logistic function 1 / (1 + e^-x)."""
    return 1 / (1 + np.exp(-x))


@dataclass
class Run:
    """What a training run left: the recorded iterations' values, the final weights, the errors."""

    snapshots: dict[int, dict[str, np.ndarray]] = field(default_factory=dict)
    weights: dict[str, np.ndarray] = field(default_factory=dict)
    errors: list[float] = field(default_factory=list)
    last: dict[str, np.ndarray] = field(default_factory=dict)


def two_layer_steps(iterations: int = 10000, seed: int = 1) -> Iterator[dict[str, np.ndarray]]:
    """The 42-line script's loop, an iteration at a time: l0, np.dot(l0,syn0) as scores, l1, l1_error, l1_delta,
    syn0 before the update and syn0_after."""
    syn0 = 2 * np.random.RandomState(seed).random_sample((3, 1)) - 1
    for _ in range(iterations):
        scores = np.dot(X, syn0)
        l1 = sigmoid(scores)
        l1_error = Y_FIRST_COLUMN - l1
        l1_delta = l1_error * (l1 * (1 - l1))
        before = syn0.copy()
        syn0 += np.dot(X.T, l1_delta)
        yield {"l0": X, "scores": scores, "l1": l1, "l1_error": l1_error, "l1_delta": l1_delta} | {
            "syn0": before,
            "syn0_after": syn0.copy(),
        }


def two_layer(iterations: int = 10000, seed: int = 1, record: Iterable[int] = ()) -> Run:
    """The 42-line script's loop: l1, l1_error, l1_delta and syn0 before and after, at the recorded iterations."""
    wanted = set(record)
    run = Run()
    for i, step in enumerate(two_layer_steps(iterations, seed)):
        run.errors.append(float(np.mean(np.abs(step["l1_error"]))))
        values = {name: step[name] for name in ("l0", "l1", "l1_error", "l1_delta", "syn0")}
        if i in wanted:
            run.snapshots[i] = {**values, "syn0_after": step["syn0_after"]}
        run.last = values
        run.weights = {"syn0": step["syn0_after"]}
    return run


def three_layer(iterations: int = 60000, seed: int = 1, record: Iterable[int] = (), log_every: int = 10000) -> Run:
    """The 50-line script's loop; errors holds the mean absolute l2_error it prints every log_every iterations."""
    wanted = set(record)
    state = np.random.RandomState(seed)
    syn0 = 2 * state.random_sample((3, 4)) - 1
    syn1 = 2 * state.random_sample((4, 1)) - 1
    run = Run()
    for j in range(iterations):
        l1 = sigmoid(np.dot(X, syn0))
        l2 = sigmoid(np.dot(l1, syn1))
        l2_error = Y_XOR - l2
        if j % log_every == 0:
            run.errors.append(float(np.mean(np.abs(l2_error))))
        l2_delta = l2_error * (l2 * (1 - l2))
        l1_error = l2_delta.dot(syn1.T)
        l1_delta = l1_error * (l1 * (1 - l1))
        values = {"l0": X, "syn0": syn0.copy(), "syn1": syn1.copy(), "l1": l1, "l2": l2, "l2_error": l2_error}
        values |= {"l2_delta": l2_delta, "l1_error": l1_error, "l1_delta": l1_delta}
        syn1 += l1.T.dot(l2_delta)
        syn0 += X.T.dot(l1_delta)
        if j in wanted:
            run.snapshots[j] = {**values, "syn0_after": syn0.copy(), "syn1_after": syn1.copy()}
        run.last = values
    run.weights = {"syn0": syn0, "syn1": syn1}
    return run


@cache
def two_layer_shared() -> Run:
    """One run of the 42-line script for a whole test session, with the iterations the pages discuss."""
    return two_layer(record=(0, 1, 2, 3, 10, 100, 1000, 9999))


@cache
def three_layer_shared() -> Run:
    """One run of the 50-line script for a whole test session, the first iteration recorded."""
    return three_layer(record=(0,))
