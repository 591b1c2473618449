"""The geography of militarisation: the dataset's places and what happened there, on a map
that needs no network.

The map is a plain x/y plot — x is longitude, y is latitude — with country outlines from
``data/geo/`` drawn as filled areas (:mod:`.geography`); there are no plotly ``geo`` traces and
no map tiles, so nothing is fetched from the internet.

What is drawn, and from where:

* **Countries** are coloured by side. A country that the dataset places on a side (the
  ``side`` of its places) takes that side; any other country is a NATO member if
  ``data/geo/nato_members.csv`` says it had joined by the year shown, otherwise "other".
  Each side also has its own fill pattern, so the legend does not rest on colour alone.
* **Items** are the dataset's events (at their place), the claims tied to places, and — with
  hindsight on — what happened later to an event or claim. Each item belongs to one or more
  **layers** (:data:`LAYERS`), derived from its category, the side of whoever acted, and the
  issue it bears on.
* **Places** with a point precision (a site or a city) are markers, by kind; places known
  only as a country or a region are drawn as areas, never as a pin.

Pure functions first (:func:`map_items`, :func:`visible_items`, :func:`build_map_figure`,
:func:`describe_map`...), then :class:`MapExplorer`, which wires the widgets to them.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

import ipywidgets as widgets
import pandas as pd
from IPython.display import display

from .config import DEFAULT_DATA_DIR
from .controls import NO_CHOICE
from .data import Dataset
from .geography import (
    Country,
    Extent,
    circle,
    distance_to_border_km,
    fit_extent,
    great_circle_km,
    load_countries,
    map_outline_xy,
    nearest_borders,
    neighbour_table,
)
from .plotview import plot_view
from .positions import most_contested_issue
from .reader import STYLE
from .rendering import download_link, esc, html_table, link, nothing_matches
from .timeline import article_date

NATO_MEMBERS_PATH = DEFAULT_DATA_DIR / "geo" / "nato_members.csv"
#: side -> (legend label, fill colour, fill pattern, pattern colour). Okabe-Ito colours, and a
#: pattern for each side but the two plain ones (Belarus bright, others pale grey).
SIDES = {
    "russia": ("Russia", "rgba(213, 94, 0, 0.40)", "x", "rgba(120, 45, 0, 0.55)"),
    "belarus": ("Belarus", "rgba(240, 228, 66, 0.85)", "", ""),
    "ukraine": ("Ukraine", "rgba(86, 180, 233, 0.45)", ".", "rgba(0, 70, 120, 0.7)"),
    "nato": ("NATO member", "rgba(0, 114, 178, 0.35)", "/", "rgba(0, 50, 100, 0.55)"),
    "other": ("other countries and territories", "rgba(200, 200, 200, 0.40)", "", ""),
}
CRIMEA_KEY = "CRIMEA"
#: layer -> label. The dispute layer's label names the dataset's most contested issue.
LAYERS = {
    "russian_military": "Russian military presence",
    "nato_military": "Military steps by NATO members",
    "other_military": "Other military ties",
    "diplomacy": "Diplomacy, politics and economy",
    "conflict": "Conflicts and displacement",
    "dispute": "The dispute",
    "claims": "The author's claims about places",
}
DIPLOMACY = frozenset({"diplomacy", "sanctions", "politics", "economy", "human_rights"})
CONFLICT = frozenset({"conflict", "humanitarian"})
POINT_PRECISIONS = frozenset({"site", "city"})
#: place kind -> marker symbol (shape carries the kind; the legend names it).
KIND_SYMBOLS = {"capital": "star", "city": "circle", "military_site": "triangle-up"}
RING_RADII_KM = (100, 200, 300, 400, 500, 750, 1000, 1500, 2000)
MAX_MAP_DISTANCE_KM = 2500  # points farther than this from the places' middle are listed, not mapped


@dataclass(frozen=True)
class MapFilters:
    """What the learner has chosen: the layers, the year, hindsight and the ring."""

    layers: frozenset[str] = frozenset(LAYERS)
    year: int | None = None
    hindsight: bool = False
    centre: str | None = None
    radius_km: int = 0


def read_nato_members(path=NATO_MEMBERS_PATH) -> dict[str, int]:
    """``iso3 -> year joined`` from ``data/geo/nato_members.csv``; a bad row is a clear error."""
    members = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            try:
                members[row["iso3"]] = int(row["joined"])
            except (KeyError, TypeError, ValueError):
                raise ValueError(
                    f"{path}, line {line}, column 'joined': expected a year such as 2004, got {row.get('joined')!r}"
                ) from None
    return members


@dataclass
class Geography:
    """The dataset's places with the boundaries: sides, neighbours, the map's extent."""

    dataset: Dataset
    countries: dict[str, Country] = field(default_factory=load_countries)
    nato_joined: dict[str, int] = field(default_factory=read_nato_members)
    _outlines: dict[tuple[str, bool], tuple[list, list]] = field(default_factory=dict, repr=False)
    _border_tables: dict[tuple[str, int], pd.DataFrame] = field(default_factory=dict, repr=False)

    @cached_property
    def places(self) -> pd.DataFrame:
        return self.dataset.places.set_index("place_id", drop=False)

    @cached_property
    def place(self) -> dict[str, dict]:
        """Each place as a plain dict, by id (quicker than DataFrame lookups in a redraw)."""
        return {record["place_id"]: record for record in self.dataset.places.to_dict("records")}

    @cached_property
    def _distances(self) -> dict[tuple[str, str], float]:
        return {
            (a, b): great_circle_km(pa["lat"], pa["lon"], pb["lat"], pb["lon"])
            for a, pa in self.place.items()
            for b, pb in self.place.items()
        }

    def outline(self, iso3: str, coarse: bool = False) -> tuple[list, list]:
        """A country's outline clipped to the map (a little beyond it) and simplified; computed once.
        ``coarse`` outlines are simpler still, for bold highlights."""
        key = (iso3, coarse)
        if key not in self._outlines:
            extent = self.extent
            clip = (extent.min_lon - 1, extent.min_lat - 1, extent.max_lon + 1, extent.max_lat + 1)
            tolerance = (extent.max_lon - extent.min_lon) / (400 if coarse else 1200)
            self._outlines[key] = map_outline_xy(self.countries[iso3], clip, tolerance)
        return self._outlines[key]

    @cached_property
    def actor_iso3(self) -> dict[str, str]:
        """``actor_id -> country_iso3`` (empty for international bodies and groups)."""
        return dict(zip(self.dataset.actors["actor_id"], self.dataset.actors["country_iso3"], strict=True))

    @cached_property
    def coded_sides(self) -> dict[str, str]:
        """``iso3 -> side`` as the dataset codes it (country-level places first)."""
        places = self.dataset.places.sort_values("geo_precision", key=lambda s: s != "country")
        sides: dict[str, str] = {}
        for iso3, side in zip(places["country_iso3"], places["side"], strict=True):
            if iso3 and side:
                sides.setdefault(iso3, side)
        return sides

    def side_of_country(self, iso3: str, year: int) -> str:
        if iso3 in self.coded_sides:
            return self.coded_sides[iso3]
        return "nato" if self.nato_joined.get(iso3, 9999) <= year else "other"

    @cached_property
    def neighbours(self) -> dict[str, list[str]]:
        return neighbour_table(self.countries)

    @cached_property
    def default_centre(self) -> str:
        """The point place where most events happen (Minsk, for this article); on a tie, the one
        listed first in places.csv."""
        counts = self.dataset.events["place_id"].value_counts()
        points = self.dataset.places.loc[self.dataset.places["geo_precision"].isin(POINT_PRECISIONS), "place_id"]
        return max(points, key=lambda p: counts.get(p, 0))  # max keeps the first of equals

    @cached_property
    def mapped(self) -> tuple[list[str], list[str]]:
        """(place ids on the map, place ids too far away to map), by distance from the places' middle."""
        places = self.dataset.places
        middle_lat, middle_lon = places["lat"].median(), places["lon"].median()
        on, off = [], []
        for place in places.itertuples():
            if place.geo_precision in POINT_PRECISIONS or place.country_iso3 in self.countries:
                near = great_circle_km(middle_lat, middle_lon, place.lat, place.lon) <= MAX_MAP_DISTANCE_KM
                (on if near or place.geo_precision not in POINT_PRECISIONS else off).append(place.place_id)
            else:
                off.append(place.place_id)
        return on, off

    @cached_property
    def extent(self) -> Extent:
        """The box that holds every mapped point place and the label point of every nearby area."""
        places = self.places.loc[self.mapped[0]]
        middle_lat, middle_lon = places["lat"].median(), places["lon"].median()
        near = places[
            [
                great_circle_km(middle_lat, middle_lon, lat, lon) <= MAX_MAP_DISTANCE_KM
                for lat, lon in places[["lat", "lon"]].values
            ]
        ]
        return fit_extent(list(near["lat"]), list(near["lon"]), margin_deg=2.0)

    @cached_property
    def label_positions(self) -> dict[str, str]:
        """Where each mapped place's label goes: places close together on the map get different
        sides, so their names do not print over one another. Capitals choose first."""
        extent = self.extent
        near_lon, near_lat = (extent.max_lon - extent.min_lon) * 0.08, (extent.max_lat - extent.min_lat) * 0.06
        sides = ("top center", "bottom center", "middle right", "middle left", "top right", "bottom left")
        order = sorted(self.mapped[0], key=lambda p: (self.place[p]["kind"] != "capital", -self.place[p]["lat"], p))
        chosen: dict[str, str] = {}
        for place_id in order:
            here = self.place[place_id]
            taken = {
                side
                for other, side in chosen.items()
                if abs(self.place[other]["lon"] - here["lon"]) < near_lon
                and abs(self.place[other]["lat"] - here["lat"]) < near_lat
            }
            chosen[place_id] = next((side for side in sides if side not in taken), sides[0])
        return chosen

    def distance_km(self, from_place: str, to_place: str) -> float:
        """Great-circle kilometres between two places' points."""
        return self._distances[from_place, to_place]

    def border_distances(self, place_id: str, year: int) -> pd.DataFrame:
        """From a point place: the distance to its own country's border (or coast) and to each
        neighbour's border, nearest first; ``home`` marks its own country. Distances are rounded
        to the kilometre: the boundaries are good to about 100 m. Computed once per place and year."""
        if (place_id, year) not in self._border_tables:
            self._border_tables[place_id, year] = self._border_distances(place_id, year)
        return self._border_tables[place_id, year]

    def _border_distances(self, place_id: str, year: int) -> pd.DataFrame:
        place = self.place[place_id]
        lat, lon, home = place["lat"], place["lon"], place["country_iso3"]
        if home not in self.countries:
            return pd.DataFrame(columns=["iso3", "country", "km", "side", "home"])
        own = pd.DataFrame(
            {
                "iso3": [home],
                "name": [self.countries[home].name],
                "km": [distance_to_border_km(lat, lon, self.countries[home])],
            }
        )
        others = nearest_borders(lat, lon, self.countries, self.neighbours.get(home, []))
        table = pd.concat([own.assign(home=True), others[["iso3", "name", "km"]].assign(home=False)], ignore_index=True)
        table["km"] = table["km"].round().astype(int)
        table["side"] = [SIDES[self.side_of_country(c, year) if c != CRIMEA_KEY else "other"][0] for c in table["iso3"]]
        return table.rename(columns={"name": "country"})[["iso3", "country", "km", "side", "home"]]


