"""The dataset's own reading exercises used as a learner uses them, in JupyterLab and Voila,
network blocked (notebook 04): a diagnostic distractor's feedback, the right answer and its
explanation, a defensible reading kept as not marked, a Think answer, all in the saved CSV."""

from __future__ import annotations

import base64
import csv
import io

import pytest

from .conftest import screenshot
from .helpers import assert_healthy, open_notebook, watch

NOTEBOOK = "04_claims_and_evidence.ipynb"


def saved_now(page) -> dict[str, dict[str, str]]:
    """The answers the Save link would download now, by exercise (read from its data: address)."""
    href = page.locator("a.ae-save").get_attribute("href")
    text = base64.b64decode(href.split(",", 1)[1]).decode("utf-8-sig")
    return {row["exercise"]: row for row in csv.DictReader(io.StringIO(text))}


def answer(exercise, option: str) -> None:
    exercise.locator(".widget-radio-box label", has_text=option).first.click()
    exercise.get_by_role("button", name="Check").click()


@pytest.mark.parametrize("kind", ["lab", "voila"])
def test_read_closely_then_think_and_save(page, servers, kind):
    log = watch(page)
    open_notebook(page, servers(kind, "article"), NOTEBOOK)
    # in JupyterLab the kernel keeps the answers of an earlier visit to this notebook
    earlier = int(saved_now(page).get("reportedly_stance", {}).get("attempts", 0))
    stance = page.locator(".ae-exercise").filter(has_text="how the author himself stands")
    stance.scroll_into_view_if_needed()
    assert "Carpenter has reportedly said the main focus" in stance.locator("blockquote.ae-passage").inner_text()

    answer(stance, "steadfast")
    stance.locator(".ae-hint").wait_for()
    hint = stance.locator(".ae-hint").inner_text()
    assert "Watch for “the quoted speaker's confidence is the author's”." in hint
    assert "Why:" not in stance.inner_text(), "no explanation before the answer"
    screenshot(page, f"04_reading-{kind}-distractor")
    answer(stance, "reportedly")
    stance.locator(".ae-right").wait_for()
    assert "Why: 'Reportedly' is the author's word" in stance.inner_text()

    pair = page.locator(".ae-exercise").filter(has_text="Read these two sentences together")
    answer(pair, "Nothing that any reaction could prove wrong")
    pair.locator(".ae-not-marked").wait_for()
    assert "Defensible, and kept as not marked" in pair.locator(".ae-not-marked").inner_text()
    screenshot(page, f"04_reading-{kind}-defensible")

    think = page.locator(".ae-exercise").filter(has_text="Think.")
    think.scroll_into_view_if_needed()
    think.locator("textarea").fill("Almost any reaction fits one of the two: I would call it insurance.")
    think.get_by_role("button", name="Keep my answer").click()
    think.locator(".ae-not-marked").wait_for()
    assert "Kept in your answers (not marked)" in think.inner_text()
    screenshot(page, f"04_reading-{kind}-think")

    save = page.locator("a.ae-save")
    save.scroll_into_view_if_needed()
    page.wait_for_function("() => /Save my answers \\((\\d+) so far\\)/.test(document.body.innerText)")
    with page.expect_download() as download_info:
        save.click()
    with open(download_info.value.path(), encoding="utf-8-sig") as handle:
        rows = {row["exercise"]: row for row in csv.DictReader(handle)}
    assert (rows["reportedly_stance"]["my_answer"], rows["reportedly_stance"]["correct"]) == ("reportedly", "yes")
    assert rows["reportedly_stance"]["attempts"] == str(earlier + 2)
    assert rows["calm_or_assertive"]["correct"] == "not marked"
    assert rows["think_insurance"]["my_answer"].startswith("Almost any reaction fits one of the two")
    assert rows["think_insurance"]["correct"] == "not marked"
    assert_healthy(page, log)
