"""Every notebook opened in JupyterLab and in Voila, on each of the four datasets, with the network blocked;
and in each, an answer given and saved with *Save my answers*."""

from __future__ import annotations

import csv
import re

import pytest

from ..conftest import ARTICLE_WORDS
from .conftest import NOTEBOOK_DIR, screenshot
from .helpers import assert_healthy, open_notebook, watch

NOTEBOOKS = sorted(path.name for path in NOTEBOOK_DIR.glob("*.ipynb"))


@pytest.mark.parametrize("dataset", ["article", "other_article", "andes_article", "mekong_article"])
@pytest.mark.parametrize("kind", ["lab", "voila"])
@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebook_opens_and_renders_with_the_network_blocked(page, servers, notebook, kind, dataset):
    server = servers(kind, dataset)
    log = watch(page)
    open_notebook(page, server, notebook)
    shot = screenshot(page, f"{notebook.removesuffix('.ipynb')}-{kind}-{dataset}")
    assert_healthy(page, log)
    page.locator(".ae-plotview").first.scroll_into_view_if_needed()
    screenshot(page, f"{notebook.removesuffix('.ipynb')}-{kind}-{dataset}-figure")
    print(f"{notebook} in {kind} on {dataset}: screenshot {shot}; blocked requests: {log.blocked or 'none'}")

    check_one_style_sheet(page)
    check_app_mode_link(page, kind, notebook)
    if dataset != "article":  # the notebooks' prose is the instructor's to adapt; what the package draws is not
        drawn = " ".join(page.locator(".jupyter-widgets").all_text_contents())
        assert not ARTICLE_WORDS.search(drawn), (
            f"the article's words drawn on {dataset}: {ARTICLE_WORDS.findall(drawn)}"
        )
    if dataset == "article":
        answer_and_save(page, notebook)


ONE_STYLE_SHEET_JS = """() => {
  const ours = [...document.querySelectorAll('style')].filter(s => s.textContent.includes('.ae-card'));
  const sheet = document.getElementById('article-explorer-style');
  return {count: ours.length, inHead: !!sheet && sheet.parentElement === document.head,
          rules: sheet && sheet.sheet ? sheet.sheet.cssRules.length : 0,
          widgets: document.querySelectorAll('.ae-explorer, .ae-exercise').length};
}"""


def check_one_style_sheet(page) -> None:
    """However many explorers and exercises the page shows, it holds the project's style sheet
    once, in the document's head, and the sheet is in effect."""
    page.wait_for_function("() => document.getElementById('article-explorer-style') !== null")
    found = page.evaluate(ONE_STYLE_SHEET_JS)
    assert found["widgets"] >= 2, found  # a page with several users of the sheet, or the check proves nothing
    assert (found["count"], found["inHead"]) == (1, True), found
    assert found["rules"] >= 20, found


def check_app_mode_link(page, kind: str, notebook: str) -> None:
    """In JupyterLab, a link opens the notebook as an app (and the app answers); in Voila it is
    hidden, and the only link is to the next notebook's app (none after the last notebook)."""
    app_link = page.locator("a.ae-app-link", has_text="Open this notebook as an app")
    next_link = page.locator("a.ae-app-link", has_text="Next:")
    last = notebook == NOTEBOOKS[-1]
    if kind == "voila":
        assert app_link.count() == 0 or not app_link.first.is_visible()
        assert next_link.count() == (0 if last else 1)
        if not last:
            following = NOTEBOOKS[NOTEBOOKS.index(notebook) + 1]
            assert next_link.evaluate("a => a.href").endswith("/voila/render/" + following)
        return
    page.wait_for_function(
        "name => [...document.querySelectorAll('a.ae-app-link')].some(a => a.href.endsWith('/voila/render/' + name))",
        arg=notebook,
    )
    response = page.request.get(app_link.evaluate("a => a.href"))
    assert response.status == 200 and "voila" in response.text().lower()


def answer_and_save(page, notebook: str) -> None:
    """Answer the first exercise as it stands, then save: the CSV must hold that answer."""
    check = page.get_by_role("button", name=re.compile(r"^Check")).first
    check.scroll_into_view_if_needed()
    exercise = check.locator("xpath=ancestor::div[contains(@class, 'widget-vbox')][1]")
    choices = exercise.locator(".widget-radio-box label")
    if choices.count():  # a multiple-choice question: pick an option first, by its label
        choices.first.click()
    box = exercise.locator("input[type=text]")
    if box.count():  # a number: type one (an empty box is not an answer)
        box.first.fill("1")
    check.click()
    page.wait_for_function("() => document.querySelectorAll('.ae-right, .ae-hint, .ae-not-marked').length > 0")
    # at least this answer: the kernel may already hold answers from an earlier visit to the
    # notebook (a session's answers outlive "Run All")
    page.wait_for_function("() => /Save my answers \\([1-9]\\d* so far\\)/.test(document.body.innerText)")
    with page.expect_download() as download_info:
        page.locator("a.ae-save").click()
    with open(download_info.value.path(), encoding="utf-8-sig") as handle:  # it starts with a BOM
        rows = list(csv.DictReader(handle))
    assert rows and {row["notebook"] for row in rows} == {notebook.removesuffix(".ipynb")}, rows
