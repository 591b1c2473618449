#!/usr/bin/env bash
# Mutation testing: do the tests notice when the code is wrong? Not part of the default test run.
#
# Usage (from anywhere):
#   bash scripts/mutation-test.sh                                  # every module below
#   bash scripts/mutation-test.sh 'article_explorer.data.edtf*'    # one module (or any mutant-name pattern)
#   bash scripts/mutation-test.sh --unchecked 'article_explorer.geo.*'  # only mutants not checked yet
#   bash scripts/mutation-test.sh --summary                        # the last results again, nothing run
#
# What it mutates (pyproject.toml, [tool.mutmut] only_mutate): the data layer (data/edtf.py,
# data/sides.py, data/dataset.py, data/validation/*.py: dates, validation rules, sides, loading),
# the geo layer (geo/coordinates.py, geo/sphere.py, geo/boundaries.py) and the figure and answer
# logic that builds no widgets (explorers/timeline/layout.py, explorers/map/labels.py, marks.py,
# items.py, explorers/network/links.py, explorers/positions/cells.py). The exercise modules are
# left out: their answers are computed inside the functions that build the widgets.
#
# How: mutmut 3 (installed here if missing) copies the package, tests/, data/ and scripts/ into
# mutants/, makes about 4,900 small changes ("mutants": `<` for `<=`, `and` for `or`, a string
# turned into "XX...XX", a number plus one) and, for each, runs only the tests that call the
# changed function, from the fast files listed in [tool.mutmut] (never the notebooks, the browser
# or the handouts; pytest's addopts replaced, so no doctests), fastest first, stopping at the
# first failure. Each run is a fork of a process that has only collected the tests, so nothing a
# cache kept from a clean run (the boundaries, a country's arcs) hides a mutant.
#
# How long (2 cores shared with other jobs, `nice`d; JOBS sets the number of processes): data/
# edtf.py alone 5 min (230 mutants); the data layer's rules, dates and sides with geo/coordinates.py
# 37 min (2,374 mutants); all of it some 2 to 3 hours. A killed mutant costs under a second; a
# surviving one runs every test linked to its function, up to 40 s for a rule that every dataset
# load runs. So run it in parts: results are kept in mutants/ (git-ignored), `--unchecked PATTERN`
# goes on where a run stopped (Ctrl-C stops one cleanly), and a later run re-tests only mutants of
# functions that changed. Editing the test selection in [tool.mutmut] (or pytest_add_cli_args)
# makes mutmut forget every result. After adding tests, name the survivors to re-test them:
# `bash scripts/mutation-test.sh NAME...` (names as the summary prints them).
#
# Two things to know when writing a test to kill a mutant: mutmut links a test to the functions
# it calls, so a fixture kept for a module or the session links the loader to the first test that
# uses it only (load what the test checks in the test, or in a function-scoped fixture); and a
# parametrized test's id must be plain (letters, digits, '.', '-', '_'): mutmut passes ids back
# to pytest, which cannot find one with spaces, quotes or non-ASCII characters.
#
# How to read the results: the summary prints, for each module, the mutants caught (killed, or
# timed out) out of those checked, and the score. Then each mutant that is not caught, by name:
#   survived   the tests passed with the change: a missing test, or an equivalent mutant (a
#              change that cannot alter behaviour, such as "a < b" for "a <= b" where a != b)
#   no tests   no selected test calls the function
# `mutmut show NAME` prints the change; `mutmut browse` is an interactive browser (`mutmut apply
# NAME` writes a mutant into the working tree: undo it with git). The target is 85 % or more per
# module. The equivalent mutants found so far, each with the reason it cannot be told apart, are
# listed in the docstrings of tests/test_mutants_*.py.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
JOBS="${JOBS:-2}"

summary() {
  "$PYTHON" - <<'EOF'
import json
from collections import Counter
from pathlib import Path

KILLED = {1: "killed", 3: "killed"}
STATUS = {0: "survived", 5: "no tests", 33: "no tests", 34: "skipped", 36: "timeout", 37: "type check", None: "not checked"}
STATUS.update({code: "timeout" for code in (-24, 24, 152, 255)})
rows, left = [], []
for meta in sorted(Path("mutants").rglob("*.py.meta")):
    codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    if not codes:
        continue
    counts = Counter(KILLED.get(code) or STATUS.get(code, "suspicious") for code in codes.values())
    caught, checked = counts["killed"] + counts["timeout"], len(codes) - counts["not checked"]
    rows.append((str(meta.relative_to("mutants"))[: -len(".meta")], caught, checked, counts))
    left += [(name, STATUS.get(code, "suspicious")) for name, code in sorted(codes.items()) if code not in KILLED]
if not rows:
    raise SystemExit("No results in mutants/ yet: run the script without --summary first.")
# the score is over the mutants checked; a module not checked at all shows no score
print(f"{'module':50} {'caught':>6} {'checked':>7} {'score':>6}  survived / no tests / timeout / not checked")
for path, caught, checked, c in rows:
    score = f"{caught / checked:6.1%}" if checked else "     -"
    print(
        f"{path:50} {caught:6} {checked:7} {score}  "
        f"{c['survived']} / {c['no tests']} / {c['timeout']} / {c['not checked']}"
    )
caught, checked = sum(r[1] for r in rows), sum(r[2] for r in rows)
print(f"{'all checked':50} {caught:6} {checked:7} {caught / max(checked, 1):6.1%}")
print()
for name, status in left:
    if status not in ("timeout", "not checked"):
        print(f"{status:12} {name}")
EOF
}

# The names of the mutants not checked yet that match the patterns given (all, with none).
unchecked() {
  "$PYTHON" - "$@" <<'EOF'
import fnmatch
import json
import sys
from pathlib import Path

patterns = sys.argv[1:] or ["*"]
for meta in sorted(Path("mutants").rglob("*.py.meta")):
    for name, code in sorted(json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"].items()):
        if code is None and any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns):
            print(name)
EOF
}

if [ "${1:-}" = "--summary" ]; then
  summary
  exit 0
fi
if [ "${1:-}" = "--unchecked" ]; then
  shift
  mapfile -t names < <(unchecked "$@")
  if [ "${#names[@]}" = 0 ]; then
    echo "Every mutant matching ${*:-*} has been checked; the summary:"
    summary
    exit 0
  fi
  set -- "${names[@]}"
  echo "Checking the $# mutants not checked yet."
fi
if ! "$PYTHON" -c "import mutmut, sys; sys.exit(int(mutmut.__version__.split('.')[0]) < 3)" 2>/dev/null; then
  echo "Installing mutmut 3 (pip)..."
  "$PYTHON" -m pip install --quiet --disable-pip-version-check "mutmut>=3.8,<4"
fi
start=$(date +%s)
# mutmut's exit status says little (it is 0 with survivors); the summary says what happened.
nice -n 10 "$PYTHON" -m mutmut run --max-children "$JOBS" "$@" || echo "mutmut stopped with status $?"
echo "Mutation run took $(( ($(date +%s) - start) / 60 )) min."
summary
