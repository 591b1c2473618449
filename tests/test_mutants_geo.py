"""Tests written to kill the mutants that survived scripts/mutation-test.sh: the geo layer
(geo/coordinates.py). Expectations are worked out by hand: degrees rounded as printed, tick
steps from the list of round steps.
"""

from __future__ import annotations

from article_explorer.geo.coordinates import coordinates, degree_ticks, degrees


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
