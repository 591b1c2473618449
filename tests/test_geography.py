"""Distances, borders and map outlines from article_explorer.geo (sphere, boundaries, outlines), on made-up
and real countries; and the map's outlines that scripts/build_geo.py simplifies."""

from __future__ import annotations

import importlib.util
import json
import math

import numpy as np
import pytest

from article_explorer.data.boundaries import EUROPE, EUROPE_BOX
from article_explorer.data.config import PROJECT_ROOT
from article_explorer.geo.boundaries import (
    Country,
    contains,
    fit_extent,
    load_countries,
    nearest_borders,
    neighbour_table,
)
from article_explorer.geo.outlines import TOLERANCES_DEG, load_outlines, map_outline_xy, outline_xy
from article_explorer.geo.sphere import EARTH_RADIUS_KM, circle, distance_to_border_km, great_circle_km

# (lat, lon) as in data/places.csv
MINSK = (53.9022, 27.5618)
MOSCOW = (55.7558, 37.6178)
WARSAW = (52.2167, 21.0333)
KYIV = (50.45, 30.5236)
VILNIUS = (54.6872, 25.2797)
ONE_DEGREE_KM = math.pi * EARTH_RADIUS_KM / 180  # 111.195 km along a meridian or the equator

UNIT_SQUARE = ((0.0, 0.0), (0.0, 1.0), (1.0, 1.0), (1.0, 0.0), (0.0, 0.0))  # lon 0..1, lat 0..1
SQUARE = Country("SQR", "Square", "", polygons=((UNIT_SQUARE,),))
FRAME = Country(  # lon/lat 0..4 with a hole 1..3
    "FRM",
    "Frame",
    "",
    polygons=(
        (
            ((0.0, 0.0), (0.0, 4.0), (4.0, 4.0), (4.0, 0.0), (0.0, 0.0)),
            ((1.0, 1.0), (3.0, 1.0), (3.0, 3.0), (1.0, 3.0), (1.0, 1.0)),
        ),
    ),
)


@pytest.fixture(scope="module")
def countries() -> dict[str, Country]:
    return load_countries()


def sampled_distance_km(lat: float, lon: float, country: Country, samples_per_edge: int = 400) -> float:
    """Brute force: the nearest of many points spaced along every edge (straight in lon/lat)."""
    nearest = math.inf
    steps = np.linspace(0.0, 1.0, samples_per_edge)[:, None, None]
    for polygon in country.polygons:
        for ring in polygon:
            vertices = np.array(ring)
            points = (vertices[:-1] * (1 - steps) + vertices[1:] * steps).reshape(-1, 2)
            lat1, lat2 = math.radians(lat), np.radians(points[:, 1])
            half_chord = (
                np.sin((lat2 - lat1) / 2) ** 2
                + math.cos(lat1) * np.cos(lat2) * np.sin(np.radians(points[:, 0] - lon) / 2) ** 2
            )
            nearest = min(nearest, float((2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(half_chord))).min()))
    return nearest


def split_rings(xs: list[float | None], ys: list[float | None]) -> list[list[tuple[float, float]]]:
    """The rings of an outline_xy result, without the None separators."""
    rings: list[list[tuple[float, float]]] = [[]]
    for x, y in zip(xs, ys, strict=True):
        if x is None:
            rings.append([])
        else:
            rings[-1].append((x, y))
    return rings


# --- great-circle distance


def test_the_distance_from_a_point_to_itself_is_zero():
    assert great_circle_km(*MINSK, *MINSK) == 0.0


def test_the_distance_is_the_same_both_ways():
    assert great_circle_km(*MINSK, *MOSCOW) == pytest.approx(great_circle_km(*MOSCOW, *MINSK), rel=1e-12)


def test_a_quarter_of_the_equator_is_a_quarter_of_the_circumference():
    assert great_circle_km(0, 0, 0, 90) == pytest.approx(math.pi * EARTH_RADIUS_KM / 2, rel=1e-12)
    assert great_circle_km(0, 0, 0, 90) == pytest.approx(10007.56, abs=0.01)


