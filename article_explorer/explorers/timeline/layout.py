"""How the timeline is laid out, so that every event it counts can be seen and its key tells the truth.

* :func:`spread_in_lanes`: events that share a lane and (nearly) a date are moved a little up or
  down within the lane (made taller for them), so that no marker hides another.
* :func:`year_breaks` and :func:`date_axis`: runs of two or more years with nothing in them are
  left out of the date axis (plotly ``rangebreaks``), and each cut is marked on the chart.
* :func:`legend_key`: legend entries that show exactly what the marks use: the marker's shape
  (drawn in neutral grey) says the status, its colour says the category.
* :func:`lane_label`: long lane names are wrapped, never cut.
* :func:`context_frame_trace`: the grey square frame round each context event's marker (the
  chart's form of the mark □ of :data:`article_explorer.ui.theme.CONTEXT`), with its own legend entry.
"""

from __future__ import annotations

import itertools
import textwrap
from collections.abc import Iterable, Sequence

import pandas as pd

from article_explorer.data.edtf import EdtfError, in_words
from article_explorer.ui.rendering import esc
from article_explorer.ui.theme import CATEGORY, CONTEXT, NEUTRAL, STATUS, words_for

#: The distance, in lanes, between two markers of one lane moved apart so that both can be seen.
SLOT_STEP = 0.3
#: What the legend's encodings mean (the context frame has an entry of its own: a longer title
#: would not fit a narrow plot).
LEGEND_TITLE = "Shape = status on the article's date; colour = category"
#: The hover's last line for a context event.
CONTEXT_HOVER = (
    f"{CONTEXT.glyph} Context: the article does not report this event; the coder added it to explain its words."
)


def context_frame_trace(frames: dict[str, list]) -> dict:
    """A grey square frame round each context event's marker (``frames``: its x, y, customdata
    and hover text), named in the legend."""
    return {
        **frames,
        "type": "scatter",
        "mode": "markers",
        "name": "context (framed): not reported by the article",
        "legendgroup": "context",
        "marker": {"symbol": CONTEXT.symbol, "size": 21, "color": CONTEXT.colour, "line": {"width": 2}},
        "hovertemplate": "%{text}<extra></extra>",
    }


def date_words(date: str) -> str:
    """An EDTF date in words; the raw text if it cannot be read (the validator reports it)."""
    try:
        return in_words(date) if date else ""
    except (EdtfError, ValueError):
        return date


def day_month_year(day) -> str:
    """``30 Mar 2016``, written without strftime's platform-specific day flag."""
    return f"{day.day} {day:%b %Y}"


def lane_label(name: str, width: int = 18) -> str:
    """A lane's name, escaped, wrapped onto lines of about ``width`` characters."""
    return "<br>".join(esc(line) for line in textwrap.wrap(name.replace("_", " "), width) or [""])


def spread_in_lanes(points: Sequence[tuple[int, pd.Timestamp]], near_days: float) -> list[int]:
    """For each (lane, date) point, a slot within its lane: 0 on the lane's line, 1 just below,
    -1 just above, 2, -2… Points of one lane less than ``near_days`` apart get different slots,
    so that each can be seen."""
    slots = [0] * len(points)
    last: dict[tuple[int, int], pd.Timestamp] = {}
    for i in sorted(range(len(points)), key=lambda i: (points[i][0], points[i][1])):
        lane, when = points[i]
        slot = next(
            s
            for n in range(len(points) + 1)
            for s in ((0,) if n == 0 else (n, -n))
            if (lane, s) not in last or (when - last[lane, s]).days >= near_days
        )
        last[lane, slot] = when
        slots[i] = slot
    return slots


def lane_centres(labels: Sequence[str], slots: Iterable[tuple[int, int]]) -> tuple[list[float], float]:
    """Where each lane's line is, from the top, given the lanes' (wrapped) labels and the (lane,
    slot) of its markers: a lane whose markers were moved apart, or whose label has three lines,
    is made taller. Also the total height, in lanes."""
    reach = [0] * len(labels)
    for lane, slot in slots:
        reach[lane] = max(reach[lane], abs(slot))
    centres, top = [], 0.0
    for r, label in zip(reach, labels, strict=True):
        half = max(0.5, (r + 0.6) * SLOT_STEP, 0.22 * (label.count("<br>") + 1))
        centres.append(top + half)
        top += 2 * half
    return centres, top


