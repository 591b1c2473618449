"""The exercises of notebook 04: reading how the analysis argues, hedges and predicts.

Every answer is computed from the dataset, so the exercises work for any article that honours
the data contract; the notebook never shows the answer.
"""

from __future__ import annotations

import re

from .claims import CERTAINTIES
from .coding import CodingWorkbench
from .data import Dataset
from .exercises import RIGHT, AnswerBook, ChoiceExercise, Feedback, NumberExercise, StateExercise


def most_certain_prediction_exercise(dataset: Dataset, book: AnswerBook) -> ChoiceExercise:
    predictions = dataset.claims[dataset.claims["claim_type"] == "prediction"]
    rank = predictions["certainty"].map(CERTAINTIES.index)
    surest = set(predictions.loc[rank == rank.min(), "paraphrase"]) if len(predictions) else set()
    return ChoiceExercise(
        "most_certain_prediction",
        "Which prediction does the article state with the most certainty?",
        options=sorted(predictions["paraphrase"]),
        correct=surest,
        hint="Another prediction sounds surer. Keep only 'prediction' in Type and read the ladder from the top.",
        book=book,
    )


def possible_predictions_exercise(dataset: Dataset, book: AnswerBook) -> NumberExercise:
    claims = dataset.claims
    own_possible = claims[
        (claims["claim_type"] == "prediction") & (claims["voice"] == "own") & (claims["certainty"] == "possible")
    ]
    return NumberExercise(
        "possible_predictions",
        "How many of the author's own predictions does he state as no more than possible?",
        correct=len(own_possible),
        hint_low="More than that. Keep 'prediction' in Type and 'the author's own judgement' in Voice, then count "
        "the 'possible' rung of the ladder.",
        hint_high="Fewer than that. Count only the 'possible' rung, with Type 'prediction' and Voice 'the author's "
        "own judgement'.",
        book=book,
    )


def hedge_words_exercise(dataset: Dataset, book: AnswerBook) -> ChoiceExercise | None:
    """Which words in a quote make the claim sound only possible? ``None`` if no claim fits."""
    claims = dataset.claims
    hedged = claims[(claims["certainty"] != "certain") & claims["hedge_cues"].map(len).eq(1)]
    if hedged.empty:
        return None
    claim = hedged.assign(_first=hedged["paragraphs"].map(min)).sort_values(["_first", "claim_id"]).iloc[0]
    cue = claim["hedge_cues"][0]
    words = [w for w in re.findall(r"[\w’']+", claim["quote"]) if w.lower() not in cue.lower().split()]
    distractors = [" ".join(words[i : i + len(cue.split())]) for i in range(0, len(words), max(1, len(words) // 3))]
    options = sorted({cue, *[d for d in distractors if d and d != cue][:3]})
    return ChoiceExercise(
        "hedge_words",
        f"In “{claim['quote']}”, which words set how sure the claim sounds ({claim['certainty']})?",
        options=options,
        correct=cue,
        hint="Those words carry the content, not the certainty. Look for the words that say how likely it is.",
        book=book,
    )


def coding_exercise(workbench: CodingWorkbench, book: AnswerBook, at_least: int = 2) -> StateExercise:
    def check(state) -> Feedback:
        coded, compared = state
        if coded < at_least:
            return Feedback(False, f"Give a type and a certainty to at least {at_least} claims first.")
        if not compared:
            return Feedback(False, "Now press 'Compare with the dataset'.")
        return Feedback(True, RIGHT + " Read the disagreements: which of them would you defend in class?")

    def state():
        coded = sum(1 for kind, certainty in workbench.mine.values() if kind and certainty)
        return coded, workbench.compared_with == workbench.mine

    return StateExercise(
        "coding",
        f"Code at least {at_least} claims (type and certainty) and compare your coding with the dataset's.",
        read_state=state,
        check=check,
        book=book,
    )
