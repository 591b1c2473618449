"""The instructor guide's answer key agrees with the answers the exercises compute from the dataset,
and every exercise folds a worked solution, computed from the dataset, under it.

The guide's key is prose an instructor reads before class; the exercises compute their answers.
If the dataset changes, the exercises follow it and these tests fail until the guide does too.
"""

from __future__ import annotations

import re

import pytest

from article_explorer import load_dataset
from article_explorer.data.config import DEFAULT_DATA_DIR, PROJECT_ROOT
from article_explorer.exercises import claims, places, positions, start_here, timeline
from article_explorer.exercises.base import AnswerBook
from article_explorer.explorers.map import MapExplorer

from .conftest import OTHER_ARTICLE

GUIDE = (PROJECT_ROOT / "docs" / "instructor-guide.md").read_text(encoding="utf-8")


def answer_keys() -> dict[str, list[str]]:
    """notebook number -> the items of its answer key, as written in the guide."""
    keys = {}
    for section in re.split(r"^### ", GUIDE, flags=re.MULTILINE)[1:]:
        number = section[:2]
        if "**Answer key**" not in section:
            continue
        key = section.split("**Answer key**", 1)[1].split("**Mistakes to expect**", 1)[0]
        keys[number] = [" ".join(item.split()) for item in re.split(r"^\d+\. ", key, flags=re.MULTILINE)[1:]]
    return keys


def bold(item: str) -> list[str]:
    return re.findall(r"\*\*(.+?)\*\*", item)


@pytest.fixture(scope="module")
def article():
    return load_dataset(DEFAULT_DATA_DIR)


def test_the_guide_has_a_key_for_every_notebook():
    assert sorted(answer_keys()) == ["00", "01", "02", "03", "04"]
    assert [len(items) for _, items in sorted(answer_keys().items())] == [3, 4, 4, 4, 4]


def test_the_keys_numbers_are_the_exercises_answers(article):
    keys = answer_keys()
    book = AnswerBook("key")
    # written out by hand: which key item holds which exercise's answer
    assert bold(keys["00"][0]) == ["10"]
    assert start_here.body_paragraphs_exercise(article, book).correct == {10}
    assert bold(keys["00"][1]) == ["9", "11"]
    assert start_here.predictions_exercise(article, book).correct == {9, 11}
    assert bold(keys["01"][0]) == ["28"]
    assert timeline.outside_dates_exercise(article, book).correct == {28}
    assert bold(keys["01"][1]) == ["2"]
    assert timeline.vague_dates_exercise(article, book).correct == {2}
    assert bold(keys["02"][0]) == ["7"]
    assert positions.attributed_positions_exercise(article, book).correct == {7}
    assert bold(keys["02"][1]) == ["Alexander Lukashenko", "Russia"]
    assert positions.words_only_exercise(article, book).correct == {"Alexander Lukashenko", "Russia"}
    assert bold(keys["02"][3]) == ["Russia"]
    assert positions.most_connected_exercise(article, book).correct == {"Russia"}
    assert bold(keys["04"][1]) == ["6"]
    assert claims.possible_predictions_exercise(article, book).correct == {6}
    assert bold(keys["04"][2]) == ['"reportedly"']
    assert claims.hedge_words_exercise(article, book).correct == {"reportedly"}


def test_the_keys_map_answers_are_the_exercises_answers(article):
    keys, book = answer_keys(), AnswerBook("key")
    app = MapExplorer(article)
    assert bold(keys["03"][0]) == ["4"]
    assert places.capitals_within_exercise(app, book).correct == {4}
    assert bold(keys["03"][1]) == ["3"]
    assert places.neighbours_on_a_side_exercise(app, book).correct == {3}
    assert bold(keys["03"][2]) == ["121 km"]
    assert places.nearest_border_exercise(app, book).correct == set(range(111, 132))
    assert "end of 2014" in keys["03"][3]
    assert "at the end of 2014" in places.dispute_by_year_exercise(app, book).question


def test_each_exercise_folds_its_worked_solution_under_it(article):
    book = AnswerBook("solutions")
    exercise = start_here.body_paragraphs_exercise(article, book)
    assert exercise.solution_box in exercise.widget.children
    assert exercise.solution_box.value.startswith('<details class="ae-solution"><summary>Worked solution</summary>')
    assert "In this dataset the body runs from ¶ 3 to ¶ 12: 10 paragraphs." in exercise.solution_box.value
    assert "Leave out the standfirst and the photo caption, and do not count headings." in exercise.solution


def test_the_worked_solutions_are_the_dataset_s(article):
    """The same exercises on the article and on the made-up one: each solution names its own dataset's facts."""
    book = AnswerBook("solutions")
    other = load_dataset(OTHER_ARTICLE)
    assert (
        "28 of 32 events are dated from outside the article" in timeline.outside_dates_exercise(article, book).solution
    )
    assert "In this dataset ¶ 9 and ¶ 11 have the most, 3 predictions each" in (
        start_here.predictions_exercise(article, book).solution
    )
    map_solution = places.neighbours_on_a_side_exercise(MapExplorer(article), book).solution
    assert "Belarus borders 5 states: Latvia, Lithuania, Poland, Russia and Ukraine." in map_solution
    assert "In 2016, 3 of them were on the side 'NATO members': Latvia, Lithuania and Poland." in map_solution
    # the made-up article: its own facts, and none of the article's
    other_texts = [
        start_here.body_paragraphs_exercise(other, book).solution,
        timeline.outside_dates_exercise(other, book).solution,
        places.nearest_border_exercise(MapExplorer(other), book).solution,
    ]
    assert "In this dataset the body runs from ¶ 3 to ¶ 5: 3 paragraphs." in other_texts[0]
    for text in other_texts:
        assert not re.search(r"Belarus|Minsk|NATO|Russia|Lukashenko", text), text
