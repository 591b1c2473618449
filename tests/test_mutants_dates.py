"""Tests written to kill the mutants that survived scripts/mutation-test.sh: dates
(data/edtf.py, data/validation/dates.py).

An event's EDTF date against its date_start, date_end and precision, and an outcome against its
date and source: each rule runs on one row made up here, and its problems are compared, word for
word, with what a learner should read (worked out by hand from the codebook's rules).

Equivalent mutants (they survive; no test can tell them from the code), in data/edtf.py. Since
in_words reads its text with parse_edtf first, it only ever gets a date parse_edtf accepts:

* ``_single_in_words`` 3, 4, 5: ``text.rstrip("?~%")`` as ``rstrip(None)``, ``lstrip("?~%")`` or
  ``rstrip("XX?~%XX")``: ``_parse_single``'s pattern takes the qualifier itself, so removing it
  first or not gives the same date (the text has no spaces, starts with a digit and ends in no X);
* ``in_words`` 8: ``partition("/")`` as ``rpartition``: a second "/" was refused;
* ``in_words`` 14, 15, 21, 22: ``end not in ("", "..")`` with "XXXX" or "XX..XX": "../..",
  "../", "/.." and "/" were refused, so after an open or unknown start the end is a date.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from article_explorer.data.validation.dates import check_event_dates, check_outcomes
from article_explorer.data.validation.read import RawDataset, Row


def raw_of(**tables: list[dict[str, str]]) -> RawDataset:
    """A dataset as read, from rows written out here: the first row is on line 2."""
    raw = RawDataset(Path("no-such-folder"))
    for name, rows in tables.items():
        raw.tables[name] = [Row(line, dict(cells)) for line, cells in enumerate(rows, start=2)]
        raw.columns[name] = list(rows[0]) if rows else []
    return raw


def said(raw: RawDataset) -> list[str]:
    return [str(problem) for problem in raw.problems]


# --- dates.py: an event's date against its bounds and precision; outcomes --------------------


def event(date: str, precision: str = "", start: str = "", end: str = "", **cells: str) -> dict[str, str]:
    row = {"date": date, "precision": precision, "date_start": start, "date_end": end}
    return {**row, "date_basis": "article", "date_source_id": "", **cells}


DATES = [
    # (the event's cells, what a learner reads)
    (event("2016-03-30", "day", "2016-03-30", "2016-03-30"), []),
    (event("2016-03", "month", "2016-03-01", "2016-03-31"), []),
    (event("2016-03", "", "2016-03-01", "2016-03-31"), []),  # no precision: nothing to compare
    (
        event("2016-03", "day", "2016-03-01", "2016-03-31"),
        ["column 'precision': 'day' does not agree with the date '2016-03'; expected month"],
    ),
    (
        event("2016-03-01/2016-03-05", "day", "2016-03-01", "2016-03-05"),
        ["column 'precision': 'day' does not agree with the date '2016-03-01/2016-03-05'; expected range"],
    ),
    (
        event("2014/..", "range", "2014-01-01"),
        ["column 'precision': 'range' does not agree with the date '2014/..'; expected ongoing"],
    ),
    (event("2014/..", "ongoing", "2014-01-01"), []),
    (event("../2016", "range", "", "2016-12-31"), []),
    (
        event("../2016", "range", "2015-01-01", "2016-12-31"),
        [
            "column 'date_start': '2015-01-01' is given but the start of the date '../2016' is open ('..'); "
            "leave date_start empty"
        ],
    ),
    (
        event("/2016", "range", "2015-01-01", "2016-12-31"),
        [
            "column 'date_start': '2015-01-01' is given but the start of the date '/2016' is unknown (empty); "
            "leave date_start empty"
        ],
    ),
    (
        event("2014/..", "ongoing", "2014-01-01", "2020-01-01"),
        [
            "column 'date_end': '2020-01-01' is given but the end of the date '2014/..' is open ('..'); "
            "leave date_end empty"
        ],
    ),
    (
        event("2016-03", "month"),
        [
            "column 'date_start': '' is empty; expected the earliest possible day of '2016-03' (2016-03-01)",
            "column 'date_end': '' is empty; expected the latest possible day of '2016-03' (2016-03-31)",
        ],
    ),
    (event("2016-03", "month", "2016-3-1", "the end"), []),  # reported cell by cell
    (
        event("2016-03", "month", "2016-02-29", "2016-04-01"),
        [
            "column 'date_start': '2016-02-29' lies outside the date '2016-03' (2016-03-01 to 2016-03-31)",
            "column 'date_end': '2016-04-01' lies outside the date '2016-03' (2016-03-01 to 2016-03-31)",
        ],
    ),
    (
        event("2014/..", "ongoing", "2013-12-31"),
        ["column 'date_start': '2013-12-31' lies outside the date '2014/..' (2014-01-01 to ..)"],
    ),
    (
        event("../2016", "range", "", "2017-01-01"),
        ["column 'date_end': '2017-01-01' lies outside the date '../2016' (.. to 2016-12-31)"],
    ),
    (
        event("2016", "year", "2016-05-01", "2016-04-01"),
        ["column 'date_start': '2016-05-01' is after date_end (2016-04-01); the start must come first"],
    ),
    (event("2016", "year", "2016-04-01", "2016-04-01"), []),
    (event("2016-13", "day", "2016-03-30"), []),  # a date that cannot be read is reported cell by cell
    (
        event("2016", "year", "2016-01-01", "2016-12-31", date_basis="context"),
        [
            "column 'date_source_id': '' is empty; a date taken from outside the article (date_basis=context) "
            "needs its source"
        ],
    ),
    (event("2016", "year", "2016-01-01", "2016-12-31", date_basis="context", date_source_id="tass"), []),
    (event("2016", "year", "2016-01-01", "2016-12-31", date_basis="inferred"), []),
]


@pytest.mark.parametrize(("row", "messages"), DATES, ids=[f"date{i}" for i in range(len(DATES))])
def test_an_events_date_against_its_bounds_and_precision(row, messages):
    raw = raw_of(events=[row])
    check_event_dates(raw)
    assert said(raw) == [f"events.csv, line 2, {message}" for message in messages]


OUTCOMES = [
    ({"outcome": "", "outcome_source_id": "", "outcome_date": ""}, []),
    ({"outcome": "Signed.", "outcome_source_id": "tass", "outcome_date": "2016-07-08"}, []),
    (
        {"outcome": "Signed.", "outcome_source_id": "", "outcome_date": "2016-07-08"},
        ["column 'outcome_source_id': '' is empty; every outcome needs the source it was read in"],
    ),
    (
        {"outcome": "Signed.", "outcome_source_id": "tass", "outcome_date": ""},
        [
            "column 'outcome_date': '' is empty; every outcome needs the date it happened, as an EDTF date such as "
            "2016-07-08 or 2018"
        ],
    ),
    (
        {"outcome": "", "outcome_source_id": "tass", "outcome_date": ""},
        ["column 'outcome': '' is empty but an outcome date or source is given; write the outcome or clear them"],
    ),
    (
        {"outcome": "", "outcome_source_id": "", "outcome_date": "2018"},
        ["column 'outcome': '' is empty but an outcome date or source is given; write the outcome or clear them"],
    ),
]


@pytest.mark.parametrize(("row", "messages"), OUTCOMES, ids=[f"outcome{i}" for i in range(len(OUTCOMES))])
@pytest.mark.parametrize("table", ["events", "claims"])
def test_an_outcome_has_its_date_and_source(table, row, messages):
    raw = raw_of(**{table: [row]})
    check_outcomes(raw)
    assert said(raw) == [f"{table}.csv, line 2, {message}" for message in messages]


def test_every_event_is_checked_after_one_whose_date_cannot_be_read():
    raw = raw_of(events=[event("2016-13", "day"), event("2016-03", "day", "2016-03-01", "2016-03-31")])
    check_event_dates(raw)
    assert said(raw) == [
        "events.csv, line 3, column 'precision': 'day' does not agree with the date '2016-03'; expected month"
    ]


@pytest.mark.parametrize(
    ("row", "messages"),
    [
        (
            event("../2016", "range", "2015-01-01", "2017-01-01"),
            [
                "column 'date_start': '2015-01-01' is given but the start of the date '../2016' is open ('..'); "
                "leave date_start empty",
                "column 'date_end': '2017-01-01' lies outside the date '../2016' (.. to 2016-12-31)",
            ],
        ),
        (
            event("2016-03", "month", "", "2016-04-01"),
            [
                "column 'date_start': '' is empty; expected the earliest possible day of '2016-03' (2016-03-01)",
                "column 'date_end': '2016-04-01' lies outside the date '2016-03' (2016-03-01 to 2016-03-31)",
            ],
        ),
        (
            event("../2016", "range", "", "2017-01-01"),
            ["column 'date_end': '2017-01-01' lies outside the date '../2016' (.. to 2016-12-31)"],
        ),
        (
            event("2016-03", "month", "2016-3-1", "2016-04-01"),  # date_start is reported cell by cell
            ["column 'date_end': '2016-04-01' lies outside the date '2016-03' (2016-03-01 to 2016-03-31)"],
        ),
    ],
    ids=["start-given-end-outside", "start-empty-end-outside", "open-start-end-outside", "start-not-iso"],
)
def test_date_end_is_checked_whatever_was_said_about_date_start(row, messages):
    raw = raw_of(events=[row])
    check_event_dates(raw)
    assert said(raw) == [f"events.csv, line 2, {message}" for message in messages]
