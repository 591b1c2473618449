"""The country outlines a map draws: lighter copies of the boundaries, cut to the map's box.

``scripts/build_geo.py`` snaps the full 1:50m boundaries of Europe to a grid once, at each
tolerance of :data:`TOLERANCES_DEG`, and writes them beside the file
(``europe-50m-0.036.geojson``...; see ``article_explorer/data/boundaries/README.md``); the
1:110m world file is coarse enough to be drawn as it is. This module only reads those files
(:func:`load_outlines`) and cuts an outline to the box a map shows (:func:`map_outline_xy`,
with :func:`clip_ring`): the box depends on the dataset's places and on the zoom, so that is
the one step left to run time. :func:`outline_xy` gives any country's rings, whole, as plotly
draws them. Distances and point-in-country tests never use these outlines: they use the full
boundaries (:mod:`article_explorer.geo.boundaries`).

>>> fills = load_outlines(FILL_DEG)
>>> xs, ys = map_outline_xy(fills["BLR"], (20.0, 50.0, 35.0, 57.0))
>>> xs.count(None), min(xs) > 23.1
(0, True)
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from article_explorer.data.boundaries import EUROPE, BoundarySet
from article_explorer.geo.boundaries import BBox, Country, LonLat, load_countries

#: The grid the map's country fills are snapped to, in degrees (about 4 km; for the article's
#: map, some 43° wide, about 1/1200 of its width: under a pixel or two on screen).
FILL_DEG = 0.036
#: The coarser grid of the bold outlines round the places known only as a country.
BOLD_DEG = 0.108
#: Every tolerance ``scripts/build_geo.py`` writes outlines for.
TOLERANCES_DEG = (FILL_DEG, BOLD_DEG)


def load_outlines(tolerance_deg: float, boundaries: BoundarySet = EUROPE) -> dict[str, Country]:
    """The countries of ``boundaries`` as ``scripts/build_geo.py`` simplified them to
    ``tolerance_deg`` (the full file where it wrote no copy), keyed as
    :func:`~article_explorer.geo.boundaries.load_countries` keys them. A country whose every
    ring shrank to nothing at that tolerance is missing."""
    return load_countries(boundaries.outlines_path(tolerance_deg))


def outline_xy(country: Country, bbox: BBox | None = None) -> tuple[list[float | None], list[float | None]]:
    """The country's rings as x (lon) and y (lat) lists separated by ``None``, for one trace.

    Pass them to ``go.Scatter(x=..., y=..., fill="toself")``. With ``bbox`` (min_lon, min_lat,
    max_lon, max_lat), polygons entirely outside it are left out; a polygon that overlaps it is
    kept whole. Holes are emitted as rings of their own: plotly joins the ``None``-separated
    rings into one SVG path of sub-paths, and since the file winds holes opposite to outer
    rings (README), they stay unfilled — as they would under an even-odd rule too.

    >>> ring = ((0.0, 0.0), (0.0, 1.0), (1.0, 1.0), (1.0, 0.0), (0.0, 0.0))
    >>> islands = Country("ISL", "Islands", "", polygons=((ring,), (tuple((x + 5, y) for x, y in ring),)))
    >>> xs, ys = outline_xy(islands)
    >>> xs.count(None), len(xs)
    (1, 11)
    >>> outline_xy(islands, bbox=(4.0, -1.0, 7.0, 2.0))[0]
    [5.0, 5.0, 6.0, 6.0, 5.0]
    """
    xs: list[float | None] = []
    ys: list[float | None] = []
    for polygon, (min_lon, min_lat, max_lon, max_lat) in zip(country.polygons, country.polygon_bboxes, strict=True):
        if bbox is not None and (min_lon > bbox[2] or max_lon < bbox[0] or min_lat > bbox[3] or max_lat < bbox[1]):
            continue
        for ring in polygon:
            if xs:
                xs.append(None)
                ys.append(None)
            xs.extend(x for x, _ in ring)
            ys.extend(y for _, y in ring)
    return xs, ys


def map_outline_xy(country: Country, bbox: BBox) -> tuple[list, list]:
    """Like :func:`outline_xy`, but rings that reach beyond ``bbox`` are clipped to it
    (:func:`clip_ring`), rounded to 3 decimals. What a map of that box needs, and no more bytes.

    >>> ring = ((0.0, 0.0), (0.0, 2.0), (2.0, 2.0), (2.0, 0.0), (0.0, 0.0))
    >>> map_outline_xy(Country("SQR", "Square", "", polygons=((ring,),)), (1.0, -1.0, 3.0, 3.0))
    ([1.0, 1.0, 2.0, 2.0, 1.0], [0.0, 2.0, 2.0, 0.0, 0.0])
    """
    xs: list[float | None] = []
    ys: list[float | None] = []
    for polygon, (min_lon, min_lat, max_lon, max_lat) in zip(country.polygons, country.polygon_bboxes, strict=True):
        if min_lon > bbox[2] or max_lon < bbox[0] or min_lat > bbox[3] or max_lat < bbox[1]:
            continue
        inside = min_lon >= bbox[0] and max_lon <= bbox[2] and min_lat >= bbox[1] and max_lat <= bbox[3]
        for ring in polygon:
            kept = ring if inside else clip_ring(ring, bbox)
            if not kept:
                continue
            if xs:
                xs.append(None)
                ys.append(None)
            rounded = np.round(np.asarray(kept, dtype=float), 3)
            xs.extend(rounded[:, 0].tolist())
            ys.extend(rounded[:, 1].tolist())
    return xs, ys


def clip_ring(ring: Sequence[LonLat], bbox: BBox) -> list[LonLat]:
    """The part of a ring inside ``bbox``, as a closed ring (Sutherland–Hodgman on the lon/lat
    plane); an empty list when nothing of it is inside. Edges cut by the box run along its sides.

    >>> square = [(0.0, 0.0), (0.0, 2.0), (2.0, 2.0), (2.0, 0.0), (0.0, 0.0)]
    >>> clip_ring(square, (1.0, 1.0, 3.0, 3.0))
    [(1.0, 1.0), (1.0, 2.0), (2.0, 2.0), (2.0, 1.0), (1.0, 1.0)]
    >>> clip_ring(square, (5.0, 5.0, 6.0, 6.0))
    []
    """
    min_lon, min_lat, max_lon, max_lat = bbox
    points = list(ring[:-1]) if len(ring) > 1 and ring[0] == ring[-1] else list(ring)
    edges = (
        (lambda p: p[0] >= min_lon, lambda a, b: _cut_at_lon(a, b, min_lon)),
        (lambda p: p[0] <= max_lon, lambda a, b: _cut_at_lon(a, b, max_lon)),
        (lambda p: p[1] >= min_lat, lambda a, b: _cut_at_lat(a, b, min_lat)),
        (lambda p: p[1] <= max_lat, lambda a, b: _cut_at_lat(a, b, max_lat)),
    )
    for inside, cut in edges:
        if not points:
            break
        kept: list[LonLat] = []
        for current, previous in zip(points, points[-1:] + points[:-1], strict=True):
            if inside(current):
                if not inside(previous):
                    kept.append(cut(previous, current))
                kept.append(current)
            elif inside(previous):
                kept.append(cut(previous, current))
        points = kept
    return [*points, points[0]] if len(points) >= 3 else []


def _cut_at_lon(a: LonLat, b: LonLat, lon: float) -> LonLat:
    share = (lon - a[0]) / (b[0] - a[0])
    return (lon, a[1] + share * (b[1] - a[1]))


def _cut_at_lat(a: LonLat, b: LonLat, lat: float) -> LonLat:
    share = (lat - a[1]) / (b[1] - a[1])
    return (a[0] + share * (b[0] - a[0]), lat)


def largest_ring_middle(xs: list, ys: list) -> tuple[float, float]:
    """The centroid of the largest of the ``None``-separated rings (shoelace formula): where a
    country's name goes when its own label point is out of view.

    >>> xs, ys = [0.0, 0.0, 1.0, 1.0, 0.0, None, 5.0, 5.0, 8.0, 8.0, 5.0], [0, 1, 1, 0, 0, None, 0, 3, 3, 0, 0]
    >>> largest_ring_middle(xs, ys)
    (6.5, 1.5)
    """
    best, best_area = (xs[0], ys[0]), 0.0
    ring: list[tuple[float, float]] = []
    for x, y in [*zip(xs, ys, strict=True), (None, None)]:
        if x is not None:
            ring.append((x, y))
            continue
        area = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
            cross = x0 * y1 - x1 * y0
            area, cx, cy = area + cross / 2, cx + (x0 + x1) * cross, cy + (y0 + y1) * cross
        if abs(area) > best_area:
            best, best_area = (cx / (6 * area), cy / (6 * area)), abs(area)
        ring = []
    return best
