"""The timeline explorer: the article's events in time, drawn as exactly as their dates are.

Pure functions first — :func:`filter_events`, :func:`build_timeline_figure`,
:func:`describe_timeline` — then :class:`TimelineExplorer`, which wires the filters to them.

How a date is drawn: a day is a point; a range is a solid bar; a month or a year is a faint
span over the whole period; an ongoing process is a bar that runs on to the right edge; an
event whose end is unknown (a possibility the author raises) is a dotted line. Anticipated
and hypothetical events have hollow markers. A vertical line marks the article's date. A
context event (added by the coder to explain the article's words, not reported by it) is
framed in grey, the chart's form of the reader's mark □; "Show context events" hides them.
"""

from __future__ import annotations

from dataclasses import replace

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go
from IPython.display import display

from article_explorer.data.dataset import Dataset
from article_explorer.data.edtf import parse_edtf
from article_explorer.data.queries import TimelineFilters, filter_events
from article_explorer.explorers.timeline.layout import (
    CONTEXT_HOVER,
    LEGEND_TITLE,
    SLOT_STEP,
    STAR_COLOUR,
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
from article_explorer.ui import session
from article_explorer.ui.cards import context_tag, event_card
from article_explorer.ui.controls import NO_CHOICE, choose_several, multi_select, replace_options
from article_explorer.ui.plotview import plot_view
from article_explorer.ui.rendering import date_line, download_link, esc, html_table, nothing_matches, words
from article_explorer.ui.style import STYLE
from article_explorer.ui.theme import CONTEXT

LANES = ("category", "actor")
STATUS_SYMBOLS = {"past": "circle", "ongoing": "diamond", "anticipated": "circle-open", "hypothetical": "diamond-open"}
STYLE_OF_PRECISION = {
    "range": ("a range: solid bar", {"width": 9}, 1.0),
    "span": ("a month or a year: faint span", {"width": 14}, 0.25),
    "ongoing": ("ongoing: bar to the right edge", {"width": 9, "dash": "solid"}, 0.7),
    "open": ("end unknown: dotted line", {"width": 3, "dash": "dot"}, 0.8),
}
#: An event's origin, in the table's "reported by" column.
ORIGIN_WORDS = {"article": "the article", "context": f"{CONTEXT.glyph} context (not the article)"}
#: Category colours; no black, which vanishes on a dark theme.
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#882255", "#F0E442")


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


def build_timeline_figure(dataset: Dataset, filters: TimelineFilters, selected_event: str | None = None) -> go.Figure:
    """The timeline of the events that pass ``filters``; ``selected_event`` is ringed.

    Lanes are numbered from the top (their names are the tick labels); events of one lane at
    (nearly) the same date are spread a little up and down, so that every event shown can be
    seen; runs of empty years are cut out of the date axis, and marked."""
    events = filter_events(dataset, filters)
    published = pd.Timestamp(dataset.published)
    actor_names = dict(zip(dataset.actors["actor_id"], dataset.actors["name"], strict=True))
    sources = dict(zip(dataset.sources["source_id"], dataset.sources["title"], strict=True))
    later = events[events["outcome"] != ""] if filters.hindsight else events.iloc[:0]
    outcome_day = {e["event_id"]: pd.Timestamp(parse_edtf(e["outcome_date"]).earliest) for _, e in later.iterrows()}
    first = events["date_start"].min() if len(events) and events["date_start"].notna().any() else published
    left_edge = pd.Timestamp(first.year, 1, 1) - pd.Timedelta(days=60)
    right_edge = max(
        [published + pd.Timedelta(days=240)]
        + [d + pd.Timedelta(days=60) for d in events["date_end"].dropna()]
        + [d + pd.Timedelta(days=120) for d in outcome_day.values()]  # room for the last star
    )
    breaks = year_breaks([*events["date_start"], *events["date_end"], *outcome_day.values(), published])
    xaxis, break_shapes, break_labels = date_axis(left_edge, right_edge, breaks)
    near_days = visible_days(left_edge, right_edge, breaks) / 45
    lane_of = {e["event_id"]: _lanes_of(e, filters.lanes, actor_names) for _, e in events.iterrows()}
    lanes = sorted({lane for names in lane_of.values() for lane in names}, key=str.lower)
    row = {lane: i for i, lane in enumerate(lanes)}
    colour = {
        category: COLOURS[i % len(COLOURS)] for i, category in enumerate(sorted(dataset.events["category"].unique()))
    }
    # Every marker (an event in a lane, or its later outcome), spread within its lane.
    marks = [
        (e["event_id"], lane, _position(e, left_edge)) for _, e in events.iterrows() for lane in lane_of[e["event_id"]]
    ]
    stars = [(event_id, lane, day) for event_id, day in outcome_day.items() for lane in lane_of[event_id]]
    slots = spread_in_lanes([(row[lane], day) for _, lane, day in marks + stars], near_days)
    labels = [lane_label(lane) for lane in lanes]
    centres, lanes_tall = lane_centres(labels, [(row[m[1]], s) for m, s in zip(marks + stars, slots, strict=True)])
    y = [centres[row[lane]] + slot * SLOT_STEP for (_, lane, _), slot in zip(marks + stars, slots, strict=True)]
    at = {(e, lane): y_ for (e, lane, _), y_ in zip(marks, y, strict=False)}
    star_at = {(e, lane): y_ for (e, lane, _), y_ in zip(stars, y[len(marks) :], strict=True)}
    traces: list[dict] = []
    segments: dict[str, dict[str, list]] = {
        name: {"x": [], "y": [], "customdata": [], "text": []} for name in STYLE_OF_PRECISION
    }
    points: dict[str, dict[str, list]] = {}
    frames: dict[str, list] = {"x": [], "y": [], "customdata": [], "text": []}  # round context events
    for _, event in events.iterrows():
        shape = _shape_of(event)
        when = f"{esc(date_words(event['date']))} ({esc(event['precision'])}; {esc(event['status'])})"
        hover = f"{esc(event['headline'])}<br>{when}"
        if event["origin"] == "context":
            hover += f"<br>{esc(CONTEXT_HOVER)}"
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
            bucket = points.setdefault(event["status"], {"x": [], "y": [], "customdata": [], "text": [], "color": []})
            bucket["x"].append(start)
            bucket["y"].append(y_lane)
            bucket["customdata"].append(event["event_id"])
            bucket["text"].append(hover)
            bucket["color"].append(colour[event["category"]])
            if event["origin"] == "context":
                for key, value in (("x", start), ("y", y_lane), ("customdata", event["event_id"]), ("text", hover)):
                    frames[key].append(value)
    for name, segment in segments.items():
        if segment["x"]:
            label, line, opacity = STYLE_OF_PRECISION[name]
            traces.append(
                dict(
                    **segment,
                    type="scatter",
                    mode="lines",
                    name=label,
                    line={**line, "color": "#555"},
                    opacity=opacity,
                    hovertemplate="%{text}<extra></extra>",
                )
            )
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
                    "symbol": STATUS_SYMBOLS[status],
                    "size": 12,
                    "color": bucket["color"],
                    "line": {"width": 2, "color": bucket["color"]},
                },
                hovertemplate="%{text}<extra></extra>",
            )
        )
    if len(later):
        xs, ys, texts, ids = [], [], [], []
        for _, event in later.iterrows():
            source = sources.get(event["outcome_source_id"], "")
            for lane in lane_of[event["event_id"]]:
                xs.append(outcome_day[event["event_id"]])
                ys.append(star_at[event["event_id"], lane])
                texts.append(
                    f"Later ({esc(date_words(event['outcome_date']))}): {esc(event['outcome'])}"
                    f"<br>source: {esc(source)}"
                )
                ids.append(event["event_id"])
        traces.append(
            dict(
                type="scatter",
                x=xs,
                y=ys,
                customdata=ids,
                text=texts,
                mode="markers",
                name="what happened later (hindsight)",
                marker={"symbol": "star", "size": 16, "color": STAR_COLOUR, "line": {"width": 1, "color": "#2b0a4d"}},
                hovertemplate="%{text}<extra></extra>",
            )
        )
    if frames["x"]:
        traces.append(context_frame_trace(frames))
    shown_statuses = [s for s in STATUS_SYMBOLS if s in points]
    shown_categories = {c: colour[c] for c in sorted(set(events["category"]))}
    traces += legend_key(STATUS_SYMBOLS, shown_statuses, shown_categories)
    if selected_event is not None and selected_event in lane_of:
        chosen = events[events["event_id"] == selected_event].iloc[0]
        chosen_lanes = lane_of[selected_event]
        traces.append(
            dict(
                type="scatter",
                x=[_position(chosen, left_edge)] * len(chosen_lanes),
                y=[at[selected_event, lane] for lane in chosen_lanes],
                mode="markers",
                name="chosen event",
                marker={"symbol": "circle-open", "size": 24, "color": "#000", "line": {"width": 3}},
                hoverinfo="skip",
            )
        )
    line, label = date_line(published, f"the author writes here ({day_month_year(published)})")
    layout = dict(
        title={"text": "The article's events in time", "x": 0, "xanchor": "left", "font": {"size": 15}},
        template="none",
        height=round(max(240, 60 + 38 * lanes_tall)) + 150,  # the lanes, and the legend under them
        margin={"l": 10, "r": 16, "t": 40, "b": 10},
        xaxis=xaxis,
        yaxis={
            "tickvals": centres,
            "ticktext": labels,
            "range": [lanes_tall + 0.1, -0.55],  # the first lane on top, under the article date's label
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
        shapes=[line, *break_shapes],
        annotations=[label, *break_labels],
    )
    return go.Figure(data=traces, layout=layout, _validate=False)


def context_counts(dataset: Dataset, shown: pd.DataFrame, filters: TimelineFilters) -> tuple[int, int]:
    """(context events shown, context events that the other filters keep but "Show context
    events" hides)."""
    hidden = 0
    if not filters.context:
        hidden = int((filter_events(dataset, replace(filters, context=True))["origin"] == "context").sum())
    return int((shown["origin"] == "context").sum()), hidden


def context_sentence(shown: int, hidden: int) -> str:
    """How many context events are shown, or hidden, in a sentence (empty if none)."""
    if hidden:
        return f"{hidden} context event{'s are' if hidden != 1 else ' is'} hidden (tick “Show context events”)."
    if shown:
        return (
            f"{shown} of them {'are context events' if shown != 1 else 'is a context event'} (framed in grey, "
            "□ on cards): the coder added them; the article does not report them."
        )
    return ""


def count_note(shown: int, hidden: int) -> str:
    """The count line's short word on context events (empty if none)."""
    if hidden:
        return f" {hidden} context event{'s' if hidden != 1 else ''} hidden."
    return f" {shown} of them context (framed)." if shown else ""


def describe_timeline(dataset: Dataset, shown: pd.DataFrame, filters: TimelineFilters) -> str:
    """One sentence that says what the timeline shows, and one on its context events."""
    total = len(dataset.events)
    context = context_sentence(*context_counts(dataset, shown, filters))
    if shown.empty:
        return (
            f"No event matches these filters (0 of {total}). "
            "Widen the years or choose more actors, categories or statuses." + (f" {context}" if context else "")
        )
    by_status = shown["status"].value_counts()
    parts = ", ".join(f"{n} {status}" for status, n in by_status.items())
    starts = shown["date_start"].dropna()
    unknown = len(shown) - len(starts)
    span = f"starting between {starts.min():%Y} and {starts.max():%Y}" if len(starts) else "none with a known start"
    if len(starts) and unknown:
        span += f" ({unknown} with an unknown start)"
    text = (
        f"Showing {len(shown)} of {total} events ({parts}), {span}; "
        f"the article was written on {date_words(dataset.published.isoformat())}."
    )
    if context:
        text += f" {context}"
    if filters.hindsight:
        text += f" Hindsight is on: {int((shown['outcome'] != '').sum())} shown events have a known outcome."
    return text


def events_csv(shown: pd.DataFrame) -> str:
    """The shown events as CSV, lists joined with '|' as in the dataset; the EDTF date is kept as
    data, and also given in words."""
    columns = [
        "event_id",
        "date",
        "date_in_words",
        "precision",
        "date_basis",
        "origin",
        "headline",
        "category",
        "status",
        "actor_ids",
        "place_id",
        "quote",
        "outcome",
    ]
    out = shown.assign(date_in_words=shown["date"].map(date_words))[columns].copy()
    out["actor_ids"] = out["actor_ids"].map("|".join)
    return out.to_csv(index=False, lineterminator="\n")


class TimelineExplorer:
    """Filters, the timeline, the chosen event's card, a table and a CSV download."""

    def __init__(self, dataset: Dataset):
        self.dataset = dataset
        events = dataset.events
        years = sorted({d.year for d in events["date_start"].dropna()} | {dataset.published.year})
        self.total = len(events)
        self.lanes = widgets.ToggleButtons(
            options=[("by category", "category"), ("by actor", "actor")], description="Lanes"
        )
        self.lanes.style.description_width = "initial"
        self.lanes.style.button_width = "7.5em"
        self.hindsight = widgets.Checkbox(value=False, description="Show what happened later (hindsight)", indent=False)
        compact = dict(layout=widgets.Layout(width="8.5em"), style={"description_width": "initial"})
        self.first_year = widgets.Dropdown(options=years, value=years[0], description="From", **compact)
        self.last_year = widgets.Dropdown(options=years, value=years[-1], description="To", **compact)
        used_actors = sorted({a for ids in events["actor_ids"] for a in ids})
        names = dict(zip(dataset.actors["actor_id"], dataset.actors["name"], strict=True))
        self.actors = multi_select(
            "Actors", sorted(((names[a], a) for a in used_actors), key=lambda o: o[0].lower()), max_rows=4
        )
        self.categories = multi_select(
            "Categories", [(words(c), c) for c in sorted(events["category"].unique())], max_rows=4
        )
        self.statuses = multi_select("Status", [s for s in STATUS_SYMBOLS if s in set(events["status"])])
        self.date_bases = multi_select("Date from", sorted(events["date_basis"].unique()))
        self.context = widgets.Checkbox(value=True, description="Show context events", indent=False)
        has_context = bool((events["origin"] == "context").any())  # without any, the box would do nothing
        self.event_picker = widgets.Dropdown(
            options=[("", NO_CHOICE)], description="Event", layout=widgets.Layout(width="100%")
        )
        self.count = widgets.HTML()
        self.card = widgets.HTML()
        self.table = widgets.HTML(layout=widgets.Layout(max_height="300px", overflow="auto"), tabbable=True)
        self.description = widgets.HTML()
        self.download = widgets.HTML()
        self.plot, self._figure_box = plot_view(build_timeline_figure(dataset, self.filters))
        controls = [
            self.lanes,
            self.hindsight,
            self.first_year,
            self.last_year,
            self.actors,
            self.categories,
            self.statuses,
            self.date_bases,
            self.context,
        ]
        for control in controls:
            control.observe(lambda _: self.render(), names="value")
        self.event_picker.observe(lambda _: self.render(figure=True, table=False), names="value")
        self.plot.observe(self._on_click, names="clicked")
        self.widget = widgets.VBox(
            [
                widgets.HTML(STYLE),
                # compact, so that the controls and the chart fit one screen; rows wrap on a narrow one
                widgets.HBox(
                    [self.lanes, self.first_year, self.last_year, self.hindsight]
                    + ([self.context] if has_context else []),
                    layout=widgets.Layout(flex_flow="row wrap"),
                ),
                widgets.HBox(
                    [choose_several(c) for c in (self.actors, self.categories, self.statuses, self.date_bases)],
                    layout=widgets.Layout(flex_flow="row wrap"),
                ),
                self.count,
                self._figure_box,
                self.description,
                self.event_picker,
                self.card,
                self.table,
                self.download,
            ]
        )
        self.render()
        self.widget.add_class("ae-explorer")
        session.register(self)

    @property
    def filters(self) -> TimelineFilters:
        return TimelineFilters(
            first_year=self.first_year.value,
            last_year=self.last_year.value,
            actors=frozenset(self.actors.value),
            categories=frozenset(self.categories.value),
            statuses=frozenset(self.statuses.value),
            date_bases=frozenset(self.date_bases.value),
            lanes=self.lanes.value,
            hindsight=self.hindsight.value,
            context=self.context.value,
        )

    def render(self, figure: bool = True, table: bool = True) -> None:
        filters = self.filters
        shown = filter_events(self.dataset, filters)
        note = count_note(*context_counts(self.dataset, shown, filters))
        self.count.value = f"<p><b>{len(shown)} of {self.total} events shown.</b>{esc(note)}</p>"
        self.description.value = f"<p class='ae-description'>{esc(describe_timeline(self.dataset, shown, filters))}</p>"
        options = [("— choose an event —", NO_CHOICE)] + [
            (f"{date_words(e['date'])} · {context_tag(e)}{e['headline'][:80]}", e["event_id"])
            for _, e in shown.iterrows()
        ]
        chosen = self.event_picker.value if self.event_picker.value in set(shown["event_id"]) else None
        if table:
            replace_options(self.event_picker, options, chosen)
        if figure:
            self.plot.show(build_timeline_figure(self.dataset, filters, chosen))
        self._figure_box.layout.display = "none" if shown.empty else None
        if shown.empty:
            self.card.value = nothing_matches(describe_timeline(self.dataset, shown, filters))
        elif chosen is None:
            self.card.value = nothing_matches(
                "Click an event on the timeline, or choose one in the list, to see its card."
            )
        else:
            event = shown[shown["event_id"] == chosen].iloc[0]
            self.card.value = event_card(self.dataset, event, detailed=True, hindsight=filters.hindsight)
        if table:
            self.table.value = (
                html_table(
                    shown.assign(
                        date_in_words=shown["date"].map(date_words),
                        reported=shown["origin"].map(lambda o: ORIGIN_WORDS.get(o, o)),
                    ),
                    {
                        "date_in_words": "date",
                        "precision": "precision",
                        "headline": "event",
                        "reported": "reported by",
                        "category": "category",
                        "status": "status",
                        "date_basis": "date from",
                    },
                )
                if len(shown)
                else ""
            )
            self.download.value = download_link(
                "timeline-events.csv", events_csv(shown), f"Download these {len(shown)} events as CSV"
            )

    def _on_click(self, change) -> None:
        event_id = (change["new"] or {}).get("customdata")
        if event_id in {value for _, value in self.event_picker.options}:
            self.event_picker.value = event_id

    def _ipython_display_(self) -> None:
        display(self.widget)
