"""Helpers for driving notebooks in a real browser: healthy-page checks and widget actions.

Later notebooks' tests use :func:`set_widget_value` and :func:`wait_for_figure_change` to
change a widget as a learner would and wait until the figure has been redrawn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from playwright.sync_api import Page

#: Every address except this machine's (127.0.0.1) and the page's own data: and blob: URLs.
LEAVES_THE_MACHINE = re.compile(r"^(?!(?:https?|wss?)://127\.0\.0\.1[:/]|data:|blob:)")

FIGURE_SIGNATURE_JS = """() => JSON.stringify([...document.querySelectorAll('.js-plotly-plot')].map(
    gd => [gd.data, (gd.layout || {}).shapes]))"""
FIGURE_POINTS_JS = """() => [...document.querySelectorAll('.js-plotly-plot')].map(
    gd => (gd.data || []).reduce((n, t) => n + Math.max((t.x || []).length, (t.y || []).length), 0))"""


@dataclass
class PageLog:
    """What a page did that a test may object to."""

    blocked: list[str] = field(default_factory=list)
    console_errors: list[tuple[str, str]] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def unexpected_console_errors(self) -> list[str]:
        """Console errors other than the 'failed to load' of a request that our own network block aborted."""
        return [
            f"{message} ({url})"
            for message, url in self.console_errors
            if not (message.startswith("Failed to load resource") and url in self.blocked)
        ]


def watch(page: Page) -> PageLog:
    """Block every request that leaves 127.0.0.1 and record what the page complains about."""
    log = PageLog()

    def block(route_request):
        log.blocked.append(route_request.request.url)
        route_request.abort()

    # A pattern (not a Python function) is matched inside Playwright's driver, so the page's own
    # requests to 127.0.0.1 are never held up waiting for this process.
    page.route(LEAVES_THE_MACHINE, block)
    page.on(
        "console",
        lambda m: log.console_errors.append((m.text, m.location.get("url", ""))) if m.type == "error" else None,
    )
    page.on("pageerror", lambda error: log.page_errors.append(str(error)))
    return log


def figure_points(page: Page) -> list[int]:
    return page.evaluate(FIGURE_POINTS_JS)


def figure_signature(page: Page) -> str:
    return page.evaluate(FIGURE_SIGNATURE_JS)


def assert_healthy(page: Page, log: PageLog, *, min_figures: int = 1) -> None:
    """No error output, no JavaScript error, every widget rendered, every figure has data."""
    text = page.inner_text("body")
    assert "Javascript Error" not in text, "a 'Javascript Error' output is on the page"
    where = text.find("Error displaying widget")
    assert where < 0, (
        f"a widget failed to render: {text[max(0, where - 300) : where + 300]!r}; console: {log.console_errors}"
    )
    assert "Traceback" not in text, "a Python traceback is on the page"
    errors = page.locator('[data-mime-type="application/vnd.jupyter.stderr"]')
    assert errors.count() == 0, f"error output: {errors.first.inner_text()[:500]}"
    assert log.page_errors == [], f"uncaught JavaScript errors: {log.page_errors}"
    assert log.unexpected_console_errors() == [], f"console errors: {log.unexpected_console_errors()}"
    assert page.locator(".jupyter-widgets").count() > 0, "no widget rendered"
    points = figure_points(page)
    assert len(points) >= min_figures, f"expected at least {min_figures} figure(s), found {len(points)}"
    assert all(n > 0 for n in points), f"a figure has no data: points per figure {points}"


def widget_control(page: Page, label: str, css: str = "select, input, textarea"):
    """The form control of the ipywidget whose description is ``label``."""
    description = page.locator(f'label.widget-label:text-is("{label}")').first
    return description.locator("xpath=..").locator(css).first


def set_widget_value(page: Page, label: str, value: str) -> None:
    """Set a widget as a learner would: choose an option by its text, or type into a box.

    For a list or drop-down, ``value`` is the option's text, or the start of exactly one option's text.
    """
    control = widget_control(page, label)
    tag = control.evaluate("el => el.tagName.toLowerCase()")
    if tag == "select":
        options = [text.replace("\xa0", " ") for text in control.locator("option").all_inner_texts()]
        matches = [i for i, o in enumerate(options) if o == value] or [
            i for i, o in enumerate(options) if o.startswith(value)
        ]
        assert len(matches) == 1, f"{label}: {len(matches)} options match {value!r} among {options[:5]}"
        control.select_option(index=matches[0])
    else:
        control.fill(value)
        control.press("Enter")


def wait_for_text(page: Page, text: str, timeout: float = 15_000) -> None:
    """Wait until ``text`` appears anywhere on the page."""
    page.wait_for_function("text => document.body.innerText.includes(text)", arg=text, timeout=timeout)


def wait_for_figure_change(page: Page, before: str, timeout: float = 15_000) -> None:
    """Wait until the figures on the page differ from the ``before`` signature."""
    page.wait_for_function(f"before => ({FIGURE_SIGNATURE_JS})() !== before", arg=before, timeout=timeout, polling=100)


KERNEL_IDLE_JS = """() => {
    const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
    const kernel = panel && panel.sessionContext && panel.sessionContext.session && panel.sessionContext.session.kernel;
    return kernel && kernel.status === 'idle';
}"""
ALL_CELLS_RUN_JS = """() => {
    const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
    return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
}"""


def open_in_lab(page: Page, url: str) -> None:
    """Open a notebook in JupyterLab and run all its cells, as a learner would."""
    page.goto(url)
    page.wait_for_selector(".jp-Notebook .jp-CodeCell", timeout=90_000)
    page.wait_for_function(KERNEL_IDLE_JS, timeout=90_000)
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_function(ALL_CELLS_RUN_JS, timeout=180_000)
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
    page.wait_for_function(KERNEL_IDLE_JS, timeout=60_000)


def open_in_voila(page: Page, url: str) -> None:
    """Open a notebook as a Voila app (Voila runs every cell before the page is complete)."""
    page.goto(url, timeout=180_000)
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=120_000)
    page.wait_for_selector(".jupyter-widgets select", timeout=60_000)


def open_notebook(page: Page, server, notebook: str) -> None:
    """Open ``notebook`` as the server shows it: in JupyterLab (and run it), or as a Voila app."""
    (open_in_lab if server.kind == "lab" else open_in_voila)(page, server.notebook_url(notebook))
