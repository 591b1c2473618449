"""Notebook 02 used as a learner uses it, in JupyterLab and Voila, network blocked."""

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

NOTEBOOK = "02_actors_and_positions.ipynb"


@pytest.mark.parametrize("kind", ["lab", "voila"])
def test_filter_choose_a_cell_and_read_its_evidence(page, servers, kind):
    log = watch(page)
    server = servers(kind, "article")
    (open_in_lab if kind == "lab" else open_in_voila)(page, server.notebook_url(NOTEBOOK))
    page.wait_for_selector(".ae-plotview .main-svg")
    wait_for_text(page, "29 of 29 positions shown.")

    square = page.locator(".ae-plotview").first.locator(".scatterlayer .trace").first.locator(".points path").first
    square.scroll_into_view_if_needed()
    square.click(force=True)
    page.wait_for_selector(".ae-card.ae-position")
    assert "supports" in page.locator(".ae-card.ae-position").first.inner_text()

    before = figure_signature(page)
    set_widget_value(page, "Positions", "attributed by the author")
    wait_for_figure_change(page, before)
    wait_for_text(page, "8 of 29 positions shown.")
    assert "100% rest on the author's attribution" in page.inner_text("body")

    set_widget_value(page, "Cell", "Belarus — Russian airbase in Belarus")
    wait_for_text(page, "A key argument against the airbase")
    evidence = page.locator(".ae-card.ae-position").first.inner_text()
    assert "attributed by the author" in evidence and "opposes" in evidence
    screenshot(page, f"02_positions-{kind}-evidence")

    with page.expect_download() as download_info:
        page.locator("a.ae-download").first.click()
    with open(download_info.value.path(), encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 8 and {row["basis"] for row in rows} == {"attributed"}

    before = figure_signature(page)
    set_widget_value(page, "Issue", "EU sanctions relief")
    wait_for_figure_change(page, before)
    wait_for_text(page, "On “EU sanctions relief for Belarus”")

    before = figure_signature(page)
    set_widget_value(page, "Links about", "Russian airbase in Belarus")
    wait_for_figure_change(page, before)
    set_widget_value(page, "Actor", "Alexander Lukashenko")
    page.wait_for_selector(".ae-card.ae-actor")
    card = page.locator(".ae-card.ae-actor").inner_text()
    assert "Aleksandr Lukashenko" in card and "entity resolution" in card
    page.locator(".ae-plotview").nth(2).scroll_into_view_if_needed()
    screenshot(page, f"02_positions-{kind}-network")
    assert_healthy(page, log, min_figures=3)
