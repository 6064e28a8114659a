"""The sweep's defaults and arguments reach the training: checked against the published error log."""

from __future__ import annotations

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
