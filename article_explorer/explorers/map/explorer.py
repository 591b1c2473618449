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
  only as a country or a region are drawn as areas, never as a pin. **Landmarks** (places the
  article does not name, drawn to orient the reader) and **context events** are marked as
  :mod:`.map_marks` says; distances count the landmarks, and "Show context events" hides the
  context events.

Pure functions first (:func:`map_items`, :func:`visible_items`, :func:`build_map_figure`,
:func:`describe_map`...), then :class:`MapExplorer`, which wires the widgets to them.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property

import ipywidgets as widgets
import pandas as pd
from IPython.display import display

from article_explorer.data.config import DEFAULT_DATA_DIR
from article_explorer.data.dataset import Dataset
from article_explorer.data.edtf import in_words
from article_explorer.data.queries import most_contested_issue
from article_explorer.explorers.map.countries import CRIMEA_KEY, SIDES, area_outlines, country_traces
from article_explorer.explorers.map.labels import Label, layout_labels
from article_explorer.explorers.map.marks import (
    LANDMARK_PX,
    LANDMARK_WORDS,
    context_count_note,
    context_frame_trace,
    context_only,
    context_prefix,
    is_landmark,
    item_words,
    landmark_trace,
)
from article_explorer.geo.geography import (
    Country,
    Extent,
    circle,
    contains,
    distance_to_border_km,
    fit_extent,
    great_circle_km,
    inside,
    largest_ring_middle,
    load_countries,
    map_outline_xy,
    nearest_borders,
    neighbour_table,
)
from article_explorer.ui import session
from article_explorer.ui.controls import NO_CHOICE
from article_explorer.ui.plotview import PlotView, plot_view
from article_explorer.ui.rendering import download_link, esc, html_table, link, nothing_matches
from article_explorer.ui.style import STYLE
from article_explorer.ui.theme import CONTEXT

NATO_MEMBERS_PATH = DEFAULT_DATA_DIR / "geo" / "nato_members.csv"
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
REGION_KM = 700  # the region view holds the point places this close to the default centre
RING_VIEW_MIN_KM = 300  # the ring view spans at least this far from its centre, each way
#: zoom -> how the Zoom list names it ({country}: the default centre's country).
ZOOMS = {"region": "{country} and its neighbours", "ring": "the ring", "all": "the whole map"}


