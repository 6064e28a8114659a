# Two commands do everything: `make serve` and `make test`.
# Each one creates or refreshes .venv from the lock file first.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup serve test build lock clean

# .venv is rebuilt when the lock file or pyproject.toml is newer than it
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --editable .
	touch $(STAMP)

setup: $(STAMP)

serve: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

test: setup
	$(BIN)/python -m pytest

build: setup
	$(BIN)/mkdocs build --strict

# regenerate requirements.lock from pyproject.toml (needs the package registry)
lock:
	$(PYTHON) -m venv /tmp/tinynet-lock
	/tmp/tinynet-lock/bin/python -m pip install --quiet pip-tools==7.6.2
	/tmp/tinynet-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--all-build-deps --extra site --extra test --no-emit-index-url --no-emit-find-links \
		-o requirements.lock pyproject.toml

clean:
	rm -rf site .cache
