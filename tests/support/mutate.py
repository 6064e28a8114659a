"""`make mutate`: run mutmut afresh, then print the share of mutants killed and the survivors, per area.

mutmut's settings are in pyproject.toml ([tool.mutmut]). A mutant counts as killed when a test fails
(or times out) with it; one that every covering test passes, or that no selected test reaches, survives.
Exit status 1 when fewer than --target percent of an area's mutants are killed. With --sample N, mutmut
tests N mutants per area drawn at random (for a machine too slow to test them all) and the share is the sample's.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MUTMUT = Path(sys.executable).parent / "mutmut"
# area -> (folder, mutant name prefix, one cheap mutant that --sample tests first to get mutmut going)
AREAS = {
    "tinynet": ("src/tinynet", "tinynet.", "tinynet.data.x__frozen__mutmut_1"),
    "facts": ("src/sitebuild/facts", "sitebuild.facts.", "sitebuild.facts.x_providers__mutmut_1"),
}
KILLED = {"killed", "timeout"}
RESULT = re.compile(r"^\s+(\S+): (.+)$")


def results() -> dict[str, str]:
    """Every mutant's name and status, as `mutmut results --all true` lists them."""
    done = subprocess.run(
        [str(MUTMUT), "results", "--all", "true"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return {m[1]: m[2] for line in done.stdout.splitlines() if (m := RESULT.match(line))}


def changed_line(name: str) -> str:
    """The line a mutant puts in place of the original, from `mutmut show`."""
    done = subprocess.run([str(MUTMUT), "show", name], cwd=ROOT, capture_output=True, text=True, check=False)
    lines = done.stdout.splitlines()
    added = [line[1:].strip() for line in lines if line.startswith("+") and not line.startswith("+++")]
    return added[0] if added else "?"


def mutmut_run(names: list[str], workers: list[str]) -> bool:
    """Run `mutmut run` on the mutants named (globs allowed); print its output's tail when it fails."""
    run = subprocess.run([str(MUTMUT), "run", *workers, *names], cwd=ROOT, capture_output=True, text=True, check=False)
    if run.returncode != 0:
        print(run.stdout[-4000:], run.stderr[-4000:], sep="\n")
        print(f"mutmut run failed with status {run.returncode}")
    return run.returncode == 0


def main() -> int:
    """Run mutmut from an empty mutants/ folder and report; the status says whether the target is met."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", type=float, default=90.0, help="percent of each area's mutants to kill")
    parser.add_argument("--only", choices=sorted(AREAS), help="mutate one area: tinynet or facts (default both)")
    parser.add_argument("--again", action="store_true", help="reuse mutants/ and mutmut's results of the last run")
    parser.add_argument("--max-children", type=int, help="mutants tested at once (default: one per core)")
    parser.add_argument("--sample", type=int, help="test this many mutants per area, drawn at random (seed 0)")
    args = parser.parse_args()
    areas = [args.only] if args.only else list(AREAS)
    if not args.again:
        shutil.rmtree(ROOT / "mutants", ignore_errors=True)
    start = time.monotonic()
    workers = ["--max-children", str(args.max_children)] if args.max_children else []
    names = [AREAS[area][1] + "*" for area in areas]
    chosen: set[str] | None = None
    if args.sample:
        # one cheap mutant first, so that mutmut writes every mutant and learns which tests reach which function
        if not mutmut_run([AREAS[area][2] for area in areas], workers):
            return 2
        every = results()
        draw = random.Random(0)
        chosen = set()
        for area in areas:
            mine = [name for name in sorted(every) if name.startswith(AREAS[area][1])]
            chosen.update(draw.sample(mine, min(args.sample, len(mine))))
        # with --again, a mutant the last run killed stays killed (tests are only ever added): test the others
        names = sorted(name for name in chosen if not (args.again and every[name] in KILLED))
    if names and not mutmut_run(names, workers):
        return 2
    seconds = time.monotonic() - start
    statuses = results()
    met = True
    for area in areas:
        folder, prefix, _ = AREAS[area]
        mine = {name: status for name, status in statuses.items() if name.startswith(prefix)}
        of_all = ""
        if chosen is not None:
            of_all = f" (a random sample of the area's {len(mine)})"
            mine = {name: status for name, status in mine.items() if name in chosen}
        killed = sum(status in KILLED for status in mine.values())
        share = 100 * killed / len(mine) if mine else 0.0
        print(f"{folder}: {killed} of {len(mine)} mutants killed ({share:.1f} %){of_all}")
        for name, status in sorted(mine.items()):
            if status not in KILLED:
                print(f"  {status}: {name}  ->  {changed_line(name)}")
        met = met and share >= args.target
    print(f"mutmut ran {seconds:.0f} s; `{MUTMUT.name} show NAME` shows a mutant, `{MUTMUT.name} browse` all of them")
    if not met:
        print(f"below the target of {args.target:g} % killed")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