def _actor_side(geography: Geography, actor_id: str) -> str | None:
    iso3 = geography.actor_iso3.get(actor_id, "")
    return geography.coded_sides.get(iso3) or (geography.side_of_country(iso3, 9999) if iso3 else None)


def event_layers(geography: Geography, event: pd.Series, disputed: set[str]) -> frozenset[str]:
    """The layers of one event: by category, and for military events by the side of the actor
    who acted (its first actor), falling back to the side of the place."""
    layers = set()
    if event["category"] == "military":
        side = _actor_side(geography, event["actor_ids"][0]) if event["actor_ids"] else None
        if side is None and event["place_id"] in geography.places.index:
            side = geography.places.loc[event["place_id"], "side"]
        layers.add({"russia": "russian_military", "nato": "nato_military"}.get(side, "other_military"))
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
    published = article_date(dataset)
    _, disputed = disputed_items(dataset)
    rows = []
    for _, event in dataset.events.iterrows():
        if not event["place_id"]:
            continue
        layers = event_layers(geography, event, disputed)
        start = event["date_start"]
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
            }
        )
        if event["outcome"] and event["outcome_date"]:
            rows.append(
                {
                    "item_id": f"{event['event_id']}:later",
                    "item": "later",
                    "place_id": event["place_id"],
                    "year": int(str(event["outcome_date"])[:4]),
                    "date": event["outcome_date"],
                    "text": event["outcome"],
                    "status": "later",
                    "layers": layers,
                    "later": True,
                    "source_id": event["outcome_source_id"],
                }
            )
    claims = dataset.claims
    for _, claim in claims.iterrows():
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
                }
            )
    columns = ["item_id", "item", "place_id", "year", "date", "text", "status", "layers", "later", "source_id"]
    return pd.DataFrame(rows, columns=columns)


