"""What one kernel session holds for the notebooks: the dataset and the newest explorer of each kind.

(The answer books are the exercises': :func:`article_explorer.exercises.base.answer_book`.)

A learner runs cells out of order, runs a cell twice, restarts the kernel and runs only the
last cell. So no notebook cell relies on a name that another cell made: each cell imports what
it uses and asks this module for the session's state.

* :func:`dataset` loads the dataset once per session (and per folder); a dataset that does not
  validate is an :class:`~article_explorer.ui.unavailable.UnavailableDataset`, which explains
  its problems wherever a cell shows it;
* explorers :func:`register` themselves when they are made, so an exercise that checks "the
  timeline" checks the one the learner sees — the newest — not one that a re-run cell replaced.

>>> class Demo: pass
>>> first, second = Demo(), Demo()
>>> register(first); register(second)
>>> latest(Demo) is second
True
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from article_explorer.data.config import data_dir
from article_explorer.ui.unavailable import UnavailableDataset

if TYPE_CHECKING:
    from article_explorer.data.dataset import Dataset

_datasets: dict[str, Dataset | UnavailableDataset] = {}
_explorers: dict[type, Any] = {}
_listeners: dict[type, list[weakref.WeakMethod]] = {}


def dataset() -> Dataset | UnavailableDataset:
    """The session's dataset (from ``$ARTICLE_DATA_DIR`` or the repository's ``data/``), loaded once;
    an :class:`~article_explorer.ui.unavailable.UnavailableDataset` if it does not validate."""
    from article_explorer.data.dataset import DatasetError, load_dataset

    folder = str(data_dir())
    if folder not in _datasets:
        try:
            _datasets[folder] = load_dataset(folder)
        except DatasetError as error:
            _datasets[folder] = UnavailableDataset(error)
    return _datasets[folder]


def register(explorer: object) -> None:
    """Make ``explorer`` the newest of its kind, and tell whoever watches that kind."""
    kind = type(explorer)
    _explorers[kind] = explorer
    alive = [method for method in _listeners.get(kind, []) if method() is not None]
    _listeners[kind] = alive
    for method in alive:
        method()(explorer)


def latest(kind: type) -> Any | None:
    """The newest explorer of ``kind`` made in this session, or ``None``."""
    return _explorers.get(kind)


def forget_explorers() -> None:
    """Forget every explorer and every exercise that watches them, as a new kernel would. A
    notebook never needs it; a process that goes from one dataset to another does (the tests),
    so that an exercise made for one dataset is never shown an explorer of the next."""
    _explorers.clear()
    _listeners.clear()


def watch(kind: type, listener: Callable[[Any], None]) -> None:
    """Call the bound method ``listener(explorer)`` whenever a new explorer of ``kind`` is made.

    The session holds it weakly: an exercise replaced by a re-run cell is not kept alive for it.
    """
    _listeners.setdefault(kind, []).append(weakref.WeakMethod(listener))
