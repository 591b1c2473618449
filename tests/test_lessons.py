"""The dataset's own reading exercises (lessons/): checked by the validator, answered as a learner
would, and saved.

The fault tests break a copy of data/ and expect the problem from ``check_lessons`` (or the
generic rules), with its file, line and column; the exercise tests answer items of data/ and
of the made-up article through their widgets, with expectations written from the CSVs by hand.
"""

from __future__ import annotations

import csv
import html
import io
import shutil

from article_explorer import load_dataset
from article_explorer.data.config import PROJECT_ROOT
from article_explorer.data.contract import SKILLS
from article_explorer.data.validation import read_dataset
from article_explorer.exercises.base import AnswerBook
from article_explorer.exercises.reading import ReadingExercise, ThinkBox, lesson_items, reading_items, think_box

from .conftest import OTHER_ARTICLE, DatasetCopy, only_problem


def where(problem):
    return problem.file, problem.line, problem.column, problem.value


def rows_of(copy: DatasetCopy, name: str) -> list[dict[str, str]]:
    return copy.rows(f"lessons/{name}")


def option_line(copy: DatasetCopy, item_id: str, option_id: str) -> int:
    rows = rows_of(copy, "options")
    return next(i + 2 for i, r in enumerate(rows) if (r["item_id"], r["option_id"]) == (item_id, option_id))


def set_option(copy: DatasetCopy, item_id: str, option_id: str, column: str, value: str) -> int:
    rows = rows_of(copy, "options")
    for row in rows:
        if (row["item_id"], row["option_id"]) == (item_id, option_id):
            row[column] = value
    copy.write_rows("lessons/options", rows)
    return option_line(copy, item_id, option_id)


# ------------------------------------------------------------------------------- the validator


def test_a_passage_that_is_not_the_article_s_words_is_reported(dataset_copy):
    line = dataset_copy.set_cell(
        "lessons/items", "encroachment_whose_view", "passage", "Russia will deter US encroachment"
    )
    problem = only_problem(dataset_copy.path, "check_lessons")
    assert where(problem) == ("lessons/items.csv", line, "passage", "Russia will deter US encroachment")
    assert problem.message == (
        "does not occur verbatim in its sentences (p09s1); copy the words exactly (an ellipsis, …, may join "
        "fragments in their order)"
    )


def test_a_passage_may_join_verbatim_fragments_with_an_ellipsis(dataset_copy):
    dataset_copy.set_cell(
        "lessons/items",
        "encroachment_whose_view",
        "passage",
        "Russia will seek means … what it sees as US encroachment",
    )
    assert read_dataset(dataset_copy.path).problems == []
    dataset_copy.set_cell("lessons/items", "encroachment_whose_view", "passage", "US encroachment … Russia will seek")
    assert only_problem(dataset_copy.path, "check_lessons").column == "passage"  # fragments out of order


def test_a_passage_from_elsewhere_must_name_its_source(dataset_copy):
    dataset_copy.set_cell("lessons/items", "ring_shows", "passage", "A ring of 500 km.")
    problem = only_problem(dataset_copy.path, "check_lessons")
    assert where(problem) == ("lessons/items.csv", dataset_copy.line_of("lessons/items", "ring_shows"), "source_id", "")
    assert problem.message.startswith("is empty for a passage that cites no sentence of the article")


def test_a_choice_item_without_a_right_option_is_reported(dataset_copy):
    set_option(dataset_copy, "ring_shows", "distance", "verdict", "defensible")
    set_option(dataset_copy, "ring_shows", "distance", "feedback", "Distance, as the crow flies.")
    problem = only_problem(dataset_copy.path, "check_lessons")
    assert where(problem) == (
        "lessons/items.csv",
        dataset_copy.line_of("lessons/items", "ring_shows"),
        "item_id",
        "ring_shows",
    )
    assert problem.message == (
        "has 3 options, 0 of them right; a choice item needs two options or more in options.csv, one of them right"
    )


def test_a_wrong_option_must_name_its_misconception(dataset_copy):
    line = set_option(dataset_copy, "ring_shows", "threat", "misconception_id", "")
    problem = only_problem(dataset_copy.path, "check_lessons")
    assert where(problem) == ("lessons/options.csv", line, "misconception_id", "")
    assert problem.message == "is empty for a wrong option; name the misconception it stands for (misconceptions.csv)"


