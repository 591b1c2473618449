"""Countries, distances and rings for maps that draw without a network connection.

The country outlines come from ``data/geo/countries.geojson`` (see ``data/geo/README.md``):
longitude/latitude polygons that :func:`load_countries` turns into :class:`Country` values.
The notebooks draw them on a plain x/y plane — x is longitude, y is latitude — as filled
``go.Scatter`` traces (:func:`outline_xy`), with no plotly ``geo`` traces and no map tiles,
so a map needs nothing but the repository. That plane is the equirectangular projection;
:func:`fit_extent` gives the axis ratio that keeps it from looking stretched at the map's
latitude.

Two geometries meet here, each used where it is the right one:

* On the plane, as drawn: :func:`contains` tests a point against the polygons exactly as
  the file defines them (ray casting in longitude/latitude), and :func:`outline_xy` returns
  them for plotting.
* On the sphere, for every distance: :func:`great_circle_km` (haversine),
  :func:`distance_to_border_km` (the exact distance from a point to great-circle arcs,
  vectorised with numpy over all of a country's edges) and :func:`circle` (the
  destination-point formula). The Earth is a sphere of mean radius
  :data:`EARTH_RADIUS_KM`; against the WGS 84 ellipsoid that errs by at most about 0.5%.

A boundary edge is taken as the great-circle arc between its two vertices, whereas the plane
draws it as a straight line in longitude/latitude. The file's edges are short (under 1° in
Europe), so the two differ by at most about 100 m there — the size of the file's rounding
of coordinates to 0.001°.

A small square country shows the whole interface:

>>> ring = ((0.0, 0.0), (0.0, 1.0), (1.0, 1.0), (1.0, 0.0), (0.0, 0.0))
>>> square = Country("SQR", "Square", "", polygons=((ring,),))
>>> contains(square, lat=0.5, lon=0.5), contains(square, lat=-1.0, lon=0.5)
(True, False)
>>> round(distance_to_border_km(-1.0, 0.5, square), 1)  # one degree of latitude south of it
111.2
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from article_explorer.data.config import DEFAULT_DATA_DIR

#: Mean Earth radius (IUGG), in kilometres.
EARTH_RADIUS_KM = 6371.0088
#: The country outlines that ship with the repository.
COUNTRIES_PATH = DEFAULT_DATA_DIR / "geo" / "countries.geojson"

LonLat = tuple[float, float]
Ring = tuple[LonLat, ...]
Polygon = tuple[Ring, ...]
BBox = tuple[float, float, float, float]


@dataclass(frozen=True)
class _Boundary:
    """A country's boundary as unit vectors on the sphere, ready for vectorised distances.

    For an edge from A to B with great-circle normal n, a point P lies over the arc (its foot
    on the great circle falls between A and B) when ``P·(n×A) >= 0`` and ``P·(B×n) >= 0``.
    """

    vertices: np.ndarray  # (m, 3): every vertex of the boundary, once
    normals: np.ndarray  # (k, 3): unit normal A×B/|A×B| of each edge's great circle
    after_start: np.ndarray  # (k, 3): n×A
    before_end: np.ndarray  # (k, 3): B×n


@dataclass(frozen=True)
class Country:
    """One feature of the boundaries file.

    ``polygons`` is a tuple of polygons; a polygon is a tuple of rings, its outer ring first
    and its holes after; a ring is a closed tuple of (lon, lat) pairs in degrees (its first
    pair repeated at its end, at least four pairs).

    >>> ring = ((0.0, 0.0), (0.0, 1.0), (2.0, 1.0), (2.0, 0.0), (0.0, 0.0))
    >>> Country("SQR", "Square", "", polygons=((ring,),)).bbox
    (0.0, 0.0, 2.0, 1.0)
    """

    iso3: str
    name: str
    note: str
    polygons: tuple[Polygon, ...]

    def __post_init__(self) -> None:
        if not self.polygons:
            raise ValueError(f"{self.name}: a country needs at least one polygon")
        for polygon_number, polygon in enumerate(self.polygons, start=1):
            if not polygon:
                raise ValueError(f"{self.name}: polygon {polygon_number} has no rings")
            for ring_number, ring in enumerate(polygon, start=1):
                if len(ring) < 4 or ring[0] != ring[-1]:
                    raise ValueError(
                        f"{self.name}: ring {ring_number} of polygon {polygon_number} is not closed "
                        "(expected at least 4 (lon, lat) pairs, the last equal to the first)"
                    )

    @cached_property
    def bbox(self) -> BBox:
        """(min_lon, min_lat, max_lon, max_lat) over all polygons."""
        corners = np.array(self._polygon_bboxes)
        return (
            float(corners[:, 0].min()),
            float(corners[:, 1].min()),
            float(corners[:, 2].max()),
            float(corners[:, 3].max()),
        )

    @cached_property
    def _ring_arrays(self) -> tuple[tuple[np.ndarray, ...], ...]:
        return tuple(tuple(np.asarray(ring, dtype=float) for ring in polygon) for polygon in self.polygons)

    @cached_property
    def _polygon_bboxes(self) -> tuple[BBox, ...]:
        boxes = []
        for rings in self._ring_arrays:
            low, high = rings[0].min(axis=0), rings[0].max(axis=0)  # holes lie inside the outer ring
            boxes.append((float(low[0]), float(low[1]), float(high[0]), float(high[1])))
        return tuple(boxes)

    @cached_property
    def _boundary(self) -> _Boundary:
        rings = [ring for rings in self._ring_arrays for ring in rings]
        starts = np.concatenate([ring[:-1] for ring in rings])
        ends = np.concatenate([ring[1:] for ring in rings])
        # Parts that cross the antimeridian are cut along ±180° in the file; the cut is no border.
        along_the_cut = (np.abs(starts[:, 0]) == 180.0) & (starts[:, 0] == ends[:, 0])
        starts, ends = starts[~along_the_cut], ends[~along_the_cut]
        start_vectors, end_vectors = _unit_vectors(starts), _unit_vectors(ends)
        normals = np.cross(start_vectors, end_vectors)
        lengths = np.linalg.norm(normals, axis=1)
        has_length = lengths > 0  # a repeated vertex is no arc; it still counts as a vertex
        normals = normals[has_length] / lengths[has_length, None]
        return _Boundary(
            vertices=_unit_vectors(np.unique(np.concatenate((starts, ends)), axis=0)),
            normals=normals,
            after_start=np.cross(normals, start_vectors[has_length]),
            before_end=np.cross(end_vectors[has_length], normals),
        )


@dataclass(frozen=True)
class Extent:
    """A lon/lat box for an equirectangular map, and the axis ratio that keeps it true.

    On the x/y plane a degree of longitude spans cos(latitude) as many kilometres as a degree
    of latitude, so a map looks unstretched at its middle latitude when each unit of y is
    drawn ``y_per_x`` times as long as a unit of x::

        fig.update_xaxes(range=[extent.min_lon, extent.max_lon])
        fig.update_yaxes(range=[extent.min_lat, extent.max_lat], scaleanchor="x", scaleratio=extent.y_per_x)

    >>> round(Extent(0.0, 50.0, 10.0, 70.0).y_per_x, 6)
    2.0
    """

    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float

    @property
    def bbox(self) -> BBox:
        """(min_lon, min_lat, max_lon, max_lat), as :func:`outline_xy` takes it."""
        return (self.min_lon, self.min_lat, self.max_lon, self.max_lat)

    @property
    def y_per_x(self) -> float:
        """1 / cos(middle latitude): plotly's ``scaleratio`` for the y axis anchored to x."""
        return 1.0 / math.cos(math.radians((self.min_lat + self.max_lat) / 2))


