"""Notebook 03 used as a learner uses it, in JupyterLab and Voila, with every request that
leaves 127.0.0.1 blocked: the map must draw from the repository's own files."""

from __future__ import annotations

import csv

import pytest

from .conftest import SCREENSHOTS, screenshot
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

NOTEBOOK = "03_geography_of_militarisation.ipynb"
COUNTRY_FILLS_JS = """() => document.querySelectorAll('.ae-plotview .scatterlayer .trace path.js-fill').length"""


@pytest.mark.parametrize("kind", ["lab", "voila"])
def test_layers_time_and_ring_offline(page, servers, kind):
    log = watch(page)
    server = servers(kind, "article")
    open_notebook(page, server, NOTEBOOK)
    page.wait_for_selector(".ae-plotview .main-svg")
    page.wait_for_function(f"() => ({COUNTRY_FILLS_JS})() >= 5")
    wait_for_text(page, "34 of 37 items shown")
    page.locator(".ae-plotview").first.scroll_into_view_if_needed()
    screenshot(page, f"03_map-{kind}-start")

    before = figure_signature(page)
    page.get_by_label("Conflicts and displacement (5)").first.uncheck()  # the explorer's (the exercise shows it too)
    wait_for_figure_change(page, before)
    wait_for_text(page, "29 of 37 items shown")

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
    with open(download_info.value.path(), encoding="utf-8-sig") as handle:  # with or without a BOM
        rows = list(csv.DictReader(handle))
    assert {"lida", "baranovichi", "minsk"} <= {row["place_id"] for row in rows}
    # The only requests that try to leave are Voila's template asking for Font Awesome's CSS:
    # nothing the map needs (no tiles, no topojson, no plotly.js) is ever fetched from outside.
    assert [url for url in log.blocked if "@fortawesome/fontawesome-free" not in url] == []
    print(f"{kind}: blocked requests: {log.blocked or 'none'}")
    assert_healthy(page, log)


#: What a learner would see wrong on the drawn map: clipped tick labels, names over names or
#: over markers, names off the map, the title under the toolbar, the attribution over the ticks,
#: the legend over the map.
MAP_LAYOUT_JS = """() => {
    const gd = document.querySelector('.ae-plotview.js-plotly-plot, .ae-plotview .js-plotly-plot')
        || document.querySelector('.ae-plotview');
    const svg = gd.querySelector('.main-svg').getBoundingClientRect();
    const plot = gd.querySelector('.draglayer .nsewdrag').getBoundingClientRect();
    const box = el => el.getBoundingClientRect();
    const meets = (a, b, slack) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > slack
        && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > slack;
    const problems = [];
    const yticks = [...gd.querySelectorAll('.ytick text')];
    for (const tick of yticks) {
        if (!/^\\d+(\\.\\d)?°[NS]$/.test(tick.textContent)) problems.push(`y tick "${tick.textContent}"`);
        if (box(tick).left < svg.left - 0.5) problems.push(`y tick ${tick.textContent} cut at the left`);
    }
    const xticks = [...gd.querySelectorAll('.xtick text')];
    for (const tick of xticks)
        if (!/^(\\d+(\\.\\d)?°[EW]|0°)$/.test(tick.textContent)) problems.push(`x tick "${tick.textContent}"`);
    const notes = [...gd.querySelectorAll('.annotation, .gtitle, .gtitle-subtitle')];
    for (const tick of xticks) for (const note of notes)
        if (meets(box(tick), box(note), 0)) problems.push(`"${note.textContent}" over the tick ${tick.textContent}`);
    const legend = gd.querySelector('.legend');
    if (legend && box(legend).top < plot.bottom - 1) problems.push('the legend is over the map');
    const title = gd.querySelector('.gtitle'), modebar = gd.querySelector('.modebar');
    if (title && modebar && meets(box(title), box(modebar), 0)) problems.push('the title is under the toolbar');
    const labels = [...gd.querySelectorAll('.scatterlayer .trace .textpoint text, .scatterlayer .trace text')]
        .filter(t => t.textContent.trim() && box(t).width > 0);
    const markers = [...gd.querySelectorAll('.scatterlayer .trace .points path.point')].map(box)
        .filter(b => b.width > 0 && b.left >= plot.left - 1 && b.right <= plot.right + 1
                && b.top >= plot.top - 1 && b.bottom <= plot.bottom + 1);
    for (const [i, label] of labels.entries()) {
        const a = box(label);
        if (a.left < plot.left - 1 || a.right > plot.right + 1 || a.top < plot.top - 1 || a.bottom > plot.bottom + 1)
            problems.push(`"${label.textContent}" runs off the map`);
        for (const other of labels.slice(i + 1))
            if (meets(a, box(other), 1)) problems.push(`"${label.textContent}" over "${other.textContent}"`);
        for (const marker of markers)
            if (meets(a, marker, 2)) problems.push(`"${label.textContent}" over a marker`);
    }
    const x = gd._fullLayout.xaxis;
    return {problems, labels: labels.map(t => t.textContent), plot: [plot.width, plot.height],
            xrange: x.range.map(v => Math.round(v * 100) / 100),
            asked: [gd.layout.meta.view[0], gd.layout.meta.view[2]].map(v => Math.round(v * 100) / 100),
            yticks: yticks.map(t => t.textContent)};
}"""

VIEWPORTS = {"1280": (1280, 900), "1024": (1024, 768), "150pc-1024": (683, 512)}  # 1024×768 at 150 % zoom


