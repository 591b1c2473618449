"""The exercises of notebook 00: reading the structure of the article.

Every answer is computed from the dataset, so the exercises work for any article that
honours the data contract; a check never prints the answer (the notebook's folded solution does).
"""

from __future__ import annotations

from article_explorer.data.dataset import Dataset
from article_explorer.exercises.base import (
    RIGHT,
    AnswerBook,
    Feedback,
    NotPosed,
    NumberExercise,
    StateExercise,
    answer_book,
    listed,
    plural,
)
from article_explorer.explorers.reader import ArticleReader
from article_explorer.ui import session
from article_explorer.ui.unavailable import needs_dataset

NOTEBOOK = "00_start_here"
#: How the exercise names the parts of a page (contract: sentences.part), in page order.
PART_NAMES = {"standfirst": "the standfirst", "caption": "the photo caption", "body": "the body"}
#: Why the prediction exercises cannot be posed on a dataset that codes no prediction.
NO_PREDICTION = "it codes no claim as a prediction"


@needs_dataset
def body_paragraphs_exercise(dataset: Dataset | None = None, book: AnswerBook | None = None) -> NumberExercise:
    dataset = session.dataset() if dataset is None else dataset
    sentences = dataset.sentences
    body = sorted({int(p) for p in sentences.loc[sentences["part"] == "body", "paragraph"]})
    others = [PART_NAMES[part] for part in PART_NAMES if part in set(sentences["part"]) and part != "body"]
    left_out = f" ({listed(others).capitalize()} {'does' if len(others) == 1 else 'do'} not count.)" if others else ""
    leave_out = f"Leave out {listed(others)}, and do not count headings." if others else "Do not count headings."
    span = f"runs from ¶ {body[0]} to ¶ {body[-1]}: " if body and body[-1] - body[0] + 1 == len(body) else "has "
    return NumberExercise(
        "body_paragraphs",
        f"How many paragraphs does the body of the article have?{left_out}",
        correct=len(body),
        hint_low="Too few. Scroll through the whole reader: body paragraphs are numbered with ¶.",
        hint_high=f"Too many. {leave_out}",
        book=book or answer_book(NOTEBOOK),
    ).with_solution(
        f"Scroll through the reader and count the paragraphs numbered ¶ in the body. {leave_out}",
        f"In this dataset the body {span}{plural(len(body), 'paragraph')}.",
    )


@needs_dataset
def predictions_exercise(dataset: Dataset | None = None, book: AnswerBook | None = None) -> NumberExercise | NotPosed:
    dataset = session.dataset() if dataset is None else dataset
    predictions = dataset.claims[dataset.claims["claim_type"] == "prediction"].explode("paragraphs")
    counts = predictions["paragraphs"].value_counts()
    if not len(counts):  # no paragraph to name
        return NotPosed("most_predictions", NO_PREDICTION)
    busiest = {int(p) for p, n in counts.items() if n == counts.max()} if len(counts) else {0}
    top = sorted(busiest)
    answer = (
        f"In this dataset ¶ {top[0]} has the most, with {plural(int(counts.max()), 'prediction')}."
        if len(top) == 1 and len(counts)
        else f"In this dataset {listed([f'¶ {p}' for p in top])} have the most, "
        f"{plural(int(counts.max()), 'prediction')} each: any of them is right."
        if len(counts)
        else "This dataset codes no prediction, so no paragraph has any."
    )
    return NumberExercise(
        "most_predictions",
        "In which paragraph does the article make the most predictions? Give its number.",
        correct=busiest,
        hint_low="Look further on in the article: forecasts tend to come once the situation has been described.",
        hint_high="Look earlier in the article. The figure under the reader counts predictions per paragraph.",
        book=book or answer_book(NOTEBOOK),
    ).with_solution(
        "The figure under the reader stacks the coded rows of each paragraph; the dotted segments are "
        "predictions. Find the tallest dotted segment.",
        answer,
    )


