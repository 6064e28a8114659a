"""Run the command line: python -m tinynet {two-layer,three-layer} [options]."""

from tinynet.cli import main

main()
