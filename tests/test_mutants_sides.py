"""Tests written to kill the mutants that survived scripts/mutation-test.sh: data/sides.py.

The sides are rules read from a dataset's tables; these tests give them a small made-up dataset
(an object with the five tables :class:`Sides` reads) and check each answer against what the
module's docstring promises, worked out by hand.

Equivalent mutants, in ``Sides.of_actor``: 3 and 5 (``get(actor_id, "")`` with the default
``None`` or none) and 8 (``if iso3`` as ``if iso3 or True``): an actor without a country, or
not in actors.csv, then asks ``of_country`` about ``None`` or ``""``, which no place and no
period has, so the answer is still ``None``; 6 (the default "XXXX"): an unknown actor is looked
up as the country "XXXX", which no boundaries file and no dataset has.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pandas as pd
import pytest

from article_explorer.data.sides import STILL, Period, Sides, period_years


def made_up_dataset() -> SimpleNamespace:
    """Published in 2016. POL is coded 'nato' by a place and, in country_sides.csv, is 'nato'
    from 1999; MNE has a city placed on no side and joins 'nato' in 2017; SRB is coded 'neutral'
    by a place but country_sides.csv has it 'nato' in 2016 (the place wins on the article's year);
    on the scheme 'blocs', POL is 'west' from 1999."""
    return SimpleNamespace(
        published=dt.date(2016, 3, 30),
        sides=pd.DataFrame(
            {
                "side_id": ["nato", "neutral", "west"],
                "label": ["NATO members", "", "The West"],
                "scheme": ["", "article", "blocs"],
            }
        ),
        places=pd.DataFrame(
            {
                "country_iso3": ["POL", "MNE", "SRB", "SRB"],
                "side": ["nato", "", "nato", "neutral"],
                "geo_precision": ["city", "city", "city", "country"],
            }
        ),
        country_sides=pd.DataFrame(
            {
                "country_iso3": ["POL", "MNE", "SRB", "POL"],
                "side_id": ["nato", "nato", "nato", "west"],
                "from": ["1999-03-12", "2017-06-05", "2016", "1999"],
                "to": ["", "", "2016", ""],
            }
        ),
        actors=pd.DataFrame({"actor_id": ["warsaw", "un", "belgrade"], "country_iso3": ["POL", "", "SRB"]}),
    )


@pytest.fixture
def sides() -> Sides:
    return Sides(made_up_dataset())


@pytest.mark.parametrize(
    ("start", "end", "years"),
    [
        ("2004-03-29", "", (2004, STILL)),
        ("1949", "1966", (1949, 1966)),
        ("../1990", "", (1, 1990)),
        ("2001/2003", "", (2001, 2003)),
        ("2004", "..", (2004, STILL)),
        ("2004", "2010/..", (2004, STILL)),  # an end that is itself still going on
        ("2004", "2010-05/", (2004, STILL)),  # an end whose own end is unknown
        ("not a date", "", (1, STILL)),  # reported by the validator; read as always
        ("not a date", "1990", (1, 1990)),
    ],
    ids=["day", "years", "open-start", "interval", "open-end", "end-ongoing", "end-unknown", "bad", "bad-start"],
)
def test_the_years_of_a_period(start, end, years):
    assert period_years(start, end) == years


@pytest.mark.parametrize(("year", "holds"), [(2003, False), (2004, True), (2007, True), (2010, True), (2011, False)])
def test_a_period_holds_its_first_and_last_year(year, holds):
    assert Period("nato", 2004, 2010).holds(year) is holds


def test_labels_and_schemes(sides):
    assert sides.label("nato") == "NATO members"
    assert sides.label("neutral") == "neutral"  # no label: the id itself
    assert sides.label("no_such_side") == "no_such_side"
    assert sides.schemes == ["article", "blocs"]
    assert sides.in_scheme() == ["nato", "neutral"]
    assert sides.in_scheme("blocs") == ["west"]


def test_on_the_articles_year_a_place_gives_the_side(sides):
    assert sides.published_year == 2016
    assert sides.of_country("POL", 2016) == "nato"
    assert sides.of_country("SRB", 2016) == "neutral"  # the country-level place, not country_sides.csv
    assert sides.of_country("SRB", 2015) is None  # its one period is 2016
    assert sides.of_country("MNE", 2016) is None
    assert sides.of_country("MNE", 2017) == "nato"


def test_another_scheme_comes_only_from_its_periods(sides):
    assert sides.of_country("POL", 2016, "blocs") == "west"
    assert sides.of_country("POL", 1998, "blocs") is None
    assert sides.of_country("SRB", 2016, "blocs") is None  # coded 'neutral' on the article's scheme only


def test_a_country_without_periods_keeps_its_place_side_every_year():
    dataset = made_up_dataset()
    dataset.country_sides = dataset.country_sides.iloc[0:0]
    sides = Sides(dataset)
    assert sides.of_country("SRB", 1990) == "neutral"
    assert sides.of_country("POL", 2030) == "nato"
    assert sides.of_country("POL", 2030, "blocs") is None
    assert sides.of_country("FRA", 2016) is None


def test_an_actor_is_on_the_side_of_its_country(sides):
    assert sides.of_actor("warsaw") == "nato"
    assert sides.of_actor("belgrade") == "neutral"
    assert sides.of_actor("un") is None
    assert sides.of_actor("nobody") is None


def test_which_sides_change_over_time(sides):
    assert sides.changes_over_time("nato") and sides.changes_over_time("west")
    assert not sides.changes_over_time("neutral")