def load_countries(path: str | os.PathLike[str] | None = None) -> dict[str, Country]:
    """The countries of a GeoJSON boundaries file (by default the repository's), by key.

    The key is the feature's ``iso3``; a feature without one is keyed by its name upper-cased
    with spaces removed ("Crimea" → ``"CRIMEA"``, "N. Cyprus" → ``"N.CYPRUS"``). The file is
    read once per path; each call returns a fresh dict of the same (immutable) countries.

    Raises :class:`FileNotFoundError` if the file is missing and :class:`ValueError` if it is
    not a FeatureCollection of Polygon and MultiPolygon features with ``iso3`` and ``name``.

    >>> countries = load_countries()
    >>> countries["BLR"].name, countries["CRIMEA"].iso3
    ('Belarus', '')
    """
    chosen = Path(path) if path is not None else COUNTRIES_PATH
    return dict(_read_countries(str(chosen.expanduser().resolve())))


@lru_cache(maxsize=8)
def _read_countries(path: str) -> dict[str, Country]:
    expected = (
        "expected a GeoJSON FeatureCollection of country outlines such as data/geo/countries.geojson "
        "(see data/geo/README.md)"
    )
    try:
        content = Path(path).read_bytes()
    except FileNotFoundError:
        raise FileNotFoundError(f"No country boundaries at {path}: {expected}") from None
    try:
        collection = json.loads(content)
    except ValueError as error:
        raise ValueError(f"{path} is not valid JSON ({error}): {expected}") from None
    if (
        not isinstance(collection, dict)
        or collection.get("type") != "FeatureCollection"
        or not isinstance(collection.get("features"), list)
    ):
        raise ValueError(f'{path} is not a FeatureCollection with a list of "features": {expected}')
    countries: dict[str, Country] = {}
    for number, feature in enumerate(collection["features"], start=1):
        try:
            country = _country_of(feature)
        except (AttributeError, IndexError, KeyError, TypeError, ValueError) as error:
            raise ValueError(
                f"{path}, feature {number}: {error} (expected properties iso3, name and note, "
                "and a Polygon or MultiPolygon geometry of [lon, lat] positions)"
            ) from None
        key = country.iso3 or country.name.upper().replace(" ", "")
        if key in countries:
            raise ValueError(f"{path}, feature {number}: the key {key!r} is used by an earlier feature too")
        countries[key] = country
    return countries