@pytest.mark.parametrize(
    ("other", "published_km"),
    [(MOSCOW, 675), (WARSAW, 475), (KYIV, 433)],  # this module gives 675.6, 474.6 and 433.7 km
    ids=["moscow", "warsaw", "kyiv"],
)
def test_distances_from_minsk_match_published_values(other, published_km):
    assert great_circle_km(*MINSK, *other) == pytest.approx(published_km, rel=0.01)


# --- distance to a border, on made-up countries


def test_a_point_one_degree_south_of_an_edge_is_one_degree_of_latitude_away():
    assert distance_to_border_km(-1.0, 0.5, SQUARE) == pytest.approx(ONE_DEGREE_KM, rel=1e-6)


@pytest.mark.parametrize(("lat", "lon", "corner"), [(-1.0, -1.0, (0.0, 0.0)), (-0.5, 2.0, (0.0, 1.0))])
def test_a_point_beyond_a_corner_is_measured_to_the_corner(lat, lon, corner):
    # (-0.5, 2.0) is only 0.5° from the line through the southern edge, but beyond the edge's end.
    assert distance_to_border_km(lat, lon, SQUARE) == pytest.approx(great_circle_km(lat, lon, *corner), rel=1e-9)


def test_a_point_inside_is_measured_to_its_nearest_edge():
    assert contains(SQUARE, 0.9, 0.5)
    assert distance_to_border_km(0.9, 0.5, SQUARE) == pytest.approx(0.1 * ONE_DEGREE_KM, rel=1e-3)


def test_a_point_on_the_boundary_is_zero_km_away_and_an_outside_point_never_is():
    assert distance_to_border_km(0.0, 0.5, SQUARE) == pytest.approx(0.0, abs=1e-9)
    assert distance_to_border_km(0.0, 1.001, SQUARE) > 0.1


def test_a_hole_is_not_inside_and_its_rim_counts_as_border():
    assert contains(FRAME, 0.5, 2.0)
    assert not contains(FRAME, 2.0, 2.0)
    assert not contains(FRAME, 5.0, 2.0)
    assert distance_to_border_km(2.0, 2.0, FRAME) == pytest.approx(ONE_DEGREE_KM, rel=1e-3)


def test_an_open_ring_is_refused():
    with pytest.raises(ValueError, match="not closed"):
        Country("OPN", "Open", "", polygons=((UNIT_SQUARE[:-1],),))


# --- real boundaries


def test_minsk_is_in_belarus_only(countries):
    assert contains(countries["BLR"], *MINSK)
    for neighbour in ("POL", "LTU", "LVA", "RUS", "UKR"):
        assert not contains(countries[neighbour], *MINSK)


def test_minsk_is_nearer_the_lithuanian_border_than_the_polish_one(countries):
    to_lithuania = distance_to_border_km(*MINSK, countries["LTU"])
    to_poland = distance_to_border_km(*MINSK, countries["POL"])
    # This module gives 121.4 km to Lithuania (near Ashmyany) and 258.5 km to Poland.
    assert 100 < to_lithuania < 150
    assert to_poland > to_lithuania


@pytest.mark.parametrize(("point", "iso3"), [(MINSK, "LTU"), (MINSK, "POL"), (VILNIUS, "BLR"), (WARSAW, "BLR")])
def test_the_distance_to_a_border_agrees_with_a_brute_force_search(countries, point, iso3):
    # Edges are great-circle arcs here and straight lon/lat lines in the brute force: they part by metres.
    assert distance_to_border_km(*point, countries[iso3]) == pytest.approx(
        sampled_distance_km(*point, countries[iso3]), abs=0.05
    )


