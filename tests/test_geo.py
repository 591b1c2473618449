"""The boundaries the dataset is drawn on (Europe at 1:50m) agree with its places."""

from __future__ import annotations

import json

import pytest

from article_explorer import load_dataset
from article_explorer.data.boundaries import EUROPE
from article_explorer.data.config import DEFAULT_DATA_DIR

BOUNDARIES = json.loads(EUROPE.path.read_text(encoding="utf-8"))
BY_ISO3 = {f["properties"]["iso3"]: f for f in BOUNDARIES["features"] if f["properties"]["iso3"]}


def polygons(feature: dict) -> list:
    geometry = feature["geometry"]
    return geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]


def inside(lon: float, lat: float, feature: dict) -> bool:
    def in_ring(ring: list) -> bool:
        result = False
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y0 > lat) != (y1 > lat) and lon < x0 + (lat - y0) * (x1 - x0) / (y1 - y0):
                result = not result
        return result

    return any(in_ring(polygon[0]) and not any(in_ring(hole) for hole in polygon[1:]) for polygon in polygons(feature))


def test_boundaries_are_valid_geojson_in_range():
    assert BOUNDARIES["type"] == "FeatureCollection"
    for feature in BOUNDARIES["features"]:
        assert set(feature["properties"]) == {"iso3", "iso_numeric", "name", "note"}
        for polygon in polygons(feature):
            for ring in polygon:
                assert len(ring) >= 4
                assert all(-180 <= x <= 180 and -90 <= y <= 90 for x, y in ring)


def test_belarus_and_its_neighbours_are_there():
    assert {"BLR", "RUS", "UKR", "POL", "LTU", "LVA"} <= set(BY_ISO3)
    xs = [x for polygon in polygons(BY_ISO3["BLR"]) for x, _ in polygon[0]]
    ys = [y for polygon in polygons(BY_ISO3["BLR"]) for _, y in polygon[0]]
    assert (min(xs), max(xs)) == pytest.approx((23.2, 32.7), abs=0.1)
    assert (min(ys), max(ys)) == pytest.approx((51.3, 56.2), abs=0.1)


def test_crimea_is_its_own_area_with_a_note():
    crimea = next(f for f in BOUNDARIES["features"] if f["properties"]["name"] == "Crimea")
    assert "Annexed by Russia" in crimea["properties"]["note"]
    simferopol = (34.10, 44.95)
    assert inside(*simferopol, crimea)
    assert not inside(*simferopol, BY_ISO3["RUS"])
    assert not inside(*simferopol, BY_ISO3["UKR"])


def test_every_place_lies_in_its_country():
    places = load_dataset(DEFAULT_DATA_DIR).places
    outside_the_map = set()
    for _, place in places.iterrows():
        if place["country_iso3"] in BY_ISO3:
            assert inside(place["lon"], place["lat"], BY_ISO3[place["country_iso3"]]), place["place_id"]
        else:
            outside_the_map.add(place["place_id"])
    assert outside_the_map == {"washington"}


def test_every_place_coded_nato_was_a_member_on_the_article_s_date_by_country_sides():
    dataset = load_dataset()
    joined = {row.country_iso3: int(row._asdict()["_2"]) for row in dataset.country_sides.itertuples(index=False)}
    for place in dataset.places.itertuples():
        if place.side == "nato":
            assert joined.get(place.country_iso3, 9999) <= 2016, place.place_id
        elif place.country_iso3:
            assert joined.get(place.country_iso3, 9999) > 2016, place.place_id
