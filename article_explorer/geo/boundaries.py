"""Country boundaries read as they are: countries, borders, neighbours, boxes.

The outlines come from a boundaries file (:mod:`article_explorer.data.boundaries` says which
files ship with the package and which one a dataset is drawn on): longitude/latitude
polygons that :func:`load_countries` turns into :class:`Country` values, at full resolution.
Every distance, every point-in-country test and the neighbours use them; the map draws
lighter copies made by ``scripts/build_geo.py`` (:mod:`article_explorer.geo.outlines`).
The notebooks draw on a plain x/y plane — x is longitude, y is latitude — with no plotly ``geo``
traces and no map tiles, so a map needs nothing but the package. That plane is the
equirectangular projection; :func:`fit_extent` gives the axis ratio that keeps it from looking
stretched at the map's latitude.

Two geometries meet here, each used where it is the right one:

* On the plane, as drawn: :func:`contains` tests a point against the polygons exactly as
  the file defines them (ray casting in longitude/latitude), and
  :func:`article_explorer.geo.outlines.outline_xy` returns them for plotting.
* On the sphere, for every distance: a country's border is great-circle arcs
  (:attr:`Country.arcs`), measured by :func:`article_explorer.geo.sphere.distance_to_border_km`.

A boundary edge is taken as the great-circle arc between its two vertices, whereas the plane
draws it as a straight line in longitude/latitude. The 1:50m file's edges are short (under 1° in
Europe), so the two differ by at most about 100 m there — the size of the file's rounding
of coordinates to 0.001°; the 1:110m file's longer edges differ more, by a few kilometres at most.

A small square country shows the whole interface:

>>> from article_explorer.geo.sphere import distance_to_border_km
>>> ring = ((0.0, 0.0), (0.0, 1.0), (1.0, 1.0), (1.0, 0.0), (0.0, 0.0))
>>> square = Country("SQR", "Square", "", polygons=((ring,),))
>>> contains(square, lat=0.5, lon=0.5), contains(square, lat=-1.0, lon=0.5)
(True, False)
>>> round(distance_to_border_km(-1.0, 0.5, square), 1)  # one degree of latitude south of it
111.2
"""

from __future__ import annotations

import gc
import json
import math
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from article_explorer.data.boundaries import EUROPE, feature_key
from article_explorer.geo.sphere import Arcs, distance_to_border_km

#: The boundaries read when no file is named: Europe and its neighbours at 1:50m.
COUNTRIES_PATH = EUROPE.path

LonLat = tuple[float, float]
Ring = tuple[LonLat, ...]
Polygon = tuple[Ring, ...]
BBox = tuple[float, float, float, float]


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
        corners = np.array(self.polygon_bboxes)
        return (
            float(corners[:, 0].min()),
            float(corners[:, 1].min()),
            float(corners[:, 2].max()),
            float(corners[:, 3].max()),
        )

    @cached_property
    def ring_arrays(self) -> tuple[tuple[np.ndarray, ...], ...]:
        """The polygons' rings as (n, 2) arrays of (lon, lat), polygon by polygon."""
        return tuple(tuple(np.asarray(ring, dtype=float) for ring in polygon) for polygon in self.polygons)

    @cached_property
    def polygon_bboxes(self) -> tuple[BBox, ...]:
        """Each polygon's (min_lon, min_lat, max_lon, max_lat): its outer ring's, which holds its holes."""
        boxes = []
        for rings in self.ring_arrays:
            low, high = rings[0].min(axis=0), rings[0].max(axis=0)
            boxes.append((float(low[0]), float(low[1]), float(high[0]), float(high[1])))
        return tuple(boxes)

    @cached_property
    def arcs(self) -> Arcs:
        """The border on the sphere: every edge of every ring as a great-circle arc.

        Parts that cross the antimeridian are cut along ±180° in the file (Russia's far east);
        the cut is no border, so its edges are left out."""
        rings = [ring for rings in self.ring_arrays for ring in rings]
        starts = np.concatenate([ring[:-1] for ring in rings])
        ends = np.concatenate([ring[1:] for ring in rings])
        along_the_cut = (np.abs(starts[:, 0]) == 180.0) & (starts[:, 0] == ends[:, 0])
        return Arcs.between(starts[~along_the_cut], ends[~along_the_cut])


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
        """(min_lon, min_lat, max_lon, max_lat), as :func:`~article_explorer.geo.outlines.map_outline_xy` takes it."""
        return (self.min_lon, self.min_lat, self.max_lon, self.max_lat)

    @property
    def y_per_x(self) -> float:
        """1 / cos(middle latitude): plotly's ``scaleratio`` for the y axis anchored to x."""
        return 1.0 / math.cos(math.radians((self.min_lat + self.max_lat) / 2))