def visible_items(items: pd.DataFrame, filters: MapFilters, published_year: int) -> pd.DataFrame:
    """The items in the chosen layers that existed or had happened by the end of the chosen year;
    later outcomes only with hindsight, and nothing after the article's year without it."""
    year = filters.year if filters.year is not None else published_year
    if not filters.hindsight:
        year = min(year, published_year)
    keep = (items["year"] <= year) & items["layers"].map(lambda layers: bool(layers & filters.layers))
    if not filters.hindsight:
        keep &= ~items["later"]
    return items[keep]


def layer_label(dataset: Dataset, layer: str) -> str:
    if layer == "dispute":
        issue, _ = disputed_items(dataset)
        label = dataset.issues.set_index("issue_id")["label"].get(issue, "")
        return f"The dispute: {label}" if label else "The dispute"
    return LAYERS[layer]


def country_traces(geography: Geography, year: int) -> dict:
    """The country outlines coloured by side in ``year``: one filled trace per side."""
    extent = geography.extent
    clip = (extent.min_lon - 1, extent.min_lat - 1, extent.max_lon + 1, extent.max_lat + 1)
    by_side: dict[str, tuple[list, list, list]] = {side: ([], [], []) for side in SIDES}
    crimea: tuple[list, list] = ([], [])
    for code, country in sorted(geography.countries.items()):
        bbox = country.bbox
        if bbox[0] > clip[2] or bbox[2] < clip[0] or bbox[1] > clip[3] or bbox[3] < clip[1]:
            continue
        xs, ys = geography.outline(code)
        if not xs:
            continue
        if code == CRIMEA_KEY:
            crimea = (xs, ys)
            continue
        side_xs, side_ys, names = by_side[geography.side_of_country(code, year)]
        if side_xs:
            side_xs.append(None)
            side_ys.append(None)
        side_xs += xs
        side_ys += ys
        names.append(country.name)
    traces = []
    for side, (xs, ys, names) in by_side.items():
        if not xs:
            continue
        label, colour, pattern, pattern_colour = SIDES[side]
        name = f"{label} ({year})" if side == "nato" else label
        traces.append(
            {
                "type": "scatter",
                "name": name,
                "legendgroup": "sides",
                "legendgrouptitle": {"text": "Countries"},
                "x": xs,
                "y": ys,
                "mode": "lines",
                "fill": "toself",
                "fillcolor": colour,
                "fillpattern": (
                    {"shape": pattern, "bgcolor": colour, "fgcolor": pattern_colour, "size": 8, "solidity": 0.25}
                    if pattern
                    else None
                ),
                "line": {"color": "#666666", "width": 0.6},
                "hoveron": "fills",
                "text": esc(f"{name}: {', '.join(names[:12])}{'…' if len(names) > 12 else ''}"),
                "hoverinfo": "text",
            }
        )
    if crimea[0]:
        note = geography.countries[CRIMEA_KEY].note
        traces.append(
            {
                "type": "scatter",
                "name": "Crimea (see its note)",
                "legendgroup": "sides",
                "x": crimea[0],
                "y": crimea[1],
                "mode": "lines",
                "fill": "toself",
                "fillcolor": SIDES["ukraine"][1],
                "fillpattern": {"shape": "x", "bgcolor": SIDES["ukraine"][1], "fgcolor": SIDES["russia"][3], "size": 5},
                "line": {"color": "#666666", "width": 0.6, "dash": "dot"},
                "hoveron": "fills",
                "text": esc(f"Crimea: {note}"),
                "hoverinfo": "text",
            }
        )
    for trace in traces:  # drop the None pattern: plotly wants the key absent
        if trace.get("fillpattern") is None:
            trace.pop("fillpattern", None)
    return {"data": traces}


