"""A plot's own output type and the HTML of its two images: plain text, no drawing (no matplotlib).

`tinynet.plotting` draws a plot and gives it this output type; Jupyter shows its HTML, with the images
inline. The site's build (sitebuild's cache.py) reads this module alone, to link each image as a file
of its own, which a browser loads only when the reader reaches it.
"""

from __future__ import annotations

import html
from collections.abc import Callable

PLOT_MIME = "application/vnd.tinynet.plot+json"


def images_html(fields: dict[str, str | int], source: Callable[[str], str], lazy: bool = False) -> str:
    """A plot's two images from its output data, at the size in CSS px it gives, each at `source(its base64 PNG)`.

    The dark one is hidden unless the site's stylesheet shows the dark scheme; a lazy image loads when the reader
    nears it. Jupyter shows it inline, the site's pages as files (sitebuild's notebook template).
    """
    size = f'alt="{html.escape(str(fields["alt"]))}" width="{fields["width"]}" height="{fields["height"]}"'
    loading = ' loading="lazy" decoding="async"' if lazy else ""
    images = (
        f'<img class="plot plot--{scheme}" {size}{hidden} data-text-px="{fields["text"]}"{loading}'
        f' src="{source(str(fields[scheme]))}">'
        for scheme, hidden in (("light", ""), ("dark", ' style="display:none"'))
    )
    return f'<div class="plots">{"".join(images)}</div>'
