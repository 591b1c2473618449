"""What lies under the map's places: the countries coloured by side, and bold outlines round
the places known only as a country or a region.

The functions take the map's :class:`.places_map.Geography` (its outlines, clipped to the map
and simplified once, and the side of each country in a year) and return plain plotly trace
dicts; :class:`.places_map.MapExplorer` sends them to the browser only when they change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from article_explorer.geo.geography import circle
from article_explorer.ui.rendering import esc

if TYPE_CHECKING:  # the Geography that uses these functions is defined there
    from article_explorer.explorers.map.explorer import Geography

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