def year_breaks(dates: Iterable[pd.Timestamp], min_years: int = 2) -> list[tuple[int, int]]:
    """Runs (first, last year) of at least ``min_years`` years in which none of ``dates`` falls,
    between the first and the last of them."""
    years = sorted({d.year for d in dates if pd.notna(d)})
    return [(a + 1, b - 1) for a, b in itertools.pairwise(years) if b - a - 1 >= min_years]


def visible_days(left: pd.Timestamp, right: pd.Timestamp, breaks: list[tuple[int, int]]) -> int:
    """How many days the axis shows, the left-out years not counted."""
    cut = sum((pd.Timestamp(b + 1, 1, 1) - pd.Timestamp(a, 1, 1)).days for a, b in breaks)
    return max(1, (right - left).days - cut)


def date_axis(left: pd.Timestamp, right: pd.Timestamp, breaks: list[tuple[int, int]]) -> tuple[dict, list, list]:
    """The x axis (a tick each 1 January, left-out years cut away), and the shapes and
    annotations that mark each cut."""
    left_out = {y for a, b in breaks for y in range(a, b + 1)}
    ticks = [pd.Timestamp(y, 1, 1) for y in range(left.year, right.year + 1) if y not in left_out]
    ticks = [t for t in ticks if left <= t <= right]
    axis = {
        "type": "date",
        "range": [left, right],
        "rangebreaks": [{"bounds": [f"{a}-01-01", f"{b + 1}-01-01"]} for a, b in breaks],
        "tickvals": ticks,
        "ticktext": [str(t.year) for t in ticks],
        "automargin": True,
    }
    shapes, annotations = [], []
    for a, b in breaks:
        where = f"{b + 1}-01-01"
        shapes.append(
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": where,
                "x1": where,
                "y0": 0,
                "y1": 1,
                "line": {"color": "#9a9a9a", "width": 2, "dash": "dot"},
                "layer": "below",
            }
        )
        years = f"{a}–{b}" if b > a else str(a)
        annotations.append(
            {
                "x": where,
                "y": 0,
                "xref": "x",
                "yref": "paper",
                "yanchor": "bottom",
                "showarrow": False,
                "text": f"// {years} left out: no event",
                "font": {"size": 11, "color": "#555"},
                "bgcolor": "rgba(255, 255, 255, 0.9)",
            }
        )
    return axis, shapes, annotations


def legend_key(statuses: Iterable[str], colours: dict[str, str]) -> list[dict]:
    """Legend-only traces: one per status in its shape (:data:`~article_explorer.ui.theme.STATUS`),
    in neutral grey (grouped with the status's markers, so that a click hides them), then one per
    category in its colour (``colours``: category -> colour)."""
    key = []
    for status in statuses:
        symbol = STATUS[status].symbol
        hollow = symbol.endswith("-open")
        key.append(
            {
                "type": "scatter",
                "x": [None],
                "y": [None],
                "mode": "markers",
                "name": status,
                "legendgroup": f"status:{status}",
                "marker": {
                    "symbol": symbol,
                    "size": 11,
                    "color": NEUTRAL,
                    "line": {"width": 2 if hollow else 0, "color": NEUTRAL},
                },
                "hoverinfo": "skip",
                "customdata": [],
            }
        )
    for category, colour in colours.items():
        key.append(
            {
                "type": "scatter",
                "x": [None],
                "y": [None],
                "mode": "markers",
                "name": esc(words_for(CATEGORY, category)),
                "legendgroup": f"category:{category}",
                "marker": {"symbol": "square", "size": 11, "color": colour},
                "hoverinfo": "skip",
                "customdata": [],
            }
        )
    return key
