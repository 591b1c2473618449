"""The dataset's own reading exercises (``lessons/``): close reading with diagnostic options, and
free-text "Think" prompts.

A :class:`ReadingExercise` shows a passage of the article (or of another cited source), a
question and its options. Each wrong option stands for a named misconception: choosing it
names the misconception and nudges, without giving the answer. A *defensible* option is a
reading the dataset's coding does not take but a careful reader may: its feedback says so, and
the answer is kept "not marked". Once the item is answered right (or defensibly), its
explanation unfolds.

A :class:`ThinkBox` takes a free-text answer, kept in the saved answers and never marked.

:func:`reading_items` shows, in a notebook, whatever items the dataset holds for it at one
stage (``cold``, before the explorer shows the coding; ``after``, with it), or says plainly
that it holds none.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets

from article_explorer.data.contract import NOTEBOOKS, SKILLS
from article_explorer.data.dataset import Dataset
from article_explorer.exercises.base import RIGHT, AnswerBook, Exercise, Feedback, answer_book
from article_explorer.ui import session
from article_explorer.ui.cards import paragraph_label
from article_explorer.ui.rendering import esc
from article_explorer.ui.style import page_style
from article_explorer.ui.unavailable import UnavailableDataset

#: What a think answer's feedback says: kept, not marked.
KEPT = "Kept in your answers (not marked). Change it and press the button again to keep the new version."


@dataclass(frozen=True)
class Option:
    option_id: str
    text: str
    verdict: str  # right, wrong or defensible
    misconception: str  # the misconception's name, for a wrong option
    feedback: str


@dataclass(frozen=True)
class LessonItem:
    """One row of ``lessons/items.csv`` with its options and where its passage comes from."""

    item_id: str
    notebook: str
    kind: str
    skill: str
    stage: str
    passage: str
    where: str  # "¶ 9" for the article's sentences, or the source's title
    question: str
    explanation: str
    options: tuple[Option, ...]

    @property
    def objective(self) -> str:
        """The objective the item is aligned to, in words."""
        return SKILLS[self.skill].objective


def _where(dataset: Dataset, row: dict, sentences: dict[str, dict]) -> str:
    """Where an item's passage comes from: "the article, ¶ 9" (or "the article, photo caption"),
    or its source's title (``sentences``: each sentence's row, by id)."""
    if row["sentence_ids"]:
        cited = sorted({(int(sentences[s]["paragraph"]), sentences[s]["part"]) for s in row["sentence_ids"]})
        return "the article, " + ", ".join(paragraph_label(part, paragraph) for paragraph, part in cited)
    if row["source_id"]:
        return dataset.sources_by_id[row["source_id"]]["title"]
    return ""


def lesson_items(dataset: Dataset, notebook: str, stage: str | None = None) -> list[LessonItem]:
    """The dataset's items for ``notebook`` (one of :data:`~article_explorer.data.contract.NOTEBOOKS`),
    at ``stage`` (or every stage), in the order of items.csv."""
    if notebook not in NOTEBOOKS:
        raise ValueError(f"no notebook {notebook!r}; expected one of: {', '.join(NOTEBOOKS)}")
    names = dict(zip(dataset.misconceptions["misconception_id"], dataset.misconceptions["name"], strict=True))
    chosen = dataset.items[dataset.items["notebook"] == notebook]
    if stage is not None:
        chosen = chosen[chosen["stage"] == stage]
    sentences = dataset.sentences.set_index("sentence_id", drop=False).to_dict("index")
    items = []
    for row in chosen.to_dict("records"):
        options = dataset.options[dataset.options["item_id"] == row["item_id"]]
        items.append(
            LessonItem(
                item_id=row["item_id"],
                notebook=notebook,
                kind=row["kind"],
                skill=row["skill"],
                stage=row["stage"],
                passage=row["passage"],
                where=_where(dataset, row, sentences),
                question=row["question"],
                explanation=row["explanation"],
                options=tuple(
                    Option(o["option_id"], o["text"], o["verdict"], names.get(o["misconception_id"], ""), o["feedback"])
                    for o in options.to_dict("records")
                ),
            )
        )
    return items


def _passage_html(item: LessonItem) -> str:
    if not item.passage:
        return ""
    where = f' <span class="ae-meta">({esc(item.where)})</span>' if item.where else ""
    return f'<blockquote class="ae-passage">“{esc(item.passage)}”{where}</blockquote>'


class ReadingExercise(Exercise):
    """A close-reading item: a passage, a question, options whose wrong ones are diagnostic."""

    def __init__(self, item: LessonItem, book: AnswerBook | None = None):
        self.item = item
        self.by_text = {option.text: option for option in item.options}
        picker = widgets.RadioButtons(options=[o.text for o in item.options], value=None, layout={"width": "auto"})
        super().__init__(item.item_id, item.question, picker, book)
        style, question, *rest = self.widget.children  # the passage goes above the question
        self.widget.children = (style, widgets.HTML(_passage_html(item)), question, *rest)

    def check(self, answer: Any) -> Feedback:
        option = self.by_text[answer]
        if option.verdict == "right":
            self._explain()
            return Feedback(True, RIGHT)
        if option.verdict == "defensible":
            self._explain()
            return Feedback(None, f"Defensible, and kept as not marked: {option.feedback}")
        self.solution_box.value = ""
        return Feedback(False, f"Watch for “{option.misconception}”. {option.feedback}")

    def _explain(self) -> None:
        self.solution = self.item.explanation
        self.solution_box.value = f'<p class="ae-meta"><b>Why:</b> {esc(self.item.explanation)}</p>'


class ThinkBox(Exercise):
    """A free-text answer to a Think prompt, kept in the saved answers and never marked."""

    def __init__(self, item: LessonItem, book: AnswerBook | None = None):
        self.item = item
        box = widgets.Textarea(
            value="",
            placeholder="Write a few sentences: your reading, and the words it rests on.",
            layout=widgets.Layout(width="100%", height="6em"),
        )
        super().__init__(item.item_id, item.question, box, book)
        self.check_button.description = "Keep my answer"
        self.check_button.tooltip = "Keep this answer in the file that Save my answers downloads"
        self.answer_row.children = (box,)
        style, question, *rest = self.widget.children
        question.value = f'<p class="ae-question"><b>Think.</b> {esc(item.question)}</p>'
        self.widget.children = (
            style,
            widgets.HTML(_passage_html(item)),
            question,
            self.answer_row,
            self.check_button,
            *rest[1:],
        )

    def check(self, answer: Any) -> Feedback:
        return Feedback(None, KEPT)


def make_item(item: LessonItem, book: AnswerBook | None = None) -> Exercise:
    """The exercise for one item: a :class:`ReadingExercise` or a :class:`ThinkBox`."""
    return ThinkBox(item, book) if item.kind == "think" else ReadingExercise(item, book)


def _dataset(dataset: Dataset | None) -> Dataset | UnavailableDataset:
    return dataset if dataset is not None else session.dataset()


def reading_items(notebook: str, stage: str = "cold", dataset: Dataset | None = None, book: AnswerBook | None = None):
    """The dataset's reading items for ``notebook`` at ``stage``, one under the other. Where it
    holds none: for the ``cold`` stage (a section of its own) a line that says so, for ``after``
    (among the notebook's other exercises) nothing. The notice of
    :mod:`article_explorer.ui.unavailable` if the dataset does not validate."""
    dataset = _dataset(dataset)
    if isinstance(dataset, UnavailableDataset):
        return dataset.notice()
    book = book or answer_book(notebook)
    items = [item for item in lesson_items(dataset, notebook, stage) if item.kind == "choice"]
    if not items and stage != "cold":
        return widgets.VBox([])
    if not items:
        return widgets.VBox(
            [
                page_style(),
                widgets.HTML(
                    '<p class="ae-howto">This dataset brings no reading exercise for this part of the notebook '
                    "(its lessons/items.csv has none): go on below.</p>"
                ),
            ]
        )
    return widgets.VBox([make_item(item, book).widget for item in items])


def think_box(notebook: str, dataset: Dataset | None = None, book: AnswerBook | None = None):
    """The notebook's Think prompt(s) from the dataset, or a general one where it holds none."""
    dataset = _dataset(dataset)
    if isinstance(dataset, UnavailableDataset):
        return dataset.notice()
    book = book or answer_book(notebook)
    items = [item for item in lesson_items(dataset, notebook) if item.kind == "think"]
    if not items:
        items = [
            LessonItem(
                f"think_{notebook[:2]}",
                notebook,
                "think",
                "other_voices",
                "after",
                "",
                "",
                "Which claim of this article would you most want evidence for, and where would you look for it?",
                "",
                (),
            )
        ]
    return widgets.VBox([ThinkBox(item, book).widget for item in items])