@dataclass(frozen=True)
class MapFilters:
    """What the learner has chosen: the layers, the year, hindsight, the ring, the zoom and
    whether context events are shown."""

    layers: frozenset[str] = frozenset(LAYERS)
    year: int | None = None
    hindsight: bool = False
    centre: str | None = None
    radius_km: int = 0
    zoom: str = "region"
    context: bool = True


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
        places = self.dataset.places
        points = places.loc[places["geo_precision"].isin(POINT_PRECISIONS), "place_id"]
        named = [p for p in points if not is_landmark(self.place[p])] or list(points)
        return max(named, key=lambda p: counts.get(p, 0))  # max keeps the first of equals

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
        """The box that holds every mapped point place and the label point of every nearby area;
        a landmark orients the reader inside it, but does not widen it."""
        places = self.places.loc[[p for p in self.mapped[0] if not is_landmark(self.place[p])]]
        middle_lat, middle_lon = places["lat"].median(), places["lon"].median()
        near = places[
            [
                great_circle_km(middle_lat, middle_lon, lat, lon) <= MAX_MAP_DISTANCE_KM
                for lat, lon in places[["lat", "lon"]].values
            ]
        ]
        return fit_extent(list(near["lat"]), list(near["lon"]), margin_deg=2.0)

    @cached_property
    def region(self) -> Extent:
        """The area the article is about: the default centre's country and the point places
        within :data:`REGION_KM` of that centre (for this article, Belarus with Warsaw, Kyiv
        and Moscow), inside the map's extent."""
        centre = self.place[self.default_centre]
        near = [p for p in self.mapped[0] if self._is_point(p) and not is_landmark(self.place[p])]
        near = [p for p in near if self.distance_km(self.default_centre, p) <= REGION_KM]
        lats, lons = [self.place[p]["lat"] for p in near], [self.place[p]["lon"] for p in near]
        if centre["country_iso3"] in self.countries:
            min_lon, min_lat, max_lon, max_lat = self.countries[centre["country_iso3"]].bbox
            lats, lons = [*lats, min_lat, max_lat], [*lons, min_lon, max_lon]
        return inside(fit_extent(lats, lons, margin_deg=1.5), self.extent)

    def view(self, zoom: str, centre: str | None = None, radius_km: int = 0) -> Extent:
        """The lon/lat box a zoom shows (:data:`ZOOMS`): the region, the ring (at least
        :data:`RING_VIEW_MIN_KM` across each way), or the whole map."""
        if zoom == "all":
            return self.extent
        if zoom == "ring" and radius_km > 0 and (centre or self.default_centre) in self.place:
            middle = self.place[centre or self.default_centre]
            lons, lats = circle(middle["lat"], middle["lon"], max(radius_km, RING_VIEW_MIN_KM))
            return inside(fit_extent(lats, lons, margin_deg=1.0), self.extent)
        return self.region

    def area_label_point(self, place_id: str, view: Extent) -> tuple[float, float] | None:
        """(lon, lat) for an area's name: its own label point when that is well inside the view,
        otherwise the middle of the largest part of the country that is (Russia's label point is
        in Siberia); ``None`` when no part of it is in view."""
        place = self.place[place_id]
        inset_lon, inset_lat = (view.max_lon - view.min_lon) * 0.04, (view.max_lat - view.min_lat) * 0.04
        box = (view.min_lon + inset_lon, view.min_lat + inset_lat, view.max_lon - inset_lon, view.max_lat - inset_lat)
        lon, lat = place["lon"], place["lat"]
        if box[0] < lon < box[2] and box[1] < lat < box[3]:
            return lon, lat
        if place["country_iso3"] in self.countries:
            xs, ys = map_outline_xy(self.countries[place["country_iso3"]], box, 0.05)
            return largest_ring_middle(xs, ys) if xs else None
        return None

    def _is_point(self, place_id: str) -> bool:
        return self.place[place_id]["geo_precision"] in POINT_PRECISIONS

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
    published = dataset.published
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
                "context": event["origin"] == "context",
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
                    "context": event["origin"] == "context",
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
                    "context": False,
                }
            )
    columns = ["item_id", "item", "place_id", "year", "date", "text", "status", "layers", "later", "source_id"]
    return pd.DataFrame(rows, columns=[*columns, "context"]).astype({"context": bool})


def visible_items(items: pd.DataFrame, filters: MapFilters, published_year: int) -> pd.DataFrame:
    """The items in the chosen layers that existed or had happened by the end of the chosen year;
    later outcomes only with hindsight, nothing after the article's year without it, and context
    events only when they are shown."""
    year = filters.year if filters.year is not None else published_year
    if not filters.hindsight:
        year = min(year, published_year)
    keep = (items["year"] <= year) & items["layers"].map(lambda layers: bool(layers & filters.layers))
    if not filters.hindsight:
        keep &= ~items["later"]
    if not filters.context:
        keep &= ~items["context"]
    return items[keep]


def layer_label(dataset: Dataset, layer: str) -> str:
    if layer == "dispute":
        issue, _ = disputed_items(dataset)
        label = dataset.issues.set_index("issue_id")["label"].get(issue, "")
        return f"The dispute: {label}" if label else "The dispute"
    return LAYERS[layer]


def active_areas(geography: Geography, items: pd.DataFrame) -> list[str]:
    """The mapped places known only as a country or region that have items shown."""
    with_items = set(items["place_id"])
    return [
        p
        for p in geography.mapped[0]
        if p in with_items and geography.place[p]["geo_precision"] not in POINT_PRECISIONS
    ]


def shown_year(filters: MapFilters, published_year: int) -> int:
    """The year the map really shows: the chosen one, but never after the article without hindsight."""
    year = filters.year if filters.year is not None else published_year
    return year if filters.hindsight else min(year, published_year)


def map_title(filters: MapFilters, published: dt.date) -> str:
    """A short title that names what is shown (it sits left, clear of plotly's toolbar)."""
    year = shown_year(filters, published.year)
    if filters.hindsight:
        return f"By the end of {year}, with what came later"
    if year == published.year:
        return f"As the article saw it on {published.day} {published:%B %Y}"
    return f"By the end of {year}"


