"""Coordinates in words: every hemisphere printed as a reader expects, on cards and axes."""

from __future__ import annotations

import pytest

from article_explorer.geo.coordinates import coordinates, degree_ticks, degrees


@pytest.mark.parametrize(
    ("lat", "lon", "words"),
    [
        (-16.4955, -68.1336, "16.50° S, 68.13° W"),  # La Paz
        (38.7223, -9.1393, "38.72° N, 9.14° W"),  # Lisbon
        (-33.8688, 151.2093, "33.87° S, 151.21° E"),  # Sydney
        (53.9022, 27.5618, "53.90° N, 27.56° E"),
        (0.0, 0.0, "0.00°, 0.00°"),
        (-0.001, 179.999, "0.00°, 180.00°"),
    ],
)
def test_a_point_names_its_hemispheres(lat, lon, words):
    assert coordinates(lat, lon) == words


def test_one_coordinate_with_fewer_digits():
    assert degrees(-68.1336, "lon", 0) == "68° W" and degrees(12.5, "lat", 1) == "12.5° N"


@pytest.mark.parametrize(
    ("low", "high", "axis", "values", "labels"),
    [
        (-12.0, 14.0, "lon", [-10.0, -5.0, 0.0, 5.0, 10.0], ["10°W", "5°W", "0°", "5°E", "10°E"]),
        (-23.0, -9.0, "lat", [-22.0, -20.0, -18.0, -16.0, -14.0, -12.0, -10.0],
         ["22°S", "20°S", "18°S", "16°S", "14°S", "12°S", "10°S"]),
        (10.2, 12.9, "lat", [10.5, 11.0, 11.5, 12.0, 12.5], ["10.5°N", "11.0°N", "11.5°N", "12.0°N", "12.5°N"]),
    ],
)  # fmt: skip
def test_axis_ticks_fall_on_round_degrees_with_hemispheres(low, high, axis, values, labels):
    assert degree_ticks(low, high, axis) == (values, labels)


def test_ticks_reach_over_the_whole_map_at_the_view_s_step():
    values, _ = degree_ticks(0.0, 10.0, "lon", reach=(-20.0, 30.0))
    assert values == [-20.0, -18.0, -16.0, -14.0, -12.0, -10.0, -8.0, -6.0, -4.0, -2.0, 0.0, 2.0, 4.0, 6.0, 8.0,
                      10.0, 12.0, 14.0, 16.0, 18.0, 20.0, 22.0, 24.0, 26.0, 28.0, 30.0]  # fmt: skip
