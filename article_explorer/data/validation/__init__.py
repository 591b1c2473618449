"""Check a dataset against the data contract (being split into modules: see read.py for now)."""

from article_explorer.data.validation.read import (
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