def active_areas(geography: Geography, items: pd.DataFrame) -> list[str]:
    """The mapped places known only as a country or region that have items shown."""
    with_items = set(items["place_id"])
    return [
        p
        for p in geography.mapped[0]
        if p in with_items and geography.place[p]["geo_precision"] not in POINT_PRECISIONS
    ]


def area_outlines(geography: Geography, areas: list[str]) -> dict:
    """A bold outline around each area place: its country's shape, or for a region a 100 km
    circle (the boundaries have no regions). A plain figure dict of traces, no layout."""
    xs_all: list = []
    ys_all: list = []
    for place_id in areas:
        place = geography.place[place_id]
        if place["geo_precision"] == "region" or place["country_iso3"] not in geography.countries:
            xs, ys = circle(place["lat"], place["lon"], 100)
        else:
            xs, ys = geography.outline(place["country_iso3"], coarse=True)
        if xs_all:
            xs_all.append(None)
            ys_all.append(None)
        xs_all += xs
        ys_all += ys
    if not xs_all:
        return {"data": []}
    trace = {
        "type": "scatter",
        "x": xs_all,
        "y": ys_all,
        "mode": "lines",
        "line": {"color": "#222222", "width": 2},
        "hoverinfo": "skip",
        "showlegend": False,
    }
    return {"data": [trace]}


