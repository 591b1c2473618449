"""Notebook 04 used as a learner uses it, in JupyterLab and Voila, network blocked: filter the
claims, code two claims, read the agreement, give a verdict, save the answers."""

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
    wait_for_text,
    watch,
    widget_control,
)

NOTEBOOK = "04_claims_and_evidence.ipynb"
TICKS_OVERLAP_JS = """() => {
    const boxes = [...document.querySelector('.ae-plotview').querySelectorAll('.xtick text')]
        .map(t => t.getBoundingClientRect()).sort((a, b) => a.left - b.left);
    return boxes.slice(1).filter((b, i) => b.left < boxes[i].right - 0.5).map(b => b.left);
}"""
LEGEND_JS = """() => {
    const gd = document.querySelector('.ae-plotview');
    return {entries: [...gd.querySelectorAll('.legend .traces .legendtext')].map(t => t.textContent),
            right: gd.querySelector('.legend').getBoundingClientRect().right,
            figureRight: gd.getBoundingClientRect().right};
}"""
INNER_SCROLL_JS = """() => {
    const ladder = document.querySelector('.ae-ladder').closest('.widget-html');
    return ladder.scrollHeight - ladder.clientHeight;
}"""


@pytest.mark.parametrize("kind", ["lab", "voila"])
def test_filter_code_two_claims_and_judge_a_prediction(page, servers, kind):
    log = watch(page)
    server = servers(kind, "article")
    open_notebook(page, server, NOTEBOOK)
    page.wait_for_selector(".ae-plotview .main-svg")
    wait_for_text(page, "59 of 59 claims shown.")

    before = figure_signature(page)
    set_widget_value(page, "Type", "prediction")
    wait_for_figure_change(page, before)
    wait_for_text(page, "9 of 59 claims shown.")
    ladder = page.locator(".ae-ladder").inner_text()
    assert ladder.index("certain (3)") < ladder.index("possible (6)")
    assert page.locator(".ae-ladder mark.ae-cue", has_text="it is possible that").count() == 1
    page.locator(".ae-plotview").first.scroll_into_view_if_needed()
    screenshot(page, f"04_claims-{kind}-predictions")
    page.set_viewport_size({"width": 683, "height": 512})  # a 1024×768 projector at 150 % zoom
    page.wait_for_timeout(800)
    page.locator(".ae-plotview").first.scroll_into_view_if_needed()
    assert page.evaluate(TICKS_OVERLAP_JS) == [], "paragraph labels run into each other"
    legend = page.evaluate(LEGEND_JS)
    assert legend["entries"] == ["● certain", "▲ possible"] and legend["right"] <= legend["figureRight"] + 1
    screenshot(page, f"04_claims-{kind}-predictions-683")
    page.set_viewport_size({"width": 1280, "height": 900})

    before = figure_signature(page)
    widget_control(page, "Type").select_option(
        label=["report", "assessment", "perception", "prediction", "prescription"]
    )
    wait_for_figure_change(page, before)
    wait_for_text(page, "59 of 59 claims shown.")
    rung = page.locator(".ae-rung").first
    assert rung.locator(":scope > ul > li").count() == 5, "a long rung shows its first claims"
    more = rung.locator("details.ae-more")
    assert more.locator("summary").inner_text() == "Show all 45 certain claims"
    assert not more.locator("li").first.is_visible()
    more.locator("summary").click()
    assert more.locator("li").first.is_visible()
    assert page.evaluate(INNER_SCROLL_JS) == 0, "the ladder is no scroll box inside the page"

    # Code two claims: the first as the dataset does, the second differently.
    set_widget_value(page, "Claim 1 type", "prescription")
    set_widget_value(page, "Claim 1 certainty", "certain")
    set_widget_value(page, "Claim 2 type", "assessment")
    set_widget_value(page, "Claim 2 certainty", "certain")
    page.get_by_role("button", name="Compare with the dataset").click()
    wait_for_text(page, "You coded 2 of 6 claims.")
    result = page.locator(".ae-agreement").inner_text()
    assert "Type: you agree with the dataset on 1 of 2 claims (50%)" in result
    assert "Certainty: you agree with the dataset on 1 of 2 claims (50%)" in result
    assert "reportedly" in result, "the disagreement is shown with its quote"
    page.locator(".ae-agreement").scroll_into_view_if_needed()
    screenshot(page, f"04_claims-{kind}-agreement")

    with page.expect_download() as download_info:
        page.get_by_text("Download my coding as CSV").click()
    with open(download_info.value.path(), encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["my_type"] for row in rows[:3]] == ["prescription", "assessment", ""]

    set_widget_value(page, "Prediction 1: your verdict", "too early to say")
    wait_for_text(page, "You have judged 1 of 9 predictions")
    with page.expect_download() as download_info:
        page.locator("a.ae-save").click()
    with open(download_info.value.path(), encoding="utf-8-sig") as handle:
        saved = {row["exercise"]: row for row in csv.DictReader(handle)}
    # the workbench's summary has its own key (the coding exercise uses another), in words
    summary = saved["coding_summary"]
    assert summary["correct"] == "not marked"
    assert summary["my_answer"].startswith("type: 1 of 2 agree (50%), kappa ")
    assert "verdicts" in saved
    assert_healthy(page, log)
