"""The exercises of notebook 01: reading the timeline. Answers are computed from the dataset.

Each function can be called with no arguments from a notebook cell: it takes the session's dataset
(:mod:`article_explorer.ui.session`) and answer book (:func:`.base.answer_book`), and a state
exercise checks the newest timeline.
"""

from __future__ import annotations

from article_explorer.data.dataset import Dataset
from article_explorer.exercises.base import (
    RIGHT,
    AnswerBook,
    Feedback,
    NotPosed,
    NumberExercise,
    StateExercise,
    answer_book,
    listed,
    plural,
    quoted,
)
from article_explorer.explorers.timeline.explorer import TimelineExplorer
from article_explorer.explorers.timeline.figure import TimelineFilters
from article_explorer.ui import session
from article_explorer.ui.unavailable import needs_dataset

NOTEBOOK = "01_timeline"
FUTURE = frozenset({"anticipated", "hypothetical"})


@needs_dataset
def outside_dates_exercise(dataset: Dataset | None = None, book: AnswerBook | None = None) -> NumberExercise:
    dataset = session.dataset() if dataset is None else dataset
    events = dataset.events
    outside = int((events["date_basis"] != "article").sum())
    own = events.loc[events["date_basis"] == "article", "headline"]
    return NumberExercise(
        "outside_dates",
        "How many events have a date that does not come from the article itself "
        "(it comes from an outside source, or was inferred)?",
        correct=outside,
        hint_low="More than that. Use the 'Date from' list: keep only 'context' and 'inferred' and read the count "
        "(with every event shown, context events too).",
        hint_high="Fewer than that. Keep only 'context' and 'inferred' in the 'Date from' list and read the count.",
        book=book or answer_book(NOTEBOOK),
    ).with_solution(
        "In 'Date from', keep only 'context' and 'inferred' (click one, Ctrl+click the other), tick 'Show "
        "context events', and read the count above the chart.",
        f"In this dataset {outside} of {len(events)} events are dated from outside the article. "
        + (
            f"The {plural(len(own), 'event')} dated by the article itself: {listed(quoted(own))}."
            if len(own)
            else "The article itself dates none of them."
        ),
        "A date from context is not the same as a context event: an event the article reports can still take "
        "its exact date from an outside source.",
    )


@needs_dataset
def vague_dates_exercise(dataset: Dataset | None = None, book: AnswerBook | None = None) -> NumberExercise:
    dataset = session.dataset() if dataset is None else dataset
    vague = dataset.events[dataset.events["precision"].isin(["month", "year"])]
    context = int((vague["origin"] == "context").sum()) if "origin" in vague else 0
    return NumberExercise(
        "vague_dates",
        "How many events are dated only to a month or to a year (drawn as faint spans)?",
        correct=len(vague),
        hint_low="Look again: count every faint span, and check the 'precision' column of the table "
        "(with 'Show context events' ticked: they count too).",
        hint_high="Too many: ranges (solid bars) and ongoing bars are not month or year dates.",
        book=book or answer_book(NOTEBOOK),
    ).with_solution(
        "Faint spans are events whose date is a month or a year; the table's 'precision' column says 'month' "
        "or 'year'. Keep 'Show context events' ticked: they count too.",
        f"In this dataset: {plural(len(vague), 'event')}"
        + (f" ({listed(quoted(vague['headline']))})" if len(vague) else "")
        + (f", {context} of them context events (framed)." if context else "."),
    )


def describe_filters(filters: TimelineFilters) -> str:
    """The part of the timeline's state that the future-events exercise checks, in words."""
    statuses = ", ".join(sorted(filters.statuses or ())) or "none"
    return f"statuses kept: {statuses}; categories kept: {len(filters.categories or ())}"


@needs_dataset
def future_events_exercise(
    app: TimelineExplorer | None = None, book: AnswerBook | None = None
) -> StateExercise | NotPosed:
    events = (app.dataset if app is not None else session.dataset()).events
    if not events["status"].isin(FUTURE).any():  # no view would show "only the events still to come"
        return NotPosed("future_events", "none of its events was still to come, or only imagined, then")

    def check(filters: TimelineFilters) -> Feedback:
        explorer = exercise.explorer
        present = FUTURE & set(explorer.dataset.events["status"])
        if set(filters.statuses) == present and filters.categories == frozenset(explorer.dataset.events["category"]):
            return Feedback(True, RIGHT + " These are the events the author could only expect or imagine.")
        if set(filters.statuses) - present:
            return Feedback(False, "Some of the statuses you kept describe things that had already happened.")
        return Feedback(False, "Use the 'Status' list (hold Ctrl or ⌘ to choose several) and keep every category.")

    exercise = StateExercise(
        "future_events",
        "Set the filters so that the timeline shows only the events that were still to come, or only "
        "imagined, when the article was written. Then press 'Check my view'.",
        TimelineExplorer,
        read_state=lambda explorer: explorer.filters,
        check=check,
        describe=describe_filters,
        controls=lambda explorer: [explorer.statuses],
        explorer=app,
        what="the timeline",
        book=book or answer_book(NOTEBOOK),
    )
    future = events[events["status"].isin(FUTURE)]
    kept = listed(sorted(FUTURE & set(events["status"])))
    return exercise.with_solution(
        f"In 'Status', keep only {kept} (click one, Ctrl+click the others) and leave every category selected.",
        f"The chart then shows {plural(len(future), 'event')}"
        + (f": {listed(quoted(future['headline']))}." if len(future) else "."),
    )


@needs_dataset
def hindsight_exercise(app: TimelineExplorer | None = None, book: AnswerBook | None = None) -> StateExercise | NotPosed:
    events = (app.dataset if app is not None else session.dataset()).events
    if not (events["outcome"] != "").any():  # no event would be right
        return NotPosed("hindsight_outcome", "it records no outcome of an event (what happened later)")

    def headline(event_id: str) -> str:
        events = exercise.explorer.dataset.events
        match = events.loc[events["event_id"] == event_id, "headline"]
        return match.iloc[0] if len(match) else "none"

    def check(state) -> Feedback:
        hindsight, event_id = state
        events = exercise.explorer.dataset.events
        if not hindsight:
            return Feedback(False, "First tick 'Show what happened later (hindsight)'.")
        if event_id in set(events.loc[events["outcome"] != "", "event_id"]):
            return Feedback(True, RIGHT + " Its card now says what happened later, with the date and the source.")
        return Feedback(False, "Choose an event marked with a star on the timeline: those have a known outcome.")

    exercise = StateExercise(
        "hindsight_outcome",
        "Turn hindsight on, then choose (on the chart or in the list) an event whose outcome is known.",
        TimelineExplorer,
        read_state=lambda explorer: (explorer.hindsight.value, explorer.event_picker.value),
        check=check,
        describe=lambda state: f"hindsight {'on' if state[0] else 'off'}; event chosen: {headline(state[1])}",
        controls=lambda explorer: [explorer.hindsight, explorer.event_picker],
        explorer=app,
        what="the timeline",
        book=book or answer_book(NOTEBOOK),
    )
    known = list(events.loc[events["outcome"] != "", "headline"])
    return exercise.with_solution(
        "Tick 'Show what happened later (hindsight)': stars appear at the dates of known outcomes. Click the "
        "event before a star, or choose it in the list; its card says what happened, with its source.",
        f"Any of these is right: {listed(quoted(known), 'or')}." if known else "This dataset records no outcome.",
    )
