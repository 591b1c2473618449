"""The exercises of notebook 01: reading the timeline. Answers are computed from the dataset.

Each function can be called with no arguments from a notebook cell: it takes the session's dataset
(:mod:`article_explorer.ui.session`) and answer book (:func:`.base.answer_book`), and a state
exercise checks the newest timeline.
"""

from __future__ import annotations

from article_explorer.data.dataset import Dataset
from article_explorer.exercises.base import RIGHT, AnswerBook, Feedback, NumberExercise, StateExercise, answer_book
from article_explorer.explorers.timeline.explorer import TimelineExplorer
from article_explorer.explorers.timeline.figure import TimelineFilters
from article_explorer.ui import session
from article_explorer.ui.unavailable import needs_dataset

NOTEBOOK = "01_timeline"
FUTURE = frozenset({"anticipated", "hypothetical"})


@needs_dataset
def outside_dates_exercise(dataset: Dataset | None = None, book: AnswerBook | None = None) -> NumberExercise:
    dataset = session.dataset() if dataset is None else dataset
    return NumberExercise(
        "outside_dates",
        "How many events have a date that does not come from the article itself "
        "(it comes from an outside source, or was inferred)?",
        correct=int((dataset.events["date_basis"] != "article").sum()),
        hint_low="More than that. Use the 'Date from' list: keep only 'context' and 'inferred' and read the count "
        "(with every event shown, context events too).",
        hint_high="Fewer than that. Keep only 'context' and 'inferred' in the 'Date from' list and read the count.",
        book=book or answer_book(NOTEBOOK),
    )


@needs_dataset
def vague_dates_exercise(dataset: Dataset | None = None, book: AnswerBook | None = None) -> NumberExercise:
    dataset = session.dataset() if dataset is None else dataset
    return NumberExercise(
        "vague_dates",
        "How many events are dated only to a month or to a year (drawn as faint spans)?",
        correct=int(dataset.events["precision"].isin(["month", "year"]).sum()),
        hint_low="Look again: count every faint span, and check the 'precision' column of the table "
        "(with 'Show context events' ticked: they count too).",
        hint_high="Too many: ranges (solid bars) and ongoing bars are not month or year dates.",
        book=book or answer_book(NOTEBOOK),
    )


def describe_filters(filters: TimelineFilters) -> str:
    """The part of the timeline's state that the future-events exercise checks, in words."""
    statuses = ", ".join(sorted(filters.statuses or ())) or "none"
    return f"statuses kept: {statuses}; categories kept: {len(filters.categories or ())}"


@needs_dataset
def future_events_exercise(app: TimelineExplorer | None = None, book: AnswerBook | None = None) -> StateExercise:
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
    return exercise


@needs_dataset
def hindsight_exercise(app: TimelineExplorer | None = None, book: AnswerBook | None = None) -> StateExercise:
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
    return exercise
