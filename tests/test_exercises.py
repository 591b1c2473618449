"""Exercises as a learner meets them: nothing recorded for an empty box, Enter checks, a changed
answer loses its old feedback, answers saved in words, the newest explorer checked."""

from __future__ import annotations

import base64
import csv
import io
import re

import pytest

from article_explorer.data.config import DEFAULT_DATA_DIR
from article_explorer.data.dataset import load_dataset
from article_explorer.exercises.base import AnswerBook, NumberExercise, answer_book
from article_explorer.exercises.places import dispute_by_year_exercise
from article_explorer.exercises.positions import attributed_cell_exercise
from article_explorer.exercises.start_here import prediction_sentence_exercise
from article_explorer.exercises.timeline import future_events_exercise, hindsight_exercise
from article_explorer.explorers.map.explorer import MapExplorer
from article_explorer.explorers.positions import PositionMatrixExplorer
from article_explorer.explorers.reader import ArticleReader
from article_explorer.explorers.timeline.explorer import TimelineExplorer
from article_explorer.ui import session
from article_explorer.ui.rendering import download_link


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DEFAULT_DATA_DIR)


def number_exercise(book):
    return NumberExercise("n", "How many?", 3, hint_low="More.", hint_high="Fewer.", book=book)


def test_a_number_box_starts_empty_and_an_unanswered_check_records_nothing():
    book = AnswerBook("t")
    quiz = number_exercise(book)
    assert quiz.answer_widget.value == ""
    quiz.check_button.click()
    assert "Give an answer first" in quiz.feedback.value and book.answers == {}


def test_enter_checks_and_a_changed_answer_loses_its_old_feedback():
    book = AnswerBook("t")
    quiz = number_exercise(book)
    quiz.answer_widget.value = "3"
    quiz.answer_widget._handle_msg(
        {"content": {"data": {"method": "custom", "content": {"event": "submit"}}}, "buffers": []}
    )
    assert "Right." in quiz.feedback.value, "Enter in the box checks the answer"
    quiz.answer_widget.value = "4"
    assert quiz.feedback.value == "", "a 'Right.' must not stay beside a changed answer"
    assert book.answers["n"].answer == "3"


def test_a_state_exercise_checks_the_newest_explorer_and_shows_its_controls(dataset):
    book = AnswerBook("t")
    old = TimelineExplorer(dataset)
    exercise = future_events_exercise(old, book)
    new = TimelineExplorer(dataset)  # the learner re-ran the explorer's cell
    assert exercise.explorer is new
    assert new.statuses in exercise.controls_row.children, "the Status list is shown beside the question"
    new.statuses.value = ("anticipated", "hypothetical")
    assert exercise.submit(exercise.current_answer()).correct
    old.statuses.value = ("past",)  # the old, invisible explorer does not count
    assert exercise.submit(exercise.current_answer()).correct


def test_a_state_exercise_run_before_its_explorer_says_what_to_run(monkeypatch):
    monkeypatch.setattr(session, "_explorers", {})
    exercise = future_events_exercise(None, AnswerBook("t"))
    feedback = exercise.submit(exercise.current_answer())
    assert not feedback.correct and "run the cell that shows it" in feedback.message


REPR = re.compile(r"frozenset|\(\(|\)\)|\{'|TimelineFilters|True|False|\('")


def test_saved_answers_are_words_never_python(dataset):
    book = AnswerBook("t")
    timeline = TimelineExplorer(dataset)
    timeline.statuses.value = ("anticipated", "hypothetical")
    timeline.hindsight.value = True
    future_events_exercise(timeline, book).check_button.click()
    hindsight_exercise(timeline, book).check_button.click()
    matrix = PositionMatrixExplorer(dataset)
    matrix.bases.value = ("attributed",)
    attributed_cell_exercise(matrix, book).check_button.click()
    dispute_by_year_exercise(MapExplorer(dataset), book).check_button.click()
    prediction_sentence_exercise(dataset, ArticleReader(dataset), book).check_button.click()
    rows = list(csv.DictReader(io.StringIO(book.to_csv())))
    assert len(rows) == 5
    for row in rows:
        assert not REPR.search(row["my_answer"]), row
    assert rows[0]["my_answer"] == "statuses kept: anticipated, hypothetical; categories kept: 8"
    assert rows[1]["my_answer"] == "hindsight on; event chosen: none"
    assert rows[2]["my_answer"].startswith("positions kept: attributed by the author; ")
    assert rows[4]["my_answer"].startswith("sentence p01s1: “")


def test_downloads_start_with_a_byte_order_mark_so_spreadsheets_read_utf8():
    link = download_link("x.csv", "quote\n“Belarus’s neutrality” é\n", "Download")
    payload = base64.b64decode(re.search(r"base64,([^\"]+)\"", link).group(1))
    assert payload.startswith(b"\xef\xbb\xbf")
    assert payload.decode("utf-8-sig") == "quote\n“Belarus’s neutrality” é\n"


def test_every_exercise_called_from_its_notebook_cell_keeps_its_answer_in_that_notebooks_book():
    from article_explorer.exercises import claims as claims_exercises
    from article_explorer.exercises import places as places_exercises
    from article_explorer.exercises import positions as positions_exercises
    from article_explorer.exercises import start_here, timeline

    notebooks = {
        start_here: "00_start_here",
        timeline: "01_timeline",
        positions_exercises: "02_actors_and_positions",
        places_exercises: "03_geography_of_militarisation",
        claims_exercises: "04_claims_and_evidence",
    }
    for module, notebook in notebooks.items():
        made = [getattr(module, name)() for name in dir(module) if name.endswith("_exercise")]
        assert made, module
        for exercise in made:
            assert exercise.book is answer_book(notebook), (module.__name__, exercise.key)


def test_a_sentence_that_looks_ahead_but_is_coded_otherwise_is_a_defensible_prediction(dataset):
    """Review (§1.3): ¶ 12's last sentence ("will always have far more serious consequences") is
    coded as an assessment; calling it a prediction is defensible, kept but not marked."""
    book = AnswerBook("t")
    reader = ArticleReader(dataset)
    exercise = prediction_sentence_exercise(dataset, reader, book)
    reader.sentence_picker.value = "p12s3"
    exercise.check_button.click()
    assert "◐" in exercise.feedback.value
    assert "codes its claim about the future as an assessment, not a prediction" in exercise.feedback.value
    reader.sentence_picker.value = "p01s1"  # the standfirst's first sentence: about the present
    exercise.check_button.click()
    assert "✘" in exercise.feedback.value and "No prediction is coded from this sentence" in exercise.feedback.value
    reader.sentence_picker.value = "p10s2"  # "Russia may react calmly in public"
    exercise.check_button.click()
    assert "✔" in exercise.feedback.value
    (row,) = csv.DictReader(io.StringIO(book.to_csv()))
    assert (row["correct"], row["attempts"]) == ("yes", "3")
    assert "Defensible, though coded otherwise (claims about the future): ¶ 1 sentence 2, ¶ 5 sentence 1" in (
        exercise.solution
    )