def test_a_defensible_option_must_say_why(dataset_copy):
    line = set_option(dataset_copy, "refusal_whose", "belarus", "feedback", "")
    problem = only_problem(dataset_copy.path, "check_lessons")
    assert where(problem) == ("lessons/options.csv", line, "feedback", "")
    assert problem.message == (
        "is empty for a defensible option; write why the reading holds, and how the dataset's coding differs"
    )


def test_a_think_item_takes_no_options(dataset_copy):
    rows = rows_of(dataset_copy, "options")
    rows.append({**rows[0], "item_id": "think_photo", "option_id": "yes"})
    dataset_copy.write_rows("lessons/options", rows)
    problem = only_problem(dataset_copy.path, "check_lessons")
    assert where(problem) == ("lessons/options.csv", len(rows) + 1, "item_id", "think_photo")
    assert "is a think item (items.csv line" in problem.message


def test_an_unknown_misconception_is_reported_with_a_suggestion(dataset_copy):
    line = set_option(dataset_copy, "ring_shows", "threat", "misconception_id", "near_is_treat")
    problem = only_problem(dataset_copy.path, "check_references")
    assert where(problem) == ("lessons/options.csv", line, "misconception_id", "near_is_treat")
    assert "did you mean 'near_is_threat'?" in problem.message


def test_a_lessons_folder_must_hold_its_three_files(dataset_copy):
    (dataset_copy.path / "lessons" / "misconceptions.csv").unlink()
    problem = only_problem(dataset_copy.path, "read_files")
    assert problem.file == "lessons/misconceptions.csv"
    assert "is missing; the optional lessons/ folder is there" in problem.message


def test_a_dataset_without_lessons_is_valid_and_says_it_has_none(dataset_copy):
    shutil.rmtree(dataset_copy.path / "lessons")
    dataset = load_dataset(dataset_copy.path)
    assert dataset.items.empty and dataset.options.empty
    shown = reading_items("04_claims_and_evidence", dataset=dataset, book=AnswerBook("t"))
    assert "This dataset brings no reading exercise for this part of the notebook" in shown.children[1].value
    (think,) = think_box("04_claims_and_evidence", dataset=dataset, book=AnswerBook("t")).children
    assert "Which claim of this article would you most want evidence for" in html.unescape(think.children[2].value)


# ------------------------------------------------------------------------------- the data's promises


def test_every_notebook_has_two_reading_items_and_one_think_prompt():
    dataset = load_dataset()
    for notebook in ("00_start_here", "01_timeline", "02_actors_and_positions", "03_geography_of_militarisation",
                     "04_claims_and_evidence"):  # fmt: skip
        kinds = [item.kind for item in lesson_items(dataset, notebook)]
        assert kinds.count("choice") >= 2 and kinds.count("think") == 1, (notebook, kinds)


def test_no_feedback_gives_the_answer_away():
    """A wrong option's nudge names its misconception; it never contains the right option's words."""
    dataset = load_dataset()
    for notebook in dataset.items["notebook"].unique():
        for item in lesson_items(dataset, notebook):
            right = [o.text.lower() for o in item.options if o.verdict == "right"]
            for option in item.options:
                if option.verdict == "wrong":
                    assert option.misconception and option.feedback
                    assert not any(text in option.feedback.lower() for text in right), (item.item_id, option.option_id)


# ------------------------------------------------------------------------------- answered as a learner would


def choose(exercise: ReadingExercise, text: str) -> str:
    exercise.answer_widget.value = text
    exercise.check_button.click()
    return html.unescape(exercise.feedback.value)


def saved(book: AnswerBook) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(book.to_csv())))


