"""Tests written for scripts/mutation-test.sh: the figure logic that builds no widget: the
timeline's layout (explorers/timeline/layout.py), a matrix cell's evidence
(explorers/positions/cells.py) and the network's links (explorers/network/links.py). Days, years,
slots and rows are counted by hand, the rows from the CSV files of tests/data/other_article.

Equivalent mutants:

* network/links.py ``event_issues`` 4, 7, 12, 20, 23, 28 (``zip(..., strict=True)`` as not strict):
  two columns of one frame have the same length.
* positions/cells.py ``summarise_stances`` 11 (``<=`` as ``<``): one stance is always a proper
  subset of the three; 16, 17 ("mixed" misspelt in the set): a lone "mixed" gives "mixed" either
  way. ``evidence_html`` 44 (``hindsight=None``): None is false, as False; 54 (``claim_card(None,
  claim)``): ``claim_card`` does not use the dataset.
"""

from __future__ import annotations

import pandas as pd
import pytest

from article_explorer.data.config import PROJECT_ROOT
from article_explorer.data.dataset import load_dataset
from article_explorer.explorers.network.links import (
    NetworkFilters,
    describe_network,
    event_issues,
    links_table,
    network_links,
)
from article_explorer.explorers.positions.cells import (
    Evidence,
    PositionFilters,
    cell_evidence,
    evidence_html,
    summarise_stances,
)
from article_explorer.explorers.timeline.layout import (
    context_frame_trace,
    date_axis,
    lane_centres,
    lane_label,
    legend_key,
    spread_in_lanes,
    visible_days,
    year_breaks,
)

T = pd.Timestamp


def test_runs_of_two_or_more_empty_years_are_left_out():
    dates = [T(2008, 5, 1), T(2013, 1, 1), pd.NaT, T(2014, 7, 1), T(2016, 3, 30), T(2016, 1, 1)]
    assert year_breaks(dates) == [(2009, 2012)]  # 2015 alone is kept
    assert year_breaks(dates, min_years=1) == [(2009, 2012), (2015, 2015)]
    assert year_breaks([T(2016, 1, 1)]) == [] and year_breaks([]) == []


def test_the_days_shown_leave_out_the_cut_years():
    # 2008-01-01 to 2017-01-01 is 3288 days (three leap years); 2009 to 2012 is 1461 of them
    assert visible_days(T(2008, 1, 1), T(2017, 1, 1), [(2009, 2012)]) == 1827
    assert visible_days(T(2008, 1, 1), T(2017, 1, 1), []) == 3288
    assert visible_days(T(2016, 3, 30), T(2016, 3, 30), []) == 1  # never zero


def test_the_axis_ticks_each_first_of_january_it_shows_and_marks_each_cut():
    axis, shapes, annotations = date_axis(T(2008, 6, 1), T(2016, 12, 31), [(2009, 2012), (2015, 2015)])
    assert axis["tickvals"] == [T(2013, 1, 1), T(2014, 1, 1), T(2016, 1, 1)]  # 2008-01-01 is before the left edge
    assert axis["ticktext"] == ["2013", "2014", "2016"]
    assert axis["range"] == [T(2008, 6, 1), T(2016, 12, 31)] and axis["type"] == "date"
    assert axis["rangebreaks"] == [{"bounds": ["2009-01-01", "2013-01-01"]}, {"bounds": ["2015-01-01", "2016-01-01"]}]
    assert [(s["x0"], s["x1"], s["y0"], s["y1"], s["yref"]) for s in shapes] == [
        ("2013-01-01", "2013-01-01", 0, 1, "paper"),
        ("2016-01-01", "2016-01-01", 0, 1, "paper"),
    ]
    assert [(a["x"], a["text"]) for a in annotations] == [
        ("2013-01-01", "// 2009–2012 left out: no event"),
        ("2016-01-01", "// 2015 left out: no event"),
    ]
    axis, shapes, annotations = date_axis(T(2016, 1, 1), T(2016, 12, 31), [])
    assert axis["tickvals"] == [T(2016, 1, 1)] and axis["rangebreaks"] == [] and shapes == annotations == []


def test_points_of_one_lane_close_in_time_get_slots_apart():
    day = T(2016, 3, 1)
    points = [(0, day), (0, day + pd.Timedelta(days=1)), (0, day + pd.Timedelta(days=10)), (1, day)]
    assert spread_in_lanes(points, near_days=5) == [0, 1, 0, 0]
    assert spread_in_lanes([(0, day)] * 4, near_days=5) == [0, 1, -1, 2]
    # exactly near_days apart is far enough
    assert spread_in_lanes([(0, day), (0, day + pd.Timedelta(days=5))], near_days=5) == [0, 0]
    assert spread_in_lanes([], near_days=5) == []


def test_a_lane_is_made_taller_for_moved_markers_and_three_line_labels():
    centres, height = lane_centres(["Belarus", "NATO<br>and its<br>members"], [(0, 0), (0, 2), (1, 0)])
    # lane 0: its markers reach slot 2, so it is (2 + 0.6) * 0.3 = 0.78 high on each side
    # lane 1: three lines of label, 0.22 * 3 = 0.66 on each side
    assert centres == pytest.approx([0.78, 1.56 + 0.66])
    assert height == pytest.approx(1.56 + 1.32)
    centres, height = lane_centres(["A", "B"], [])
    assert centres == pytest.approx([0.5, 1.5]) and height == pytest.approx(2.0)


