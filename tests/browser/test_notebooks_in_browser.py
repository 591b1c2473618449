"""Every notebook opened in JupyterLab and in Voila, on both datasets, with the network blocked."""

from __future__ import annotations

import pytest

from .conftest import NOTEBOOK_DIR, screenshot
from .helpers import assert_healthy, open_in_lab, open_in_voila, watch

NOTEBOOKS = sorted(path.name for path in NOTEBOOK_DIR.glob("*.ipynb"))


@pytest.mark.parametrize("dataset", ["article", "other_article"])
@pytest.mark.parametrize("kind", ["lab", "voila"])
@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebook_opens_and_renders_with_the_network_blocked(page, servers, notebook, kind, dataset):
    server = servers(kind, dataset)
    log = watch(page)
    (open_in_lab if kind == "lab" else open_in_voila)(page, server.notebook_url(notebook))
    shot = screenshot(page, f"{notebook.removesuffix('.ipynb')}-{kind}-{dataset}")
    assert_healthy(page, log)
    page.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
    screenshot(page, f"{notebook.removesuffix('.ipynb')}-{kind}-{dataset}-figure")
    print(f"{notebook} in {kind} on {dataset}: screenshot {shot}; blocked requests: {log.blocked or 'none'}")
