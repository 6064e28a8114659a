"""The notebooks' plots: white, labelled, the size asked for."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib.layout_engine import ConstrainedLayoutEngine

from tinynet.plotting import new_plot

WHITE = (1.0, 1.0, 1.0, 1.0)


def test_new_plot_labels_its_axes_on_white() -> None:
    """Axis labels and title as given, white figure and axes, constrained layout, the size asked for."""
    figure, axes = new_plot("iteration", "error", "Training", size=(5.0, 3.0))
    try:
        assert (axes.get_xlabel(), axes.get_ylabel(), axes.get_title()) == ("iteration", "error", "Training")
        assert tuple(figure.get_size_inches()) == (5.0, 3.0)
        assert isinstance(figure.get_layout_engine(), ConstrainedLayoutEngine)
        assert figure.get_facecolor() == WHITE and axes.get_facecolor() == WHITE
        assert plt.rcParams["savefig.facecolor"] == "white" and plt.rcParams["axes.grid"]
        assert not axes.spines["top"].get_visible() and axes.spines["left"].get_visible()
    finally:
        plt.close(figure)


def test_new_plot_defaults() -> None:
    """Without a title none is set; the default size is 7 by 4 inches."""
    figure, axes = new_plot("x", "y")
    try:
        assert axes.get_title() == ""
        assert tuple(figure.get_size_inches()) == (7.0, 4.0)
    finally:
        plt.close(figure)
