"""Tests written to kill the mutants that survived scripts/mutation-test.sh: the geo layer
(geo/coordinates.py, geo/sphere.py, geo/boundaries.py). Expectations are worked out by hand:
degrees rounded as printed, tick steps from the list of round steps, points one degree of arc
away along the four bearings.

Equivalent mutants:

* coordinates.py ``degree_ticks`` 7 (the smallest span 1e-9 as 1.000000001): any span under 4° gets
  the smallest step, 0.5°, either way; 10, 12, 15, 16 (the step when none gives at most 8 ticks):
  never used, as a map spans at most 360° and 360 / 45 = 8; 32 (rounding to 7 digits instead of
  6): the ticks are multiples of 0.5°, exact in binary.
* coordinates.py ``degrees`` 31 (``value > 0`` as ``>= 0``): a value printed as zero returned
  before.
* sphere.py ``circle`` 17 (``endpoint=False`` as ``endpoint=None``): numpy takes None as false.
* sphere.py ``Arcs.between`` 16 (arcs of no length kept: ``lengths >= 0``): their normals are NaN,
  and a NaN comparison is false, so they are never "over" the point; their vertex still counts.
"""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from article_explorer.geo.boundaries import Country, load_countries
from article_explorer.geo.coordinates import coordinates, degree_ticks, degrees
from article_explorer.geo.sphere import Arcs, circle, distance_to_arcs_km


def test_a_point_with_fewer_digits_rounds_both_coordinates():
    assert coordinates(53.9022, 27.5618, 1) == "53.9° N, 27.6° E"
    assert coordinates(38.7223, -9.1393, 0) == "39° N, 9° W"


def test_one_coordinate_has_two_decimals_unless_told_otherwise():
    assert degrees(12.3456, "lat") == "12.35° N"
    assert degrees(-12.3456, "lon") == "12.35° W"


def test_a_coordinate_under_one_degree_keeps_its_hemisphere():
    assert degrees(0.5, "lat") == "0.50° N"
    assert degrees(0.25, "lon") == "0.25° E"
    assert degrees(1.0, "lon", 0) == "1° E"
    assert degrees(-0.5, "lat") == "0.50° S"


def test_eight_steps_of_half_a_degree_are_still_few_enough():
    # a view 4° wide: 4 / 0.5 = 8 steps, the most allowed, so the step stays at 0.5°
    values, labels = degree_ticks(0.0, 4.0, "lon")
    assert values == [0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0]
    assert labels == ["0.0°", "0.5°E", "1.0°E", "1.5°E", "2.0°E", "2.5°E", "3.0°E", "3.5°E", "4.0°E"]


def test_a_view_between_two_round_degrees_has_no_tick():
    # from 0.2° to 0.3°: the nearest ticks at the 0.5° step, 0° and 0.5°, both lie outside
    assert degree_ticks(0.2, 0.3, "lat") == ([], [])


# --- sphere.py: rings round a point ----------------------------------------------------------

#: One degree of great circle, in km, on the sphere of mean radius 6371.0088 km.
ONE_DEGREE_KM = 6371.0088 * math.pi / 180


def test_a_ring_of_four_points_goes_north_east_south_west_and_closes():
    # from (0°, 0°), one degree of arc along the bearings 0°, 90°, 180°, 270°
    lons, lats = circle(0.0, 0.0, ONE_DEGREE_KM, points=4)
    assert lons == pytest.approx([0.0, 1.0, 0.0, -1.0, 0.0], abs=1e-9)
    assert lats == pytest.approx([1.0, 0.0, -1.0, 0.0, 1.0], abs=1e-9)


def test_a_ring_of_three_points_and_a_ring_of_no_size():
    lons, lats = circle(0.0, 0.0, ONE_DEGREE_KM, points=3)
    assert len(lons) == len(lats) == 4
    assert circle(53.9, 27.56, 0.0, points=4) == ([27.56] * 5, pytest.approx([53.9] * 5))
    lons, lats = circle(0.0, 0.0, 0.5, points=4)  # half a kilometre
    assert lats[0] == pytest.approx(0.5 / ONE_DEGREE_KM)


def test_a_ring_needs_a_radius_that_is_not_negative():
    with pytest.raises(ValueError) as caught:
        circle(0.0, 0.0, -1.0)
    assert str(caught.value) == "the radius must not be negative, not -1.0"


@pytest.mark.parametrize(("lat", "pole_at"), [(2.6, 0), (-2.6, 2)], ids=["north", "south"])
def test_a_ring_through_a_pole_reaches_it(lat, pole_at):
    # from 2.6° north (south), a radius of 87.4° of arc reaches the pole; rounding takes the sine of
    # that latitude just past 1 (-1), which the ring must not turn into "not a number"
    lats = circle(lat, 10.0, (90 - abs(lat)) * ONE_DEGREE_KM, points=4)[1]
    assert lats[pole_at] == pytest.approx(math.copysign(90.0, lat))
    assert not any(math.isnan(value) for value in lats)


