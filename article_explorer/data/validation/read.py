"""Check a dataset against the data contract and report every problem in one go.

Each :class:`Problem` names the file, the CSV line, the column, the bad value and what
was expected, in words a learner can act on. Nothing is dropped silently: a row that
cannot be read is a problem, not a skipped row.

>>> problems = validate()          # the repository's own dataset
>>> problems
[]
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import hashlib
import io
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from article_explorer.data.config import data_dir
from article_explorer.data.contract import (
    ARTICLE_PATH,
    LIST_SEPARATOR,
    RELIABILITY_FIELD_NAMES,
    RELIABILITY_FIELDS,
    SLUG_PATTERN,
    TABLES,
    TABLES_BY_NAME,
    Field,
    Table,
)
from article_explorer.data.edtf import EXAMPLES, EdtfError, parse_edtf

CITING_TABLES = ("events", "claims", "positions")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a dataset, located as precisely as possible."""

    file: str
    line: int | None
    column: str | None
    value: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.column:
            where += f", column '{self.column}'"
        shown = "" if self.value is None else f" {_show(self.value)}"
        return f"{where}:{shown} {self.message}"


def _show(value: str) -> str:
    return repr(value if len(value) <= 60 else value[:57] + "...")


@dataclass
class Row:
    """A CSV record as text, with the line it starts on."""

    line: int
    cells: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.cells.get(column, "")

    def items(self, column: str) -> list[str]:
        """The `|`-separated items of a list cell (empty list for an empty cell)."""
        value = self[column]
        return [item.strip() for item in value.split(LIST_SEPARATOR)] if value.strip() else []


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
        filename = TABLES_BY_NAME[table].filename if table in TABLES_BY_NAME else table
        self.problems.append(Problem(filename, row.line if row else None, column, value, message))

    def report_file(self, filename: str, message: str, line: int | None = None) -> None:
        """A problem with a whole file (missing, unreadable, empty), not with one cell."""
        self.problems.append(Problem(filename, line, None, None, message))


def read_dataset(path: str | os.PathLike[str] | None = None) -> RawDataset:
    """Read every table and the article, and run all checks of the contract."""
    raw = RawDataset(data_dir(path))
    if not raw.path.is_dir():
        raw.report_file(str(raw.path), "is not a directory; expected a dataset folder with the CSV files")
        return raw
    raw.article = _read_article(raw)
    for table in TABLES:
        if _is_left_out(raw, table):
            continue
        _read_table(raw, table)
    for table in TABLES:
        if table.name in raw.tables:
            _check_cells(raw, table)
            _check_unique(raw, table)
    _check_references(raw)
    _check_sources(raw)
    _check_sentences(raw)
    _check_quotes_and_cues(raw)
    _check_event_dates(raw)
    _check_outcomes(raw)
    _check_claim_stances(raw)
    _check_position_evidence(raw)
    _check_usage(raw)
    _check_coverage(raw)
    _check_reliability(raw)
    return raw


def validate(path: str | os.PathLike[str] | None = None) -> list[Problem]:
    """Return every problem in the dataset at ``path`` (default: the current dataset).

    An empty list means the dataset honours the contract.
    """
    return read_dataset(path).problems


# --- reading -------------------------------------------------------------------------


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


# --- cell by cell --------------------------------------------------------------------


def _check_cells(raw: RawDataset, table: Table) -> None:
    present = [spec for spec in table.fields if spec.name in raw.columns[table.name]]
    for row in raw.tables[table.name]:
        for spec in present:
            value = row[spec.name]
            if not value.strip():
                if spec.required and spec.since > 1:
                    raw.report(
                        table.name,
                        row,
                        spec.name,
                        value,
                        f"is empty; expected one of: {', '.join(spec.enum)} (a contract v{spec.since} column: "
                        "a dataset that has the column needs a value in every row)",
                    )
                elif spec.required:
                    raw.report(
                        table.name, row, spec.name, value, f"is empty; expected {_lower_first(spec.description)}"
                    )
                continue
            message = _check_value(spec, value)
            if message:
                raw.report(table.name, row, spec.name, value, message)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _check_value(spec: Field, value: str) -> str | None:
    if value != value.strip():
        return "has spaces at the start or end; remove them"
    if spec.type == "integer":
        if not re.fullmatch(r"-?\d+", value):
            return "is not a whole number"
        number: float = int(value)
    elif spec.type == "number":
        try:
            number = float(value)
        except ValueError:
            return "is not a number; expected decimal degrees such as 53.9022"
        if not math.isfinite(number):
            return "is not a finite number"
    elif spec.type == "date":
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return "is not a real calendar date in the form YYYY-MM-DD"
        return None
    elif spec.type == "edtf":
        try:
            parse_edtf(value)
        except EdtfError as error:
            return f"cannot be read as a date: {error}; expected an EDTF date such as {EXAMPLES}"
        return None
    elif spec.type == "list":
        items = value.split(LIST_SEPARATOR)
        if any(not item.strip() for item in items):
            return f"has an empty item; separate items with one '{LIST_SEPARATOR}' and none at the ends"
        return None
    else:
        if spec.enum and value not in spec.enum:
            return f"is not an allowed value; expected one of: {', '.join(spec.enum)}"
        if spec.pattern and not re.fullmatch(spec.pattern, value):
            return _pattern_message(spec)
        return None
    if spec.minimum is not None and number < spec.minimum:
        return f"is below the smallest allowed value, {spec.minimum:g}"
    if spec.maximum is not None and number > spec.maximum:
        return f"is above the largest allowed value, {spec.maximum:g}"
    return None


