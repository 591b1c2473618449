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

A state exercise checks the newest explorer of a kind (see :mod:`article_explorer.ui.session`), so
re-running an explorer's cell never leaves an exercise checking a view the learner can no longer
see; it shows views of the controls it checks, so the learner can set them right beside the
question.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets

from article_explorer.ui import session
from article_explorer.ui.rendering import download_link, esc
from article_explorer.ui.style import page_style

RIGHT = "Right."


@dataclass(frozen=True)
class Feedback:
    """The outcome of checking one answer: right (True), not yet (False), or a defensible reading
    that is kept but not marked (None)."""

    correct: bool | None
    message: str

    def html(self) -> str:
        mark, css = {True: ("✔", "ae-right"), False: ("✘", "ae-hint"), None: ("◐", "ae-not-marked")}[self.correct]
        return f'<div class="{css}" role="status"><span aria-hidden="true">{mark}</span> {esc(self.message)}</div>'


@dataclass
class Answer:
    key: str
    question: str
    answer: str
    correct: bool | None  # None: an answer that is not marked right or wrong (a coding, a verdict)
    time: str
    attempts: int = 1  # how many times an answer to this question was checked


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

    def record(self, key: str, question: str, answer: str, feedback: Feedback | None) -> None:
        """Keep an answer, in words; with ``feedback=None`` it is kept but not marked (a coding, a verdict)."""
        if not isinstance(answer, str):
            raise TypeError(f"answers are kept as words a reader understands, not as {type(answer).__name__}")
        now = dt.datetime.now().isoformat(timespec="seconds")
        attempts = self.answers[key].attempts + 1 if key in self.answers else 1
        self.answers[key] = Answer(key, question, answer, None if feedback is None else feedback.correct, now, attempts)
        self._refresh_link()

    def to_csv(self) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["notebook", "exercise", "question", "my_answer", "correct", "attempts", "answered_at"])
        for a in self.answers.values():
            marked = "not marked" if a.correct is None else "yes" if a.correct else "not yet"
            writer.writerow([self.notebook, a.key, a.question, a.answer, marked, a.attempts, a.time])
        return buffer.getvalue()

    @property
    def filename(self) -> str:
        return f"my-answers-{self.notebook}.csv"

    def _refresh_link(self) -> None:
        label = f"Save my answers ({len(self.answers)} so far) as {self.filename}"
        link = download_link(self.filename, self.to_csv(), label).replace("ae-download", "ae-save", 1)
        if not self.answers:
            link += (
                '<p class="ae-howto">No answers yet in this session. (If the kernel was restarted, answers '
                "given before it are no longer here; a file you saved keeps them.)</p>"
            )
        self._link.value = link

    def save_link(self) -> widgets.HTML:
        """A link that downloads the answers given so far; it updates after every answer."""
        return self._link


