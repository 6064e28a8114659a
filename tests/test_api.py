"""The importable API trains exactly as the scripts do, bit for bit."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import tinynet
from support import by_hand
from support.published import PUBLISHED_ERRORS, PUBLISHED_X1
from support.scripts import script_globals, script_run
from tinynet import X1, X, nonlin, predict, train_three_layer, train_two_layer, y, y_xor
from tinynet.network import initial_weights

SRC = Path(__file__).resolve().parent.parent / "src" / "tinynet"


@pytest.fixture(scope="module")
def two_layer_script() -> dict:
    return script_globals("two_layer.py")


@pytest.fixture(scope="module")
def three_layer_script() -> dict:
    return script_globals("three_layer.py")


def test_two_layer_is_bit_identical(two_layer_script: dict) -> None:
    """syn0, l1, l1_error and l1_delta after training equal the script's to the last bit."""
    run = train_two_layer(record=[9999])
    assert np.array_equal(run.syn0, two_layer_script["syn0"])
    assert np.array_equal(run.l1, two_layer_script["l1"])
    last = run.snapshots[9999]
    for name in ("l1_error", "l1_delta", "l0"):
        assert np.array_equal(last.values[name], two_layer_script[name]), name
    assert np.array_equal(last.syn0_after, two_layer_script["syn0"])


@pytest.fixture(scope="module")
def three_layer_api() -> tinynet.network.ThreeLayerRun:
    """The API's default three-layer run, its last iteration recorded: trained once for the module."""
    return train_three_layer(record=[59999])


def test_three_layer_is_bit_identical(three_layer_script: dict, three_layer_api: tinynet.network.ThreeLayerRun) -> None:
    """Both weight matrices and every variable of the last iteration equal the script's."""
    run = three_layer_api
    assert np.array_equal(run.syn0, three_layer_script["syn0"])
    assert np.array_equal(run.syn1, three_layer_script["syn1"])
    last = run.snapshots[59999]
    for name in ("l1", "l2", "l2_error", "l2_delta", "l1_error", "l1_delta"):
        assert np.array_equal(last.values[name], three_layer_script[name]), name


def test_three_layer_error_log_is_what_the_script_prints(three_layer_api: tinynet.network.ThreeLayerRun) -> None:
    """The error log holds the numbers the script prints, at iterations 0, 10000, ... 50000."""
    printed, _ = script_run("three_layer.py")
    run = three_layer_api
    assert [j for j, _ in run.error_log] == list(range(0, 60000, 10000))
    assert [f"Error:{e}" for _, e in run.error_log] == printed.splitlines()


def test_recording_does_not_change_the_result() -> None:
    """Recording snapshots and tracking the error leave the weights untouched, and keep only what was asked."""
    plain = train_two_layer()
    watched = train_two_layer(record=[0, 1, 2, 3, 9998, 9999], track_error=True)
    assert np.array_equal(plain.syn0, watched.syn0)
    assert sorted(watched.snapshots) == [0, 1, 2, 3, 9998, 9999]
    assert watched.errors is not None and watched.errors.shape == (10000,)
    assert plain.snapshots == {} and plain.errors is None


def test_snapshots_are_copies_taken_at_their_iteration() -> None:
    """A snapshot keeps the weights of its own iteration, not the final ones."""
    run = train_two_layer(record=[0, 1])
    first, second = run.snapshots[0], run.snapshots[1]
    assert np.array_equal(first.syn0_after, second.syn0)
    assert not np.array_equal(first.syn0, second.syn0)
    assert np.array_equal(first.l1, nonlin(np.dot(X, first.syn0)))
    assert np.allclose(first.syn0_after - first.syn0, np.dot(X.T, first.l1_delta), rtol=0, atol=1e-15)


def test_other_seeds_and_counts_match_the_script_algorithm() -> None:
    """With another seed and count, the API still equals an inline copy of the script's loop."""
    np.random.seed(7)
    syn0 = 2 * np.random.random((3, 1)) - 1
    for _ in range(250):
        l1 = nonlin(np.dot(X, syn0))
        syn0 += np.dot(X.T, (y - l1) * nonlin(l1, True))
    assert np.array_equal(train_two_layer(iterations=250, seed=7).syn0, syn0)


