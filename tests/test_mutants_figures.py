"""Tests written for scripts/mutation-test.sh: the timeline's layout (explorers/timeline/layout.py),
the pure logic behind what the chart shows. Days, years and slots are counted by hand.
"""

from __future__ import annotations

import pandas as pd
import pytest

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
        assert (trace["x"], trace["y"], trace["mode"], trace["hoverinfo"]) == ([None], [None], "markers", "skip")


def test_the_context_frame_is_a_named_grey_square_round_the_marker():
    trace = context_frame_trace({"x": [1], "y": [2], "customdata": ["e1"], "text": ["hover"]})
    assert (trace["x"], trace["y"], trace["customdata"], trace["text"]) == ([1], [2], ["e1"], ["hover"])
    assert trace["name"] == "context (framed): not reported by the article"
    assert trace["legendgroup"] == "context" and trace["mode"] == "markers"
    assert trace["marker"] == {"symbol": "square-open", "size": 21, "color": "#6b6b6b", "line": {"width": 2}}
