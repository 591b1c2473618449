"""The network's links, and what they say in words.

Links come from two places. An **event** links its initiator (the first of its actors) to each
other actor in it: they act together, or one acts on the other. A **claim** links its claimant
to each actor it is about: one speaks about the other. Both can be filtered by issue (an
event's issues are those of the positions and claims that cite it) and by years (a claim is
dated by the article it is made in). A context event (the coder's, not reported by the
article) is marked "□ context" in its link's label, and "Show context events" leaves its links out.

The author is the claimant of every claim in the article's own voice: those links say only
"the author writes about X" and would bury the rest, so they are left out unless asked for
(``author_links``).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from article_explorer.data.dataset import Dataset
from article_explorer.data.edtf import in_words
from article_explorer.data.queries import EventFilters, filter_events
from article_explorer.ui.cards import context_tag
from article_explorer.ui.rendering import folded, html_table
from article_explorer.ui.theme import CLAIM, EVENT

#: A link's kind: (its words, its colour, its line's dash).
LINK_KINDS = {
    "event": ("acts with or on (event)", EVENT.colour, "solid"),
    "claim": ("speaks about (claim)", CLAIM.colour, "dash"),
}


@dataclass(frozen=True)
class NetworkFilters:
    issue_id: str | None = None
    first_year: int | None = None
    last_year: int | None = None
    kinds: frozenset[str] = frozenset(LINK_KINDS)
    author_links: bool = False  # the author's own claims' links (see the module's docstring)
    context: bool = True  # links from context events (events.origin = context)


def event_issues(dataset: Dataset) -> dict[str, set[str]]:
    """The issues each event bears on: those of the positions and claims that cite it."""
    issues: dict[str, set[str]] = {}
    for evidence, issue in zip(dataset.positions["evidence"], dataset.positions["issue_id"], strict=True):
        issues.setdefault(evidence, set()).add(issue)
    for event_ids, issue in zip(dataset.claims["event_ids"], dataset.claims["issue_id"], strict=True):
        for event_id in event_ids:
            if issue:
                issues.setdefault(event_id, set()).add(issue)
    return issues


def network_links(dataset: Dataset, filters: NetworkFilters) -> pd.DataFrame:
    """One row per link: ``source``, ``target``, ``kind`` (event | claim), ``item_id``, ``label``."""
    rows = []
    if "event" in filters.kinds:
        years = EventFilters(first_year=filters.first_year, last_year=filters.last_year, context=filters.context)
        events = filter_events(dataset, years)
        issues = event_issues(dataset)
        for event in events.itertuples():
            if filters.issue_id is not None and filters.issue_id not in issues.get(event.event_id, set()):
                continue
            initiator, *others = event.actor_ids or [None]
            for other in others:
                if other != initiator:
                    label = f"{in_words(event.date)}: {context_tag(event)}{event.headline}"
                    rows.append((initiator, other, "event", event.event_id, label))
    year = dataset.published.year
    in_years = (filters.first_year is None or filters.first_year <= year) and (
        filters.last_year is None or year <= filters.last_year
    )
    if "claim" in filters.kinds and in_years:
        claims = dataset.claims
        if filters.issue_id is not None:
            claims = claims[claims["issue_id"] == filters.issue_id]
        for claim in claims.itertuples():
            for about in claim.about_actor_ids:
                if about != claim.claimant_id:
                    rows.append((claim.claimant_id, about, "claim", claim.claim_id, claim.paraphrase))
    links = pd.DataFrame(rows, columns=["source", "target", "kind", "item_id", "label"])
    author = None if filters.author_links else author_id(dataset)
    return links[(links["source"] != author) & (links["target"] != author)] if author else links


def author_id(dataset: Dataset) -> str | None:
    """The actor whose own voice the analysis is: the claimant of most claims in the ``own`` voice."""
    own = dataset.claims.loc[dataset.claims["voice"] == "own", "claimant_id"]
    return own.value_counts().index[0] if len(own) else None


def describe_network(dataset: Dataset, links: pd.DataFrame, filters: NetworkFilters, hidden: int = 0) -> str:
    """One sentence on the network shown; ``hidden`` is how many of the author's links are left out."""
    if filters.first_year is not None and filters.last_year is not None and filters.first_year > filters.last_year:
        return (
            f"No link matches these filters: “From” ({filters.first_year}) is after “To” ({filters.last_year}). "
            "Choose a From year no later than the To year."
        )
    left_out = (
        f" The author's own claims give {hidden} more links, from the centre; tick “Draw the author's own "
        "claims” to see them."
        if hidden
        else ""
    )
    if links.empty:
        return (
            "No link matches these filters. Choose all issues, widen the years or keep both kinds of link." + left_out
        )
    names = dataset.actor_names
    counts = links["kind"].value_counts()
    kinds = " and ".join(f"{counts[k]} from {k}s" for k in LINK_KINDS if k in counts)
    busiest = pd.concat([links["source"], links["target"]]).value_counts()
    top = ", ".join(f"{names[a]} ({n})" for a, n in busiest.head(3).items())
    return (
        f"{len(links)} links ({kinds}) between {busiest.size} of {len(dataset.actors)} actors. Most connected: {top}."
        + left_out
    )


def links_table(dataset: Dataset, links: pd.DataFrame) -> str:
    """The links shown, as a table folded under one line (no scroll box inside the page)."""
    if links.empty:
        return ""
    names = dataset.actor_names
    shown = links.assign(
        source=links["source"].map(names),
        target=links["target"].map(names),
        kind=links["kind"].map(lambda k: LINK_KINDS[k][0]),
    )
    table = html_table(shown, {"source": "from", "kind": "link", "target": "to", "label": "event or claim"})
    return folded(f"Show the {len(links)} links as a table", table)
