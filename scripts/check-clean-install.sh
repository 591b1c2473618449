#!/usr/bin/env bash
# A non-editable install in a clean virtual environment (no system packages), from the package
# index, running a notebook on a dataset outside the repository. Not part of the default test run
# (it downloads every dependency: a few minutes); tests/test_install.py does the same offline,
# reusing the installed dependencies.
# Usage (from anywhere): bash scripts/check-clean-install.sh [NOTEBOOK] [DATASET]
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$PWD"
NOTEBOOK="${1:-notebooks/03_geography_of_militarisation.ipynb}"
DATASET="${2:-tests/data/andes_article}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
PYTHON="${PYTHON:-python3}"
"$PYTHON" -m venv "$WORK/venv"
VENV_PY="$WORK/venv/bin/python"
[ -x "$VENV_PY" ] || VENV_PY="$WORK/venv/Scripts/python.exe"  # Windows
"$VENV_PY" -m pip install --quiet --disable-pip-version-check --upgrade pip
"$VENV_PY" -m pip wheel --quiet --no-deps -w "$WORK/wheel" "$REPO"
"$VENV_PY" -m pip install --quiet --disable-pip-version-check "$WORK"/wheel/*.whl ipykernel nbclient nbformat
cp -r "$REPO/$DATASET" "$WORK/dataset"
cp "$REPO/$NOTEBOOK" "$WORK/notebook.ipynb"
cd "$WORK"
export ARTICLE_DATA_DIR="$WORK/dataset" PYTHONNOUSERSITE=1
"$WORK/venv/bin/article-explorer" validate "$ARTICLE_DATA_DIR"
"$VENV_PY" - <<'PY'
import sys
import article_explorer
import nbformat
from nbclient import NotebookClient

assert "venv" in article_explorer.__file__, article_explorer.__file__
notebook = nbformat.read("notebook.ipynb", as_version=4)
NotebookClient(notebook, timeout=300, kernel_name="python3").execute()
errors = [o for c in notebook.cells if c.cell_type == "code" for o in c.get("outputs", [])
          if o.output_type == "error" or (o.output_type == "stream" and o.name == "stderr")]
assert not errors, errors
print(f"ran {sum(c.cell_type == 'code' for c in notebook.cells)} cells with no error, "
      f"article_explorer from {article_explorer.__file__}")
PY
