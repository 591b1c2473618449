"""The offline handouts opened from disk in Chromium with every request blocked: figures draw,
hover, filter by their legends and zoom; nothing is fetched; no error."""

from __future__ import annotations

import pytest

from article_explorer.tools.handouts import NOTEBOOK_DIR, write_handouts

from .conftest import screenshot

NOTEBOOKS = sorted(path.stem for path in NOTEBOOK_DIR.glob("*.ipynb"))
FIGURES_JS = "() => [...document.querySelectorAll('.js-plotly-plot')].map(gd => gd.data.length)"


@pytest.fixture(scope="module")
def handouts(tmp_path_factory):
    """The one command's work: every notebook run and written out."""
    return {path.stem: path for path in write_handouts(tmp_path_factory.mktemp("handouts"))}


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_a_handout_works_with_no_network_and_no_server(page, handouts, name):
    requested, errors = [], []

    def route(route_request):
        url = route_request.request.url
        if url.startswith(("file:", "data:", "blob:")):
            route_request.continue_()
        else:
            requested.append(url)
            route_request.abort()

    page.route("**/*", route)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(handouts[name].as_uri())
    page.wait_for_selector(".js-plotly-plot .main-svg")
    figures = page.evaluate(FIGURES_JS)
    assert figures and all(n > 0 for n in figures), figures
    assert page.content().count("* plotly.js v") == 1, "plotly.js is in the file once"

    # Hover: a point shows its label.
    figure = page.locator(".js-plotly-plot").first
    figure.scroll_into_view_if_needed()
    points = figure.locator(".scatterlayer .trace .points path, .barlayer .point path")
    visible = points.evaluate_all(
        "els => els.findIndex(el => { const r = el.getBBox(); return r.width > 2 && r.height > 2; })"
    )
    points.nth(visible).hover(force=True)
    page.wait_for_selector(".hoverlayer .hovertext", timeout=5_000)

    # Legend: a click hides a trace, a second click shows it again.
    legend = figure.locator(".legend .traces .legendtoggle").first
    legend.click(force=True)
    page.wait_for_function("() => document.querySelector('.js-plotly-plot').data.some(t => t.visible === 'legendonly')")
    # Zoom: dragging across the plot narrows the x axis.
    before = page.evaluate("() => JSON.stringify(document.querySelector('.js-plotly-plot')._fullLayout.xaxis.range)")
    area = figure.locator(".nsewdrag").first.bounding_box()
    page.mouse.move(area["x"] + area["width"] * 0.3, area["y"] + area["height"] * 0.5)
    page.mouse.down()
    page.mouse.move(area["x"] + area["width"] * 0.6, area["y"] + area["height"] * 0.6, steps=5)
    page.mouse.up()
    page.wait_for_function(
        "before => JSON.stringify(document.querySelector('.js-plotly-plot')._fullLayout.xaxis.range) !== before",
        arg=before,
    )
    screenshot(page, f"handout-{name}")
    assert requested == [], f"a handout asked the network for {requested}"
    assert errors == [], errors
