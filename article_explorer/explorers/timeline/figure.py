"""The timeline's figure: the events that pass the filters, in lanes on a date axis, drawn as
exactly as their dates are.

How a date is drawn: a day is a point; a range is a solid bar; a month or a year is a faint
span over the whole period; an ongoing process is a bar that runs on to the right edge; an
event whose end is unknown (a possibility the author raises) is a dotted line. A marker's
shape is the event's status (:data:`article_explorer.ui.theme.STATUS`: hollow for what may
happen), its colour the category's (:data:`article_explorer.ui.theme.CATEGORY`, fixed for each
category whichever others a dataset has). A vertical line marks the article's date. A context
event is framed in grey; hindsight adds a star where each known outcome happened.

Where the marks go (lanes, slots, the axis and its cuts, the key) is :mod:`.layout`'s work.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from article_explorer.data.dataset import Dataset
from article_explorer.data.edtf import parse_edtf
from article_explorer.data.queries import EventFilters, filter_events
from article_explorer.explorers.timeline.layout import (
    CONTEXT_HOVER,
    LEGEND_TITLE,
    SLOT_STEP,
    context_frame_trace,
    date_axis,
    date_words,
    day_month_year,
    lane_centres,
    lane_label,
    legend_key,
    spread_in_lanes,
    visible_days,
    year_breaks,
)
from article_explorer.ui.rendering import date_line, esc
from article_explorer.ui.theme import CATEGORY, HINDSIGHT_COLOUR, NEUTRAL, STATUS

#: How each kind of dated period is drawn: (legend entry, line, opacity).
STYLE_OF_PRECISION = {
    "range": ("a range: solid bar", {"width": 9}, 1.0),
    "span": ("a month or a year: faint span", {"width": 14}, 0.25),
    "ongoing": ("ongoing: bar to the right edge", {"width": 9, "dash": "solid"}, 0.7),
    "open": ("end unknown: dotted line", {"width": 3, "dash": "dot"}, 0.8),
}
#: The dark outline that makes a hindsight star stand out from the markers.
STAR_LINE = "#2b0a4d"
HOVER = "%{text}<extra></extra>"


@dataclass(frozen=True)
class TimelineFilters(EventFilters):
    """Which events the timeline shows (:class:`~article_explorer.data.queries.EventFilters`), and how:
    in lanes by ``category`` or by ``actor``, and with what happened later (``hindsight``) or not."""

    lanes: str = "category"
    hindsight: bool = False


def category_colour(category: str) -> str:
    """A category's colour, the same in every dataset; grey for a category the theme does not know."""
    look = CATEGORY.get(category)
    return look.colour if look else NEUTRAL


def _shape_of(event: pd.Series) -> str:
    if event["precision"] == "day":
        return "point"
    if event["precision"] in ("month", "year"):
        return "span"
    if event["precision"] == "ongoing":
        return "ongoing"
    return "open" if pd.isna(event["date_end"]) else "range"


def _lanes_of(event: pd.Series, lanes: str, actor_names: dict[str, str]) -> list[str]:
    if lanes == "actor":
        return [actor_names[a] for a in event["actor_ids"]]
    return [event["category"]]


def _position(event: pd.Series, left_edge: pd.Timestamp) -> pd.Timestamp:
    return event["date_start"] if pd.notna(event["date_start"]) else left_edge


def _hover(event: pd.Series) -> str:
    when = f"{esc(date_words(event['date']))} ({esc(event['precision'])}; {esc(event['status'])})"
    hover = f"{esc(event['headline'])}<br>{when}"
    return hover + f"<br>{esc(CONTEXT_HOVER)}" if event["origin"] == "context" else hover


@dataclass(frozen=True)
class Placement:
    """Where the marks go: each lane's label and height from the top, the lanes' total height,
    and the height of each (event, lane)'s marker and of its hindsight star."""

    labels: list[str]
    centres: list[float]
    tall: float
    at: dict[tuple[str, str], float]
    star_at: dict[tuple[str, str], float]


