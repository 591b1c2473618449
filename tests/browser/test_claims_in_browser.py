"""Notebook 04 used as a learner uses it, in JupyterLab and Voila, network blocked: filter the
claims, code two claims, read the agreement, give a verdict, save the answers."""

from __future__ import annotations

import csv

import pytest

from .conftest import screenshot
from .helpers import (
    assert_healthy,
    figure_signature,
    open_in_lab,
    open_in_voila,
    set_widget_value,
    wait_for_figure_change,
    wait_for_text,
    watch,
)

NOTEBOOK = "04_claims_and_evidence.ipynb"


@pytest.mark.parametrize("kind", ["lab", "voila"])
def test_filter_code_two_claims_and_judge_a_prediction(page, servers, kind):
    log = watch(page)
    server = servers(kind, "article")
    (open_in_lab if kind == "lab" else open_in_voila)(page, server.notebook_url(NOTEBOOK))
    page.wait_for_selector(".ae-plotview .main-svg")
    wait_for_text(page, "55 of 55 claims shown.")

    before = figure_signature(page)
    set_widget_value(page, "Type", "prediction")
    wait_for_figure_change(page, before)
    wait_for_text(page, "9 of 55 claims shown.")
    ladder = page.locator(".ae-ladder").inner_text()
    assert ladder.index("certain (1)") < ladder.index("possible (7)")
    assert page.locator(".ae-ladder mark.ae-cue", has_text="it is possible that").count() == 1
    page.locator(".ae-plotview").first.scroll_into_view_if_needed()
    screenshot(page, f"04_claims-{kind}-predictions")

    # Code two claims: the first as the dataset does, the second differently.
    set_widget_value(page, "Claim 1 type", "prescription")
    set_widget_value(page, "Claim 1 certainty", "certain")
    set_widget_value(page, "Claim 2 type", "assessment")
    set_widget_value(page, "Claim 2 certainty", "certain")
    page.get_by_role("button", name="Compare with the dataset").click()
    wait_for_text(page, "You coded 2 of 7 claims.")
    result = page.locator(".ae-agreement").inner_text()
    assert "Type: you agree with the dataset on 1 of 2 claims (50%)" in result
    assert "Certainty: you agree with the dataset on 1 of 2 claims (50%)" in result
    assert "reportedly" in result, "the disagreement is shown with its quote"
    page.locator(".ae-agreement").scroll_into_view_if_needed()
    screenshot(page, f"04_claims-{kind}-agreement")

    with page.expect_download() as download_info:
        page.get_by_text("Download my coding as CSV").click()
    with open(download_info.value.path(), encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["my_type"] for row in rows[:3]] == ["prescription", "assessment", ""]

    set_widget_value(page, "Prediction 1: your verdict", "too early to say")
    wait_for_text(page, "You have judged 1 of 9 predictions")
    with page.expect_download() as download_info:
        page.locator("a.ae-save").click()
    with open(download_info.value.path(), encoding="utf-8") as handle:
        saved = {row["exercise"]: row for row in csv.DictReader(handle)}
    assert saved["coding"]["correct"] == "not marked" and "kappa" in saved["coding"]["my_answer"]
    assert "verdicts" in saved
    assert_healthy(page, log)
