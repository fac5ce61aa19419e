"""Printing a benchmark's figures and writing them to bench/results/NAME.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def write_report(path: Path, result: dict[str, Any], *, show: bool = True) -> None:
    if show:
        for key, value in result.items():
            print(f"{key:<34} {value}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {path}")
