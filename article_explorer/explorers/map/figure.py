"""The map's figure: the places, named where they fit, and the ring, over the countries.

:func:`build_map_figure` draws what changes with every choice (the places, their names, the
ring, the zoom); the countries and the areas' outlines beneath come from :mod:`.countries`,
which the explorer sends only when they change. :func:`full_map_figure` joins the two, for
tests and for anyone who wants the whole map as one plotly figure dict.

>>> from article_explorer.ui.session import dataset
>>> from article_explorer.explorers.map.items import map_items, visible_items
>>> geography = Geography(dataset())
>>> filters = MapFilters(year=2016, centre="minsk", radius_km=500)
>>> figure = full_map_figure(geography, visible_items(map_items(geography), filters, 2016), filters)
>>> [trace["name"] for trace in figure["data"] if trace.get("name", "").startswith("500")]
['500 km from Minsk']
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from article_explorer.explorers.map.countries import area_outlines, country_traces
from article_explorer.explorers.map.items import active_areas
from article_explorer.explorers.map.marks import context_frame_trace, context_only, is_landmark, landmark_trace
from article_explorer.explorers.map.model import Geography, MapFilters, shown_year
from article_explorer.explorers.map.placenames import place_labels, short_name
from article_explorer.explorers.map.text import place_hover
from article_explorer.geo.boundaries import boxes_meet
from article_explorer.geo.coordinates import degree_ticks
from article_explorer.geo.sphere import circle
from article_explorer.ui.rendering import esc
from article_explorer.ui.theme import PLACE_KIND, words_for

#: The outline of the chosen place's marker, and of the others.
CHOSEN_COLOUR, UNCHOSEN_COLOUR = "#E69F00", "#ffffff"
#: A marker with items shown (filled, large) and one without (hollow, small).
ACTIVE_COLOUR, IDLE_COLOUR = "#000000", "#555555"
RING_COLOUR = "#CC79A7"
AREA_NAME_COLOUR = "#111111"
SUBTITLE_COLOUR = "#555555"
SEA_COLOUR = "#f7fbff"
ATTRIBUTION = "Boundaries: Natural Earth · for teaching, not for navigation"


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


def build_map_figure(geography: Geography, items: pd.DataFrame, filters: MapFilters, chosen: str | None = None) -> dict:
    """The places and the ring over the countries (the countries come from
    :func:`.countries.country_traces`, drawn beneath), zoomed to ``filters.zoom``. Returns a
    plain plotly figure dict; clicking a place gives its ``place_id``."""
    places = geography.place
    centre = filters.centre or geography.default_centre
    by_place = {place_id: group for place_id, group in items.groupby("place_id", sort=False)}
    view = geography.view(filters.zoom, centre, filters.radius_km)
    areas = active_areas(geography, items)
    points = [p for p in geography.mapped[0] if geography.is_point(p)]
    labels = place_labels(geography, areas, points, set(by_place), view)
    landmarks = [p for p in points if is_landmark(places[p])]
    points = [p for p in points if p not in landmarks]

    def hover(place_id: str) -> str:
        return place_hover(geography, place_id, by_place.get(place_id), centre)

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
                "textfont": {"size": 12, "color": AREA_NAME_COLOUR, "shadow": "auto"},
                "hovertext": [hover(p) for p in shown],
                "hoverinfo": "text",
                "customdata": shown,
            }
        )
    kinds = {places[p]["kind"] for p in points}
    for kind in sorted(kinds, key=lambda k: (not _symbol(k), k)):  # the kinds the theme draws first
        of_kind = [p for p in points if places[p]["kind"] == kind]
        symbol = _symbol(kind) or "circle"
        active = [p in by_place for p in of_kind]
        named = [labels.get(p) is not None for p in of_kind]
        traces.append(
            {
                "type": "scatter",
                "name": words_for(PLACE_KIND, kind),
                "legendgroup": "places",
                "legendgrouptitle": {"text": "Places (filled: has items)"},
                "x": [places[p]["lon"] for p in of_kind],
                "y": [places[p]["lat"] for p in of_kind],
                "mode": "markers+text",
                "marker": {
                    "symbol": [symbol if a else f"{symbol}-open" for a in active],
                    "size": [16 if a else 10 for a in active],
                    "color": [ACTIVE_COLOUR if a else IDLE_COLOUR for a in active],
                    "line": {"color": [CHOSEN_COLOUR if p == chosen else UNCHOSEN_COLOUR for p in of_kind], "width": 2},
                },
                # A name that fits nowhere at this zoom is left out; it is in the hover text.
                "text": [esc(short_name(places[p]["name"])) if n else "" for p, n in zip(of_kind, named, strict=True)],
                "textposition": [
                    labels[p].position if n else "top center" for p, n in zip(of_kind, named, strict=True)
                ],
                "textfont": {"size": [12 if a else 10 for a in active], "shadow": "auto"},
                "hovertext": [hover(p) for p in of_kind],
                "hoverinfo": "text",
                "customdata": of_kind,
            }
        )
    traces += landmark_trace(places, landmarks, labels, lambda p: place_hover(geography, p, None, centre))
    traces += context_frame_trace(places, context_only(by_place, points))
    if filters.radius_km > 0 and centre in places:
        traces.append(_ring_trace(places[centre], filters.radius_km))
    layout = _layout(geography, filters, view.bbox, view.y_per_x)
    return {"data": traces, "layout": layout, "config": {"modeBarButtonsToRemove": ["select2d", "lasso2d"]}}


def _symbol(kind: str) -> str:
    """The theme's marker symbol for a kind of place; empty for a kind it does not draw as a point."""
    look = PLACE_KIND.get(kind)
    return look.symbol if look else ""