def boxes_meet(a: BBox, b: BBox) -> bool:
    """Whether two (min_lon, min_lat, max_lon, max_lat) boxes touch or overlap.

    >>> boxes_meet((0, 0, 2, 2), (2, 1, 3, 3)), boxes_meet((0, 0, 1, 1), (1.5, 0, 2, 1))
    (True, False)
    """
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def load_countries(path: str | os.PathLike[str] | None = None) -> dict[str, Country]:
    """The countries of a GeoJSON boundaries file (by default :data:`COUNTRIES_PATH`), by key.

    The key is the feature's ``iso3``; a feature without one is keyed by its name upper-cased
    with spaces removed ("Crimea" → ``"CRIMEA"``, "N. Cyprus" → ``"N.CYPRUS"``;
    :func:`article_explorer.data.boundaries.feature_key`). The file is
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
    # Tens of thousands of small lists and tuples, none of which can be part of a cycle: paused,
    # the cyclic garbage collector does not look over every object in memory while they are made.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _parse_countries(path)
    finally:
        if paused:
            gc.enable()


def _parse_countries(path: str) -> dict[str, Country]:
    expected = (
        "expected a GeoJSON FeatureCollection of country outlines such as the package's "
        "article_explorer/data/boundaries/world-110m.geojson (see the README.md beside it)"
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
        key = feature_key(country.iso3, country.name)
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
    for (min_lon, min_lat, max_lon, max_lat), rings in zip(country.polygon_bboxes, country.ring_arrays, strict=True):
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


def nearest_borders(lat: float, lon: float, countries: Mapping[str, Country], iso3s: Iterable[str]) -> pd.DataFrame:
    """How far the point is from each chosen country, nearest first.

    Columns: ``iso3`` (the key in ``countries``), ``name``, ``km`` — the distance to that
    country's border, **0 when the point lies inside it** (unlike
    :func:`~article_explorer.geo.sphere.distance_to_border_km`, which then measures to the
    border from within) — and ``inside``. Ties in ``km`` are ordered by ``iso3``.

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


def neighbour_table(countries: Mapping[str, Country]) -> dict[str, list[str]]:
    """For each country, the countries that share a border with it: those with a boundary
    vertex in common (the boundaries come from one topology, so neighbours share their border's
    vertices exactly).

    >>> neighbour_table(load_countries())["BLR"]
    ['LTU', 'LVA', 'POL', 'RUS', 'UKR']
    """
    codes = list(countries)
    rings = [
        (number, ring) for number, code in enumerate(codes) for rings in countries[code].ring_arrays for ring in rings
    ]
    xy = np.concatenate([ring for _, ring in rings])
    owner = np.concatenate([np.full(len(ring), number) for number, ring in rings])
    order = np.lexsort((owner, xy[:, 1], xy[:, 0]))
    xy, owner = xy[order], owner[order]
    vertex = np.r_[0, np.cumsum(np.any(xy[1:] != xy[:-1], axis=1))]  # the same number for the same point
    once = np.r_[True, (vertex[1:] != vertex[:-1]) | (owner[1:] != owner[:-1])]  # each owner once per point
    vertex, owner = vertex[once], owner[once]
    pairs = [np.empty((0, 2), dtype=owner.dtype)]
    for step in range(1, len(codes)):  # owners ``step`` apart at one point share it
        same = vertex[step:] == vertex[:-step]
        if not same.any():
            break
        pairs.append(np.column_stack((owner[:-step][same], owner[step:][same])))
    table: dict[str, set[str]] = {code: set() for code in codes}
    for a, b in np.unique(np.concatenate(pairs), axis=0).tolist():
        table[codes[a]].add(codes[b])
        table[codes[b]].add(codes[a])
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
    """``box`` cut down to ``outer``; ``outer`` itself where the two do not meet.

    >>> inside(Extent(0.0, 0.0, 10.0, 10.0), Extent(5.0, -5.0, 20.0, 8.0))
    Extent(min_lon=5.0, min_lat=0.0, max_lon=10.0, max_lat=8.0)
    >>> inside(Extent(0.0, 0.0, 1.0, 1.0), Extent(5.0, 5.0, 6.0, 6.0))
    Extent(min_lon=5.0, min_lat=5.0, max_lon=6.0, max_lat=6.0)
    """
    cut = Extent(
        max(box.min_lon, outer.min_lon),
        max(box.min_lat, outer.min_lat),
        min(box.max_lon, outer.max_lon),
        min(box.max_lat, outer.max_lat),
    )
    return cut if cut.min_lon < cut.max_lon and cut.min_lat < cut.max_lat else outer