def test_predict_new_rows() -> None:
    """predict() on the trained weights gives the notes' X1 prediction."""
    run = train_two_layer()
    assert np.array_equal(run.predict(X1), predict(X1, run.syn0))
    assert np.allclose(run.predict(X1).ravel(), [float(v) for v in PUBLISHED_X1], atol=5e-9)
    three = train_three_layer(iterations=2000)
    forward = nonlin(np.dot(nonlin(np.dot(X, three.syn0)), three.syn1))
    assert np.array_equal(three.predict(X), forward)


def test_datasets_are_read_only() -> None:
    """The shared datasets cannot be changed by a page that experiments with them."""
    for array in (X, y, y_xor, X1):
        with pytest.raises(ValueError):
            array[0, 0] = 5


def test_nonlin_and_its_slope() -> None:
    """nonlin is the sigmoid; with deriv=True it takes the sigmoid's output and gives its slope."""
    assert nonlin(0.0) == 0.5
    s = nonlin(np.array([-2.0, 0.0, 2.0]))
    assert np.allclose(nonlin(s, deriv=True), np.exp(-np.array([-2.0, 0.0, 2.0])) * s**2)


def test_bad_training_input_is_refused() -> None:
    """A negative count or mismatched data raises ValueError rather than training nonsense."""
    with pytest.raises(ValueError):
        train_two_layer(iterations=-1)
    with pytest.raises(ValueError):
        train_two_layer(X=X, y=y[:3])


def test_public_names() -> None:
    """The package exports what the pages and notebooks import."""
    assert set(tinynet.__all__) >= {"nonlin", "train_two_layer", "train_three_layer", "predict", "X", "y", "X1"}


def test_frozen_copies_rows_into_a_read_only_array() -> None:
    """_frozen, which makes the datasets, returns the rows as an integer array that refuses writes."""
    from tinynet.data import _frozen

    array = _frozen([[1, 0], [0, 1]])
    assert array.tolist() == [[1, 0], [0, 1]] and array.dtype.kind == "i"
    assert array.flags.writeable is False


def test_a_missing_snapshot_variable_is_named() -> None:
    """Asking a snapshot for a variable it does not hold raises AttributeError naming it."""
    snapshot = train_two_layer(iterations=1, record=[0]).snapshots[0]
    with pytest.raises(AttributeError, match=r"^l2$"):
        _ = snapshot.l2


def sigmoid(x: np.ndarray) -> np.ndarray:
    """The logistic function, written out for the plain-numpy yardsticks below."""
    return 1 / (1 + np.exp(-x))


@pytest.mark.parametrize("alpha", [0.5, 2.0])
def test_alpha_scales_every_update(alpha: float) -> None:
    """With a learning rate other than 1, each update is alpha times the script's, in both networks."""
    state = np.random.RandomState(1)
    syn0 = 2 * state.random_sample((3, 1)) - 1
    for _ in range(100):
        l1 = sigmoid(np.dot(X, syn0))
        syn0 += alpha * np.dot(X.T, (y - l1) * (l1 * (1 - l1)))
    assert np.array_equal(train_two_layer(iterations=100, alpha=alpha).syn0, syn0)
    state = np.random.RandomState(1)
    w0, w1 = 2 * state.random_sample((3, 4)) - 1, 2 * state.random_sample((4, 1)) - 1
    for _ in range(100):
        l1 = sigmoid(np.dot(X, w0))
        l2 = sigmoid(np.dot(l1, w1))
        l2_delta = (y_xor - l2) * (l2 * (1 - l2))
        l1_delta = l2_delta.dot(w1.T) * (l1 * (1 - l1))
        w1 += alpha * l1.T.dot(l2_delta)
        w0 += alpha * X.T.dot(l1_delta)
    three = train_three_layer(iterations=100, alpha=alpha)
    assert np.array_equal(three.syn0, w0) and np.array_equal(three.syn1, w1)


