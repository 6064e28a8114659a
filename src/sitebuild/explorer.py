"""MkDocs hook: export the training explorer's starting data, computed from src/, into the built site.

Listed under `hooks:` in mkdocs.yml. After every build it writes `assets/explorer-data.json`:
for each network (the two-layer explorer's at the top level, the three-layer one's under
"three_layer"), the starting data, iteration count, seed and sizes the API defaults to, the
initial weights `tinynet.initial_weights` draws for a few seeds (and hidden sizes), and the
canonical script's text, which "Copy as Python" rewrites. Pages with an explorer are marked
(`page.meta["explorer"]`), and so are pages with a stepper (`page.meta["stepper"]`), so that only
they load those scripts (overrides/main.html).
The values come from a fresh interpreter, so `mkdocs serve` picks up changes under src/;
they are kept in .cache/explorer/ (sitebuild.store).
`python -m sitebuild.explorer` prints the same JSON.
"""

from __future__ import annotations

import inspect
import json
from pathlib import Path

from sitebuild import store

TARGET = "assets/explorer-data.json"
SEEDS = range(10)
HIDDEN = range(1, 9)
MOUNTS = ('id="training-explorer"', 'id="three-layer-explorer"')
STEPPER = 'class="stepper" data-net='  # the line-by-line chapters' mount (assets/javascripts/stepper.js)


def export() -> dict:
    """The explorers' data: default datasets, sizes, each seed's initial weights, the canonical scripts."""
    import tinynet

    two = inspect.signature(tinynet.train_two_layer).parameters
    three = inspect.signature(tinynet.train_three_layer).parameters
    columns = tinynet.X.shape[1]
    scripts = Path(tinynet.__file__).resolve().parent
    return {
        "X": tinynet.X.tolist(),
        "y": tinynet.y.tolist(),
        "iterations": two["iterations"].default,
        "seed": two["seed"].default,
        "syn0": {str(seed): tinynet.initial_weights([(columns, 1)], seed)[0].tolist() for seed in SEEDS},
        "script": (scripts / "two_layer.py").read_text(encoding="utf-8"),
        "three_layer": {
            "X": tinynet.X.tolist(),
            "y": tinynet.y_xor.tolist(),
            "iterations": three["iterations"].default,
            "seed": three["seed"].default,
            "hidden": three["hidden"].default,
            "alpha": three["alpha"].default,
            "weights": {
                str(seed): {
                    str(size): [w.tolist() for w in tinynet.initial_weights([(columns, size), (size, 1)], seed)]
                    for size in HIDDEN
                }
                for seed in SEEDS
            },
            "script": (scripts / "three_layer.py").read_text(encoding="utf-8"),
        },
    }


def on_page_content(html: str, page, config, files) -> str:
    """Mark a page that holds an explorer or a stepper, so that only such pages load their scripts."""
    if any(mount in html for mount in MOUNTS):
        page.meta["explorer"] = True
    if STEPPER in html:
        page.meta["stepper"] = True
    return html


def on_post_build(config) -> None:
    """Write the explorer's data into the site: kept from an earlier build, or computed by this tree's src/ now."""
    data = store.computed("explorer", store.source_key(), "sitebuild.explorer", "explorer data")
    target = Path(config["site_dir"]) / TARGET
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(data, encoding="utf-8")


if __name__ == "__main__":
    # repr-exact floats: JSON numbers written by Python read back bit for bit in JavaScript
    print(json.dumps(export()))
