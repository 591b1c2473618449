"""The exercises of notebook 01: reading the timeline. Answers are computed from the dataset."""

from __future__ import annotations

from .data import Dataset
from .exercises import RIGHT, AnswerBook, Feedback, NumberExercise, StateExercise
from .timeline import TimelineExplorer

FUTURE = frozenset({"anticipated", "hypothetical"})


def outside_dates_exercise(dataset: Dataset, book: AnswerBook) -> NumberExercise:
    return NumberExercise(
        "outside_dates",
        "How many events have a date that does not come from the article itself "
        "(it comes from an outside source, or was inferred)?",
        correct=int((dataset.events["date_basis"] != "article").sum()),
        hint_low="More than that. Use the 'Date from' list: keep only 'context' and 'inferred' and read the count.",
        hint_high="Fewer than that. Keep only 'context' and 'inferred' in the 'Date from' list and read the count.",
        book=book,
    )


def vague_dates_exercise(dataset: Dataset, book: AnswerBook) -> NumberExercise:
    return NumberExercise(
        "vague_dates",
        "How many events are dated only to a month or to a year (drawn as faint spans)?",
        correct=int(dataset.events["precision"].isin(["month", "year"]).sum()),
        hint_low="Look again: count every faint span, and check the 'precision' column of the table.",
        hint_high="Too many: ranges (solid bars) and ongoing bars are not month or year dates.",
        book=book,
    )


def future_events_exercise(app: TimelineExplorer, book: AnswerBook) -> StateExercise:
    present = FUTURE & set(app.dataset.events["status"])

    def check(filters) -> Feedback:
        if set(filters.statuses) == present and filters.categories == frozenset(app.categories.options):
            return Feedback(True, RIGHT + " These are the events the author could only expect or imagine.")
        if set(filters.statuses) - present:
            return Feedback(False, "Some of the statuses you kept describe things that had already happened.")
        return Feedback(False, "Use the 'Status' list (hold Ctrl or Shift to choose several) and keep every category.")

    return StateExercise(
        "future_events",
        "Set the filters so that the timeline shows only the events that were still to come, or only "
        "imagined, when the article was written. Then press 'Check my view'.",
        read_state=lambda: app.filters,
        check=check,
        book=book,
    )


def hindsight_exercise(app: TimelineExplorer, book: AnswerBook) -> StateExercise:
    with_outcome = set(app.dataset.events.loc[app.dataset.events["outcome"] != "", "event_id"])

    def check(state) -> Feedback:
        hindsight, event_id = state
        if not hindsight:
            return Feedback(False, "First tick 'Show what happened later (hindsight)'.")
        if event_id in with_outcome:
            return Feedback(True, RIGHT + " Its card now says what happened later, with the date and the source.")
        return Feedback(False, "Choose an event marked with a black star on the timeline: those have a known outcome.")

    return StateExercise(
        "hindsight_outcome",
        "Turn hindsight on, then choose (on the chart or in the list) an event whose outcome is known.",
        read_state=lambda: (app.hindsight.value, app.event_picker.value),
        check=check,
        book=book,
    )
