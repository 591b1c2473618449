"""Check a dataset against the data contract and report every problem in one go.

Each :class:`Problem` names the file, the CSV line, the column, the bad value and what
was expected, in words a learner can act on. Nothing is dropped silently: a row that
cannot be read is a problem, not a skipped row.

The checks run in three steps, each reporting every problem it finds:

1. :func:`~article_explorer.data.validation.read.read_files` reads the article and each
   table as text (:mod:`~article_explorer.data.validation.read`);
2. the table rules, :data:`TABLE_RULES`, check each table's cells and keys on their own
   (:mod:`~article_explorer.data.validation.cells`);
3. the rules across tables, :data:`RULES`, check what the tables say together
   (:mod:`~article_explorer.data.validation.rules` lists them and where each lives).

Each problem carries the name of the check that reported it (:attr:`Problem.rule`).

>>> problems = validate()          # the repository's own dataset
>>> problems
[]
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable

from article_explorer.data.config import data_dir
from article_explorer.data.contract import TABLES
from article_explorer.data.validation.cells import TABLE_RULES
from article_explorer.data.validation.read import Problem, RawDataset, Row, read_files
from article_explorer.data.validation.rules import RULES
from article_explorer.data.validation.text import CITING_TABLES, cited_text, sentence_coverage

__all__ = [
    "CITING_TABLES",
    "RULES",
    "TABLE_RULES",
    "Problem",
    "RawDataset",
    "Row",
    "cited_text",
    "read_dataset",
    "sentence_coverage",
    "validate",
]


def read_dataset(path: str | os.PathLike[str] | None = None) -> RawDataset:
    """Read every table and the article, and run all checks of the contract."""
    raw = RawDataset(data_dir(path))
    _run(raw, read_files)
    if not raw.path.is_dir():
        return raw
    for table in TABLES:
        if table.name in raw.tables:
            for table_rule in TABLE_RULES:
                _run(raw, table_rule, table)
    for rule in RULES:
        _run(raw, rule)
    return raw


def validate(path: str | os.PathLike[str] | None = None) -> list[Problem]:
    """Return every problem in the dataset at ``path`` (default: the current dataset).

    An empty list means the dataset honours the contract.
    """
    return read_dataset(path).problems


def _run(raw: RawDataset, check: Callable[..., None], *args: object) -> None:
    """Run one check and mark the problems it reports with its name."""
    start = len(raw.problems)
    check(raw, *args)
    raw.problems[start:] = [dataclasses.replace(p, rule=check.__name__) for p in raw.problems[start:]]
