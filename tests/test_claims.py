"""Claims: agreement statistics against hand-computed cases, the argument's shape, the ladder,
coding, hindsight, and every state of the explorer."""

from __future__ import annotations

import csv
import io

import plotly.graph_objects as go
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from article_explorer import load_dataset
from article_explorer.data.agreement import (
    FEW_ITEMS,
    KAPPA_WORDS,
    Agreement,
    cohen_kappa,
    kappa_in_words,
    percent_agreement,
)
from article_explorer.data.config import DEFAULT_DATA_DIR, PROJECT_ROOT
from article_explorer.data.queries import ClaimFilters, filter_claims
from article_explorer.exercises.base import AnswerBook
from article_explorer.exercises.claims import (
    coding_exercise,
    hedge_words_exercise,
    most_certain_prediction_exercise,
    possible_predictions_exercise,
)
from article_explorer.exercises.coding import (
    CodingWorkbench,
    PredictionReview,
    coding_csv,
    coding_sample,
    compare_coding,
)
from article_explorer.explorers.claims import (
    ClaimsExplorer,
    build_argument_figure,
    claims_csv,
    describe_argument,
    ladder_html,
)
from article_explorer.ui.controls import NO_CHOICE

DATASETS = {"article": DEFAULT_DATA_DIR, "other_article": PROJECT_ROOT / "tests" / "data" / "other_article"}


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DEFAULT_DATA_DIR)


# --- agreement, checked against cases worked out by hand ---------------------------------


def test_kappa_of_a_two_by_two_table():
    # 50 items: both "yes" 20, first yes / second no 5, first no / second yes 10, both "no" 15.
    # p_o = (20 + 15) / 50 = 0.70; first says yes 25/50, second 30/50:
    # p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.50; kappa = (0.70 - 0.50) / (1 - 0.50) = 0.40.
    first = ["yes"] * 20 + ["yes"] * 5 + ["no"] * 10 + ["no"] * 15
    second = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert percent_agreement(first, second) == pytest.approx(0.70)
    assert cohen_kappa(first, second) == pytest.approx(0.40)
    assert kappa_in_words(0.40) == "fair agreement"


def test_kappa_with_three_categories():
    # first: a a a b b c ; second: a a b b c c -> agree on 4 of 6, p_o = 2/3.
    # first shares a 3/6, b 2/6, c 1/6; second a 2/6, b 2/6, c 2/6:
    # p_e = (3*2 + 2*2 + 1*2) / 36 = 12/36 = 1/3; kappa = (2/3 - 1/3) / (2/3) = 0.5.
    assert cohen_kappa(list("aaabbc"), list("aabbcc")) == pytest.approx(0.5)


def test_kappa_extremes():
    assert cohen_kappa(list("abab"), list("abab")) == pytest.approx(1.0)
    # Always opposite on two balanced categories: p_o = 0, p_e = 0.5, kappa = -1.
    assert cohen_kappa(list("abab"), list("baba")) == pytest.approx(-1.0)
    assert cohen_kappa(list("aaa"), list("aaa")) is None, "one category for all: undefined"
    assert cohen_kappa([], []) is None and percent_agreement([], []) is None
    with pytest.raises(ValueError, match="same items"):
        cohen_kappa(["a"], ["a", "b"])


@settings(max_examples=200, deadline=None)
@given(pairs=st.lists(st.tuples(st.sampled_from("abc"), st.sampled_from("abc")), min_size=1, max_size=30))
def test_kappa_is_symmetric_bounded_and_at_most_one(pairs):
    first, second = [a for a, _ in pairs], [b for _, b in pairs]
    kappa = cohen_kappa(first, second)
    assert kappa == cohen_kappa(second, first)
    if kappa is not None:
        assert -1.0 - 1e-9 <= kappa <= 1.0 + 1e-9
        assert (kappa == pytest.approx(1.0)) == (first == second)


def test_agreement_in_plain_words():
    agreement = Agreement.between("Type", ["report", "assessment"], ["report", "prediction"])
    text = agreement.in_words()
    assert text.startswith("Type: you agree with the dataset on 1 of 2 claims (50%)")
    assert "Cohen's kappa is" in text
    assert Agreement.between("Type", [], []).in_words() == "Type: nothing coded yet."