def test_a_wrong_option_names_its_misconception_then_the_right_one_explains():
    dataset = load_dataset()
    (item,) = [i for i in lesson_items(dataset, "04_claims_and_evidence") if i.item_id == "reportedly_stance"]
    book = AnswerBook("04_claims_and_evidence")
    exercise = ReadingExercise(item, book)
    assert "Carpenter has reportedly said the main focus" in exercise.widget.children[1].value
    assert "(the article, ¶ 3)" in exercise.widget.children[1].value
    feedback = choose(exercise, "steadfast")
    assert "✘" in feedback and "Watch for “the quoted speaker's confidence is the author's”." in feedback
    assert "Is that word inside the quotation marks? Whose wording is it, then?" in feedback
    assert exercise.solution_box.value == ""  # no explanation before the answer
    feedback = choose(exercise, "reportedly")
    assert "✔" in feedback and "Right." in feedback
    assert "<b>Why:</b> 'Reportedly' is the author's word" in html.unescape(exercise.solution_box.value)
    (row,) = saved(book)
    assert (row["exercise"], row["my_answer"], row["correct"], row["attempts"]) == (
        "reportedly_stance",
        "reportedly",
        "yes",
        "2",
    )


def test_a_defensible_reading_is_kept_not_marked():
    dataset = load_dataset(OTHER_ARTICLE)
    (item, _think) = lesson_items(dataset, "04_claims_and_evidence")
    book = AnswerBook("04_claims_and_evidence")
    exercise = ReadingExercise(item, book)
    feedback = choose(exercise, "The farmers', in their own words")
    assert "◐" in feedback and "Defensible, and kept as not marked:" in feedback
    assert "Paragraph 4 does report what the farmers' unions said" in feedback
    assert "<b>Why:</b> The farmers', in the author's words" in html.unescape(exercise.solution_box.value)
    assert [(r["exercise"], r["correct"]) for r in saved(book)] == [("farmers_doubt", "not marked")]


def test_a_think_answer_is_kept_in_the_saved_answers():
    dataset = load_dataset(OTHER_ARTICLE)
    (_item, think) = lesson_items(dataset, "04_claims_and_evidence")
    book = AnswerBook("04_claims_and_evidence")
    box = ThinkBox(think, book)
    box.check_button.click()
    assert "Give an answer first" in box.feedback.value and book.answers == {}
    box.answer_widget.value = "The ministers' own statements, in Spanish and Portuguese."
    box.check_button.click()
    assert "Kept in your answers (not marked)" in box.feedback.value
    (row,) = saved(book)
    assert (row["exercise"], row["my_answer"], row["correct"]) == (
        "think_accord",
        "The ministers' own statements, in Spanish and Portuguese.",
        "not marked",
    )


def test_reading_items_show_the_notebook_s_items_of_one_stage():
    dataset = load_dataset(OTHER_ARTICLE)
    cold = reading_items("04_claims_and_evidence", "cold", dataset=dataset, book=AnswerBook("t"))
    (exercise,) = cold.children
    assert "But farmers on both banks doubt that it will hold." in exercise.children[1].value
    assert "Whose doubt is this, as the sentence gives it?" in html.unescape(exercise.children[2].value)
    after = reading_items("04_claims_and_evidence", "after", dataset=dataset, book=AnswerBook("t"))
    assert after.children == ()  # its one later item is a think prompt: the Exercises section shows no line


def test_the_instructor_guide_lists_the_objectives_the_items_and_the_misconceptions():
    guide = (PROJECT_ROOT / "docs" / "instructor-guide.md").read_text(encoding="utf-8")
    for number, (key, skill) in enumerate(SKILLS.items(), start=1):
        assert f"{number}. **{skill.name}** (`{key}`): {skill.objective}" in guide
    dataset = load_dataset()
    for item in dataset.items.itertuples():
        assert f"| {item.notebook[:2]} | `{item.item_id}` | {SKILLS[item.skill].name} |" in guide, item.item_id
    for misconception in dataset.misconceptions.itertuples():
        assert f"| “{misconception.name}” | {misconception.description} |" in guide, misconception.name


def test_two_options_of_one_item_cannot_read_the_same(dataset_copy):
    line = set_option(dataset_copy, "ring_shows", "threat", "text", "Which countries are on the centre's side")
    problem = only_problem(dataset_copy.path, "check_lessons")
    assert where(problem) == ("lessons/options.csv", line, "text", "Which countries are on the centre's side")
    assert problem.message == "is the text of another option of item 'ring_shows'"
