"""The teaching claims that are not single numbers: symmetry of equal starts, the broadcasting trap, line 43's sums."""

from __future__ import annotations

import numpy as np

from support.by_hand import Y_FIRST_COLUMN, Y_XOR, X, sigmoid


def three_layer_from(syn0: np.ndarray, syn1: np.ndarray, iterations: int) -> tuple[np.ndarray, ...]:
    """The 50-line script's loop from given starting weights: the final weights, l1 and l2."""
    syn0, syn1 = syn0.astype(float), syn1.astype(float)
    for _ in range(iterations):
        l1 = sigmoid(np.dot(X, syn0))
        l2 = sigmoid(np.dot(l1, syn1))
        l2_delta = (Y_XOR - l2) * l2 * (1 - l2)
        l1_delta = l2_delta.dot(syn1.T) * l1 * (1 - l1)
        syn1 += l1.T.dot(l2_delta)
        syn0 += X.T.dot(l1_delta)
    return syn0, syn1, l1, l2


def test_zero_weights_never_move() -> None:
    """From zero weights the hidden units are identical, every output is 0.5 and no weight ever moves."""
    syn0, syn1, l1, l2 = three_layer_from(np.zeros((3, 4)), np.zeros((4, 1)), 60000)
    assert np.array_equal(l1, np.full((4, 4), 0.5)) and np.array_equal(l2, np.full((4, 1), 0.5))
    assert not syn0.any() and not syn1.any()


def test_equal_units_stay_equal_and_miss_the_exclusive_or() -> None:
    """Hidden units that start with the same weights stay copies of each other and do not learn the exclusive or."""
    state = np.random.RandomState(1)
    first0 = 2 * state.random_sample((3, 4)) - 1
    first1 = 2 * state.random_sample((4, 1)) - 1
    syn0, syn1, l1, l2 = three_layer_from(np.repeat(first0[:, :1], 4, 1), np.repeat(first1[:1], 4, 0), 60000)
    assert np.ptp(syn0, axis=1).max() == 0 and np.ptp(syn1) == 0 and np.ptp(l1, axis=1).max() == 0
    assert not np.array_equal(np.round(l2), Y_XOR)
    assert np.abs(Y_XOR - l2).max() > 0.4


def test_a_flat_target_broadcasts_to_a_table() -> None:
    """y without .T has shape (4,), and y - l1 is then 4 x 4 without any error; with .T it is a column."""
    y_flat = Y_FIRST_COLUMN.ravel()
    l1 = sigmoid(np.dot(X, 2 * np.random.RandomState(1).random_sample((3, 1)) - 1))
    assert y_flat.shape == (4,) and (Y_FIRST_COLUMN - l1).shape == (4, 1)
    table = y_flat - l1
    assert table.shape == (4, 4)
    assert np.array_equal(table[:, 2], (Y_FIRST_COLUMN[2] - l1).ravel()), "every guess taken from every target"
    assert np.dot(X.T, table * l1 * (1 - l1)).shape == (3, 4)


def test_line_43_entries_are_products_and_do_not_add_up_to_the_delta() -> None:
    """l2_delta.dot(syn1.T) is the outer product; no row of it sums to that row's l2_delta."""
    state = np.random.RandomState(1)
    syn0, syn1 = 2 * state.random_sample((3, 4)) - 1, 2 * state.random_sample((4, 1)) - 1
    l1 = sigmoid(np.dot(X, syn0))
    l2 = sigmoid(np.dot(l1, syn1))
    l2_delta = (Y_XOR - l2) * l2 * (1 - l2)
    l1_error = l2_delta.dot(syn1.T)
    assert np.array_equal(l1_error, l2_delta * syn1.T)
    assert all(abs(l1_error[i].sum() - l2_delta[i, 0]) > 0.01 for i in range(4))
    # each entry is minus the slope of the row's error in that hidden value, measured on the network
    h = 1e-6
    for i in range(4):
        for j in range(4):
            up, down = l1[i].copy(), l1[i].copy()
            up[j] += h
            down[j] -= h
            e_up, e_down = (0.5 * (Y_XOR[i, 0] - sigmoid(np.dot(v, syn1))[0]) ** 2 for v in (up, down))
            assert abs(-(e_up - e_down) / (2 * h) - l1_error[i, j]) < 1e-8