def full_map_figure(geography: Geography, items: pd.DataFrame, filters: MapFilters, chosen: str | None = None) -> dict:
    """The whole map in one figure dict: countries, area outlines, then places and the ring."""
    year = filters.year or article_date(geography.dataset).year
    top = build_map_figure(geography, items, filters, chosen)
    under = country_traces(geography, year)["data"] + area_outlines(geography, active_areas(geography, items))["data"]
    return {"data": under + top["data"], "layout": top["layout"]}


def _hover_items(items: pd.DataFrame) -> str:
    lines = [
        f"• {'later: ' if later else ''}{esc(date)} — {esc(text[:80])}{'…' if len(text) > 80 else ''}"
        for date, text, later in items[["date", "text", "later"]].values[:6]
    ]
    more = f"<br>… and {len(items) - 6} more" if len(items) > 6 else ""
    return "<br>".join(lines) + more


def build_map_figure(geography: Geography, items: pd.DataFrame, filters: MapFilters, chosen: str | None = None) -> dict:
    """The places and the ring over the countries (the countries come from :func:`country_traces`,
    drawn beneath). Returns a plain plotly figure dict; clicking a place gives its ``place_id``."""
    places = geography.place
    on_map = geography.mapped[0]
    centre = filters.centre or geography.default_centre
    by_place = {place_id: group for place_id, group in items.groupby("place_id", sort=False)}
    extent = geography.extent
    traces = []
    areas = active_areas(geography, items)
    if areas:
        traces.append(
            {
                "type": "scatter",
                "name": "a country or region with items (an area, not a point)",
                # An area's label point may lie off the map (Russia's is in Siberia): keep it inside.
                "x": [min(max(places[p]["lon"], extent.min_lon + 1), extent.max_lon - 1) for p in areas],
                "y": [min(max(places[p]["lat"], extent.min_lat + 1), extent.max_lat - 1) for p in areas],
                "mode": "markers+text",
                "marker": {"symbol": "square-open", "size": 10, "color": "#222222"},
                "text": [f"<b>{esc(places[p]['name'])}</b>" for p in areas],
                "textposition": [geography.label_positions[p] for p in areas],
                "hovertext": [_place_hover(geography, p, by_place.get(p), centre) for p in areas],
                "hoverinfo": "text",
                "customdata": areas,
            }
        )
    points = [p for p in on_map if places[p]["geo_precision"] in POINT_PRECISIONS]
    for kind in sorted({places[p]["kind"] for p in points}, key=lambda k: (k not in KIND_SYMBOLS, k)):
        of_kind = [p for p in points if places[p]["kind"] == kind]
        symbol = KIND_SYMBOLS.get(kind, "circle")
        active = [p in by_place for p in of_kind]
        traces.append(
            {
                "type": "scatter",
                "name": kind.replace("_", " "),
                "legendgroup": "places",
                "legendgrouptitle": {"text": "Places (filled: has items)"},
                "x": [places[p]["lon"] for p in of_kind],
                "y": [places[p]["lat"] for p in of_kind],
                "mode": "markers+text",
                "marker": {
                    "symbol": [symbol if a else f"{symbol}-open" for a in active],
                    "size": [16 if a else 10 for a in active],
                    "color": ["#000000" if a else "#555555" for a in active],
                    "line": {"color": ["#E69F00" if p == chosen else "#ffffff" for p in of_kind], "width": 2},
                },
                "text": [esc(places[p]["name"].split(" (")[0]) for p in of_kind],  # full name on hover
                "textposition": [geography.label_positions[p] for p in of_kind],
                "textfont": {"size": [12 if a else 10 for a in active]},
                "hovertext": [_place_hover(geography, p, by_place.get(p), centre) for p in of_kind],
                "hoverinfo": "text",
                "customdata": of_kind,
            }
        )
    if filters.radius_km > 0 and centre in places:
        middle = places[centre]
        xs, ys = circle(middle["lat"], middle["lon"], filters.radius_km)
        traces.append(
            {
                "type": "scatter",
                "name": f"{filters.radius_km:,} km from {esc(middle['name'])}",
                "x": [round(x, 3) for x in xs],
                "y": [round(y, 3) for y in ys],
                "mode": "lines",
                "line": {"color": "#CC79A7", "width": 2.5, "dash": "dash"},
                "hoverinfo": "skip",
            }
        )
    title = f"What had happened by the end of {filters.year}" if filters.year else "Places"
    if filters.hindsight:
        title += " (hindsight on: later facts included)"
    layout = {
        "template": "plotly_white",
        "title": {"text": esc(title)},
        "height": 640,
        "margin": {"l": 10, "r": 10, "t": 50, "b": 10},
        "xaxis": {
            "range": [extent.min_lon, extent.max_lon],
            "showgrid": False,
            "zeroline": False,
            "ticksuffix": "°E",
            "constrain": "domain",
        },
        "yaxis": {
            "range": [extent.min_lat, extent.max_lat],
            "scaleanchor": "x",
            "scaleratio": extent.y_per_x,
            "showgrid": False,
            "zeroline": False,
            "ticksuffix": "°N",
            "constrain": "domain",
        },
        "legend": {"x": 1.01, "y": 1, "groupclick": "toggleitem"},
        "hovermode": "closest",
        "plot_bgcolor": "#f7fbff",
        "annotations": [
            {
                "text": "Boundaries: Natural Earth · for teaching, not for navigation",
                "x": 0,
                "y": 0,
                "xref": "paper",
                "yref": "paper",
                "xanchor": "left",
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 10, "color": "#555555"},
                "bgcolor": "rgba(255,255,255,0.7)",
            }
        ],
    }
    return {"data": traces, "layout": layout}


