"""The map in words: the hover text and the card of a place, the sentences under the map, and
the places shown as CSV.

Every code is turned into words here (dates by :func:`when`, kinds and sides by the theme), so
that no ``military_site`` or ``2014/..`` reaches the screen; every piece of text from the
dataset is escaped.

>>> when("2014/.."), when("not a date")
('from 2014 onwards', 'not a date')
"""

from __future__ import annotations

import pandas as pd

from article_explorer.data.edtf import in_words
from article_explorer.explorers.map.marks import context_prefix, is_landmark, item_words
from article_explorer.explorers.map.model import ZOOMS, Geography, MapFilters, shown_year
from article_explorer.explorers.map.placenames import area_label_point
from article_explorer.geo.boundaries import Extent
from article_explorer.geo.coordinates import coordinates
from article_explorer.ui.cards import source_link
from article_explorer.ui.rendering import esc
from article_explorer.ui.theme import CONTEXT, PLACE_KIND, PLACE_ROLE, words_for

#: How many items a place's hover text lists before "… and 3 more".
HOVER_ITEMS = 6
CSV_COLUMNS = [
    "place_id",
    "name",
    "kind",
    "geo_precision",
    "side",
    "lat",
    "lon",
    "km_from_centre",
    "items_shown",
    "item_ids",
]


def when(date: str) -> str:
    """An EDTF date in words ("from 2014 onwards"); the code itself if it cannot be read."""
    try:
        return in_words(date)
    except ValueError:
        return date


def _hover_items(items: pd.DataFrame) -> str:
    lines = [
        f"• {'later: ' if later else ''}{esc(context_prefix(context))}{esc(when(date))} — "
        f"{esc(text[:80])}{'…' if len(text) > 80 else ''}"
        for date, text, later, context in items[["date", "text", "later", "context"]].values[:HOVER_ITEMS]
    ]
    more = f"<br>… and {len(items) - HOVER_ITEMS} more" if len(items) > HOVER_ITEMS else ""
    return "<br>".join(lines) + more


def place_hover(geography: Geography, place_id: str, items: pd.DataFrame | None, centre: str | None) -> str:
    """A place's hover text: its name, kind and distance from the centre, and what is shown there."""
    place = geography.place[place_id]
    distance = ""
    if place_id != centre and centre in geography.place:
        distance = f"<br>{geography.distance_km(centre, place_id):,.0f} km from {esc(geography.place[centre]['name'])}"
    shown = _hover_items(items) if items is not None else "nothing in the layers and years shown"
    kind = esc(words_for(PLACE_KIND, place["kind"]))
    if is_landmark(place):
        kind += f"; a {PLACE_ROLE['landmark'].words}"
        shown = "drawn only to help you find your way"
    return f"<b>{esc(place['name'])}</b> ({kind}){distance}<br>{shown}"


def place_card(geography: Geography, place_id: str, items: pd.DataFrame, centre: str | None) -> str:
    """Everything the dataset says about one place, with sources and the items shown there."""
    dataset = geography.dataset
    place = geography.place[place_id]

    precision = (
        "a point"
        if geography.is_point(place_id)
        else f"known only as a {esc(place['geo_precision'])}: drawn as an area"
    )
    distance = (
        f" · {geography.distance_km(centre, place_id):,.0f} km from {esc(geography.place[centre]['name'])}"
        if centre is not None and place_id != centre
        else ""
    )
    side = f"side: {esc(geography.sides.words(place['side']))}"
    if place.get("side_source_id"):
        side += f" ({source_link(dataset, place['side_source_id'])})"
    shown = items[items["place_id"] == place_id]
    listed = "".join(
        f"<li>{'<b>later</b> ' if row.later else ''}{esc(when(row.date))} — {esc(row.text)} "
        f"<span class='ae-meta'>({esc(item_words(row.item, row.context))}"
        f"{'; ' + source_link(dataset, row.source_id) if row.source_id else ''})"
        "</span></li>"
        for row in shown.itertuples()
    )
    notes = f"<div class='ae-meta'>{esc(place['notes'])}</div>" if place.get("notes") else ""
    if is_landmark(place):
        notes = (
            f"<p>A {PLACE_ROLE['landmark'].words}: drawn only to help you find your way, and counted in distances.</p>"
            + notes
        )
    return (
        f"<div class='ae-card ae-place'><h4>{esc(place['name'])}</h4>"
        f"<div class='ae-meta'>{esc(words_for(PLACE_KIND, place['kind']))} · {precision}{distance} · {side}</div>"
        f"<div class='ae-meta'>coordinates {coordinates(place['lat'], place['lon'])} "
        f"({source_link(dataset, place['source_id'])})</div>{notes}"
        + (
            f"<p><b>Shown here ({len(shown)}):</b></p><ul>{listed}</ul>"
            if len(shown)
            else "<p>Nothing shown here with these layers and years.</p>"
        )
        + "</div>"
    )


