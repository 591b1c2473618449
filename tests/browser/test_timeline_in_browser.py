"""Notebook 01 used as a learner uses it, in JupyterLab and Voila, network blocked."""

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
    (open_in_lab if kind == "lab" else open_in_voila)(page, server.notebook_url(NOTEBOOK))
    page.wait_for_selector(".ae-plotview .main-svg")
    total = count_shown(page)
    assert total == 29

    before = figure_signature(page)
    set_widget_value(page, "From", "2015")
    wait_for_figure_change(page, before)
    after_years = count_shown(page)
    assert 0 < after_years < total

    before = figure_signature(page)
    widget_control(page, "Actors").select_option(label="Turkey")
    wait_for_figure_change(page, before)
    page.wait_for_function("() => document.body.innerText.includes('1 of 29 events shown.')")

    point = page.locator(".ae-plotview .scatterlayer .trace .points path").first
    point.scroll_into_view_if_needed()
    point.click(force=True)
    page.wait_for_selector(".ae-card.ae-event")
    assert "Turkey shoots down a Russian Su-24" in page.locator(".ae-card.ae-event").inner_text()
    screenshot(page, f"01_timeline-{kind}-card")

    with page.expect_download() as download_info:
        page.locator("a.ae-download").click()
    with open(download_info.value.path(), encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["event_id"] for row in rows] == ["su24_shootdown"]
    assert_healthy(page, log)
