"""A small reader for the part of EDTF (ISO 8601-2) that datasets use: level 0 without times
of day, and from level 1 only the qualifiers and the open or unknown ends of an interval.

Supported forms:

* a day, month or year: ``2016-03-30``, ``2015-11``, ``2008``, optionally qualified as
  uncertain (``?``), approximate (``~``) or both (``%``): ``2013-08~``;
* an interval of two such dates: ``2016-03-28/2016-03-30``, ``2015-12/2016-03-30``;
* an interval with an open end or start (``2014/..``, ``../2016-03-30``) or an unknown one
  (``2016-03-30/``, ``/2016``); either side may be qualified (``2016-03-29?/..``).

Not supported, and read as an error: times of day (``2016-03-30T10:00``, level 0); the year
``0000`` (Python's calendar starts at 0001); from level 1, negative or longer years (``-0050``,
``Y170000002``), unspecified digits (``201X``, ``2016-XX``) and seasons (``2016-21`` reads as
month 21); and all of level 2.

:func:`parse_edtf` turns a string into an :class:`EdtfDate` that knows its earliest and
latest possible day, or raises :class:`EdtfError` with a message a learner can act on.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

Precision = Literal["day", "month", "year"]
Bound = Literal["date", "open", "unknown"]

_SINGLE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?(?P<qualifier>[?~%])?$")
EXAMPLES = "2016-03-30, 2015-11, 2008, 2016-03-28/2016-03-30 or 2014/.."


class EdtfError(ValueError):
    """The text is not an EDTF date this project can read."""


@dataclass(frozen=True)
class EdtfDate:
    """A parsed EDTF date or interval.

    ``earliest`` and ``latest`` are the first and last possible days; they are ``None``
    where an interval's start or end is open (``..``) or unknown (empty).
    """

    text: str
    is_interval: bool
    earliest: dt.date | None
    latest: dt.date | None
    single_precision: Precision | None = None
    start_bound: Bound = "date"
    end_bound: Bound = "date"

    @property
    def open_ended(self) -> bool:
        """True for an interval that is still going on (``2014/..``)."""
        return self.is_interval and self.end_bound == "open"


def _parse_single(text: str) -> tuple[dt.date, dt.date, Precision]:
    match = _SINGLE.match(text)
    if not match:
        raise EdtfError(f"'{text}' is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(match["year"])
    if year == 0:
        raise EdtfError(f"'{text}' has year 0000; years run from 0001 to 9999")
    if match["month"] is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    month = int(match["month"])
    if not 1 <= month <= 12:
        raise EdtfError(f"'{text}' has month {month:02d}; months run from 01 to 12")
    last_day = calendar.monthrange(year, month)[1]
    if match["day"] is None:
        return dt.date(year, month, 1), dt.date(year, month, last_day), "month"
    day = int(match["day"])
    if not 1 <= day <= last_day:
        raise EdtfError(
            f"'{text}' is not a real calendar date: {calendar.month_name[month]} {year} has {last_day} days"
        )
    return dt.date(year, month, day), dt.date(year, month, day), "day"


def parse_edtf(text: str) -> EdtfDate:
    """Parse an EDTF date or interval.

    >>> parse_edtf("2015-11").latest
    datetime.date(2015, 11, 30)
    >>> parse_edtf("2014/..").open_ended
    True
    >>> parse_edtf("2016-03-29?").single_precision  # a qualifier leaves the precision alone
    'day'
    >>> start_open = parse_edtf("../2016-03-30")
    >>> start_open.start_bound, start_open.earliest, start_open.latest
    ('open', None, datetime.date(2016, 3, 30))
    """
    text = text.strip()
    if not text:
        raise EdtfError(f"the date is empty; expected an EDTF date such as {EXAMPLES}")
    if "/" not in text:
        earliest, latest, precision = _parse_single(text)
        return EdtfDate(text, False, earliest, latest, precision)
    start_text, _, end_text = text.partition("/")
    if "/" in end_text:
        raise EdtfError(f"'{text}' has more than one '/'; an interval is START/END")
    bounds: list[tuple[Bound, dt.date | None, dt.date | None]] = []
    for part in (start_text, end_text):
        if part == "..":
            bounds.append(("open", None, None))
        elif part == "":
            bounds.append(("unknown", None, None))
        else:
            first, last, _ = _parse_single(part)
            bounds.append(("date", first, last))
    (start_bound, start_first, _), (end_bound, _, end_last) = bounds
    if start_bound != "date" and end_bound != "date":
        raise EdtfError(f"'{text}' gives neither a start nor an end; at least one must be a date")
    if start_first is not None and end_last is not None and start_first > end_last:
        raise EdtfError(f"'{text}' starts after it ends")
    return EdtfDate(text, True, start_first, end_last, None, start_bound, end_bound)


def _single_in_words(text: str) -> str:
    first, _, precision = _parse_single(text.rstrip("?~%"))
    qualifier = {"?": " (uncertain)", "~": " (approximately)", "%": " (approximately, uncertain)"}.get(text[-1:], "")
    if precision == "year":
        words = str(first.year)
    elif precision == "month":
        words = f"{calendar.month_name[first.month]} {first.year}"
    else:
        words = f"{first.day} {calendar.month_name[first.month]} {first.year}"
    return words + qualifier


def in_words(text: str) -> str:
    """An EDTF date as a reader would say it (for labels, cards and tables, never ``2014/..``).

    Written without ``strftime``'s platform-specific flags, so it reads the same on every system.

    >>> in_words("2016-03-30")
    '30 March 2016'
    >>> in_words("2015-11")
    'November 2015'
    >>> in_words("2013-08~")
    'August 2013 (approximately)'
    >>> in_words("2016-03-28/2016-03-30")
    '28 March 2016 to 30 March 2016'
    >>> in_words("2014/..")
    'from 2014 onwards'
    >>> in_words("2016-03-30/")
    'from 30 March 2016, end unknown'
    >>> in_words("../2016-03-30")
    'some time up to 30 March 2016'
    >>> in_words("/2016-03")
    'until March 2016, start unknown'
    """
    text = parse_edtf(text).text  # what the parser cannot read raises its error here too
    if "/" not in text:
        return _single_in_words(text)
    start, _, end = text.partition("/")
    if start == ".." and end not in ("", ".."):
        return f"some time up to {_single_in_words(end)}"
    if start == "" and end not in ("", ".."):
        return f"until {_single_in_words(end)}, start unknown"
    if end in ("", ".."):
        return f"from {_single_in_words(start)}" + (" onwards" if end == ".." else ", end unknown")
    return f"{_single_in_words(start)} to {_single_in_words(end)}"
