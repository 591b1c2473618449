"""When things happened: each event's date against its bounds and precision, each outcome's date and source.

Rules across tables, registered in :data:`article_explorer.data.validation.rules.RULES`.
"""

from __future__ import annotations

import datetime as dt

from article_explorer.data.edtf import EdtfError, parse_edtf
from article_explorer.data.validation.read import RawDataset


def check_event_dates(raw: RawDataset) -> None:
    """An event's precision and date_start/date_end agree with its EDTF date; a context date has its source."""
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


def check_outcomes(raw: RawDataset) -> None:
    """An outcome of an event or a claim has its date and its source, and neither comes without it."""
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
