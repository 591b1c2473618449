"""``article-explorer new``: a dataset folder for another article, and what to fill in it next.

:func:`write_scaffold` turns a plain-text article into a folder that follows the data contract:
the text copied byte for byte to ``source/article.txt``, ``sentences.csv`` split from it by the
layout rules of :mod:`article_explorer.data.sentences_split`, ``sources.csv`` with a stub row for
the article (its SHA-256 filled in, its title, author, publisher, date and address left for the
instructor), every other table with its header row only, ``datapackage.json``, and a codebook
template, ``README.md``, whose column tables are written from the contract
(:func:`columns_markdown`). The optional folders are not written: a dataset is valid
without them, ``reliability/`` claims a second coding and ``lessons/`` reading exercises.

:func:`next_steps` reads a dataset and says which tables to fill next, in the order their rows
point at each other; ``article-explorer validate`` prints it after the problems.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from article_explorer.data.contract import (
    ARTICLE_PATH,
    SENTENCES,
    SIDES,
    SOURCES,
    TABLES,
    Field,
    Table,
    build_datapackage,
)
from article_explorer.data.sentences_split import ArticleSplit, Layout, split_article
from article_explorer.data.validation import RawDataset, sentence_coverage

#: The article row's columns that ``new`` leaves empty for the instructor, in the order to fill them.
STUB_FIELDS = ("title", "author", "publisher", "published", "url")
#: Those of them a finished dataset has: an empty author or publisher alone ("where known") is no next step.
NEEDED_FIELDS = ("title", "published", "url")
_TYPE_LABELS = {"edtf": "EDTF date", "date": "ISO date", "list": "`|` list"}


class ScaffoldError(Exception):
    """Something the instructor can fix: a missing or unreadable article, a folder in the way."""


@dataclass(frozen=True)
class Scaffold:
    """What :func:`write_scaffold` wrote."""

    directory: Path
    split: ArticleSplit
    empty_tables: tuple[str, ...]  # the files written with a header row only
    sha256: str


def read_article(path: Path) -> tuple[bytes, str]:
    """The article's bytes and its text as the validator reads it (UTF-8, a byte-order mark dropped)."""
    if not path.exists():
        raise ScaffoldError(f"{path}: no such file")
    if not path.is_file():
        raise ScaffoldError(f"{path} is not a file; expected the article as plain text")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ScaffoldError(
            f"{path} is not UTF-8 text: byte 0x{data[error.start : error.start + 1].hex()} on line {line} "
            "cannot be read; save the file as UTF-8"
        ) from None
    if not text.strip():
        raise ScaffoldError(f"{path} is empty; expected the article's text, one paragraph per line")
    return data, text


def _csv(header: list[str], rows: Iterable[list[str | int]] = ()) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _source_note(article: Path, split: ArticleSplit) -> str:
    found = [f"{item.kind} '{item.text}'" for item in split.furniture if item.kind in ("byline", "date line")]
    note = f"Stub written by article-explorer new from {article.name}: fill {', '.join(STUB_FIELDS)}."
    return note + (f" Read in the text: {'; '.join(found)}." if found else "")


def write_scaffold(
    article: Path, directory: Path, layout: Layout | None = None, *, force: bool = False, source_id: str = "article"
) -> Scaffold:
    """Write a new dataset folder for ``article`` (see the module); raise :class:`ScaffoldError` for the user."""
    layout = layout or Layout()
    data, text = read_article(article)
    if directory.exists() and not directory.is_dir():
        raise ScaffoldError(f"{directory} is a file; expected a folder to write the dataset in")
    if directory.is_dir() and any(directory.iterdir()) and not force:
        raise ScaffoldError(
            f"{directory} is not empty; choose a new folder, or pass --force to overwrite the files new writes"
        )
    split = split_article(text, layout)
    if not split.sentences:
        raise ScaffoldError(f"{article} has no sentences: no line ends with '.', '!', '?' or '…'")
    sha256 = hashlib.sha256(data).hexdigest()
    (directory / ARTICLE_PATH).parent.mkdir(parents=True, exist_ok=True)
    (directory / ARTICLE_PATH).write_bytes(data)
    columns: dict[str, list[str]] = {}

    def write(table: Table, header: list[str], rows: Iterable[list[str | int]] = ()) -> None:
        (directory / table.filename).write_text(_csv(header, rows), encoding="utf-8")
        columns[table.name] = header

    write(SENTENCES, [f.name for f in SENTENCES.fields if not f.optional], [s.row() for s in split.sentences])
    stub = {"source_id": source_id, "kind": "article", "note": _source_note(article, split), "sha256": sha256}
    write(SOURCES, [f.name for f in SOURCES.fields], [[stub.get(f.name, "") for f in SOURCES.fields]])
    empty = tuple(t for t in TABLES if t not in (SOURCES, SENTENCES) and not t.folder)  # no optional folder
    for table in empty:
        write(table, [f.name for f in table.fields])
    descriptor = json.dumps(build_datapackage(columns), indent=2, ensure_ascii=False) + "\n"
    (directory / "datapackage.json").write_text(descriptor, encoding="utf-8")
    (directory / "README.md").write_text(
        codebook_template(directory.name, article.name, split, layout), encoding="utf-8"
    )
    return Scaffold(directory, split, tuple(t.filename for t in empty), sha256)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _allowed(spec: Field) -> str:
    if spec.enum:
        return ", ".join(f"`{value}`" for value in spec.enum)
    if spec.references:
        return f"→ `{spec.references}`"
    if spec.pattern:
        return f"pattern `{spec.pattern}`"
    if spec.minimum is not None and spec.maximum is not None:
        return f"{spec.minimum:g} to {spec.maximum:g}"
    if spec.minimum is not None:
        return f"≥ {spec.minimum:g}"
    return ""