def nothing_to_map(geography: Geography) -> str:
    """Why the map draws nothing: the dataset has no place, or none that its boundaries can draw."""
    if not geography.place:
        return "This dataset has no places, so the map has nothing to draw."
    names = [geography.place[p]["name"] for p in geography.mapped[1]]
    return (
        f"None of this dataset's places can be drawn on this map: {', '.join(names)}. A place known only as "
        "a country or a region is drawn as its country, which the map's boundaries do not hold here."
    )


def describe_map(geography: Geography, items: pd.DataFrame, filters: MapFilters) -> str:
    """One or two sentences on what the map shows, for the year it really shows."""
    dataset = geography.dataset
    published = dataset.published
    published_words = f"{published.day} {published:%B %Y}"
    off = [geography.place[p]["name"] for p in geography.mapped[1]]
    off_text = f" Not on this map (too far away): {', '.join(off).rstrip('.')}." if off else ""
    unplaced = int((dataset.events["place_id"] == "").sum())
    unplaced_text = f" {unplaced} events have no place and are not mapped." if unplaced else ""
    year = shown_year(filters, published.year)
    later_note = ""
    if not filters.hindsight and (filters.year or published.year) > published.year:
        later_note = f" Hindsight is off, so nothing after {published_words} is shown."
    context = int(items["context"].sum())
    context_text = (
        f" {context} of the items shown are context events ({CONTEXT.glyph}): the coder added them; "
        "the article does not report them."
        if context
        else " Context events are hidden."
        if not filters.context
        else ""
    )
    if items.empty:
        return (
            f"Nothing matches these layers by the end of {year}. Switch on more layers or move the year on."
            + later_note
            + context_text
        )
    when_text = f"By the end of {year}"
    if year == published.year and not filters.hindsight:
        when_text = f"As the article saw it on {published_words} (with what it expected later in {year})"
    places = items["place_id"].unique()
    counts = items["item"].value_counts()
    parts = ", ".join(
        f"{counts[k]} {k if k != 'later' else 'later outcome'}{'s' if counts[k] != 1 else ''}"
        for k in ("event", "claim", "later")
        if k in counts
    )
    busiest = items["place_id"].value_counts()
    top = ", ".join(f"{geography.place[p]['name']} ({n})" for p, n in busiest.head(3).items())
    view = geography.view(filters.zoom, filters.centre, filters.radius_km)
    outside = [
        geography.place[p]["name"] for p in places if p in geography.mapped[0] and not _in_view(geography, p, view)
    ]
    outside_text = (
        f" Outside this zoom: {', '.join(sorted(outside))} (choose Zoom: {ZOOMS['all']} to see them)."
        if outside and filters.zoom != "all"
        else ""
    )
    return (
        f"{when_text}: {parts} at {len(places)} places. Most items: {top}."
        + context_text
        + outside_text
        + later_note
        + unplaced_text
        + off_text
    )


