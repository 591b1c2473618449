"""The exercises of notebook 04: reading how the analysis argues, hedges and predicts.

Every answer is computed from the dataset, so the exercises work for any article that honours the
data contract; a check never prints the answer (the notebook's folded solution does). Called with no
arguments, each takes the session's dataset (:mod:`article_explorer.ui.session`) and the notebook's
answer book (:func:`.base.answer_book`).
"""

from __future__ import annotations

import re

from article_explorer.data.contract import CLAIMS
from article_explorer.data.dataset import Dataset
from article_explorer.exercises.base import (
    RIGHT,
    AnswerBook,
    ChoiceExercise,
    Feedback,
    NotPosed,
    NumberExercise,
    StateExercise,
    answer_book,
    listed,
    plural,
    quoted,
)
from article_explorer.exercises.coding import CodingWorkbench, coding_sample
from article_explorer.ui import session
from article_explorer.ui.unavailable import needs_dataset

#: The contract's certainty levels, surest first (the ranking does not rest on the theme's order).
CERTAINTIES = CLAIMS.field("certainty").enum

NOTEBOOK = "04_claims_and_evidence"
#: Words that sound like qualifiers without setting the claim's certainty: the distractors that
#: make the hedge exercise a question of reading, not of spotting the only adverb.
QUALIFIER_LIKE = frozenset(
    {
        *("main", "now", "steadfast", "fully", "just", "very", "entirely", "only", "first", "most", "still"),
        *("already", "said", "new", "real", "clear", "significant", "major", "key", "direct", "immediately"),
        *("rapid", "senior", "long"),
    }
)


@needs_dataset
def most_certain_prediction_exercise(
    dataset: Dataset | None = None, book: AnswerBook | None = None
) -> ChoiceExercise | NotPosed:
    dataset = session.dataset() if dataset is None else dataset
    predictions = dataset.claims[dataset.claims["claim_type"] == "prediction"]
    if predictions.empty:  # no prediction to choose
        return NotPosed("most_certain_prediction", "it codes no claim as a prediction")
    rank = predictions["certainty"].map(CERTAINTIES.index)  # 0 for certain
    surest = set(predictions.loc[rank == rank.min(), "paraphrase"]) if len(predictions) else set()
    return ChoiceExercise(
        "most_certain_prediction",
        "Which prediction does the article state with the most certainty?",
        options=sorted(predictions["paraphrase"]),
        correct=surest,
        hint="Another prediction sounds surer. Keep only 'prediction' in Type and read the ladder from the top.",
        book=book or answer_book(NOTEBOOK),
    ).with_solution(
        "In 'Type', keep only 'prediction'; the ladder's top rung holds the surest.",
        (
            f"The top rung is '{predictions.loc[rank == rank.min(), 'certainty'].iloc[0]}', with "
            f"{plural(len(surest), 'prediction')}: {listed(quoted(sorted(surest)), 'or')}"
            + (" (any of them is right)." if len(surest) > 1 else ".")
        )
        if surest
        else "This dataset codes no prediction.",
    )


@needs_dataset
def possible_predictions_exercise(dataset: Dataset | None = None, book: AnswerBook | None = None) -> NumberExercise:
    dataset = session.dataset() if dataset is None else dataset
    claims = dataset.claims
    own_predictions = (claims["claim_type"] == "prediction") & (claims["voice"] == "own")
    own_possible = claims[own_predictions & (claims["certainty"] == "possible")]
    return NumberExercise(
        "possible_predictions",
        "How many of the author's own predictions does the author state as no more than possible?",
        correct=len(own_possible),
        hint_low="More than that. Keep 'prediction' in Type and 'the author's own judgement' in Voice, then count "
        "the 'possible' rung of the ladder.",
        hint_high="Fewer than that. Count only the 'possible' rung, with Type 'prediction' and Voice 'the author's "
        "own judgement'.",
        book=book or answer_book(NOTEBOOK),
    ).with_solution(
        "Keep 'prediction' in 'Type' and 'the author's own judgement' in 'Voice', then count the ladder's "
        "'possible' rung.",
        f"In this dataset it holds {plural(len(own_possible), 'claim')} of the author's "
        f"{plural(int(own_predictions.sum()), 'own prediction')}.",
    )


