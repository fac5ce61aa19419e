from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass

import pytest


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(app_paths):
    """Runs ``minuta ARGS`` in a subprocess against this test's data folder."""
    env = dict(os.environ)
    env["MINUTA_DATA_DIR"] = str(app_paths.data_dir)
    env["MINUTA_CACHE_DIR"] = str(app_paths.cache_dir)

    def run(*args: str, stdin: str = "", extra_env: dict[str, str] | None = None) -> Result:
        proc = subprocess.run(
            [sys.executable, "-m", "minuta.cli", *args],
            input=stdin,
            capture_output=True,
            text=True,
            env={**env, **(extra_env or {})},
            timeout=240,
            check=False,
        )
        return Result(proc.returncode, proc.stdout, proc.stderr)

    return run
