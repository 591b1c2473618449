"""Notebook 02 used as a learner uses it, in JupyterLab and Voila, network blocked."""

from __future__ import annotations

import csv

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .conftest import SCREENSHOTS, screenshot
from .helpers import (
    assert_healthy,
    figure_signature,
    open_in_voila,
    open_notebook,
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
    open_notebook(page, server, NOTEBOOK)
    page.wait_for_selector(".ae-plotview .main-svg")
    wait_for_text(page, "27 of 27 positions shown.")

    square = page.locator(".ae-plotview").first.locator(".scatterlayer .trace").first.locator(".points path").first
    square.scroll_into_view_if_needed()
    square.click(force=True)
    page.wait_for_selector(".ae-card.ae-position")
    assert "supports" in page.locator(".ae-card.ae-position").first.inner_text()

    before = figure_signature(page)
    set_widget_value(page, "Positions", "attributed by the author")
    wait_for_figure_change(page, before)
    wait_for_text(page, "7 of 27 positions shown.")
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
    assert len(rows) == 7 and {row["basis"] for row in rows} == {"attributed"}

    before = figure_signature(page)
    set_widget_value(page, "Issue", "EU sanctions relief")
    wait_for_figure_change(page, before)
    wait_for_text(page, "On “EU sanctions relief for Belarus”")
    assert stance_title(page) == "Stances on “EU sanctions relief for Belarus” over time"

    before = figure_signature(page)
    set_widget_value(page, "Links about", "Russian airbase in Belarus")
    wait_for_figure_change(page, before)
    set_widget_value(page, "Actor", "Alexander Lukashenko")
    page.wait_for_selector(".ae-card.ae-actor")
    card = page.locator(".ae-card.ae-actor").inner_text()
    assert "also called Aleksandr Lukashenko, President Lukashenko" in card and "entity resolution" in card
    page.locator(".ae-plotview").nth(2).scroll_into_view_if_needed()
    screenshot(page, f"02_positions-{kind}-network")
    assert_healthy(page, log, min_figures=3)


STANCE_TITLE_JS = "() => document.querySelectorAll('.ae-plotview')[1].querySelector('.gtitle').textContent"
BOX_JS = "el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }"
NODES_JS = """() => {
    const gd = document.querySelectorAll('.ae-plotview')[2], box = gd.getBoundingClientRect();
    const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis, decode = document.createElement('textarea');
    return gd._fullData.filter(t => t.mode === 'markers+text' && t.customdata).flatMap(t => t.x.map((x, i) => {
        decode.innerHTML = t.hovertext[i].split(' (')[0];
        const px = box.left + xa._offset + xa.l2p(x), py = box.top + ya._offset + ya.l2p(t.y[i]);
        const cx = box.left + xa._offset + xa.l2p(0), cy = box.top + ya._offset + ya.l2p(0);
        const d = Math.hypot(cx - px, cy - py) || 1;  // 6 px from the centre of the symbol, towards the links
        return {name: decode.value, x: px + (cx - px) / d * 6, y: py + (cy - py) / d * 6, pageY: py + window.scrollY};
    }));
}"""

CHOSEN_RINGED_JS = """name => document.querySelectorAll('.ae-plotview')[2].data.some(t => t.customdata
    && t.hovertext.some((h, i) => h.startsWith(name.replace("'", '&#x27;') + ' (')
        && t.marker.line.color[i] === '#000000'))"""


def stance_title(page) -> str:
    return page.evaluate(STANCE_TITLE_JS)


def boxes(locator) -> list[list[float]]:
    return [item.evaluate(BOX_JS) for item in locator.all()]


def overlap(a, b) -> bool:
    return a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1


def test_the_stance_chart_reads_clearly(page, servers):
    """The title names the issue, stays clear of the modebar, and no marker label is cut at the top."""
    log = watch(page)
    open_in_voila(page, servers("voila", "article").notebook_url(NOTEBOOK))
    wait_for_text(page, "On “Russian airbase in Belarus”")
    assert stance_title(page) == "Stances on “Russian airbase in Belarus” over time"
    figure = page.locator(".ae-plotview").nth(1)
    figure.scroll_into_view_if_needed()
    figure.hover()
    title = figure.locator(".gtitle").evaluate(BOX_JS)
    modebar = figure.locator(".modebar").evaluate(BOX_JS)
    assert not overlap(title, modebar), f"title {title} under the modebar {modebar}"
    plot_area = figure.locator(".nsewdrag").first.evaluate(BOX_JS)
    labels = figure.locator(".scatterlayer .textpoint text")
    assert "S · stated" in labels.all_text_contents()
    for text, box in zip(labels.all_text_contents(), boxes(labels), strict=True):
        assert box[1] >= plot_area[1] - 1, f"{text!r} is cut at the top of the plot ({box} vs {plot_area})"
    screenshot(page, "02_positions-voila-stance")
    assert_healthy(page, log, min_figures=3)


def test_network_at_projector_zoom(page, servers):
    """1024×768 at 150 %: labels stay inside, matrix headers do not overlap, a click near any actor
    opens its card, the card opens short, and an impossible year range says why nothing is drawn."""
    log = watch(page)
    page.set_viewport_size({"width": 683, "height": 512})
    open_in_voila(page, servers("voila", "article").notebook_url(NOTEBOOK))
    wait_for_text(page, "27 of 27 positions shown.")
    headers = boxes(page.locator(".ae-plotview").first.locator(".xtick text"))
    assert len(headers) == 7, "one column per actor with a position"
    for i, a in enumerate(headers):
        for b in headers[i + 1 :]:
            assert not overlap(a, b), f"matrix column headers overlap: {a} {b}"
    network = page.locator(".ae-plotview").nth(2)
    network.scroll_into_view_if_needed()
    frame = network.locator(".main-svg").first.evaluate(BOX_JS)
    labels = network.locator(".scatterlayer .textpoint text")
    for text, box in zip(labels.all_text_contents(), boxes(labels), strict=True):
        inside = frame[0] - 1 <= box[0] and box[2] <= frame[2] + 1 and frame[1] - 1 <= box[1] and box[3] <= frame[3] + 1
        assert inside, f"label {text!r} is cut: {box} vs {frame}"
    page.set_viewport_size({"width": 683, "height": 900})  # taller, to photograph the whole figure at this width
    network.screenshot(path=str(SCREENSHOTS / "02_positions-voila-network-683.png"))
    page.set_viewport_size({"width": 683, "height": 512})

    missed = []
    for node in page.evaluate(NODES_JS):
        page.evaluate("y => window.scrollTo(0, y - 250)", node["pageY"])
        target = next(n for n in page.evaluate(NODES_JS) if n["name"] == node["name"])
        page.mouse.move(target["x"], target["y"])
        page.wait_for_timeout(120)
        page.mouse.click(target["x"], target["y"])
        try:
            page.wait_for_function(
                "name => (document.querySelector('.ae-card.ae-actor h4') || {}).textContent === name",
                arg=node["name"],
                timeout=5_000,
            )
            page.wait_for_function(CHOSEN_RINGED_JS, arg=node["name"], timeout=5_000)  # the redraw is done
        except PlaywrightTimeout:
            missed.append((node["name"], round(target["x"]), round(target["y"])))
            page.screenshot(path=str(SCREENSHOTS / "02_positions-voila-network-missed.png"))
    assert missed == [], f"a click 6 px inside these actors' symbols did not open their card: {missed}"
    set_widget_value(page, "Actor", "Russia")
    page.wait_for_function("() => (document.querySelector('.ae-card.ae-actor h4') || {}).textContent === 'Russia'")
    card = page.locator(".ae-card.ae-actor")
    height = card.evaluate("el => el.getBoundingClientRect().height")
    assert height < 1500, f"Russia's card is {height:.0f} px tall when it opens"
    assert "Show all 18 sentences (15 more)" in card.inner_text()
    card.scroll_into_view_if_needed()
    screenshot(page, "02_positions-voila-russia-card-683")

    set_widget_value(page, "From", "2016")
    set_widget_value(page, "To", "2008")
    wait_for_text(page, "No link matches these filters: “From” (2016) is after “To” (2008).")
    assert page.locator(".ae-plotview").nth(2).is_hidden()
    assert_healthy(page, log, min_figures=2)
