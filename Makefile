# make run   installs what Minuta needs (system packages, then .venv) and starts the app
# make test  installs the same plus the test tools, then runs lint, type check and all tests
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: run test install install-dev lint typecheck unit bench clean

run: install
	$(BIN)/minuta-app

test: install-dev lint typecheck unit

install: $(VENV)/.installed-runtime
install-dev: $(VENV)/.installed-dev

$(VENV)/bin/python:
	PYTHON=$(PYTHON) packaging/linux/system-deps.sh runtime
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip setuptools wheel

$(VENV)/.installed-runtime: pyproject.toml packaging/linux/system-deps.sh | $(VENV)/bin/python
	PYTHON=$(PYTHON) packaging/linux/system-deps.sh runtime
	$(PIP) install -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml packaging/linux/system-deps.sh | $(VENV)/bin/python
	PYTHON=$(PYTHON) packaging/linux/system-deps.sh test
	$(PIP) install -e '.[dev]'
	touch $@ $(VENV)/.installed-runtime

lint: install-dev
	$(BIN)/ruff check desktop tests bench docs
	$(BIN)/ruff format --check desktop tests bench docs

typecheck: install-dev
	$(BIN)/mypy

unit: install-dev
	$(BIN)/python -m pytest

bench: install-dev
	$(BIN)/python bench/transcribe.py eval-data/dev/manifest.jsonl

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