def _place_hover(geography: Geography, place_id: str, items: pd.DataFrame | None, centre: str) -> str:
    place = geography.place[place_id]
    distance = ""
    if place_id != centre and centre in geography.place:
        distance = f"<br>{geography.distance_km(centre, place_id):,.0f} km from {esc(geography.place[centre]['name'])}"
    shown = _hover_items(items) if items is not None else "nothing in the layers and years shown"
    return f"<b>{esc(place['name'])}</b> ({esc(place['kind'].replace('_', ' '))}){distance}<br>{shown}"


def place_card(geography: Geography, place_id: str, items: pd.DataFrame, centre: str) -> str:
    """Everything the dataset says about one place, with sources and the items shown there."""
    dataset = geography.dataset
    place = geography.places.loc[place_id]
    sources = dataset.sources.set_index("source_id")

    def cite(source_id: str) -> str:
        if not source_id or source_id not in sources.index:
            return ""
        return link(sources.loc[source_id, "url"], sources.loc[source_id, "title"])

    precision = (
        "a point"
        if place["geo_precision"] in POINT_PRECISIONS
        else f"known only as a {esc(place['geo_precision'])}: drawn as an area"
    )
    distance = (
        f" · {geography.distance_km(centre, place_id):,.0f} km from {esc(geography.place[centre]['name'])}"
        if place_id != centre
        else ""
    )
    side = f"side: {esc(SIDES.get(place['side'], (place['side'],))[0])}"
    if place.get("side_source_id"):
        side += f" ({cite(place['side_source_id'])})"
    shown = items[items["place_id"] == place_id]
    listed = "".join(
        f"<li>{'<b>later</b> ' if row.later else ''}{esc(row.date)} — {esc(row.text)} "
        f"<span class='ae-meta'>({esc(row.item)}{'; ' + cite(row.source_id) if row.source_id else ''})</span></li>"
        for row in shown.itertuples()
    )
    notes = f"<div class='ae-meta'>{esc(place['notes'])}</div>" if place.get("notes") else ""
    return (
        f"<div class='ae-card ae-place'><h4>{esc(place['name'])}</h4>"
        f"<div class='ae-meta'>{esc(place['kind'].replace('_', ' '))} · {precision}{distance} · {side}</div>"
        f"<div class='ae-meta'>coordinates {place['lat']:.2f}° N, {place['lon']:.2f}° E ({cite(place['source_id'])})"
        f"</div>{notes}"
        + (
            f"<p><b>Shown here ({len(shown)}):</b></p><ul>{listed}</ul>"
            if len(shown)
            else "<p>Nothing shown here with these layers and years.</p>"
        )
        + "</div>"
    )


def describe_map(geography: Geography, items: pd.DataFrame, filters: MapFilters) -> str:
    """One or two sentences on what the map shows."""
    dataset = geography.dataset
    published = article_date(dataset)
    off = [geography.place[p]["name"] for p in geography.mapped[1]]
    off_text = f" Not on this map (too far away): {', '.join(off).rstrip('.')}." if off else ""
    unplaced = int((dataset.events["place_id"] == "").sum())
    unplaced_text = f" {unplaced} events have no place and are not mapped." if unplaced else ""
    year = filters.year if filters.year is not None else published.year
    later_note = ""
    if not filters.hindsight and year > published.year:
        later_note = f" Hindsight is off, so nothing after {published:%-d %B %Y} is shown."
    if items.empty:
        return (
            f"Nothing matches these layers by the end of {year}. Switch on more layers or move the year on."
            + later_note
        )
    places = items["place_id"].unique()
    counts = items["item"].value_counts()
    parts = ", ".join(
        f"{counts[k]} {k if k != 'later' else 'later outcome'}{'s' if counts[k] != 1 else ''}"
        for k in ("event", "claim", "later")
        if k in counts
    )
    busiest = items["place_id"].value_counts()
    top = ", ".join(f"{geography.place[p]['name']} ({n})" for p, n in busiest.head(3).items())
    return (
        f"By the end of {year}: {parts} at {len(places)} places. Most items: {top}."
        + later_note
        + unplaced_text
        + off_text
    )


