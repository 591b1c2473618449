"""Contract v2's sides: sides.csv and country_sides.csv, checked by the validator and read as rules.

Each fault breaks a copy of the dataset on purpose; the expected file, line, column, value and
words are written out by hand.
"""

from __future__ import annotations

import pytest

from article_explorer import load_dataset
from article_explorer.data.config import PROJECT_ROOT
from article_explorer.data.sides import Sides, period_years
from article_explorer.data.validation import read_dataset

from .conftest import only_problem, problems_from

OTHER_ARTICLE = PROJECT_ROOT / "tests" / "data" / "other_article"


def where(problem):
    return (problem.file, problem.line, problem.column, problem.value)


def test_a_side_that_nothing_uses_is_reported(dataset_copy):
    rows = dataset_copy.rows("sides")
    rows.append({**rows[0], "side_id": "neutral", "label": "Neutral states", "colour": ""})
    dataset_copy.write_rows("sides", rows)
    problem = only_problem(dataset_copy.path, "check_sides")
    assert where(problem) == ("sides.csv", 7, "side_id", "neutral")
    assert problem.message == ("is never used (by places.side or country_sides.side_id); use it or remove the row")


def test_two_sides_drawn_alike_are_reported(dataset_copy):
    dataset_copy.set_cell("sides", "nato", "pattern", "")
    line = dataset_copy.set_cell("sides", "nato", "colour", "#eedd88")
    problem = only_problem(dataset_copy.path, "check_sides")
    assert where(problem) == ("sides.csv", line, "colour", "#eedd88")
    assert "exactly like 'belarus' (same colour and pattern in the same scheme)" in problem.message


def test_a_place_names_a_side_of_the_article_s_own_scheme(dataset_copy):
    rows = dataset_copy.rows("sides")
    rows.append({**rows[0], "side_id": "signatory", "label": "Signed", "colour": "", "scheme": "treaty"})
    dataset_copy.write_rows("sides", rows)
    line = dataset_copy.set_cell("places", "georgia", "side", "signatory")
    problem = only_problem(dataset_copy.path, "check_sides")
    assert where(problem) == ("places.csv", line, "side", "signatory")
    assert problem.message.startswith("is a side of the scheme 'treaty'; a place's side is one of the article's own")


def test_a_misspelt_side_is_no_known_side(dataset_copy):
    line = dataset_copy.set_cell("places", "warsaw", "side", "natoo")
    problem = only_problem(dataset_copy.path, "check_references")
    assert where(problem) == ("places.csv", line, "side", "natoo")
    assert problem.message == "is not a known side_id in sides.csv; did you mean 'nato'?"


def test_country_sides_without_sides_is_reported(dataset_copy):
    (dataset_copy.path / "sides.csv").unlink()
    problem = only_problem(dataset_copy.path, "check_sides")
    assert where(problem) == ("country_sides.csv", None, None, None)
    assert problem.message == "needs sides.csv, which names the sides its side_id column points at"


def test_overlapping_periods_of_one_country_are_reported(dataset_copy):
    rows = dataset_copy.rows("country_sides")
    rows.append({**rows[0], "country_iso3": "EST", "side_id": "nato", "from": "2010", "to": ""})
    dataset_copy.write_rows("country_sides", rows)
    problem = only_problem(dataset_copy.path, "check_country_sides")
    estonia = next(i for i, row in enumerate(rows) if row["country_iso3"] == "EST") + 2
    assert where(problem) == ("country_sides.csv", len(rows) + 1, "from", "2010")
    assert problem.message == (
        f"overlaps the period of line {estonia} (nato, from 2004) for EST on the scheme 'article'; "
        "a country is on one side of a scheme at a time"
    )


def test_a_period_that_ends_before_it_starts_is_reported(dataset_copy):
    line = dataset_copy.set_cell("country_sides", "EST", "to", "2000")
    problem = only_problem(dataset_copy.path, "check_country_sides")
    assert where(problem) == ("country_sides.csv", line, "to", "2000")
    assert problem.message == "is before 'from' (2004); a period ends after it starts"


def test_a_period_that_disagrees_with_a_place_on_the_article_s_date_is_reported(dataset_copy):
    line = dataset_copy.set_cell("country_sides", "TUR", "side_id", "other")
    turkey = dataset_copy.line_of("places", "turkey")
    problem = only_problem(dataset_copy.path, "check_country_sides")
    assert where(problem) == ("country_sides.csv", line, "side_id", "other")
    assert problem.message == (
        f"disagrees with places.csv line {turkey} (turkey), which puts TUR on 'nato' on the article's date; "
        "make the two agree"
    )


