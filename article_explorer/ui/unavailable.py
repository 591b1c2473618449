"""What the notebooks show when their dataset does not validate: one panel, then short notices.

:func:`article_explorer.ui.session.dataset` does not raise when the dataset breaks the contract:
it returns an :class:`UnavailableDataset`. The first cell that shows it (or an explorer or an
exercise made from it) shows the problems panel: what is wrong, file by file and line by line,
and what to do. Every later cell shows a one-line notice that it cannot run. No cell raises, so
JupyterLab runs every cell and Voila shows the panel instead of "There was an error when
executing cell [3]".

Explorers and the coding workbench take the dataset as their first argument and are
:class:`NeedsDataset` classes; the exercises are functions, marked :func:`needs_dataset`.

>>> from article_explorer.data.dataset import DatasetError
>>> from article_explorer.data.validation import Problem
>>> missing = UnavailableDataset(DatasetError("/tmp/d", [Problem("events.csv", 4, "date", "2016-13", "is no date")]))
>>> "events.csv" in missing.notice().value, "cannot run" in missing.notice().value
(True, True)
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from article_explorer.ui.rendering import esc

if TYPE_CHECKING:
    from article_explorer.data.dataset import DatasetError

#: How many problems the panel lists (``article-explorer validate`` lists them all).
PANEL_PROBLEMS = 25


class UnavailableDataset:
    """The session's dataset when it does not validate: it holds the :class:`DatasetError` and,
    shown, explains it (the whole panel the first time, a short notice after that)."""

    def __init__(self, error: DatasetError):
        self.error = error
        self.path = error.path
        self._panel_shown = False

    def notice(self) -> widgets.HTML:
        """The problems panel the first time it is asked for, then the one-line notice."""
        first, self._panel_shown = not self._panel_shown, True
        html = problems_panel(self.error) if first else cannot_run_notice(self.error)
        return widgets.HTML(html, layout=widgets.Layout(width="100%"))

    def summary(self) -> widgets.HTML:
        """What :meth:`article_explorer.data.dataset.Dataset.summary` would show: here, the notice."""
        return self.notice()

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.notice())

    def __repr__(self) -> str:
        return f"<UnavailableDataset from {self.path}: {len(self.error.problems)} problems>"


def problems_panel(error: DatasetError) -> str:
    """The panel: how many problems, a table of the first :data:`PANEL_PROBLEMS` (file, line,
    column, value, what was expected), and what a learner and an author should do."""
    problems = error.problems
    count = len(problems)
    cell = '<td style="padding:2px 8px;vertical-align:top;text-align:left">'
    rows = "".join(
        "<tr>"
        f"{cell}{esc(p.file)}</td>{cell}{'' if p.line is None else p.line}</td>{cell}{esc(p.column or '')}</td>"
        f'<td style="padding:2px 8px;vertical-align:top;white-space:nowrap">'
        f"{'' if p.value is None else esc(p.value[:60])}</td>{cell}{esc(p.message)}</td>"
        "</tr>"
        for p in problems[:PANEL_PROBLEMS]
    )
    more = (
        f"<p>… and {count - PANEL_PROBLEMS} more: <code>article-explorer validate {esc(str(error.path))}</code> "
        "lists them all.</p>"
        if count > PANEL_PROBLEMS
        else ""
    )
    return (
        '<div class="ae-dataset-problems" role="alert" style="border:2px solid #b3261e;border-radius:6px;'
        'padding:10px 14px;margin:6px 0;background:#fdf3f2;color:#1f1f1f">'
        f"<h3 style='margin-top:0'>This notebook cannot show its dataset: it has {count} "
        f"problem{'s' if count != 1 else ''}</h3>"
        f"<p>The dataset in <code>{esc(str(error.path))}</code> does not follow the data contract, so none of "
        "the views or exercises below can run. Nothing is wrong with your notebook.</p>"
        '<table style="border-collapse:collapse;font-size:90%"><thead><tr>'
        + "".join(
            f"<th scope='col' style='padding:2px 8px;text-align:left'>{name}</th>"
            for name in ("File", "Line", "Column", "Value", "What was expected")
        )
        + "</tr></thead>"
        f"<tbody>{rows}</tbody></table>{more}"
        "<p><b>What to do.</b> If you are a learner: tell your instructor, and show them this list. "
        "If you prepared the dataset: fix each row listed (the line numbers are the CSV file's, counting "
        f"the header as line 1), check with <code>article-explorer validate {esc(str(error.path))}</code>, "
        "then restart the kernel and run the notebook again (Kernel ▸ Restart Kernel and Run All Cells; "
        "in app mode, reload the page).</p></div>"
    )


def cannot_run_notice(error: DatasetError) -> str:
    """The line a cell shows after the panel: it cannot run, and why, in a few words."""
    count = len(error.problems)
    return (
        '<p class="ae-cannot-run" role="status" style="color:#8c1d18;margin:4px 0">'
        f"⚠ This part cannot run: the dataset has {count} problem{'s' if count != 1 else ''} "
        "(listed in the panel above, where the dataset was first used).</p>"
    )


class NeedsDataset:
    """A class made from a dataset (its first argument): made from an :class:`UnavailableDataset`,
    it is the notice instead."""

    def __new__(cls, dataset: Any = None, *args: Any, **kwargs: Any):
        if isinstance(dataset, UnavailableDataset):
            return dataset.notice()
        return super().__new__(cls)


def needs_dataset(factory: Callable) -> Callable:
    """Mark an exercise: given no dataset and no explorer, it checks the session's dataset first,
    and shows the notice instead of the exercise when that dataset is unavailable."""

    @functools.wraps(factory)
    def guarded(*args: Any, **kwargs: Any):
        given = [*args, *kwargs.values()]
        unavailable = next((value for value in given if isinstance(value, UnavailableDataset)), None)
        if unavailable is None and not any(value is not None for value in given):
            from article_explorer.ui import session

            current = session.dataset()
            unavailable = current if isinstance(current, UnavailableDataset) else None
        return unavailable.notice() if unavailable is not None else factory(*args, **kwargs)

    return guarded
