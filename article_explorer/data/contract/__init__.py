"""The data contract: which tables a dataset has, their columns, types and vocabularies.

This package is the single source of truth, in code, for the tables of columns in the
codebook, ``data/README.md``. The validator checks CSVs against it, the loader uses it to
apply types, and :func:`build_datapackage` writes the Frictionless ``datapackage.json`` from
it, so the three cannot drift apart.

- :mod:`~article_explorer.data.contract.schema`: what a table and a column are
  (:class:`Table`, :class:`Field`) and which kinds of column there are;
- :mod:`~article_explorer.data.contract.tables`: the article's tables (eight, and contract v2's
  optional sides) and :data:`TABLES`;
- :mod:`~article_explorer.data.contract.reliability`: the optional ``reliability/`` folder;
- :mod:`~article_explorer.data.contract.lessons`: the optional ``lessons/`` folder (reading
  exercises, their options and misconceptions), the notebooks and the skills they teach;
- :mod:`~article_explorer.data.contract.frictionless`: :func:`build_datapackage`.

Import from here: ``from article_explorer.data.contract import TABLES, Field``.

>>> [table.filename for table in TABLES][-5:-3]
['reliability/second_coding.csv', 'reliability/adjudication.csv']
"""

from article_explorer.data.contract.frictionless import build_datapackage
from article_explorer.data.contract.lessons import (
    ITEM_KINDS,
    ITEM_STAGES,
    ITEMS,
    LESSONS_FOLDER,
    MISCONCEPTIONS,
    NOTEBOOKS,
    OPTION_VERDICTS,
    OPTIONS,
    SKILLS,
    Skill,
)
from article_explorer.data.contract.reliability import (
    ADJUDICATION,
    RELIABILITY_FIELD_NAMES,
    RELIABILITY_FIELDS,
    RELIABILITY_FOLDER,
    SECOND_CODING,
)
from article_explorer.data.contract.schema import LIST_SEPARATOR, NOTES, SLUG_PATTERN, Field, FieldType, Table
from article_explorer.data.contract.tables import (
    ACTORS,
    ARTICLE_PATH,
    ARTICLE_SCHEME,
    CLAIMS,
    COUNTRY_SIDES,
    EVENTS,
    FILL_PATTERNS,
    ISSUES,
    PLACES,
    PLOVER_CATEGORIES,
    POSITIONS,
    SENTENCES,
    SIDES,
    SOURCES,
    TABLES,
    TABLES_BY_NAME,
)

__all__ = [
    "ACTORS",
    "ADJUDICATION",
    "ARTICLE_PATH",
    "ARTICLE_SCHEME",
    "CLAIMS",
    "COUNTRY_SIDES",
    "EVENTS",
    "FILL_PATTERNS",
    "ISSUES",
    "ITEMS",
    "ITEM_KINDS",
    "ITEM_STAGES",
    "LESSONS_FOLDER",
    "LIST_SEPARATOR",
    "MISCONCEPTIONS",
    "NOTEBOOKS",
    "NOTES",
    "OPTIONS",
    "OPTION_VERDICTS",
    "PLACES",
    "PLOVER_CATEGORIES",
    "POSITIONS",
    "RELIABILITY_FIELDS",
    "RELIABILITY_FIELD_NAMES",
    "RELIABILITY_FOLDER",
    "SECOND_CODING",
    "SENTENCES",
    "SIDES",
    "SKILLS",
    "SLUG_PATTERN",
    "SOURCES",
    "TABLES",
    "TABLES_BY_NAME",
    "Field",
    "FieldType",
    "Skill",
    "Table",
    "build_datapackage",
]