def full_map_figure(geography: Geography, items: pd.DataFrame, filters: MapFilters, chosen: str | None = None) -> dict:
    """The whole map in one figure dict: countries, area outlines, then places and the ring."""
    year = shown_year(filters, geography.dataset.published.year)
    top = build_map_figure(geography, items, filters, chosen)
    under = country_traces(geography, year)["data"] + area_outlines(geography, active_areas(geography, items))["data"]
    return {"data": under + top["data"], "layout": top["layout"], "config": top["config"]}


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
        for date, text, later, context in items[["date", "text", "later", "context"]].values[:6]
    ]
    more = f"<br>… and {len(items) - 6} more" if len(items) > 6 else ""
    return "<br>".join(lines) + more


def place_labels(geography: Geography, areas: list[str], points: list[str], active: set[str], view: Extent) -> dict:
    """``place_id -> placement`` (``None``: no name at this zoom) for the names of the areas and
    point places in ``view``, laid out by :func:`.map_labels.layout_labels`. Capitals go first,
    then the places with items and the centre's country (first on the whole map), then the
    landmarks, then the other areas (which may move a little within their country), then the
    places without items. A name that fits nowhere is left to its hover text, except a capital's
    and a landmark's (and the centre country's), but on the whole map."""
    places = geography.place
    home = places[geography.default_centre]["country_iso3"]
    labels = []
    for p in areas:
        point = geography.area_label_point(p, view)
        if point is not None:
            droppable = places[p]["country_iso3"] != home or view == geography.extent  # crowded at the widest
            label = Label(p, *point, places[p]["name"], font_px=12, droppable=droppable, bold=True)
            # On the whole map the centre's country names itself before the crowded sites in it.
            labels.append((2 if droppable else 0.5 if view == geography.extent else 1.5, label))
    for p in points:
        place = places[p]
        if not (view.min_lon <= place["lon"] <= view.max_lon and view.min_lat <= place["lat"] <= view.max_lat):
            continue
        if is_landmark(place):  # named at every zoom but the widest, where it is crowded
            whole = view == geography.extent
            label = Label(p, place["lon"], place["lat"], _short_name(place["name"]), 10, LANDMARK_PX, droppable=whole)
            labels.append((2.5 if whole else 1.7, label))
            continue
        capital, on = place["kind"] == "capital", p in active
        label = Label(
            p,
            place["lon"],
            place["lat"],
            _short_name(place["name"]),
            font_px=12 if on else 10,
            marker_px=16 if on else 10,
            droppable=not capital,
        )
        labels.append((0 if capital else 1 if on else 3, label))
    labels.sort(key=lambda pair: pair[0])  # stable: within a rank, the order of places.csv

    def may_move_to(label: Label, lon: float, lat: float) -> bool:  # an area's name stays inside it
        iso3 = places[label.key]["country_iso3"]
        return iso3 in geography.countries and contains(geography.countries[iso3], lat=lat, lon=lon)

    return layout_labels([label for _, label in labels], view.bbox, view.y_per_x, may_move_to=may_move_to)


def _short_name(name: str) -> str:
    return name.split(" (")[0]  # "Baranovichi (Baranavichy)": the full name is in the hover text


