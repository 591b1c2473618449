"""Notebook 03 used as a learner uses it, in JupyterLab and Voila, with every request that
leaves 127.0.0.1 blocked: the map must draw from the repository's own files."""

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

NOTEBOOK = "03_geography_of_militarisation.ipynb"
COUNTRY_FILLS_JS = """() => document.querySelectorAll('.ae-plotview .scatterlayer .trace path.js-fill').length"""


@pytest.mark.parametrize("kind", ["lab", "voila"])
def test_layers_time_and_ring_offline(page, servers, kind):
    log = watch(page)
    server = servers(kind, "article")
    (open_in_lab if kind == "lab" else open_in_voila)(page, server.notebook_url(NOTEBOOK))
    page.wait_for_selector(".ae-plotview .main-svg")
    page.wait_for_function(f"() => ({COUNTRY_FILLS_JS})() >= 5")
    wait_for_text(page, "33 of 36 items shown")
    page.locator(".ae-plotview").first.scroll_into_view_if_needed()
    screenshot(page, f"03_map-{kind}-start")

    before = figure_signature(page)
    page.get_by_label("Conflicts and displacement (5)").uncheck()
    wait_for_figure_change(page, before)
    wait_for_text(page, "28 of 36 items shown")

    before = figure_signature(page)
    set_widget_value(page, "Up to year", "2013")
    wait_for_figure_change(page, before)
    wait_for_text(page, "By the end of 2013")

    before = figure_signature(page)
    set_widget_value(page, "Ring radius", "500 km")
    wait_for_figure_change(page, before)
    wait_for_text(page, "Within 500 km of Minsk: Baranovichi")
    assert "Nearest border of each neighbour: Lithuania 121 km" in page.inner_text("body")
    ring = page.evaluate(
        "() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(gd => gd.data.map(t => t.name || ''))"
    )
    assert "500 km from Minsk" in ring

    marker = page.locator(".ae-plotview .scatterlayer .trace .points path").last
    marker.click(force=True)
    page.wait_for_selector(".ae-card.ae-place")
    page.locator(".ae-plotview").first.scroll_into_view_if_needed()
    screenshot(page, f"03_map-{kind}-ring-2013")

    with page.expect_download() as download_info:
        page.locator("a.ae-download").first.click()
    with open(download_info.value.path(), encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {"lida", "baranovichi", "minsk"} <= {row["place_id"] for row in rows}
    # The only requests that try to leave are Voila's template asking for Font Awesome's CSS:
    # nothing the map needs (no tiles, no topojson, no plotly.js) is ever fetched from outside.
    assert [url for url in log.blocked if "@fortawesome/fontawesome-free" not in url] == []
    print(f"{kind}: blocked requests: {log.blocked or 'none'}")
    assert_healthy(page, log)
