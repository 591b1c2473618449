"""A dataset that does not validate, opened as a learner would: one panel explains, nothing crashes."""

from __future__ import annotations

import pytest

from ..conftest import BROKEN_DATE
from .conftest import screenshot
from .helpers import ALL_CELLS_RUN_JS, KERNEL_IDLE_JS, watch

NOTEBOOK = "03_geography_of_militarisation.ipynb"


@pytest.mark.parametrize("kind", ["lab", "voila"])
def test_the_learner_sees_one_panel_of_problems_and_notices(page, servers, kind):
    server = servers(kind, "broken")
    log = watch(page)
    page.goto(server.notebook_url(NOTEBOOK), timeout=180_000)
    if kind == "lab":
        page.wait_for_selector(".jp-Notebook .jp-CodeCell", timeout=90_000)
        page.wait_for_function(KERNEL_IDLE_JS, timeout=90_000)
        page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
        page.wait_for_function(ALL_CELLS_RUN_JS, timeout=180_000)
        page.wait_for_function(KERNEL_IDLE_JS, timeout=60_000)
    page.wait_for_selector(".ae-dataset-problems", timeout=120_000)
    page.wait_for_selector(".ae-cannot-run", timeout=60_000)
    panel = page.locator(".ae-dataset-problems")
    assert panel.count() == 1
    words = panel.inner_text()
    assert "This notebook cannot show its dataset: it has 1 problem" in words
    assert "events.csv" in words and BROKEN_DATE in words and "months run from 01 to 12" in words
    assert "tell your instructor" in words
    notices = page.locator(".ae-cannot-run")
    # the first cell that needs the dataset (the reading items) shows the panel; the map, the later
    # reading items, the four exercises and the Think box each say they cannot run
    assert notices.count() == 7, "every other part that needs the dataset says it cannot run"
    assert "This part cannot run: the dataset has 1 problem" in notices.first.inner_text()
    text = page.inner_text("body")
    assert "There was an error" not in text and "Traceback" not in text
    assert page.locator('[data-mime-type="application/vnd.jupyter.stderr"]').count() == 0
    assert log.page_errors == [], log.page_errors
    panel.scroll_into_view_if_needed()
    screenshot(page, f"03_geography-{kind}-broken-dataset")
