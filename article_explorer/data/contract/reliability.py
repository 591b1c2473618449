"""The tables of the optional ``reliability/`` folder (contract v2): a second coding and its adjudication.

A second coder codes the judgement fields of claims and positions again
(:data:`RELIABILITY_FIELDS`); ``adjudication.csv`` says how each disagreement was settled.
``article_explorer.data.reliability`` measures the agreement; the validator checks both files
against each other and against the dataset.
"""

from __future__ import annotations

from article_explorer.data.contract.schema import NOTES, SLUG_PATTERN, Field, Table

#: The judgement fields that a second coder codes again, by table (contract v2, ``reliability/``).
RELIABILITY_FIELDS: dict[str, tuple[str, ...]] = {
    "claims": ("voice", "claim_type", "certainty", "stance"),
    "positions": ("stance", "basis"),
}
#: Every judgement field of :data:`RELIABILITY_FIELDS`, once, in order.
RELIABILITY_FIELD_NAMES: tuple[str, ...] = tuple(
    dict.fromkeys(name for names in RELIABILITY_FIELDS.values() for name in names)
)
RELIABILITY_FOLDER = "reliability"


def _unit_fields() -> tuple[Field, ...]:
    """The three columns that name a coded unit: its table, its row and its judgement field."""
    return (
        Field("table", "string", "The table of the coded row.", True, tuple(RELIABILITY_FIELDS)),
        Field("row_id", "string", "The id of the coded row in that table.", True, pattern=SLUG_PATTERN),
        Field(
            "field",
            "string",
            "The judgement field coded (claims: voice, claim_type, certainty, stance; positions: stance, basis).",
            True,
            RELIABILITY_FIELD_NAMES,
        ),
    )


SECOND_CODING = Table(
    "second_coding",
    "An independent second coding of the judgement fields of claims and positions (contract v2, optional).",
    (
        *_unit_fields(),
        Field(
            "value",
            "string",
            "The second coder's value, from that field's vocabulary (stance only for a claim with an issue).",
            True,
        ),
        Field("coder", "string", "Who coded it (a name or a pseudonym).", True),
        NOTES,
    ),
    composite_key=("table", "row_id", "field", "coder"),
    folder=RELIABILITY_FOLDER,
    optional=True,
)

ADJUDICATION = Table(
    "adjudication",
    "How each disagreement between the first and the second coding was settled (contract v2, optional).",
    (
        *_unit_fields(),
        Field("first", "string", "The first coder's value, before adjudication.", True),
        Field("second", "string", "The second coder's value, as in `second_coding.csv`.", True),
        Field("final", "string", "The value settled on: the one the dataset holds.", True),
        Field("reason", "string", "Why the final value was chosen, in a sentence.", True),
        NOTES,
    ),
    composite_key=("table", "row_id", "field"),
    folder=RELIABILITY_FOLDER,
    optional=True,
)
