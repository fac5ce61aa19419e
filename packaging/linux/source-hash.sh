#!/usr/bin/env bash
# One SHA-256 over everything a bundle is built from, so a test can tell that a
# bundle in dist/ was built from these sources (tests/packaging/bundle.py does
# the same sum in Python).
set -euo pipefail
cd "$(dirname "$0")/../.."
find desktop assets packaging pyproject.toml -type f \
  ! -path '*/__pycache__/*' ! -name '*.pyc' -print0 |
  LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1
