"""tinynet.plotting draws each figure once per colour scheme, in the scheme's own colours, with labelled axes."""

from __future__ import annotations

import base64
import colorsys
import io
import json
import re
from html.parser import HTMLParser

import IPython.display
import numpy as np
import pytest
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from PIL import Image

from tinynet.plotting import (
    DARK,
    DENSITY,
    DPI,
    LIGHT,
    PLOT_MIME,
    SCHEMES,
    SIZE,
    Ink,
    Plot,
    draw,
    images_html,
    labelled,
    log_iterations,
    plot,
    png,
)


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


def test_a_plot_gives_the_site_both_images_as_data() -> None:
    """For the site, which links each image as a file, a plot's own output type holds both PNGs and what the page shows.

    Jupyter shows the HTML; the site's notebook template builds its images from this.
    """
    shown = plot(a_line, alt='error "falling"')
    bundle = shown._repr_mimebundle_()
    assert list(bundle) == [PLOT_MIME]
    fields = bundle[PLOT_MIME]
    assert base64.b64decode(fields["light"]) == shown.light and base64.b64decode(fields["dark"]) == shown.dark
    assert fields["alt"] == 'error "falling"'
    assert (fields["width"], fields["height"]) == (round(SIZE[0] * DPI), round(SIZE[1] * DPI))
    assert fields["text"] == f"{shown.text:.1f}" and shown.text > 10
    assert json.loads(json.dumps(fields)) == fields, "it travels as JSON in the notebook"
    # the HTML Jupyter shows carries the same images and sizes
    html = shown._repr_html_()
    assert f"base64,{fields['light']}" in html and f"base64,{fields['dark']}" in html
    assert html.count(f'data-text-px="{fields["text"]}"') == 2
    assert "loading=" not in html
    # the site's pages: the same images at addresses of their own, loaded when the reader nears them
    linked = images_html(fields, lambda png: f"{len(png)}.png", lazy=True)
    assert linked.count('loading="lazy"') == 2 and "base64" not in linked
    assert f'src="{len(fields["light"])}.png"' in linked and f'src="{len(fields["dark"])}.png"' in linked
    assert linked.replace(' loading="lazy" decoding="async"', "") == images_html(fields, lambda png: f"{len(png)}.png")


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


# hue ranges, in degrees, of the colour names the captions may use
HUE_NAMES = {"blue": (190, 250), "orange": (15, 45), "green": (90, 150), "red": (-15, 15), "purple": (255, 300)}


def hue_and_lightness(colour: str) -> tuple[float, float]:
    """A colour's hue in degrees (-15 to 345, so that reds sit around 0) and its lightness (0 to 1)."""
    hue, lightness, _ = colorsys.rgb_to_hls(*to_rgb(colour))
    degrees = hue * 360
    return (degrees - 360 if degrees > 345 else degrees), lightness


def test_the_hues_keep_their_names_in_both_schemes() -> None:
    """ink.blue is blue, ink.orange orange, ink.red red, in both schemes; each hue is lighter on the dark page."""
    assert [ink.scheme for ink in SCHEMES] == ["light", "dark"]
    for ink in SCHEMES:
        named = {"blue": ink.blue, "orange": ink.orange, "red": ink.red}
        for (name, (low, high)), hue in zip(HUE_NAMES.items(), ink.hues, strict=True):
            assert low <= hue_and_lightness(hue)[0] <= high, (ink.scheme, name, hue)
            if name in named:
                assert named[name] == hue, (ink.scheme, name)
    for light, dark in zip(LIGHT.hues, DARK.hues, strict=True):
        assert hue_and_lightness(dark)[1] > hue_and_lightness(light)[1], (light, dark)


@pytest.mark.parametrize("ink", SCHEMES, ids=lambda ink: ink.scheme)
def test_shades_run_from_the_background_towards_the_text(ink: Ink) -> None:
    """0 is the page itself; stronger values move along the line to the text colour, stopping short of it."""
    shades = ink.shades()
    ground, text = np.array(to_rgb(ink.background)), np.array(to_rgb(ink.text))
    assert np.allclose(shades(0.0)[:3], ground, atol=1 / 255)
    steps = [(np.array(shades(value)[:3]) - ground) / (text - ground) for value in (0.25, 0.5, 1.0)]
    for step in steps:
        assert np.allclose(step, step.mean(), atol=0.01), "off the line from the background to the text"
    strengths = [step.mean() for step in steps]
    assert 0 < strengths[0] < strengths[1] < strengths[2] < 1


