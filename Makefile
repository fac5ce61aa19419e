# make run   installs what Minuta needs (system packages, then .venv) and starts the app
# make test  installs the same plus the test tools, builds the Linux bundle (make package),
#            then runs lint, type check and all tests, the bundle's own among them
# make package  builds dist/minuta-VERSION-linux-ARCH.tar.gz (packaging/README.md)
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check -q

VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
BUNDLE := dist/minuta-$(VERSION)-linux-$(shell uname -m).tar.gz
BUNDLE_SOURCES := $(shell find desktop assets packaging pyproject.toml -type f \
	! -path '*/__pycache__/*' ! -name '*.pyc')

.PHONY: run test install install-dev lint typecheck unit bench package clean

run: install
	$(BIN)/minuta-app

test: install-dev lint typecheck package unit

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
	$(BIN)/ruff check desktop tests bench docs packaging
	$(BIN)/ruff format --check desktop tests bench docs packaging

typecheck: install-dev
	$(BIN)/mypy

unit: install-dev
	$(BIN)/python -m pytest

package: $(BUNDLE)

$(BUNDLE): $(BUNDLE_SOURCES)
	PYTHON=$(PYTHON) packaging/linux/build.sh

bench: install-dev
	$(BIN)/python bench/transcribe.py eval-data/dev/manifest.jsonl

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache build dist
