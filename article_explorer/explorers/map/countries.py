"""What lies under the map's places: the countries coloured by side, and bold outlines round
the places known only as a country or a region.

The outlines are the ones ``scripts/build_geo.py`` simplified (:mod:`article_explorer.geo.outlines`),
cut once to a little beyond the map's extent by :class:`MapOutlines`. The functions take the
map's :class:`.model.Geography` and return plain plotly trace dicts;
:class:`.explorer.MapExplorer` sends them to the browser only when they change.
"""

from __future__ import annotations

from functools import lru_cache

from article_explorer.data.boundaries import BoundarySet
from article_explorer.data.contract import ARTICLE_SCHEME
from article_explorer.explorers.map.model import OUTLINE_MARGIN_DEG, Geography
from article_explorer.geo.boundaries import BBox, Extent, boxes_meet
from article_explorer.geo.outlines import BOLD_DEG, FILL_DEG, largest_ring_middle, load_outlines, map_outline_xy
from article_explorer.geo.sphere import circle
from article_explorer.ui.rendering import esc
from article_explorer.ui.theme import NOTED_AREA_PATTERN, NOTED_AREA_PATTERN_COLOUR

BORDER_COLOUR = "#666666"
AREA_OUTLINE_COLOUR = "#222222"
Outline = tuple[list, list]


class MapOutlines:
    """The country outlines of ``boundaries`` a map of ``extent`` draws, each cut to the extent
    (and 1° beyond) once: the fills, the bold outlines of areas, and the part of a country in a
    view (where its name goes when its own label point is out of view)."""

    def __init__(self, extent: Extent, boundaries: BoundarySet):
        margin = OUTLINE_MARGIN_DEG
        self.clip: BBox = (
            extent.min_lon - margin,
            extent.min_lat - margin,
            extent.max_lon + margin,
            extent.max_lat + margin,
        )
        self._fills, self._bold = load_outlines(FILL_DEG, boundaries), load_outlines(BOLD_DEG, boundaries)
        self._cut: dict[tuple[str, bool], Outline] = {}
        self._middles: dict[tuple[str, BBox], tuple[float, float] | None] = {}

    def fill(self, key: str) -> Outline:
        """A country's filled outline (empty lists if it has none on this map)."""
        return self._outline(key, bold=False)

    def bold(self, key: str) -> Outline:
        """A country's outline, simpler still, for a bold line round it."""
        return self._outline(key, bold=True)

    def _outline(self, key: str, bold: bool) -> Outline:
        if (key, bold) not in self._cut:
            country = (self._bold if bold else self._fills).get(key)
            self._cut[key, bold] = map_outline_xy(country, self.clip) if country else ([], [])
        return self._cut[key, bold]

    def middle_in(self, key: str, box: BBox) -> tuple[float, float] | None:
        """(lon, lat) in the middle of the largest part of a country inside ``box``, or ``None``."""
        if (key, box) not in self._middles:
            country = self._fills.get(key)
            xs, ys = map_outline_xy(country, box) if country else ([], [])
            self._middles[key, box] = largest_ring_middle(xs, ys) if xs else None
        return self._middles[key, box]


@lru_cache(maxsize=4)
def map_outlines(extent: Extent, boundaries: BoundarySet) -> MapOutlines:
    """The outlines of ``boundaries`` for a map of ``extent``, made once per extent and set."""
    return MapOutlines(extent, boundaries)


def country_traces(geography: Geography, year: int, scheme: str = ARTICLE_SCHEME) -> dict:
    """The country outlines coloured by side in ``year`` on ``scheme``: one filled trace per side
    (in the order of sides.csv, then the countries on no side), and one for each area the
    boundaries keep apart with a note (a disputed area): its side's fill, hatched, with a
    dotted edge and the note as its hover."""
    outlines = map_outlines(geography.extent, geography.boundaries)
    clip = outlines.clip
    order: list[str | None] = [*geography.sides.in_scheme(scheme), None]
    by_side: dict[str | None, tuple[list, list, list]] = {side: ([], [], []) for side in order}
    noted: list[tuple[str, Outline]] = []
    for code, country in sorted(geography.countries.items()):
        if not boxes_meet(country.bbox, clip):
            continue
        xs, ys = outlines.fill(code)
        if not xs:
            continue
        if country.note:
            noted.append((code, (xs, ys)))
            continue
        side_xs, side_ys, names = by_side.setdefault(geography.side_of_country(code, year, scheme), ([], [], []))
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
        look, name = geography.sides.look(side), geography.sides.legend(side, year)
        trace = {
            "type": "scatter",
            "name": name,
            "legendgroup": "sides",
            "legendgrouptitle": {"text": "Countries"},
            "x": xs,
            "y": ys,
            "mode": "lines",
            "fill": "toself",
            "fillcolor": look.colour,
            "line": {"color": BORDER_COLOUR, "width": 0.6},
            "hoveron": "fills",
            "text": esc(f"{name}: {', '.join(names[:12])}{'…' if len(names) > 12 else ''}"),
            "hoverinfo": "text",
        }
        if look.pattern:
            pattern = {"shape": look.pattern, "bgcolor": look.colour, "fgcolor": look.pattern_colour}
            trace["fillpattern"] = {**pattern, "size": 8, "solidity": 0.25}
        traces.append(trace)
    traces += [_noted_area_trace(geography, code, outline, year, scheme) for code, outline in noted]
    return {"data": traces}


def _noted_area_trace(geography: Geography, code: str, outline: Outline, year: int, scheme: str) -> dict:
    """An area the boundaries keep apart with a note: its side's fill under a grey hatching, a
    dotted edge, and the note (the boundaries' provenance) as its hover."""
    country = geography.countries[code]
    side = geography.side_of_country(code, year, scheme)
    fill = geography.sides.look(side).colour
    pattern = {"shape": NOTED_AREA_PATTERN, "bgcolor": fill, "fgcolor": NOTED_AREA_PATTERN_COLOUR, "size": 5}
    on_side = f" Side in the data: {geography.sides.words(side)}." if side else ""
    return {
        "type": "scatter",
        "name": f"{country.name} (see its note)",
        "legendgroup": "sides",
        "x": outline[0],
        "y": outline[1],
        "mode": "lines",
        "fill": "toself",
        "fillcolor": fill,
        "fillpattern": pattern,
        "line": {"color": BORDER_COLOUR, "width": 0.6, "dash": "dot"},
        "hoveron": "fills",
        "text": esc(f"{country.name}: {country.note}{on_side}"),
        "hoverinfo": "text",
    }


def area_outlines(geography: Geography, areas: list[str]) -> dict:
    """A bold outline around each area place: its country's shape, or for a region a 100 km
    circle (the boundaries have no regions). A plain figure dict of traces, no layout."""
    outlines = map_outlines(geography.extent, geography.boundaries)
    xs_all: list = []
    ys_all: list = []
    for place_id in areas:
        place = geography.place[place_id]
        if place["geo_precision"] == "region" or place["country_iso3"] not in geography.countries:
            xs, ys = circle(place["lat"], place["lon"], 100)
        else:
            xs, ys = outlines.bold(place["country_iso3"])
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
        "line": {"color": AREA_OUTLINE_COLOUR, "width": 2},
        "hoverinfo": "skip",
        "showlegend": False,
    }
    return {"data": [trace]}