def _country_of(feature: dict) -> Country:
    properties, geometry = feature["properties"], feature["geometry"]
    iso3, name, note = properties["iso3"], properties["name"], properties.get("note") or ""
    if not all(isinstance(value, str) for value in (iso3, name, note)) or not name:
        raise ValueError("iso3, name and note must be strings, and name must not be empty")
    if geometry["type"] == "Polygon":
        parts = [geometry["coordinates"]]
    elif geometry["type"] == "MultiPolygon":
        parts = geometry["coordinates"]
    else:
        raise ValueError(f"{name}: geometry type {geometry['type']!r} is neither Polygon nor MultiPolygon")
    polygons = tuple(
        tuple(tuple((float(position[0]), float(position[1])) for position in ring) for ring in polygon)
        for polygon in parts
    )
    return Country(iso3=iso3, name=name, note=note, polygons=polygons)


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance between two points, in km (haversine formula).

    >>> great_circle_km(53.9022, 27.5618, 53.9022, 27.5618)
    0.0
    >>> round(great_circle_km(0.0, 0.0, 0.0, 90.0), 1)  # a quarter of the equator
    10007.6
    """
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_chord = (
        math.sin((phi2 - phi1) / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.atan2(math.sqrt(half_chord), math.sqrt(1 - half_chord))


def contains(country: Country, lat: float, lon: float) -> bool:
    """Whether the point lies in one of the country's polygons: in its outer ring, in none of its holes.

    Rings are read as drawn on the lon/lat plane (ray casting), as the file defines them. A
    point exactly on a boundary may fall on either side.

    >>> ring = ((0.0, 0.0), (0.0, 4.0), (4.0, 4.0), (4.0, 0.0), (0.0, 0.0))
    >>> hole = ((1.0, 1.0), (3.0, 1.0), (3.0, 3.0), (1.0, 3.0), (1.0, 1.0))
    >>> frame = Country("FRM", "Frame", "", polygons=((ring, hole),))
    >>> contains(frame, lat=0.5, lon=2.0), contains(frame, lat=2.0, lon=2.0)
    (True, False)
    """
    for (min_lon, min_lat, max_lon, max_lat), rings in zip(country._polygon_bboxes, country._ring_arrays, strict=True):
        if not (min_lon <= lon <= max_lon and min_lat <= lat <= max_lat):
            continue
        if _ring_contains(rings[0], lat, lon) and not any(_ring_contains(hole, lat, lon) for hole in rings[1:]):
            return True
    return False


def _ring_contains(ring: np.ndarray, lat: float, lon: float) -> bool:
    """Even-odd ray casting: does a ray from the point towards +lon cross the closed ring an odd number of times?"""
    starts, ends = ring[:-1], ring[1:]
    straddles = (starts[:, 1] > lat) != (ends[:, 1] > lat)
    (x0, y0), (x1, y1) = starts[straddles].T, ends[straddles].T
    crossings = lon < x0 + (lat - y0) * (x1 - x0) / (y1 - y0)
    return bool(np.count_nonzero(crossings) % 2)


def distance_to_border_km(lat: float, lon: float, country: Country) -> float:
    """The shortest great-circle distance, in km, from the point to the country's boundary.

    The boundary is every ring of every polygon (coasts included), each edge taken as the
    great-circle arc between its vertices: the distance to an edge is the distance to its
    great circle when the point's foot on that circle falls within the arc, otherwise to the
    nearer end. The cuts along ±180° that split Russia's far east are not counted.

    The result is the same whether the point is outside or inside the country: for a point
    inside it is how far the nearest border or coast is (use :func:`contains` to tell the two
    apart). It is 0 only for a point on the boundary.

    >>> ring = ((0.0, 0.0), (0.0, 1.0), (1.0, 1.0), (1.0, 0.0), (0.0, 0.0))
    >>> square = Country("SQR", "Square", "", polygons=((ring,),))
    >>> round(distance_to_border_km(0.5, 0.9, square), 2)  # inside: the eastern edge is 0.1° away
    11.12
    """
    point = _unit_vectors(np.array([[lon, lat]], dtype=float))[0]
    boundary = country._boundary
    nearest_chord = np.linalg.norm(boundary.vertices - point, axis=1).min()
    nearest = 2 * math.asin(min(1.0, nearest_chord / 2))
    over_arc = (boundary.after_start @ point >= 0) & (boundary.before_end @ point >= 0)
    if over_arc.any():
        nearest_circle = np.abs(boundary.normals[over_arc] @ point).min()
        nearest = min(nearest, math.asin(min(1.0, nearest_circle)))
    return nearest * EARTH_RADIUS_KM


def nearest_borders(lat: float, lon: float, countries: Mapping[str, Country], iso3s: Iterable[str]) -> pd.DataFrame:
    """How far the point is from each chosen country, nearest first.

    Columns: ``iso3`` (the key in ``countries``), ``name``, ``km`` — the distance to that
    country's border, **0 when the point lies inside it** (unlike
    :func:`distance_to_border_km`, which then measures to the border from within) — and
    ``inside``. Ties in ``km`` are ordered by ``iso3``.

    >>> table = nearest_borders(53.9022, 27.5618, load_countries(), ["POL", "BLR", "LTU"])
    >>> table["iso3"].tolist(), table["inside"].tolist()
    (['BLR', 'LTU', 'POL'], [True, False, False])
    """
    rows = []
    for iso3 in iso3s:
        if iso3 not in countries:
            raise KeyError(f"No country {iso3!r} among the {len(countries)} boundaries given")
        country = countries[iso3]
        inside = contains(country, lat, lon)
        km = 0.0 if inside else distance_to_border_km(lat, lon, country)
        rows.append((km, iso3, country.name, inside))
    rows.sort()
    return pd.DataFrame(
        {
            "iso3": [iso3 for _, iso3, _, _ in rows],
            "name": [name for _, _, name, _ in rows],
            "km": np.array([km for km, _, _, _ in rows], dtype=float),
            "inside": np.array([inside for _, _, _, inside in rows], dtype=bool),
        }
    )


def circle(lat: float, lon: float, radius_km: float, points: int = 120) -> tuple[list[float], list[float]]:
    """Longitudes and latitudes of a ring at ``radius_km`` (great-circle) around the point.

    The ring has ``points`` distinct points and is closed: its first point is repeated at the
    end. Longitudes run on continuously from ``lon`` (they are not wrapped into ±180°), so a
    ring near the antimeridian draws without a jump.

    >>> lons, lats = circle(53.9022, 27.5618, 100.0, points=4)
    >>> len(lons), (lons[0], lats[0]) == (lons[-1], lats[-1])
    (5, True)
    >>> round(great_circle_km(53.9022, 27.5618, lats[1], lons[1]), 6)
    100.0
    """
    if points < 3:
        raise ValueError(f"a ring needs at least 3 points, not {points}")
    if radius_km < 0:
        raise ValueError(f"the radius must not be negative, not {radius_km}")
    angular_radius = radius_km / EARTH_RADIUS_KM
    phi, lam = math.radians(lat), math.radians(lon)
    bearings = np.linspace(0.0, 2 * math.pi, points, endpoint=False)
    sin_lats = math.sin(phi) * math.cos(angular_radius) + math.cos(phi) * math.sin(angular_radius) * np.cos(bearings)
    lats = np.arcsin(np.clip(sin_lats, -1.0, 1.0))
    lons = lam + np.arctan2(
        np.sin(bearings) * math.sin(angular_radius) * math.cos(phi),
        math.cos(angular_radius) - math.sin(phi) * sin_lats,
    )
    ring_lons, ring_lats = np.degrees(lons).tolist(), np.degrees(lats).tolist()
    return [*ring_lons, ring_lons[0]], [*ring_lats, ring_lats[0]]


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
    for polygon, (min_lon, min_lat, max_lon, max_lat) in zip(country.polygons, country._polygon_bboxes, strict=True):
        if bbox is not None and (min_lon > bbox[2] or max_lon < bbox[0] or min_lat > bbox[3] or max_lat < bbox[1]):
            continue
        for ring in polygon:
            if xs:
                xs.append(None)
                ys.append(None)
            xs.extend(x for x, _ in ring)
            ys.extend(y for _, y in ring)
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


def simplify_ring(ring: Sequence[LonLat], tolerance_deg: float) -> list[LonLat]:
    """Snap the vertices to a grid of ``tolerance_deg`` and drop those that fall on the grid point
    of the one before; the ring stays closed. Neighbours share their border's vertices, so they
    snap alike and stay flush: no slivers, no overlaps. Enough for a map on which
    ``tolerance_deg`` is under a pixel or two; an empty list when the ring shrinks below a
    triangle.

    >>> simplify_ring([(0, 0), (0, 0.01), (0, 1), (1, 1), (1, 0), (0, 0)], 0.1)
    [(0.0, 0.0), (0.0, 1.0), (1.0, 1.0), (1.0, 0.0), (0.0, 0.0)]
    """
    kept = _snap(np.asarray(ring, dtype=float), tolerance_deg)
    if kept is None:
        return []
    points = [(float(x), float(y)) for x, y in kept]
    return [*points, points[0]]


def _snap(ring: np.ndarray, tolerance_deg: float) -> np.ndarray | None:
    """:func:`simplify_ring` on an (n, 2) array, open (the first point not repeated), or ``None``."""
    snapped = np.round(ring / tolerance_deg) * tolerance_deg
    moved = np.ones(len(snapped), dtype=bool)
    moved[1:] = np.any(snapped[1:] != snapped[:-1], axis=1)
    kept = snapped[moved]
    if len(kept) > 1 and (kept[0] == kept[-1]).all():
        kept = kept[:-1]
    return kept if len(kept) >= 3 else None


def map_outline_xy(country: Country, bbox: BBox, tolerance_deg: float) -> tuple[list, list]:
    """Like :func:`outline_xy`, but every ring simplified to ``tolerance_deg`` (see
    :func:`simplify_ring`), clipped to ``bbox`` where it reaches beyond it, and rounded to 3
    decimals: what a map of that box needs, and no more bytes."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for rings, (min_lon, min_lat, max_lon, max_lat) in zip(country._ring_arrays, country._polygon_bboxes, strict=True):
        if min_lon > bbox[2] or max_lon < bbox[0] or min_lat > bbox[3] or max_lat < bbox[1]:
            continue
        inside = min_lon >= bbox[0] and max_lon <= bbox[2] and min_lat >= bbox[1] and max_lat <= bbox[3]
        for ring in rings:
            kept = _snap(ring, tolerance_deg)
            if kept is None:
                continue
            closed = np.vstack((kept, kept[:1]))
            if not inside:
                clipped = clip_ring([(float(x), float(y)) for x, y in closed], bbox)
                if not clipped:
                    continue
                closed = np.asarray(clipped)
            if xs:
                xs.append(None)
                ys.append(None)
            rounded = np.round(closed, 3)
            xs.extend(rounded[:, 0].tolist())
            ys.extend(rounded[:, 1].tolist())
    return xs, ys