def _required(spec: Field) -> str:
    if spec.extension:
        return "extension"
    if spec.optional:
        return "optional"
    mark = "yes" if spec.required else ""
    return ", ".join(filter(None, (mark, f"v{spec.since}" if spec.since > 1 else "")))


def columns_markdown(tables: tuple[Table, ...] = TABLES) -> str:
    """The codebook's column tables, one per CSV, written from the contract (as ``data/README.md`` has them).

    >>> print(columns_markdown((SENTENCES,)).splitlines()[6])
    | `sentence_id` | string | yes | `pPPsS`: paragraph and sentence number. | pattern `p\\d{2,}s\\d+` |
    """
    parts = []
    for table in tables:
        if table.primary_key:
            key = f" Primary key: `{table.primary_key}`."
        else:
            key = f" Rows are identified by {', '.join(f'`{c}`' for c in table.composite_key)} together."
        optional = (
            f" Optional (contract v{table.since})." if table.optional and "optional" not in table.description else ""
        )
        lines = [
            f"### `{table.filename}`",
            "",
            f"{table.description}{key}{optional}",
            "",
            "| column | type | required | meaning | allowed values / references |",
            "|---|---|---|---|---|",
        ]
        lines += [
            f"| `{spec.name}` | {_cell(_TYPE_LABELS.get(spec.type, spec.type))} | {_required(spec)} | "
            f"{_cell(spec.description)} | {_cell(_allowed(spec))} |"
            for spec in table.fields
        ]
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


def codebook_template(folder: str, article_name: str, split: ArticleSplit, layout: Layout) -> str:
    """The codebook, ``README.md``, of a new dataset: what ``new`` did, places for the coder's rules, the columns."""
    parts = {p: sum(1 for s in split.sentences if s.part == p) for p in ("standfirst", "caption", "body")}
    paragraphs = len({s.paragraph for s in split.sentences})
    listing = [f"{'source/article.txt':<18} the article, byte for byte as received (SHA-256 in sources.csv)"]
    listing += [
        f"{t.filename:<18} {t.description[0].lower()}{t.description[1:].rstrip('.')}" for t in TABLES if not t.folder
    ]
    listing.append(
        f"{'datapackage.json':<18} Table Schemas from the contract (`article-explorer datapackage` rewrites it)"
    )
    furniture = "\n".join(f"| {f.line} | {f.kind} | {_cell(f.text)} |" for f in split.furniture)
    rules = [
        f"- a heading has at most {layout.heading_max_words} words",
        f"- byline: `{layout.byline_pattern}`",
        f"- date line: `{layout.date_pattern}`",
        f"- photo credit: `{layout.credit_pattern}`",
    ]
    if layout.end_pattern:
        rules.append(f"- the article ends at a line matching `{layout.end_pattern}`")
    if layout.abbreviations:
        rules.append(f"- more abbreviations: {', '.join(layout.abbreviations)}")
    if not layout.standfirst:
        rules.append("- no standfirst")
    return f"""# Codebook: [the article's title]

This folder turns one article — [author], *[title]*, [publisher], [date] — into linked tables
that follow the project's data contract. `article-explorer new` wrote it from `{article_name}`.
Replace every passage in [brackets] with your own words, and delete this paragraph when you
are done.

```
{chr(10).join(listing)}
```

Check it with `article-explorer validate {folder}`: until the tables are filled, it says which
one to fill next.

## Conventions for every table

- **Encoding and format**: UTF-8 CSV with a header row; an empty cell means "none" or "not known".
- **Lists**: several values in one cell are separated by `|`.
- **IDs** are short lowercase slugs, unique in their table.
- **Words**: `sentences.text` and every `quote` and `hedge_cues` are verbatim. Everything else is
  written in your own words, and presents the article's claims as the author's claims.

## How the article was coded

### Sentences

`article-explorer new` split `source/article.txt` by the layout rules of
`article_explorer.data.sentences_split`, with these settings (patterns match a whole line):

{chr(10).join(rules)}

It found {len(split.sentences)} sentences in {paragraphs} paragraphs ({parts["standfirst"]} standfirst,
{parts["caption"]} caption, {parts["body"]} body). Paragraphs are numbered in reading order.
These lines are not sentences:

| line | kind | text |
|---|---|---|
{furniture}

[Check them against the article. Where a rule misread a line, run `article-explorer new` again
with other options and `--force`, or correct `sentences.csv` by hand and say so here.]

### Actors, sides, places, issues, events, claims and positions

[For each table: what counts as a row, the borderline cases you met and how you settled them.
The codebook of the project's own dataset, `data/README.md`, is a worked example.]

## Columns

`required` is *yes* for a column whose cells may not be empty, blank for a contract column that
may be empty, *optional* for a contract column that a dataset may leave out (`notes`), and
*extension* for the project's own optional columns. *v2* marks a column that contract v2 added.

{columns_markdown()}
## Licence and provenance

[Who holds the rights to the article's text and on what terms it is included here; the licence
of the tables; who coded them, and when.]
"""