def _ring_trace(middle: dict, radius_km: int) -> dict:
    xs, ys = circle(middle["lat"], middle["lon"], radius_km)
    return {
        "type": "scatter",
        "name": f"{radius_km:,} km from {esc(middle['name'])}",
        "x": [round(x, 3) for x in xs],
        "y": [round(y, 3) for y in ys],
        "mode": "lines",
        "line": {"color": RING_COLOUR, "width": 2.5, "dash": "dash"},
        "hoverinfo": "skip",
    }


def _layout(geography: Geography, filters: MapFilters, view: tuple, y_per_x: float) -> dict:
    axis = {"showgrid": False, "zeroline": False, "constrain": "domain", "automargin": True, "ticklabelstandoff": 4}
    return {
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
            "subtitle": {"text": ATTRIBUTION, "font": {"size": 11, "color": SUBTITLE_COLOUR}},
        },
        "height": map_height(geography, filters),
        "margin": {"l": 56, "r": 10, "t": 100, "b": 40},
        "xaxis": {**axis, "range": [view[0], view[2]], **_ticks(view[0], view[2], "lon", geography)},
        "yaxis": {
            **axis,
            "range": [view[1], view[3]],
            "scaleanchor": "x",
            "scaleratio": y_per_x,
            **_ticks(view[1], view[3], "lat", geography),
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
        "plot_bgcolor": SEA_COLOUR,
        "meta": {"view": list(view)},  # the zoom's area, for tests and readers of the JSON
    }


def _ticks(low: float, high: float, axis: str, geography: Geography) -> dict:
    """An axis's ticks with hemispheres (10°W, 5°E), at a step for the view, over the whole map."""
    extent = geography.extent
    reach = (extent.min_lon, extent.max_lon) if axis == "lon" else (extent.min_lat, extent.max_lat)
    values, labels = degree_ticks(low, high, axis, (min(low, reach[0]), max(high, reach[1])))
    return {"tickmode": "array", "tickvals": values, "ticktext": labels}


#: The figure's height with up to :data:`BASE_COUNTRY_ROWS` rows of countries in the legend.
BASE_HEIGHT_PX = 720
BASE_COUNTRY_ROWS = 6
LEGEND_ROW_PX = 20


def map_height(geography: Geography, filters: MapFilters) -> int:
    """The figure's height: the legend sits below the map and plotly takes its room from the
    plot, so each row of countries beyond :data:`BASE_COUNTRY_ROWS` (a side, the countries on
    none, an area with a note) makes the figure taller and the map keeps its size."""
    extent = geography.extent.bbox
    noted = sum(1 for country in geography.countries.values() if country.note and boxes_meet(country.bbox, extent))
    rows = len(geography.sides.in_scheme(filters.scheme)) + 1 + noted
    return BASE_HEIGHT_PX + LEGEND_ROW_PX * max(0, rows - BASE_COUNTRY_ROWS)
