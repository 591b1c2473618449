"""Validity is a promise: every dataset the validator accepts renders every explorer in every state
a learner can reach, and every exercise on it is solvable, or says plainly why it cannot be posed.

The datasets are drawn by :func:`tests.strategies.valid_datasets`, written to a folder, validated
and loaded with the project's loader, then given to every explorer and every exercise that the
notebooks build:

* each control of each explorer is set to each of its options (or a sample: the first, the last
  and some between), one control at a time from the explorer's first state, and then along a
  short random walk; after every change the explorer must show a figure with something drawn on
  it (JSON a browser can read), or its plain "nothing matches" message;
* each exercise is answered through its widgets with the answer it accepts (a state exercise by
  setting its explorer's controls), its Check button is clicked, and it must say "Right."; an
  exercise the dataset cannot pose must be a :class:`~article_explorer.exercises.base.NotPosed`,
  and only when the dataset lacks what its question needs.

How many datasets: ``GENERATED_DATASETS`` (default :data:`DEFAULT_EXAMPLES`: a run of about two
minutes), e.g. ``GENERATED_DATASETS=300 python3 -m pytest tests/test_generated_datasets.py``.

A failing example prints the whole dataset, file by file
(:meth:`tests.strategies.GeneratedDataset.__repr__`).

The end of the file holds regression tests: four crashes found in a code review, and those the
generator found (the map's four among them), each on a small dataset written by hand, with what
a learner sees on it.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import ipywidgets as widgets
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import event as _event
from hypothesis import note as _note
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context

from article_explorer.data.dataset import Dataset, DatasetError, load_dataset
from article_explorer.data.queries import most_contested_issue
from article_explorer.data.validation import read_dataset
from article_explorer.exercises import claims as claim_exercises
from article_explorer.exercises import places as place_exercises
from article_explorer.exercises import positions as position_exercises
from article_explorer.exercises import start_here as start_exercises
from article_explorer.exercises import timeline as timeline_exercises
from article_explorer.exercises.base import AnswerBook, ChoiceExercise, NotPosed, NumberExercise, StateExercise
from article_explorer.exercises.coding import CodingWorkbench, PredictionReview, coding_sample
from article_explorer.explorers.claims import ClaimsExplorer
from article_explorer.explorers.map import MapExplorer
from article_explorer.explorers.network import ActorNetworkExplorer, NetworkFilters, author_id, network_links
from article_explorer.explorers.positions import PositionMatrixExplorer, StanceOverTime
from article_explorer.explorers.reader import ArticleReader
from article_explorer.explorers.timeline import TimelineExplorer
from article_explorer.ui import session
from article_explorer.ui.style import page_style

from .conftest import OTHER_ARTICLE, DatasetCopy, only_problem
from .strategies import GeneratedDataset, valid_datasets

DEFAULT_EXAMPLES = 20
EXAMPLES = int(os.environ.get("GENERATED_DATASETS", DEFAULT_EXAMPLES))
#: How many values of one control are tried, at most (the first, the last and some between).
MAX_VALUES_PER_CONTROL = 6
#: How many changes the random walk of each explorer makes.
WALK_STEPS = 6
GENERATED = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def note(text: str) -> None:
    """Say what the test did, in a failing example's report (a no-op outside hypothesis)."""
    if currently_in_test_context():
        _note(text)


def event(text: str) -> None:
    """Count a shape or an outcome in hypothesis's statistics (a no-op outside hypothesis)."""
    if currently_in_test_context():
        _event(text)


# ------------------------------------------------------------------------------- datasets and widgets


@contextmanager
def written(generated: GeneratedDataset) -> Iterator[Path]:
    """The generated dataset written to a scratch folder (removed afterwards)."""
    folder = Path(tempfile.mkdtemp(prefix="generated-dataset-"))
    try:
        yield generated.write(folder / "data")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(autouse=True)
def fresh_session() -> Iterator[None]:
    """Each test starts as a new kernel would: no explorer of another test's dataset is the newest."""
    session.forget_explorers()
    yield


@contextmanager
def closing_new_widgets() -> Iterator[None]:
    """Close, afterwards, every widget made inside: ipywidgets keeps each widget alive until it is
    closed, so a long run (hundreds of datasets, a hundred widgets per explorer) would otherwise
    grow by gigabytes and take minutes to exit."""
    registry = getattr(widgets.widget, "_instances", {})
    page_style()  # the kernel's one style widget, which every view shares: made before, so never closed
    before = set(registry)
    try:
        yield
    finally:
        session.forget_explorers()  # the next dataset's explorers are never shown to this one's exercises
        for key in set(registry) - before:
            made = registry.get(key)
            if made is not None:
                made.close()


def loaded(generated: GeneratedDataset) -> Dataset:
    """The generated dataset, validated and loaded by the project's loader."""
    for shape in sorted(generated.shape):
        event(shape)
    with written(generated) as path:
        problems = read_dataset(path).problems
        assert problems == [], "the generator wrote an invalid dataset:\n" + "\n".join(map(str, problems))
        return load_dataset(path)