# --- boundaries.py: a boundaries file, and what is wrong with one ------------------------------

SQUARE_RING = [[0.0, 0.0], [0.0, 1.0], [1.0, 1.0], [1.0, 0.0], [0.0, 0.0]]
EXPECTED = (
    "expected a GeoJSON FeatureCollection of country outlines such as the package's "
    "article_explorer/data/boundaries/world-110m.geojson (see the README.md beside it)"
)
FEATURE_HINT = (
    "(expected properties iso3, name and note, and a Polygon or MultiPolygon geometry of [lon, lat] positions)"
)


def feature(iso3: str, name: str, **properties) -> dict:
    geometry = {"type": "Polygon", "coordinates": [SQUARE_RING]}
    return {"type": "Feature", "properties": {"iso3": iso3, "name": name, **properties}, "geometry": geometry}


def boundaries_file(tmp_path, content) -> str:
    path = tmp_path / "countries.geojson"
    path.write_text(json.dumps(content), encoding="utf-8")
    return str(path.resolve())


def test_a_boundaries_file_keeps_each_features_note(tmp_path):
    path = boundaries_file(
        tmp_path,
        {"type": "FeatureCollection", "features": [feature("SQR", "Square", note="made up"), feature("", "Lake")]},
    )
    countries = load_countries(path)
    assert (countries["SQR"].note, countries["LAKE"].note) == ("made up", "")


@pytest.mark.parametrize(
    ("content", "complaint"),
    [
        ([], 'is not a FeatureCollection with a list of "features": ' + EXPECTED),
        ({"type": "Feature", "features": []}, 'is not a FeatureCollection with a list of "features": ' + EXPECTED),
        (
            {"type": "FeatureCollection", "features": {"a": 1}},
            'is not a FeatureCollection with a list of "features": ' + EXPECTED,
        ),
        (
            {"type": "FeatureCollection", "features": [feature("SQR", "")]},
            ", feature 1: iso3, name and note must be strings, and name must not be empty " + FEATURE_HINT,
        ),
        (
            {"type": "FeatureCollection", "features": [feature("SQR", "Square"), feature("SQR", "Other square")]},
            ", feature 2: the key 'SQR' is used by an earlier feature too",
        ),
    ],
    ids=["a-list", "no-collection", "features-not-a-list", "no-name", "a-key-twice"],
)
def test_what_is_wrong_with_a_boundaries_file(tmp_path, content, complaint):
    path = boundaries_file(tmp_path, content)
    with pytest.raises(ValueError) as caught:
        load_countries(path)
    assert str(caught.value) == path + ("" if complaint.startswith(",") else " ") + complaint


@pytest.mark.parametrize(
    ("polygons", "message"),
    [
        ((), "Nowhere: a country needs at least one polygon"),
        (
            (((0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (0.0, 0.0)),),  # a ring where a polygon of rings should be
            "Nowhere: ring 1 of polygon 1 is not closed "
            "(expected at least 4 (lon, lat) pairs, the last equal to the first)",
        ),
        (
            (
                (((0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (0.0, 0.0)),),
                (),
            ),
            "Nowhere: polygon 2 has no rings",
        ),
        (
            (
                (
                    ((0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (0.0, 0.0)),
                    ((0.2, 0.2), (0.2, 0.3), (0.3, 0.2)),
                ),
            ),
            "Nowhere: ring 2 of polygon 1 is not closed "
            "(expected at least 4 (lon, lat) pairs, the last equal to the first)",
        ),
    ],
    ids=["no-polygon", "flat", "empty-polygon", "open-hole"],
)
def test_what_is_wrong_with_a_countrys_polygons(polygons, message):
    with pytest.raises(ValueError) as caught:
        Country("NWH", "Nowhere", "", polygons=polygons)
    assert str(caught.value) == message


def test_an_arc_is_measured_to_its_own_ends_whichever_coordinate_sorts_first():
    # an arc along the equator from 1°E to 2°E; a point at 3°E is one degree beyond its end
    arcs = Arcs.between(np.array([[1.0, 0.0]]), np.array([[2.0, 0.0]]))
    assert distance_to_arcs_km(0.0, 3.0, arcs) == pytest.approx(ONE_DEGREE_KM)
    assert distance_to_arcs_km(1.0, 1.5, arcs) == pytest.approx(ONE_DEGREE_KM)  # one degree north of it
