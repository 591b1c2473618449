"""Exercises that check themselves, and a way to take one's answers home.

Each exercise shows a question, takes the learner's answer (a number, a choice, or the
state of an explorer's widgets) and gives immediate feedback: "right", or a hint that moves
the learner on. The feedback never prints the answer. Unanswered exercises never raise, so
"Restart & Run All" always works.

Answers are kept in an :class:`AnswerBook` for the session; its :meth:`~AnswerBook.save_link`
is a download link, kept up to date, that saves them as a CSV file on the learner's computer
(in JupyterLab and in Voila alike; on Binder nothing else is kept).

>>> book = AnswerBook("00_start_here")
>>> quiz = NumberExercise("body_paragraphs", "How many body paragraphs?", correct=10, book=book,
...                       hint_low="Count again.", hint_high="Count again.")
>>> quiz.submit(9).correct
False
>>> quiz.submit(10).message
'Right.'
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets

from .rendering import download_link, esc

RIGHT = "Right."


@dataclass(frozen=True)
class Feedback:
    """The outcome of checking one answer."""

    correct: bool
    message: str

    def html(self) -> str:
        mark, css = ("✔", "ae-right") if self.correct else ("✘", "ae-hint")
        return f'<div class="{css}" role="status"><span aria-hidden="true">{mark}</span> {esc(self.message)}</div>'


@dataclass
class Answer:
    key: str
    question: str
    answer: str
    correct: bool | None  # None: an answer that is not marked right or wrong (a coding, a verdict)
    time: str


class AnswerBook:
    """The answers given in one notebook during this session."""

    def __init__(self, notebook: str):
        self.notebook = notebook
        self.answers: dict[str, Answer] = {}
        # The book keeps its exercises alive: a widget nobody refers to may be garbage-collected
        # and closed, and Voila then shows "model not found" in its place.
        self.exercises: dict[str, Exercise] = {}
        self._link = widgets.HTML()
        self._refresh_link()

    def record(self, key: str, question: str, answer: object, feedback: Feedback | None) -> None:
        """Keep an answer; with ``feedback=None`` it is kept but not marked (a coding, a verdict)."""
        now = dt.datetime.now().isoformat(timespec="seconds")
        self.answers[key] = Answer(key, question, str(answer), None if feedback is None else feedback.correct, now)
        self._refresh_link()

    def to_csv(self) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["notebook", "exercise", "question", "my_answer", "correct", "answered_at"])
        for a in self.answers.values():
            marked = "not marked" if a.correct is None else "yes" if a.correct else "not yet"
            writer.writerow([self.notebook, a.key, a.question, a.answer, marked, a.time])
        return buffer.getvalue()

    @property
    def filename(self) -> str:
        return f"my-answers-{self.notebook}.csv"

    def _refresh_link(self) -> None:
        label = f"Save my answers ({len(self.answers)} so far) as {self.filename}"
        self._link.value = download_link(self.filename, self.to_csv(), label).replace("ae-download", "ae-save", 1)

    def save_link(self) -> widgets.HTML:
        """A link that downloads the answers given so far; it updates after every answer."""
        return self._link


class Exercise:
    """A question, an answer widget, a Check button and a feedback line."""

    def __init__(self, key: str, question: str, answer_widget: widgets.Widget, book: AnswerBook | None = None):
        self.key = key
        self.question = question
        self.book = book
        self.answer_widget = answer_widget
        self.check_button = widgets.Button(description="Check", button_style="primary", tooltip="Check my answer")
        self.feedback = widgets.HTML()
        self.check_button.on_click(lambda _: self.submit(self.current_answer()))
        if book is not None:
            book.exercises[key] = self
        self.widget = widgets.VBox(
            [
                widgets.HTML(f'<p class="ae-question"><b>Exercise.</b> {esc(question)}</p>'),
                widgets.HBox([answer_widget, self.check_button]) if answer_widget else self.check_button,
                self.feedback,
            ],
            layout=widgets.Layout(border="1px solid #bbb", padding="4px 8px", margin="8px 0"),
        )

    def current_answer(self) -> Any:
        return self.answer_widget.value

    def check(self, answer: Any) -> Feedback:  # pragma: no cover - each kind defines it
        raise NotImplementedError

    def submit(self, answer: Any) -> Feedback:
        """Check an answer, show the feedback and record it; never raises on a blank answer."""
        if answer is None or answer == "":
            feedback = Feedback(False, "Give an answer first, then press Check.")
        else:
            feedback = self.check(answer)
            if self.book is not None:
                self.book.record(self.key, self.question, answer, feedback)
        self.feedback.value = feedback.html()
        return feedback

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


class NumberExercise(Exercise):
    """The answer is a whole number; hints say whether to look higher or lower."""

    def __init__(
        self,
        key: str,
        question: str,
        correct: int | set[int],
        *,
        hint_low: str,
        hint_high: str,
        book: AnswerBook | None = None,
    ):
        self.correct = {correct} if isinstance(correct, int) else set(correct)
        self.hint_low, self.hint_high = hint_low, hint_high
        super().__init__(key, question, widgets.IntText(value=0, description="Answer", layout={"width": "200px"}), book)

    def current_answer(self) -> Any:
        return self.answer_widget.value

    def check(self, answer: Any) -> Feedback:
        try:
            number = int(answer)
        except (TypeError, ValueError):
            return Feedback(False, "Type a whole number.")
        if number in self.correct:
            return Feedback(True, RIGHT)
        return Feedback(False, self.hint_low if number < min(self.correct) else self.hint_high)


class ChoiceExercise(Exercise):
    """Pick one option; each wrong option may have its own hint."""

    def __init__(
        self,
        key: str,
        question: str,
        options: Sequence[str],
        correct: str | set[str],
        *,
        hint: str,
        hints: dict[str, str] | None = None,
        book: AnswerBook | None = None,
    ):
        self.correct = {correct} if isinstance(correct, str) else set(correct)
        self.hint, self.hints = hint, hints or {}
        picker = widgets.RadioButtons(options=list(options), value=None, layout={"width": "auto"})
        super().__init__(key, question, picker, book)

    def check(self, answer: Any) -> Feedback:
        if answer in self.correct:
            return Feedback(True, RIGHT)
        return Feedback(False, self.hints.get(answer, self.hint))


class StateExercise(Exercise):
    """The answer is the state of an explorer: set its widgets, then press Check."""

    def __init__(
        self, key: str, question: str, read_state: Callable[[], Any], check: Callable[[Any], Feedback], *, book=None
    ):
        self.read_state = read_state
        self._check = check
        super().__init__(key, question, None, book)
        self.check_button.description = "Check my view"

    def current_answer(self) -> Any:
        return self.read_state()

    def check(self, answer: Any) -> Feedback:
        return self._check(answer)
