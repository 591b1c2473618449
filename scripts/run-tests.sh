#!/usr/bin/env bash
# Run the whole test suite on a fresh machine: install what the tests need, then run pytest.
# Usage (from anywhere): bash scripts/run-tests.sh [pytest options]
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
"$PYTHON" -m pip install --quiet --disable-pip-version-check -r tests/requirements.txt
"$PYTHON" -m pytest "$@"
