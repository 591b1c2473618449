"""The rules across tables, in the order the validator runs them: :data:`RULES`.

A rule is a function ``check_<what>(raw: RawDataset) -> None`` that reports each problem it
finds with ``raw.report(...)`` and never stops at the first. It runs after every file has
been read and every table's cells checked (:data:`~article_explorer.data.validation.cells.TABLE_RULES`),
so it may rely on what was read and skip a cell already reported as malformed. Each rule lives
in the module of its subject:

- :mod:`~article_explorer.data.validation.references`: ids across tables, rows that are used;
- :mod:`~article_explorer.data.validation.text`: the article, its sentences, quotes and coverage;
- :mod:`~article_explorer.data.validation.dates`: event dates and outcomes;
- :mod:`~article_explorer.data.validation.sides`: the sides and the periods of country_sides.csv;
- :mod:`~article_explorer.data.validation.boundaries`: the country codes a map draws;
- :mod:`~article_explorer.data.validation.reliability`: the optional ``reliability/`` folder;
- :mod:`~article_explorer.data.validation.lessons`: the optional ``lessons/`` folder.

To add a rule: write it in the module of its subject (or a new one), add it to :data:`RULES`
where its problems should come in the report, and write a broken-copy test in
``tests/test_validator_faults.py`` that expects a problem from it
(``tests/test_validation_rules.py`` fails while a registered rule has no such test).

>>> [rule.__name__ for rule in RULES][:3]
['check_references', 'check_sources', 'check_sentences']
"""

from __future__ import annotations

from collections.abc import Callable

from article_explorer.data.validation.boundaries import check_boundaries
from article_explorer.data.validation.dates import check_event_dates, check_outcomes
from article_explorer.data.validation.lessons import check_lessons
from article_explorer.data.validation.read import RawDataset
from article_explorer.data.validation.references import (
    check_claim_stances,
    check_position_evidence,
    check_references,
    check_usage,
)
from article_explorer.data.validation.reliability import check_reliability
from article_explorer.data.validation.sides import check_country_sides, check_sides
from article_explorer.data.validation.text import check_coverage, check_quotes_and_cues, check_sentences, check_sources

Rule = Callable[[RawDataset], None]

#: Every rule across tables, in the order it runs (and its problems are reported).
RULES: tuple[Rule, ...] = (
    check_references,
    check_sources,
    check_sentences,
    check_quotes_and_cues,
    check_event_dates,
    check_outcomes,
    check_claim_stances,
    check_position_evidence,
    check_usage,
    check_sides,
    check_country_sides,
    check_boundaries,
    check_coverage,
    check_reliability,
    check_lessons,
)
