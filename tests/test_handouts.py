"""Handouts: a notebook run and written as one self-contained HTML file."""

from __future__ import annotations

import re

import pytest

from article_explorer.tools.handouts import NOTEBOOK_DIR, execute, render_handout

FAKE_PLOTLY = "/* plotly.js stand-in */ window.Plotly = {newPlot: function () {}};"


@pytest.fixture(scope="module")
def timeline_handout() -> str:
    return render_handout(execute(NOTEBOOK_DIR / "01_timeline.ipynb"), "01_timeline", FAKE_PLOTLY)


def test_plotly_is_inline_once_and_nothing_is_fetched(timeline_handout):
    assert timeline_handout.count(FAKE_PLOTLY) == 1
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=[\"']?(https?:)?//", timeline_handout)


def test_the_figures_and_the_widgets_are_there_as_rendered(timeline_handout):
    assert timeline_handout.count("Plotly.newPlot(") == 1, "the timeline; the loader figure is left out"
    assert "32 of 32 events shown." in timeline_handout
    assert "<select disabled multiple size='4'>" in timeline_handout, "the Actors list, four rows high"
    assert "<option selected>diplomacy</option>" in timeline_handout
    assert "Show what happened later (hindsight)" in timeline_handout
    assert "ae-download" in timeline_handout, "the CSV download still works offline"
    assert "<h1" in timeline_handout and "Key points" in timeline_handout


def test_no_code_and_no_error_in_a_handout(timeline_handout):
    assert "TimelineExplorer(dataset())" not in timeline_handout
    assert "ae-error" not in timeline_handout and "Traceback" not in timeline_handout


def test_a_handout_holds_the_cards_style_sheet_once(timeline_handout):
    """The widgets' style sheet is written into a live page by a widget; a handout has no live
    widgets, so its head carries the sheet itself — once, however many explorers it shows."""
    assert timeline_handout.count(".ae-card {border-left: 4px solid #0072B2;") == 1
    head = timeline_handout[: timeline_handout.index("</head>")]
    assert ".ae-card {border-left" in head
