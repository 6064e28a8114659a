"""Plots for the notebooks: one style, each figure drawn once for the light and once for the dark colour scheme."""

from __future__ import annotations

import base64
import io
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from matplotlib import cycler, rc_context
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import LinearSegmentedColormap, to_rgb
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter
from PIL import Image

from tinynet.plot_html import PLOT_MIME, images_html

# A figure is shown DPI CSS pixels per inch, at most its own width (SIZE[0] * DPI = 520 px): it fits the text
# column of a desktop unscaled, and a 390 px phone's column (358 px) shrinks it to 0.69, where 12 points of text
# (16.7 px) are still 11.5 px. Its pixels are drawn DENSITY times finer, for screens with more pixels than CSS px
# (a phone has about 3 a CSS px); finer still would double the weight of the pages with the most plots.
DPI = 100
DENSITY = 1.5
SIZE = (5.2, 3.4)


@dataclass(frozen=True)
class Ink:
    """The colours of one scheme: the page's background and text, faint lines, and the data's hues."""

    scheme: str
    background: str
    text: str
    faint: str
    # blue, orange, green, red, purple: the same hues in both schemes, lighter on the dark background
    hues: tuple[str, ...]

    @property
    def blue(self) -> str:
        """The first hue."""
        return self.hues[0]

    @property
    def orange(self) -> str:
        """The second hue."""
        return self.hues[1]

    @property
    def red(self) -> str:
        """The fourth hue."""
        return self.hues[3]

    def shades(self) -> LinearSegmentedColormap:
        """A colour map from the background (0) to a shade between it and the text (1): stronger is nearer 1."""
        ground, ink = np.array(to_rgb(self.background)), np.array(to_rgb(self.text))
        return LinearSegmentedColormap.from_list(f"shades-{self.scheme}", [ground, ground + 0.6 * (ink - ground)])


# Material's page colours: white, and the slate scheme's hsl(232, 15%, 14%)
LIGHT = Ink("light", "#ffffff", "#1a1a1a", "#d4d4d4", ("#1f77b4", "#e66a00", "#2a9d2a", "#d62728", "#9467bd"))
DARK = Ink("dark", "#1e2029", "#dcdee5", "#474b58", ("#5ba8f0", "#ff9d45", "#5fcf5f", "#ff6b6b", "#c09be8"))
SCHEMES = (LIGHT, DARK)


def style(ink: Ink) -> dict[str, object]:
    """Matplotlib settings for one scheme: the same sizes and lines in both, the scheme's colours."""
    return {
        "font.size": 12,
        "axes.titlesize": 13,
        "axes.labelsize": 12,
        "xtick.labelsize": 12,
        "ytick.labelsize": 12,
        "legend.fontsize": 12,
        "figure.titlesize": 13,
        "lines.linewidth": 2.2,
        "axes.grid": True,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "figure.facecolor": ink.background,
        "axes.facecolor": ink.background,
        "savefig.facecolor": ink.background,
        "text.color": ink.text,
        "axes.labelcolor": ink.text,
        "axes.titlecolor": ink.text,
        "axes.edgecolor": ink.text,
        "xtick.color": ink.text,
        "ytick.color": ink.text,
        "grid.color": ink.faint,
        "legend.facecolor": ink.background,
        "legend.edgecolor": ink.faint,
        "legend.framealpha": 0.9,
        "patch.edgecolor": ink.text,
        "axes.prop_cycle": cycler(color=list(ink.hues)),
    }


def labelled(axes: Axes, xlabel: str, ylabel: str, title: str = "") -> Axes:
    """The axes with both labels (and a title if given)."""
    axes.set_xlabel(xlabel)
    axes.set_ylabel(ylabel)
    if title:
        axes.set_title(title)
    return axes


def log_iterations(axes: Axes, count: int, ylabel: str, title: str = "") -> Axes:
    """Labelled axes for `count` iterations on a log scale (linear up to 1, so that iteration 0 has a place)."""
    axes.set_xscale("symlog", linthresh=1, linscale=0.25)
    axes.set_xlim(0, count)
    axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:,.0f}"))
    return labelled(axes, "iteration (log scale)", ylabel, title)


def smallest_text(figure: Figure) -> float:
    """The height in CSS px (at DPI) of the smallest text the drawn figure shows; 0 when it shows none."""
    whole = figure.bbox
    sizes = [
        text.get_fontsize() * DPI / 72
        for text in figure.findobj(Text)
        if text.get_visible() and text.get_text().strip() and text.get_window_extent().overlaps(whole)
    ]
    return min(sizes, default=0.0)


def render(draw: Callable[[Figure, Ink], object], ink: Ink, size: tuple[float, float] = SIZE) -> tuple[bytes, float]:
    """The figure that `draw(figure, ink)` fills, as a PNG in the scheme's colours, and its smallest text in CSS px."""
    with rc_context(style(ink)):
        figure = Figure(figsize=size, dpi=DPI * DENSITY, layout="constrained")
        draw(figure, ink)
        canvas = FigureCanvasAgg(figure)
        canvas.draw()  # the pixels savefig would write, without encoding them as a PNG only to decode it here
        pixels = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba()).convert("RGB")
        text = smallest_text(figure)
    # a palette of 256 colours is plenty for flat lines and text, and halves the bytes
    small = io.BytesIO()
    pixels.quantize(256, dither=Image.Dither.NONE).save(small, format="png", optimize=True)
    return small.getvalue(), text


def png(draw: Callable[[Figure, Ink], object], ink: Ink, size: tuple[float, float] = SIZE) -> bytes:
    """The figure that `draw(figure, ink)` fills, as a PNG in the scheme's colours, with no version or date."""
    return render(draw, ink, size)[0]


@dataclass(frozen=True)
class Plot:
    """One figure in both schemes; Jupyter shows it as HTML, the light one unless the site's dark scheme is on."""

    light: bytes
    dark: bytes
    alt: str
    # the smallest text of the figure, in CSS px at its own width (the page's tests scale it to the shown width)
    text: float = 0.0
    # its size in inches: DPI CSS px an inch
    size: tuple[float, float] = SIZE

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict[str, dict[str, str | int]]:
        """Both PNGs (base64) with their size in CSS px, alt text and smallest text, for a page to link as files."""
        width, height = (round(side * DPI) for side in self.size)
        light, dark = (base64.b64encode(data).decode() for data in (self.light, self.dark))
        text = f"{self.text:.1f}"
        return {
            PLOT_MIME: {"alt": self.alt, "width": width, "height": height, "text": text, "light": light, "dark": dark}
        }

    def _repr_html_(self) -> str:
        """Both images inline, for Jupyter (see `images_html`)."""
        return images_html(self._repr_mimebundle_()[PLOT_MIME], lambda png: f"data:image/png;base64,{png}")


def plot(draw: Callable[[Figure, Ink], object], alt: str, size: tuple[float, float] = SIZE) -> Plot:
    """Draw the figure once per scheme with `draw(figure, ink)`; `alt` describes it to readers who cannot see it."""
    (light, light_text), (dark, dark_text) = render(draw, LIGHT, size), render(draw, DARK, size)
    return Plot(light, dark, alt, min(light_text, dark_text), size)


def draw(drawing: Callable[[Figure, Ink], object], alt: str, size: tuple[float, float] = SIZE) -> None:
    """Draw the figure in both schemes (see `plot`) and show it below the cell."""
    from IPython.display import display

    display(plot(drawing, alt, size))