def _in_view(geography: Geography, place_id: str, view: Extent) -> bool:
    place = geography.place[place_id]
    if place_id not in geography.mapped[0]:
        return False
    if geography.is_point(place_id):
        return view.min_lon <= place["lon"] <= view.max_lon and view.min_lat <= place["lat"] <= view.max_lat
    return area_label_point(geography, place_id, view) is not None


def describe_distances(
    geography: Geography, filters: MapFilters, table: pd.DataFrame, items: pd.DataFrame | None = None
) -> str:
    """The border distances and the ring as sentences. The ring lists every point place of the
    dataset inside it, whatever the layers: distances are geography, not events (the markers are
    drawn too, hollow when nothing is shown there); with ``items``, it says which are hollow."""
    centre = filters.centre or geography.default_centre
    name = geography.place[centre]["name"]
    if table.empty:
        return f"No boundary data for the country of {name}."
    home = table[table["home"]]
    others = table[~table["home"]]
    text = ""
    if len(home):
        km, country = home["km"].iloc[0], home["country"].iloc[0]
        # The nearest line of the home country is a land border when a neighbour's border is as near.
        by_land = others[(others["km"] - km).abs() <= 1]
        if len(by_land):
            neighbour = by_land["country"].iloc[0]
            text += f"{name} lies {km:,} km from the nearest border of {country}, the one with {neighbour}. "
        else:
            text += f"{name} lies {km:,} km from the coast of {country}, nearer than any of its land borders. "
    if len(others):
        text += (
            "Nearest border of each neighbour: "
            + "; ".join(
                f"{row.country} {row.km:,} km"
                + (f" (side: {row.side})" if row.side_id and row.side != row.country else "")
                for row in others.itertuples()
            )
            + "."
        )
    if filters.radius_km > 0:
        text += _ring_text(geography, centre, filters.radius_km, items)
    return text


def _ring_text(geography: Geography, centre: str, radius_km: int, items: pd.DataFrame | None) -> str:
    """The point places in the ring, nearest first, the landmarks marked; with ``items``, which are hollow."""
    name = geography.place[centre]["name"]
    within = [
        (geography.distance_km(centre, p), p)
        for p in geography.mapped[0]
        if p != centre and geography.is_point(p) and geography.distance_km(centre, p) <= radius_km
    ]
    names = [(d, p, geography.place[p]["name"]) for d, p in sorted(within)]
    landmark = {p: f"; {PLACE_ROLE['landmark'].words}" if is_landmark(geography.place[p]) else "" for _, p, _ in names}
    listed = ", ".join(f"{n} ({d:,.0f} km{landmark[p]})" for d, p, n in names) or "no other mapped point place"
    text = f" Within {radius_km:,} km of {name}: {listed}."
    if names:
        text += " These are all the dataset's places in the ring, whatever the layers."
        hollow = [n for _, p, n in names if items is not None and p not in set(items["place_id"]) and not landmark[p]]
        if items is not None and hollow:
            text += f" Nothing is shown at {', '.join(hollow)} with these layers and years (hollow markers)."
        elif items is not None and not all(landmark.values()):
            text += " Every place the article names in it has something shown with these layers and years."
    return text


def places_csv(geography: Geography, items: pd.DataFrame, centre: str | None) -> str:
    """The places that have items shown, with their distance from the centre (empty without
    one: no city or site is mapped), as CSV."""
    rows = []
    for place_id, group in items.groupby("place_id", sort=True):
        place = geography.place[place_id]
        rows.append(
            {
                **{column: place[column] for column in CSV_COLUMNS[:7]},
                "km_from_centre": round(geography.distance_km(centre, place_id)) if centre else None,
                "items_shown": len(group),
                "item_ids": "|".join(group["item_id"]),
            }
        )
    return pd.DataFrame(rows, columns=CSV_COLUMNS).to_csv(index=False, lineterminator="\n")