def descendants(widget: widgets.Widget) -> Iterator[widgets.Widget]:
    """A widget and every widget inside it that a learner sees (hidden boxes left out)."""
    if getattr(widget.layout, "display", None) == "none":
        return
    yield widget
    for child in getattr(widget, "children", ()):
        yield from descendants(child)


CHOICES = (widgets.Dropdown, widgets.Select, widgets.RadioButtons, widgets.ToggleButtons, widgets.SelectionSlider)
CONTROLS = (
    *CHOICES,
    widgets.SelectMultiple,
    widgets.SelectionRangeSlider,
    widgets.Checkbox,
    widgets.IntSlider,
    widgets.Text,
    widgets.Button,
)


def controls(root: widgets.Widget) -> list[widgets.Widget]:
    """The controls a learner can change inside ``root`` (buttons too), once each, in the order shown."""
    seen: dict[int, widgets.Widget] = {}
    for widget in descendants(root):
        if isinstance(widget, CONTROLS) and not getattr(widget, "disabled", False):
            seen.setdefault(id(widget), widget)
    return list(seen.values())


def option_values(control: widgets.Widget) -> list:
    return [option[1] if isinstance(option, tuple) else option for option in control.options]


def sample(values: list, limit: int = MAX_VALUES_PER_CONTROL) -> list:
    """The first and the last of ``values`` and some evenly between them."""
    if len(values) <= limit:
        return list(values)
    step = (len(values) - 1) / (limit - 1)
    return [values[round(i * step)] for i in range(limit)]


