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
    COLOURS,
    STATUS_SYMBOLS,
    TimelineExplorer,
    TimelineFilters,
    article_date,
    build_timeline_figure,
    describe_timeline,
    events_csv,
    filter_events,
)
from article_explorer.timeline_exercises import future_events_exercise, hindsight_exercise
from article_explorer.timeline_layout import NEUTRAL

DATASETS = {"article": DEFAULT_DATA_DIR, "other_article": PROJECT_ROOT / "tests" / "data" / "other_article"}


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DEFAULT_DATA_DIR)


def trace(figure, name_start):
    return [t for t in figure.data if (t.name or "").startswith(name_start)]


def lane_at(figure, y):
    """The name of the lane a mark at height ``y`` is in: lanes are numbers, their names the tick labels."""
    axis = figure.layout.yaxis
    return min(zip(axis.tickvals, axis.ticktext, strict=True), key=lambda tick: abs(tick[0] - y))[1]


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
    line, *cuts = figure.layout.shapes
    assert [cut.line.dash for cut in cuts] == ["dot"], "the only other line marks the years left out"
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
    lanes = {lane_at(figure, y) for t in figure.data for y in (t.y or []) if y is not None}
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


# --- readability: what the review found (every mark visible, a truthful key, words not codes) ------


def markers(figure):
    """(event id, x, y) of every event marker: the status traces."""
    return [
        (c, pd.Timestamp(x), y)
        for t in figure.data
        if (t.name or "").endswith("(as seen on the article's date)")
        for c, x, y in zip(t.customdata, t.x, t.y, strict=True)
    ]


@pytest.mark.parametrize(
    "filters",
    [
        TimelineFilters(statuses=frozenset({"anticipated", "hypothetical"})),
        TimelineFilters(),
        TimelineFilters(lanes="actor"),
        TimelineFilters(hindsight=True),
    ],
)
def test_every_event_counted_can_be_seen(dataset, filters):
    figure = build_timeline_figure(dataset, filters)
    marks = markers(figure)
    assert {c for c, _, _ in marks} == set(filter_events(dataset, filters)["event_id"])
    for i, (a, xa, ya) in enumerate(marks):
        for b, xb, yb in marks[i + 1 :]:
            if abs((xa - xb).days) < 10:
                assert abs(ya - yb) >= 0.25, f"{a} and {b} are drawn on top of each other"
    if filters.statuses:  # the review's case: 6 counted, two of them on the same day in one lane
        assert len({(x, y) for _, x, y in marks}) == len(marks) == 6


def test_empty_years_are_cut_from_the_axis_and_the_cut_is_marked(dataset):
    figure = build_timeline_figure(dataset, TimelineFilters())
    (cut,) = figure.layout.xaxis.rangebreaks
    assert list(cut.bounds) == ["2009-01-01", "2013-01-01"]
    assert any("2009–2012 left out" in a.text for a in figure.layout.annotations)
    assert not {"2009", "2010", "2011", "2012"} & set(figure.layout.xaxis.ticktext)
    assert "2008" in figure.layout.xaxis.ticktext, "the first event's year has its tick"
    recent = build_timeline_figure(dataset, TimelineFilters(first_year=2013))
    assert not recent.layout.xaxis.rangebreaks, "nothing is cut when no years are empty"


@pytest.mark.parametrize("lanes", ["category", "actor"])
def test_the_legend_shows_exactly_what_the_marks_use(dataset, lanes):
    figure = build_timeline_figure(dataset, TimelineFilters(lanes=lanes, hindsight=True))
    key = {t.name: t for t in figure.data if t.showlegend is not False}
    drawn = [t for t in figure.data if (t.name or "").endswith("(as seen on the article's date)")]
    assert all(t.showlegend is False for t in drawn), "the coloured markers do not stand for a status"
    for status in ("past", "ongoing", "anticipated", "hypothetical"):
        entry = key[status]
        assert entry.marker.color == NEUTRAL and entry.marker.symbol == STATUS_SYMBOLS[status]
        assert entry.legendgroup == f"status:{status}" == trace(figure, f"{status} (as seen")[0].legendgroup, (
            "a click hides them"
        )
    used = {c for t in drawn for c in t.marker.color}
    categories = {name: t.marker.color for name, t in key.items() if t.marker.symbol == "square"}
    assert set(categories.values()) == used, "one entry per category colour, in by-actor lanes too"
    assert categories["human rights"] == COLOURS[sorted(dataset.events["category"].unique()).index("human_rights")]
    (stars,) = trace(figure, "what happened later")
    assert stars.marker.color not in COLOURS and stars.marker.color not in used, "a star is no category"
    assert pd.Timestamp(figure.layout.xaxis.range[1]) > max(pd.Timestamp(x) for x in stars.x) + pd.Timedelta(days=60)


def test_the_legend_goes_under_the_plot_and_lane_names_are_never_cut(dataset):
    figure = build_timeline_figure(dataset, TimelineFilters(lanes="actor"))
    legend = figure.layout.legend
    assert (legend.orientation, legend.yanchor, legend.yref) == ("h", "bottom", "container")
    assert figure.layout.yaxis.automargin is True
    labels = list(figure.layout.yaxis.ticktext)
    assert "People displaced<br>from Ukraine to<br>Belarus" in labels
    assert all(len(line) <= 20 for label in labels for line in label.split("<br>"))
    lines = [label.count("<br>") + 1 for label in labels]
    centres = list(figure.layout.yaxis.tickvals)
    for i in range(len(labels) - 1):  # a line of text takes about 0.4 of a lane
        assert centres[i + 1] - centres[i] >= 0.2 * (lines[i] + lines[i + 1]), f"{labels[i]} runs into the next"


def test_dates_are_in_words_on_screen_and_in_edtf_in_the_csv(dataset):
    app = TimelineExplorer(dataset)
    labels = [label for label, _ in app.event_picker.options]
    assert any(label.startswith("from 2014 onwards · ") for label in labels)
    assert not any("/" in label.split(" · ")[0] for label in labels)
    assert "2014/.." not in app.table.value and "2016-03-30/" not in app.table.value
    assert "from 30 March 2016, end unknown" in app.table.value
    hovers = " ".join(str(t.get("text")) for t in app.plot.figure["data"])
    assert "2014/.." not in hovers and "from 2014 onwards" in hovers
    rows = list(csv.DictReader(io.StringIO(events_csv(filter_events(dataset, TimelineFilters())))))
    hostilities = next(r for r in rows if r["event_id"] == "ukraine_hostilities")
    assert (hostilities["date"], hostilities["date_in_words"]) == ("2014/..", "from 2014 onwards")
    assert "the author writes here (30 Mar 2016)" in app.plot.figure["layout"]["annotations"][0]["text"]
    for module in ("timeline.py", "timeline_layout.py"):
        assert "%-d" not in (PROJECT_ROOT / "article_explorer" / module).read_text(encoding="utf-8"), "not on Windows"