def test_a_long_lane_name_is_wrapped_never_cut_and_escaped():
    # at most 18 characters a line: "foreign affairs of" is 18
    assert lane_label("ministry_of_foreign_affairs_of_belarus") == "ministry of<br>foreign affairs of<br>belarus"
    assert lane_label("a <b> c", width=3) == "a<br>&lt;b&gt;<br>c"
    assert lane_label("") == ""


def test_the_legend_key_shows_each_status_shape_in_grey_then_each_category_colour():
    past, future, military = legend_key(["past", "anticipated"], {"military": "#d62728"})
    assert (past["name"], past["legendgroup"], past["marker"]) == (
        "past",
        "status:past",
        {"symbol": "circle", "size": 11, "color": "#6b6b6b", "line": {"width": 0, "color": "#6b6b6b"}},
    )
    assert future["marker"]["symbol"] == "circle-open" and future["marker"]["line"]["width"] == 2
    assert (military["name"], military["legendgroup"], military["marker"]) == (
        "military",
        "category:military",
        {"symbol": "square", "size": 11, "color": "#d62728"},
    )
    for trace in (past, future, military):
        assert {key: trace[key] for key in ("type", "x", "y", "mode", "hoverinfo", "customdata")} == {
            "type": "scatter",
            "x": [None],
            "y": [None],
            "mode": "markers",
            "hoverinfo": "skip",
            "customdata": [],
        }
        assert sorted(trace) == ["customdata", "hoverinfo", "legendgroup", "marker", "mode", "name", "type", "x", "y"]


def test_the_context_frame_is_a_named_grey_square_round_the_marker():
    assert context_frame_trace({"x": [1], "y": [2], "customdata": ["e1"], "text": ["hover"]}) == {
        "x": [1],
        "y": [2],
        "customdata": ["e1"],
        "text": ["hover"],
        "type": "scatter",
        "mode": "markers",
        "name": "context (framed): not reported by the article",
        "legendgroup": "context",
        "marker": {"symbol": "square-open", "size": 21, "color": "#6b6b6b", "line": {"width": 2}},
        "hovertemplate": "%{text}<extra></extra>",
    }


# --- explorers/positions/cells.py: what stands behind a cell of the matrix --------------------


@pytest.fixture(scope="module")
def other_article():
    return load_dataset(PROJECT_ROOT / "tests" / "data" / "other_article")


def evidence_ids(evidence) -> tuple[list[str], list[str], list[str]]:
    return (
        list(evidence.positions["position_id"]),
        list(evidence.events["event_id"]),
        list(evidence.claims["claim_id"]),
    )


def test_a_cell_rests_on_its_positions_their_evidence_and_the_actors_own_claims(other_article):
    # tests/data/other_article: the farmers' unions oppose the accord (position unions_accord, on the claim
    # unions_too_weak); they also claim farmers_doubt on that issue. Portugal supports it by signing (an event).
    everything = PositionFilters()
    assert evidence_ids(cell_evidence(other_article, everything, "farm_unions", "accept_accord")) == (
        ["unions_accord"],
        [],
        ["farmers_doubt", "unions_too_weak"],
    )
    assert evidence_ids(cell_evidence(other_article, everything, "prt", "accept_accord")) == (
        ["prt_accord"],
        ["accord_signed"],
        [],
    )
    reported_only = PositionFilters(voices=frozenset({"reported"}))
    assert evidence_ids(cell_evidence(other_article, reported_only, "farm_unions", "accept_accord"))[2] == [
        "unions_too_weak"
    ]
    by_action = PositionFilters(bases=frozenset({"action"}))
    assert evidence_ids(cell_evidence(other_article, by_action, "farm_unions", "accept_accord"))[0] == []
    assert evidence_ids(cell_evidence(other_article, everything, "esp", "escalate")) == ([], [], [])


def test_the_evidence_panel_of_a_cell(other_article):
    evidence = cell_evidence(other_article, PositionFilters(), "farm_unions", "accept_accord")
    html = evidence_html(other_article, evidence, "Farmers' unions", "The river accord")
    assert html.startswith(
        "<h4>Farmers&#x27; unions on “The river accord”: O — opposes</h4>"
        '<div class="ae-card ae-position"><b>O opposes</b> · stated by the actor · as of May 2021'
        "<div>“called the accord too weak” <span class='ae-meta'>(¶ 4)</span></div></div>"
        "<p><b>Claims behind these positions, or made by the actor on this issue</b></p><div class"
    )
    assert "Events behind" not in html
    assert html.count('<div class="ae-card ae-claim') == 2 and "XX" not in html
    empty = cell_evidence(other_article, PositionFilters(), "esp", "escalate")
    assert evidence_html(other_article, empty, "Spain", "Taking the dispute further") == (
        "<h4>Spain on “Taking the dispute further”: · — no position in the text</h4>"
    )


