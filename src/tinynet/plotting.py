"""Plots for the notebooks: drawn on white with labelled axes, legible in both colour schemes."""

from __future__ import annotations

import matplotlib.pyplot as plt

# the site inverts plots in its dark scheme: white turns dark, and these colours stay apart
STYLE = {
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "font.size": 12,
    "axes.titlesize": 13,
    "axes.labelsize": 12,
    "legend.fontsize": 11,
    "lines.linewidth": 2.2,
    "axes.grid": True,
    "grid.color": "#d0d0d0",
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def new_plot(xlabel: str, ylabel: str, title: str = "", size: tuple[float, float] = (7.0, 4.0)):
    """A figure with one pair of axes in the site's style (set for the session): returns (figure, axes)."""
    plt.rcParams.update(STYLE)
    figure, axes = plt.subplots(figsize=size, layout="constrained")
    axes.set_xlabel(xlabel)
    axes.set_ylabel(ylabel)
    if title:
        axes.set_title(title)
    return figure, axes