def _pattern_message(spec: Field) -> str:
    if spec.name.endswith("_id") and spec.pattern == SLUG_PATTERN:
        return "is not a valid id; use lowercase letters, digits and '_' (for example carpenter_visit)"
    if spec.name.endswith("iso3"):
        return "is not an ISO 3166-1 alpha-3 code; expected three capital letters such as BLR"
    if spec.name == "url":
        return "is not a web address; expected one starting with http:// or https://"
    return f"does not have the expected form ({spec.pattern})"


def _check_unique(raw: RawDataset, table: Table) -> None:
    keys = table.key_columns
    if not keys or any(key not in raw.columns[table.name] for key in keys):
        return
    first_line: dict[tuple[str, ...], int] = {}
    for row in raw.tables[table.name]:
        value = tuple(row[key] for key in keys)
        if not all(value):
            continue
        if value not in first_line:
            first_line[value] = row.line
        elif len(keys) == 1:
            raw.report(
                table.name, row, keys[0], value[0], f"is a duplicate id; it is already used on line {first_line[value]}"
            )
        else:
            raw.report(
                table.name,
                row,
                keys[-1],
                value[-1],
                f"repeats line {first_line[value]}: the same {', '.join(keys[:-1])} and {keys[-1]} "
                f"({'/'.join(value)}) may appear only once",
            )


# --- across tables -------------------------------------------------------------------


def _ids(raw: RawDataset, table: str) -> set[str]:
    key = TABLES_BY_NAME[table].primary_key
    return {row[key] for row in raw.tables.get(table, []) if row[key]}


def _unknown(raw: RawDataset, table: str, value: str) -> str:
    known = _ids(raw, table)
    key = TABLES_BY_NAME[table].primary_key
    message = f"is not a known {key} in {table}.csv"
    close = difflib.get_close_matches(value, sorted(known), n=1)
    return message + (f"; did you mean '{close[0]}'?" if close else "")


def _check_references(raw: RawDataset) -> None:
    for table in TABLES:
        if table.name not in raw.tables:
            continue
        for spec in table.fields:
            if not spec.references or spec.name not in raw.columns[table.name]:
                continue
            target = spec.references.split(".")[0]
            if target not in raw.tables:
                continue
            known = _ids(raw, target)
            for row in raw.tables[table.name]:
                values = row.items(spec.name) if spec.type == "list" else ([row[spec.name]] if row[spec.name] else [])
                for value in values:
                    if value and value not in known:
                        raw.report(table.name, row, spec.name, value, _unknown(raw, target, value))


def _check_sources(raw: RawDataset) -> None:
    rows = raw.tables.get("sources")
    if rows is None:
        return
    articles = [row for row in rows if row["kind"] == "article"]
    if len(articles) != 1:
        raw.report("sources", None, "kind", None, f"has {len(articles)} rows of kind 'article'; expected exactly one")
    sha = raw.article_sha256
    for row in articles:
        if row["sha256"] and sha and row["sha256"] != sha:
            raw.report(
                "sources",
                row,
                "sha256",
                row["sha256"],
                f"does not match {ARTICLE_PATH} (its SHA-256 is {sha}); the article file has changed",
            )


