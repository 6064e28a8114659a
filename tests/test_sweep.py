"""The sweep's defaults and arguments reach the training: checked against the published error log."""

from __future__ import annotations

import numpy as np
import pytest

from support.published import PUBLISHED_ERRORS
from tinynet.sweep import final_error, sweep


def test_final_error_defaults_are_the_script_at_10000_iterations() -> None:
    """With no arguments: seed 1, alpha 1, four hidden units, 10,000 iterations, as the script logs it then."""
    assert f"{final_error():.12g}" == PUBLISHED_ERRORS[1]


def test_sweep_passes_iterations_and_each_seed() -> None:
    """One row per value, one column per seed; the default count is 10,000 and each column has its own seed."""
    errors = sweep("alpha", [1.0], seeds=(1, 2))
    assert errors.shape == (1, 2)
    assert f"{errors[0, 0]:.12g}" == PUBLISHED_ERRORS[1]
    assert errors[0, 1] != errors[0, 0]


def test_sweep_names_a_setting_it_cannot_change() -> None:
    """Only alpha and hidden can be swept; the message says so."""
    with pytest.raises(ValueError, match="setting must be 'alpha' or 'hidden', not 'seed'"):
        sweep("seed", [1], iterations=10)


def final_error_by_hand(iterations: int, alpha: float = 1.0, hidden: int = 4) -> float:
    """The 50-line script's loop in plain numpy, with a learning rate and a hidden size: its final mean error."""
    X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]])
    y = np.array([[0, 1, 1, 0]]).T
    state = np.random.RandomState(1)
    syn0, syn1 = 2 * state.random_sample((3, hidden)) - 1, 2 * state.random_sample((hidden, 1)) - 1
    for _ in range(iterations):
        l1 = 1 / (1 + np.exp(-np.dot(X, syn0)))
        l2 = 1 / (1 + np.exp(-np.dot(l1, syn1)))
        l2_delta = (y - l2) * (l2 * (1 - l2))
        l1_delta = l2_delta.dot(syn1.T) * (l1 * (1 - l1))
        syn1 += alpha * l1.T.dot(l2_delta)
        syn0 += alpha * X.T.dot(l1_delta)
    l2 = 1 / (1 + np.exp(-np.dot(1 / (1 + np.exp(-np.dot(X, syn0))), syn1)))
    return float(np.mean(np.abs(y - l2)))


@pytest.mark.parametrize(("setting", "value"), [("alpha", 0.5), ("hidden", 2)])
def test_sweep_changes_its_setting(setting: str, value: float) -> None:
    """A swept alpha or hidden size reaches the training: the error a plain loop gives with it, to 12 digits."""
    errors = sweep(setting, [value], seeds=(1,), iterations=300)
    assert errors[0, 0] == pytest.approx(final_error_by_hand(300, **{setting: value}), rel=1e-12)
    assert errors[0, 0] != pytest.approx(final_error_by_hand(300), rel=1e-6)