def place_marks(
    events: pd.DataFrame,
    lane_of: dict[str, list[str]],
    outcome_day: dict[str, pd.Timestamp],
    left_edge: pd.Timestamp,
    near_days: float,
) -> Placement:
    """Lanes numbered from the top (sorted by name); the markers of one lane at (nearly) the same
    date spread a little up and down, stars too, so that every one can be seen."""
    lanes = sorted({lane for names in lane_of.values() for lane in names}, key=str.lower)
    row = {lane: i for i, lane in enumerate(lanes)}
    marks = [
        (e["event_id"], lane, _position(e, left_edge)) for _, e in events.iterrows() for lane in lane_of[e["event_id"]]
    ]
    stars = [(event_id, lane, day) for event_id, day in outcome_day.items() for lane in lane_of[event_id]]
    slots = spread_in_lanes([(row[lane], day) for _, lane, day in marks + stars], near_days)
    labels = [lane_label(lane) for lane in lanes]
    centres, tall = lane_centres(labels, [(row[m[1]], s) for m, s in zip(marks + stars, slots, strict=True)])
    y = [centres[row[lane]] + slot * SLOT_STEP for (_, lane, _), slot in zip(marks + stars, slots, strict=True)]
    at = {(e, lane): y_ for (e, lane, _), y_ in zip(marks, y[: len(marks)], strict=True)}
    star_at = {(e, lane): y_ for (e, lane, _), y_ in zip(stars, y[len(marks) :], strict=True)}
    return Placement(labels, centres, tall, at, star_at)


def _columns() -> dict[str, list]:
    return {"x": [], "y": [], "customdata": [], "text": []}


def event_traces(
    events: pd.DataFrame,
    lane_of: dict[str, list[str]],
    at: dict[tuple[str, str], float],
    edges: tuple[pd.Timestamp, pd.Timestamp],
) -> tuple[list[dict], list[str], dict[str, list]]:
    """The periods' bars and lines (a trace per kind), the markers (a trace per status), the
    statuses drawn, and the x, y, ids and hovers of the context events (for their frames)."""
    left_edge, right_edge = edges
    segments = {name: _columns() for name in STYLE_OF_PRECISION}
    points: dict[str, dict[str, list]] = {}
    frames = _columns()
    for _, event in events.iterrows():
        shape, hover = _shape_of(event), _hover(event)
        start = _position(event, left_edge)
        end = event["date_end"] if pd.notna(event["date_end"]) else right_edge
        for lane in lane_of[event["event_id"]]:
            y_lane = at[event["event_id"], lane]
            if shape != "point":
                segment = segments[shape]
                segment["x"] += [start, end, None]
                segment["y"] += [y_lane, y_lane, None]
                segment["customdata"] += [event["event_id"]] * 3
                segment["text"] += [hover] * 3
            bucket = points.setdefault(event["status"], {**_columns(), "color": []})
            targets = [bucket, frames] if event["origin"] == "context" else [bucket]
            for columns in targets:
                for key, value in (("x", start), ("y", y_lane), ("customdata", event["event_id"]), ("text", hover)):
                    columns[key].append(value)
            bucket["color"].append(category_colour(event["category"]))
    traces = [
        dict(
            **segment,
            type="scatter",
            mode="lines",
            name=STYLE_OF_PRECISION[name][0],
            line={**STYLE_OF_PRECISION[name][1], "color": "#555"},
            opacity=STYLE_OF_PRECISION[name][2],
            hovertemplate=HOVER,
        )
        for name, segment in segments.items()
        if segment["x"]
    ]
    for status, bucket in points.items():
        traces.append(
            dict(
                **{k: v for k, v in bucket.items() if k != "color"},
                type="scatter",
                mode="markers",
                name=f"{status} (as seen on the article's date)",
                legendgroup=f"status:{status}",
                showlegend=False,  # the key below shows its shape in grey: the colour is the category's
                marker={
                    "symbol": STATUS[status].symbol,
                    "size": 12,
                    "color": bucket["color"],
                    "line": {"width": 2, "color": bucket["color"]},
                },
                hovertemplate=HOVER,
            )
        )
    return traces, list(points), frames


def outcome_trace(
    dataset: Dataset,
    later: pd.DataFrame,
    lane_of: dict[str, list[str]],
    outcome_day: dict[str, pd.Timestamp],
    star_at: dict[tuple[str, str], float],
) -> dict:
    """A star where each later outcome happened, in each of its event's lanes, with its source."""
    stars = _columns()
    for _, event in later.iterrows():
        source = dataset.sources_by_id.get(event["outcome_source_id"], {}).get("title", "")
        for lane in lane_of[event["event_id"]]:
            stars["x"].append(outcome_day[event["event_id"]])
            stars["y"].append(star_at[event["event_id"], lane])
            stars["customdata"].append(event["event_id"])
            stars["text"].append(
                f"Later ({esc(date_words(event['outcome_date']))}): {esc(event['outcome'])}<br>source: {esc(source)}"
            )
    return dict(
        type="scatter",
        **stars,
        mode="markers",
        name="what happened later (hindsight)",
        marker={
            "symbol": "star",
            "size": 16,
            "color": HINDSIGHT_COLOUR,
            "line": {"width": 1, "color": STAR_LINE},
        },
        hovertemplate=HOVER,
    )


