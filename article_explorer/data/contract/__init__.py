"""The data contract (being split into modules: see tables.py for now)."""

from article_explorer.data.contract.tables import (
    ADJUDICATION,
    ARTICLE_PATH,
    LIST_SEPARATOR,
    RELIABILITY_FIELD_NAMES,
    RELIABILITY_FIELDS,
    RELIABILITY_FOLDER,
    SECOND_CODING,
    SLUG_PATTERN,
    TABLES,
    TABLES_BY_NAME,
    Field,
    Table,
    build_datapackage,
)

__all__ = [
    "ADJUDICATION",
    "ARTICLE_PATH",
    "LIST_SEPARATOR",
    "RELIABILITY_FIELDS",
    "RELIABILITY_FIELD_NAMES",
    "RELIABILITY_FOLDER",
    "SECOND_CODING",
    "SLUG_PATTERN",
    "TABLES",
    "TABLES_BY_NAME",
    "Field",
    "Table",
    "build_datapackage",
]