def test_kappa_on_a_few_claims_gets_no_verdict():
    two = Agreement.between("Certainty", ["certain", "possible"], ["certain", "possible"])
    text = two.in_words()
    assert "on 2 of 2 claims (100%)" in text and "Cohen's kappa is 1.00" in text, "the numbers stay"
    assert "kappa says little" in text
    assert not any(words in text for _, words in KAPPA_WORDS), "no Landis–Koch verdict on 2 claims"
    assert "agreement" not in text.split("Cohen's kappa")[1].split("Code at least")[0]
    many = Agreement.between("Type", list("aabbccaabbcc"), list("aabbccaabbca"))
    assert many.items >= FEW_ITEMS and "kappa is 0.87: almost perfect agreement" in many.in_words()
    assert "says little" not in many.in_words()
    assert two.summary() == "certainty: 2 of 2 agree (100%), kappa 1.00 (too few claims to read kappa)"


# --- the shape, the ladder, the csv -------------------------------------------------------


def test_filters_keep_the_claims_asked_for(dataset):
    predictions = filter_claims(dataset, ClaimFilters(types=frozenset({"prediction"})))
    assert len(predictions) == 9 and set(predictions["claim_type"]) == {"prediction"}
    about_lukashenko = filter_claims(dataset, ClaimFilters(actor_id="lukashenko"))
    assert "pressure_on_lukashenko_possible" in set(about_lukashenko["claim_id"])
    assert filter_claims(dataset, ClaimFilters(voices=frozenset())).empty
    paragraphs = [min(p) for p in filter_claims(dataset, ClaimFilters())["paragraphs"]]
    assert paragraphs == sorted(paragraphs), "in the article's order"


def test_the_argument_figure_places_each_claim_at_its_paragraph_and_type(dataset):
    shown = filter_claims(dataset, ClaimFilters())
    figure = go.Figure(build_argument_figure(dataset, shown, chosen="russia_will_seek_deterrence"))
    claims = [t for t in figure.data if t.showlegend is False]  # the others are legend entries
    points = {c: (x, y) for t in claims for c, x, y in zip(t.customdata, t.x, t.y, strict=True)}
    assert len(points) == len(dataset.claims)
    x, y = points["russia_will_seek_deterrence"]
    assert round(x) == 9 and round(y) == 3, "¶ 9, prediction row"
    # one set of marks, as in the notebook's text: ● certain ◆ probable ▲ possible ✕ uncertain
    assert {t.name for t in figure.data} == {"● certain", "◆ probable", "▲ possible", "✕ uncertain"}
    # short labels that do not run into each other; the axis title says what they stand for
    assert list(figure.layout.xaxis.ticktext[:3]) == ["¶ 1 SF", "¶ 2 cap.", "¶ 3"]
    assert "SF = standfirst" in figure.layout.xaxis.title.text
    assert [a.text for a in figure.layout.annotations] == ["<i>The view from Minsk</i>", "<i>Russian reactions</i>"]
    text = describe_argument(dataset, shown)
    assert text.startswith("Showing 59 of 59 claims") and "9 predictions (¶ 8–11)" in text


def test_the_legend_shows_shapes_in_grey_and_the_type_labels_key_the_colours(dataset):
    figure = go.Figure(build_argument_figure(dataset, filter_claims(dataset, ClaimFilters())))
    entries = [t for t in figure.data if t.showlegend is not False]
    symbols = {"● certain": "circle", "◆ probable": "diamond", "▲ possible": "triangle-up", "✕ uncertain": "x"}
    assert {t.name: t.marker.symbol for t in entries} == symbols
    assert {t.marker.color for t in entries} == {"#6b6b6b"}, "an entry shows a shape, never a type's colour"
    for t in figure.data:
        if t.showlegend is False:
            assert t.marker.symbol == symbols[t.name]
            assert len([e for e in entries if e.legendgroup == t.legendgroup]) == 1, "a click on the entry hides them"
    rows = dict(zip(figure.layout.yaxis.tickvals, figure.layout.yaxis.ticktext, strict=True))
    for t in figure.data:
        for y, colour in zip(t.y, t.marker.color if t.showlegend is False else [], strict=False):
            assert f"color:{colour}" in rows[round(y)], "each marker is coloured as its row's label"


