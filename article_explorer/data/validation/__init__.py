"""Check a dataset against the data contract (being split into modules: see rules.py for now)."""

from article_explorer.data.validation.rules import (
    CITING_TABLES,
    Problem,
    RawDataset,
    Row,
    cited_text,
    read_dataset,
    sentence_coverage,
    validate,
)

__all__ = [
    "CITING_TABLES",
    "Problem",
    "RawDataset",
    "Row",
    "cited_text",
    "read_dataset",
    "sentence_coverage",
    "validate",
]