def _check_sentences(raw: RawDataset) -> None:
    rows = raw.tables.get("sentences")
    if rows is None or raw.article is None:
        return
    for row in rows:
        try:
            start, end = int(row["char_start"]), int(row["char_end"])
        except ValueError:
            continue
        if start >= end:
            raw.report("sentences", row, "char_end", row["char_end"], f"must be greater than char_start ({start})")
            continue
        if end > len(raw.article):
            raw.report(
                "sentences",
                row,
                "char_end",
                row["char_end"],
                f"is past the end of the article ({len(raw.article)} characters)",
            )
            continue
        if raw.article[start:end] != row["text"]:
            raw.report(
                "sentences",
                row,
                "text",
                row["text"],
                f"does not match the article at characters {start}-{end}, which read {_show(raw.article[start:end])}",
            )
        expected_id = f"p{row['paragraph'].zfill(2)}s{row['sentence']}"
        if row["sentence_id"] and row["paragraph"].isdigit() and row["sentence_id"] != expected_id:
            raw.report(
                "sentences",
                row,
                "sentence_id",
                row["sentence_id"],
                f"does not agree with paragraph {row['paragraph']} and sentence {row['sentence']}; "
                f"expected {expected_id}",
            )


def cited_text(sentences: dict[str, str], sentence_ids: list[str]) -> str | None:
    """The text of the cited sentences joined by spaces, or None if one is unknown."""
    if any(sid not in sentences for sid in sentence_ids):
        return None
    return " ".join(sentences[sid] for sid in sentence_ids)


def _check_quotes_and_cues(raw: RawDataset) -> None:
    sentences = {row["sentence_id"]: row["text"] for row in raw.tables.get("sentences", [])}
    for table in CITING_TABLES:
        for row in raw.tables.get(table, []):
            text = cited_text(sentences, row.items("sentence_ids"))
            if text is None:
                continue
            if row["quote"] and row["quote"] not in text:
                raw.report(
                    table,
                    row,
                    "quote",
                    row["quote"],
                    f"does not occur verbatim in its sentences ({', '.join(row.items('sentence_ids'))}); "
                    "copy the words exactly, quotation marks and apostrophes included",
                )
            for cue in row.items("hedge_cues"):
                if cue not in text:
                    raw.report(table, row, "hedge_cues", cue, "does not occur verbatim in the claim's sentences")


def _check_event_dates(raw: RawDataset) -> None:
    for row in raw.tables.get("events", []):
        try:
            edtf = parse_edtf(row["date"])
        except EdtfError:
            continue  # already reported cell by cell
        if row["precision"]:
            interval_precision = "ongoing" if edtf.open_ended else "range"
            expected = interval_precision if edtf.is_interval else edtf.single_precision
            if row["precision"] != expected:
                raw.report(
                    "events",
                    row,
                    "precision",
                    row["precision"],
                    f"does not agree with the date '{row['date']}'; expected {expected}",
                )
        bounds = {}
        for column, bound, limit in (
            ("date_start", edtf.start_bound, edtf.earliest),
            ("date_end", edtf.end_bound, edtf.latest),
        ):
            value = row[column]
            if value and bound != "date":
                side = "start" if column == "date_start" else "end"
                what = "open ('..')" if bound == "open" else "unknown (empty)"
                raw.report(
                    "events",
                    row,
                    column,
                    value,
                    f"is given but the {side} of the date '{row['date']}' is {what}; leave {column} empty",
                )
                continue
            if not value:
                if bound == "date":
                    raw.report(
                        "events",
                        row,
                        column,
                        value,
                        f"is empty; expected the {'earliest' if column == 'date_start' else 'latest'} "
                        f"possible day of '{row['date']}' ({limit})",
                    )
                continue
            try:
                day = dt.date.fromisoformat(value)
            except ValueError:
                continue
            bounds[column] = day
            if (edtf.earliest and day < edtf.earliest) or (edtf.latest and day > edtf.latest):
                raw.report(
                    "events",
                    row,
                    column,
                    value,
                    f"lies outside the date '{row['date']}' ({edtf.earliest or '..'} to {edtf.latest or '..'})",
                )
        if len(bounds) == 2 and bounds["date_start"] > bounds["date_end"]:
            raw.report(
                "events",
                row,
                "date_start",
                row["date_start"],
                f"is after date_end ({row['date_end']}); the start must come first",
            )
        if row["date_basis"] == "context" and not row["date_source_id"]:
            raw.report(
                "events",
                row,
                "date_source_id",
                "",
                "is empty; a date taken from outside the article (date_basis=context) needs its source",
            )


