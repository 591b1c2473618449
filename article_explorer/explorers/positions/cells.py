"""What one cell of the position matrix holds: which positions are shown, their one stance, and
the evidence behind them.

A cell sums up the positions an actor holds on an issue among those shown: all "supports" →
supports, all "opposes" → opposes, anything else → mixed, none → "none" (no position in the
text); :data:`CELLS` gives each its look. :func:`cell_evidence` gathers a cell's positions and
the events and claims they rest on, and :func:`evidence_html` is the panel that shows them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from article_explorer.data.dataset import Dataset
from article_explorer.data.edtf import in_words
from article_explorer.ui.cards import claim_card, coder_note, event_card
from article_explorer.ui.rendering import esc
from article_explorer.ui.theme import BASIS, NO_POSITION, STANCE, Look, words_for

#: How a matrix cell looks: its stance's look, or "none" (no position in the text).
CELLS: dict[str, Look] = {**STANCE, "none": NO_POSITION}


@dataclass(frozen=True)
class PositionFilters:
    """Whose word the learner keeps: bases of positions and voices of claims (``None`` = all)."""

    bases: frozenset[str] | None = None
    voices: frozenset[str] | None = None


def filter_positions(dataset: Dataset, filters: PositionFilters) -> pd.DataFrame:
    """The positions whose basis is kept, in date order."""
    positions = dataset.positions
    if filters.bases is not None:
        positions = positions[positions["basis"].isin(filters.bases)]
    return positions.sort_values(["as_of_start", "position_id"])


def summarise_stances(stances) -> str:
    """One stance for a cell.

    >>> summarise_stances(["supports", "supports"]), summarise_stances(["supports", "opposes"]), summarise_stances([])
    ('supports', 'mixed', 'none')
    """
    kinds = set(stances)
    if not kinds:
        return "none"
    return kinds.pop() if len(kinds) == 1 and kinds <= {"supports", "opposes", "mixed"} else "mixed"


@dataclass(frozen=True)
class Evidence:
    """Everything behind one cell: its positions, and the events and claims they rest on."""

    positions: pd.DataFrame
    events: pd.DataFrame
    claims: pd.DataFrame


def cell_evidence(dataset: Dataset, filters: PositionFilters, actor_id: str, issue_id: str) -> Evidence:
    """The positions of the cell, the events and claims named as their evidence, and the
    claims the actor itself makes on the issue (claims only in the voices kept)."""
    positions = dataset.positions
    positions = positions[(positions["actor_id"] == actor_id) & (positions["issue_id"] == issue_id)]
    if filters.bases is not None:
        positions = positions[positions["basis"].isin(filters.bases)]
    positions = positions.sort_values(["as_of_start", "position_id"])
    cited = set(positions["evidence"])
    claims = dataset.claims
    claims = claims[
        claims["claim_id"].isin(cited) | ((claims["claimant_id"] == actor_id) & (claims["issue_id"] == issue_id))
    ]
    if filters.voices is not None:
        claims = claims[claims["voice"].isin(filters.voices)]
    events = dataset.events[dataset.events["event_id"].isin(cited)]
    return Evidence(positions, events, claims)


def evidence_html(dataset: Dataset, evidence: Evidence, actor: str, issue: str) -> str:
    """The evidence panel for a cell: each position with its basis, date and quote, then what it rests on."""
    stance = summarise_stances(evidence.positions["stance"])
    look = CELLS[stance]
    parts = [f"<h4>{esc(actor)} on “{esc(issue)}”: {esc(look.glyph)} — {esc(look.words)}</h4>"]
    for _, position in evidence.positions.iterrows():
        paragraphs = ", ".join(f"¶ {p}" for p in position["paragraphs"])
        parts.append(
            f'<div class="ae-card ae-position"><b>{esc(STANCE[position["stance"]].glyph)} {esc(position["stance"])}</b>'
            f" · {esc(words_for(BASIS, position['basis']))} · as of {esc(in_words(position['as_of']))}"
            f"<div>“{esc(position['quote'])}” <span class='ae-meta'>({paragraphs})</span></div>"
            f"{coder_note(position)}</div>"
        )
    if len(evidence.events):
        parts.append("<p><b>Events behind these positions</b></p>")
        parts.extend(event_card(dataset, event, hindsight=False) for _, event in evidence.events.iterrows())
    if len(evidence.claims):
        parts.append("<p><b>Claims behind these positions, or made by the actor on this issue</b></p>")
        parts.extend(claim_card(dataset, claim) for _, claim in evidence.claims.iterrows())
    return "".join(parts)
