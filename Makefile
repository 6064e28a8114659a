# Two commands do everything: `make serve` and `make test`.
# Each one creates or refreshes .venv from the lock file first.

# the newest Python from 3.14 down to 3.11.5 (the oldest the lock installs on) that runs: a pyenv shim
# may name one that is not installed; `make test PYTHON=python3.12` chooses another
PYTHON ?= $(shell for v in 14 13 12 11; do python3.$$v -c 'import sys; sys.exit(sys.version_info < (3, 11, 5))' 2>/dev/null && echo python3.$$v && exit; done; echo python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
# importing nbconvert (mkdocs-jupyter does) otherwise builds each of its exporters to list the enabled ones;
# the build picks its exporter by name, and every build and `make serve` rebuild starts about 0.2 s sooner
export NBCONVERT_DISABLE_CONFIG_EXPORTERS := 1

NODE_STAMP := node_modules/.installed
CHROMIUM ?= /usr/bin/chromium
export CHROMIUM

.PHONY: setup serve test test-pythons build bench audit mutate chromium lock clean

# .venv is rebuilt when the lock file or pyproject.toml is newer than it
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --editable .
	touch $(STAMP)

setup: $(STAMP)

# the browser the tests drive: Debian's Chromium, installed with apt-get when missing (as root, here and on CI);
# where there is no apt-get, name a Chromium or Chrome the machine has, e.g. on macOS
# CHROMIUM="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"
chromium:
	test -x "$(CHROMIUM)" || ! command -v apt-get >/dev/null || (apt-get update && apt-get install -y chromium)
	@test -x "$(CHROMIUM)" || (echo "no browser at $(CHROMIUM): set CHROMIUM to a Chromium or Chrome"; exit 1)

# axe-core and Lighthouse for the browser checks, exactly as package-lock.json pins them
$(NODE_STAMP): package.json package-lock.json
	command -v npm >/dev/null || ! command -v apt-get >/dev/null || (apt-get update && apt-get install -y nodejs npm)
	@command -v npm >/dev/null || (echo "no npm: install Node.js with npm"; exit 1)
	npm ci --no-audit --no-fund
	touch $(NODE_STAMP)

serve: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

# on every core: pytest-xdist, one test module to a worker at a time (a module's tests share its slow fixtures)
test: setup chromium $(NODE_STAMP)
	$(BIN)/python -m pytest -n auto --dist loadfile

# the non-browser tests under every Python 3.11 to 3.14 on this machine, each in its own .venv-3.X,
# in a temporary copy of the tree with empty caches; prints a table (tests/support/pythons.py);
# PYTHONS="3.12 3.13" tries only those
test-pythons:
	$(PYTHON) tests/support/pythons.py $(PYTHONS)

build: setup
	$(BIN)/mkdocs build --strict

# build times (cold, warm, one chapter, src/, `make serve` after an edit), `make test`, page weights, step and jump
# latencies, training speed: a Markdown table
# (BENCH_ARGS="--runs 5 --test-runs 3" for more runs; see tests/support/bench.py --help)
bench: setup chromium
	$(BIN)/python tests/support/bench.py $(BENCH_ARGS)

# Lighthouse (mobile preset) over every page in the nav, each score printed (AUDIT_PAGES="reference/notation/" for some)
audit: setup chromium $(NODE_STAMP)
	$(BIN)/python tests/support/audit.py

# mutmut, pinned with hashes in requirements-mutate.lock (requirements.lock constrains what they share)
MUTATE_STAMP := $(VENV)/.mutate-installed
$(MUTATE_STAMP): $(STAMP) requirements-mutate.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements-mutate.lock
	touch $(MUTATE_STAMP)

# mutation testing of src/tinynet/ and the fact providers against the tests that build no site
# ([tool.mutmut] in pyproject.toml): the share of mutants killed and the survivors, per area
# (MUTATE_ARGS="--only tinynet" for the API and command line alone; see tests/support/mutate.py --help)
mutate: $(MUTATE_STAMP)
	$(BIN)/python tests/support/mutate.py $(MUTATE_ARGS)

# regenerate requirements.lock from pyproject.toml (needs the package registry)
lock:
	$(PYTHON) -m venv /tmp/tinynet-lock
	/tmp/tinynet-lock/bin/python -m pip install --quiet pip-tools==7.6.2
	/tmp/tinynet-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--all-build-deps --extra site --extra test --no-emit-index-url --no-emit-find-links \
		-o requirements.lock pyproject.toml
	/tmp/tinynet-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links -o requirements-mutate.lock requirements-mutate.in

clean:
	rm -rf site .cache