def build_map_figure(geography: Geography, items: pd.DataFrame, filters: MapFilters, chosen: str | None = None) -> dict:
    """The places and the ring over the countries (the countries come from :func:`country_traces`,
    drawn beneath), zoomed to ``filters.zoom``. Returns a plain plotly figure dict; clicking a
    place gives its ``place_id``."""
    places = geography.place
    centre = filters.centre or geography.default_centre
    by_place = {place_id: group for place_id, group in items.groupby("place_id", sort=False)}
    view = geography.view(filters.zoom, centre, filters.radius_km)
    areas = active_areas(geography, items)
    points = [p for p in geography.mapped[0] if places[p]["geo_precision"] in POINT_PRECISIONS]
    labels = place_labels(geography, areas, points, set(by_place), view)
    landmarks = [p for p in points if is_landmark(places[p])]
    points = [p for p in points if p not in landmarks]
    traces = []
    if areas:
        shown = [p for p in areas if labels.get(p)]
        traces.append(
            {
                "type": "scatter",
                "name": "a country or region with items: bold name and outline",
                "x": [labels[p].lon for p in shown],
                "y": [labels[p].lat for p in shown],
                "mode": "text",
                "text": [f"<b>{esc(places[p]['name'])}</b>" for p in shown],
                "textposition": [labels[p].position for p in shown],
                "textfont": {"size": 12, "color": "#111111", "shadow": "auto"},
                "hovertext": [_place_hover(geography, p, by_place.get(p), centre) for p in shown],
                "hoverinfo": "text",
                "customdata": shown,
            }
        )
    for kind in sorted({places[p]["kind"] for p in points}, key=lambda k: (k not in KIND_SYMBOLS, k)):
        of_kind = [p for p in points if places[p]["kind"] == kind]
        symbol = KIND_SYMBOLS.get(kind, "circle")
        active = [p in by_place for p in of_kind]
        named = [labels.get(p) is not None for p in of_kind]
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
                # A name that fits nowhere at this zoom is left out; it is in the hover text.
                "text": [esc(_short_name(places[p]["name"])) if n else "" for p, n in zip(of_kind, named, strict=True)],
                "textposition": [
                    labels[p].position if n else "top center" for p, n in zip(of_kind, named, strict=True)
                ],
                "textfont": {"size": [12 if a else 10 for a in active], "shadow": "auto"},
                "hovertext": [_place_hover(geography, p, by_place.get(p), centre) for p in of_kind],
                "hoverinfo": "text",
                "customdata": of_kind,
            }
        )
    traces += landmark_trace(places, landmarks, labels, lambda p: _place_hover(geography, p, None, centre))
    traces += context_frame_trace(places, context_only(by_place, points))
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
    axis = {"showgrid": False, "zeroline": False, "constrain": "domain", "automargin": True, "ticklabelstandoff": 4}
    layout = {
        "template": "plotly_white",
        # Left-aligned and below the toolbar's strip, with the attribution under it: clear of
        # the toolbar (top right) and of the tick labels (below the map).
        "title": {
            "text": esc(map_title(filters, geography.dataset.published)),
            "x": 0,
            "xref": "container",
            "xanchor": "left",
            "y": 1,
            "yref": "container",
            "yanchor": "top",
            "pad": {"t": 38, "l": 8},
            "subtitle": {
                "text": "Boundaries: Natural Earth · for teaching, not for navigation",
                "font": {"size": 11, "color": "#555555"},
            },
        },
        "height": 720,
        "margin": {"l": 56, "r": 10, "t": 100, "b": 40},
        "xaxis": {**axis, "range": [view.min_lon, view.max_lon], "ticksuffix": "°E"},
        "yaxis": {
            **axis,
            "range": [view.min_lat, view.max_lat],
            "scaleanchor": "x",
            "scaleratio": view.y_per_x,
            "ticksuffix": "°N",
        },
        # Below the map, so that on a narrow screen the map keeps the width.
        # At the bottom of the figure (not below the plot's paper edge, which a tall legend then
        # overlapped): plotly makes room for it above, under the tick labels.
        "legend": {
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": 0,
            "yanchor": "bottom",
            "yref": "container",
            "groupclick": "toggleitem",
        },
        "hovermode": "closest",
        "plot_bgcolor": "#f7fbff",
        "meta": {"view": list(view.bbox)},  # the zoom's area, for tests and readers of the JSON
    }
    return {"data": traces, "layout": layout, "config": {"modeBarButtonsToRemove": ["select2d", "lasso2d"]}}


