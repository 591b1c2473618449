"""The optional reliability/ folder (contract v2): the second coding and its adjudication, checked.

One rule across tables, :func:`check_reliability`, registered in
:data:`article_explorer.data.validation.rules.RULES`. (The agreement between the codings is
measured in :mod:`article_explorer.data.reliability`.)
"""

from __future__ import annotations

import re

from article_explorer.data.contract import RELIABILITY_FIELD_NAMES, RELIABILITY_FIELDS, SLUG_PATTERN, TABLES_BY_NAME
from article_explorer.data.validation.read import RawDataset, Row


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
        raw.report(file, row, "row_id", row_id, raw.unknown(table, row_id))
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


def check_reliability(raw: RawDataset) -> None:
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