def _check_outcomes(raw: RawDataset) -> None:
    for table in ("events", "claims"):
        for row in raw.tables.get(table, []):
            if row["outcome"] and not row["outcome_source_id"]:
                raw.report(
                    table, row, "outcome_source_id", "", "is empty; every outcome needs the source it was read in"
                )
            if row["outcome"] and not row["outcome_date"]:
                raw.report(
                    table,
                    row,
                    "outcome_date",
                    "",
                    "is empty; every outcome needs the date it happened, as an EDTF date such as 2016-07-08 or 2018",
                )
            if not row["outcome"] and (row["outcome_source_id"] or row["outcome_date"]):
                raw.report(
                    table,
                    row,
                    "outcome",
                    "",
                    "is empty but an outcome date or source is given; write the outcome or clear them",
                )


def _check_claim_stances(raw: RawDataset) -> None:
    for row in raw.tables.get("claims", []):
        if row["issue_id"] and not row["stance"]:
            raw.report(
                "claims",
                row,
                "stance",
                "",
                "is empty; a claim on an issue needs a stance (supports, opposes or neutral)",
            )
        if row["stance"] and not row["issue_id"]:
            raw.report(
                "claims",
                row,
                "stance",
                row["stance"],
                "is given without an issue_id; set the issue or clear the stance",
            )


def _check_position_evidence(raw: RawDataset) -> None:
    known = _ids(raw, "claims") | _ids(raw, "events")
    for row in raw.tables.get("positions", []):
        if row["evidence"] and row["evidence"] not in known:
            raw.report(
                "positions",
                row,
                "evidence",
                row["evidence"],
                "is neither a claim_id in claims.csv nor an event_id in events.csv",
            )


USES = {
    "actors": (
        ("events", "actor_ids"),
        ("claims", "claimant_id"),
        ("claims", "about_actor_ids"),
        ("positions", "actor_id"),
    ),
    "places": (("events", "place_id"), ("claims", "place_ids")),
    "issues": (("claims", "issue_id"), ("positions", "issue_id")),
}


MAX_CITERS_NAMED = 3


def _place_role(row: Row) -> str | None:
    """A place's role (empty means mentioned); None for a value outside the vocabulary."""
    role = row["role"] or "mentioned"
    return role if role in ("mentioned", "landmark") else None


def _check_usage(raw: RawDataset) -> None:
    for table, uses in USES.items():
        used: dict[str, list[str]] = {}
        for using_table, column in uses:
            using_key = TABLES_BY_NAME[using_table].primary_key
            for row in raw.tables.get(using_table, []):
                for value in row.items(column):
                    used.setdefault(value, []).append(f"{using_table}.{column} on line {row.line} ({row[using_key]})")
        key = TABLES_BY_NAME[table].primary_key
        users = " or ".join(sorted({f"{t}.{c}" for t, c in uses}))
        for row in raw.tables.get(table, []):
            if not row[key]:
                continue
            role = _place_role(row) if table == "places" else "mentioned"
            if role == "landmark" and row[key] in used:
                citers = used[row[key]]
                named = ", ".join(citers[:MAX_CITERS_NAMED])
                more = f" and {len(citers) - MAX_CITERS_NAMED} more" if len(citers) > MAX_CITERS_NAMED else ""
                raw.report(
                    table,
                    row,
                    "role",
                    row["role"],
                    f"is wrong for '{row[key]}', which is cited by {named}{more}; a landmark only orients "
                    "the reader and no row cites it: make it role=mentioned",
                )
            elif role == "mentioned" and row[key] not in used:
                hint = "; or, if it is only there to orient the reader, set role=landmark" if table == "places" else ""
                raw.report(table, row, key, row[key], f"is never used (by {users}); cite it or remove the row{hint}")


def sentence_coverage(raw: RawDataset) -> tuple[list[str], list[str]]:
    """Return (cited, uncited) ids of the standfirst and body sentences."""
    cited: set[str] = set()
    for table in CITING_TABLES:
        for row in raw.tables.get(table, []):
            cited.update(row.items("sentence_ids"))
    required = [row["sentence_id"] for row in raw.tables.get("sentences", []) if row["part"] in ("standfirst", "body")]
    return [s for s in required if s in cited], [s for s in required if s not in cited]


def _check_coverage(raw: RawDataset) -> None:
    _, uncited = sentence_coverage(raw)
    by_id = {row["sentence_id"]: row for row in raw.tables.get("sentences", [])}
    for sentence_id in uncited:
        row = by_id[sentence_id]
        raw.report(
            "sentences",
            row,
            "sentence_id",
            sentence_id,
            f"is not cited by any event, claim or position (text: {_show(row['text'])}); "
            "every standfirst and body sentence must be coded",
        )


# --- reliability/ (contract v2, optional) ---------------------------------------------


