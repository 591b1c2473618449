"""Accessibility: axe-core on every notebook in Voila (WCAG 2.1 A and AA), and the widgets
used with the keyboard alone."""

from __future__ import annotations

import pytest

from .axe import serious_violations
from .conftest import NOTEBOOK_DIR
from .helpers import open_in_voila, watch

NOTEBOOKS = sorted(path.name for path in NOTEBOOK_DIR.glob("*.ipynb"))


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_no_serious_or_critical_violations(page, servers, notebook):
    watch(page)
    open_in_voila(page, servers("voila", "article").notebook_url(notebook))
    page.wait_for_timeout(500)
    violations = serious_violations(page)
    assert violations == [], "\n".join(f"{v['impact']} {v['id']}: {v['help']} {v['nodes']}" for v in violations)


def focus_by_tabbing(page, label: str, limit: int = 300) -> None:
    """Press Tab from the top of the page until the control labelled ``label`` has the focus."""
    page.locator("body").click(position={"x": 1, "y": 1})
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => { const el = document.activeElement;
                       const box = el && el.closest('.widget-inline-hbox');
                       const label = box && box.querySelector('label.widget-label');
                       return label ? label.textContent : null; }"""
        )
        if focused == label:
            return
    raise AssertionError(f"{label!r} cannot be reached with the Tab key")


@pytest.mark.parametrize(
    ("notebook", "label", "expect"),
    [
        ("01_timeline.ipynb", "Event", ".ae-card.ae-event"),
        ("03_geography_of_militarisation.ipynb", "Place", ".ae-card.ae-place"),
    ],
)
def test_a_learner_without_a_mouse_can_choose_and_read(page, servers, notebook, label, expect):
    watch(page)
    open_in_voila(page, servers("voila", "article").notebook_url(notebook))
    focus_by_tabbing(page, label)
    page.keyboard.press("ArrowDown")
    page.wait_for_selector(expect)