def test_tracked_errors_are_the_mean_absolute_error() -> None:
    """track_error keeps every iteration's mean |y - output|: the published log at 0 and 10,000, a plain loop else."""
    syn0 = 2 * np.random.RandomState(1).random_sample((3, 1)) - 1
    expected = []
    for _ in range(3):
        l1 = sigmoid(np.dot(X, syn0))
        expected.append(np.mean(np.abs(y - l1)))
        syn0 += np.dot(X.T, (y - l1) * (l1 * (1 - l1)))
    assert train_two_layer(iterations=3, track_error=True).errors.tolist() == expected
    errors = train_three_layer(iterations=10001, track_error=True).errors
    assert errors.shape == (10001,)
    assert [f"{errors[0]:.12g}", f"{errors[10000]:.12g}"] == PUBLISHED_ERRORS[:2]


def test_runs_record_their_count_and_seed() -> None:
    """Each run keeps the iteration count and the seed it was trained with."""
    two = train_two_layer(iterations=5, seed=3)
    three = train_three_layer(iterations=7, seed=4)
    assert (two.iterations, two.seed, three.iterations, three.seed) == (5, 3, 7, 4)


def test_three_layer_seed_and_untracked_error() -> None:
    """Another seed draws both matrices from that seed; without track_error no error array is kept."""
    state = np.random.RandomState(4)
    syn0, syn1 = 2 * state.random_sample((3, 4)) - 1, 2 * state.random_sample((4, 1)) - 1
    run = train_three_layer(iterations=0, seed=4)
    assert np.array_equal(run.syn0, syn0) and np.array_equal(run.syn1, syn1)
    assert train_three_layer(iterations=3).errors is None


def test_three_layer_snapshot_holds_the_input() -> None:
    """A three-layer snapshot keeps l0, the input rows, beside the layers computed from it."""
    snapshot = train_three_layer(iterations=1, record=[0]).snapshots[0]
    assert np.array_equal(snapshot.l0, [[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]])


@pytest.mark.parametrize("train", [train_two_layer, train_three_layer])
def test_each_bad_input_is_refused_with_its_reason(train) -> None:
    """A negative count names itself; rows that are not a table, or tables of different heights, say what they need."""
    shape = "X must be rows x columns and y one column with a row per row of X"
    with pytest.raises(ValueError, match=r"^iterations must be 0 or more, not -3$"):
        train(iterations=-3)
    for bad_X, bad_y in [(X[:, 0], y), (X, y.ravel()), (X, y[:3]), (X[:3], y)]:
        with pytest.raises(ValueError, match=f"^{shape}$"):
            train(X=bad_X, y=bad_y, iterations=1)
    assert train(iterations=0).iterations == 0


def test_three_layer_snapshots_hold_every_variable_of_their_iteration() -> None:
    """Each recorded iteration keeps the script's eleven variables, equal to the loop written out in plain numpy."""
    run = train_three_layer(iterations=3, record=[0, 2])
    expected = by_hand.three_layer(iterations=3, record=[0, 2])
    assert sorted(run.snapshots) == [0, 2]
    for j in (0, 2):
        snapshot = run.snapshots[j]
        assert snapshot.iteration == j
        assert sorted(snapshot.values) == sorted(expected.snapshots[j])
        for name, value in expected.snapshots[j].items():
            assert np.allclose(snapshot.values[name], value, rtol=1e-12, atol=0), (j, name)
    assert not np.allclose(run.snapshots[0].syn1, run.snapshots[2].syn1, rtol=1e-12, atol=0)


def test_initial_weights_default_to_the_scripts_seed() -> None:
    """Without a seed, the weights are the scripts' own: seed 1, then 2*random - 1 for each shape in turn."""
    state = np.random.RandomState(1)
    expected = [2 * state.random_sample((3, 4)) - 1, 2 * state.random_sample((4, 1)) - 1]
    for drawn, wanted in zip(initial_weights([(3, 4), (4, 1)]), expected, strict=True):
        assert np.array_equal(drawn, wanted)