def _place_hover(geography: Geography, place_id: str, items: pd.DataFrame | None, centre: str) -> str:
    place = geography.place[place_id]
    distance = ""
    if place_id != centre and centre in geography.place:
        distance = f"<br>{geography.distance_km(centre, place_id):,.0f} km from {esc(geography.place[centre]['name'])}"
    shown = _hover_items(items) if items is not None else "nothing in the layers and years shown"
    kind = esc(place["kind"].replace("_", " ")) + (f"; a {LANDMARK_WORDS}" if is_landmark(place) else "")
    if is_landmark(place):
        shown = "drawn only to help you find your way"
    return f"<b>{esc(place['name'])}</b> ({kind}){distance}<br>{shown}"


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
        f"<li>{'<b>later</b> ' if row.later else ''}{esc(when(row.date))} — {esc(row.text)} "
        f"<span class='ae-meta'>({esc(item_words(row.item, row.context))}"
        f"{'; ' + cite(row.source_id) if row.source_id else ''})"
        "</span></li>"
        for row in shown.itertuples()
    )
    notes = f"<div class='ae-meta'>{esc(place['notes'])}</div>" if place.get("notes") else ""
    if is_landmark(place):
        notes = f"<p>A {LANDMARK_WORDS}: drawn only to help you find your way, and counted in distances.</p>{notes}"
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
    if place["geo_precision"] in POINT_PRECISIONS:
        return view.min_lon <= place["lon"] <= view.max_lon and view.min_lat <= place["lat"] <= view.max_lat
    return geography.area_label_point(place_id, view) is not None


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
                f"{row.country} {row.km:,} km" + (" (a NATO member)" if row.side == SIDES["nato"][0] else "")
                for row in others.itertuples()
            )
            + "."
        )
    if filters.radius_km > 0:
        within = [
            (geography.distance_km(centre, p), p)
            for p in geography.mapped[0]
            if p != centre
            and geography.place[p]["geo_precision"] in POINT_PRECISIONS
            and geography.distance_km(centre, p) <= filters.radius_km
        ]
        names = [(d, p, geography.place[p]["name"]) for d, p in sorted(within)]
        landmark = {p: f"; {LANDMARK_WORDS}" if is_landmark(geography.place[p]) else "" for _, p, _ in names}
        listed = ", ".join(f"{n} ({d:,.0f} km{landmark[p]})" for d, p, n in names) or "no other mapped point place"
        text += f" Within {filters.radius_km:,} km of {name}: {listed}."
        if names:
            text += " These are all the dataset's places in the ring, whatever the layers."
            hollow = [
                n for _, p, n in names if items is not None and p not in set(items["place_id"]) and not landmark[p]
            ]
            if items is not None and hollow:
                text += f" Nothing is shown at {', '.join(hollow)} with these layers and years (hollow markers)."
            elif items is not None and not all(landmark.values()):
                text += " Every place the article names in it has something shown with these layers and years."
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
        self.published_year = dataset.published.year
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
        self._years = (first, max(last, self.published_year))
        # Drop-downs rather than sliders: ipywidgets' sliders have no accessible name for screen readers.
        # Without hindsight the years stop at the article's: the list never offers a year it won't show.
        self.year = widgets.Dropdown(
            options=self._year_options(hindsight=False), value=self.published_year, description="Up to year"
        )
        self.year.style.description_width = "initial"
        self.hindsight = widgets.Checkbox(value=False, description="Show what happened later (hindsight)", indent=False)
        self.context = widgets.Checkbox(value=True, description="Show context events", indent=False)
        has_context = bool(self.items["context"].any())  # without any, the box would do nothing
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
        self.zoom = widgets.Dropdown(options=self._zoom_options(), value="region", description="Zoom")
        self.zoom.style.description_width = "initial"
        self._syncing = False
        names = sorted(
            (
                (self.geography.place[p]["name"] + (" (landmark)" if is_landmark(self.geography.place[p]) else ""), p)
                for p in self.geography.mapped[0]
            ),
            key=lambda o: o[0].lower(),
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
        self._view: Extent | None = None
        controls = [*self.layer_boxes.values(), self.year, self.hindsight, self.context, self.centre, self.radius]
        controls.append(self.zoom)
        for control in controls:
            control.observe(self._on_change, names="value")
        self.place_picker.observe(lambda _: self.render(), names="value")
        self.plot.observe(self._on_click, names="clicked")
        self.widget = widgets.VBox(
            [
                widgets.HTML(STYLE),
                widgets.HTML("<b>Layers</b>"),
                widgets.HBox(list(self.layer_boxes.values()), layout=widgets.Layout(flex_flow="row wrap")),
                widgets.HBox(
                    [self.year, self.hindsight] + ([self.context] if has_context else []),
                    layout=widgets.Layout(flex_flow="row wrap"),
                ),
                widgets.HBox([self.centre, self.radius, self.zoom], layout=widgets.Layout(flex_flow="row wrap")),
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
        self.widget.add_class("ae-explorer")
        session.register(self)

    @property
    def filters(self) -> MapFilters:
        return MapFilters(
            layers=frozenset(layer for layer, box in self.layer_boxes.items() if box.value),
            year=self.year.value,
            hindsight=self.hindsight.value,
            centre=self.centre.value,
            radius_km=self.radius.value,
            zoom=self.zoom.value,
            context=self.context.value,
        )

    def colour_year(self, filters: MapFilters) -> int:
        """The year whose sides colour the countries: never after the article without hindsight."""
        return shown_year(filters, self.published_year)

    def _year_options(self, hindsight: bool) -> list[int]:
        first, last = self._years
        return list(range(first, (last if hindsight else self.published_year) + 1))

    def _zoom_options(self) -> list[tuple[str, str]]:
        home = self.geography.place[self.geography.default_centre]["country_iso3"]
        country = self.geography.countries[home].name if home in self.geography.countries else "The region"
        options = [(ZOOMS["region"].format(country=country), "region")]
        if self.radius.value:
            ring = (
                f"{ZOOMS['ring']} ({self.radius.value:,} km around {self.geography.place[self.centre.value]['name']})"
            )
            options.append((ring, "ring"))
        return [*options, (ZOOMS["all"], "all")]

    def _on_change(self, change) -> None:
        """Keep the year list and the zoom list true to the other controls, then redraw once."""
        if self._syncing:
            return
        self._syncing = True
        try:
            if change["owner"] is self.hindsight:
                year = min(self.year.value, self._year_options(self.hindsight.value)[-1])
                self.year.options = self._year_options(self.hindsight.value)
                self.year.value = year
            if change["owner"] in (self.radius, self.centre):
                # Drawing a ring zooms to it; removing it goes back to the region.
                zoom = self.zoom.value
                if change["owner"] is self.radius and (change["old"] == 0) != (change["new"] == 0):
                    zoom = "ring" if change["new"] else "region"
                self.zoom.options = self._zoom_options()
                self.zoom.value = zoom if zoom in {value for _, value in self.zoom.options} else "region"
        finally:
            self._syncing = False
        self.render()

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
        items_key = (filters.layers, filters.year, filters.hindsight, filters.context)
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
        view = self.geography.view(filters.zoom, filters.centre, filters.radius_km)
        figure = build_map_figure(self.geography, shown, filters, self.place_picker.value or None)
        if self._view is not None and view != self._view:
            self._fresh_plot(figure)
        self._view = view
        self.plot.show(figure)
        self.description.value = f"<p class='ae-description'>{esc(describe_map(self.geography, shown, filters))}</p>"
        borders = self.geography.border_distances(filters.centre, self.colour_year(filters))
        self.distances.value = (
            f"<p class='ae-description'>{esc(describe_distances(self.geography, filters, borders, shown))}</p>"
        )
        chosen = self.place_picker.value or None
        if shown.empty:
            self.card.value = nothing_matches(describe_map(self.geography, shown, filters))
        elif chosen is None:
            self.card.value = nothing_matches("Click a place on the map, or choose one in the list, to see its card.")
        else:
            self.card.value = place_card(self.geography, chosen, shown, filters.centre)

    def _render_items(self, filters: MapFilters) -> pd.DataFrame:
        year = self.published_year
        shown = visible_items(self.items, filters, year)
        self.plot.base = self.base(self.colour_year(filters), active_areas(self.geography, shown))
        hidden = 0
        if not filters.context:  # the context events that the other controls would show
            hidden = len(visible_items(self.items, replace(filters, context=True), year)) - len(shown)
        note = context_count_note(shown, hidden)
        self.count.value = (
            f"<p><b>{len(shown)} of {len(self.items)} items shown, at {shown['place_id'].nunique()} places.</b>"
            f"{esc(note)}</p>"
        )
        columns = {"when": "date", "text": "what", "kind": "kind", "place_name": "place"}
        table = shown.sort_values("date").assign(
            when=lambda t: t["date"].map(when),
            kind=lambda t: [item_words(i, c) for i, c in zip(t["item"], t["context"], strict=True)],
            place_name=lambda t: t["place_id"].map(self.geography.places["name"]),
        )
        self.table.value = html_table(table, columns) if len(shown) else ""
        return shown

    def _fresh_plot(self, figure: dict) -> None:
        """A new view for a new zoom: plotly.js's react keeps the old x range of an axis with a
        scaleanchor (it restores its private ``_inputRange``), so a zoom is drawn afresh. The view
        has its figure before the browser draws it: a first drawing of an empty figure would
        leave the plot's box with no height (plotly.js sizes it to its container then)."""
        plot = PlotView()
        plot.base = self.plot.base
        plot.show(figure)
        plot.observe(self._on_click, names="clicked")
        self.plot = plot
        self._figure_box.children = (*self._figure_box.children[:-1], plot)

    def _on_click(self, change) -> None:
        place_id = (change["new"] or {}).get("customdata")
        if place_id in {value for _, value in self.place_picker.options}:
            self.place_picker.value = place_id

    def _ipython_display_(self) -> None:
        display(self.widget)
