"""The timeline explorer: the article's events in time, with filters, a card, a table and a CSV.

The figure is :mod:`.figure`'s; here are its words — :func:`describe_timeline` (what a screen
reader reads), the count's note on context events, :func:`events_csv` — and
:class:`TimelineExplorer`, which wires the filters (:class:`~article_explorer.data.queries.TimelineFilters`)
to them. A context event (added by the coder to explain the article's words, not reported by
it) is framed in grey, the chart's form of the reader's mark □; "Show context events" hides them.
"""

from __future__ import annotations

from dataclasses import replace

import ipywidgets as widgets
import pandas as pd

from article_explorer.data.dataset import Dataset
from article_explorer.data.queries import filter_events
from article_explorer.explorers.base import Explorer
from article_explorer.explorers.timeline.figure import TimelineFilters, build_timeline_figure
from article_explorer.explorers.timeline.layout import date_words
from article_explorer.ui.cards import context_tag, event_card
from article_explorer.ui.controls import NO_CHOICE, choose_several, multi_select, replace_options
from article_explorer.ui.rendering import nothing_matches
from article_explorer.ui.theme import CATEGORY, CONTEXT, ORIGIN, STATUS, words_for

#: The table's columns: column -> heading.
TABLE_COLUMNS = {
    "date_in_words": "date",
    "precision": "precision",
    "headline": "event",
    "reported": "reported by",
    "category": "category",
    "status": "status",
    "date_basis": "date from",
}


def reported_by(origin: str) -> str:
    """An event's origin in the table's "reported by" column; a context event has its mark □.

    >>> reported_by("article"), reported_by("context")
    ('the article', '□ context (not the article)')
    """
    mark = f"{CONTEXT.glyph} " if origin == "context" else ""
    return mark + words_for(ORIGIN, origin)


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
            f"{CONTEXT.glyph} on cards): the coder added them; the article does not report them."
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


class TimelineExplorer(Explorer):
    """Filters, the timeline, the chosen event's card, a table and a CSV download."""

    def __init__(self, dataset: Dataset):
        events = dataset.events
        # an event with an open or unknown start is in its end's year (else it would be before the first)
        unknown_start_ends = events.loc[events["date_start"].isna(), "date_end"].dropna()
        years = sorted(
            {d.year for d in [*events["date_start"].dropna(), *unknown_start_ends]} | {dataset.published.year}
        )
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
        names = dataset.actor_names
        used_actors = sorted({a for ids in events["actor_ids"] for a in ids})
        self.actors = multi_select(
            "Actors", sorted(((names[a], a) for a in used_actors), key=lambda o: o[0].lower()), max_rows=4
        )
        self.categories = multi_select(
            "Categories", [(words_for(CATEGORY, c), c) for c in sorted(events["category"].unique())], max_rows=4
        )
        self.statuses = multi_select("Status", [s for s in STATUS if s in set(events["status"])])
        self.date_bases = multi_select("Date from", sorted(events["date_basis"].unique()))
        self.context = widgets.Checkbox(value=True, description="Show context events", indent=False)
        has_context = bool((events["origin"] == "context").any())  # without any, the box would do nothing
        self.event_picker = widgets.Dropdown(
            options=[("", NO_CHOICE)], description="Event", layout=widgets.Layout(width="100%")
        )
        # the frame comes after the controls: its first figure is the one they choose
        super().__init__(dataset, build_timeline_figure(dataset, self.filters))
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
        self.pick_on_click(self.event_picker)
        self.render()
        self.assemble(
            # compact, so that the controls and the chart fit one screen; rows wrap on a narrow one
            widgets.HBox(
                [self.lanes, self.first_year, self.last_year, self.hindsight] + ([self.context] if has_context else []),
                layout=widgets.Layout(flex_flow="row wrap"),
            ),
            widgets.HBox(
                [choose_several(c) for c in (self.actors, self.categories, self.statuses, self.date_bases)],
                layout=widgets.Layout(flex_flow="row wrap"),
            ),
            self.count,
            self.figure_box,
            self.description,
            self.event_picker,
            self.card,
            self.table,
            self.download,
        )

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
        self.show_count(len(shown), self.total, "events", count_note(*context_counts(self.dataset, shown, filters)))
        self.show_description(describe_timeline(self.dataset, shown, filters))
        options = [("— choose an event —", NO_CHOICE)] + [
            (f"{date_words(e['date'])} · {context_tag(e)}{e['headline'][:80]}", e["event_id"])
            for _, e in shown.iterrows()
        ]
        chosen = self.event_picker.value if self.event_picker.value in set(shown["event_id"]) else None
        if table:
            replace_options(self.event_picker, options, chosen)
        if figure:
            self.plot.show(build_timeline_figure(self.dataset, filters, chosen))
        self.figure_box.layout.display = "none" if shown.empty else None
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
            rows = shown.assign(date_in_words=shown["date"].map(date_words), reported=shown["origin"].map(reported_by))
            self.show_table(rows, TABLE_COLUMNS, "timeline-events.csv", events_csv(shown), "events")
