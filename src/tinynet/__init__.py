"""The network of Trask's "A Neural Network in 11 lines of Python", as an importable API.

The scripts `two_layer.py`, `three_layer.py` and `eleven_lines.py` beside this
file are the canonical teaching code; `network.py` trains the same networks with
the same operations in the same order, so its results are bit-identical.
"""

from tinynet.data import X1, X, y, y_xor
from tinynet.network import (
    Snapshot,
    ThreeLayerRun,
    TwoLayerRun,
    initial_weights,
    nonlin,
    predict,
    train_three_layer,
    train_two_layer,
)

__all__ = [
    "X1",
    "Snapshot",
    "ThreeLayerRun",
    "TwoLayerRun",
    "X",
    "initial_weights",
    "nonlin",
    "predict",
    "train_three_layer",
    "train_two_layer",
    "y",
    "y_xor",
]
