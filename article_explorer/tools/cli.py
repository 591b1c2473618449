"""The ``article-explorer`` command.

article-explorer validate [DIR]      check a dataset; exit 0 if clean, 1 if not
article-explorer datapackage [DIR]   (re)write DIR/datapackage.json from the contract
article-explorer reliability [DIR]   Krippendorff's alpha per judgement field, as a Markdown table
article-explorer handouts [--out D]  run every notebook and write offline HTML handouts to D
"""

from __future__ import annotations

import argparse
import json
import sys

from article_explorer.data.config import data_dir
from article_explorer.data.contract import RELIABILITY_FOLDER, build_datapackage
from article_explorer.data.reliability import has_reliability, markdown_table, reliability_table, second_coders
from article_explorer.data.validation import read_dataset, sentence_coverage


def _validate(directory: str | None) -> int:
    raw = read_dataset(directory)
    if raw.problems:
        for problem in raw.problems:
            print(f"  - {problem}")
        count = len(raw.problems)
        print(f"{count} problem{'s' if count != 1 else ''} in {raw.path}")
        return 1
    cited, uncited = sentence_coverage(raw)
    rows = ", ".join(f"{len(rows)} {name}" for name, rows in raw.tables.items())
    coverage = len(cited) / max(len(cited) + len(uncited), 1)
    print(f"{raw.path} is valid: {rows}; sentence coverage {coverage:.0%} ({len(cited)}/{len(cited) + len(uncited)})")
    return 0


def _datapackage(directory: str | None) -> int:
    raw = read_dataset(directory)
    target = data_dir(directory) / "datapackage.json"
    descriptor = build_datapackage(raw.columns or None)
    target.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {target}")
    return 0


def _reliability(directory: str | None) -> int:
    path = data_dir(directory)
    if not path.is_dir():
        print(f"{path} is not a directory; expected a dataset folder with the CSV files")
        return 1
    if not has_reliability(path):
        print(
            f"{path} has no {RELIABILITY_FOLDER}/ folder, so there is no second coding to compute alpha from. "
            f"Add {RELIABILITY_FOLDER}/second_coding.csv and {RELIABILITY_FOLDER}/adjudication.csv "
            "(see the data contract) and run this again."
        )
        return 1
    raw = read_dataset(path)
    rows = reliability_table(raw)
    coders = ", ".join(second_coders(raw)) or "none"
    print(f"Krippendorff's alpha, first coding against the second (second coders: {coders}), for {path}:")
    print()
    print(markdown_table(rows))
    print()
    shortfalls = [row.shortfall() for row in rows if not row.meets_target]
    for line in shortfalls:
        print(f"- Falls short: {line}")
    if not shortfalls:
        print("Every field meets its target.")
    if raw.problems:
        count = len(raw.problems)
        print()
        print(
            f"The dataset has {count} problem{'s' if count != 1 else ''}, so the table may be wrong; "
            "values the validator rejects were counted as missing:"
        )
        for problem in raw.problems:
            print(f"  - {problem}")
        return 1
    return 0


def _handouts(out: str | None, notebooks: list[str]) -> int:
    from pathlib import Path

    try:
        from article_explorer.tools.handouts import DEFAULT_OUT_DIR, write_handouts
    except ModuleNotFoundError as missing:  # the handouts extra is not installed
        print(f"article-explorer handouts needs {missing.name}: pip install 'article-explorer[handouts]'")
        return 1

    out_dir = Path(out) if out else DEFAULT_OUT_DIR
    for path in write_handouts(out_dir, [Path(n) for n in notebooks] or None):
        print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="article-explorer", description="Check and describe an article dataset; make offline handouts."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for name, helptext in (
        ("validate", "check a dataset against the data contract"),
        ("datapackage", "write datapackage.json for a dataset from the contract"),
        ("reliability", "print Krippendorff's alpha per judgement field (first against second coding) as Markdown"),
    ):
        sub = commands.add_parser(name, help=helptext)
        sub.add_argument(
            "directory", nargs="?", help="dataset folder (default: $ARTICLE_DATA_DIR or the repository's data/)"
        )
    handouts = commands.add_parser(
        "handouts", help="run every notebook and write a self-contained HTML handout of each"
    )
    handouts.add_argument("--out", help="folder for the HTML files (default: build/handouts)")
    handouts.add_argument("notebooks", nargs="*", help="notebooks to export (default: every notebook in notebooks/)")
    args = parser.parse_args(argv)
    if args.command == "handouts":
        return _handouts(args.out, args.notebooks)
    handler = {"validate": _validate, "datapackage": _datapackage, "reliability": _reliability}[args.command]
    return handler(args.directory)


if __name__ == "__main__":
    sys.exit(main())