def styled_axes(ink: Ink) -> tuple[Axes, bytes]:
    """Axes drawn by png() with two unstyled lines, labels, a title and a legend; and the PNG."""
    drawn: list[Axes] = []

    def drawing(figure: Figure, ink: Ink) -> None:
        axes = labelled(figure.add_subplot(), "x", "y", title="title")
        axes.plot([0, 1], [0, 1], label="first")
        axes.plot([0, 1], [1, 0], label="second")
        axes.legend()
        drawn.append(axes)

    data = png(drawing, ink)
    return drawn[0], data


@pytest.mark.parametrize("ink", SCHEMES, ids=lambda ink: ink.scheme)
def test_the_style_shows_the_schemes_colours_and_a_grid_without_a_box(ink: Ink) -> None:
    """Text and axes in the text colour, the grid faint, no top or right edge, lines in the hues' order, a legend."""
    axes, _ = styled_axes(ink)
    assert all(to_rgb(label.get_color()) == to_rgb(ink.text) for label in (axes.xaxis.label, axes.yaxis.label))
    assert to_rgb(axes.title.get_color()) == to_rgb(ink.text)
    assert all(to_rgb(tick.get_color()) == to_rgb(ink.text) for tick in axes.get_xticklabels())
    assert to_rgb(axes.spines["left"].get_edgecolor()) == to_rgb(ink.text)
    assert not axes.spines["top"].get_visible() and not axes.spines["right"].get_visible()
    assert axes.spines["left"].get_visible() and axes.spines["bottom"].get_visible()
    grid = axes.xaxis.get_gridlines() + axes.yaxis.get_gridlines()
    assert grid and all(line.get_visible() for line in grid)
    assert all(to_rgb(line.get_color()) == to_rgb(ink.faint) for line in grid)
    assert [to_rgb(line.get_color()) for line in axes.get_lines()] == [to_rgb(ink.blue), to_rgb(ink.orange)]
    legend = axes.get_legend()
    assert [text.get_text() for text in legend.get_texts()] == ["first", "second"]
    assert to_rgb(legend.get_frame().get_facecolor()) == to_rgb(ink.background)
    assert to_rgb(legend.get_frame().get_edgecolor()) == to_rgb(ink.faint)
    assert 0.5 < legend.get_frame().get_alpha() < 1, "the legend should hide most of what is behind it, not all"


def test_the_style_sizes_text_by_its_role() -> None:
    """The title is the largest text; axis labels, tick labels and the legend share one size."""
    axes, _ = styled_axes(LIGHT)
    title = axes.title.get_fontsize()
    label = axes.xaxis.label.get_fontsize()
    tick = axes.get_xticklabels()[0].get_fontsize()
    legend = axes.get_legend().get_texts()[0].get_fontsize()
    assert title > label == tick == legend
    assert min(line.get_linewidth() for line in axes.get_lines()) > 2 * axes.spines["left"].get_linewidth()


def test_labelled_sets_a_title_only_when_given_one() -> None:
    """Without a title the axes have none; with one, they show it."""
    assert labelled(Figure().add_subplot(), "x", "y").get_title() == ""
    assert labelled(Figure().add_subplot(), "x", "y", "t").get_title() == "t"


def test_the_iteration_axis_groups_thousands_and_gives_iteration_0_less_room_than_a_decade() -> None:
    """Tick labels read 1,000 and 10,000; 0 to 1 is narrower than 1 to 10, and 1 to 10 as wide as 10 to 100."""
    axes = log_iterations(Figure().add_subplot(), 10_000, "error")
    formatter = axes.xaxis.get_major_formatter()
    assert [formatter(value, 0) for value in (0, 10, 1000, 10_000)] == ["0", "10", "1,000", "10,000"]
    at = axes.transData.transform([(0, 0), (1, 0), (10, 0), (100, 0)])[:, 0]
    assert 0 < at[1] - at[0] < at[2] - at[1]
    assert np.isclose(at[2] - at[1], at[3] - at[2])