def _empty_stub_fields(raw: RawDataset) -> list[str]:
    """The stub columns still empty in the article's row of sources.csv."""
    article = next((row for row in raw.tables.get("sources", []) if row["kind"] == "article"), None)
    if article is None:
        return list(STUB_FIELDS)
    return [name for name in STUB_FIELDS if not article[name].strip()]


def next_steps(raw: RawDataset) -> list[str]:
    """What to fill next, in order, while a required table is empty or the article's row a stub; else [].

    The order is the one the rows point at each other in (:data:`TABLES`): actors before the
    sides, places and events that name them, claims and events before the positions they evidence.
    """
    if not raw.path.is_dir() or "sentences" not in raw.tables:
        return []
    steps = []
    if not raw.tables["sentences"]:
        steps.append(f"{SENTENCES.filename}: split the article into sentences (article-explorer new writes it)")
    for table in TABLES:
        if table in (SOURCES, SENTENCES) or table.name not in raw.tables:
            continue
        if table.optional and table is not SIDES:  # country_sides.csv, reliability/ and lessons/ may stay empty
            continue
        if not raw.tables[table.name]:
            steps.append(f"{table.filename}: {table.description[0].lower()}{table.description[1:]}")
    empty_stub = _empty_stub_fields(raw)
    if set(empty_stub) & set(NEEDED_FIELDS) or (steps and empty_stub):  # author and publisher alone: "where known"
        why = [
            "title and url are required" if {"title", "url"} & set(empty_stub) else "",
            "published dates the article in every time view" if "published" in empty_stub else "",
        ]
        because = "; ".join(filter(None, why))
        filling = f"{SOURCES.filename}: fill the article row's {', '.join(empty_stub)}"
        steps.insert(1 if not raw.tables["sentences"] else 0, filling + (f" ({because})" if because else ""))
    if not steps:
        return []
    cited, uncited = sentence_coverage(raw)
    if uncited:
        steps.append(
            f"cite every standfirst and body sentence from an event, claim or position "
            f"({len(cited)} of {len(cited) + len(uncited)} cited so far)"
        )
    return steps


def describe_next_steps(raw: RawDataset) -> str:
    """:func:`next_steps` as ``validate`` prints it, or "" when there is nothing to fill."""
    steps = next_steps(raw)
    if not steps:
        return ""
    sentences = raw.tables.get("sentences", [])
    paragraphs = len({row["paragraph"] for row in sentences})
    done = f"sentences.csv is filled ({len(sentences)} sentences in {paragraphs} paragraphs); " if sentences else ""
    lines = [f"{done}next, in this order:"]
    lines += [f"  {number}. {step}" for number, step in enumerate(steps, start=1)]
    lines.append(
        "Optional: country_sides.csv (sides that change over time), reliability/ (a second coding) and "
        "lessons/ (reading exercises of your own); see docs/new-article-tutorial.md."
    )
    return "\n".join(lines)
