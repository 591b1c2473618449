"""The reader and the exercises, driven through many states without a browser."""

from __future__ import annotations

import dataclasses
import html

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from article_explorer import load_dataset
from article_explorer.data.config import DEFAULT_DATA_DIR, PROJECT_ROOT
from article_explorer.exercises.base import AnswerBook, ChoiceExercise, NumberExercise
from article_explorer.exercises.start_here import body_paragraphs_exercise, predictions_exercise
from article_explorer.explorers.reader import ArticleReader, Selection, build_rows_html
from article_explorer.ui.rendering import highlight

from .conftest import PAYLOAD

DATASETS = {"article": DEFAULT_DATA_DIR, "other_article": PROJECT_ROOT / "tests" / "data" / "other_article"}
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module", params=list(DATASETS))
def reader(request):
    return ArticleReader(load_dataset(DATASETS[request.param]))


def figure_traces(reader: ArticleReader) -> list[dict]:
    return reader.plot.figure["data"]


@SLOW
@given(actions=st.lists(st.tuples(st.sampled_from(["sentence", "row"]), st.integers(0, 10_000)), max_size=12))
def test_every_state_of_the_reader_is_a_valid_view(reader, actions):
    for kind, pick in actions:
        picker = reader.sentence_picker if kind == "sentence" else reader.row_picker
        options = [value for _, value in picker.options]
        picker.value = options[pick % len(options)]
    selection = reader.selection
    assert selection.sentence_id is not None
    assert "is cited by" in reader.rows_view.value or "Nothing in the dataset cites" in reader.rows_view.value
    paragraph = reader._paragraph_of[selection.sentence_id]
    assert f'data-sentence="{selection.sentence_id}"' in reader.paragraph_views[paragraph].value
    assert "ae-selected" in reader.paragraph_views[paragraph].value
    selected_views = [p for p, view in reader.paragraph_views.items() if "ae-selected" in view.value]
    assert selected_views == [paragraph], "exactly one sentence is highlighted"
    if selection.row is not None:
        assert reader._first_sentence_and_quote[selection.row][0] == selection.sentence_id
        assert 'class="ae-quote"' in reader.paragraph_views[paragraph].value
    assert sum(len(trace["y"]) for trace in figure_traces(reader)) > 0


def test_choosing_a_row_jumps_to_its_sentence(reader):
    events = reader.dataset.events
    event_id, sentence_ids = events.iloc[-1]["event_id"], events.iloc[-1]["sentence_ids"]
    reader.row_picker.value = ("events", event_id)
    assert reader.sentence_picker.value == sentence_ids[0]
    assert html.escape(events.iloc[-1]["headline"]) in reader.rows_view.value


def test_a_sentence_that_nothing_cites_says_so_plainly():
    dataset = load_dataset(DEFAULT_DATA_DIR)
    caption = dataset.sentences.loc[dataset.sentences["part"] == "caption", "sentence_id"].iloc[0]
    trimmed = dataclasses.replace(dataset, events=dataset.events.iloc[0:0])
    assert "Nothing in the dataset cites this sentence" in build_rows_html(trimmed, Selection(caption))


@settings(max_examples=200, deadline=None)
@given(answer=st.integers(-1000, 1000))
def test_feedback_never_gives_the_answer_away(answer):
    dataset = load_dataset(DEFAULT_DATA_DIR)
    for exercise in (
        body_paragraphs_exercise(dataset, AnswerBook("t")),
        predictions_exercise(dataset, AnswerBook("t")),
    ):
        feedback = exercise.submit(answer)
        assert feedback.correct == (answer in exercise.correct)
        if not feedback.correct:
            assert not any(str(value) in feedback.message for value in exercise.correct)


def test_an_unanswered_exercise_asks_for_an_answer_and_records_nothing():
    book = AnswerBook("t")
    quiz = ChoiceExercise("c", "Pick one", ["a", "b"], "a", hint="Try again.", book=book)
    assert "Give an answer first" in quiz.submit(None).message
    assert book.answers == {}


def test_answers_are_kept_and_saved_as_csv():
    book = AnswerBook("00_start_here")
    quiz = NumberExercise("n", "How many?", 3, hint_low="More.", hint_high="Fewer.", book=book)
    quiz.submit(2)
    quiz.submit(3)
    lines = book.to_csv().splitlines()
    assert lines[0] == "notebook,exercise,question,my_answer,correct,attempts,answered_at"
    assert lines[1].startswith("00_start_here,n,How many?,3,yes,2,")  # right at the second try
    link = book.save_link().value
    assert 'download="my-answers-00_start_here.csv"' in link and "(1 so far)" in link


def test_highlight_escapes_everything_it_does_not_mark():
    marked = highlight('<img src=x onerror="alert(1)"> may', ["may"])
    assert "<img" not in marked and '<mark class="ae-cue">may</mark>' in marked


def test_text_from_a_hostile_dataset_is_shown_as_text(hostile_dataset):
    dataset = load_dataset(hostile_dataset.path)
    reader = ArticleReader(dataset)
    for event_id in dataset.events["event_id"]:
        reader.row_picker.value = ("events", event_id)
        shown = reader.rows_view.value + "".join(view.value for view in reader.paragraph_views.values())
        assert "<script" not in shown and "<img" not in shown
    assert html.escape(PAYLOAD) in reader.rows_view.value
    labels = [label for label, _ in reader.row_picker.options]
    assert any(PAYLOAD in label for label in labels), "option labels are plain text, shown literally"


def test_clicking_a_paragraph_bar_jumps_to_its_first_sentence(reader):
    last = max(reader._sentences_of)
    reader.plot.clicked = {"customdata": last}
    assert reader.sentence_picker.value == reader._sentences_of[last].iloc[0]["sentence_id"]
    reader.plot.clicked = {"customdata": None}  # a click that is not on a bar changes nothing
    assert reader.sentence_picker.value == reader._sentences_of[last].iloc[0]["sentence_id"]


def test_every_card_shows_the_coder_s_note_and_a_row_without_one_shows_none():
    """Review (§4.3): the coders' caveats were on no card. Expectations copied from data/ by hand."""
    from article_explorer.explorers.positions.cells import Evidence, evidence_html
    from article_explorer.ui.cards import claim_card, event_card, position_card

    dataset = load_dataset()
    claim = dataset.claims.set_index("claim_id", drop=False).loc["us_supports_blr_sovereignty"]
    event = dataset.events.set_index("event_id", drop=False).loc["carpenter_meets_lukashenko"]
    position = dataset.positions.set_index("position_id", drop=False).loc["usa_sovereignty"]
    assert (
        "<b>Coder's note:</b> 'reportedly' marks the author's distance from the report, not Carpenter's doubt."
        in html.unescape(claim_card(dataset, claim))
    )
    assert (
        "<b>Coder's note:</b> The meeting took place on the day the article was published, so the article "
        "describes it in the present tense." in html.unescape(event_card(dataset, event))
    )
    note = "<b>Coder's note:</b> Stated by a US official, reported by the article ('reportedly')"
    assert note in html.unescape(position_card(dataset, position))
    empty = dataset.claims.iloc[0:0]
    panel = evidence_html(
        dataset, Evidence(position.to_frame().T, dataset.events.iloc[0:0], empty), "US", "sovereignty"
    )
    assert note in html.unescape(panel)
    other = load_dataset(PROJECT_ROOT / "tests" / "data" / "other_article")  # its tables carry no notes
    assert "Coder's note" not in claim_card(other, other.claims.iloc[0])
