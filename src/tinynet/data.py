"""The datasets of the post and of the notes ("A modern neural network in 11 lines of Python"), as arrays."""

import numpy as np


def _frozen(rows: list[list[int]]) -> np.ndarray:
    """Return rows as an integer array that cannot be changed by accident."""
    array = np.array(rows)
    array.setflags(write=False)
    return array


# the four training rows shared by both networks (two_layer.py lines 10-13)
X = _frozen([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]])

# Part 1 targets: the first column (two_layer.py line 16)
y = _frozen([[0], [0], [1], [1]])

# Part 2 targets: exclusive or of the first two columns (three_layer.py lines 14-17)
y_xor = _frozen([[0], [1], [1], [0]])

# the notes' new rows, tried on the trained two-layer network
X1 = _frozen([[0, 1, 1], [1, 1, 0], [1, 0, 1], [1, 1, 1]])