def values_to_try(control: widgets.Widget) -> list:
    """The values of a control worth setting: every option of a short list, a sample of a long one."""
    if isinstance(control, widgets.Checkbox):
        return [not control.value, control.value]
    if isinstance(control, widgets.SelectMultiple):
        every = tuple(option_values(control))
        return [(), every, *((value,) for value in sample(list(every), MAX_VALUES_PER_CONTROL - 2))]
    if isinstance(control, widgets.SelectionRangeSlider):
        every = option_values(control)
        return [(every[0], every[-1]), (every[0], every[0]), (every[-1], every[-1])]
    if isinstance(control, CHOICES):
        return sample(option_values(control))
    if isinstance(control, widgets.IntSlider):
        return sorted({control.min, control.max, (control.min + control.max) // 2})
    if isinstance(control, widgets.Text):
        return ["", "3", "not a number"]
    return [None]  # a button: clicked


def allowed(control: widgets.Widget, value) -> bool:
    """Whether ``control`` may be set to ``value`` now (another control may have changed its options)."""
    if isinstance(control, widgets.SelectMultiple):
        return set(value) <= set(option_values(control))
    if isinstance(control, CHOICES):
        return value in option_values(control)
    return True


def change(control: widgets.Widget, value) -> None:
    """Set a control as a learner would (a button is clicked)."""
    if isinstance(control, widgets.Button):
        control.click()
    else:
        control.value = value


def drawn_points(figure: dict) -> int:
    """How many points the traces of a plotly figure dict draw (values other than None)."""
    return sum(
        sum(value is not None for value in trace.get(axis) or [])
        for trace in figure.get("data", [])
        for axis in ("x", "y", "lat", "lon")
    )


def assert_json_compliant(figure: dict, where: str) -> None:
    """A figure travels to the browser as JSON: no NaN or infinity, no value JSON cannot hold, no
    date or number printed as one it cannot draw."""

    def reject(value):
        raise TypeError(f"{type(value).__name__} {value!r} in the figure of {where} is not JSON")

    text = json.dumps(figure, allow_nan=False, default=reject)
    assert '"NaT"' not in text and '"nan"' not in text, f"the figure of {where} holds a date or number it cannot draw"


def visible_html(root: widgets.Widget) -> str:
    return "\n".join(w.value for w in descendants(root) if isinstance(w, widgets.HTML))


def assert_shows_something(explorer, where: str) -> None:
    """The explorer shows a figure with something drawn on it, or says plainly that nothing matches."""
    root = explorer.widget
    plot = getattr(explorer, "plot", None)
    if plot is None:  # the coding workbench and the prediction review: claims to code, or a line
        assert visible_html(root).strip(), f"{where}: shows nothing"
        return
    assert_json_compliant(plot.figure, where)
    assert_json_compliant(plot.base, where)
    shown = any(widget is plot for widget in descendants(root))
    drawn = shown and drawn_points(plot.figure) + drawn_points(plot.base) > 0
    assert drawn or 'class="ae-nothing"' in visible_html(root), f"{where}: neither a figure nor a message"


def walk(explorer, name: str, data: st.DataObject | None = None, steps: int = WALK_STEPS) -> None:
    """Set each control of ``explorer`` to each value worth trying, one control at a time (each
    put back before the next), then take a random walk of ``steps`` changes, buttons clicked too;
    after each change, the explorer must show something."""
    assert_shows_something(explorer, f"{name} as first shown")
    for control in controls(explorer.widget):
        if isinstance(control, widgets.Button):
            continue  # the All and None buttons set a list to values tried here anyway
        first = control.value
        for value in values_to_try(control):
            if allowed(control, value):
                note(f"{name}: {control.description or type(control).__name__} = {value!r}")
                change(control, value)
                assert_shows_something(explorer, f"{name} with {control.description!r} = {value!r}")
        if allowed(control, first):
            control.value = first
    if data is None:
        return
    for _ in range(steps):
        live = controls(explorer.widget)
        if not live:  # nothing to change (a prediction review without predictions)
            return
        control = data.draw(st.sampled_from(live), label=f"{name}: control")
        value = data.draw(
            st.sampled_from([v for v in values_to_try(control) if allowed(control, v)] or [None]),
            label=f"{name}: {control.description}",
        )
        change(control, value)
        assert_shows_something(explorer, f"{name} after {control.description!r} = {value!r} in a walk")


# ------------------------------------------------------------------------------- the explorers

#: The explorers the notebooks build, each from the dataset alone.
EXPLORERS: dict[str, Callable[[Dataset], object]] = {
    "ArticleReader": ArticleReader,
    "TimelineExplorer": TimelineExplorer,
    "PositionMatrixExplorer": PositionMatrixExplorer,
    "StanceOverTime": StanceOverTime,
    "ActorNetworkExplorer": ActorNetworkExplorer,
    "MapExplorer": MapExplorer,
    "ClaimsExplorer": ClaimsExplorer,
    "CodingWorkbench": lambda dataset: CodingWorkbench(dataset, AnswerBook("test")),
    "PredictionReview": lambda dataset: PredictionReview(dataset, AnswerBook("test")),
}


def assert_first_view_shows_everything(name: str, explorer, dataset: Dataset) -> None:
    """An explorer's first view hides nothing its filters could show: every event on the timeline,
    every link (but the author's own) in the network. A row no state shows could never be seen."""
    if isinstance(explorer, TimelineExplorer):
        total = len(dataset.events)
        assert f"<b>{total} of {total} events shown." in explorer.count.value, f"{name}: {explorer.count.value}"
    if isinstance(explorer, ActorNetworkExplorer):
        every = network_links(dataset, NetworkFilters())
        shown = network_links(dataset, explorer.filters)
        assert len(shown) == len(every), f"{name} first shows {len(shown)} of its {len(every)} links"


def render_everything(dataset: Dataset, data: st.DataObject | None = None) -> None:
    """Build every explorer on ``dataset`` and walk its controls."""
    for name, build in EXPLORERS.items():
        note(f"building {name}")
        explorer = build(dataset)
        assert_first_view_shows_everything(name, explorer, dataset)
        walk(explorer, name, data)


@GENERATED
@given(generated=valid_datasets(), data=st.data())
def test_every_explorer_renders_every_generated_dataset_in_every_state(generated, data):
    with closing_new_widgets():
        render_everything(loaded(generated), data)


# ------------------------------------------------------------------------------- the exercises


def click_check(exercise) -> str:
    exercise.check_button.click()
    return exercise.feedback.value


def answer_number(exercise: NumberExercise, context: dict) -> None:
    accepted = sorted(exercise.correct)
    exercise.answer_widget.value = str(accepted[len(accepted) // 2])


def answer_choice(exercise: ChoiceExercise, context: dict) -> None:
    right = [option for option in option_values(exercise.answer_widget) if option in exercise.correct]
    assert right, f"{exercise.key}: no option is right: {exercise.question}"
    exercise.answer_widget.value = right[0]


def set_prediction_sentence(exercise: StateExercise, context: dict) -> None:
    claims = context["dataset"].claims
    sentence = claims.loc[claims["claim_type"] == "prediction", "sentence_ids"].iloc[0][0]
    context["reader"].sentence_picker.value = sentence


def set_future_statuses(exercise: StateExercise, context: dict) -> None:
    timeline = context["timeline"]
    timeline.categories.value = tuple(option_values(timeline.categories))
    timeline.statuses.value = tuple(s for s in option_values(timeline.statuses) if s in timeline_exercises.FUTURE)


def show_every_event(timeline: TimelineExplorer) -> None:
    """Undo the filters an earlier exercise set: every list kept whole, every year, context events too."""
    for multiple in (timeline.actors, timeline.categories, timeline.statuses, timeline.date_bases):
        multiple.value = tuple(option_values(multiple))
    timeline.first_year.value, timeline.last_year.value = timeline.first_year.options[0], timeline.last_year.options[-1]
    timeline.context.value = True


def choose_an_outcome(exercise: StateExercise, context: dict) -> None:
    timeline = context["timeline"]
    show_every_event(timeline)
    timeline.hindsight.value = True
    events = context["dataset"].events
    known = set(events.loc[events["outcome"] != "", "event_id"])
    timeline.event_picker.value = next(e for e in option_values(timeline.event_picker) if e in known)


def open_an_attributed_cell(exercise: StateExercise, context: dict) -> None:
    matrix = context["matrix"]
    matrix.bases.value = ("attributed",)
    matrix.cell_picker.value = next(value for value in option_values(matrix.cell_picker) if value)


def show_the_dispute(exercise: StateExercise, context: dict) -> None:
    app = context["map"]
    for layer, box in app.layer_boxes.items():
        box.value = layer == "dispute"
    app.hindsight.value = False
    year = int(re.search(r"at the end of (\d+)", exercise.question)[1])
    assert year in option_values(app.year), f"the year asked for, {year}, is not in 'Up to year'"
    app.year.value = year


def code_and_compare(exercise: StateExercise, context: dict) -> None:
    bench = context["workbench"]
    for kind, certainty in bench.pickers.values():
        kind.value, certainty.value = option_values(kind)[1], option_values(certainty)[1]
    bench.compare_button.click()


def predictions(dataset: Dataset) -> pd.DataFrame:
    return dataset.claims[dataset.claims["claim_type"] == "prediction"]


def other_links(dataset: Dataset) -> bool:
    """Whether the network has a link that is not the author's own (those are left out by default)."""
    links = network_links(dataset, NetworkFilters())
    return bool((links[["source", "target"]] != author_id(dataset)).all(axis=1).any())


def words_only_actors(dataset: Dataset) -> bool:
    if dataset.positions.empty:
        return False
    on_issue = dataset.positions[dataset.positions["issue_id"] == most_contested_issue(dataset)]
    return bool(set(on_issue["actor_name"]) - set(on_issue.loc[on_issue["basis"] == "action", "actor_name"]))


@dataclass(frozen=True)
class Case:
    """One exercise as a notebook makes it: how to make it, what it needs of the dataset to be
    posed (``None``: it may or may not be), and how to give it its answer through its widgets."""

    make: Callable[[dict], object]
    answer: Callable[[object, dict], None]
    posable: Callable[[Dataset], bool] | None = None


def _point_places(dataset: Dataset) -> bool:
    return bool(dataset.places["geo_precision"].isin(["city", "site"]).any())


EXERCISES: dict[str, Case] = {
    "body_paragraphs": Case(
        lambda c: start_exercises.body_paragraphs_exercise(c["dataset"], c["book"]), answer_number, lambda d: True
    ),
    "most_predictions": Case(
        lambda c: start_exercises.predictions_exercise(c["dataset"], c["book"]),
        answer_number,
        lambda d: not predictions(d).empty,
    ),
    "prediction_sentence": Case(
        lambda c: start_exercises.prediction_sentence_exercise(c["dataset"], c["reader"], c["book"]),
        set_prediction_sentence,
        lambda d: not predictions(d).empty,
    ),
    "outside_dates": Case(
        lambda c: timeline_exercises.outside_dates_exercise(c["dataset"], c["book"]), answer_number, lambda d: True
    ),
    "vague_dates": Case(
        lambda c: timeline_exercises.vague_dates_exercise(c["dataset"], c["book"]), answer_number, lambda d: True
    ),
    "future_events": Case(
        lambda c: timeline_exercises.future_events_exercise(c["timeline"], c["book"]),
        set_future_statuses,
        lambda d: bool(d.events["status"].isin(timeline_exercises.FUTURE).any()),
    ),
    "hindsight_outcome": Case(
        lambda c: timeline_exercises.hindsight_exercise(c["timeline"], c["book"]),
        choose_an_outcome,
        lambda d: bool((d.events["outcome"] != "").any()),
    ),
    "attributed_positions": Case(
        lambda c: position_exercises.attributed_positions_exercise(c["dataset"], c["book"]),
        answer_number,
        lambda d: True,
    ),
    "words_only": Case(
        lambda c: position_exercises.words_only_exercise(c["dataset"], c["book"]), answer_choice, words_only_actors
    ),
    "attributed_cell": Case(
        lambda c: position_exercises.attributed_cell_exercise(c["matrix"], c["book"]),
        open_an_attributed_cell,
        lambda d: bool((d.positions["basis"] == "attributed").any()),
    ),
    "most_connected": Case(
        lambda c: position_exercises.most_connected_exercise(c["dataset"], c["book"]), answer_choice, other_links
    ),
    "capitals_within": Case(
        lambda c: place_exercises.capitals_within_exercise(c["map"], c["book"]), answer_number, _point_places
    ),
    "neighbours_on_a_side": Case(
        lambda c: place_exercises.neighbours_on_a_side_exercise(c["map"], c["book"]), answer_number
    ),
    "nearest_border": Case(lambda c: place_exercises.nearest_border_exercise(c["map"], c["book"]), answer_number),
    "dispute_by_year": Case(lambda c: place_exercises.dispute_by_year_exercise(c["map"], c["book"]), show_the_dispute),
    "most_certain_prediction": Case(
        lambda c: claim_exercises.most_certain_prediction_exercise(c["dataset"], c["book"]),
        answer_choice,
        lambda d: not predictions(d).empty,
    ),
    "possible_predictions": Case(
        lambda c: claim_exercises.possible_predictions_exercise(c["dataset"], c["book"]), answer_number, lambda d: True
    ),
    "hedge_words": Case(
        lambda c: claim_exercises.hedge_words_exercise(c["dataset"], c["book"]),
        answer_choice,
        lambda d: bool(((d.claims["certainty"] != "certain") & d.claims["hedge_cues"].map(len).eq(1)).any()),
    ),
    "code_and_compare": Case(
        lambda c: claim_exercises.coding_exercise(c["workbench"], c["book"]),
        code_and_compare,
        lambda d: not coding_sample(d).empty,
    ),
}


def assert_exercise_is_solvable_or_not_posed(key: str, case: Case, context: dict) -> None:
    dataset = context["dataset"]
    exercise = case.make(context)
    if isinstance(exercise, NotPosed):
        event(f"not posed: {key}")
        assert exercise.key == key
        # the reason in words (it may quote the dataset's own labels, markup and all), shown escaped
        prefix = "This exercise cannot be posed on this dataset: "
        why = exercise.message.removeprefix(prefix)
        assert exercise.message.startswith(prefix) and why.endswith(".") and len(why) > 10, exercise.message
        assert not {"nan", "None", "NaT", "[]", "{}"} & set(why.rstrip(".").split()), exercise.message
        assert html.escape(exercise.message) in visible_html(exercise.widget), "the reason is not shown"
        assert case.posable is None or not case.posable(dataset), f"{key} gave up on a dataset that can pose it"
        return
    assert case.posable is None or case.posable(dataset), f"{key} poses a question the dataset cannot answer"
    assert exercise.key == key
    note(f"exercise {key}: {exercise.question}")
    case.answer(exercise, context)
    feedback = click_check(exercise)
    assert 'class="ae-right"' in feedback and "Right." in feedback, f"{key}: the right answer is not taken: {feedback}"


def solve_every_exercise(dataset: Dataset) -> None:
    """Make every exercise of the notebooks on ``dataset`` and answer it through its widgets."""
    book = AnswerBook("generated")
    context = {
        "dataset": dataset,
        "book": book,
        "reader": ArticleReader(dataset),
        "timeline": TimelineExplorer(dataset),
        "matrix": PositionMatrixExplorer(dataset),
        "workbench": CodingWorkbench(dataset, book),
        "map": MapExplorer(dataset),
    }
    for key, case in EXERCISES.items():
        note(f"making exercise {key}")
        assert_exercise_is_solvable_or_not_posed(key, case, context)


@GENERATED
@given(generated=valid_datasets())
def test_every_exercise_on_every_generated_dataset_is_solvable_or_says_why_not(generated):
    with closing_new_widgets():
        solve_every_exercise(loaded(generated))


@settings(max_examples=max(10, EXAMPLES * 3), deadline=None)
@given(generated=valid_datasets())
def test_the_generator_writes_only_valid_datasets(generated):
    with written(generated) as path:
        problems = read_dataset(path).problems
    assert problems == [], "\n".join(map(str, problems))


# ------------------------------------------------------------------------------- hand-picked shapes


@pytest.mark.parametrize(
    "shape",
    [
        {"places": "countries"},
        {"places": "none"},
        {"positions": False},
        {"positions": True, "sides": "v2+periods", "reliability": True},
        {"sides": "v1", "places": "points"},
    ],
    ids=lambda shape: "-".join(f"{k}={v}" for k, v in shape.items()),
)
def test_each_forced_shape_renders_and_solves(shape):
    @settings(max_examples=max(3, EXAMPLES // 5), deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(generated=valid_datasets(**shape))
    def run(generated):
        with closing_new_widgets():
            dataset = loaded(generated)
            render_everything(dataset)
            solve_every_exercise(dataset)

    run()


# ------------------------------------------------------------------------------- regressions


@pytest.fixture
def other_article(tmp_path: Path) -> DatasetCopy:
    target = tmp_path / "other_article"
    shutil.copytree(OTHER_ARTICLE, target)
    return DatasetCopy(target)


def render_and_solve(path: Path) -> Dataset:
    dataset = load_dataset(path)
    render_everything(dataset)
    solve_every_exercise(dataset)
    return dataset


def test_a_claim_with_hindsight_but_no_outcome_date_is_rejected_with_its_place(other_article):
    """Review crash 1: a prediction with an outcome and its source but no outcome_date broke the
    views that date outcomes; the validator names the cell instead."""
    line = other_article.set_cell("claims", "accord_may_ease", "outcome", "The dispute eased for a year.")
    other_article.set_cell("claims", "accord_may_ease", "outcome_source_id", "test_gazetteer")
    problem = only_problem(other_article.path, "check_outcomes")
    assert (problem.file, problem.line, problem.column) == ("claims.csv", line, "outcome_date")
    assert "needs the date it happened" in problem.message
    with pytest.raises(DatasetError, match=r"claims\.csv, line"):
        load_dataset(other_article.path)
    other_article.set_cell("claims", "accord_may_ease", "outcome_date", "2022?")  # with its date: every view draws it
    dataset = render_and_solve(other_article.path)
    review = PredictionReview(dataset, AnswerBook("t"))
    review.verdicts["accord_may_ease"].value = "partly"
    assert "The dispute eased for a year." in review.reveals["accord_may_ease"].value
    assert "2022?" in review.reveals["accord_may_ease"].value


def test_a_source_without_published_date(other_article):
    """Review crash 2: an empty ``published``. A context source may leave it empty (the made-up
    article's gazetteer does) and every view renders; the article's own date is required, and a
    dataset without it is rejected with its place, not a crash in every time view."""
    assert other_article.rows("sources")[1]["published"] == ""
    render_and_solve(other_article.path)
    line = other_article.set_cell("sources", "ribeiro_2021", "published", "")
    problem = only_problem(other_article.path, "check_sources")
    assert (problem.file, problem.line, problem.column, problem.value) == ("sources.csv", line, "published", "")
    assert "is empty for the article" in problem.message
    other_article.set_cell("sources", "ribeiro_2021", "published", "../2021-05")
    problem = only_problem(other_article.path, "check_sources")
    assert problem.column == "published" and "open or unknown start" in problem.message


def countries_only(other_article: DatasetCopy) -> DatasetCopy:
    rows = other_article.rows("places")
    for row in rows:
        row["kind"] = row["geo_precision"] = "country"
    other_article.write_rows("places", rows)
    return other_article


def test_places_known_only_as_countries(other_article):
    """Review crash 3: no place is a city or a site. The dataset is valid; every view renders (the
    map: :func:`test_the_map_of_places_known_only_as_countries`), and the map's exercises say they
    cannot measure from a country."""
    countries_only(other_article)
    assert read_dataset(other_article.path).problems == []
    dataset = render_and_solve(other_article.path)
    from article_explorer.explorers.map.model import Geography

    app = type("Map", (), {"geography": Geography(dataset)})()  # what the exercises read of a map
    for make in (
        place_exercises.capitals_within_exercise,
        place_exercises.neighbours_on_a_side_exercise,
        place_exercises.nearest_border_exercise,
    ):
        exercise = make(app, AnswerBook("t"))
        assert isinstance(exercise, NotPosed) and "city or a site" in exercise.message


def far_apart(other_article: DatasetCopy) -> DatasetCopy:
    """No place within 2500 km of the point at the places' median latitude and median longitude."""
    for place, lat, lon in (("lisbon", "60", "-100"), ("madrid", "-60", "0"), ("toledo", "0", "100")):
        other_article.set_cell("places", place, "lat", lat)
        other_article.set_cell("places", place, "lon", lon)
    return other_article


def busiest_far_away(other_article: DatasetCopy) -> DatasetCopy:
    """The place with the most events (the map's default centre, Lisbon) is on another continent."""
    other_article.set_cell("places", "lisbon", "lat", "-33.87")
    other_article.set_cell("places", "lisbon", "lon", "151.21")
    return other_article


def only_landmarks(other_article: DatasetCopy) -> DatasetCopy:
    """No event happens at a place: every place is a landmark (contract v2's ``role``)."""
    events = other_article.rows("events")
    for event in events:
        event["place_id"] = ""
    other_article.write_rows("events", events)
    places = other_article.rows("places")
    for place in places:
        place["role"] = "landmark"
    other_article.write_rows("places", places)
    return other_article


def shown_descriptions(explorer) -> list[str]:
    """The names of the controls a learner sees in ``explorer``, in order."""
    return [control.description for control in controls(explorer.widget)]


def test_the_map_of_places_known_only_as_countries(other_article):
    """Found by the generator: without a city or a site the map drew nothing and crashed. It draws
    the countries, on the whole map, with no ring to draw and so no ring or zoom list."""
    dataset = load_dataset(countries_only(other_article).path)
    explorer = MapExplorer(dataset)
    assert explorer.geography.default_centre is None
    assert "Ring around" not in shown_descriptions(explorer) and "Zoom" not in shown_descriptions(explorer)
    assert [name for name, _ in explorer.place_picker.options[1:]] == ["Lisbon", "Madrid", "Toledo"]
    assert "Not on this map" not in html.unescape(explorer.description.value)
    walk(explorer, "MapExplorer")


def test_the_map_of_places_on_three_continents(other_article):
    """Found by the generator: no place lay within 2500 km of the places' median (0° N, 0° E, in
    the sea). The map is then drawn round the place nearest the median, Madrid (moved to 60° S),
    and lists the other two as too far away."""
    explorer = MapExplorer(load_dataset(far_apart(other_article).path))
    assert explorer.centre.options == (("Madrid", "madrid"),) and explorer.centre.value == "madrid"
    assert "Not on this map (too far away): Lisbon, Toledo." in html.unescape(explorer.description.value)
    walk(explorer, "MapExplorer")


def test_the_map_when_the_busiest_place_is_too_far_away(other_article):
    """Found by the generator: the ring's first centre was Lisbon, where an event happens, moved to
    Sydney and so not on the map. The centre is now the busiest place on the map; of Madrid and
    Toledo, with one event each, the one listed first."""
    explorer = MapExplorer(load_dataset(busiest_far_away(other_article).path))
    assert explorer.centre.options == (("Madrid", "madrid"), ("Toledo", "toledo"))
    assert explorer.centre.value == "madrid"
    assert "Not on this map (too far away): Lisbon." in html.unescape(explorer.description.value)
    walk(explorer, "MapExplorer")


def test_the_map_when_every_place_is_a_landmark(other_article):
    """Found by the generator: with every place a landmark (no event at a place), the map's extent
    had no place to hold. It holds the landmarks, and the ring is drawn round the first."""
    explorer = MapExplorer(load_dataset(only_landmarks(other_article).path))
    assert explorer.centre.value == "lisbon"
    assert [name for name, _ in explorer.place_picker.options[1:]] == [
        "Lisbon (landmark)",
        "Madrid (landmark)",
        "Toledo (landmark)",
    ]
    walk(explorer, "MapExplorer")


def test_the_map_when_only_a_landmark_is_near_the_middle(other_article):
    """Found by the generator: areas only, the one near the middle a landmark (at the pole), the
    named one 3000 km away. The extent then holds the places near the middle, landmark or not."""
    events = other_article.rows("events")
    for event in events:  # a landmark is cited by no row
        if event["place_id"] in ("lisbon", "toledo"):
            event["place_id"] = ""
    other_article.write_rows("events", events)
    rows = other_article.rows("places")
    for row, (name, kind, iso3, lat, lon, precision, role) in zip(
        rows,
        (
            ("Greenland", "country", "GRL", "66.9", "-64.7", "country", "landmark"),
            ("North Macedonia", "country", "MKD", "40.9", "21.1", "country", ""),
            ("The pole", "region", "GRL", "90", "0.13", "region", "landmark"),
        ),
        strict=True,
    ):
        row.update(name=name, kind=kind, country_iso3=iso3, lat=lat, lon=lon, geo_precision=precision, role=role)
    other_article.write_rows("places", rows, [*rows[0].keys()])
    assert read_dataset(other_article.path).problems == []
    explorer = MapExplorer(load_dataset(other_article.path))
    assert explorer.geography.default_centre is None and "Ring around" not in shown_descriptions(explorer)
    walk(explorer, "MapExplorer")


#: The smallest dataset: one sentence, one actor, one claim, every other table header-only.
SMALLEST = {
    "source/article.txt": "Talks may resume.\n",
    "sources.csv": "source_id,kind,title,author,publisher,published,url,note\n"
    "src,article,Talks,,,2016-03-30,https://example.org/talks,\n",
    "sentences.csv": "sentence_id,paragraph,sentence,part,section,text,char_start,char_end\n"
    "p01s1,1,1,body,,Talks may resume.,0,17\n",
    "actors.csv": "actor_id,name,kind,country_iso3,member_of,aliases,description\nana,Ana,person,,,,The author.\n",
    "places.csv": "place_id,name,kind,country_iso3,lat,lon,geo_precision,side,source_id\n",
    "issues.csv": "issue_id,label,question,pole_supports,pole_opposes,description\n",
    "events.csv": "event_id,date,date_start,date_end,precision,date_basis,date_source_id,headline,summary,"
    "category,actor_ids,place_id,status,sentence_ids,quote,plover_event,outcome,outcome_date,outcome_source_id\n",
    "claims.csv": "claim_id,claimant_id,voice,claim_type,about_actor_ids,issue_id,stance,certainty,hedge_cues,"
    "time_frame,sentence_ids,quote,paraphrase,event_ids,outcome,outcome_date,outcome_source_id\n"
    "resume,ana,own,prediction,,,,possible,may,future,p01s1,Talks may resume,Talks might resume.,,,,\n",
    "positions.csv": "position_id,actor_id,issue_id,stance,basis,as_of,evidence,sentence_ids,quote\n",
}


@pytest.fixture
def smallest(tmp_path: Path) -> Path:
    for name, text in SMALLEST.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_the_smallest_dataset_renders_and_solves(smallest):
    assert read_dataset(smallest).problems == []
    render_and_solve(smallest)
    assert isinstance(start_exercises.predictions_exercise(load_dataset(smallest), AnswerBook("t")), NumberExercise)


def test_the_map_of_a_dataset_without_places(smallest):
    """Found by the generator: places.csv with its header only. The map says it has nothing to draw
    and offers no control."""
    explorer = MapExplorer(load_dataset(smallest))
    assert html.unescape(explorer.description.value) == (
        '<div class="ae-nothing" role="status">This dataset has no places, so the map has nothing to draw.</div>'
    )
    assert controls(explorer.widget) == []
    walk(explorer, "MapExplorer")


def test_the_network_shows_an_actor_card_without_events(smallest):
    network = ActorNetworkExplorer(load_dataset(smallest))
    network.actor_picker.value = "ana"
    assert "Ana" in network.card.value


def test_a_header_only_positions_table(other_article):
    """Review crash 4: positions.csv with its header only. The position matrix and the stances over
    time say there is no position; the exercises on positions say they cannot be posed."""
    header = (other_article.path / "positions.csv").read_text(encoding="utf-8").splitlines()[0]
    (other_article.path / "positions.csv").write_text(header + "\n", encoding="utf-8")
    dataset = render_and_solve(other_article.path)
    assert dataset.positions.empty
    matrix, stances = PositionMatrixExplorer(dataset), StanceOverTime(dataset)
    assert 'class="ae-nothing"' in matrix.evidence.value and 'class="ae-nothing"' in stances.description.value
    assert "codes no actor's position" in html.unescape(matrix.evidence.value + stances.description.value)
    assert stances.figure_box.layout.display == "none" and stances.issue.options == ()
    assert isinstance(position_exercises.words_only_exercise(dataset, AnswerBook("t")), NotPosed)
    assert isinstance(position_exercises.attributed_cell_exercise(matrix, AnswerBook("t")), NotPosed)
    number = position_exercises.attributed_positions_exercise(dataset, AnswerBook("t"))
    assert number.submit("0").correct


def test_a_position_with_an_open_date_stands_at_the_day_it_gives(other_article):
    """Found by the generator: a position ``as of ../2021-05`` (or ``2021-05/..``) was drawn at "NaT":
    nowhere. Its marker stands at its one known day."""
    other_article.set_cell("positions", "unions_accord", "as_of", "../2021-05")
    other_article.set_cell("positions", "prt_accord", "as_of", "2021-05-10/..")
    stances = StanceOverTime(load_dataset(other_article.path))
    assert_json_compliant(stances.plot.figure, "StanceOverTime")
    markers = [t for t in stances.plot.figure["data"] if t.get("mode") == "markers+text"]
    days = {p: x for t in markers for p, x in zip(t["customdata"], t["x"], strict=True)}
    assert days["unions_accord"].startswith("2021-05-31") and days["prt_accord"].startswith("2021-05-10")


def test_the_timeline_reaches_the_first_and_the_last_year_a_date_can_name(other_article):
    """Found by the generator: an event in the year 0001 put the axis's left edge in the year 0, and
    one in 9999 its right edge in 10000; plotting a tick there raised. The axis stops at the calendar."""
    other_article.set_cell("events", "dry_summer_2019", "date", "0001-06/0001-09")
    other_article.set_cell("events", "dry_summer_2019", "date_start", "0001-06-01")
    other_article.set_cell("events", "dry_summer_2019", "date_end", "0001-09-30")
    other_article.set_cell("events", "referral", "date", "9999-12-31")
    other_article.set_cell("events", "referral", "date_start", "9999-12-31")
    other_article.set_cell("events", "referral", "date_end", "9999-12-31")
    other_article.set_cell("events", "referral", "precision", "day")
    timeline = TimelineExplorer(load_dataset(other_article.path))
    walk(timeline, "TimelineExplorer")
    ticks = timeline.plot.figure["layout"]["xaxis"]["tickvals"]
    assert ticks[0].startswith("0001-01-01") and ticks[-1].startswith("9999-01-01")


def test_an_outcome_dated_with_an_open_start_has_its_star(other_article):
    """Found by the generator: an outcome dated ``../2022`` (some time up to 2022) had its star at
    "NaT", so hindsight showed nothing for it. The star stands at the one day the date gives."""
    other_article.set_cell("events", "autumn_protests", "outcome", "Farmers protested in Madrid.")
    other_article.set_cell("events", "autumn_protests", "outcome_date", "../2022")
    other_article.set_cell("events", "autumn_protests", "outcome_source_id", "test_gazetteer")
    timeline = TimelineExplorer(load_dataset(other_article.path))
    timeline.hindsight.value = True
    assert_json_compliant(timeline.plot.figure, "TimelineExplorer")
    stars = [x for t in timeline.plot.figure["data"] if "later" in str(t.get("name", "")) for x in t["x"]]
    assert any(str(x).startswith("2022-12-31") for x in stars), stars


def test_an_event_with_an_open_start_before_every_other_can_be_shown(other_article):
    """Found by the generator: the timeline's and the network's year lists held only the years events
    start in, so an event "some time up to September 2019" (``../2019-09``), earlier than every
    other, was left out of every state of both. Its end's year is in the lists now."""
    other_article.set_cell("events", "dry_summer_2019", "date", "../2019-09")
    other_article.set_cell("events", "dry_summer_2019", "date_start", "")
    dataset = load_dataset(other_article.path)
    timeline, network = TimelineExplorer(dataset), ActorNetworkExplorer(dataset)
    assert 2019 in timeline.first_year.options and 2019 in network.first_year.options
    for explorer in (timeline, network):
        assert_first_view_shows_everything(type(explorer).__name__, explorer, dataset)
    assert "dry_summer_2019" in option_values(timeline.event_picker)