def test_the_html_gives_each_image_its_own_size() -> None:
    """Each img tag is DPI CSS px an inch of the figure, its PNG DENSITY times finer, so the page keeps its place."""
    figure = plot(a_line, alt="a line", size=(3.0, 2.0))
    for data, image in zip((figure.light, figure.dark), re.findall(r"<img [^>]*>", figure._repr_html_()), strict=True):
        assert Image.open(io.BytesIO(data)).size == (round(3.0 * DPI * DENSITY), round(2.0 * DPI * DENSITY))
        assert f'width="{round(3.0 * DPI)}" height="{round(2.0 * DPI)}"' in image


def test_draw_shows_both_schemes_below_the_cell(monkeypatch: pytest.MonkeyPatch) -> None:
    """draw() hands Jupyter one Plot: the light and the dark image of the same drawing, its alt text, its size."""
    shown: list[object] = []
    monkeypatch.setattr(IPython.display, "display", shown.append)
    draw(a_line, alt="a line", size=(3.0, 2.0))
    assert len(shown) == 1 and isinstance(shown[0], Plot)
    figure = shown[0]
    assert figure.alt == "a line"
    for data, ink in ((figure.light, LIGHT), (figure.dark, DARK)):
        image = Image.open(io.BytesIO(data)).convert("RGB")
        assert image.size == (round(3.0 * DPI * DENSITY), round(2.0 * DPI * DENSITY))
        assert image.getpixel((1, 1)) == rgb(ink.background)


def test_the_drawing_fills_the_figure_and_nothing_is_cut_off() -> None:
    """Labels, ticks and title all lie inside the image, and reach within a few percent of each of its edges."""
    drawn: list[Figure] = []

    def drawing(figure: Figure, ink: Ink) -> None:
        axes = labelled(figure.add_subplot(), "x label", "y label", title="title")
        axes.plot([0, 1], [0, 1000], color=ink.blue)
        drawn.append(figure)

    png(drawing, LIGHT)
    figure = drawn[0]
    box, page = figure.get_tightbbox(), figure.bbox_inches
    assert page.x0 <= box.x0 and box.x1 <= page.x1 and page.y0 <= box.y0 and box.y1 <= page.y1, (box, page)
    margins = np.array([box.x0 - page.x0, page.x1 - box.x1, box.y0 - page.y0, page.y1 - box.y1])
    assert np.all(margins < 0.05 * np.array([page.width, page.width, page.height, page.height])), margins


def test_png_draws_at_the_module_resolution(monkeypatch: pytest.MonkeyPatch) -> None:
    """The image has DPI * DENSITY pixels per inch of the figure's size, whatever DPI is set to."""
    from tinynet import plotting

    monkeypatch.setattr(plotting, "DPI", 50)
    width, height = Image.open(io.BytesIO(png(a_line, LIGHT, size=(4.0, 2.0)))).size
    assert (width, height) == (round(4.0 * 50 * DENSITY), round(2.0 * 50 * DENSITY))


def test_log_iterations_keeps_iteration_0_at_the_edge_after_plotting() -> None:
    """Axes that already show data still start at iteration 0 and end at the count; without a title they have none."""
    axes = Figure().add_subplot()
    axes.plot([3, 50, 500], [1, 2, 3])
    log_iterations(axes, 1000, "error")
    assert axes.get_xlim() == (0, 1000) and axes.get_title() == ""


class Tags(HTMLParser):
    """The start tags and the text of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Keep the tag with its attributes."""
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        """Keep any text."""
        self.text.append(data)


def test_the_html_holds_the_two_images_and_nothing_else() -> None:
    """One div of two images: no text between them; only the dark one carries a style, the one that hides it."""
    parsed = Tags()
    parsed.feed(plot(a_line, alt="a line")._repr_html_())
    assert [tag for tag, _ in parsed.tags] == ["div", "img", "img"] and "".join(parsed.text) == ""
    (_, div), (_, light), (_, dark) = parsed.tags
    assert div == {"class": "plots"}
    assert set(light) == {"class", "alt", "width", "height", "data-text-px", "src"}
    assert set(dark) == {"class", "alt", "width", "height", "data-text-px", "style", "src"}
    assert dark["style"] == "display:none"
