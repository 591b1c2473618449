"""EDTF dates as tables: what each text means, what a learner is told when it cannot be read, and
how each date is printed. Every expectation is typed by hand from the EDTF specification
(ISO 8601-2, levels 0 and 1, https://www.loc.gov/standards/datetime/) and the calendar, never
worked out with the code under test.

The module reads level 0 without times of day and, from level 1, the qualifiers ``?``, ``~`` and
``%`` and the open (``..``) and unknown (empty) ends of an interval. It keeps no flag for a
qualifier: ``2016?`` has the same days as ``2016``, and only the words printed say "uncertain".
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest

from article_explorer.data.edtf import EXAMPLES, EdtfDate, EdtfError, in_words, parse_edtf
from article_explorer.explorers.map.text import when
from article_explorer.explorers.timeline.layout import date_words, day_month_year

D = dt.date
EMPTY = "the date is empty; expected an EDTF date such as 2016-03-30, 2015-11, 2008, 2016-03-28/2016-03-30 or 2014/.."


def ident(text: str) -> str:
    """A test id mutmut can pass back to pytest: letters, digits, dots and dashes only."""
    for sign, word in (("/", "_to_"), ("?", "_q"), ("~", "_a"), ("%", "_qa")):
        text = text.replace(sign, word)
    return re.sub(r"[^0-9A-Za-z._-]", "_", text) or "empty"


def not_a_date(text: str) -> str:
    return f"'{text}' is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD"


# --- what a text means -------------------------------------------------------------------------

# text -> (text kept, is_interval, earliest, latest, single_precision, start_bound, end_bound, open_ended)
VALID = [
    # level 0: a day, a month, a year
    ("2016-03-30", ("2016-03-30", False, D(2016, 3, 30), D(2016, 3, 30), "day", "date", "date", False)),
    ("2016-03-03", ("2016-03-03", False, D(2016, 3, 3), D(2016, 3, 3), "day", "date", "date", False)),
    ("2016-12-31", ("2016-12-31", False, D(2016, 12, 31), D(2016, 12, 31), "day", "date", "date", False)),
    ("2016-02-29", ("2016-02-29", False, D(2016, 2, 29), D(2016, 2, 29), "day", "date", "date", False)),
    ("0001-01-01", ("0001-01-01", False, D(1, 1, 1), D(1, 1, 1), "day", "date", "date", False)),
    ("2015-11", ("2015-11", False, D(2015, 11, 1), D(2015, 11, 30), "month", "date", "date", False)),
    ("2016-01", ("2016-01", False, D(2016, 1, 1), D(2016, 1, 31), "month", "date", "date", False)),
    ("2016-04", ("2016-04", False, D(2016, 4, 1), D(2016, 4, 30), "month", "date", "date", False)),
    ("2016-12", ("2016-12", False, D(2016, 12, 1), D(2016, 12, 31), "month", "date", "date", False)),
    # February: 29 days in 2016 and 2000 (leap years), 28 in 2015 and 1900 (a century, not divisible by 400)
    ("2016-02", ("2016-02", False, D(2016, 2, 1), D(2016, 2, 29), "month", "date", "date", False)),
    ("2000-02", ("2000-02", False, D(2000, 2, 1), D(2000, 2, 29), "month", "date", "date", False)),
    ("2015-02", ("2015-02", False, D(2015, 2, 1), D(2015, 2, 28), "month", "date", "date", False)),
    ("1900-02", ("1900-02", False, D(1900, 2, 1), D(1900, 2, 28), "month", "date", "date", False)),
    ("2008", ("2008", False, D(2008, 1, 1), D(2008, 12, 31), "year", "date", "date", False)),
    ("9999", ("9999", False, D(9999, 1, 1), D(9999, 12, 31), "year", "date", "date", False)),
    # spaces round the text are dropped
    ("  2016-03-30\t", ("2016-03-30", False, D(2016, 3, 30), D(2016, 3, 30), "day", "date", "date", False)),
    # level 1 qualifiers: uncertain ?, approximate ~, both %; the days and the precision stay
    ("2016?", ("2016?", False, D(2016, 1, 1), D(2016, 12, 31), "year", "date", "date", False)),
    ("2016~", ("2016~", False, D(2016, 1, 1), D(2016, 12, 31), "year", "date", "date", False)),
    ("2016%", ("2016%", False, D(2016, 1, 1), D(2016, 12, 31), "year", "date", "date", False)),
    ("2013-08~", ("2013-08~", False, D(2013, 8, 1), D(2013, 8, 31), "month", "date", "date", False)),
    ("2016-03-29?", ("2016-03-29?", False, D(2016, 3, 29), D(2016, 3, 29), "day", "date", "date", False)),
    # level 0 intervals: from the first day of the start to the last day of the end
    (
        "2016-03-28/2016-03-30",
        ("2016-03-28/2016-03-30", True, D(2016, 3, 28), D(2016, 3, 30), None, "date", "date", False),
    ),
    ("2015-12/2016-03-30", ("2015-12/2016-03-30", True, D(2015, 12, 1), D(2016, 3, 30), None, "date", "date", False)),
    ("2014/2016", ("2014/2016", True, D(2014, 1, 1), D(2016, 12, 31), None, "date", "date", False)),
    ("2016/2016", ("2016/2016", True, D(2016, 1, 1), D(2016, 12, 31), None, "date", "date", False)),
    (
        "2016-03-30/2016-03-30",
        ("2016-03-30/2016-03-30", True, D(2016, 3, 30), D(2016, 3, 30), None, "date", "date", False),
    ),
    # a start inside the end's year is not after it
    ("2016-03/2016", ("2016-03/2016", True, D(2016, 3, 1), D(2016, 12, 31), None, "date", "date", False)),
    # level 1 extended intervals: open (..) or unknown (empty) ends, qualified sides
    ("2014/..", ("2014/..", True, D(2014, 1, 1), None, None, "date", "open", True)),
    ("2016/..", ("2016/..", True, D(2016, 1, 1), None, None, "date", "open", True)),
    ("../2016", ("../2016", True, None, D(2016, 12, 31), None, "open", "date", False)),
    ("../2016-03-30", ("../2016-03-30", True, None, D(2016, 3, 30), None, "open", "date", False)),
    ("2016-03-30/", ("2016-03-30/", True, D(2016, 3, 30), None, None, "date", "unknown", False)),
    ("/2016", ("/2016", True, None, D(2016, 12, 31), None, "unknown", "date", False)),
    ("/2016-03", ("/2016-03", True, None, D(2016, 3, 31), None, "unknown", "date", False)),
    ("2016-03-29?/..", ("2016-03-29?/..", True, D(2016, 3, 29), None, None, "date", "open", True)),
    ("2004-06~/2004-08?", ("2004-06~/2004-08?", True, D(2004, 6, 1), D(2004, 8, 31), None, "date", "date", False)),
    (" ../2016-02 ", ("../2016-02", True, None, D(2016, 2, 29), None, "open", "date", False)),
]


@pytest.mark.parametrize(("text", "expected"), VALID, ids=[ident(text) for text, _ in VALID])
def test_what_an_edtf_text_means(text, expected):
    date = parse_edtf(text)
    assert isinstance(date, EdtfDate)
    got = (
        date.text,
        date.is_interval,
        date.earliest,
        date.latest,
        date.single_precision,
        date.start_bound,
        date.end_bound,
        date.open_ended,
    )
    assert got == expected


def test_a_parsed_date_cannot_be_changed():
    date = parse_edtf("2016")
    with pytest.raises(AttributeError):
        date.earliest = D(2017, 1, 1)


# --- what a learner is told --------------------------------------------------------------------

INVALID = [
    # empty
    ("", EMPTY),
    ("   ", EMPTY),
    ("\t\n", EMPTY),
    # months and days that are not in the calendar
    ("2016-13", "'2016-13' has month 13; months run from 01 to 12"),
    ("2016-00", "'2016-00' has month 00; months run from 01 to 12"),
    ("2016-13-01", "'2016-13-01' has month 13; months run from 01 to 12"),
    ("2016-03-32", "'2016-03-32' is not a real calendar date: March 2016 has 31 days"),
    ("2016-03-00", "'2016-03-00' is not a real calendar date: March 2016 has 31 days"),
    ("2016-04-31", "'2016-04-31' is not a real calendar date: April 2016 has 30 days"),
    ("2016-02-30", "'2016-02-30' is not a real calendar date: February 2016 has 29 days"),
    ("2015-02-29", "'2015-02-29' is not a real calendar date: February 2015 has 28 days"),
    ("1900-02-29", "'1900-02-29' is not a real calendar date: February 1900 has 28 days"),
    ("0000", "'0000' has year 0000; years run from 0001 to 9999"),
    ("0000-06-01", "'0000-06-01' has year 0000; years run from 0001 to 9999"),
    # other ways of writing a date
    ("2016.03.30", not_a_date("2016.03.30")),
    ("2016_03_30", not_a_date("2016_03_30")),
    ("2016 03 30", not_a_date("2016 03 30")),
    ("2016–03–30", not_a_date("2016–03–30")),  # en dashes
    ("20160330", not_a_date("20160330")),
    ("2016-3-30", not_a_date("2016-3-30")),
    ("2016-03-5", not_a_date("2016-03-5")),
    ("16", not_a_date("16")),
    ("march 2016", not_a_date("march 2016")),
    ("2016-mar-30", not_a_date("2016-mar-30")),
    ("2016-03-30t10:00", not_a_date("2016-03-30t10:00")),
    ("2016-03-30T10:00:00", not_a_date("2016-03-30T10:00:00")),
    ("30/03/2016", "'30/03/2016' has more than one '/'; an interval is START/END"),
    ("2016/03/30", "'2016/03/30' has more than one '/'; an interval is START/END"),
    ("2014/2015/2016", "'2014/2015/2016' has more than one '/'; an interval is START/END"),
    # qualifiers: one, at the end
    ("2016??", not_a_date("2016??")),
    ("2016?~", not_a_date("2016?~")),
    ("?2016", not_a_date("?2016")),
    ("2016-?03", not_a_date("2016-?03")),
    # the rest of level 1 and level 2 are not read
    ("2016-21", "'2016-21' has month 21; months run from 01 to 12"),  # a season (spring 2016)
    ("2016-24", "'2016-24' has month 24; months run from 01 to 12"),  # a season (winter 2016)
    ("201X", not_a_date("201X")),
    ("2016-XX", not_a_date("2016-XX")),
    ("-0050", not_a_date("-0050")),
    ("Y170000002", not_a_date("Y170000002")),
    ("[2016, 2017]", not_a_date("[2016, 2017]")),
    # intervals
    ("2016/2015", "'2016/2015' starts after it ends"),
    ("2016-03-30/2016-03-29", "'2016-03-30/2016-03-29' starts after it ends"),
    ("2017-01/2016-12-31", "'2017-01/2016-12-31' starts after it ends"),
    ("2016-04/2016-03", "'2016-04/2016-03' starts after it ends"),
    ("../..", "'../..' gives neither a start nor an end; at least one must be a date"),
    ("/", "'/' gives neither a start nor an end; at least one must be a date"),
    ("/..", "'/..' gives neither a start nor an end; at least one must be a date"),
    ("../", "'../' gives neither a start nor an end; at least one must be a date"),
    ("..", not_a_date("..")),
    ("..2016", not_a_date("..2016")),
    ("2016/...", not_a_date("...")),
    ("2016 / 2017", not_a_date("2016 ")),  # each side is read as written
    ("2016-03-28/2016-02-30", "'2016-02-30' is not a real calendar date: February 2016 has 29 days"),
    ("2016-13/..", "'2016-13' has month 13; months run from 01 to 12"),
]


@pytest.mark.parametrize(("text", "message"), INVALID, ids=[ident(text) for text, _ in INVALID])
def test_what_a_learner_is_told_about_a_date_that_cannot_be_read(text, message):
    with pytest.raises(EdtfError) as caught:
        parse_edtf(text)
    assert str(caught.value) == message


@pytest.mark.parametrize("text", ["2016-13", "2016/2015", "", "0000"], ids=ident)
def test_a_date_error_is_a_value_error(text):
    with pytest.raises(ValueError):
        parse_edtf(text)


def test_the_examples_in_the_messages():
    assert EXAMPLES == "2016-03-30, 2015-11, 2008, 2016-03-28/2016-03-30 or 2014/.."


# --- how a date is printed for learners --------------------------------------------------------

IN_WORDS = [
    ("2016-03-03", "3 March 2016"),
    ("2016-03-30", "30 March 2016"),
    ("2016-01-09", "9 January 2016"),
    ("2016-02-29", "29 February 2016"),
    ("2016-05-01", "1 May 2016"),
    ("2015-11", "November 2015"),
    ("2016-03", "March 2016"),
    ("2016-06", "June 2016"),
    ("2016-09", "September 2016"),
    ("2016-12", "December 2016"),
    ("2016", "2016"),
    ("0999", "999"),
    ("  2016-03-30 ", "30 March 2016"),
    ("2016~", "2016 (approximately)"),
    ("2016?", "2016 (uncertain)"),
    ("2016%", "2016 (approximately, uncertain)"),
    ("2013-08~", "August 2013 (approximately)"),
    ("2016-03-01?", "1 March 2016 (uncertain)"),
    ("2016-03-28/2016-03-30", "28 March 2016 to 30 March 2016"),
    ("2015-12/2016-03-30", "December 2015 to 30 March 2016"),
    ("2014/2016~", "2014 to 2016 (approximately)"),
    ("2014/..", "from 2014 onwards"),
    ("2015-12/..", "from December 2015 onwards"),
    ("2016-03-29?/..", "from 29 March 2016 (uncertain) onwards"),
    ("2016-03-30/", "from 30 March 2016, end unknown"),
    ("2008-08~/", "from August 2008 (approximately), end unknown"),
    ("../2016-03-30", "some time up to 30 March 2016"),
    ("../2016", "some time up to 2016"),
    ("/2016-03", "until March 2016, start unknown"),
    ("/2016?", "until 2016 (uncertain), start unknown"),
]


@pytest.mark.parametrize(("text", "words"), IN_WORDS, ids=[ident(text) for text, _ in IN_WORDS])
def test_how_a_date_is_printed(text, words):
    assert in_words(text) == words


NOT_PRINTED = [
    ("2016-13", "'2016-13' has month 13; months run from 01 to 12"),
    ("2016/2015", "'2016/2015' starts after it ends"),
    ("2016?~", not_a_date("2016?~")),
    ("2016??", not_a_date("2016??")),
    ("../..", "'../..' gives neither a start nor an end; at least one must be a date"),
    ("", EMPTY),
    ("0000", "'0000' has year 0000; years run from 0001 to 9999"),
]


@pytest.mark.parametrize(("text", "message"), NOT_PRINTED, ids=[ident(text) for text, _ in NOT_PRINTED])
def test_a_date_that_cannot_be_read_is_not_printed(text, message):
    """The printed form says nothing the parser would refuse ("2016 to 2015", "2016 (approximately)")."""
    with pytest.raises(EdtfError) as caught:
        in_words(text)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("day", "words"),
    [
        (D(2016, 3, 3), "3 Mar 2016"),
        (D(2016, 3, 30), "30 Mar 2016"),
        (D(2015, 12, 1), "1 Dec 2015"),
        (pd.Timestamp(2016, 9, 9), "9 Sep 2016"),
    ],
    ids=["3-Mar", "30-Mar", "1-Dec", "timestamp"],
)
def test_the_timeline_prints_a_day_without_a_leading_zero(day, words):
    assert day_month_year(day) == words


TABLE_WORDS = [
    ("2014/..", "from 2014 onwards"),
    ("2016-03-03", "3 March 2016"),
    ("", ""),
    ("2016-13", "2016-13"),  # the validator reports it; the table shows it as written
    ("2016/2015", "2016/2015"),
    ("0000", "0000"),
]


@pytest.mark.parametrize(("text", "words"), TABLE_WORDS, ids=[ident(text) for text, _ in TABLE_WORDS])
def test_the_timeline_table_prints_a_date_or_the_text_it_cannot_read(text, words):
    assert date_words(text) == words


MAP_WORDS = [
    ("../2017", "some time up to 2017"),
    ("2017-06-05", "5 June 2017"),
    ("2016-02-30", "2016-02-30"),
    ("soon", "soon"),
]


@pytest.mark.parametrize(("text", "words"), MAP_WORDS, ids=[ident(text) for text, _ in MAP_WORDS])
def test_the_map_prints_a_date_or_the_text_it_cannot_read(text, words):
    assert when(text) == words
