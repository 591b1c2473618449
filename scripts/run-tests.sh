#!/usr/bin/env bash
# Run the whole test suite on a fresh machine: install what the tests need, then run pytest.
# Usage (from anywhere): bash scripts/run-tests.sh [pytest options]
#
# The browser tests drive Debian's Chromium (/usr/bin/chromium, or $CHROMIUM). When it is
# missing and we are root on a Debian-like system, it is installed with apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ] && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  echo "Installing Chromium for the browser tests (apt-get)..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
"$PYTHON" -m pip install --quiet --disable-pip-version-check -r tests/requirements.txt
"$PYTHON" -m pytest "$@"
