"""App mode as a class uses it: through JupyterLab's server (the README's command, Binder's
``voila/render/…`` route), page after page, with the network blocked."""

from __future__ import annotations

import json
import time
import urllib.request
from urllib.parse import urlparse

import pytest

from .conftest import CHROMIUM, CHROMIUM_ARGS, screenshot
from .helpers import assert_healthy, open_in_voila, watch

APP = "/voila/render/{}"
LOCAL = ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")


def kernel_ids(server) -> set[str]:
    with urllib.request.urlopen(f"{server.url}/api/kernels", timeout=10) as response:
        return {kernel["id"] for kernel in json.load(response)}


@pytest.fixture(scope="module")
def offline_browser(browser):
    """Chromium whose only way out is a proxy that does not exist: requests to 127.0.0.1 go
    straight through, every other one fails. (Playwright's request interception, which the other
    tests use to block the network, loses the last request a closing page sends: Voila's.)"""
    offline = browser.browser_type.launch(
        executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, "--proxy-server=http://127.0.0.1:9"]
    )
    yield offline
    offline.close()


def test_closing_an_app_page_shuts_its_kernel_down(offline_browser, servers):
    """Ten app pages opened and closed leave no kernel behind (each would hold about 110 MB)."""
    server = servers("lab", "article")
    before = kernel_ids(server)
    left_the_machine: list[str] = []
    for _ in range(10):
        context = offline_browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(120_000)
        page.on(
            "request",
            lambda r: None if r.url.startswith(LOCAL) else left_the_machine.append(r.url),
        )
        open_in_voila(page, server.url + APP.format("01_timeline.ipynb"))
        assert len(kernel_ids(server) - before) >= 1, "the app page runs in a kernel of its own"
        page.goto("about:blank")  # the learner leaves the page: the browser runs its unload handlers
        page.wait_for_timeout(1_000)  # the page's last message (a beacon) goes through the test's network filter
        context.close()
    deadline = time.monotonic() + 60
    while kernel_ids(server) - before and time.monotonic() < deadline:
        time.sleep(1)
    # only Voila's own Font Awesome and MathJax try to leave (and fail at the dead proxy)
    assert {urlparse(url).hostname for url in left_the_machine} <= {"cdn.jsdelivr.net", "cdnjs.cloudflare.com"}, (
        left_the_machine
    )
    left = kernel_ids(server) - before
    assert left == set(), f"closed app pages left {len(left)} kernels running: {server.log_tail()}"


def test_each_app_page_links_to_the_next_one(page, servers):
    server = servers("lab", "article")
    log = watch(page)
    open_in_voila(page, server.url + APP.format("00_start_here.ipynb"))
    link = page.locator("a.ae-app-link:visible")
    assert link.count() == 1, "one link in app mode: to the next notebook"
    assert link.inner_text() == "▶ Next: the timeline"
    assert "Check your setup" not in page.inner_text("body"), "Lab-only cells are left out of the app"
    loader_stops = page.locator(".ae-plotly-loader a, .ae-plotly-loader button, .ae-plotly-loader [tabindex]")
    assert loader_stops.count() == 0, "the invisible loader figure has no tab stops"
    assert page.locator(".modebar-btn").count() > 0
    assert page.locator('.modebar-btn[data-title^="Share"]').count() == 0, "no button that uploads to a cloud"
    link.scroll_into_view_if_needed()
    screenshot(page, "app-mode-next-link")
    link.click()
    page.wait_for_url("**/voila/render/01_timeline.ipynb", timeout=60_000)
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=120_000)
    assert_healthy(page, log)


def test_an_app_page_can_be_dark(page, servers):
    server = servers("lab", "article")
    log = watch(page)
    open_in_voila(page, server.url + APP.format("03_geography_of_militarisation.ipynb") + "?theme=dark")
    assert page.evaluate("() => document.body.dataset.jpThemeLight") == "false"
    paper = page.evaluate("() => document.querySelector('.ae-plotview')._fullLayout.paper_bgcolor")
    assert paper.replace(" ", "") == "rgba(0,0,0,0)", "the map takes the page's dark background"
    screenshot(page, "app-mode-dark-03")
    assert_healthy(page, log)