def _coded_row(raw: RawDataset, file: str, row: Row) -> Row | None:
    """The claims or positions row a reliability row codes, or None (and a problem) if there is none."""
    table, row_id, field_name = row["table"], row["row_id"], row["field"]
    if table not in RELIABILITY_FIELDS or field_name not in RELIABILITY_FIELD_NAMES or not row_id:
        return None  # an unknown table or field, or an empty cell, is already reported cell by cell
    if table not in raw.tables or not re.fullmatch(SLUG_PATTERN, row_id):
        return None  # the table could not be read, or the id is malformed: reported already
    if field_name not in RELIABILITY_FIELDS[table]:
        raw.report(
            file,
            row,
            "field",
            field_name,
            f"is not a judgement field of {table}; expected one of: {', '.join(RELIABILITY_FIELDS[table])}",
        )
        return None
    key = TABLES_BY_NAME[table].primary_key
    coded = next((r for r in raw.tables.get(table, []) if r[key] == row_id), None)
    if coded is None:
        raw.report(file, row, "row_id", row_id, _unknown(raw, table, row_id))
        return None
    if table == "claims" and field_name == "stance" and not coded["issue_id"]:
        raw.report(
            file,
            row,
            "field",
            field_name,
            f"is coded for claim '{row_id}', which has no issue_id (claims.csv line {coded.line}) and so no "
            "stance; code stance only for a claim with an issue",
        )
        return None
    return coded


def _check_vocabulary(raw: RawDataset, file: str, row: Row, column: str) -> bool:
    spec = TABLES_BY_NAME[row["table"]].field(row["field"])
    value = row[column]
    if spec is None or not value or value in spec.enum:
        return bool(value)
    raw.report(
        file,
        row,
        column,
        value,
        f"is not an allowed value of {row['table']}.{row['field']}; expected one of: {', '.join(spec.enum)}",
    )
    return False


def _check_reliability(raw: RawDataset) -> None:
    """Check the second coding and its adjudication against each other and against the dataset.

    The dataset holds the adjudicated coding: an adjudication's ``final`` must be the
    dataset's value, its ``second`` the second coder's. The first coder's value is known only
    from ``adjudication.csv``; where a unit has no adjudication row, the first coding is the
    dataset's value, so a second coding that differs from the dataset is a disagreement that
    was never adjudicated.
    """
    seconds = raw.tables.get("second_coding")
    adjudications = raw.tables.get("adjudication")
    if seconds is None or adjudications is None:
        return
    adjudicated: set[tuple[str, str, str]] = set()
    for row in adjudications:
        unit = (row["table"], row["row_id"], row["field"])
        adjudicated.add(unit)
        coded = _coded_row(raw, "adjudication", row)
        if coded is None:
            continue
        for column in ("first", "second", "final"):
            _check_vocabulary(raw, "adjudication", row, column)
        current = coded[row["field"]]
        if row["final"] and row["final"] != current:
            raw.report(
                "adjudication",
                row,
                "final",
                row["final"],
                f"does not match the dataset: {row['table']}.csv line {coded.line} has {row['field']} "
                f"'{current}'; the dataset holds the adjudicated coding, so final must equal it",
            )
        second_rows = [s for s in seconds if (s["table"], s["row_id"], s["field"]) == unit]
        if not second_rows:
            raw.report(
                "adjudication",
                row,
                "second",
                row["second"],
                f"has no second coding: reliability/second_coding.csv has no row for {row['table']} "
                f"'{row['row_id']}', field {row['field']}",
            )
        elif row["second"] and row["second"] not in {s["value"] for s in second_rows}:
            found = ", ".join(f"'{s['value']}' on line {s.line}" for s in second_rows)
            raw.report(
                "adjudication",
                row,
                "second",
                row["second"],
                f"does not match the second coding in reliability/second_coding.csv ({found})",
            )
    for row in seconds:
        coded = _coded_row(raw, "second_coding", row)
        if coded is None or not _check_vocabulary(raw, "second_coding", row, "value"):
            continue
        unit = (row["table"], row["row_id"], row["field"])
        current = coded[row["field"]]
        if row["value"] != current and unit not in adjudicated:
            raw.report(
                "second_coding",
                row,
                "value",
                row["value"],
                f"disagrees with the dataset ({row['table']}.csv line {coded.line} has {row['field']} "
                f"'{current}') but reliability/adjudication.csv has no row for {row['table']} "
                f"'{row['row_id']}', field {row['field']}; every disagreement needs an adjudication row",
            )
