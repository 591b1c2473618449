"""The exercises of notebook 00: reading the structure of the article.

Every answer is computed from the dataset, so the exercises work for any article that
honours the data contract; a check never prints the answer (the notebook's folded solution does).
"""

from __future__ import annotations

from article_explorer.data.dataset import Dataset
from article_explorer.exercises.base import RIGHT, AnswerBook, Feedback, NumberExercise, StateExercise, answer_book
from article_explorer.explorers.reader import ArticleReader
from article_explorer.ui import session
from article_explorer.ui.unavailable import needs_dataset

NOTEBOOK = "00_start_here"


@needs_dataset
def body_paragraphs_exercise(dataset: Dataset | None = None, book: AnswerBook | None = None) -> NumberExercise:
    dataset = session.dataset() if dataset is None else dataset
    body = dataset.sentences[dataset.sentences["part"] == "body"]
    return NumberExercise(
        "body_paragraphs",
        "How many paragraphs does the body of the article have? (The standfirst and the photo caption do not count.)",
        correct=body["paragraph"].nunique(),
        hint_low="Too few. Scroll through the whole reader: body paragraphs are numbered with ¶.",
        hint_high="Too many. Leave out the standfirst and the photo caption, and do not count headings.",
        book=book or answer_book(NOTEBOOK),
    )


@needs_dataset
def predictions_exercise(dataset: Dataset | None = None, book: AnswerBook | None = None) -> NumberExercise:
    dataset = session.dataset() if dataset is None else dataset
    predictions = dataset.claims[dataset.claims["claim_type"] == "prediction"].explode("paragraphs")
    counts = predictions["paragraphs"].value_counts()
    busiest = {int(p) for p, n in counts.items() if n == counts.max()} if len(counts) else {0}
    return NumberExercise(
        "most_predictions",
        "In which paragraph does the article make the most predictions? Give its number.",
        correct=busiest,
        hint_low="Look further on in the article: forecasts tend to come once the situation has been described.",
        hint_high="Look earlier in the article. The figure under the reader counts predictions per paragraph.",
        book=book or answer_book(NOTEBOOK),
    )


@needs_dataset
def prediction_sentence_exercise(
    dataset: Dataset | None = None, reader: ArticleReader | None = None, book: AnswerBook | None = None
) -> StateExercise:
    dataset = session.dataset() if dataset is None else dataset
    predicting = {
        sentence_id
        for sentence_ids, kind in zip(dataset.claims["sentence_ids"], dataset.claims["claim_type"], strict=True)
        if kind == "prediction"
        for sentence_id in sentence_ids
    }
    texts = dict(zip(dataset.sentences["sentence_id"], dataset.sentences["text"], strict=True))

    def check(sentence_id: str | None) -> Feedback:
        if sentence_id in predicting:
            return Feedback(True, RIGHT + " The card below the reader shows the prediction and its hedge words.")
        if not sentence_id:
            return Feedback(False, "Choose a sentence in the reader first.")
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
        "In the reader, choose a sentence from which a prediction was coded, then press 'Check my view'.",
        ArticleReader,
        read_state=lambda explorer: explorer.sentence_picker.value,
        check=check,
        describe=describe,
        controls=lambda explorer: [explorer.sentence_picker],
        explorer=reader,
        what="the article reader",
        book=book or answer_book(NOTEBOOK),
    )
