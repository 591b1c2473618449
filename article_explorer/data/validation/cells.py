"""Each table on its own: every cell against its column of the contract, and unique keys.

These are the table rules, :data:`TABLE_RULES`: each runs once per table the dataset has,
in order, before the rules across tables.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable

from article_explorer.data.contract import LIST_SEPARATOR, SLUG_PATTERN, Field, Table
from article_explorer.data.edtf import EXAMPLES, EdtfError, parse_edtf
from article_explorer.data.validation.read import RawDataset


def check_cells(raw: RawDataset, table: Table) -> None:
    """Every cell against its column: not empty where required, and of its type, range, vocabulary, form."""
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
            return "is not a number; expected a decimal number such as 12.5 (with a point, no unit)"
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
        return "is not a valid id; use lowercase letters, digits and '_' (for example first_meeting)"
    if spec.name.endswith("iso3"):
        also = "" if spec.pattern == "[A-Z]{3}" else ", or an area's key in capitals (e.g. N.CYPRUS)"
        return f"is not an ISO 3166-1 alpha-3 code; expected three capital letters such as FRA{also}"
    if spec.name == "url":
        return "is not a web address; expected one starting with http:// or https://"
    return f"does not have the expected form ({spec.pattern})"


def check_unique(raw: RawDataset, table: Table) -> None:
    """Each row's key (its id, or the columns that identify it together) is used once."""
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


#: The rules for one table, in the order they run for each table the dataset has.
TABLE_RULES: tuple[Callable[[RawDataset, Table], None], ...] = (check_cells, check_unique)