def figure_layout(placement: Placement, xaxis: dict, published: pd.Timestamp, shapes: list, annotations: list) -> dict:
    """The title, the axes (lane names as the y ticks), the legend under the plot and the
    article's date line."""
    line, label = date_line(published, f"the author writes here ({day_month_year(published)})")
    return dict(
        title={"text": "The article's events in time", "x": 0, "xanchor": "left", "font": {"size": 15}},
        template="none",
        height=round(max(240, 60 + 38 * placement.tall)) + 150,  # the lanes, and the legend under them
        margin={"l": 10, "r": 16, "t": 40, "b": 10},
        xaxis=xaxis,
        yaxis={
            "tickvals": placement.centres,
            "ticktext": placement.labels,
            "range": [placement.tall + 0.1, -0.55],  # the first lane on top, under the article date's label
            "automargin": True,  # long lane names push the plot right, never off the left edge
            "showgrid": True,
            "zeroline": False,
            "title": {"text": ""},
        },
        legend={
            "orientation": "h",  # under the plot: on a narrow screen the plot keeps its width
            "x": 0,
            "xanchor": "left",
            "xref": "container",
            "y": 0,
            "yanchor": "bottom",
            "yref": "container",  # at the bottom of the figure, under the axis; the plot makes room
            "font": {"size": 11},
            "title": {"text": LEGEND_TITLE, "side": "top"},
        },
        shapes=[line, *shapes],
        annotations=[label, *annotations],
    )


#: The axis never reaches past the calendar an EDTF date can name (years 0001 to 9999).
FIRST_DAY, LAST_DAY = pd.Timestamp(1, 1, 1), pd.Timestamp(9999, 12, 31)


def known_day(date: str) -> pd.Timestamp:
    """The day an outcome's star stands at: the first day of its EDTF date, or the last one when
    its start is open or unknown (``../2017``)."""
    edtf = parse_edtf(date)
    return pd.Timestamp(edtf.earliest or edtf.latest)


def build_timeline_figure(dataset: Dataset, filters: TimelineFilters, selected_event: str | None = None) -> go.Figure:
    """The timeline of the events that pass ``filters``; ``selected_event`` is ringed.

    Lanes are numbered from the top (their names are the tick labels); events of one lane at
    (nearly) the same date are spread a little up and down, so that every event shown can be
    seen; runs of empty years are cut out of the date axis, and marked."""
    events = filter_events(dataset, filters)
    published = pd.Timestamp(dataset.published)
    later = events[events["outcome"] != ""] if filters.hindsight else events.iloc[:0]
    outcome_day = {e["event_id"]: known_day(e["outcome_date"]) for _, e in later.iterrows()}
    first = events["date_start"].min() if len(events) and events["date_start"].notna().any() else published
    left_edge = max(pd.Timestamp(first.year, 1, 1) - pd.Timedelta(days=60), FIRST_DAY)
    right_edge = min(
        max(
            [published + pd.Timedelta(days=240)]
            + [d + pd.Timedelta(days=60) for d in events["date_end"].dropna()]
            + [d + pd.Timedelta(days=120) for d in outcome_day.values()]  # room for the last star
        ),
        LAST_DAY,
    )
    breaks = year_breaks([*events["date_start"], *events["date_end"], *outcome_day.values(), published])
    xaxis, break_shapes, break_labels = date_axis(left_edge, right_edge, breaks)
    near_days = visible_days(left_edge, right_edge, breaks) / 45
    lane_of = {e["event_id"]: _lanes_of(e, filters.lanes, dataset.actor_names) for _, e in events.iterrows()}
    placement = place_marks(events, lane_of, outcome_day, left_edge, near_days)
    traces, statuses, frames = event_traces(events, lane_of, placement.at, (left_edge, right_edge))
    if len(later):
        traces.append(outcome_trace(dataset, later, lane_of, outcome_day, placement.star_at))
    if frames["x"]:
        traces.append(context_frame_trace(frames))
    shown_statuses = [s for s in STATUS if s in statuses]
    traces += legend_key(shown_statuses, {c: category_colour(c) for c in sorted(set(events["category"]))})
    if selected_event is not None and selected_event in lane_of:
        chosen = events[events["event_id"] == selected_event].iloc[0]
        chosen_lanes = lane_of[selected_event]
        traces.append(
            dict(
                type="scatter",
                x=[_position(chosen, left_edge)] * len(chosen_lanes),
                y=[placement.at[selected_event, lane] for lane in chosen_lanes],
                mode="markers",
                name="chosen event",
                marker={"symbol": "circle-open", "size": 24, "color": "#000", "line": {"width": 3}},
                hoverinfo="skip",
            )
        )
    layout = figure_layout(placement, xaxis, published, break_shapes, break_labels)
    return go.Figure(data=traces, layout=layout, _validate=False)
