"""Fixtures for the CRM tests (and the CLI and UI tests that push): real CRM servers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.crm.bottlecrm_server import (
    BottleCrmServer,
    BottleCrmSetupError,
    find_python312,
    start_bottlecrm,
)


@pytest.fixture(scope="session")
def bottlecrm(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BottleCrmServer]:
    """A seeded BottleCRM (django-crm 1.35.0) on 127.0.0.1 for the whole session.

    The first run on a machine installs django-crm into a cached venv and
    migrates a template database (a few minutes); later sessions take seconds.
    """
    python = find_python312()
    if python is None:
        pytest.skip(
            "BottleCRM end-to-end tests need Python 3.12 (django-crm 1.35.0 requires it); "
            "none found"
        )
    try:
        server = start_bottlecrm(python, tmp_path_factory.mktemp("bottlecrm"))
    except BottleCrmSetupError as exc:
        # Python 3.12 is here, so these tests must run: a failed install is a failure.
        pytest.fail(f"BottleCRM could not be set up: {exc}")
    try:
        yield server
    finally:
        server.stop()
