"""The timeline: pure figure builder and filters tested without a browser, and the app's states."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from article_explorer import load_dataset
from article_explorer.config import DEFAULT_DATA_DIR, PROJECT_ROOT
from article_explorer.exercises import AnswerBook
from article_explorer.timeline import (
    TimelineExplorer,
    TimelineFilters,
    article_date,
    build_timeline_figure,
    describe_timeline,
    events_csv,
    filter_events,
)
from article_explorer.timeline_exercises import future_events_exercise, hindsight_exercise

DATASETS = {"article": DEFAULT_DATA_DIR, "other_article": PROJECT_ROOT / "tests" / "data" / "other_article"}


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DEFAULT_DATA_DIR)


def trace(figure, name_start):
    return [t for t in figure.data if (t.name or "").startswith(name_start)]


def test_filters_pick_the_right_events(dataset):
    everything = filter_events(dataset, TimelineFilters())
    assert len(everything) == len(dataset.events)
    in_2013 = filter_events(dataset, TimelineFilters(first_year=2013, last_year=2013))
    assert set(in_2013["event_id"]) == {
        "airbase_plan_announced_2013",
        "russian_fighters_lida_2013",
        "russian_fighters_baranovichi_2013",
    }
    ongoing_from_2014 = filter_events(dataset, TimelineFilters(first_year=2020, last_year=2020))
    assert {"ukraine_hostilities", "russia_syria_intervention"} <= set(ongoing_from_2014["event_id"])
    by_turkey = filter_events(dataset, TimelineFilters(actors=frozenset({"tur"})))
    assert list(by_turkey["event_id"]) == ["su24_shootdown"]
    future = filter_events(dataset, TimelineFilters(statuses=frozenset({"anticipated"})))
    assert list(future["event_id"]) == ["warsaw_summit_2016"]
    assert filter_events(dataset, TimelineFilters(categories=frozenset())).empty


def test_each_precision_has_its_own_drawing(dataset):
    figure = build_timeline_figure(dataset, TimelineFilters())
    ranges = trace(figure, "a range")[0]
    assert "carpenter_visit" in ranges.customdata
    spans = trace(figure, "a month or a year")[0]
    assert set(spans.customdata) - {None} == {"russian_fighters_lida_2013"}
    ongoing = trace(figure, "ongoing")[0]
    assert {"ukraine_hostilities", "displaced_ukrainians_in_belarus"} <= set(ongoing.customdata)
    open_ended = trace(figure, "end unknown")[0]
    assert "land_forces_base_proposal" in open_ended.customdata
    assert trace(figure, "anticipated")[0].marker.symbol == "circle-open"
    assert trace(figure, "past")[0].marker.symbol == "circle"
    day = trace(figure, "past")[0]
    index = list(day.customdata).index("supreme_state_council_2016")
    assert pd.Timestamp(day.x[index]) == pd.Timestamp("2016-02-25")


def test_the_publication_line_marks_the_article_date(dataset):
    figure = build_timeline_figure(dataset, TimelineFilters())
    (line,) = figure.layout.shapes
    assert pd.Timestamp(line.x0) == pd.Timestamp(article_date(dataset)) == pd.Timestamp("2016-03-30")
    assert "the author writes here" in figure.layout.annotations[0].text


def test_hindsight_shows_outcomes_only_when_on(dataset):
    assert trace(build_timeline_figure(dataset, TimelineFilters(hindsight=False)), "what happened later") == []
    (later,) = trace(build_timeline_figure(dataset, TimelineFilters(hindsight=True)), "what happened later")
    assert set(later.customdata) == {"attache_offer", "warsaw_summit_2016", "land_forces_base_proposal"}
    warsaw = list(later.customdata).index("warsaw_summit_2016")
    assert pd.Timestamp(later.x[warsaw]) == pd.Timestamp("2016-07-08")
    assert "source: Warsaw Summit Communiqué" in later.text[warsaw]


def test_the_card_keeps_the_outcome_back_until_hindsight_is_on(dataset):
    app = TimelineExplorer(dataset)
    app.event_picker.value = "warsaw_summit_2016"
    assert "Later:" not in app.card.value
    app.hindsight.value = True
    assert "Later:" in app.card.value and "enhanced forward presence" in app.card.value


def test_lanes_by_actor_put_an_event_in_each_actors_lane(dataset):
    figure = build_timeline_figure(dataset, TimelineFilters(lanes="actor", actors=frozenset({"tur"})))
    lanes = {y for t in figure.data for y in (t.y or []) if y is not None}
    assert lanes == {"Turkey", "Russia"}


def test_text_in_hovers_is_escaped(hostile_dataset):
    figure = build_timeline_figure(load_dataset(hostile_dataset.path), TimelineFilters())
    hovers = " ".join(str(t.text) for t in figure.data)
    assert "<script" not in hovers and "&lt;script&gt;" in hovers


def test_description_and_csv_follow_the_filters(dataset):
    shown = filter_events(dataset, TimelineFilters(first_year=2013, last_year=2013))
    assert describe_timeline(dataset, shown, TimelineFilters()).startswith("Showing 3 of 29 events")
    rows = list(csv.DictReader(io.StringIO(events_csv(shown))))
    assert [r["event_id"] for r in rows] == list(shown["event_id"])
    nothing = filter_events(dataset, TimelineFilters(statuses=frozenset()))
    assert describe_timeline(dataset, nothing, TimelineFilters()).startswith("No event matches these filters")


@pytest.fixture(scope="module", params=list(DATASETS))
def explorer(request):
    return TimelineExplorer(load_dataset(DATASETS[request.param]))


CONTROLS = [
    "lanes",
    "hindsight",
    "first_year",
    "last_year",
    "actors",
    "categories",
    "statuses",
    "date_bases",
    "event_picker",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    actions=st.lists(st.tuples(st.sampled_from(CONTROLS), st.integers(0, 10_000), st.integers(0, 10_000)), max_size=8)
)
def test_every_state_gives_a_valid_view_or_a_plain_message(explorer, actions):
    for name, pick, mask in actions:
        control = getattr(explorer, name)
        values = [o[1] if isinstance(o, tuple) else o for o in getattr(control, "options", [True, False])]
        if name in ("actors", "categories", "statuses", "date_bases"):
            control.value = tuple(v for i, v in enumerate(values) if mask >> (i % 16) & 1)
        else:
            control.value = values[pick % len(values)]
    shown = filter_events(explorer.dataset, explorer.filters)
    assert explorer.count.value == f"<p><b>{len(shown)} of {explorer.total} events shown.</b></p>"
    if shown.empty:
        assert "No event matches these filters" in explorer.card.value
        assert explorer._figure_box.layout.display == "none", "no empty chart is drawn"
    else:
        points = sum(len([x for x in (t.get("x") or []) if x is not None]) for t in explorer.plot.figure["data"])
        assert points > 0
        assert explorer.table.value.count("<tr>") == len(shown) + 1
    assert f"Download these {len(shown)} events" in explorer.download.value


def test_clicking_an_event_opens_its_card(explorer):
    for control in ("actors", "categories", "statuses", "date_bases"):
        picker = getattr(explorer, control)
        picker.value = tuple(o[1] if isinstance(o, tuple) else o for o in picker.options)
    explorer.first_year.value, explorer.last_year.value = explorer.first_year.options[0], explorer.last_year.options[-1]
    event = explorer.dataset.events.iloc[0]
    explorer.plot.clicked = {"customdata": event["event_id"]}
    assert explorer.event_picker.value == event["event_id"]
    assert "ae-card ae-event" in explorer.card.value


def test_state_exercises_read_the_explorer(dataset):
    app, book = TimelineExplorer(dataset), AnswerBook("t")
    future = future_events_exercise(app, book)
    assert not future.submit(future.current_answer()).correct
    app.statuses.value = ("anticipated", "hypothetical")
    assert future.submit(future.current_answer()).correct
    app.statuses.value = tuple(app.statuses.options)
    later = hindsight_exercise(app, book)
    assert "tick" in later.submit(later.current_answer()).message
    app.hindsight.value = True
    app.event_picker.value = "warsaw_summit_2016"
    assert later.submit(later.current_answer()).correct
