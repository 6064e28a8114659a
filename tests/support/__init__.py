"""Helpers for the tests: a console-session parser and an offline guard."""

# what no copy of the tree takes (the suite's broken copies, its cold build, make bench's copy):
# environments, built sites, installed and generated files
LEFT_OUT = (".venv*", "site", "node_modules", "__pycache__", "screenshots", ".hypothesis", ".ruff_cache")