def neighbour_table(countries: Mapping[str, Country]) -> dict[str, list[str]]:
    """For each country, the countries that share a border with it: those with a boundary
    vertex in common (the boundaries come from one topology, so neighbours share their border's
    vertices exactly).

    >>> neighbour_table(load_countries())["BLR"]
    ['LTU', 'LVA', 'POL', 'RUS', 'UKR']
    """
    codes = list(countries)
    points, owners = [], []
    for number, code in enumerate(codes):
        for rings in countries[code]._ring_arrays:
            for ring in rings:
                points.append(ring)
                owners.append(np.full(len(ring), number))
    xy, owner = np.concatenate(points), np.concatenate(owners)
    order = np.lexsort((owner, xy[:, 1], xy[:, 0]))
    xy, owner = xy[order], owner[order]
    starts = np.flatnonzero(np.r_[True, np.any(xy[1:] != xy[:-1], axis=1)])
    ends = np.r_[starts[1:], len(xy)]
    table: dict[str, set[str]] = {code: set() for code in codes}
    for start, end in zip(starts[ends - starts > 1], ends[ends - starts > 1], strict=True):
        sharing = {codes[i] for i in owner[start:end]}
        for code in sharing:
            table[code] |= sharing - {code}
    return {code: sorted(others) for code, others in table.items()}