@pytest.mark.parametrize("kind", ["voila", "lab"])
def test_the_map_is_readable_on_small_screens_and_zooms_to_what_matters(page, servers, kind):
    log = watch(page)
    server = servers(kind, "article")
    page.set_viewport_size({"width": 1024, "height": 768})
    open_notebook(page, server, NOTEBOOK)
    page.wait_for_function(f"() => ({COUNTRY_FILLS_JS})() >= 5")
    wait_for_text(page, "34 of 37 items shown")
    figure = page.locator(".ae-plotview").first
    seen = {}
    for zoom in ("Belarus and its neighbours", "the ring", "the whole map"):
        if zoom == "the ring":
            before = figure_signature(page)
            set_widget_value(page, "Ring radius", "500 km")
            wait_for_figure_change(page, before)
            wait_for_text(page, "Within 500 km of Minsk")
            assert (
                widget_control(page, "Zoom")
                .evaluate("el => el.selectedOptions[0].text.replace(/\\u00a0/g, ' ')")
                .startswith("the ring")
            )
        elif zoom == "the whole map":
            before = figure_signature(page)
            set_widget_value(page, "Zoom", zoom)
            wait_for_figure_change(page, before)
        for name, (width, height) in VIEWPORTS.items():
            if kind == "lab" and name == "150pc-1024":
                continue  # Lab's side panels leave the notebook some 350 px at 150 %: projectors use the app
            page.set_viewport_size({"width": width, "height": height})
            page.wait_for_timeout(600)  # the figure follows its box's new width
            figure.scroll_into_view_if_needed()
            where = figure.bounding_box()
            assert where and where["width"] > 0, (zoom, name, where, page.inner_text("body")[:3000])
            assert where["height"] >= 600, f"a new zoom's plot takes its room on the page: {where}"
            page.mouse.move(where["x"] + where["width"] / 2, where["y"] + 40)  # the toolbar shows
            result = page.evaluate(MAP_LAYOUT_JS)
            seen[zoom, name] = result
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / f"03_map-{kind}-{name}-{zoom.split()[-1]}.png"))
            assert result["problems"] == [], (zoom, name, result)
            assert len(result["yticks"]) >= 2, (zoom, name, result)
            (shown_west, shown_east), (west, east) = result["xrange"], result["asked"]
            assert shown_west <= west + 0.01 and east - 0.01 <= shown_east, f"the zoom's area is all shown: {result}"
            assert abs((shown_west + shown_east) - (west + east)) < 0.05, f"and in the middle: {result}"
        if zoom != "the whole map":
            assert {"Minsk", "Lida", "Baranovichi", "Babruysk", "Warsaw", "Kyiv", "Belarus"} <= set(result["labels"])
            assert {"Vilnius", "Riga"} <= set(result["labels"]), "the landmarks are named"
    ranges = {zoom: result["xrange"] for (zoom, _), result in seen.items()}
    assert len(set(map(tuple, ranges.values()))) == 3, f"each zoom shows its own area: {ranges}"
    # At 1024 px at 150 % the area that matters still gets a map some 500 px wide, not a thumbnail.
    if kind == "voila":
        assert seen["Belarus and its neighbours", "150pc-1024"]["plot"][0] >= 400, seen
    assert "Outside this zoom" not in page.inner_text("body"), "the whole map holds every mapped place"
    assert_healthy(page, log)


LANDMARKS_JS = """() => {
    const gd = document.querySelector('.ae-plotview.js-plotly-plot, .ae-plotview .js-plotly-plot')
        || document.querySelector('.ae-plotview');
    const trace = gd.data.find(t => t.name === 'landmark, not named by the article');
    const legend = [...gd.querySelectorAll('.legend .traces .legendtext')].map(t => t.textContent);
    const frames = gd.data.filter(t => t.legendgroup === 'context').flatMap(t => t.x);
    return {ids: trace ? trace.customdata : [], symbol: trace && trace.marker.symbol, legend, frames: frames.length};
}"""


@pytest.mark.parametrize("kind", ["lab", "voila"])
def test_landmarks_are_drawn_and_counted_and_context_events_can_be_hidden(page, servers, kind):
    log = watch(page)
    server = servers(kind, "article")
    open_notebook(page, server, NOTEBOOK)
    page.wait_for_function(f"() => ({COUNTRY_FILLS_JS})() >= 5")
    wait_for_text(page, "34 of 37 items shown, at 18 places. 5 of them context events (□).")
    drawn = page.evaluate(LANDMARKS_JS)
    assert drawn["ids"] == ["riga", "vilnius"] and drawn["symbol"] == "circle-open-dot", drawn
    assert "landmark, not named by the article" in drawn["legend"], drawn["legend"]

    before = figure_signature(page)
    set_widget_value(page, "Ring radius", "500 km")
    wait_for_figure_change(page, before)
    wait_for_text(page, "Vilnius (172 km; landmark, not named by the article), Riga (403 km; landmark")
    page.locator(".ae-plotview").first.scroll_into_view_if_needed()
    assert page.locator(".ae-plotview").first.bounding_box()["height"] >= 600, "the ring's fresh plot has its height"
    screenshot(page, f"03_map-{kind}-landmarks-ring")

    before = figure_signature(page)
    set_widget_value(page, "Up to year", "2013")
    wait_for_figure_change(page, before)
    page.wait_for_function("() => document.body.innerText.includes('By the end of 2013')")
    assert page.evaluate(LANDMARKS_JS)["frames"] == 2, "Lida and Baranovichi show only context events"
    page.locator(".ae-plotview").first.scroll_into_view_if_needed()
    screenshot(page, f"03_map-{kind}-context-2013")

    before = figure_signature(page)
    box = page.get_by_label("Show context events").first
    box.scroll_into_view_if_needed()
    box.uncheck()
    wait_for_figure_change(page, before)
    wait_for_text(page, "2 context events hidden.")
    assert page.evaluate(LANDMARKS_JS)["frames"] == 0
    assert "Context events are hidden." in page.inner_text("body")
    assert_healthy(page, log)