class Exercise:
    """A question, an answer widget, a Check button and a feedback line."""

    def __init__(self, key: str, question: str, answer_widget: widgets.Widget | None, book: AnswerBook | None = None):
        self.key = key
        self.question = question
        self.book = book
        self.answer_widget = answer_widget
        self.check_button = widgets.Button(description="Check", button_style="primary", tooltip="Check my answer")
        self.check_button.layout.margin = "0 0 0 12px"
        self.feedback = widgets.HTML()
        self.check_button.on_click(lambda _: self.submit(self.current_answer()))
        if answer_widget is not None:  # a changed answer is not yet checked: its old feedback goes
            answer_widget.observe(lambda _: self.clear_feedback(), names="value")
        if book is not None:
            book.exercises[key] = self
        self.answer_row = widgets.HBox([answer_widget, self.check_button] if answer_widget else [self.check_button])
        self.answer_row.layout.align_items = "flex-start"
        self.solution = ""
        self.solution_box = widgets.HTML()
        self.widget = widgets.VBox(
            [  # the page's one style first: a page holds one however many exercises it shows
                page_style(),
                widgets.HTML(f'<p class="ae-question"><b>Exercise.</b> {esc(question)}</p>'),
                self.answer_row,
                self.feedback,
                self.solution_box,
            ],
            layout=widgets.Layout(border="1px solid #bbb", padding="4px 8px", margin="8px 0"),
        )
        self.widget.add_class("ae-exercise")

    def with_solution(self, *paragraphs: str) -> Exercise:
        """Fold a worked solution under the exercise: how to find the answer, and the answer, in
        ``paragraphs`` of plain text computed from the dataset (never typed into a notebook)."""
        self.solution = "\n\n".join(paragraphs)
        body = "".join(f"<p>{esc(paragraph)}</p>" for paragraph in paragraphs)
        self.solution_box.value = f'<details class="ae-solution"><summary>Worked solution</summary>{body}</details>'
        return self

    def current_answer(self) -> Any:
        return self.answer_widget.value

    def check(self, answer: Any) -> Feedback:  # pragma: no cover - each kind defines it
        raise NotImplementedError

    def answer_in_words(self, answer: Any) -> str:
        """The answer as the saved file shows it."""
        return str(answer)

    def clear_feedback(self) -> None:
        self.feedback.value = ""

    def submit(self, answer: Any) -> Feedback:
        """Check an answer, show the feedback and record it; never raises on a blank answer."""
        if answer is None or (isinstance(answer, str) and not answer.strip()):
            feedback = Feedback(False, "Give an answer first, then press Check.")
        else:
            feedback = self.check(answer)
            if self.book is not None:
                self.book.record(self.key, self.question, self.answer_in_words(answer), feedback)
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
        # A text box that starts empty: a box that starts at 0 would record "0" for a learner who
        # only pressed Check. Enter in the box checks too.
        box = widgets.Text(value="", placeholder="a whole number", description="Answer", layout={"width": "220px"})
        super().__init__(key, question, box, book)
        with warnings.catch_warnings():  # ipywidgets calls this old-fashioned; it is the one way to hear Enter
            warnings.simplefilter("ignore", DeprecationWarning)
            box.on_submit(lambda _: self.submit(self.current_answer()))

    def answer_in_words(self, answer: Any) -> str:
        return str(answer).strip()

    def check(self, answer: Any) -> Feedback:
        try:
            number = int(str(answer).strip())
        except (TypeError, ValueError):
            return Feedback(False, "Type a whole number, such as 12.")
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
    """The answer is the state of an explorer: set its widgets, then press Check.

    The exercise checks the newest explorer of ``explorer``'s kind (see :mod:`article_explorer.ui.session`), and
    shows, beside its question, a second view of the ``controls`` it checks (the same widgets:
    changing either changes both), so the learner need not scroll to the explorer and back.
    ``describe`` turns a state into the words saved in the answers file.
    """

    def __init__(
        self,
        key: str,
        question: str,
        kind: type,
        read_state: Callable[[Any], Any],
        check: Callable[[Any], Feedback],
        *,
        describe: Callable[[Any], str],
        controls: Callable[[Any], list[widgets.Widget]] | None = None,
        explorer: object | None = None,
        what: str = "the explorer",
        book: AnswerBook | None = None,
    ):
        self.kind, self.what = kind, what
        self._fallback = explorer
        self.read_state, self._check, self.describe, self._controls = read_state, check, describe, controls
        super().__init__(key, question, None, book)
        self.check_button.description = "Check my view"
        self.controls_row = widgets.HBox(layout=widgets.Layout(flex_flow="row wrap"))
        style, question, *rest = self.widget.children  # the controls go under the question
        self.widget.children = (style, question, self.controls_row, *rest)
        self._show_controls(self.explorer)
        session.watch(self.kind, self._show_controls)

    @property
    def explorer(self) -> Any:
        """The explorer this exercise checks: the newest of its kind."""
        return session.latest(self.kind) or self._fallback

    def _run_first(self) -> str:
        return f"This exercise checks {self.what}: run the cell that shows it (above) first, then this one again."

    def _show_controls(self, explorer: Any) -> None:
        self.clear_feedback()
        if explorer is None:
            self.controls_row.children = (widgets.HTML(f'<p class="ae-howto">{esc(self._run_first())}</p>'),)
            return
        self.controls_row.children = tuple(self._controls(explorer)) if self._controls else ()
        for control in self.controls_row.children:
            control.observe(lambda _: self.clear_feedback(), names="value")

    def current_answer(self) -> Any:
        return None if self.explorer is None else self.read_state(self.explorer)

    def submit(self, answer: Any) -> Feedback:
        if self.explorer is None:
            feedback = Feedback(False, self._run_first())
            self.feedback.value = feedback.html()
            return feedback
        return super().submit(answer)

    def answer_in_words(self, answer: Any) -> str:
        return self.describe(answer)

    def check(self, answer: Any) -> Feedback:
        return self._check(answer)


def listed(names: Sequence[str], conjunction: str = "and") -> str:
    """Names in words: "A", "A and B", "A, B and C"; "none" for no name.

    >>> listed(["Lida"]), listed(["Lida", "Minsk", "Brest"]), listed([], "or"), listed(["A", "B"], "or")
    ('Lida', 'Lida, Minsk and Brest', 'none', 'A or B')
    """
    names = list(names)
    if not names:
        return "none"
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {conjunction} {names[-1]}"


def quoted(texts) -> list[str]:
    """Each text in curly quotation marks, for a list of headlines or labels in a sentence.

    >>> quoted(["Talks end", "A base, perhaps"])
    ['“Talks end”', '“A base, perhaps”']
    """
    return [f"“{text}”" for text in texts]


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """ "1 event", "2 events" (or ``nouns`` for an irregular plural).

    >>> plural(1, "event"), plural(3, "event"), plural(2, "country", "countries")
    ('1 event', '3 events', '2 countries')
    """
    return f"{count} {noun if count == 1 else (nouns or noun + 's')}"


class NotPosed:
    """In place of an exercise that this dataset cannot pose (it has no prediction to find, no
    event with a known outcome...): a line that says so, where the question would be, instead
    of a question nobody could answer. It has no answer and no Check button, and records nothing.

    >>> NotPosed("hindsight_outcome", "no event of this dataset has a known outcome").message
    'This exercise cannot be posed on this dataset: no event of this dataset has a known outcome.'
    """

    def __init__(self, key: str, why: str):
        self.key = key
        self.message = f"This exercise cannot be posed on this dataset: {why}."
        self.widget = widgets.VBox(
            [
                page_style(),
                widgets.HTML(f'<p class="ae-question ae-not-posed"><b>Exercise.</b> {esc(self.message)}</p>'),
            ],
            layout=widgets.Layout(border="1px solid #bbb", padding="4px 8px", margin="8px 0"),
        )
        self.widget.add_class("ae-exercise")

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


_books: dict[str, AnswerBook] = {}


def answer_book(notebook: str) -> AnswerBook:
    """The answer book of ``notebook`` for this kernel session; made on first use."""
    if notebook not in _books:
        _books[notebook] = AnswerBook(notebook)
    return _books[notebook]


def save_my_answers(notebook: str) -> widgets.HTML:
    """The session's *Save my answers* link for ``notebook``, for the notebook's last cell."""
    return answer_book(notebook).save_link()
