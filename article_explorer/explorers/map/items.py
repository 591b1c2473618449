"""What the map can show at its places: the items, their layers, and which are visible.

An **item** is one of the dataset's events (at its place), a claim tied to a place, or — with
hindsight on — what happened later to an event. Each item belongs to one or more **layers**
(:attr:`.model.Geography.layers`), derived from its category, the side of whoever acted
(:class:`.sides.MapSides`), and the issue it bears on (the dispute: the dataset's most contested
issue). :func:`visible_items` keeps those the learner's choices show.

>>> from article_explorer.ui.session import dataset
>>> from article_explorer.explorers.map.model import Geography
>>> items = map_items(Geography(dataset()))
>>> sorted(items.loc[items["item_id"] == "warsaw_summit_2016", "layers"].iloc[0])
['military:nato']
"""

from __future__ import annotations

import pandas as pd

from article_explorer.data.dataset import Dataset
from article_explorer.data.edtf import parse_edtf
from article_explorer.data.queries import most_contested_issue
from article_explorer.explorers.map.model import POINT_PRECISIONS, Geography, MapFilters

CONFLICT = frozenset({"conflict", "humanitarian"})
COLUMNS = ["item_id", "item", "place_id", "year", "date", "text", "status", "layers", "later", "source_id", "context"]


def event_layers(geography: Geography, event: pd.Series, disputed: set[str]) -> frozenset[str]:
    """The layers of one event: by category, and for military events by the side of the actor
    who acted (its first actor), falling back to the side of the place."""
    layers = set()
    if event["category"] == "military":
        side = geography.sides.of_actor(event["actor_ids"][0]) if event["actor_ids"] else None
        if side is None and event["place_id"] in geography.place:
            side = geography.place[event["place_id"]]["side"]
        layers.add(geography.military_layer(side))
    elif event["category"] in CONFLICT:
        layers.add("conflict")
    else:
        layers.add("diplomacy")
    if event["event_id"] in disputed:
        layers.add("dispute")
    return frozenset(layers)


def disputed_items(dataset: Dataset) -> tuple[str, set[str]]:
    """The most contested issue, and the events and claims that bear on it."""
    issue = most_contested_issue(dataset) if len(dataset.positions) else ""
    positions = dataset.positions[dataset.positions["issue_id"] == issue]
    claims = dataset.claims[dataset.claims["issue_id"] == issue]
    items = set(positions["evidence"]) | set(claims["claim_id"])
    items |= {event for ids in claims["event_ids"] for event in ids}
    return issue, items


def map_items(geography: Geography) -> pd.DataFrame:
    """Every item that can be drawn at a place: one row per (event, claim or later outcome, place)."""
    dataset = geography.dataset
    published = dataset.published
    _, disputed = disputed_items(dataset)
    rows = []
    for _, event in dataset.events.iterrows():
        if not event["place_id"]:
            continue
        layers = event_layers(geography, event, disputed)
        start, context = event["date_start"], event["origin"] == "context"
        rows.append(
            {
                "item_id": event["event_id"],
                "item": "event",
                "place_id": event["place_id"],
                "year": start.year if pd.notna(start) else published.year,
                "date": event["date"],
                "text": event["headline"],
                "status": event["status"],
                "layers": layers,
                "later": False,
                "source_id": event["date_source_id"],
                "context": context,
            }
        )
        if event["outcome"] and event["outcome_date"]:
            rows.append(
                {
                    "item_id": f"{event['event_id']}:later",
                    "item": "later",
                    "place_id": event["place_id"],
                    "year": edtf_year(event["outcome_date"]),
                    "date": event["outcome_date"],
                    "text": event["outcome"],
                    "status": "later",
                    "layers": layers,
                    "later": True,
                    "source_id": event["outcome_source_id"],
                    "context": context,
                }
            )
    for _, claim in dataset.claims.iterrows():
        for place_id in claim.get("place_ids", []) or []:
            layers = frozenset({"claims"} | ({"dispute"} if claim["claim_id"] in disputed else set()))
            rows.append(
                {
                    "item_id": claim["claim_id"],
                    "item": "claim",
                    "place_id": place_id,
                    "year": published.year,
                    "date": published.isoformat(),
                    "text": claim["paraphrase"],
                    "status": claim["claim_type"],
                    "layers": layers,
                    "later": False,
                    "source_id": "",
                    "context": False,
                }
            )
    return pd.DataFrame(rows, columns=COLUMNS).astype({"context": bool})


def visible_items(items: pd.DataFrame, filters: MapFilters, published_year: int) -> pd.DataFrame:
    """The items in the chosen layers that existed or had happened by the end of the chosen year;
    later outcomes only with hindsight, nothing after the article's year without it, and context
    events only when they are shown."""
    year = filters.year if filters.year is not None else published_year
    if not filters.hindsight:
        year = min(year, published_year)
    chosen = filters.layers
    keep = (items["year"] <= year) & items["layers"].map(lambda layers: chosen is None or bool(layers & chosen))
    if not filters.hindsight:
        keep &= ~items["later"]
    if not filters.context:
        keep &= ~items["context"]
    return items[keep]


def layer_label(geography: Geography, layer: str) -> str:
    """A layer's name on its tick box; the dispute's names the issue."""
    if layer == "dispute":
        issue, _ = disputed_items(geography.dataset)
        label = geography.dataset.issue_labels.get(issue, "")
        return f"The dispute: {label}" if label else "The dispute"
    return geography.layers[layer]


def edtf_year(date: str) -> int:
    """The year an EDTF date starts in (where it ends, for one open at the start).

    >>> edtf_year("2017-06-05"), edtf_year("../2017"), edtf_year("2014/..")
    (2017, 2017, 2014)
    """
    parsed = parse_edtf(date)
    return (parsed.earliest or parsed.latest).year  # a valid date has one of them


def active_areas(geography: Geography, items: pd.DataFrame) -> list[str]:
    """The mapped places known only as a country or region that have items shown."""
    with_items = set(items["place_id"])
    return [
        p
        for p in geography.mapped[0]
        if p in with_items and geography.place[p]["geo_precision"] not in POINT_PRECISIONS
    ]