def test_the_evidence_panel_keeps_what_happened_later_back(dataset_of_the_article):
    # the US attaché offer's outcome (a colonel accredited in August 2016) is hindsight
    evidence = cell_evidence(dataset_of_the_article, PositionFilters(), "carpenter", "us_blr_defence_ties")
    html = evidence_html(dataset_of_the_article, evidence, "Michael Carpenter", "US-Belarus defence ties")
    assert ('(¶ 3)</span></div></div><p><b>Events behind these positions</b></p><div class="ae-card ae-event">') in html
    assert "The US offers Belarus an exchange of defence attachés" in html
    assert "Later" not in html


@pytest.fixture(scope="module")
def dataset_of_the_article():
    return load_dataset()


@pytest.mark.parametrize(
    ("stances", "cell"),
    [
        (["supports"], "supports"),
        (["mixed", "mixed"], "mixed"),
        (["opposes", "supports"], "mixed"),
        ([], "none"),
        (["unclear"], "mixed"),
    ],
    ids=["one", "mixed", "both", "none", "outside"],
)
def test_a_cell_sums_up_its_stances(stances, cell):
    assert summarise_stances(stances) == cell


# --- explorers/network/links.py: who is linked to whom, in words and as a table -------------------
# In tests/data/other_article two events have two actors (Portugal with Spain, and with the European
# Commission); the author (Ana Ribeiro, five claims in her own voice) is left out, which leaves the
# farmers' unions' two claims about Portugal and Spain: four claim links.


def test_the_issues_an_event_bears_on(other_article):
    assert event_issues(other_article) == {
        "accord_signed": {"accept_accord"},  # two positions rest on it, two claims on the accord cite it
        "unions_too_weak": {"accept_accord"},  # a position's evidence may be a claim
        "referral": {"escalate"},
    }


def test_the_network_in_one_sentence(other_article):
    links = network_links(other_article, NetworkFilters())
    assert list(links["item_id"]) == [
        "accord_signed",
        "referral",
        "farmers_doubt",
        "farmers_doubt",
        "unions_too_weak",
        "unions_too_weak",
    ]
    assert describe_network(other_article, links, NetworkFilters()) == (
        "6 links (2 from events and 4 from claims) between 4 of 6 actors. "
        "Most connected: Portugal (4), Farmers' unions (4), Spain (3)."
    )
    assert describe_network(other_article, links, NetworkFilters(first_year=2021, last_year=2021), hidden=1) == (
        "6 links (2 from events and 4 from claims) between 4 of 6 actors. "
        "Most connected: Portugal (4), Farmers' unions (4), Spain (3). The author's own claims give 1 more links, "
        "from the centre; tick “Draw the author's own claims” to see them."
    )


def test_the_network_says_why_nothing_is_shown(other_article):
    nothing = network_links(other_article, NetworkFilters(kinds=frozenset()))
    assert describe_network(other_article, nothing, NetworkFilters()) == (
        "No link matches these filters. Choose all issues, widen the years or keep both kinds of link."
    )
    assert describe_network(other_article, nothing, NetworkFilters(), hidden=3) == (
        "No link matches these filters. Choose all issues, widen the years or keep both kinds of link. "
        "The author's own claims give 3 more links, from the centre; tick “Draw the author's own claims” to see them."
    )
    assert describe_network(other_article, nothing, NetworkFilters(first_year=2021, last_year=2020)) == (
        "No link matches these filters: “From” (2021) is after “To” (2020). Choose a From year no later than the To "
        "year."
    )
    assert links_table(other_article, nothing) == ""


def test_the_links_as_a_table(other_article):
    table = links_table(other_article, network_links(other_article, NetworkFilters()))
    assert table.startswith(
        '<details class="ae-more"><summary>Show the 6 links as a table</summary><table class="ae-table"><thead><tr>'
        "<th>from</th><th>link</th><th>to</th><th>event or claim</th></tr></thead><tbody>"
        "<tr><td>Portugal</td><td>acts with or on (event)</td><td>Spain</td>"
        "<td>10 May 2021: Ministers sign the river accord</td></tr>"
    )
    assert (
        "<tr><td>Farmers&#x27; unions</td><td>speaks about (claim)</td><td>Spain</td>"
        "<td>Farmers do not think the accord will last.</td></tr>"
    ) in table


def test_a_position_citing_two_paragraphs_names_both(other_article):
    position = {"stance": "mixed", "basis": "attributed", "as_of": "2021", "quote": "yes and no", "paragraphs": [3, 4]}
    nothing = other_article.events.iloc[0:0]
    evidence = Evidence(pd.DataFrame([position]), nothing, other_article.claims.iloc[0:0])
    assert evidence_html(other_article, evidence, "Spain", "The river accord") == (
        "<h4>Spain on “The river accord”: M — mixed</h4>"
        '<div class="ae-card ae-position"><b>M mixed</b> · attributed by the author · as of 2021'
        "<div>“yes and no” <span class='ae-meta'>(¶ 3, ¶ 4)</span></div></div>"
    )
