"""What a table and a column of the contract are: :class:`Table` and :class:`Field`.

A column is either *required by the contract* (every dataset has it), an *optional* contract
column (``notes``, which every table may carry: :data:`NOTES`), a column that *contract v2*
added (a v1 dataset may leave it out; the loader then fills in its ``default``), or one of this
project's *extensions* (a dataset may leave it out).

A table is required, or *optional* (``reliability/``: a dataset without the folder is valid;
a dataset with it must hold both of its files).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FieldType = Literal["string", "integer", "number", "date", "edtf", "list"]
LIST_SEPARATOR = "|"
SLUG_PATTERN = r"[a-z0-9][a-z0-9_]*"  # patterns match the whole value, as in Table Schema


@dataclass(frozen=True)
class Field:
    """One column of a table."""

    name: str
    type: FieldType
    description: str
    required: bool = False  # the cell must not be empty
    enum: tuple[str, ...] = ()
    references: str = ""  # "table.column" that every value (every list item) must match
    minimum: float | None = None
    maximum: float | None = None
    pattern: str = ""
    extension: bool = False  # this project's own column, optional for other datasets
    optional: bool = False  # a contract column that a dataset may leave out (``notes``)
    since: int = 1  # the contract version that added it: a dataset of an earlier version may leave it out
    default: str | None = None  # what the loader puts where the column is absent or a cell is empty

    @property
    def may_be_absent(self) -> bool:
        """Whether a dataset may leave this column out of its header."""
        return self.extension or self.optional or self.since > 1


@dataclass(frozen=True)
class Table:
    """One CSV file of the dataset."""

    name: str
    description: str
    fields: tuple[Field, ...]
    primary_key: str = ""
    composite_key: tuple[str, ...] = ()  # for a table whose rows are identified by several columns
    folder: str = ""  # the subfolder of the dataset it lives in, if any
    optional: bool = False  # a dataset may leave the file out (but not one file of a folder it has)
    since: int = 1  # the contract version that added it

    @property
    def filename(self) -> str:
        """The file's path inside the dataset folder, as errors name it."""
        return f"{self.folder}/{self.name}.csv" if self.folder else f"{self.name}.csv"

    @property
    def key_columns(self) -> tuple[str, ...]:
        """The columns whose values identify a row (unique together)."""
        return self.composite_key or ((self.primary_key,) if self.primary_key else ())

    @property
    def required_columns(self) -> list[str]:
        """The columns every dataset's header must have (not optional, not v2, not an extension)."""
        return [f.name for f in self.fields if not f.may_be_absent]

    def field(self, name: str) -> Field | None:
        """The column called ``name``, or None if the table has no such column."""
        return next((f for f in self.fields if f.name == name), None)


#: The coder's caveats: the one column every table may carry.
NOTES = Field(
    "notes",
    "string",
    "The coder's caveats: disagreeing sources, inferred dates, a coding choice and why (shown as "
    '"Coder\'s note"). Any table may carry it.',
    optional=True,
)
