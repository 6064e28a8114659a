"""Small experiments: the three-layer network's final error as one setting changes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from tinynet import data
from tinynet.network import train_three_layer


def final_error(iterations: int = 10000, seed: int = 1, alpha: float = 1.0, hidden: int = 4) -> float:
    """Mean absolute error on the four rows after training the three-layer network on y_xor."""
    run = train_three_layer(iterations=iterations, seed=seed, alpha=alpha, hidden=hidden)
    return float(np.mean(np.abs(data.y_xor - run.predict(data.X))))


def sweep(
    setting: str, values: Sequence[float], seeds: Iterable[int] = (1, 2, 3), iterations: int = 10000
) -> np.ndarray:
    """Final errors with `setting` ("alpha" or "hidden") at each value: one row per value, one column per seed."""
    if setting not in ("alpha", "hidden"):
        raise ValueError(f"setting must be 'alpha' or 'hidden', not {setting!r}")
    seeds = list(seeds)
    return np.array([[final_error(iterations, seed, **{setting: value}) for seed in seeds] for value in values])
