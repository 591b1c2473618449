"""Notebook 00 used as a learner uses it: read, choose, answer, save — in JupyterLab and Voila."""

from __future__ import annotations

import csv
import io

import pytest

from ..conftest import PAYLOAD
from .conftest import screenshot
from .helpers import (
    assert_healthy,
    figure_signature,
    open_notebook,
    set_widget_value,
    wait_for_figure_change,
    watch,
    widget_control,
)

NOTEBOOK = "00_start_here.ipynb"
IN_VIEW_JS = """selector => {
    const box = document.querySelector(selector)?.getBoundingClientRect();
    return !!box && box.top >= 0 && box.bottom <= window.innerHeight;
}"""
CARDS_FOLLOW_JS = """() => {
    const paragraph = document.querySelector('.ae-selected').closest('.jupyter-widgets.widget-html');
    const next = paragraph.nextElementSibling;
    return !!next && !!next.querySelector('.ae-card');
}"""


@pytest.mark.parametrize("kind", ["lab", "voila"])
def test_reader_follows_a_sentence_and_a_claim_and_answers_are_saved(page, servers, kind):
    log = watch(page)
    open_notebook(page, servers(kind, "article"), NOTEBOOK)

    before = figure_signature(page)
    set_widget_value(page, "Sentence", "¶ 11, sentence 2 · ")
    wait_for_figure_change(page, before)
    cards = page.locator(".ae-card")
    page.wait_for_function("() => document.body.innerText.includes('This sentence (¶ 11, sentence 2) is cited by')")
    assert "NATO summit in Warsaw" in cards.all_inner_texts().__str__()
    assert page.locator('.ae-selected[data-sentence="p11s2"]').count() == 1

    # a sentence that context events explain: their cards say so, and the marks count them apart
    before = figure_signature(page)
    set_widget_value(page, "Sentence", "¶ 6, sentence 3 · ")
    wait_for_figure_change(page, before)
    page.wait_for_function("() => document.body.innerText.includes('is cited by 2 events (2 of them context, □)')")
    context_cards = page.locator(".ae-card.ae-context")
    assert context_cards.count() == 2
    assert "Context: the article does not report this event" in context_cards.first.inner_text()
    marks = page.locator('.ae-sentence[data-sentence="p06s3"] + .ae-marks').inner_text()
    assert "□2" in marks, marks
    assert "□ context event: the coder added it" in page.locator(".ae-legend").first.inner_text()

    set_widget_value(page, "Event or claim", "Claim: It is just as possible that Russia is already preparing")
    page.wait_for_function("() => document.querySelector('.ae-selected')?.dataset.sentence === 'p10s3'")
    assert page.locator(".ae-selected mark.ae-quote").inner_text().startswith("But it could equally be")
    # the jump scrolls the page to the sentence: it ends up on screen, with its cards right under it
    page.wait_for_function(IN_VIEW_JS, arg='.ae-selected[data-sentence="p10s3"]', timeout=10_000)
    assert page.evaluate(CARDS_FOLLOW_JS), "the chosen sentence's cards come right after its paragraph"
    screenshot(page, f"00_start_here-{kind}-reader")

    bars = page.locator(".ae-plotview .bars .point path")
    bars.nth(bars.count() // 2).scroll_into_view_if_needed()
    before = figure_signature(page)
    bars.last.click(force=True)  # the click lands on plotly's drag layer, as a mouse click does
    wait_for_figure_change(page, before)
    last_paragraph = page.evaluate("() => document.querySelector('.ae-plotview').data[0].x.at(-1)")
    page.wait_for_function(
        "p => document.querySelector('.ae-selected')?.dataset.sentence.startsWith(`p${String(p).padStart(2, '0')}`)",
        arg=last_paragraph,
    )

    paragraphs = page.locator(".ae-exercise").filter(has_text="How many paragraphs")
    set_widget_value(page, "Answer", "9")
    paragraphs.get_by_role("button", name="Check").click()
    paragraphs.locator(".ae-hint").wait_for()
    assert "Too few" in paragraphs.locator(".ae-hint").inner_text()
    saved_wrong = page.locator("a.ae-save").get_attribute("href")  # the file with the answer "9"
    set_widget_value(page, "Answer", "10")
    paragraphs.get_by_role("button", name="Check").click()
    paragraphs.locator(".ae-right").wait_for()

    # the link is drawn afresh after each answer (the count stays: the same question): wait for the
    # new file. (In JupyterLab the kernel may hold answers from an earlier visit to the notebook.)
    page.wait_for_function("old => document.querySelector('a.ae-save').href !== old", arg=saved_wrong)
    save = page.locator("a.ae-save")
    with page.expect_download() as download_info:
        save.click()  # scrolls to it first, and finds it again if it is drawn afresh meanwhile
    download = download_info.value
    assert download.suggested_filename == "my-answers-00_start_here.csv"
    raw = download.path().read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "a byte-order mark, so that spreadsheet programs read UTF-8"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [(r["my_answer"], r["correct"]) for r in rows if r["exercise"] == "body_paragraphs"] == [("10", "yes")]
    assert_healthy(page, log)


def test_text_from_the_dataset_is_shown_not_run(page, servers):
    log = watch(page)
    open_notebook(page, servers("voila", "hostile"), NOTEBOOK)
    picker = widget_control(page, "Event or claim")
    event_label = picker.locator("option").nth(1).text_content()
    picker.select_option(index=1)
    page.wait_for_selector(".ae-card.ae-event")
    screenshot(page, "00_start_here-voila-hostile")
    assert page.evaluate("() => window.__xss") is None, "a script from the dataset ran"
    assert page.locator(".ae-card img, .ae-card script, .ae-card b:text-is('bold?')").count() == 0
    assert PAYLOAD in page.locator(".ae-card.ae-event").first.inner_text()
    assert PAYLOAD in event_label.replace("\xa0", " ")
    assert_healthy(page, log)
