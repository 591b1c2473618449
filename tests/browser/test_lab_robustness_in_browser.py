"""JupyterLab as learners really use it: a dark theme, a projector, a restarted kernel, a notebook
saved and opened again, cells run twice — with the network blocked."""

from __future__ import annotations

import json

from .conftest import NOTEBOOK_DIR, screenshot
from .helpers import KERNEL_IDLE_JS, assert_healthy, open_in_lab, set_widget_value, wait_for_text, watch

DIRTY_JS = "() => window.jupyterapp.shell.currentWidget.context.model.dirty"
KERNEL_VERSION_JS = """async () => {
    const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
    return (await kernel.info).language_info.version;
}"""


RESTART_NOTICE_JS = """() => [...document.querySelectorAll('.ae-explorer')].some(el =>
    getComputedStyle(el, '::before').content.includes('the kernel was restarted'))"""


def run(page, command: str) -> None:
    """Run a JupyterLab command without waiting for it (a command may wait on a dialog)."""
    page.evaluate(f"() => {{ window.jupyterapp.commands.execute('{command}'); }}")


def accept_dialog(page, required: bool = True) -> None:
    button = page.locator(".jp-Dialog button.jp-mod-accept")
    if required or button.count():
        button.click(timeout=30_000)


def colour_of(page, selector: str) -> tuple[str, str]:
    """The text colour and the background colour (of the element or the nearest ancestor that has one)."""
    return page.evaluate(
        """selector => {
        let el = document.querySelector(selector);
        const colour = getComputedStyle(el).color;
        while (el && getComputedStyle(el).backgroundColor === 'rgba(0, 0, 0, 0)') el = el.parentElement;
        return [colour, el ? getComputedStyle(el).backgroundColor : 'none'];
    }""",
        selector,
    )


def luminance(css: str) -> float:
    parts = [float(p) for p in css[css.index("(") + 1 : css.index(")")].split(",")[:3]]
    linear = [(c / 255 / 12.92) if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in parts]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(pair: tuple[str, str]) -> float:
    light, dark = sorted((luminance(pair[0]), luminance(pair[1])), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_opening_a_notebook_leaves_it_unchanged(page, servers):
    page.goto(servers("lab", "article").notebook_url("01_timeline.ipynb"))
    page.wait_for_selector(".jp-Notebook .jp-CodeCell", timeout=90_000)
    page.wait_for_function(KERNEL_IDLE_JS, timeout=90_000)
    page.wait_for_timeout(2_000)
    committed = json.loads((NOTEBOOK_DIR / "01_timeline.ipynb").read_text(encoding="utf-8"))
    if page.evaluate(KERNEL_VERSION_JS) == committed["metadata"]["language_info"]["version"]:
        assert page.evaluate(DIRTY_JS) is False, "opening the notebook marked it modified"


def test_the_dark_theme_keeps_every_text_readable(page, servers):
    log = watch(page)
    open_in_lab(page, servers("lab", "article").notebook_url("01_timeline.ipynb"))
    page.evaluate("() => window.jupyterapp.commands.execute('apputils:change-theme', {theme: 'JupyterLab Dark'})")
    page.wait_for_function("() => document.body.dataset.jpThemeLight === 'false'", timeout=30_000)
    set_widget_value(page, "From", "2016")
    set_widget_value(page, "To", "2008")
    wait_for_text(page, "No event matches")
    page.wait_for_timeout(500)  # the last redraw settles
    page.locator(".ae-nothing").first.scroll_into_view_if_needed()
    screenshot(page, "dark-01-nothing")
    assert contrast(colour_of(page, ".ae-nothing")) >= 4.5, "the 'nothing matches' box"
    set_widget_value(page, "From", "2008")
    set_widget_value(page, "To", "2016")
    page.get_by_text("Show what happened later (hindsight)").first.click()
    picker = page.locator('label.widget-label:text-is("Event")').first.locator("xpath=..").locator("select")
    options = picker.locator("option").all_inner_texts()
    picker.select_option(index=next(i for i, o in enumerate(options) if "Warsaw" in o))
    page.wait_for_selector(".ae-card .ae-later")
    page.locator(".ae-card .ae-later").first.scroll_into_view_if_needed()
    screenshot(page, "dark-01-card")
    assert contrast(colour_of(page, ".ae-card .ae-later")) >= 4.5, "the hindsight 'Later:' line"
    assert contrast(colour_of(page, ".ae-card .ae-meta")) >= 4.5, "a card's dates and sources"
    paper = page.evaluate("() => document.querySelector('.ae-plotview')._fullLayout.paper_bgcolor")
    assert paper.replace(" ", "") == "rgba(0,0,0,0)", "figures take the page's dark background, not a white panel"
    check = page.get_by_role("button", name="Check my view").first
    check.scroll_into_view_if_needed()
    check.click()
    page.wait_for_selector(".ae-hint")
    screenshot(page, "dark-01-feedback")
    assert contrast(colour_of(page, ".ae-hint")) >= 4.5, "an exercise's hint"
    assert_healthy(page, log)


def test_a_restarted_kernel_says_so_and_a_saved_notebook_reopens_with_its_widgets(page, servers):
    log = watch(page)
    url = servers("lab", "article").notebook_url("01_timeline.ipynb")
    open_in_lab(page, url)
    run(page, "kernelmenu:restart")
    accept_dialog(page)
    page.wait_for_function(RESTART_NOTICE_JS, timeout=60_000)
    page.locator(".ae-explorer").first.scroll_into_view_if_needed()
    screenshot(page, "lab-01-after-restart")

    open_in_lab(page, url)  # run everything again, then save and shut down, as a learner ends a session
    run(page, "docmanager:save")
    page.wait_for_function("() => !window.jupyterapp.shell.currentWidget.context.model.dirty", timeout=30_000)
    run(page, "kernelmenu:shutdown")
    page.wait_for_timeout(1_000)
    accept_dialog(page, required=False)
    page.wait_for_timeout(2_000)
    page.goto(url)  # reopened, before any cell runs again
    page.wait_for_selector(".jp-Notebook .jp-CodeCell", timeout=90_000)
    page.wait_for_selector(".ae-explorer", timeout=60_000)
    screenshot(page, "lab-01-reopened")
    assert "model not found" not in page.inner_text("body")
    assert log.page_errors == []


def test_an_exercise_checks_the_explorer_the_learner_sees_after_a_rerun(page, servers):
    log = watch(page)
    open_in_lab(page, servers("lab", "article").notebook_url("01_timeline.ipynb"))
    explorer_cell = page.locator(".jp-CodeCell").filter(has_text="TimelineExplorer(dataset())").first
    explorer_cell.click()
    run(page, "notebook:run-cell")  # the explorer cell again: a new explorer replaces the old one
    page.wait_for_function(KERNEL_IDLE_JS, timeout=60_000)
    exercise = page.locator(".ae-exercise").filter(has_text="still to come").first
    exercise.scroll_into_view_if_needed()
    status = exercise.locator("select[multiple]").first  # the Status list, shown beside the question
    status.select_option(["anticipated", "hypothetical"])
    exercise.get_by_role("button", name="Check my view").click()
    exercise.locator(".ae-right").wait_for(timeout=15_000)
    wait_for_text(page, "6 of 32")  # and the explorer above, the same widgets, shows it
    screenshot(page, "lab-01-exercise-after-rerun")
    assert_healthy(page, log)
