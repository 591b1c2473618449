"""Notebook 01 used as a learner uses it, in JupyterLab and Voila, network blocked."""

from __future__ import annotations

import csv

import pytest

from .conftest import screenshot
from .helpers import (
    assert_healthy,
    figure_signature,
    open_notebook,
    set_widget_value,
    wait_for_figure_change,
    watch,
    widget_control,
)

NOTEBOOK = "01_timeline.ipynb"


def count_shown(page) -> int:
    text = page.locator("p:has-text('events shown.')").first.inner_text()
    return int(text.split(" of ")[0])


@pytest.mark.parametrize("kind", ["lab", "voila"])
def test_filters_a_click_and_the_download_follow_each_other(page, servers, kind):
    log = watch(page)
    server = servers(kind, "article")
    open_notebook(page, server, NOTEBOOK)
    page.wait_for_selector(".ae-plotview .main-svg")
    total = count_shown(page)
    assert total == 32

    before = figure_signature(page)
    set_widget_value(page, "From", "2015")
    wait_for_figure_change(page, before)
    after_years = count_shown(page)
    assert 0 < after_years < total

    before = figure_signature(page)
    widget_control(page, "Actors").select_option(label="Turkey")
    wait_for_figure_change(page, before)
    page.wait_for_function("() => document.body.innerText.includes('1 of 32 events shown.')")

    point = page.locator(".ae-plotview .scatterlayer .trace .points path").first
    point.scroll_into_view_if_needed()
    point.click(force=True)
    page.wait_for_selector(".ae-card.ae-event")
    assert "Turkey shoots down a Russian Su-24" in page.locator(".ae-card.ae-event").inner_text()
    screenshot(page, f"01_timeline-{kind}-card")

    with page.expect_download() as download_info:
        page.locator("a.ae-download").click()
    with open(download_info.value.path(), encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["event_id"] for row in rows] == ["su24_shootdown"]
    assert_healthy(page, log)


LABELS_CUT_JS = """() => {
    const gd = document.querySelector('.ae-plotview');
    const left = gd.getBoundingClientRect().left;
    return [...gd.querySelectorAll('.ytick text')].filter(t => t.getBoundingClientRect().left < left - 0.5)
        .map(t => t.textContent);
}"""
LAYOUT_JS = """() => {
    const gd = document.querySelector('.ae-plotview');
    const size = gd._fullLayout._size, plot = gd.querySelector('.nsewdrag').getBoundingClientRect();
    const legend = gd.querySelector('.legend').getBoundingClientRect();
    return {width: gd._fullLayout.width, plot: size.w, legendTop: legend.top, plotBottom: plot.bottom,
            legendRight: legend.right, figureRight: gd.getBoundingClientRect().right};
}"""
MARKER_CENTRES_JS = """() => [...document.querySelectorAll('.ae-plotview .scatterlayer .trace .points path')].map(p => {
    const r = p.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2];
})"""


@pytest.mark.parametrize("kind", ["lab", "voila"])
def test_lane_names_legend_and_every_counted_event_can_be_seen(page, servers, kind):
    log = watch(page)
    server = servers(kind, "article")
    open_notebook(page, server, NOTEBOOK)
    page.wait_for_selector(".ae-plotview .main-svg")

    before = figure_signature(page)
    page.get_by_role("button", name="by actor").click()
    wait_for_figure_change(page, before)
    for width, height in ((1280, 900), (683, 512)):  # a laptop, and a 1024×768 projector at 150 % zoom
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(800)  # the figure follows its box's new width
        page.locator(".ae-plotview").first.scroll_into_view_if_needed()
        assert page.evaluate(LABELS_CUT_JS) == [], f"lane names cut at the left edge at {width} px"
        layout = page.evaluate(LAYOUT_JS)
        assert layout["legendTop"] >= layout["plotBottom"], "the legend is under the plot"
        share = 0.6 if kind == "voila" else 0.45  # in Lab, the file browser takes half of a 683-px screen
        assert layout["plot"] >= share * layout["width"], f"the plot keeps its width at {width} px: {layout}"
        assert layout["legendRight"] <= layout["figureRight"] + 1, "the legend fits the figure"
        screenshot(page, f"01_timeline-{kind}-by-actor-{width}")
    page.set_viewport_size({"width": 1280, "height": 900})

    before = figure_signature(page)
    page.get_by_role("button", name="by category").click()
    wait_for_figure_change(page, before)
    before = figure_signature(page)
    widget_control(page, "Status").select_option(label=["anticipated", "hypothetical"])
    wait_for_figure_change(page, before)
    page.wait_for_function("() => document.body.innerText.includes('6 of 32 events shown.')")
    centres = page.evaluate(MARKER_CENTRES_JS)
    assert len(centres) == 6
    for i, (xa, ya) in enumerate(centres):
        for xb, yb in centres[i + 1 :]:
            assert max(abs(xa - xb), abs(ya - yb)) >= 6, (
                f"two of the 6 events are drawn on top of each other: {centres}"
            )
    page.locator(".ae-plotview").first.scroll_into_view_if_needed()
    screenshot(page, f"01_timeline-{kind}-future-events")
    assert_healthy(page, log)


CONTEXT_FRAMES_JS = """() => {
    const gd = document.querySelector('.ae-plotview');
    const frames = gd.data.filter(t => t.legendgroup === 'context');
    const legend = [...gd.querySelectorAll('.legend .traces .legendtext')].map(t => t.textContent);
    return {ids: frames.flatMap(t => t.customdata), legend};
}"""


@pytest.mark.parametrize("kind", ["lab", "voila"])
def test_unticking_show_context_events_hides_the_five_context_events(page, servers, kind):
    log = watch(page)
    server = servers(kind, "article")
    open_notebook(page, server, NOTEBOOK)
    page.wait_for_selector(".ae-plotview .main-svg")
    page.wait_for_function("() => document.body.innerText.includes('32 of 32 events shown. 5 of them context')")
    framed = page.evaluate(CONTEXT_FRAMES_JS)
    assert len(framed["ids"]) == 5 and "russian_fighters_lida_2013" in framed["ids"]
    assert any(text.startswith("context (framed)") for text in framed["legend"]), framed["legend"]
    page.locator(".ae-plotview").first.scroll_into_view_if_needed()
    screenshot(page, f"01_timeline-{kind}-context-shown")

    before = figure_signature(page)
    box = page.get_by_label("Show context events").first  # the explorer's
    box.scroll_into_view_if_needed()
    box.uncheck()
    wait_for_figure_change(page, before)
    page.wait_for_function("() => document.body.innerText.includes('27 of 32 events shown. 5 context events hidden.')")
    assert count_shown(page) == 27
    assert page.evaluate(CONTEXT_FRAMES_JS)["ids"] == []
    assert "5 context events are hidden" in page.inner_text("body")
    page.locator(".ae-plotview").first.scroll_into_view_if_needed()
    screenshot(page, f"01_timeline-{kind}-context-hidden")

    before = figure_signature(page)
    box.check()
    wait_for_figure_change(page, before)
    page.wait_for_function("() => document.body.innerText.includes('32 of 32 events shown.')")
    set_widget_value(page, "Event", "August 2013 · □ context: Russian duty fighters")
    page.wait_for_selector(".ae-card.ae-event.ae-context")
    card = page.locator(".ae-card.ae-context").first.inner_text()
    assert "Event (context):" in card and "Context: the article does not report this event" in card
    assert_healthy(page, log)
