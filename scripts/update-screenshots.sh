#!/usr/bin/env bash
# Refresh the README's screenshots: run the explorers' browser tests in Voila (network blocked)
# and copy the screenshots they take into docs/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
"$PYTHON" -m pytest -q -p no:cacheprovider -k voila \
  tests/browser/test_timeline_in_browser.py tests/browser/test_positions_in_browser.py \
  tests/browser/test_map_in_browser.py tests/browser/test_claims_in_browser.py
mkdir -p docs/screenshots
cp build/screenshots/01_timeline-voila-card.png docs/screenshots/01_timeline.png
cp build/screenshots/02_positions-voila-evidence.png docs/screenshots/02_actors_and_positions.png
cp build/screenshots/03_map-voila-ring-2013.png docs/screenshots/03_geography_of_militarisation.png
cp build/screenshots/04_claims-voila-agreement.png docs/screenshots/04_claims_and_evidence.png
echo "Screenshots copied to docs/screenshots/."
