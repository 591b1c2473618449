"""The exercises of notebook 02: reading positions, their evidence and the network.

Every answer is computed from the dataset, so the exercises work for any article that honours the
data contract; a check never prints the answer (the notebook's folded solution does). Called with no
arguments, each takes the session's dataset (:mod:`article_explorer.ui.session`) and the notebook's
answer book (:func:`.base.answer_book`).
"""

from __future__ import annotations

import pandas as pd

from article_explorer.data.dataset import Dataset
from article_explorer.data.queries import most_contested_issue
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
)
from article_explorer.explorers.network import NetworkFilters, author_id, network_links
from article_explorer.explorers.positions import PositionMatrixExplorer
from article_explorer.ui import session
from article_explorer.ui.theme import BASIS, words_for
from article_explorer.ui.unavailable import needs_dataset

NOTEBOOK = "02_actors_and_positions"


@needs_dataset
def attributed_positions_exercise(dataset: Dataset | None = None, book: AnswerBook | None = None) -> NumberExercise:
    dataset = session.dataset() if dataset is None else dataset
    attributed = dataset.positions[dataset.positions["basis"] == "attributed"]
    return NumberExercise(
        "attributed_positions",
        "How many positions rest only on the author's attribution: neither stated by the actor nor shown by an action?",
        correct=len(attributed),
        hint_low="More than that. In 'Positions', keep only 'attributed by the author' and read the count.",
        hint_high="Fewer than that. Keep only 'attributed by the author' in 'Positions' and read the count.",
        book=book or answer_book(NOTEBOOK),
    ).with_solution(
        "In 'Positions', click 'attributed by the author' alone and read the count above the matrix.",
        f"In this dataset {len(attributed)} of {plural(len(dataset.positions), 'position')} are the author's "
        "attribution: the author's reading of what an actor wants, not the actor's own words or deeds.",
    )


@needs_dataset
def words_only_exercise(dataset: Dataset | None = None, book: AnswerBook | None = None) -> ChoiceExercise | NotPosed:
    """Whose position on the most contested issue rests only on words, never on an action?"""
    dataset = session.dataset() if dataset is None else dataset
    if dataset.positions.empty:
        return NotPosed("words_only", "it codes no actor's position on an issue")
    issue = most_contested_issue(dataset)
    label = dataset.issues.set_index("issue_id").loc[issue, "label"]
    on_issue = dataset.positions[dataset.positions["issue_id"] == issue]
    acted = set(on_issue.loc[on_issue["basis"] == "action", "actor_name"])
    words_only = sorted(set(on_issue["actor_name"]) - acted, key=str.lower)
    if not words_only:  # no choice would be right
        return NotPosed("words_only", f"every actor with a position on “{label}” acted on it at least once")
    return ChoiceExercise(
        "words_only",
        f"On “{label}”, whose position rests only on words (stated by the actor or attributed by the author), "
        "never on an action?",
        options=sorted(set(on_issue["actor_name"]), key=str.lower),
        correct=set(on_issue["actor_name"]) - acted,
        hint=(
            "Not this one: at least one of its positions on this issue is shown by an action. In 'Stances over "
            "time', read the label next to each marker: 'action', 'stated' or 'attributed'."
        ),
        book=book or answer_book(NOTEBOOK),
    ).with_solution(
        f"Choose “{label}” in 'Stances over time' and read the label next to each marker.",
        (
            f"Only words, never an action: {listed(words_only, 'or')}"
            + (
                " (either is right). "
                if len(words_only) == 2
                else " (any of them is right). "
                if len(words_only) > 2
                else ". "
            )
            if words_only
            else "Every actor on this issue acted on it at least once. "
        )
        + (f"Shown by an action at least once: {listed(sorted(acted, key=str.lower))}." if acted else ""),
    )


@needs_dataset
def attributed_cell_exercise(
    app: PositionMatrixExplorer | None = None, book: AnswerBook | None = None
) -> StateExercise | NotPosed:
    positions = (app.dataset if app is not None else session.dataset()).positions
    if not (positions["basis"] == "attributed").any():  # no cell would be left to open
        return NotPosed("attributed_cell", "none of its positions rests on the author's attribution")

    def check(state) -> Feedback:
        bases, chosen = state
        if set(bases) != {"attributed"}:
            return Feedback(False, "In 'Positions', keep only 'attributed by the author' (click it alone).")
        if chosen is None:
            return Feedback(False, "Now click a lettered square, or choose a cell in the list.")
        return Feedback(
            True,
            RIGHT + " Read the quote: these are the author's words about what the actor wants, not the actor's own.",
        )

    def describe(state) -> str:
        bases, chosen = state
        kept = ", ".join(words_for(BASIS, b) for b in sorted(bases)) or "none"
        if chosen is None:
            return f"positions kept: {kept}; no cell opened"
        dataset = exercise.explorer.dataset
        actor = dataset.actor_names.get(chosen[0], chosen[0])
        issue = dataset.issue_labels.get(chosen[1], chosen[1])
        return f"positions kept: {kept}; cell opened: {actor} on “{issue}”"

    exercise = StateExercise(
        "attributed_cell",
        "Show only the positions attributed by the author, then open the evidence of one of the cells left.",
        PositionMatrixExplorer,
        read_state=lambda explorer: (explorer.bases.value, explorer.chosen),
        check=check,
        describe=describe,
        controls=lambda explorer: [explorer.bases, explorer.cell_picker],
        explorer=app,
        what="the position matrix",
        book=book or answer_book(NOTEBOOK),
    )
    cells = positions[positions["basis"] == "attributed"][["actor_name", "issue_label"]].drop_duplicates()
    examples = [f"{actor} on “{issue}”" for actor, issue in cells.itertuples(index=False)]
    return exercise.with_solution(
        "In the matrix's 'Positions' list, click 'attributed by the author' alone; then click any square that "
        "still has a letter, or choose it in the 'Cell' list. Its evidence says 'attributed by the author'.",
        f"Cells left in this dataset: {listed(examples, 'or')}." if examples else "This dataset has no such cell.",
    )


@needs_dataset
def most_connected_exercise(
    dataset: Dataset | None = None, book: AnswerBook | None = None
) -> ChoiceExercise | NotPosed:
    dataset = session.dataset() if dataset is None else dataset
    links = network_links(dataset, NetworkFilters())
    author = author_id(dataset)
    ends = pd.concat([links["source"], links["target"]])
    counts = ends[ends != author].value_counts()
    names = dataset.actor_names
    if not len(counts):  # no actor to choose
        return NotPosed("most_connected", "its network has no link besides the author's own claims")
    top = {names[a] for a, n in counts.items() if n == counts.max()}
    options = sorted({names[a] for a in counts.index[:6]} | top, key=str.lower)
    leaders = sorted(top, key=str.lower)
    return ChoiceExercise(
        "most_connected",
        "With all issues, all years and both kinds of link, which actor (other than the author in the centre) "
        "has the most links in the network?",
        options=options,
        correct=top,
        hint="Not the most. The sentence under the network names the most connected actors, with their counts.",
        book=book or answer_book(NOTEBOOK),
    ).with_solution(
        "Leave the network at 'All issues', the full span of years and both kinds of link: the sentence under "
        "it lists the most connected actors with their number of links.",
        f"After the author, {listed(leaders, 'and')} {'has' if len(leaders) == 1 else 'have'} the most: "
        f"{plural(int(counts.max()), 'link')}."
        if leaders
        else "The network has no link besides the author's.",
    )
