"""The claims the Part 2 notebooks make, checked independently of the notebooks' own cells."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from support.published import PUBLISHED_ERRORS
from tinynet import ThreeLayerRun, X, nonlin, train_three_layer, train_two_layer, y, y_xor
from tinynet.sweep import final_error, sweep

# a run counts as solved when its mean error is below this: far under the 0.5 of a guess
SOLVED = 0.05


@pytest.fixture(scope="module")
def three() -> ThreeLayerRun:
    """The three-layer network trained as its script trains it."""
    return train_three_layer()


def test_one_layer_answers_one_half_on_the_exclusive_or() -> None:
    """Trained on y_xor, every output is within a rounding error of 1/2 and every weight is rounding noise."""
    run = train_two_layer(X, y_xor)
    # inputs are 0 or 1, so |z| <= sum|w|, and the sigmoid's slope is at most 1/4
    bound = 0.25 * np.abs(run.syn0).sum()
    assert np.abs(run.l1 - 0.5).max() <= bound
    # rounding noise: a few thousand times the spacing of doubles near 1
    assert np.abs(run.syn0).sum() < 1e-12


def test_zero_weights_are_where_the_update_stops() -> None:
    """Each column of X meets as many answers 1 as answers 0, so the update at zero weights is exactly zero."""
    assert np.array_equal(np.dot(X.T, y_xor - 0.5), np.zeros((3, 1)))
    assert not np.array_equal(np.dot(X.T, y - 0.5), np.zeros((3, 1)))


def test_no_weight_vector_gets_all_four_rows() -> None:
    """Of many random weight vectors, the best puts three rows of the exclusive or on the right side, never four."""
    candidates = np.random.default_rng(5).uniform(-10, 10, size=(3, 50_000))
    right = ((np.dot(X, candidates) > 0) == (y_xor == 1)).sum(axis=0)
    assert right.max() == 3
    part1 = ((np.dot(X, candidates) > 0) == (y == 1)).sum(axis=0)
    assert part1.max() == 4


def test_correlations_of_the_input_columns() -> None:
    """The first column matches Part 1's answers exactly; neither input column correlates with Part 2's."""
    assert np.corrcoef(X[:, 0], y.ravel())[0, 1] == pytest.approx(1)
    for k in range(2):
        assert np.corrcoef(X[:, k], y_xor.ravel())[0, 1] == pytest.approx(0, abs=1e-15)


def test_error_log_matches_the_published_numbers(three: ThreeLayerRun) -> None:
    """The six logged errors equal the published ones to 12 significant digits."""
    assert [f"{error:.12g}" for _, error in three.error_log] == PUBLISHED_ERRORS


def test_hidden_layer_makes_the_rows_separable(three: ThreeLayerRun) -> None:
    """Trained hidden values put every row on the right side of the last layer and let one layer learn y_xor."""
    l1 = nonlin(np.dot(X, three.syn0))
    assert np.array_equal(np.dot(l1, three.syn1) > 0, y_xor == 1)
    start = train_three_layer(iterations=0)
    assert not np.array_equal(np.dot(nonlin(np.dot(X, start.syn0)), start.syn1) > 0, y_xor == 1)
    single = train_two_layer(l1, y_xor)
    assert np.abs(single.l1 - y_xor).max() < SOLVED


def test_alpha_one_is_the_script_and_other_alphas_differ() -> None:
    """alpha=1.0 changes no bit (multiplying by one is exact); another alpha changes the weights."""
    values = np.random.default_rng(0).normal(size=1000) * np.logspace(-300, 300, 1000)
    assert np.array_equal(1.0 * values, values)
    plain = train_three_layer(iterations=500)
    assert np.array_equal(train_three_layer(iterations=500, alpha=1.0).syn0, plain.syn0)
    assert not np.array_equal(train_three_layer(iterations=500, alpha=0.5).syn0, plain.syn0)
    assert np.array_equal(train_two_layer(alpha=1.0).syn0, train_two_layer().syn0)


def test_sweep_returns_finite_errors() -> None:
    """One row per value, one column per seed, every entry a finite error between 0 and 1."""
    errors = sweep("alpha", [0.5, 1, 2], seeds=(1, 2), iterations=300)
    assert errors.shape == (3, 2)
    assert np.all(np.isfinite(errors)) and np.all((errors >= 0) & (errors <= 1))
    with pytest.raises(ValueError):
        sweep("seed", [1], iterations=10)


def test_final_error_is_what_the_script_prints() -> None:
    """After 10,000 iterations the script's settings reach the error its log prints at that iteration."""
    assert f"{final_error(10000, seed=1):.12g}" == PUBLISHED_ERRORS[1]


def test_what_next_claims() -> None:
    """One hidden unit never solves it; two or three mostly stall; too large an alpha kills a row's hidden units."""
    assert sweep("hidden", [1], iterations=10000).min() > SOLVED
    assert (sweep("hidden", [2, 3], iterations=10000) < SOLVED).sum() < 3
    wild = train_three_layer(iterations=10000, alpha=100)
    dead = np.all(nonlin(np.dot(X, wild.syn0)) < 1e-3, axis=1)
    assert dead.any()
    assert np.allclose(wild.predict(X)[dead], 0.5, atol=1e-3)


@pytest.mark.parametrize(
    "page, computed",
    [
        ("one-layer-is-not-enough", "most rows right by any of them: 3 of 4"),
        ("three-layer-training", "Error:"),
        ("gradient-check", "all below 1e-07 : True"),
        ("what-next", "alphas with a run stuck above 0.1: [100]"),
    ],
)
def test_notebook_pages_show_their_output(built_site: Path, page: str, computed: str) -> None:
    """Each Part 2 notebook page was executed at build time: it shows a computed line and at least one plot."""
    html = (built_site / "part-2" / page / "index.html").read_text(encoding="utf-8")
    assert computed in html
    tags = re.findall(r'<img [^>]*\bsrc="plot-[0-9a-f]{16}\.png"[^>]*>', html)
    images = [re.search(r'\bsrc="([^"]+)"', tag)[1] for tag in tags]  # type: ignore[index]
    assert images and len(images) == 2 * html.count('<div class="plots">'), "each plot links its two images"
    assert all('loading="lazy"' in tag for tag in tags), "a plot's images load when the reader nears them"
    assert all((built_site / "part-2" / page / image).is_file() for image in images)
    assert "data:image" not in html, "no image inlined in the page"
    assert "Traceback" not in html


def test_three_layer_training_page_prints_the_published_first_error(built_site: Path) -> None:
    """The notebook's first logged error is the post's, to its 12 published digits (not the API's own number)."""
    html = (built_site / "part-2" / "three-layer-training" / "index.html").read_text(encoding="utf-8")
    printed = re.findall(r"Error:(\d\.\d+)", html)
    assert printed, "no error printed on the page"
    assert f"{float(printed[0]):.12g}" == PUBLISHED_ERRORS[0]