def test_belarus_touches_its_neighbours_and_not_estonia(countries):
    vertices = [(lat, lon) for polygon in countries["BLR"].polygons for ring in polygon for lon, lat in ring]

    def closest_approach_km(iso3: str) -> float:
        return min(distance_to_border_km(lat, lon, countries[iso3]) for lat, lon in vertices)

    for neighbour in ("RUS", "UKR", "POL", "LTU", "LVA"):
        assert closest_approach_km(neighbour) < 5, neighbour
    assert closest_approach_km("EST") > 100  # about 160 km, across Latvia


def test_holes_in_italy_leave_the_vatican_out(countries):
    in_the_vatican = (41.902, 12.435)
    assert contains(countries["VAT"], *in_the_vatican)
    assert not contains(countries["ITA"], *in_the_vatican)
    assert contains(countries["ITA"], 41.89, 12.49)  # Rome, just outside the Vatican


def test_crimea_is_in_neither_russia_nor_ukraine(countries):
    simferopol = (44.95, 34.10)
    assert contains(countries["CRIMEA"], *simferopol)
    assert not contains(countries["RUS"], *simferopol)
    assert not contains(countries["UKR"], *simferopol)


# --- nearest borders


def test_nearest_borders_from_minsk_are_sorted_and_outside(countries):
    table = nearest_borders(*MINSK, countries, ["RUS", "UKR", "POL", "LTU", "LVA"])
    assert list(table.columns) == ["iso3", "name", "km", "inside"]
    assert table["iso3"].tolist() == ["LTU", "LVA", "RUS", "UKR", "POL"]
    assert table["km"].is_monotonic_increasing
    assert not table["inside"].any()
    assert table.loc[0, "name"] == "Lithuania"
    assert table.loc[0, "km"] == pytest.approx(distance_to_border_km(*MINSK, countries["LTU"]))


def test_the_country_around_the_point_comes_first_at_zero_km(countries):
    table = nearest_borders(*MINSK, countries, ["POL", "BLR"])
    assert table.iloc[0].to_dict() == {"iso3": "BLR", "name": "Belarus", "km": 0.0, "inside": True}


def test_an_unknown_country_is_named_in_the_error(countries):
    with pytest.raises(KeyError, match="XYZ"):
        nearest_borders(*MINSK, countries, ["BLR", "XYZ"])


# --- rings


def test_every_point_of_a_ring_is_at_its_radius_and_the_ring_is_closed():
    lons, lats = circle(*MINSK, 500.0, points=120)
    assert len(lons) == len(lats) == 121
    assert (lons[0], lats[0]) == (lons[-1], lats[-1])
    for lon, lat in zip(lons, lats, strict=True):
        assert great_circle_km(*MINSK, lat, lon) == pytest.approx(500.0, abs=0.5)


def test_a_ring_needs_three_points():
    with pytest.raises(ValueError, match="at least 3"):
        circle(*MINSK, 100.0, points=2)


# --- loading


def test_the_boundaries_load_with_crimea_keyed_by_name(countries):
    assert len(countries) == 77
    assert {"BLR", "RUS", "UKR", "CRIMEA"} <= set(countries)
    assert countries["CRIMEA"].name == "Crimea"
    assert "Annexed by Russia" in countries["CRIMEA"].note
    assert all(key == country.iso3 for key, country in countries.items() if country.iso3)
    assert countries["BLR"].bbox == pytest.approx((23.2, 51.3, 32.7, 56.1), abs=0.1)


def test_each_call_returns_its_own_dict():
    load_countries().pop("BLR")
    assert "BLR" in load_countries()


def test_a_missing_file_is_named_in_the_error(tmp_path):
    missing = tmp_path / "nowhere.geojson"
    with pytest.raises(FileNotFoundError, match=r"nowhere\.geojson.*FeatureCollection"):
        load_countries(missing)


A_POINT = {"properties": {"iso3": "PNT", "name": "Point"}, "geometry": {"type": "Point", "coordinates": [0, 0]}}