def test_a_v1_dataset_without_sides_labels_each_side_with_its_id():
    dataset = load_dataset(OTHER_ARTICLE)
    assert list(dataset.sides["side_id"]) == ["other"] and list(dataset.sides["label"]) == ["other"]
    assert dataset.country_sides.empty
    sides = Sides(dataset)
    assert sides.of_country("ESP", 2020) == "other", "coded by its places"
    assert sides.of_country("FRA", 2020) is None, "no place, no period: no side"


@pytest.mark.parametrize(
    ("start", "end", "years"),
    [
        ("2004", "", (2004, 9999)),
        ("2004-03-29", "", (2004, 9999)),
        ("1949", "1966-07", (1949, 1966)),
        ("2017-06-05", "..", (2017, 9999)),
        ("../1990", "", (1, 1990)),
        ("2001/2003", "", (2001, 2003)),
    ],
)
def test_the_years_of_a_period(start, end, years):
    assert period_years(start, end) == years


def test_a_country_place_the_boundaries_do_not_have_is_reported(dataset_copy):
    line = dataset_copy.set_cell("places", "belarus", "country_iso3", "BLX")
    problems = [p for p in problems_from(dataset_copy.path, "check_boundaries") if p.rule == "check_boundaries"]
    assert [where(p) for p in problems] == [("places.csv", line, "country_iso3", "BLX")]
    assert problems[0].message == (
        "is no country in the package's boundaries, so the map cannot draw this place, which is known only as a "
        "country; check the code (ISO 3166-1 alpha-3)"
    )


def test_a_country_place_whose_point_is_outside_its_country_is_reported(dataset_copy):
    """A longitude's minus sign where none belongs puts Belarus's label in the Atlantic; the map
    would frame a box with Belarus nowhere in it."""
    line = dataset_copy.set_cell("places", "belarus", "lon", "-28.03")
    problem = only_problem(dataset_copy.path, "check_boundaries")
    assert where(problem) == ("places.csv", line, "lat", "53.53, -28.03")
    assert problem.message == (
        "(lat, lon) is not in BLR, whose outline in the package's boundaries spans latitudes 51.27 to 56.15 and "
        "longitudes 23.18 to 32.71; a place known only as a country is drawn as its country, with its name at this "
        "point: give a point inside it (its capital, say), and check the signs (south and west are negative)"
    )
    dataset_copy.set_cell("places", "belarus", "lon", "33.5")  # within a degree of the border: kept
    assert read_dataset(dataset_copy.path).problems == []


def test_a_country_side_the_boundaries_do_not_have_is_reported(dataset_copy):
    line = dataset_copy.set_cell("country_sides", "EST", "country_iso3", "ESX")
    problem = only_problem(dataset_copy.path, "check_boundaries")
    assert where(problem) == ("country_sides.csv", line, "country_iso3", "ESX")
    assert problem.message == (
        "is no country or noted area in the package's boundaries, so the map cannot colour it; "
        "check the code (ISO 3166-1 alpha-3)"
    )


def test_a_dataset_s_own_boundaries_are_checked_against(dataset_copy):
    (dataset_copy.path / "geo").mkdir()
    (dataset_copy.path / "geo" / "countries.geojson").write_text(
        '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"iso3": "BLR", "name": '
        '"Belarus"}, "geometry": {"type": "Polygon", "coordinates": [[[24, 52], [24, 55], [30, 55], [30, 52], '
        "[24, 52]]]}}]}",
        encoding="utf-8",
    )
    line = dataset_copy.line_of("places", "ukraine")
    problems = [p for p in problems_from(dataset_copy.path, "check_boundaries") if p.rule == "check_boundaries"]
    assert ("places.csv", line, "country_iso3", "UKR") in [where(p) for p in problems]
    assert problems[0].message.endswith("check the code, or add the country to geo/countries.geojson")
    assert "the dataset's own geo/countries.geojson" in problems[0].message


def test_a_dataset_s_own_boundaries_that_cannot_be_read_are_reported(dataset_copy):
    (dataset_copy.path / "geo").mkdir()
    (dataset_copy.path / "geo" / "countries.geojson").write_text("{not json", encoding="utf-8")
    problem = only_problem(dataset_copy.path, "check_boundaries")
    assert (problem.file, problem.line, problem.column) == ("geo/countries.geojson", None, None)
    assert problem.message.startswith("is not readable: cannot be read as country boundaries (JSONDecodeError")
