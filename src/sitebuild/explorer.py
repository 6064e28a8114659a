"""MkDocs hook: export the training explorer's starting data, computed from src/, into the built site.

Listed under `hooks:` in mkdocs.yml. After every build it writes `assets/explorer-data.json`:
the post's X and y, the iteration count, and the initial weights `tinynet.initial_weights`
draws for a few seeds. The values come from a fresh interpreter, so `mkdocs serve` picks up
changes under src/; they are kept in .cache/explorer/ (sitebuild.store).
`python -m sitebuild.explorer` prints the same JSON.
"""

from __future__ import annotations

import inspect
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

from sitebuild import store

log = logging.getLogger("mkdocs.hooks.explorer")
ROOT = Path(__file__).resolve().parents[2]
TARGET = "assets/explorer-data.json"
SEEDS = range(10)


def export() -> dict:
    """The explorer's data: default dataset, iterations, and each seed's initial syn0 (3 x 1)."""
    import tinynet

    defaults = inspect.signature(tinynet.train_two_layer).parameters
    columns = tinynet.X.shape[1]
    return {
        "X": tinynet.X.tolist(),
        "y": tinynet.y.tolist(),
        "iterations": defaults["iterations"].default,
        "seed": defaults["seed"].default,
        "syn0": {str(seed): tinynet.initial_weights([(columns, 1)], seed)[0].tolist() for seed in SEEDS},
    }


def on_post_build(config) -> None:
    """Write the explorer's data into the site: kept from an earlier build, or computed by this tree's src/ now."""
    cached = store.folder("explorer", store.source_key()) / "explorer-data.json"
    if not cached.exists():
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))
        done = subprocess.run(
            [sys.executable, "-m", "sitebuild.explorer"], cwd=ROOT, env=env, capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            raise PluginError(f"exporting the explorer's data failed:\n{done.stderr}")
        json.loads(done.stdout)
        store.write(cached, done.stdout)
        log.info("cache: explorer data computed")
    target = Path(config["site_dir"]) / TARGET
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(cached.read_bytes())


if __name__ == "__main__":
    # repr-exact floats: JSON numbers written by Python read back bit for bit in JavaScript
    print(json.dumps(export()))