@pytest.mark.parametrize(
    ("content", "complaint"),
    [
        ("{not json", "not valid JSON"),
        ('{"type": "Feature"}', "not a FeatureCollection"),
        (json.dumps({"type": "FeatureCollection", "features": [A_POINT]}), "feature 1: .*nor MultiPolygon"),
    ],
    ids=["not-json", "not-a-collection", "not-a-polygon"],
)
def test_a_broken_file_is_named_in_the_error(tmp_path, content, complaint):
    broken = tmp_path / "broken.geojson"
    broken.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=rf"broken\.geojson.*{complaint}"):
        load_countries(broken)


# --- drawing


def test_an_outline_separates_every_ring_with_none(countries):
    italy = countries["ITA"]
    xs, ys = outline_xy(italy)
    rings = sum(len(polygon) for polygon in italy.polygons)  # holes (San Marino, the Vatican) included
    assert xs.count(None) == ys.count(None) == rings - 1
    assert len(xs) == len(ys) == sum(len(ring) for polygon in italy.polygons for ring in polygon) + rings - 1


def test_a_bbox_around_belarus_keeps_kaliningrad_and_drops_russias_far_islands(countries):
    around_belarus = (14.0, 48.0, 45.0, 60.0)
    xs, ys = outline_xy(countries["RUS"], bbox=around_belarus)
    rings = split_rings(xs, ys)
    assert len(rings) < len(countries["RUS"].polygons)
    kaliningrad = [ring for ring in rings if all(19 < x < 23 and 54 < y < 56 for x, y in ring)]
    assert len(kaliningrad) == 1
    # Polygons that overlap the box are kept whole, so mainland Russia still runs to 180°;
    # but no ring lies entirely east of the box (Sakhalin, the Kurils, Novaya Zemlya...).
    assert min(min(x for x, _ in ring) for ring in rings) < 45
    assert all(min(x for x, _ in ring) <= 45 for ring in rings)
    assert all(min(y for _, y in ring) <= 60 for ring in rings)


def test_a_bbox_that_misses_the_country_gives_empty_lists(countries):
    assert outline_xy(countries["BLR"], bbox=(0.0, 0.0, 1.0, 1.0)) == ([], [])


def test_the_extent_holds_the_points_and_unstretches_the_map():
    lats, lons = [MINSK[0], MOSCOW[0], WARSAW[0]], [MINSK[1], MOSCOW[1], WARSAW[1]]
    extent = fit_extent(lats, lons, margin_deg=2.0)
    assert extent.bbox == pytest.approx((WARSAW[1] - 2, WARSAW[0] - 2, MOSCOW[1] + 2, MOSCOW[0] + 2))
    middle = (extent.min_lat + extent.max_lat) / 2
    assert extent.y_per_x == pytest.approx(1 / math.cos(math.radians(middle)))
    # On the map one degree of latitude then spans as many km as y_per_x degrees of longitude.
    one_degree_of_lon_km = great_circle_km(middle, 0.0, middle, 1.0)
    assert extent.y_per_x * one_degree_of_lon_km == pytest.approx(ONE_DEGREE_KM, rel=1e-3)


def test_the_extent_stops_at_the_poles_and_needs_points():
    assert fit_extent([89.0], [0.0], margin_deg=5.0).max_lat == 90.0
    with pytest.raises(ValueError, match="at least one"):
        fit_extent([], [])


def test_neighbours_share_a_border_both_ways(countries):
    table = neighbour_table(countries)
    assert table["BLR"] == ["LTU", "LVA", "POL", "RUS", "UKR"]
    assert "CRIMEA" in table["UKR"] and "RUS" not in table["CRIMEA"], "the Kerch strait is water"
    assert all(code in table[other] for code, others in table.items() for other in others)
    assert table["ISL"] == [], "an island has no neighbour"


