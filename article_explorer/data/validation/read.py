"""Read a dataset folder as text: the article, each table's rows, and what cannot be read.

:func:`read_files` fills a :class:`RawDataset` with :class:`Row` objects, cells still text,
and reports every problem with a whole file (missing, not UTF-8, empty, not CSV) or a header
(a required column missing, a name twice) or a record (too many or too few cells). A row that
cannot be read is a problem, never a skipped row. The checks of the cells and across tables
then run on what was read (:mod:`article_explorer.data.validation.rules`).
"""

from __future__ import annotations

import csv
import difflib
import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path

from article_explorer.data.contract import ARTICLE_PATH, LIST_SEPARATOR, TABLES, TABLES_BY_NAME, Table


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a dataset, located as precisely as possible."""

    file: str
    line: int | None
    column: str | None
    value: str | None
    message: str
    #: The check that reported it (``read_files`` or a rule of ``TABLE_RULES`` or ``RULES``), set as it runs;
    #: not part of the problem's words, nor of its equality.
    rule: str = field(default="", repr=False, compare=False)

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.column:
            where += f", column '{self.column}'"
        shown = "" if self.value is None else f" {show(self.value)}"
        return f"{where}:{shown} {self.message}"


def show(value: str) -> str:
    """A cell's value as a problem quotes it: in quotation marks, cut to 60 characters."""
    return repr(value if len(value) <= 60 else value[:57] + "...")


@dataclass
class Row:
    """A CSV record as text, with the line it starts on."""

    line: int
    cells: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.cells.get(column, "")

    def items(self, column: str) -> list[str]:
        """The items of a list cell (:func:`split_list`)."""
        return split_list(self[column])


def split_list(cell: str) -> list[str]:
    """The `|`-separated items of a list cell, each stripped; an empty cell is an empty list.
    The validator and the loader both split lists here, so what is checked is what is loaded.

    >>> split_list("carpenter| usa"), split_list(" ")
    (['carpenter', 'usa'], [])
    """
    return [item.strip() for item in cell.split(LIST_SEPARATOR)] if cell.strip() else []


@dataclass
class RawDataset:
    """The dataset as read from disk, before types are applied."""

    path: Path
    tables: dict[str, list[Row]] = field(default_factory=dict)
    columns: dict[str, list[str]] = field(default_factory=dict)
    article: str | None = None
    article_sha256: str | None = None
    problems: list[Problem] = field(default_factory=list)

    def report(self, table: str, row: Row | None, column: str | None, value: str | None, message: str) -> None:
        """A problem with a cell (or, with ``row`` None, a column) of ``table``, a name of the contract."""
        filename = TABLES_BY_NAME[table].filename if table in TABLES_BY_NAME else table
        self.problems.append(Problem(filename, row.line if row else None, column, value, message))

    def report_file(self, filename: str, message: str, line: int | None = None) -> None:
        """A problem with a whole file (missing, unreadable, empty), not with one cell."""
        self.problems.append(Problem(filename, line, None, None, message))

    def ids(self, table: str) -> set[str]:
        """The primary keys of ``table``'s rows (empty for a table that could not be read)."""
        key = TABLES_BY_NAME[table].primary_key
        return {row[key] for row in self.tables.get(table, []) if row[key]}

    def unknown(self, table: str, value: str) -> str:
        """The message for ``value`` that is no id of ``table``, with the nearest id as a suggestion."""
        known = self.ids(table)
        key = TABLES_BY_NAME[table].primary_key
        message = f"is not a known {key} in {table}.csv"
        close = difflib.get_close_matches(value, sorted(known), n=1)
        return message + (f"; did you mean '{close[0]}'?" if close else "")


def read_files(raw: RawDataset) -> None:
    """Read the article and every table the dataset has into ``raw``, reporting what cannot be read."""
    if not raw.path.is_dir():
        raw.report_file(str(raw.path), "is not a directory; expected a dataset folder with the CSV files")
        return
    raw.article = _read_article(raw)
    for table in TABLES:
        if _is_left_out(raw, table):
            continue
        _read_table(raw, table)


def _is_left_out(raw: RawDataset, table: Table) -> bool:
    """True for an optional table the dataset does not have (a folder it has must be complete)."""
    if not table.optional or (raw.path / table.filename).is_file():
        return False
    if table.folder and (raw.path / table.folder).is_dir():
        siblings = [t.filename for t in TABLES if t.folder == table.folder]
        raw.report_file(
            table.filename,
            f"is missing; the optional {table.folder}/ folder is there, so it must hold {' and '.join(siblings)}",
        )
    return True


def _decode(raw: RawDataset, filename: str, data: bytes) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = data[error.start : error.start + 1].hex()
        raw.report_file(
            filename, f"is not UTF-8 text: byte 0x{byte} on this line cannot be read; save the file as UTF-8", line=line
        )
        return None


def _read_article(raw: RawDataset) -> str | None:
    article_file = raw.path / ARTICLE_PATH
    if not article_file.is_file():
        raw.report_file(ARTICLE_PATH, "is missing; expected the article's text, which sentences.csv cites")
        return None
    data = article_file.read_bytes()
    text = _decode(raw, ARTICLE_PATH, data)
    if text is not None:
        raw.article_sha256 = hashlib.sha256(data).hexdigest()
    return text


def _read_table(raw: RawDataset, table: Table) -> None:
    csv_file = raw.path / table.filename
    if not csv_file.is_file():
        raw.report_file(
            table.filename, f"is missing; expected a CSV file of {table.description[0].lower()}{table.description[1:]}"
        )
        return
    text = _decode(raw, table.filename, csv_file.read_bytes())
    if text is None:
        return
    if not text.strip():
        raw.report_file(
            table.filename,
            f"is empty; expected a header row with the columns {', '.join(table.required_columns)}",
            line=1,
        )
        return
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip() for name in next(reader)]
    except csv.Error as error:
        raw.problems.append(Problem(table.filename, 1, None, None, f"cannot be read as CSV ({error})"))
        return
    seen: set[str] = set()
    for name in header:
        if name in seen:
            raw.problems.append(
                Problem(table.filename, 1, name, None, "appears twice in the header; column names must be unique")
            )
        seen.add(name)
    for name in table.required_columns:
        if name not in header:
            raw.problems.append(
                Problem(
                    table.filename,
                    1,
                    name,
                    None,
                    f"is missing from the header; the contract requires it ({table.field(name).description})",
                )  # type: ignore[union-attr]
            )
    rows: list[Row] = []
    line = reader.line_num + 1
    try:
        for record in reader:
            if record:
                if len(record) != len(header):
                    raw.problems.append(
                        Problem(
                            table.filename,
                            line,
                            None,
                            None,
                            f"has {len(record)} cells but the header has {len(header)} columns; "
                            "check for a missing or extra comma or an unclosed quote",
                        )
                    )
                rows.append(Row(line, dict(zip(header, record, strict=False))))
            line = reader.line_num + 1
    except csv.Error as error:
        raw.problems.append(Problem(table.filename, line, None, None, f"cannot be read as CSV ({error})"))
    raw.tables[table.name] = rows
    raw.columns[table.name] = header
