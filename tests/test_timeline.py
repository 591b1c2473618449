"""The timeline: pure figure builder and filters tested without a browser, and the app's states."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from article_explorer import load_dataset
from article_explorer.data.config import DEFAULT_DATA_DIR, PROJECT_ROOT
from article_explorer.data.queries import filter_events
from article_explorer.exercises.base import AnswerBook
from article_explorer.exercises.timeline import future_events_exercise, hindsight_exercise
from article_explorer.explorers.timeline.explorer import TimelineExplorer, describe_timeline, events_csv
from article_explorer.explorers.timeline.figure import TimelineFilters, build_timeline_figure

from .conftest import CONTEXT_EVENTS

DATASETS = {"article": DEFAULT_DATA_DIR, "other_article": PROJECT_ROOT / "tests" / "data" / "other_article"}
#: What the theme defines, written out: a status's marker, the key's grey, each category's colour.
STATUS_SYMBOLS = {"past": "circle", "ongoing": "diamond", "anticipated": "circle-open", "hypothetical": "diamond-open"}
NEUTRAL = "#6b6b6b"
CATEGORY_COLOURS = {
    "conflict": "#0072B2",
    "diplomacy": "#D55E00",
    "economy": "#009E73",
    "human_rights": "#CC79A7",
    "humanitarian": "#E69F00",
    "military": "#56B4E9",
    "politics": "#882255",
    "sanctions": "#F0E442",
}


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
        # an unknown start ("../2016-03-30") may lie in any year before the article
        "russian_rearmament",
        "nato_defensive_buildups",
        "russian_assertive_response",
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
    assert set(spans.customdata) - {None} == {"russian_fighters_lida_2013", "blr_delegation_washington_2015"}
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
    assert pd.Timestamp(line.x0) == pd.Timestamp(dataset.published) == pd.Timestamp("2016-03-30")
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
    text = describe_timeline(dataset, shown, TimelineFilters())
    assert text.startswith("Showing 6 of 32 events") and "between 2013 and 2013 (3 with an unknown start)" in text
    unknown = filter_events(dataset, TimelineFilters(statuses=frozenset({"hypothetical"}), first_year=2008))
    unknown = unknown[unknown["date_start"].isna()]
    assert "none with a known start" in describe_timeline(dataset, unknown, TimelineFilters())
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
    "context",
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
    assert explorer.count.value.startswith(f"<p><b>{len(shown)} of {explorer.total} events shown.</b>")
    framed = {c for t in explorer.plot.figure["data"] if t.get("legendgroup") == "context" for c in t["customdata"]}
    assert framed == set(shown.loc[shown["origin"] == "context", "event_id"]), "every context event shown is framed"
    if shown.empty:
        assert "No event matches these filters" in explorer.card.value
        assert explorer.figure_box.layout.display == "none", "no empty chart is drawn"
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
    assert categories["human rights"] == CATEGORY_COLOURS["human_rights"]
    (stars,) = trace(figure, "what happened later")
    assert stars.marker.color not in CATEGORY_COLOURS.values() and stars.marker.color not in used, "no category's"
    assert pd.Timestamp(figure.layout.xaxis.range[1]) > max(pd.Timestamp(x) for x in stars.x) + pd.Timedelta(days=60)


def test_a_category_keeps_its_colour_whichever_others_a_dataset_has():
    other = load_dataset(DATASETS["other_article"])  # three of the eight categories
    figure = build_timeline_figure(other, TimelineFilters())
    key = {t.name: t.marker.color for t in figure.data if t.showlegend is not False and t.marker.symbol == "square"}
    assert key == {"diplomacy": "#D55E00", "humanitarian": "#E69F00", "politics": "#882255"}


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


# --- context events (events.origin = context): marked everywhere, and a control hides them ------


def test_the_control_hides_exactly_the_context_events(dataset):
    everything = set(filter_events(dataset, TimelineFilters())["event_id"])
    without = set(filter_events(dataset, TimelineFilters(context=False))["event_id"])
    assert everything - without == CONTEXT_EVENTS
    framed = build_timeline_figure(dataset, TimelineFilters())
    (frames,) = [t for t in framed.data if t.legendgroup == "context"]
    assert set(frames.customdata) == CONTEXT_EVENTS and frames.showlegend is not False, "the legend explains it"
    assert frames.marker.symbol == "square-open" and "context" in frames.name
    lida = list(frames.customdata).index("russian_fighters_lida_2013")
    assert "□ Context: the article does not report this event" in frames.text[lida]
    hidden = build_timeline_figure(dataset, TimelineFilters(context=False))
    assert not [t for t in hidden.data if t.legendgroup == "context"]
    assert not CONTEXT_EVENTS & {c for t in hidden.data for c in (t.customdata or [])}


def test_the_explorer_says_how_many_context_events_are_shown_or_hidden(dataset):
    app = TimelineExplorer(dataset)
    assert app.context.value is True and any(app.context in box.children for box in app.widget.children[1:2])
    assert app.count.value == "<p><b>32 of 32 events shown.</b> 5 of them context (framed).</p>"
    assert "5 of them are context events (framed in grey" in app.description.value
    labels = [label for label, value in app.event_picker.options if value in CONTEXT_EVENTS]
    assert len(labels) == 5 and all(" · □ context: " in label for label in labels)
    assert "Russian duty fighters arrive at an airfield near Lida" in labels[0] + labels[1]
    assert app.table.value.count("□ context (not the article)") == 5
    app.event_picker.value = "russian_fighters_lida_2013"
    assert "ae-context" in app.card.value and "□ Event (context):" in app.card.value
    assert "Context: the article does not report this event; the coder added it to explain “" in app.card.value
    app.context.value = False
    assert app.count.value == "<p><b>27 of 32 events shown.</b> 5 context events hidden.</p>"
    assert "5 context events are hidden" in app.description.value
    assert not CONTEXT_EVENTS & {value for _, value in app.event_picker.options}
    assert "Click an event" in app.card.value, "the chosen context event is gone with its card"
    assert "origin" in events_csv(filter_events(dataset, app.filters)).splitlines()[0]
    app.first_year.value = app.last_year.value = 2013  # 2 of 2013's context events are hidden
    assert app.count.value == "<p><b>4 of 32 events shown.</b> 2 context events hidden.</p>"


def test_hedged_headlines_keep_their_hedge_everywhere(dataset):
    app = TimelineExplorer(dataset)
    hovers = " ".join(str(t.get("text")) for t in app.plot.figure["data"])
    labels = " ".join(label for label, _ in app.event_picker.options)
    for headline in dataset.events.loc[dataset.events["status"] == "hypothetical", "headline"]:
        assert headline.startswith(("Possible", "Possibly"))
        assert headline.replace("'", "&#x27;") in hovers and headline[:80] in labels


def test_a_v1_dataset_without_origin_or_role_renders_every_explorer():
    from article_explorer.explorers.claims import ClaimsExplorer
    from article_explorer.explorers.map.explorer import MapExplorer
    from article_explorer.explorers.network import ActorNetworkExplorer
    from article_explorer.explorers.positions.explorer import PositionMatrixExplorer
    from article_explorer.explorers.reader import ArticleReader

    header = (DATASETS["other_article"] / "events.csv").read_text(encoding="utf-8").splitlines()[0]
    assert "origin" not in header.split(",")
    assert "role" not in (DATASETS["other_article"] / "places.csv").read_text(encoding="utf-8").splitlines()[0]
    v1 = load_dataset(DATASETS["other_article"])
    for explorer in (ArticleReader, TimelineExplorer, PositionMatrixExplorer, ActorNetworkExplorer, MapExplorer):
        app = explorer(v1)
        assert app.widget.children
    ClaimsExplorer(v1)
    timeline = TimelineExplorer(v1)
    assert timeline.count.value == f"<p><b>{len(v1.events)} of {len(v1.events)} events shown.</b></p>"
    assert not any(timeline.context in getattr(box, "children", ()) for box in timeline.widget.children)
    assert not [t for t in timeline.plot.figure["data"] if t.get("legendgroup") == "context"]


def test_every_view_of_an_event_marks_a_context_event(dataset):
    from article_explorer.explorers.network import NetworkFilters, network_links
    from article_explorer.explorers.reader import (
        ArticleReader,
        Selection,
        build_rows_html,
        legend_html,
        marks_by_sentence,
    )
    from article_explorer.ui.actor_card import actor_card

    assert "□</span> context event: the coder added it; the article does not report it" in legend_html()
    marks = marks_by_sentence(dataset)
    assert (marks["p06s3"]["context"], marks["p06s3"]["event"]) == (2, 0), "Xi's visit and the Polonez tests"
    rows = build_rows_html(dataset, Selection("p07s3"))
    assert "is cited by 6 events (2 of them context, □)" in rows
    assert rows.count('class="ae-card ae-event ae-context"') == 2 and rows.count("□ Event (context):") == 2
    reader = ArticleReader(dataset)
    labels = {value[1]: label for label, value in reader.row_picker.options if value and value[0] == "events"}
    assert {e for e, label in labels.items() if label.startswith("Event (context): ")} == CONTEXT_EVENTS
    reader.row_picker.value = ("events", "xi_state_visit_2015")
    assert 'context event: the coder added it; the article does not report it">□2</span>' in (
        reader.paragraph_views[6].value
    ), "the sentence's marks count its context events"
    card = actor_card(dataset, "rus")
    assert "<li>August 2013: □ context: Russian duty fighters arrive at an airfield near Lida</li>" in card
    assert "(2 of them context)" in card
    links = network_links(dataset, NetworkFilters())
    lida = links[links["item_id"] == "russian_fighters_lida_2013"]
    assert list(lida["label"]) == ["August 2013: □ context: Russian duty fighters arrive at an airfield near Lida"]
    hidden = network_links(dataset, NetworkFilters(context=False))
    assert set(links["item_id"]) - set(hidden["item_id"]) == CONTEXT_EVENTS & set(links["item_id"])
