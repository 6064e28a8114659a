"""tinynet.plotting draws each figure once per colour scheme, in the scheme's own colours, with labelled axes."""

from __future__ import annotations

import base64
import io
import re

import numpy as np
from matplotlib.figure import Figure
from PIL import Image

from tinynet.plotting import DARK, DENSITY, DPI, LIGHT, SIZE, Ink, log_iterations, plot, png


def a_line(figure: Figure, ink: Ink) -> None:
    """A labelled line over a log iteration axis: the kind of drawing the notebooks make."""
    axes = log_iterations(figure.add_subplot(), 10_000, "error")
    axes.plot([0, 10, 100, 10_000], [0.5, 0.3, 0.1, 0.01], color=ink.blue)


def rgb(colour: str) -> tuple[int, int, int]:
    """A #rrggbb colour as integers."""
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def test_each_scheme_is_drawn_on_its_own_background() -> None:
    """The light PNG's corner is the light page colour, the dark one's the dark page colour; the sizes follow SIZE."""
    for ink in (LIGHT, DARK):
        image = Image.open(io.BytesIO(png(a_line, ink))).convert("RGB")
        assert image.size == (round(SIZE[0] * DPI * DENSITY), round(SIZE[1] * DPI * DENSITY))
        assert image.getpixel((1, 1)) == rgb(ink.background), ink.scheme
        colours = {colour for _, colour in image.getcolors(1 << 16)}  # type: ignore[union-attr]
        assert rgb(ink.text) in colours or len(colours) > 8, "no text or line drawn"


def test_the_pngs_carry_no_version_or_date() -> None:
    """What matplotlib would stamp (its version, a date) is not in the image."""
    data = png(a_line, LIGHT)
    assert b"Matplotlib" not in data and b"tIME" not in data and b"tEXt" not in data


def test_a_plot_shows_the_light_image_and_hides_the_dark_one() -> None:
    """The HTML holds both renderings with the alt text; only the dark one is hidden until the site shows it."""
    shown = plot(a_line, alt='error "falling"')._repr_html_()
    images = re.findall(r"<img [^>]*>", shown)
    assert len(images) == 2
    light, dark = images
    assert 'class="plot plot--light"' in light and "display:none" not in light
    assert 'class="plot plot--dark"' in dark and "display:none" in dark
    assert all('alt="error &quot;falling&quot;"' in image for image in images)
    # shown DPI CSS px an inch, drawn DENSITY times finer
    assert all(f'width="{round(SIZE[0] * DPI)}" height="{round(SIZE[1] * DPI)}"' in image for image in images)
    sources = [base64.b64decode(re.search(r"base64,([^\"]+)", image)[1]) for image in images]  # type: ignore[index]
    assert sources[0] != sources[1]


def test_the_iteration_axis_is_logarithmic_and_labelled() -> None:
    """log_iterations keeps iteration 0 on the axis, labels both axes and spreads the decades evenly."""
    axes = log_iterations(Figure().add_subplot(), 10_000, "error", title="t")
    assert axes.get_xscale() == "symlog" and axes.get_xlim() == (0, 10_000)
    assert axes.get_xlabel() == "iteration (log scale)" and axes.get_ylabel() == "error" and axes.get_title() == "t"
    at = axes.transData.transform([(10, 0), (100, 0), (1000, 0)])[:, 0]
    assert np.isclose(at[1] - at[0], at[2] - at[1])


def test_the_smallest_text_is_measured_in_css_pixels() -> None:
    """A plot records its smallest text: 7 points are 7 / 72 inch, DPI px an inch; text off the figure is left out."""

    def noted(figure: Figure, ink: Ink) -> None:
        a_line(figure, ink)
        figure.text(0.5, 0.5, "small", fontsize=7)
        figure.text(3.0, 3.0, "off the figure", fontsize=2)

    assert plot(a_line, alt="a").text == 12 * DPI / 72  # the style's size, labels and ticks alike
    assert plot(noted, alt="a").text == 7 * DPI / 72
    assert 'data-text-px="9.7"' in plot(noted, alt="a")._repr_html_()
