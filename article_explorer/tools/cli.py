"""The ``article-explorer`` command.

article-explorer new ARTICLE.txt DIR  write a new dataset folder DIR from a plain-text article; exit 2 on error
article-explorer validate [DIR]       check a dataset; exit 0 if clean, 1 if not; while tables are empty, say
                                      which to fill next
article-explorer datapackage [DIR]    (re)write DIR/datapackage.json from the contract
article-explorer reliability [DIR]    Krippendorff's alpha per judgement field, as a Markdown table
article-explorer handouts [--out D]   run every notebook and write offline HTML handouts to D

``new`` splits the text into sentences by general rules of page layout, which its options change
(``article-explorer new --help``; :mod:`article_explorer.data.sentences_split` states the rules).
``docs/new-article-tutorial.md`` walks from a text file to the notebooks on it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from article_explorer.data.config import data_dir
from article_explorer.data.contract import RELIABILITY_FOLDER, build_datapackage
from article_explorer.data.reliability import has_reliability, markdown_table, reliability_table, second_coders
from article_explorer.data.sentences_split import (
    DEFAULT_BYLINE_PATTERN,
    DEFAULT_CREDIT_PATTERN,
    DEFAULT_DATE_PATTERN,
    DEFAULT_HEADING_MAX_WORDS,
    Layout,
)
from article_explorer.data.validation import RawDataset, read_dataset, sentence_coverage
from article_explorer.tools.new_article import ScaffoldError, describe_next_steps, write_scaffold


def _validate(directory: str | None) -> int:
    raw = read_dataset(directory)
    if raw.problems:
        for problem in raw.problems:
            print(f"  - {problem}")
        count = len(raw.problems)
        print(f"{count} problem{'s' if count != 1 else ''} in {raw.path}")
        _print_next_steps(raw)
        return 1
    cited, uncited = sentence_coverage(raw)
    rows = ", ".join(f"{len(rows)} {name}" for name, rows in raw.tables.items())
    coverage = len(cited) / max(len(cited) + len(uncited), 1)
    print(f"{raw.path} is valid: {rows}; sentence coverage {coverage:.0%} ({len(cited)}/{len(cited) + len(uncited)})")
    _print_next_steps(raw)
    return 0


def _print_next_steps(raw: RawDataset) -> None:
    steps = describe_next_steps(raw)
    if steps:
        print()
        print(steps)


def _new(args: argparse.Namespace) -> int:
    """Write the scaffold; a problem the instructor can fix is one line on stderr and exit code 2."""
    for option in ("byline_pattern", "date_pattern", "credit_pattern", "end_pattern"):
        try:
            re.compile(getattr(args, option))
        except re.error as error:
            return _refuse(f"--{option.replace('_', '-')} is not a regular expression: {error}")
    if args.heading_max_words < 0:
        return _refuse("--heading-max-words must be 0 or more")
    layout = Layout(
        heading_max_words=args.heading_max_words,
        byline_pattern=args.byline_pattern,
        date_pattern=args.date_pattern,
        credit_pattern=args.credit_pattern,
        end_pattern=args.end_pattern,
        abbreviations=tuple(args.abbreviation),
        standfirst=not args.no_standfirst,
    )
    if not re.fullmatch(r"[a-z0-9][a-z0-9_]*", args.source_id):
        return _refuse(f"--source-id {args.source_id!r} is not a slug (lowercase letters, digits, underscores)")
    try:
        scaffold = write_scaffold(
            Path(args.article), Path(args.directory), layout, force=args.force, source_id=args.source_id
        )
    except (ScaffoldError, OSError) as error:
        return _refuse(str(error))
    split = scaffold.split
    parts = {p: sum(1 for s in split.sentences if s.part == p) for p in ("standfirst", "caption", "body")}
    paragraphs = len({s.paragraph for s in split.sentences})
    print(f"wrote {scaffold.directory}/")
    print(f"  {'source/article.txt':<18} the article, byte for byte (SHA-256 {scaffold.sha256[:12]}…)")
    print(
        f"  {'sentences.csv':<18} {len(split.sentences)} sentences in {paragraphs} paragraphs "
        f"({parts['standfirst']} standfirst, {parts['caption']} caption, {parts['body']} body)"
    )
    print(f"  {'sources.csv':<18} a stub row for the article: fill its title, author, publisher, published, url")
    print(f"  {'':<18} header only: {', '.join(scaffold.empty_tables)}")
    print(f"  {'datapackage.json':<18} the Table Schemas, from the contract")
    print(f"  {'README.md':<18} the codebook template: the columns from the contract, places for your rules")
    print("Not sentences (check them against the article):")
    for item in split.furniture:
        shown = item.text if len(item.text) <= 60 else item.text[:57] + "..."
        print(f"  line {item.line:>3}  {item.kind:<16} {shown}")
    print(f"Next: article-explorer validate {args.directory}")
    return 0


def _refuse(message: str) -> int:
    print(f"article-explorer new: error: {message}", file=sys.stderr)
    return 2


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
        prog="article-explorer",
        description="Start a dataset for an article; check and describe it; make offline handouts.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    _add_new(commands)
    for name, helptext in (
        ("validate", "check a dataset against the data contract; while tables are empty, say which to fill next"),
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
    if args.command == "new":
        return _new(args)
    if args.command == "handouts":
        return _handouts(args.out, args.notebooks)
    handler = {"validate": _validate, "datapackage": _datapackage, "reliability": _reliability}[args.command]
    return handler(args.directory)


def _add_new(commands: argparse._SubParsersAction) -> None:
    new = commands.add_parser(
        "new",
        help="write a new dataset folder from a plain-text article: sentences, a sources stub, empty tables",
        description="Write a new dataset folder DIR from ARTICLE.txt (UTF-8, one paragraph per line): "
        "source/article.txt (a byte-for-byte copy), sentences.csv split from it, sources.csv with a stub row for "
        "the article, every other table of the contract with its header row only, datapackage.json and a codebook "
        "template (README.md). Only prose lines (ending in . ! ? or …) become sentences; the options below change "
        "how headings, the byline, the date line and photo credits are told apart. Patterns are Python regular "
        "expressions that must match the whole line. Exit code 2 on an error.",
        epilog="The rules in full: article_explorer/data/sentences_split.py. A walk-through: "
        "docs/new-article-tutorial.md.",
    )
    new.add_argument("article", metavar="ARTICLE.txt", help="the article as plain UTF-8 text, one paragraph per line")
    new.add_argument("directory", metavar="DIR", help="the dataset folder to write (new, or empty)")
    new.add_argument(
        "--force", action="store_true", help="write into DIR even if it is not empty (overwrites the files new writes)"
    )
    new.add_argument(
        "--heading-max-words",
        type=int,
        default=DEFAULT_HEADING_MAX_WORDS,
        metavar="N",
        help="a line without final punctuation of at most N words, followed by prose, is a heading "
        f"(default: {DEFAULT_HEADING_MAX_WORDS}); a longer one is page furniture",
    )
    new.add_argument(
        "--byline-pattern",
        default=DEFAULT_BYLINE_PATTERN,
        metavar="REGEX",
        help="the byline; a line matching it right after the first prose line makes that line the standfirst "
        "(default: 'By …' or two to four capitalised words)",
    )
    new.add_argument(
        "--date-pattern",
        default=DEFAULT_DATE_PATTERN,
        metavar="REGEX",
        help="a date line, never a sentence (default: '12 May 2021', 'May 12, 2021', '2021-05-12', a weekday before)",
    )
    new.add_argument(
        "--credit-pattern",
        default=DEFAULT_CREDIT_PATTERN,
        metavar="REGEX",
        help="a photo credit, dropped from a caption (default: 'Photo by …', 'Image: …', 'Credit: …')",
    )
    new.add_argument(
        "--end-pattern",
        default="",
        metavar="REGEX",
        help="the line where the article ends: it and every line after are page furniture (default: none)",
    )
    new.add_argument(
        "--abbreviation",
        action="append",
        default=[],
        metavar="WORD",
        help="a word after which a sentence never ends, such as 'Cllr.' (repeat for more; titles, initials, "
        "months and 'No.' are known already)",
    )
    new.add_argument(
        "--no-standfirst", action="store_true", help="the article has no standfirst: its first prose line is body"
    )
    new.add_argument(
        "--source-id", default="article", metavar="SLUG", help="the article's source_id (default: article)"
    )


if __name__ == "__main__":
    sys.exit(main())