def test_a_map_outline_is_clipped_to_the_box_and_lighter(countries):
    bbox = (14.0, 48.0, 45.0, 60.0)
    xs, ys = map_outline_xy(load_outlines(0.036)["RUS"], bbox)  # simplified by scripts/build_geo.py
    lons, lats = [x for x in xs if x is not None], [y for y in ys if y is not None]
    assert min(lons) >= 14.0 and max(lons) <= 45.0 and min(lats) >= 48.0 and max(lats) <= 60.0
    assert 19 < min(lons) < 21, "Kaliningrad (from 19.6° E) is kept"
    full, _ = outline_xy(countries["RUS"], bbox)
    assert len(xs) < len(full) / 10


# --- the map's outlines, simplified by scripts/build_geo.py


def build_geo():
    """scripts/build_geo.py as a module (it is a script, not part of the package)."""
    spec = importlib.util.spec_from_file_location("build_geo", PROJECT_ROOT / "scripts" / "build_geo.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_simplifying_snaps_to_the_grid_and_drops_what_falls_together():
    simplify_ring = build_geo().simplify_ring
    ring = [(0, 0), (0, 0.01), (0, 1), (1, 1), (1, 0), (0, 0)]
    assert simplify_ring(ring, 0.1) == [[0.0, 0.0], [0.0, 1.0], [1.0, 1.0], [1.0, 0.0], [0.0, 0.0]]
    assert simplify_ring([(0, 0), (0.01, 0.01), (0.02, 0.0), (0, 0)], 0.1) == [], "below a triangle"
    assert simplify_ring([(0.0355, 1.0), (0.1, 1.0), (0.1, 1.1), (0.0355, 1.0)], 0.036) == [
        [0.036, 1.008],
        [0.108, 1.008],
        [0.108, 1.116],
        [0.036, 1.008],
    ], "grid points written exactly, to 3 decimals"


def test_the_map_outlines_are_what_the_script_makes_from_the_boundaries():
    script = build_geo()
    assert tuple(script.MAP_TOLERANCES_DEG) == TOLERANCES_DEG, "the script writes the tolerances the map reads"
    countries_path = EUROPE.path
    features = json.loads(countries_path.read_text(encoding="utf-8"))["features"]
    for tolerance in TOLERANCES_DEG:
        assert script.outlines_path(countries_path, tolerance) == EUROPE.outlines_path(tolerance)
        shipped = json.loads(EUROPE.outlines_path(tolerance).read_text(encoding="utf-8"))
        assert shipped["tolerance_deg"] == tolerance
        assert shipped["features"] == script.simplify_features(features, tolerance), (
            f"{EUROPE.outlines_path(tolerance).name} is stale: run python scripts/build_geo.py --simplify-only"
        )
    assert script.SETS["europe-50m"].box == EUROPE_BOX, "the script selects the countries of the box the package reads"
    assert EUROPE.path.parent == script.OUTPUT_FOLDER


def test_the_map_outlines_keep_the_countries_and_their_shape(countries):
    fills, bold = (load_outlines(tolerance) for tolerance in TOLERANCES_DEG)
    assert set(bold) <= set(fills) <= set(countries)
    assert {"BLR", "RUS", "UKR", "POL", "LTU", "LVA", "CRIMEA"} <= set(bold), "the article's countries"
    for key, country in fills.items():
        assert (country.iso3, country.name, country.note) == (
            countries[key].iso3,
            countries[key].name,
            countries[key].note,
        )
    assert fills["BLR"].bbox == pytest.approx(countries["BLR"].bbox, abs=0.036 / 2 + 1e-9)
    assert len(bold["BLR"].polygons[0][0]) < len(fills["BLR"].polygons[0][0]) <= len(countries["BLR"].polygons[0][0])
    west, south, east, north = build_geo().BOX
    far = [  # French Guiana, the Antilles, Réunion and Mayotte
        (x0, y0, x1, y1)
        for x0, y0, x1, y1 in countries["FRA"].polygon_bboxes
        if x0 > east or x1 < west or y0 > north or y1 < south
    ]
    assert len(far) == 7 and len(fills["FRA"].polygons) == len(countries["FRA"].polygons) - len(far), "gone"
