"""Print every build-time fact as JSON: python -m sitebuild.facts."""

import json
import sys

from sitebuild.facts import compute_all

json.dump(compute_all(), sys.stdout, indent=1, sort_keys=True)
sys.stdout.write("\n")