@needs_dataset
def hedge_words_exercise(dataset: Dataset | None = None, book: AnswerBook | None = None) -> ChoiceExercise | NotPosed:
    """Which words in a quote make the claim sound only possible? Not posed if no claim fits."""
    dataset = session.dataset() if dataset is None else dataset
    claims = dataset.claims_in_order
    hedged = claims[(claims["certainty"] != "certain") & claims["hedge_cues"].map(len).eq(1)]
    if hedged.empty:
        return NotPosed("hedge_words", "none of its claims short of certain carries exactly one hedge cue")
    claim = hedged.iloc[0]  # the first a reader meets
    cue = claim["hedge_cues"][0]
    options = sorted({cue, *hedge_distractors(claim["quote"], cue)})
    return ChoiceExercise(
        "hedge_words",
        f"In “{claim['quote']}”, which words set how sure the claim sounds ({claim['certainty']})?",
        options=options,
        correct=cue,
        hint="Those words carry the content, not the certainty. Look for the words that say how likely it is.",
        book=book or answer_book(NOTEBOOK),
    ).with_solution(
        "Look for the word that says how likely the claim is, not what is claimed.",
        f"It is “{cue}”: the dataset codes the claim as '{claim['certainty']}'. The other words carry what is "
        "claimed, not how sure it is.",
    )


def hedge_distractors(quote: str, cue: str, count: int = 3) -> list[str]:
    """Words of ``quote`` that look most like qualifiers (but are not ``cue``), most plausible first.

    >>> hedge_distractors("Carpenter has reportedly said the main focus is now steadfast support", "reportedly")
    ['steadfast', 'said', 'main']
    """
    cue_words = set(cue.lower().split())
    words = [w for w in re.findall(r"[\w’']+", quote) if w.lower() not in cue_words]
    candidates = [w for i, w in enumerate(words) if w.islower() or i == 0]  # no names in the middle
    score = {w: (w.lower() in QUALIFIER_LIKE) * 3 + w.lower().endswith("ly") * 2 + (len(w) >= 7) for w in candidates}
    ranked = sorted(dict.fromkeys(candidates), key=lambda w: (-score[w], words.index(w)))
    return ranked[:count]


@needs_dataset
def coding_exercise(
    workbench: CodingWorkbench | None = None, book: AnswerBook | None = None, at_least: int = 2
) -> StateExercise | NotPosed:
    sample = workbench.sample if workbench is not None else coding_sample(session.dataset())
    if sample.empty:  # nothing to code
        return NotPosed("code_and_compare", "it codes no claim")
    at_least = min(at_least, len(sample))  # the workbench may show fewer claims than asked for

    def check(state) -> Feedback:
        coded, compared = state
        if coded < at_least:
            return Feedback(False, f"Give a type and a certainty to at least {plural(at_least, 'claim')} first.")
        if not compared:
            return Feedback(False, "Now press 'Compare with the dataset'.")
        return Feedback(True, RIGHT + " Read the disagreements: which of them would you defend in class?")

    def state(bench: CodingWorkbench):
        coded = sum(1 for kind, certainty in bench.mine.values() if kind and certainty)
        return coded, bench.compared_with == bench.mine

    return StateExercise(
        "code_and_compare",
        f"Code at least {plural(at_least, 'claim')} (type and certainty) and compare your coding with the dataset's.",
        CodingWorkbench,
        read_state=state,
        check=check,
        describe=lambda s: f"{s[0]} claims coded; {'compared' if s[1] else 'not yet compared'} with the dataset",
        explorer=workbench,
        what="the coding workbench",
        book=book or answer_book(NOTEBOOK),
    ).with_solution(
        f"Any coding counts: choose a type and a certainty for {plural(at_least, 'claim')} or more and press 'Compare "
        "with the dataset'.",
        "Then read the disagreements: a claim's type is often a matter of reading (is a warning a "
        "prescription or a prediction?), and its certainty depends on how much weight you give to small "
        "words such as 'would' or 'reportedly'.",
    )
