"""Questions asked of a loaded dataset by more than one view: which events, which claims, which issue.

Pure pandas: a filter state in, rows out. The explorers draw what these return, and the
exercises check answers against them, so a timeline, a network and an exercise that ask "the
events of 2014" get the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from article_explorer.data.dataset import Dataset


@dataclass(frozen=True)
class EventFilters:
    """Which events to show. ``None`` means no restriction; an empty set keeps nothing."""

    first_year: int | None = None
    last_year: int | None = None
    actors: frozenset[str] | None = None
    categories: frozenset[str] | None = None
    statuses: frozenset[str] | None = None
    date_bases: frozenset[str] | None = None
    context: bool = True  # events the coder added from outside sources (events.origin = context)


def filter_events(dataset: Dataset, filters: EventFilters) -> pd.DataFrame:
    """The events that pass every filter, sorted by start date."""
    events = dataset.events
    keep = pd.Series(True, index=events.index)
    if filters.first_year is not None and filters.last_year is not None and filters.first_year > filters.last_year:
        keep[:] = False  # no year is both from the first and up to the last, whatever an open date spans
    if filters.first_year is not None:  # an open or unknown end runs on: it is in every later year
        keep &= events["date_end"].isna() | (events["date_end"] >= pd.Timestamp(filters.first_year, 1, 1))
    if filters.last_year is not None:
        keep &= events["date_start"].isna() | (events["date_start"] <= pd.Timestamp(filters.last_year, 12, 31))
    if filters.actors is not None:
        keep &= events["actor_ids"].map(lambda ids: bool(filters.actors.intersection(ids)))
    for column, chosen in (
        ("category", filters.categories),
        ("status", filters.statuses),
        ("date_basis", filters.date_bases),
    ):
        if chosen is not None:
            keep &= events[column].isin(chosen)
    if not filters.context:
        keep &= events["origin"] != "context"
    return events[keep].sort_values(["date_start", "event_id"], na_position="first")


@dataclass(frozen=True)
class ClaimFilters:
    """What the learner has chosen (``None`` = no restriction; an empty set keeps nothing)."""

    types: frozenset[str] | None = None
    voices: frozenset[str] | None = None
    time_frames: frozenset[str] | None = None
    actor_id: str | None = None
    issue_id: str | None = None


def filter_claims(dataset: Dataset, filters: ClaimFilters) -> pd.DataFrame:
    """The claims that pass every filter, in the article's order. An actor matches as the
    claimant or as one the claim is about."""
    claims = dataset.claims_in_order
    keep = pd.Series(True, index=claims.index)
    for column, chosen in (
        ("claim_type", filters.types),
        ("voice", filters.voices),
        ("time_frame", filters.time_frames),
    ):
        if chosen is not None:
            keep &= claims[column].isin(chosen)
    if filters.actor_id is not None:
        keep &= (claims["claimant_id"] == filters.actor_id) | claims["about_actor_ids"].map(
            lambda ids: filters.actor_id in ids
        )
    if filters.issue_id is not None:
        keep &= claims["issue_id"] == filters.issue_id
    return claims[keep]


def most_contested_issue(dataset: Dataset) -> str:
    """The issue on which most actors changed their stance, then the one with most positions
    (ties broken by the issue's place in issues.csv): the most telling one to follow over time."""
    positions = dataset.positions
    stances_per_actor = positions.groupby(["issue_id", "actor_id"])["stance"].nunique()
    changers = (stances_per_actor > 1).groupby(level="issue_id").sum()
    counts = positions["issue_id"].value_counts()
    order = list(dataset.issues["issue_id"])
    return min(counts.index, key=lambda issue: (-changers[issue], -counts[issue], order.index(issue)))