def describe_distances(geography: Geography, filters: MapFilters, table: pd.DataFrame) -> str:
    """The ring and the border distances as sentences."""
    centre = filters.centre or geography.default_centre
    name = geography.place[centre]["name"]
    if table.empty:
        return f"No boundary data for the country of {name}."
    home = table[table["home"]]
    others = table[~table["home"]]
    text = ""
    if len(home):
        text += f"{name} lies {home['km'].iloc[0]:,} km from the nearest border or coast of {home['country'].iloc[0]}. "
    if len(others):
        text += (
            "Nearest border of each neighbour: "
            + "; ".join(
                f"{row.country} {row.km:,} km" + (" (a NATO member)" if row.side == SIDES["nato"][0] else "")
                for row in others.itertuples()
            )
            + "."
        )
    if filters.radius_km > 0:
        within = [
            (geography.distance_km(centre, p), geography.place[p]["name"])
            for p in geography.mapped[0]
            if p != centre
            and geography.place[p]["geo_precision"] in POINT_PRECISIONS
            and geography.distance_km(centre, p) <= filters.radius_km
        ]
        listed = ", ".join(f"{n} ({d:,.0f} km)" for d, n in sorted(within)) or "no other mapped point place"
        text += f" Within {filters.radius_km:,} km of {name}: {listed}."
    return text