@needs_dataset
def prediction_sentence_exercise(
    dataset: Dataset | None = None, reader: ArticleReader | None = None, book: AnswerBook | None = None
) -> StateExercise | NotPosed:
    dataset = session.dataset() if dataset is None else dataset
    predicting = {
        sentence_id
        for sentence_ids, kind in zip(dataset.claims["sentence_ids"], dataset.claims["claim_type"], strict=True)
        if kind == "prediction"
        for sentence_id in sentence_ids
    }
    if not predicting:  # no sentence would be right
        return NotPosed("prediction_sentence", NO_PREDICTION)
    texts = dict(zip(dataset.sentences["sentence_id"], dataset.sentences["text"], strict=True))
    # A sentence whose claim looks ahead but is coded otherwise (advice, a judgement about the
    # future): calling it a prediction is a defensible reading, kept but not marked.
    looking_ahead = {
        sentence_id: kind
        for sentence_ids, kind, frame in zip(
            dataset.claims["sentence_ids"], dataset.claims["claim_type"], dataset.claims["time_frame"], strict=True
        )
        if frame == "future" and kind != "prediction"
        for sentence_id in sentence_ids
        if sentence_id not in predicting
    }

    def check(sentence_id: str | None) -> Feedback:
        if sentence_id in predicting:
            return Feedback(True, RIGHT + " The card below the reader shows the prediction and its hedge words.")
        if not sentence_id:
            return Feedback(False, "Choose a sentence in the reader first.")
        if sentence_id in looking_ahead:
            return Feedback(
                None,
                f"Defensible, and kept as not marked: this sentence does look ahead, but the dataset codes its "
                f"claim about the future as {article(looking_ahead[sentence_id])} {looking_ahead[sentence_id]}, "
                "not a prediction. Would you call it one? Note why, then look for a sentence the coding and you "
                "would both call a prediction.",
            )
        return Feedback(
            False,
            "No prediction is coded from this sentence. Look for words about what may or will happen, "
            "and check the cards under the reader for 'Claim (prediction)'.",
        )

    def describe(sentence_id: str) -> str:
        text = texts.get(sentence_id, "")
        return f"sentence {sentence_id}: “{text[:80]}{'…' if len(text) > 80 else ''}”"

    return StateExercise(
        "prediction_sentence",
        "In the reader, choose a sentence that makes a prediction (a claim about what may or will happen), then "
        "press 'Check my view'.",
        ArticleReader,
        read_state=lambda explorer: explorer.sentence_picker.value,
        check=check,
        describe=describe,
        controls=lambda explorer: [explorer.sentence_picker],
        explorer=reader,
        what="the article reader",
        book=book or answer_book(NOTEBOOK),
    ).with_solution(
        "Any sentence with a card labelled 'Claim (prediction)' under the reader is right: its hedge words "
        "are marked in the quote.",
        f"In this dataset: {sentences_in_words(dataset, predicting)}."
        + (
            " Defensible, though coded otherwise (claims about the future): "
            f"{sentences_in_words(dataset, set(looking_ahead))}."
            if looking_ahead
            else ""
        ),
    )


def article(word: str) -> str:
    """ "a" or "an" for ``word``.

    >>> article("assessment"), article("prescription")
    ('an', 'a')
    """
    return "an" if word[:1].lower() in "aeiou" else "a"


def sentences_in_words(dataset: Dataset, sentence_ids: set[str]) -> str:
    """Sentences as the reader's Sentence list names them, by paragraph: "¶ 8 sentence 1, ¶ 9 sentences 1 and 3"."""
    rows = dataset.sentences[dataset.sentences["sentence_id"].isin(sentence_ids)]
    by_paragraph: dict[int, list[str]] = {}
    for paragraph, number in sorted(zip(rows["paragraph"], rows["sentence"], strict=True)):
        by_paragraph.setdefault(int(paragraph), []).append(str(int(number)))
    parts = [f"¶ {p} sentence{'s' if len(n) > 1 else ''} {listed(n)}" for p, n in by_paragraph.items()]
    return ", ".join(parts) if parts else "none: no prediction is coded"