def test_a_long_rung_of_the_ladder_shows_a_few_claims_and_folds_the_rest(dataset):
    html = ladder_html(filter_claims(dataset, ClaimFilters()))
    certain = html[html.index("● certain (") : html.index("◆ probable (")]
    shown, folded = certain.split('<details class="ae-more">')
    assert shown.count("<li>") == 5 and "<summary>Show all 45 certain claims</summary>" in folded
    assert folded.count("<li>") == 40
    ladder = ClaimsExplorer(dataset).ladder.layout
    assert ladder.max_height is None and ladder.overflow is None, "no scroll box inside the page"


def test_the_ladder_runs_from_certain_to_uncertain_with_cues_marked(dataset):
    html = ladder_html(filter_claims(dataset, ClaimFilters()))
    rungs = [html.index(f" {c} (") for c in ("certain", "probable", "possible", "uncertain")]
    assert rungs == sorted(rungs)
    assert '<mark class="ae-cue">it is possible that</mark>' in html
    assert '<mark class="ae-cue">there is no doubt</mark>' in html


def test_the_csv_holds_the_claims_shown(dataset):
    shown = filter_claims(dataset, ClaimFilters(types=frozenset({"prescription"})))
    rows = list(csv.DictReader(io.StringIO(claims_csv(shown))))
    assert [r["claim_id"] for r in rows] == list(shown["claim_id"]) and {r["claim_type"] for r in rows} == {
        "prescription"
    }


def test_hostile_text_is_escaped(hostile_dataset):
    hostile = load_dataset(hostile_dataset.path)
    shown = filter_claims(hostile, ClaimFilters())
    text = str(build_argument_figure(hostile, shown)) + ladder_html(shown)
    assert "<script" not in text and "<img" not in text


# --- coding and hindsight ------------------------------------------------------------------


def test_the_sample_covers_every_type_and_certainty(dataset):
    sample = coding_sample(dataset)
    assert set(sample["claim_type"]) == set(dataset.claims["claim_type"])
    assert set(sample["certainty"]) == set(dataset.claims["certainty"])
    assert list(sample["claim_id"]) == list(coding_sample(dataset)["claim_id"]), "the same every time"


def test_comparing_counts_only_what_was_coded(dataset):
    sample = coding_sample(dataset)
    first, second = sample.iloc[0], sample.iloc[1]
    mine = {first["claim_id"]: (first["claim_type"], None), second["claim_id"]: ("report", second["certainty"])}
    agreement = compare_coding(sample, mine)
    assert (agreement["Type"].items, agreement["Type"].agreed) == (2, 1 + (second["claim_type"] == "report"))
    assert (agreement["Certainty"].items, agreement["Certainty"].agreed) == (1, 1)
    rows = list(csv.DictReader(io.StringIO(coding_csv(sample, mine))))
    assert rows[0]["my_type"] == first["claim_type"] and rows[0]["my_certainty"] == ""


def test_the_workbench_shows_agreement_and_disagreements(dataset):
    book = AnswerBook("t")
    workbench = CodingWorkbench(dataset, book)
    workbench.compare()
    assert "Code at least one claim" in workbench.result.value
    claim_id = workbench.sample["claim_id"].iloc[0]
    kind, certainty = workbench.pickers[claim_id]
    wrong_type = next(t for t in ("report", "assessment") if t != workbench.sample["claim_type"].iloc[0])
    kind.value, certainty.value = wrong_type, workbench.sample["certainty"].iloc[0]
    workbench.compare()
    assert "You coded 1 of" in workbench.result.value and "the dataset's coding" in workbench.result.value
    assert "not marked" in book.to_csv(), "a coding is kept, never marked wrong"
    exercise = coding_exercise(workbench, book, at_least=1)
    assert exercise.submit(exercise.current_answer()).correct
    certainty.value = NO_CHOICE
    assert not exercise.submit(exercise.current_answer()).correct


