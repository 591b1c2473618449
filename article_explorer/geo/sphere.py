"""Distances and circles on the sphere: the maths every distance on the map rests on.

The Earth is a sphere of mean radius :data:`EARTH_RADIUS_KM`; against the WGS 84 ellipsoid
that errs by at most about 0.5%. :func:`great_circle_km` is the haversine formula,
:func:`circle` the destination-point formula, and :func:`distance_to_border_km` the exact
distance from a point to a set of great-circle arcs (:class:`Arcs`), vectorised with numpy
over all of them. Nothing here knows about files or countries: anything with ``arcs`` has a
border (:class:`Bordered`; :class:`article_explorer.geo.boundaries.Country` is one).

>>> arcs = Arcs.between(np.array([[0.0, 0.0]]), np.array([[1.0, 0.0]]))  # along the equator
>>> round(distance_to_arcs_km(1.0, 0.5, arcs), 1)  # one degree of latitude north of it
111.2
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Protocol

import numpy as np

#: Mean Earth radius (IUGG), in kilometres.
EARTH_RADIUS_KM = 6371.0088


def unit_vectors(lon_lat: np.ndarray) -> np.ndarray:
    """(n, 2) longitudes and latitudes in degrees → (n, 3) points on the unit sphere.

    >>> unit_vectors(np.array([[90.0, 0.0]])).round(12).tolist()
    [[0.0, 1.0, 0.0]]
    """
    lon, lat = np.radians(lon_lat[:, 0]), np.radians(lon_lat[:, 1])
    return np.column_stack((np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)))


@dataclass(frozen=True)
class Arcs:
    """Great-circle arcs as unit vectors on the sphere, ready for vectorised distances.

    For an arc from A to B with great-circle normal n, a point P lies over the arc (its foot
    on the great circle falls between A and B) when ``P·(n×A) >= 0`` and ``P·(B×n) >= 0``.
    """

    vertices: np.ndarray  # (m, 3): every end of an arc, once
    normals: np.ndarray  # (k, 3): unit normal A×B/|A×B| of each arc's great circle
    after_start: np.ndarray  # (k, 3): n×A
    before_end: np.ndarray  # (k, 3): B×n

    @classmethod
    def between(cls, starts: np.ndarray, ends: np.ndarray) -> Arcs:
        """The arcs from each (lon, lat) row of ``starts`` to the same row of ``ends``, in degrees.
        An arc of no length (a repeated vertex) still counts as its vertex."""
        start_vectors, end_vectors = unit_vectors(starts), unit_vectors(ends)
        normals = np.cross(start_vectors, end_vectors)
        lengths = np.linalg.norm(normals, axis=1)
        has_length = lengths > 0
        normals = normals[has_length] / lengths[has_length, None]
        return cls(
            vertices=unit_vectors(np.unique(np.concatenate((starts, ends)), axis=0)),
            normals=normals,
            after_start=np.cross(normals, start_vectors[has_length]),
            before_end=np.cross(end_vectors[has_length], normals),
        )


class Bordered(Protocol):
    """Anything with a border made of great-circle arcs, such as a country."""

    @property
    def arcs(self) -> Arcs: ...


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


def distance_to_arcs_km(lat: float, lon: float, arcs: Arcs) -> float:
    """The shortest great-circle distance, in km, from the point to any of the arcs: to an
    arc's great circle when the point's foot on it falls within the arc, otherwise to the
    nearer end."""
    point = unit_vectors(np.array([[lon, lat]], dtype=float))[0]
    nearest_chord = np.linalg.norm(arcs.vertices - point, axis=1).min()
    nearest = 2 * math.asin(min(1.0, nearest_chord / 2))
    over_arc = (arcs.after_start @ point >= 0) & (arcs.before_end @ point >= 0)
    if over_arc.any():
        nearest_circle = np.abs(arcs.normals[over_arc] @ point).min()
        nearest = min(nearest, math.asin(min(1.0, nearest_circle)))
    return nearest * EARTH_RADIUS_KM


def distance_to_border_km(lat: float, lon: float, area: Bordered) -> float:
    """The shortest great-circle distance, in km, from the point to the border of ``area``.

    For a country the border is every ring of every polygon (coasts included), each edge
    taken as the great-circle arc between its vertices (see
    :attr:`article_explorer.geo.boundaries.Country.arcs`). The result is the same whether the
    point is outside or inside: for a point inside it is how far the nearest border or coast
    is (:func:`article_explorer.geo.boundaries.contains` tells the two apart). It is 0 only
    for a point on the border.
    """
    return distance_to_arcs_km(lat, lon, area.arcs)


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