def fit_extent(lats: Sequence[float], lons: Sequence[float], margin_deg: float = 2.0) -> Extent:
    """The smallest lon/lat box holding every point, widened by ``margin_deg`` on each side.

    Latitudes are kept within ±90°.

    >>> extent = fit_extent([53.9022, 55.7558], [27.5618, 37.6178], margin_deg=1.0)
    >>> extent.bbox
    (26.5618, 52.9022, 38.6178, 56.7558)
    >>> round(extent.y_per_x, 3)
    1.736
    """
    lat_values, lon_values = np.asarray(lats, dtype=float), np.asarray(lons, dtype=float)
    if lat_values.shape != lon_values.shape or lat_values.ndim != 1 or not lat_values.size:
        raise ValueError(f"need as many latitudes as longitudes, at least one: got {len(lats)} and {len(lons)}")
    if not (np.isfinite(lat_values).all() and np.isfinite(lon_values).all()):
        raise ValueError("every latitude and longitude must be a finite number")
    if margin_deg < 0:
        raise ValueError(f"the margin must not be negative, not {margin_deg}")
    return Extent(
        min_lon=float(lon_values.min() - margin_deg),
        min_lat=float(max(-90.0, lat_values.min() - margin_deg)),
        max_lon=float(lon_values.max() + margin_deg),
        max_lat=float(min(90.0, lat_values.max() + margin_deg)),
    )


def inside(box: Extent, outer: Extent) -> Extent:
    """``box`` cut down to ``outer``."""
    return Extent(
        max(box.min_lon, outer.min_lon),
        max(box.min_lat, outer.min_lat),
        min(box.max_lon, outer.max_lon),
        min(box.max_lat, outer.max_lat),
    )


def largest_ring_middle(xs: list, ys: list) -> tuple[float, float]:
    """The centroid of the largest of the ``None``-separated rings (shoelace formula)."""
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


def _unit_vectors(lon_lat: np.ndarray) -> np.ndarray:
    """(n, 2) longitudes and latitudes in degrees → (n, 3) points on the unit sphere."""
    lon, lat = np.radians(lon_lat[:, 0]), np.radians(lon_lat[:, 1])
    return np.column_stack((np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)))