def test_the_coding_summary_has_its_own_key_and_reads_as_words(dataset):
    book = AnswerBook("t")
    workbench = CodingWorkbench(dataset, book)
    sample = workbench.sample
    for i in range(3):
        kind, certainty = workbench.pickers[sample["claim_id"].iloc[i]]
        kind.value, certainty.value = sample["claim_type"].iloc[i], sample["certainty"].iloc[i]
    workbench.compare()
    exercise = coding_exercise(workbench, book)
    exercise.submit(exercise.current_answer())
    assert {"coding_summary", exercise.key} <= set(book.answers), "the exercise does not overwrite the summary"
    summary = book.answers["coding_summary"].answer
    assert summary.startswith("type: 3 of 3 agree (100%), kappa ") and "; certainty: 3 of 3 agree (100%)" in summary
    assert "Agreement(" not in summary and "{" not in summary


def test_verdicts_are_recorded_in_words(dataset):
    book = AnswerBook("t")
    review = PredictionReview(dataset, book)
    review.verdicts["land_base_request_possible"].value = "partly"
    review.verdicts["earlier_intervention_possible"].value = "too early to say"
    answer = book.answers["verdicts"].answer
    assert answer.startswith("2 of 9 predictions judged: 1 partly, 1 too early to say (¶ ")
    assert ": partly" in answer and "claim_id" not in answer and "{" not in answer


def test_verdicts_reveal_the_outcome_and_its_source(dataset):
    review = PredictionReview(dataset, AnswerBook("t"))
    review.verdicts["land_base_request_possible"].value = "partly"
    revealed = review.reveals["land_base_request_possible"].value
    assert "No source read shows Russia proposing a land-forces base" in revealed and "<a href=" in revealed
    review.verdicts["earlier_intervention_possible"].value = "too early to say"
    assert "no checked outcome" in review.reveals["earlier_intervention_possible"].value
    assert "You have judged 2 of 9 predictions" in review.summary.value
    review.verdicts["earlier_intervention_possible"].value = NO_CHOICE
    assert review.reveals["earlier_intervention_possible"].value == ""


def test_exercises(dataset):
    book = AnswerBook("t")
    surest = most_certain_prediction_exercise(dataset, book)
    assert surest.submit("Russia will look for ways to deter what it regards as US encroachment.").correct
    assert possible_predictions_exercise(dataset, book).submit(6).correct
    hedge = hedge_words_exercise(dataset, book)
    assert hedge.submit("reportedly").correct and not hedge.submit("Carpenter").correct


# --- the explorer in every state -----------------------------------------------------------


@pytest.fixture(scope="module", params=list(DATASETS))
def explorer(request):
    return ClaimsExplorer(load_dataset(DATASETS[request.param]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=st.lists(st.tuples(st.integers(0, 5), st.integers(0, 999), st.integers(0, 999)), max_size=8))
def test_every_state_gives_a_valid_view_or_a_plain_message(explorer, actions):
    controls = [explorer.types, explorer.voices, explorer.time_frames, explorer.actor, explorer.issue]
    controls.append(explorer.claim_picker)
    for which, pick, mask in actions:
        control = controls[which]
        values = [o[1] if isinstance(o, tuple) else o for o in control.options]
        if isinstance(control.value, tuple):
            control.value = tuple(v for i, v in enumerate(values) if mask >> i & 1)
        else:
            control.value = values[pick % len(values)]
    shown = filter_claims(explorer.dataset, explorer.filters)
    assert f"<b>{len(shown)} of {len(explorer.dataset.claims)} claims shown.</b>" in explorer.count.value
    if shown.empty:
        assert "No claim matches these filters" in explorer.card.value
        assert explorer.figure_box.layout.display == "none" and explorer.ladder.value == ""
    else:
        drawn = sum(len(t["customdata"]) for t in explorer.plot.figure["data"])
        assert drawn == len(shown) == explorer.ladder.value.count("<li>")
    assert f"Download these {len(shown)} claims" in explorer.download.value


def test_clicking_a_claim_opens_its_card(explorer):
    for control in (explorer.types, explorer.voices, explorer.time_frames):
        control.value = tuple(o[1] if isinstance(o, tuple) else o for o in control.options)
    explorer.actor.value = explorer.issue.value = NO_CHOICE
    claim_id = explorer.dataset.claims["claim_id"].iloc[0]
    explorer.plot.clicked = {"customdata": claim_id}
    assert explorer.claim_picker.value == claim_id and "ae-card ae-claim" in explorer.card.value