def places_csv(geography: Geography, items: pd.DataFrame, centre: str) -> str:
    """The places that have items shown, with their distance from the centre, as CSV."""
    places = geography.places
    rows = []
    for place_id, group in items.groupby("place_id", sort=True):
        place = places.loc[place_id]
        rows.append(
            {
                "place_id": place_id,
                "name": place["name"],
                "kind": place["kind"],
                "geo_precision": place["geo_precision"],
                "side": place["side"],
                "lat": place["lat"],
                "lon": place["lon"],
                "km_from_centre": round(geography.distance_km(centre, place_id)),
                "items_shown": len(group),
                "item_ids": "|".join(group["item_id"]),
            }
        )
    columns = [
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
    return pd.DataFrame(rows, columns=columns).to_csv(index=False, lineterminator="\n")


class MapExplorer:
    """The map with its layers, year, hindsight and ring; click a place (or choose it) for its card."""

    def __init__(self, dataset: Dataset):
        self.dataset = dataset
        self.geography = Geography(dataset)
        self.items = map_items(self.geography)
        self.published_year = article_date(dataset).year
        years = [*self.items["year"], *(d.year for d in dataset.events["date_start"].dropna()), self.published_year]
        first, last = int(min(years)), int(max(years))
        in_layer = Counter(layer for layers in self.items["layers"] for layer in layers)
        self.layer_boxes = {
            layer: widgets.Checkbox(
                value=True,
                description=f"{layer_label(dataset, layer)} ({in_layer[layer]})",
                indent=False,
                layout=widgets.Layout(width="auto"),
            )
            for layer in LAYERS
            if in_layer[layer]
        }
        # Drop-downs rather than sliders: ipywidgets' sliders have no accessible name for screen readers.
        self.year = widgets.Dropdown(
            options=list(range(first, last + 1)), value=self.published_year, description="Up to year"
        )
        self.year.style.description_width = "initial"
        self.hindsight = widgets.Checkbox(value=False, description="Show what happened later (hindsight)", indent=False)
        points = self.dataset.places[self.dataset.places["place_id"].isin(self.geography.mapped[0])]
        points = points[points["geo_precision"].isin(POINT_PRECISIONS)]
        self.centre = widgets.Dropdown(
            options=[(name, pid) for pid, name in points[["place_id", "name"]].values],
            value=self.geography.default_centre,
            description="Ring around",
        )
        self.centre.style.description_width = "initial"
        self.radius = widgets.Dropdown(
            options=[("no ring", 0), *((f"{km:,} km", km) for km in RING_RADII_KM)], value=0, description="Ring radius"
        )
        self.radius.style.description_width = "initial"
        names = sorted(
            ((self.geography.place[p]["name"], p) for p in self.geography.mapped[0]), key=lambda o: o[0].lower()
        )
        self.place_picker = widgets.Dropdown(options=[("— choose a place —", NO_CHOICE), *names], description="Place")
        self.count = widgets.HTML()
        self.description = widgets.HTML()
        self.distances = widgets.HTML()
        self.card = widgets.HTML()
        self.table = widgets.HTML(layout=widgets.Layout(max_height="300px", overflow="auto"), tabbable=True)
        self.download = widgets.HTML()
        self._countries: dict[int, dict] = {}
        self._bases: dict[tuple[int, tuple[str, ...]], dict] = {}
        self._items_key: tuple | None = None
        self._download_key: tuple | None = None
        self._shown = self.items.iloc[0:0]
        self.plot, self._figure_box = plot_view({})  # drawn by render(), below
        controls = [*self.layer_boxes.values(), self.year, self.hindsight, self.centre, self.radius]
        for control in controls:
            control.observe(lambda _: self.render(), names="value")
        self.place_picker.observe(lambda _: self.render(), names="value")
        self.plot.observe(self._on_click, names="clicked")
        self.widget = widgets.VBox(
            [
                widgets.HTML(STYLE),
                widgets.HTML("<b>Layers</b>"),
                widgets.HBox(list(self.layer_boxes.values()), layout=widgets.Layout(flex_flow="row wrap")),
                widgets.HBox([self.year, self.hindsight]),
                widgets.HBox([self.centre, self.radius]),
                self.count,
                self._figure_box,
                self.description,
                self.distances,
                self.place_picker,
                self.card,
                self.table,
                self.download,
            ]
        )
        self.render()

    @property
    def filters(self) -> MapFilters:
        return MapFilters(
            layers=frozenset(layer for layer, box in self.layer_boxes.items() if box.value),
            year=self.year.value,
            hindsight=self.hindsight.value,
            centre=self.centre.value,
            radius_km=self.radius.value,
        )

    def colour_year(self, filters: MapFilters) -> int:
        """The year whose sides colour the countries: never after the article without hindsight."""
        return filters.year if filters.hindsight else min(filters.year, self.published_year)

    def base(self, year: int, areas: list[str]) -> dict:
        """What lies under the places: the countries in ``year`` and the outlines of ``areas``.
        Cached, and sent to the browser only when it changes."""
        key = (year, tuple(areas))
        if key not in self._bases:
            if year not in self._countries:
                self._countries[year] = country_traces(self.geography, year)
            self._bases[key] = {"data": self._countries[year]["data"] + area_outlines(self.geography, areas)["data"]}
        return self._bases[key]

    def render(self) -> None:
        """Bring the views in line. What depends only on the layers, the year and hindsight (the
        items shown, the table, the countries) is recomputed only when one of those changes."""
        filters = self.filters
        items_key = (filters.layers, filters.year, filters.hindsight)
        if items_key != self._items_key:
            self._items_key = items_key
            self._shown = self._render_items(filters)
        shown = self._shown
        if (items_key, filters.centre) != self._download_key:
            self._download_key = (items_key, filters.centre)
            self.download.value = download_link(
                "places.csv",
                places_csv(self.geography, shown, filters.centre),
                f"Download the {shown['place_id'].nunique()} places shown as CSV",
            )
        self.plot.show(build_map_figure(self.geography, shown, filters, self.place_picker.value or None))
        borders = self.geography.border_distances(filters.centre, self.colour_year(filters))
        self.distances.value = (
            f"<p class='ae-description'>{esc(describe_distances(self.geography, filters, borders))}</p>"
        )
        chosen = self.place_picker.value or None
        if shown.empty:
            self.card.value = nothing_matches(describe_map(self.geography, shown, filters))
        elif chosen is None:
            self.card.value = nothing_matches("Click a place on the map, or choose one in the list, to see its card.")
        else:
            self.card.value = place_card(self.geography, chosen, shown, filters.centre)

    def _render_items(self, filters: MapFilters) -> pd.DataFrame:
        shown = visible_items(self.items, filters, self.published_year)
        self.plot.base = self.base(self.colour_year(filters), active_areas(self.geography, shown))
        self.count.value = (
            f"<p><b>{len(shown)} of {len(self.items)} items shown, at {shown['place_id'].nunique()} places.</b></p>"
        )
        self.description.value = f"<p class='ae-description'>{esc(describe_map(self.geography, shown, filters))}</p>"
        columns = {"date": "date", "text": "what", "item": "kind", "place_name": "place"}
        table = shown.assign(place_name=shown["place_id"].map(self.geography.places["name"])).sort_values("date")
        self.table.value = html_table(table, columns) if len(shown) else ""
        return shown

    def _on_click(self, change) -> None:
        place_id = (change["new"] or {}).get("customdata")
        if place_id in {value for _, value in self.place_picker.options}:
            self.place_picker.value = place_id

    def _ipython_display_(self) -> None:
        display(self.widget)
